import { type Kysely, sql } from "kysely";

/** The server's version string (PostgreSQL or PGlite); answering at all shows the database is reachable. */
export async function databaseVersion(db: Kysely<unknown>): Promise<string | null> {
  const result = await sql<{ version: string }>`select version() as version`.execute(db);
  return result.rows[0]?.version ?? null;
}
