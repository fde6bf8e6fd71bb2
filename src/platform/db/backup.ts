import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { Migrator } from "kysely/migration";
import { z } from "zod";
import { recordAudit } from "../audit/audit.ts";
import { formatCount } from "../i18n/format.ts";
import { ensureDataChangeNotices } from "./data-change-notices.ts";
import type { Migrations } from "./migrate.ts";
import type { PlatformDb } from "./schema.ts";

/**
 * Portable backup, format version 2: newline-delimited JSON.
 *   line 1        header {format, version, createdAt, migrations, tables}
 *   row lines     {table, row}, grouped by table in the header's order (referenced tables first)
 *   last line     closing record {format: "lots-backup-end", counts, rows, sha256}, where sha256 covers
 *                 every byte before it. A missing closing record means the file was cut short.
 * Rows are written with row_to_json and read back with json_populate_record as text end to end, so both
 * engines read each other's backups and no value passes through a JavaScript number or Date.
 */
const FORMAT = "lots-backup";
const CLOSING = "lots-backup-end";
const VERSION = 2;

const headerSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  createdAt: z.string(),
  migrations: z.array(z.string()),
  tables: z.array(z.string()),
});
const rowLineSchema = z.strictObject({ table: z.string(), row: z.record(z.string(), z.unknown()) });
const closingSchema = z.strictObject({
  format: z.literal(CLOSING),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  rows: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
type Header = z.infer<typeof headerSchema>;
type Manifest = { header: Header; counts: Record<string, number>; rows: number; sha256: string };
/** One row line as read from the file: its line number (for messages) and its exact text. */
type RowText = { line: number; text: string };

const MIGRATION_TABLES = new Set(["kysely_migration", "kysely_migration_lock"]);
const PAGE = 5000;
const WRITE_CHUNK = 1 << 20;

/** Tables in an order where every referenced table comes before the tables pointing at it. */
async function tablesInDependencyOrder(db: PlatformDb): Promise<string[]> {
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

async function appliedMigrations(db: PlatformDb): Promise<string[]> {
  const rows = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
  return rows.rows.map((r) => r.name);
}

/** Hash-chained tables (audit_log) are dumped in chain order, so a restore re-inserts them in it. */
async function chainedTables(db: PlatformDb): Promise<Set<string>> {
  const rows = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.columns
    WHERE table_schema = 'public' AND column_name = 'chain_seq'`.execute(db);
  return new Set(rows.rows.map((r) => r.name));
}

/**
 * Writes the whole database to `file` (mode 0600: it holds password hashes and personal data). The file
 * is written beside the target and renamed into place, so a failed backup never replaces a good one.
 */
export async function backupDatabase(db: PlatformDb, file: string): Promise<{ tables: number; rows: number }> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${crypto.randomBytes(6).toString("hex")}.tmp`);
  // "wx": a fresh file of our own, never one planted at that name (or a link to elsewhere).
  const handle = await fs.promises.open(tmp, "wx", 0o600);
  try {
    await handle.chmod(0o600);
    const hash = crypto.createHash("sha256");
    let chunks: Buffer[] = [];
    let buffered = 0;
    const flush = async () => {
      // write() may write less than asked; go on until the whole chunk is on disk.
      for (let data = Buffer.concat(chunks); data.length; ) {
        const { bytesWritten } = await handle.write(data);
        data = data.subarray(bytesWritten);
      }
      chunks = [];
      buffered = 0;
    };
    const write = async (line: string, hashed = true) => {
      const bytes = Buffer.from(`${line}\n`, "utf8");
      if (hashed) hash.update(bytes);
      chunks.push(bytes);
      buffered += bytes.length;
      if (buffered >= WRITE_CHUNK) await flush();
    };
    const counts: Record<string, number> = {};
    let rows = 0;
    // One snapshot for the whole dump, so rows written meanwhile cannot tear it (or fork the audit chain).
    const tables = await db
      .transaction()
      .setIsolationLevel("repeatable read")
      .execute(async (trx) => {
        const tables = await tablesInDependencyOrder(trx);
        const chained = await chainedTables(trx);
        const header: Header = {
          format: FORMAT,
          version: VERSION,
          createdAt: new Date().toISOString(),
          migrations: await appliedMigrations(trx),
          tables,
        };
        await write(JSON.stringify(header));
        for (const table of tables) {
          counts[table] = 0;
          const order = chained.has(table) ? sql`t.chain_seq` : sql`t.ctid`;
          await sql`DECLARE lots_backup NO SCROLL CURSOR FOR
            SELECT row_to_json(t)::text AS row FROM ${sql.table(table)} t ORDER BY ${order}`.execute(trx);
          for (;;) {
            const page = await sql<{ row: string }>`FETCH ${sql.lit(PAGE)} FROM lots_backup`.execute(trx);
            for (const { row } of page.rows) {
              // jsonb output never holds a raw line break; a json column could, and would break the format.
              if (/[\r\n]/.test(row))
                throw new Error(`Tabellen ${table} har ett värde som inte kan skrivas på en rad.`);
              await write(`{"table":${JSON.stringify(table)},"row":${row}}`);
            }
            counts[table] += page.rows.length;
            rows += page.rows.length;
            if (page.rows.length < PAGE) break;
          }
          await sql`CLOSE lots_backup`.execute(trx);
        }
        return tables;
      });
    const sha256 = hash.digest("hex");
    await write(
      JSON.stringify({ format: CLOSING, counts, rows, sha256 } satisfies z.infer<typeof closingSchema>),
      false,
    );
    await flush();
    await handle.sync();
    await handle.close();
    await fs.promises.rename(tmp, file);
    // A full copy of the personal data left the database: record who made it and which file it is.
    await recordAudit(db, null, {
      entity: "database",
      entityId: null,
      action: "backup",
      after: { file: path.resolve(file), rows, sha256 },
    });
    return { tables: tables.length, rows };
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.promises.rm(tmp, { force: true });
    throw error;
  }
}

/** The file's lines as raw bytes (without the newline), so the checksum covers exactly what is on disk. */
async function* readLines(file: string): AsyncGenerator<{ bytes: Buffer; terminated: boolean }> {
  let pieces: Buffer[] = [];
  for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, start)) {
      pieces.push(chunk.subarray(start, nl));
      yield { bytes: pieces.length === 1 ? (pieces[0] as Buffer) : Buffer.concat(pieces), terminated: true };
      pieces = [];
      start = nl + 1;
    }
    if (start < chunk.length) pieces.push(chunk.subarray(start));
  }
  if (pieces.length) yield { bytes: Buffer.concat(pieces), terminated: false };
}

const damaged = (line: number, what: string) => new Error(`Säkerhetskopian är skadad: rad ${line} ${what}`);
const utf8 = new TextDecoder("utf-8", { fatal: true });

function parseLine(bytes: Buffer, line: number): unknown {
  try {
    return JSON.parse(utf8.decode(bytes));
  } catch {
    throw damaged(line, "är inte giltig JSON.");
  }
}

function parseHeader(value: unknown): Header {
  const v = value as { format?: unknown; version?: unknown } | null;
  if (v?.format !== FORMAT) throw new Error("Filen är ingen säkerhetskopia från Lots.");
  if (v.version === 1) {
    throw new Error(
      "Säkerhetskopian har det gamla formatet 1, som saknar radantal och kontrollsumma och därför inte kan " +
        "kontrolleras. Gör en ny säkerhetskopia med den här versionen av Lots (lots backup).",
    );
  }
  if (typeof v.version === "number" && v.version > VERSION) {
    throw new Error(`Säkerhetskopian har format ${v.version} från en nyare version av Lots.`);
  }
  const parsed = headerSchema.safeParse(value);
  if (!parsed.success) throw damaged(1, "är inte ett giltigt huvud för en säkerhetskopia.");
  return parsed.data;
}

/**
 * Reads and checks the whole file: every line parses, tables are known and in order, the closing record
 * is present and last, its counts match and its checksum matches every byte before it. With `onRows`,
 * row lines are handed over in batches of one table as they are read; the caller must treat the work
 * as provisional until this returns (the last checks run at the end of the file).
 */
async function scanBackup(file: string, onRows?: (table: string, rows: RowText[]) => Promise<void>): Promise<Manifest> {
  const hash = crypto.createHash("sha256");
  const counts: Record<string, number> = {};
  let header: Header | undefined;
  let closing: { line: number; record: z.infer<typeof closingSchema>; digest: string } | undefined;
  let tableIndex = 0;
  let batch: { table: string; rows: RowText[] } | undefined;
  const flush = async () => {
    if (batch && onRows) await onRows(batch.table, batch.rows);
    batch = undefined;
  };
  let line = 0;
  for await (const { bytes, terminated } of readLines(file)) {
    line++;
    if (closing) throw damaged(line, "kommer efter avslutningsraden; filen har fått innehåll efter slutet.");
    const value = parseLine(bytes, line);
    if (!header) {
      header = parseHeader(value);
    } else if ((value as { format?: unknown } | null)?.format === CLOSING) {
      const record = closingSchema.safeParse(value);
      if (!record.success) throw damaged(line, "är en ogiltig avslutningsrad.");
      await flush();
      closing = { line, record: record.data, digest: hash.copy().digest("hex") };
    } else {
      const row = rowLineSchema.safeParse(value);
      if (!row.success) throw damaged(line, "är ingen giltig rad.");
      const { table } = row.data;
      const index = header.tables.indexOf(table, tableIndex);
      if (index === -1) {
        throw damaged(
          line,
          header.tables.includes(table)
            ? `har tabellen ${table} i fel ordning.`
            : `har tabellen ${table}, som inte finns i säkerhetskopians huvud.`,
        );
      }
      tableIndex = index;
      counts[table] = (counts[table] ?? 0) + 1;
      if (onRows) {
        if (batch && (batch.table !== table || batch.rows.length >= PAGE)) await flush();
        batch ??= { table, rows: [] };
        batch.rows.push({ line, text: utf8.decode(bytes) });
      }
    }
    hash.update(bytes);
    if (terminated) hash.update("\n");
  }
  if (!header) throw new Error("Säkerhetskopian är tom.");
  if (!closing) {
    throw new Error(
      `Säkerhetskopian är ofullständig: rad ${line} är den sista och avslutningsraden med radantal och ` +
        "kontrollsumma saknas. Filen har troligen avbrutits.",
    );
  }
  const { record } = closing;
  if (record.sha256 !== closing.digest) {
    throw new Error(`Säkerhetskopian är skadad: kontrollsumman på rad ${closing.line} stämmer inte med innehållet.`);
  }
  for (const table of new Set([...Object.keys(counts), ...Object.keys(record.counts)])) {
    if (!header.tables.includes(table))
      throw damaged(closing.line, `räknar tabellen ${table}, som inte finns i huvudet.`);
    const found = counts[table] ?? 0;
    const expected = record.counts[table] ?? 0;
    if (found !== expected) {
      throw new Error(
        `Säkerhetskopian är ofullständig: rad ${closing.line} anger ${formatCount(expected, "rad", "rader")} för tabellen ${table}, ` +
          `men filen har ${found}.`,
      );
    }
  }
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  if (rows !== record.rows) {
    throw new Error(
      `Säkerhetskopian är ofullständig: rad ${closing.line} anger ${formatCount(record.rows, "rad", "rader")}, men filen har ${rows}.`,
    );
  }
  return { header, counts, rows, sha256: record.sha256 };
}

/**
 * Replaces the whole database with the backup. Run with the server stopped. The file is checked whole
 * before the database is touched; then everything (drop, migrations, rows, identities, migrations to the
 * latest version) happens in one transaction, so on any error the database is exactly as it was.
 */
export async function restoreDatabase(
  db: PlatformDb,
  file: string,
  known: Migrations,
): Promise<{ tables: number; rows: number }> {
  const manifest = await scanBackup(file);
  const unknown = manifest.header.migrations.filter((m) => !known[m]);
  if (unknown.length) {
    throw new Error(
      `Säkerhetskopian kommer från en nyare version av Lots (okända migreringar: ${unknown.join(", ")}).`,
    );
  }
  try {
    await db.transaction().execute(async (trx) => {
      await sql`DROP SCHEMA public CASCADE`.execute(trx);
      await sql`CREATE SCHEMA public`.execute(trx);
      // Given a transaction, Kysely's Migrator runs inside it instead of opening its own.
      const migrator = new Migrator({ db: trx, provider: { getMigrations: async () => known } });
      const last = manifest.header.migrations.at(-1);
      if (last) {
        const { error } = await migrator.migrateTo(last);
        if (error) throw error;
      }
      await clearSeededRows(trx, manifest.header.tables);
      const selfReferences = await deferSelfReferences(trx);
      // Second pass: the same checks again while inserting, so a file changed between the passes is caught.
      const inserted = await scanBackup(file, (table, rows) => insertRows(trx, table, rows));
      if (inserted.sha256 !== manifest.sha256) throw new Error("Säkerhetskopian ändrades medan den lästes in.");
      await sql`SET CONSTRAINTS ALL IMMEDIATE`.execute(trx);
      for (const { table, name } of selfReferences) {
        await sql`ALTER TABLE ${sql.table(table)} ALTER CONSTRAINT ${sql.ref(name)} NOT DEFERRABLE`.execute(trx);
      }
      await resetIdentitySequences(trx);
      const { error } = await migrator.migrateToLatest();
      if (error) throw error;
      await ensureDataChangeNotices(trx);
      // Chained after the restored history, so the log itself shows the database was replaced.
      await recordAudit(trx, null, {
        entity: "database",
        entityId: null,
        action: "restore",
        after: {
          file: path.resolve(file),
          createdAt: manifest.header.createdAt,
          rows: manifest.rows,
          sha256: manifest.sha256,
        },
      });
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message} Återställningen avbröts; databasen är oförändrad.`);
  }
  return { tables: manifest.header.tables.length, rows: manifest.rows };
}

/**
 * Some migrations seed rows (national vocabularies such as IVO's kinds of tillsyn, the lagrum list). The
 * backup holds those tables as they were, so the freshly migrated copies give way to it; last table first,
 * since the header lists tables parents before children.
 */
async function clearSeededRows(trx: PlatformDb, tables: string[]): Promise<void> {
  for (const table of [...tables].reverse()) {
    if (MIGRATION_TABLES.has(table)) continue;
    const { rows } = await sql<{ any: boolean }>`SELECT EXISTS (SELECT 1 FROM ${sql.table(table)}) AS any`.execute(trx);
    if (rows[0]?.any) await sql`DELETE FROM ${sql.table(table)}`.execute(trx);
  }
}

/**
 * A table pointing at itself (org_node, goal) may hold a child before its parent; checking those keys at
 * the end of the restore lets rows go in batches in file order. Returns what to switch back.
 */
async function deferSelfReferences(trx: PlatformDb): Promise<{ table: string; name: string }[]> {
  const found = await sql<{ table: string; name: string }>`
    SELECT c.relname AS table, k.conname AS name FROM pg_constraint k
    JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE k.contype = 'f' AND k.conrelid = k.confrelid AND NOT k.condeferrable AND n.nspname = 'public'`.execute(trx);
  for (const { table, name } of found.rows) {
    await sql`ALTER TABLE ${sql.table(table)} ALTER CONSTRAINT ${sql.ref(name)} DEFERRABLE INITIALLY DEFERRED`.execute(
      trx,
    );
  }
  return found.rows;
}

/**
 * Inserts row lines in file order (the audit chain trigger checks each restored hash). If the batch
 * fails, it is undone and retried line by line to name the line the database refuses.
 */
async function insertRows(trx: PlatformDb, table: string, rows: RowText[]): Promise<void> {
  const insert = (batch: RowText[]) =>
    sql`INSERT INTO ${sql.table(table)}
      SELECT r.* FROM json_array_elements(${`[${batch.map((r) => r.text).join(",")}]`}::json) WITH ORDINALITY AS e(line, n),
        json_populate_record(NULL::${sql.table(table)}, e.line -> 'row') r
      ORDER BY e.n`.execute(trx);
  const refused = (lines: string, error: unknown) =>
    new Error(
      `Säkerhetskopian kunde inte läsas in: ${lines} (tabellen ${table}) avvisades av databasen: ` +
        `${error instanceof Error ? error.message : String(error)}.`,
    );
  await sql`SAVEPOINT lots_restore_batch`.execute(trx);
  try {
    await insert(rows);
    await sql`RELEASE SAVEPOINT lots_restore_batch`.execute(trx);
  } catch (batchError) {
    await sql`ROLLBACK TO SAVEPOINT lots_restore_batch`.execute(trx);
    for (const row of rows) {
      try {
        await insert([row]);
      } catch (error) {
        throw refused(`rad ${row.line}`, error);
      }
    }
    throw refused(`raderna ${rows[0]?.line}–${rows.at(-1)?.line}`, batchError);
  }
}

async function resetIdentitySequences(db: PlatformDb): Promise<void> {
  const cols = await sql<{ table_name: string; column_name: string }>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = 'public' AND is_identity = 'YES'`.execute(db);
  for (const c of cols.rows) {
    await sql`SELECT setval(pg_get_serial_sequence(${c.table_name}, ${c.column_name}),
      coalesce((SELECT max(${sql.ref(c.column_name)}) FROM ${sql.table(c.table_name)}), 0) + 1, false)`.execute(db);
  }
}
