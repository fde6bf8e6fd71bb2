import { type Kysely, sql } from "kysely";

/**
 * The waits of each decision (before first execution, and each interruption) with their three-month dates,
 * as the clock (src/evb/clock.ts) works them out from everything registered. The dashboard and the quarter
 * report count and filter these in SQL instead of running the clock over every decision per request; the
 * write paths rewrite a decision's waits whenever it, or one of its interruptions, changes.
 *
 * Existing decisions are filled here in SQL, frozen with this file: `date + interval 'n months'` keeps the
 * day number or takes the shorter month's last day, as the clock's month rule does, and the rest is which
 * date comes first. waits.test.ts checks this fill against the clock's own rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE evb_wait (
      decision_id uuid NOT NULL REFERENCES evb_decision(id) ON DELETE CASCADE,
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      kind text NOT NULL CHECK (kind IN ('beslut','avbrott')),
      start_date date NOT NULL,
      deadline date NOT NULL,
      overdue_from date NOT NULL,
      six_months date NOT NULL,
      twelve_months date NOT NULL,
      end_date date,
      ending text CHECK (ending IN ('verkstalld','aterupptagen','avslutad')),
      next_start date,
      PRIMARY KEY (decision_id, kind, start_date),
      CHECK ((end_date IS NULL) = (ending IS NULL))
    )`.execute(db);
  await sql`CREATE INDEX evb_wait_org ON evb_wait(org_node_id)`.execute(db);
  await sql`CREATE INDEX evb_wait_overdue ON evb_wait(overdue_from)`.execute(db);
  await sql`
    WITH waits AS (
      SELECT d.id AS decision_id, d.org_node_id, 'beslut' AS kind, d.decision_date AS start_date,
             CASE WHEN d.executed_date IS NOT NULL AND (d.closed_date IS NULL OR d.executed_date <= d.closed_date)
                  THEN d.executed_date ELSE d.closed_date END AS end_date,
             CASE WHEN d.executed_date IS NOT NULL AND (d.closed_date IS NULL OR d.executed_date <= d.closed_date)
                  THEN 'verkstalld' WHEN d.closed_date IS NOT NULL THEN 'avslutad' END AS ending
      FROM evb_decision d
      UNION ALL
      SELECT d.id, d.org_node_id, 'avbrott', x.start_date,
             CASE WHEN x.resumed_date IS NOT NULL AND (d.closed_date IS NULL OR x.resumed_date <= d.closed_date)
                  THEN x.resumed_date ELSE d.closed_date END,
             CASE WHEN x.resumed_date IS NOT NULL AND (d.closed_date IS NULL OR x.resumed_date <= d.closed_date)
                  THEN 'aterupptagen' WHEN d.closed_date IS NOT NULL THEN 'avslutad' END
      FROM evb_interruption x JOIN evb_decision d ON d.id = x.decision_id
      WHERE x.start_date >= d.executed_date AND (d.closed_date IS NULL OR x.start_date <= d.closed_date)
    )
    INSERT INTO evb_wait (decision_id, org_node_id, kind, start_date, deadline, overdue_from, six_months,
                          twelve_months, end_date, ending, next_start)
    SELECT decision_id, org_node_id, kind, start_date,
           (start_date + interval '3 months')::date, (start_date + interval '3 months')::date + 1,
           (start_date + interval '6 months')::date, (start_date + interval '12 months')::date,
           end_date, ending,
           lead(start_date) OVER (PARTITION BY decision_id ORDER BY kind = 'avbrott', start_date)
    FROM waits`.execute(db);
}
