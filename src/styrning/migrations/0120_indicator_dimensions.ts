import { type Kysely, sql } from "kysely";

/**
 * Indicators as other municipalities' plans use them (#11): a kind (målindikator, resultatindikator,
 * verksamhetsmått resurs/prestation/effekt, personal); amounts in tkr and mnkr; month-by-month
 * year-to-date series; breakdowns beyond sex as dimensions with members (age groups, target groups,
 * units); forecasts stored apart from outcomes; values owned by the nämnd that reports them, so one
 * definition can be shared by several nämnder; relations between indicators (sum, subset) that checks
 * use; and targets per dimension member (per-unit thresholds). Existing values stay outcomes without a
 * member, owned by the indicator's node, so nothing already recorded changes meaning.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE indicator ADD COLUMN kind text
    CHECK (kind IN ('mal','resultat','resurs','prestation','effekt','personal'))`.execute(db);

  await sql`ALTER TABLE indicator DROP CONSTRAINT indicator_unit_check`.execute(db);
  await sql`ALTER TABLE indicator ADD CONSTRAINT indicator_unit_check
    CHECK (unit IN ('antal','procent','dagar','index','kr','tkr','mnkr','status'))`.execute(db);
  await sql`ALTER TABLE indicator DROP CONSTRAINT indicator_period_type_check`.execute(db);
  await sql`ALTER TABLE indicator ADD CONSTRAINT indicator_period_type_check
    CHECK (period_type IN ('year','tertial','quarter','month','ytd','window'))`.execute(db);

  await sql`
    CREATE TABLE indicator_dimension (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      kind text NOT NULL CHECK (kind IN ('age','target_group','unit','other')),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_node_id, name)
    )`.execute(db);
  await sql`CREATE INDEX indicator_dimension_org_node_idx ON indicator_dimension(org_node_id)`.execute(db);
  await sql`
    CREATE TRIGGER indicator_dimension_touch BEFORE UPDATE ON indicator_dimension
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE indicator_dimension_member (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      dimension_id uuid NOT NULL REFERENCES indicator_dimension(id) ON DELETE CASCADE,
      position integer NOT NULL,
      code text NOT NULL CHECK (code ~ '^[a-z0-9_-]{1,40}$'),
      label text NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (dimension_id, code),
      UNIQUE (dimension_id, position)
    )`.execute(db);
  await sql`
    CREATE INDEX indicator_dimension_member_org_node_idx ON indicator_dimension_member(org_node_id)`.execute(db);
  await sql`
    CREATE TRIGGER indicator_dimension_member_touch BEFORE UPDATE ON indicator_dimension_member
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);

  // Sex stays in indicator.gender_split and indicator_value.gender; a further breakdown is one dimension.
  await sql`ALTER TABLE indicator ADD COLUMN dimension_id uuid REFERENCES indicator_dimension(id)`.execute(db);

  await sql`ALTER TABLE indicator_value ADD COLUMN value_kind text NOT NULL DEFAULT 'outcome'
    CHECK (value_kind IN ('outcome','forecast'))`.execute(db);
  await sql`ALTER TABLE indicator_value ADD COLUMN member_id uuid
    REFERENCES indicator_dimension_member(id)`.execute(db);
  await sql`ALTER TABLE indicator_value DROP CONSTRAINT indicator_value_indicator_id_period_gender_key`.execute(db);
  await sql`ALTER TABLE indicator_value ADD CONSTRAINT indicator_value_cell_key
    UNIQUE NULLS NOT DISTINCT (indicator_id, org_node_id, period, gender, member_id, value_kind)`.execute(db);

  await sql`ALTER TABLE indicator_target ADD COLUMN member_id uuid
    REFERENCES indicator_dimension_member(id)`.execute(db);
  await sql`ALTER TABLE indicator_target DROP CONSTRAINT indicator_target_indicator_id_year_key`.execute(db);
  await sql`ALTER TABLE indicator_target ADD CONSTRAINT indicator_target_year_member_key
    UNIQUE NULLS NOT DISTINCT (indicator_id, year, member_id)`.execute(db);

  // A is the sum of its 'sum' parts; a 'subset' part never exceeds A. Checked per period and sex.
  await sql`
    CREATE TABLE indicator_relation (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      whole_id uuid NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
      part_id uuid NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('sum','subset')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (whole_id, part_id),
      CHECK (whole_id <> part_id)
    )`.execute(db);
  await sql`CREATE INDEX indicator_relation_org_node_idx ON indicator_relation(org_node_id)`.execute(db);
  await sql`CREATE INDEX indicator_relation_part_idx ON indicator_relation(part_id)`.execute(db);
  await sql`
    CREATE TRIGGER indicator_relation_touch BEFORE UPDATE ON indicator_relation
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
}
