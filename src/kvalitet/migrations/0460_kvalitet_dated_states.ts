import { type Kysely, sql } from "kysely";

/**
 * The dates the joint view needs to say where a record stood on a period's last day, which the registers
 * did not keep: when a händelse's handling began (rapporterad → under utredning) and when an IVO-tillsyn
 * was closed. Rows written before this migration get the latest day the change can have happened (the
 * closing day, else the day of the row's last change): a view of an earlier period then shows them in their
 * earlier state rather than claim a change that may not yet have happened.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE kvalitet_event ADD COLUMN handled_on date`.execute(db);
  await sql`
    UPDATE kvalitet_event
    SET handled_on = greatest(reported_on, least(closed_on, (updated_at AT TIME ZONE 'Europe/Stockholm')::date))
    WHERE status <> 'rapporterad'`.execute(db);
  await sql`
    ALTER TABLE kvalitet_event
      ADD CONSTRAINT kvalitet_event_handled_on CHECK ((status = 'rapporterad') = (handled_on IS NULL)),
      ADD CONSTRAINT kvalitet_event_handled_order CHECK (handled_on >= reported_on AND handled_on <= closed_on)`.execute(
    db,
  );

  await sql`ALTER TABLE kvalitet_inspection ADD COLUMN closed_on date`.execute(db);
  await sql`
    UPDATE kvalitet_inspection
    SET closed_on = coalesce(decision_on, (updated_at AT TIME ZONE 'Europe/Stockholm')::date)
    WHERE status = 'avslutad'`.execute(db);
  await sql`
    ALTER TABLE kvalitet_inspection
      ADD CONSTRAINT kvalitet_inspection_closed_on CHECK ((status = 'avslutad') = (closed_on IS NOT NULL))`.execute(db);
}
