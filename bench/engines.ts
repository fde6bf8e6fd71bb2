// Where a bench runs: an in-memory PGlite, and with BENCH_DATABASE_URL also a fresh PostgreSQL database.
import { sql } from "kysely";
import { type Database, openDatabase } from "../src/platform/db/database.ts";

/** Runs `run` on PGlite, then (with BENCH_DATABASE_URL) on a new PostgreSQL database `name`, dropped afterwards. */
export async function onEachEngine(name: string, run: (database: Database) => Promise<void>): Promise<void> {
  const memory = await openDatabase({ memory: true });
  await run(memory);
  await memory.close();
  if (!process.env.BENCH_DATABASE_URL) return;
  const url = new URL(process.env.BENCH_DATABASE_URL);
  const admin = await openDatabase({ url: url.toString() });
  await sql`DROP DATABASE IF EXISTS ${sql.id(name)} WITH (FORCE)`.execute(admin.db);
  await sql`CREATE DATABASE ${sql.id(name)}`.execute(admin.db);
  url.pathname = `/${name}`;
  const pg = await openDatabase({ url: url.toString() });
  try {
    await run(pg);
  } finally {
    await pg.close();
    await sql`DROP DATABASE ${sql.id(name)} WITH (FORCE)`.execute(admin.db);
    await admin.close();
  }
}
