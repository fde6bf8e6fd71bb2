import { type Kysely, sql } from "kysely";

/** Columns every table carries. */
export const timestampColumns = sql.raw(`
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()`);

/** Keeps updated_at honest whatever code path writes the row. */
export async function addTouchTrigger(db: Kysely<unknown>, table: string): Promise<void> {
  await sql
    .raw(
      `CREATE TRIGGER ${table}_touch BEFORE UPDATE ON ${table}
       FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`,
    )
    .execute(db);
}
