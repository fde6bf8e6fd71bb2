import { type Kysely, sql } from "kysely";

/**
 * Goal models any municipality can configure (#11): grouping levels (perspectives) and uppdrag levels beside
 * goal and activity levels; "beslutad av" on each goal and indicator, not only per level; uppdrag as their own
 * register with a report-back instruction and dated follow-ups; activities with an amount and an expected
 * effect; and directives no longer limited to two years.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE goal_level DROP CONSTRAINT goal_level_kind_check`.execute(db);
  await sql`
    ALTER TABLE goal_level ADD CONSTRAINT goal_level_kind_check
    CHECK (kind IN ('grouping','goal','uppdrag','activity'))`.execute(db);
  // Only goals are assessed: groupings, uppdrag and activities are not.
  await sql`ALTER TABLE goal_level ADD CONSTRAINT goal_level_only_goals_assessed
    CHECK (NOT assessed OR kind = 'goal')`.execute(db);

  // Each goal says who decided it; existing goals take their level's value.
  await sql`ALTER TABLE goal ADD COLUMN decided_by text`.execute(db);
  await sql`UPDATE goal SET decided_by = l.decided_by FROM goal_level l WHERE l.id = goal.level_id`.execute(db);
  await sql`ALTER TABLE goal ALTER COLUMN decided_by SET NOT NULL`.execute(db);
  await sql`ALTER TABLE goal ADD CONSTRAINT goal_decided_by_check
    CHECK (decided_by IN ('kf','namnd','forvaltning'))`.execute(db);

  // An indicator KF decided on (a KF-indikator) or the nämnd's own; null when not stated.
  await sql`ALTER TABLE indicator ADD COLUMN decided_by text
    CHECK (decided_by IN ('kf','namnd','forvaltning'))`.execute(db);

  await sql`ALTER TABLE directive DROP CONSTRAINT directive_check`.execute(db);
  await sql`ALTER TABLE directive ADD CONSTRAINT directive_valid_years_check
    CHECK (valid_to >= valid_from)`.execute(db);

  await sql`
    CREATE TABLE styrning_uppdrag (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      year integer NOT NULL CHECK (year BETWEEN 1900 AND 2200),
      goal_id uuid REFERENCES goal(id) ON DELETE SET NULL,
      code text CHECK (length(code) BETWEEN 1 AND 40),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 2000),
      description text,
      decided_by text NOT NULL CHECK (decided_by IN ('kf','namnd')),
      owner_org_node_id uuid REFERENCES org_node(id),
      owner_name text CHECK (length(owner_name) BETWEEN 1 AND 200),
      report_month text CHECK (report_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      report_form text CHECK (report_form IN ('skriftlig','muntlig')),
      report_to text CHECK (report_to IN ('namnd','kf','utskott')),
      status text NOT NULL DEFAULT 'ej_paborjad' CHECK (status IN ('ej_paborjad','pagar','klar','avbruten')),
      start_date date,
      end_date date,
      position integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((report_month IS NULL) = (report_form IS NULL) AND (report_form IS NULL) = (report_to IS NULL)),
      CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
    )`.execute(db);
  await sql`CREATE INDEX styrning_uppdrag_org_node_idx ON styrning_uppdrag(org_node_id)`.execute(db);
  await sql`CREATE INDEX styrning_uppdrag_goal_idx ON styrning_uppdrag(goal_id)`.execute(db);
  await sql`
    CREATE TRIGGER styrning_uppdrag_touch BEFORE UPDATE ON styrning_uppdrag
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE styrning_uppdrag_followup (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      uppdrag_id uuid NOT NULL REFERENCES styrning_uppdrag(id) ON DELETE CASCADE,
      dated_on date NOT NULL,
      status text NOT NULL CHECK (status IN ('ej_paborjad','pagar','klar','avbruten')),
      text text NOT NULL CHECK (length(text) BETWEEN 1 AND 10000),
      author_id uuid REFERENCES app_user(id),
      author_name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`
    CREATE INDEX styrning_uppdrag_followup_org_node_idx ON styrning_uppdrag_followup(org_node_id)`.execute(db);
  await sql`
    CREATE INDEX styrning_uppdrag_followup_uppdrag_idx ON styrning_uppdrag_followup(uppdrag_id)`.execute(db);
  await sql`
    CREATE TRIGGER styrning_uppdrag_followup_touch BEFORE UPDATE ON styrning_uppdrag_followup
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);

  // Savings measures carry an amount in whole kronor (shown in tkr) and the effect expected of them;
  // an activity may carry out an uppdrag.
  await sql`ALTER TABLE activity ADD COLUMN amount integer`.execute(db);
  await sql`ALTER TABLE activity ADD COLUMN expected_effect text CHECK (length(expected_effect) <= 2000)`.execute(db);
  await sql`ALTER TABLE activity ADD COLUMN uppdrag_id uuid REFERENCES styrning_uppdrag(id) ON DELETE SET NULL`.execute(
    db,
  );
  await sql`CREATE INDEX activity_uppdrag_idx ON activity(uppdrag_id)`.execute(db);
}
