import { type Kysely, sql } from "kysely";

/**
 * Nämnd's föreningsbidrag: the yearly grant cycle. A year has its frame (anslag, whole kronor) and its
 * criteria (data, per year); applications (association, purpose, amount applied) move inkommen →
 * komplettering begärd → bedömd → beviljad/avslagen → utbetald → återrapporterad, in round 1 or in the second
 * round for the remaining funds; each application is assessed per criterion; samples drawn for internkontroll
 * are stored with their seed, who drew them and when, so the draw can be repeated.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE namnd_grant_year (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      year integer NOT NULL CHECK (year BETWEEN 2000 AND 2200),
      frame_kronor integer NOT NULL CHECK (frame_kronor >= 0),
      report_due_on date NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_node_id, year)
    )`.execute(db);
  await sql`
    CREATE TRIGGER namnd_grant_year_touch BEFORE UPDATE ON namnd_grant_year
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);

  await sql`
    CREATE TABLE namnd_grant_criterion (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      year_id uuid NOT NULL REFERENCES namnd_grant_year(id) ON DELETE CASCADE,
      position integer NOT NULL CHECK (position >= 1),
      text text NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
      UNIQUE (year_id, position)
    )`.execute(db);

  await sql`
    CREATE TABLE namnd_grant_application (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      year_id uuid NOT NULL REFERENCES namnd_grant_year(id),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      number integer NOT NULL CHECK (number >= 1),
      round integer NOT NULL CHECK (round BETWEEN 1 AND 2),
      association text NOT NULL CHECK (length(association) BETWEEN 1 AND 200),
      purpose text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 2000),
      amount_applied integer NOT NULL CHECK (amount_applied > 0),
      received_on date NOT NULL,
      diarienummer text CHECK (diarienummer ~ '^[A-ZÅÄÖ]{1,10}-[0-9]{4}-[0-9]{5}$'),
      status text NOT NULL CHECK (status IN
        ('inkommen','komplettering_begard','bedomd','beviljad','avslagen','utbetald','aterrapporterad')),
      completion_requested_on date CHECK (completion_requested_on >= received_on),
      completion_note text CHECK (length(completion_note) BETWEEN 1 AND 1000),
      assessed_on date CHECK (assessed_on >= received_on),
      assessment_note text CHECK (length(assessment_note) BETWEEN 1 AND 2000),
      decided_on date CHECK (decided_on >= assessed_on),
      decision_reference text CHECK (length(decision_reference) BETWEEN 1 AND 200),
      amount_granted integer CHECK (amount_granted >= 0 AND amount_granted <= amount_applied),
      reasons text CHECK (length(reasons) BETWEEN 1 AND 1000),
      paid_on date CHECK (paid_on >= decided_on),
      reported_on date CHECK (reported_on >= paid_on),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (year_id, number),
      CHECK ((status = 'inkommen' OR status = 'komplettering_begard') = (assessed_on IS NULL)),
      CHECK ((status = 'beviljad' OR status = 'avslagen' OR status = 'utbetald' OR status = 'aterrapporterad')
        = (decided_on IS NOT NULL AND amount_granted IS NOT NULL AND reasons IS NOT NULL)),
      CHECK (status <> 'avslagen' OR amount_granted = 0),
      CHECK (NOT (status = 'beviljad' OR status = 'utbetald' OR status = 'aterrapporterad') OR amount_granted > 0),
      CHECK ((status = 'utbetald' OR status = 'aterrapporterad') = (paid_on IS NOT NULL)),
      CHECK ((status = 'aterrapporterad') = (reported_on IS NOT NULL))
    )`.execute(db);
  await sql`
    CREATE TRIGGER namnd_grant_application_touch BEFORE UPDATE ON namnd_grant_application
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);

  await sql`
    CREATE TABLE namnd_grant_assessment (
      application_id uuid NOT NULL REFERENCES namnd_grant_application(id) ON DELETE CASCADE,
      criterion_id uuid NOT NULL REFERENCES namnd_grant_criterion(id) ON DELETE CASCADE,
      fulfilment text NOT NULL CHECK (fulfilment IN ('uppfyllt','delvis','ej_uppfyllt')),
      note text CHECK (length(note) BETWEEN 1 AND 1000),
      PRIMARY KEY (application_id, criterion_id)
    )`.execute(db);

  await sql`
    CREATE TABLE namnd_grant_sample (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      year_id uuid NOT NULL REFERENCES namnd_grant_year(id) ON DELETE CASCADE,
      seed text NOT NULL CHECK (length(seed) BETWEEN 1 AND 100),
      size integer NOT NULL CHECK (size >= 1),
      drawn_by uuid REFERENCES app_user(id),
      drawn_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE namnd_grant_sample_item (
      sample_id uuid NOT NULL REFERENCES namnd_grant_sample(id) ON DELETE CASCADE,
      position integer NOT NULL CHECK (position >= 1),
      application_id uuid NOT NULL REFERENCES namnd_grant_application(id),
      PRIMARY KEY (sample_id, position),
      UNIQUE (sample_id, application_id)
    )`.execute(db);
}
