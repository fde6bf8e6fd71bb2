import { type Kysely, sql } from "kysely";

/**
 * An import audits its rows in bulk events (no entity_id; each row's id in after.rows[*].id). A decision's
 * history finds the events that name its rows through this index instead of reading every bulk event.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX audit_log_bulk_row_ids ON audit_log USING gin (jsonb_path_query_array(after, '$.rows[*].id'))
    WHERE entity_id IS NULL`.execute(db);
}
