import { once } from "node:events";
import fs from "node:fs";
import readline from "node:readline";
import { type Kysely, sql } from "kysely";
import { Migrator } from "kysely/migration";
import { allMigrations } from "./migrate.ts";
import type { DB } from "./schema.ts";

/**
 * Portable backup: newline-delimited JSON, one header line then one line per row. Rows are
 * read with row_to_json and written back with json_populate_recordset, so both engines
 * (PGlite and PostgreSQL) read each other's backups and every type round-trips through
 * Postgres' own JSON conversion.
 */
type Header = {
  format: "lots-backup";
  version: 1;
  createdAt: string;
  migrations: string[];
  tables: string[];
};
type RowLine = { table: string; row: Record<string, unknown> };

const MIGRATION_TABLES = new Set(["kysely_migration", "kysely_migration_lock"]);
const PAGE = 5000;

/** Tables in an order where every referenced table comes before the tables pointing at it. */
async function tablesInDependencyOrder(db: Kysely<DB>): Promise<string[]> {
  const tables = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname`.execute(db);
  const edges = await sql<{ child: string; parent: string }>`
    SELECT cc.relname AS child, pc.relname AS parent FROM pg_constraint k
    JOIN pg_class cc ON cc.oid = k.conrelid JOIN pg_class pc ON pc.oid = k.confrelid
    JOIN pg_namespace n ON n.oid = cc.relnamespace
    WHERE k.contype = 'f' AND n.nspname = 'public' AND cc.relname <> pc.relname`.execute(db);
  const names = tables.rows.map((t) => t.name).filter((t) => !MIGRATION_TABLES.has(t));
  const ordered: string[] = [];
  const visit = (name: string, seen: Set<string>) => {
    if (ordered.includes(name) || seen.has(name)) return;
    seen.add(name);
    for (const e of edges.rows) if (e.child === name) visit(e.parent, seen);
    ordered.push(name);
  };
  for (const name of names) visit(name, new Set());
  return ordered;
}

async function appliedMigrations(db: Kysely<DB>): Promise<string[]> {
  const rows = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
  return rows.rows.map((r) => r.name);
}

export async function backupDatabase(db: Kysely<DB>, file: string): Promise<{ tables: number; rows: number }> {
  const tables = await tablesInDependencyOrder(db);
  const header: Header = {
    format: "lots-backup",
    version: 1,
    createdAt: new Date().toISOString(),
    migrations: await appliedMigrations(db),
    tables,
  };
  const out = fs.createWriteStream(file, { encoding: "utf8" });
  const write = async (line: string) => {
    if (!out.write(`${line}\n`)) await once(out, "drain");
  };
  let rows = 0;
  // One snapshot for the whole dump, so rows written meanwhile cannot tear it.
  await db
    .transaction()
    .setIsolationLevel("repeatable read")
    .execute(async (trx) => {
      await write(JSON.stringify(header));
      for (const table of tables) {
        for (let offset = 0; ; offset += PAGE) {
          const page = await sql<{ row: Record<string, unknown> }>`
          SELECT row_to_json(t) AS row FROM ${sql.table(table)} t ORDER BY t.ctid LIMIT ${PAGE} OFFSET ${offset}`.execute(
            trx,
          );
          for (const r of page.rows) await write(JSON.stringify({ table, row: r.row } satisfies RowLine));
          rows += page.rows.length;
          if (page.rows.length < PAGE) break;
        }
      }
    });
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return { tables: tables.length, rows };
}

async function readBackup(file: string): Promise<{ header: Header; rows: Map<string, Record<string, unknown>[]> }> {
  const lines = readline.createInterface({
    input: fs.createReadStream(file, { encoding: "utf8" }),
    crlfDelay: Infinity,
  });
  let header: Header | undefined;
  const rows = new Map<string, Record<string, unknown>[]>();
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (!line.trim()) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new Error(`Säkerhetskopian är skadad: rad ${lineNo} är inte giltig JSON.`);
    }
    if (!header) {
      const h = parsed as Header;
      if (h?.format !== "lots-backup" || h.version !== 1) throw new Error("Filen är ingen säkerhetskopia från Lots.");
      header = h;
      for (const t of h.tables) rows.set(t, []);
      continue;
    }
    const { table, row } = parsed as RowLine;
    const bucket = rows.get(table);
    if (!bucket || typeof row !== "object")
      throw new Error(`Säkerhetskopian är skadad: rad ${lineNo} har okänd tabell.`);
    bucket.push(row);
  }
  if (!header) throw new Error("Säkerhetskopian är tom.");
  return { header, rows };
}

/** Replaces the whole database with the backup. Run with the server stopped. */
export async function restoreDatabase(db: Kysely<DB>, file: string): Promise<{ tables: number; rows: number }> {
  // Read and check the whole file before anything is dropped.
  const { header, rows } = await readBackup(file);
  const known = allMigrations();
  const unknown = header.migrations.filter((m) => !known[m]);
  if (unknown.length) {
    throw new Error(
      `Säkerhetskopian kommer från en nyare version av Lots (okända migreringar: ${unknown.join(", ")}).`,
    );
  }
  await sql`DROP SCHEMA public CASCADE`.execute(db);
  await sql`CREATE SCHEMA public`.execute(db);
  const migrator = new Migrator({ db, provider: { getMigrations: async () => known } });
  const last = header.migrations.at(-1);
  if (last) {
    const { error } = await migrator.migrateTo(last);
    if (error) throw error;
  }
  let total = 0;
  await db.transaction().execute(async (trx) => {
    for (const table of header.tables) {
      const tableRows = rows.get(table) ?? [];
      total += tableRows.length;
      // Foreign keys are checked per statement, so a self-referencing table (org_node) goes in whole.
      const batch = (await selfReferencing(trx, table)) ? Math.max(tableRows.length, 1) : PAGE;
      for (let i = 0; i < tableRows.length; i += batch) {
        const chunk = JSON.stringify(tableRows.slice(i, i + batch));
        await sql`INSERT INTO ${sql.table(table)} SELECT * FROM json_populate_recordset(NULL::${sql.table(table)}, ${chunk}::json)`.execute(
          trx,
        );
      }
    }
    await resetIdentitySequences(trx);
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
  return { tables: header.tables.length, rows: total };
}

async function selfReferencing(db: Kysely<DB>, table: string): Promise<boolean> {
  const r = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
    WHERE k.contype = 'f' AND k.conrelid = k.confrelid AND c.relname = ${table}`.execute(db);
  return (r.rows[0]?.n ?? 0) > 0;
}

async function resetIdentitySequences(db: Kysely<DB>): Promise<void> {
  const cols = await sql<{ table_name: string; column_name: string }>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = 'public' AND is_identity = 'YES'`.execute(db);
  for (const c of cols.rows) {
    await sql`SELECT setval(pg_get_serial_sequence(${c.table_name}, ${c.column_name}),
      coalesce((SELECT max(${sql.ref(c.column_name)}) FROM ${sql.table(c.table_name)}), 0) + 1, false)`.execute(db);
  }
}
