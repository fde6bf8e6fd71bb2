import { type Kysely, sql } from "kysely";

/**
 * What every imported value paid for nothing (#16: a Kolada import writes tens of thousands at a time):
 *
 * - kolada_value's index on the node: its unique key begins with the node and answers the same lookups;
 * - the sorted-set check of a value's or target's parts ran a SQL function (an aggregate over the array) for
 *   every row, though a set of none or one part, as almost every value has, is sorted already.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX kolada_value_org_node_idx`.execute(db);
  for (const table of ["indicator_value", "indicator_target"]) {
    const check = `${table}_member_set_check`;
    await sql`ALTER TABLE ${sql.table(table)} DROP CONSTRAINT ${sql.id(check)}`.execute(db);
    await sql`ALTER TABLE ${sql.table(table)} ADD CONSTRAINT ${sql.id(check)}
      CHECK ((cardinality(member_ids) < 2 OR member_ids = lots_sorted_uuids(member_ids))
        AND array_position(member_ids, NULL) IS NULL)`.execute(db);
  }
}
