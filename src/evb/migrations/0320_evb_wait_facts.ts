import { type Kysely, sql } from "kysely";

/**
 * What the dashboard and the quarter report group and order the waits by, stored on each wait so that their
 * counts and orders read evb_wait without joining every decision: the decision's person id (the report's
 * lists are in register order: decision date, then person), sex, insats and date, and the wait's
 * reason code (its interruption's own if that gives a reason, code or text, else the decision's delay code;
 * report.ts reasonSource). refreshWaits writes them with the waits on every write to a decision.
 *
 * Existing waits are filled here in SQL, frozen with this file; waits.test.ts checks the fill against
 * refreshWaits.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE evb_wait
      ADD COLUMN person_id text,
      ADD COLUMN sex text CHECK (sex IN ('K','M')),
      ADD COLUMN insats_id uuid REFERENCES evb_insats(id),
      ADD COLUMN decision_date date,
      ADD COLUMN reason_code_id uuid REFERENCES evb_code(id)`.execute(db);
  await sql`
    UPDATE evb_wait w
    SET person_id = d.person_id, sex = d.sex, insats_id = d.insats_id, decision_date = d.decision_date, reason_code_id = d.delay_code_id
    FROM evb_decision d
    WHERE d.id = w.decision_id`.execute(db);
  await sql`
    UPDATE evb_wait w
    SET reason_code_id = x.reason_code_id
    FROM evb_interruption x
    WHERE w.kind = 'avbrott' AND x.decision_id = w.decision_id AND x.start_date = w.start_date
      AND (x.reason_code_id IS NOT NULL OR coalesce(x.reason_text, '') <> '')`.execute(db);
  await sql`
    ALTER TABLE evb_wait
      ALTER COLUMN person_id SET NOT NULL,
      ALTER COLUMN sex SET NOT NULL,
      ALTER COLUMN insats_id SET NOT NULL,
      ALTER COLUMN decision_date SET NOT NULL`.execute(db);
}
