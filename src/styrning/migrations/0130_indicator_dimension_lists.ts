import { type Kysely, sql } from "kysely";

/**
 * Several dimensions on one indicator (#11), and conditional thresholds. An indicator holds an ordered list
 * of dimensions (age group and unit, target group and age …); a value or a target is keyed by a set of
 * members, at most one per dimension: none is the whole, one member of each dimension a full combination,
 * anything between a subtotal. The set is kept as a sorted uuid array, so the uniqueness of a cell is a
 * plain UNIQUE constraint. The single dimension of 0120 becomes the first of the list, and a value or target
 * of one member becomes the set of that member: nothing recorded changes meaning.
 *
 * A target may apply only while a condition on another indicator's outcome in the same period holds
 * ("90 % om antalet ärenden är minst 20"); when it does not, the otherwise-target applies, or none.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE indicator_dimension_link (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      indicator_id uuid NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
      dimension_id uuid NOT NULL REFERENCES indicator_dimension(id),
      position integer NOT NULL CHECK (position >= 0),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (indicator_id, dimension_id),
      UNIQUE (indicator_id, position)
    )`.execute(db);
  await sql`CREATE INDEX indicator_dimension_link_org_node_idx ON indicator_dimension_link(org_node_id)`.execute(db);
  await sql`
    CREATE TRIGGER indicator_dimension_link_touch BEFORE UPDATE ON indicator_dimension_link
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    INSERT INTO indicator_dimension_link (org_node_id, indicator_id, dimension_id, position)
    SELECT org_node_id, id, dimension_id, 0 FROM indicator WHERE dimension_id IS NOT NULL`.execute(db);
  await sql`ALTER TABLE indicator DROP COLUMN dimension_id`.execute(db);

  // A set of members in one canonical order, so equal sets are equal arrays.
  await sql`
    CREATE FUNCTION lots_sorted_uuids(ids uuid[]) RETURNS uuid[] LANGUAGE sql IMMUTABLE AS
    $$ SELECT coalesce(array_agg(x ORDER BY x), '{}') FROM unnest(ids) AS x $$`.execute(db);

  for (const [table, key, columns] of [
    [
      "indicator_value",
      "indicator_value_cell_key",
      "indicator_id, org_node_id, period, gender, member_ids, value_kind",
    ],
    ["indicator_target", "indicator_target_year_member_key", "indicator_id, year, member_ids"],
  ] as const) {
    await sql`ALTER TABLE ${sql.table(table)} ADD COLUMN member_ids uuid[] NOT NULL DEFAULT '{}'`.execute(db);
    await sql`UPDATE ${sql.table(table)} SET member_ids = ARRAY[member_id] WHERE member_id IS NOT NULL`.execute(db);
    await sql`ALTER TABLE ${sql.table(table)} DROP CONSTRAINT ${sql.id(key)}`.execute(db);
    await sql`ALTER TABLE ${sql.table(table)} DROP COLUMN member_id`.execute(db);
    await sql`ALTER TABLE ${sql.table(table)} ADD CONSTRAINT ${sql.id(`${table}_member_set_check`)}
      CHECK (member_ids = lots_sorted_uuids(member_ids) AND array_position(member_ids, NULL) IS NULL)`.execute(db);
    await sql`ALTER TABLE ${sql.table(table)} ADD CONSTRAINT ${sql.id(key)} UNIQUE (${sql.raw(columns)})`.execute(db);
  }

  await sql`ALTER TABLE indicator_target
    ADD COLUMN condition_indicator_id uuid REFERENCES indicator(id),
    ADD COLUMN condition_op text CHECK (condition_op IN ('lt','lte','gt','gte','eq')),
    ADD COLUMN condition_value numeric,
    ADD COLUMN otherwise_target text CHECK (length(otherwise_target) BETWEEN 1 AND 200),
    ADD CONSTRAINT indicator_target_condition_check CHECK (
      (condition_indicator_id IS NULL) = (condition_op IS NULL)
      AND (condition_op IS NULL) = (condition_value IS NULL)
      AND (otherwise_target IS NULL OR condition_op IS NOT NULL)
      AND condition_indicator_id <> indicator_id
    )`.execute(db);
}
