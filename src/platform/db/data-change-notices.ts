// Every table with data notifies lots_data when a statement changes it, so a process that holds answers in memory
// (http/answer-cache.ts) drops them whoever wrote: Lots, a CLI command, another process or an operator's SQL.
// Ensured after every migration run rather than in one migration: a table a later migration adds (in whatever
// capability, in whatever order) gets its trigger too, and none can be forgotten.
import { type Kysely, sql } from "kysely";
import { DATA_CHANNEL } from "./change-notices.ts";

const TRIGGER = "lots_data_change";

/**
 * Written by reads and sign-ins rather than by changes to data: a notice from them would drop every held answer on
 * every personal-data read (the access log) or request (a session seen again).
 */
export const TABLES_WITHOUT_DATA_NOTICES = [
  "access_log",
  "access_log_record",
  "session",
  "oidc_session",
  "failed_login",
  "kysely_migration",
  "kysely_migration_lock",
];

/** Adds the notifying trigger to every table that lacks it; a no-op (one catalogue read) when none does. */
export async function ensureDataChangeNotices<DB>(db: Kysely<DB>): Promise<void> {
  const missing = () =>
    sql<{ table: string }>`
      SELECT c.relname AS "table" FROM pg_class c
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND c.relname::text <> ALL(${TABLES_WITHOUT_DATA_NOTICES}::text[])
        AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = ${TRIGGER})`;
  if ((await missing().execute(db)).rows.length === 0) return;
  const add = async (trx: Kysely<DB>) => {
    // Two processes starting at once would otherwise race on the same DDL.
    await sql`SELECT pg_advisory_xact_lock(hashtext(${TRIGGER}))`.execute(trx);
    await sql`
      CREATE OR REPLACE FUNCTION lots_notify_data_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify(${sql.lit(DATA_CHANNEL)}, '');
        RETURN NULL;
      END $$`.execute(trx);
    for (const { table } of (await missing().execute(trx)).rows) {
      // Per statement, on commit; PostgreSQL folds the equal notices of one transaction into one.
      await sql`
        CREATE TRIGGER ${sql.id(TRIGGER)} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${sql.table(table)}
        FOR EACH STATEMENT EXECUTE FUNCTION lots_notify_data_change()`.execute(trx);
    }
  };
  await (db.isTransaction ? add(db) : db.transaction().execute(add));
}
