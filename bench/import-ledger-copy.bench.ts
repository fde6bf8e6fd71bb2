// How close is `lots ekonomi import` to the database's own bulk load? It writes N ledger rows of the demo's own
// codes (the IFO ledger's konto and ansvar, spread over the twelve months of 2023), and times the CLI's code path
// (`lots ekonomi import FILE --namnd … --year 2023` in this process, on a fresh database with the demo
// organisation and its ekonomi data) against COPY of the same file into a bare table of the same columns in the
// same database, then the same file again (every figure found unchanged), and the process's RSS before the
// import and at its peak during the two imports (with `node --expose-gc`, after a collection).
// Run: node --expose-gc --import tsx bench/import-ledger-copy.bench.ts   (BENCH_ROWS=200000,1000000 for other sizes;
// BENCH_DATABASE_URL=postgres://… for PostgreSQL too: a superuser on this machine, as the baseline is a
// server-side COPY of a file; the bench creates and drops a database of its own per size;
// BENCH_ENGINES=postgresql runs one engine, so the peak RSS is that engine's)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PGliteDialect, sql } from "kysely";
import pg from "pg";
import { appMigrations } from "../src/app/capabilities.ts";
import { runCli } from "../src/app/commands.ts";
import { seedEkonomiDemo } from "../src/ekonomi/index.ts";
import { seedDemoOrganisation } from "../src/organisation/index.ts";
import { type Database, openDatabase, pgliteParsers } from "../src/platform/db/database.ts";
import { migrateToLatest } from "../src/platform/db/migrate.ts";

const sizes = (process.env.BENCH_ROWS ?? "200000").split(",").map(Number);
const url = process.env.BENCH_DATABASE_URL;
const root = path.resolve(import.meta.dirname, "..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lots-bench-ledger-"));
fs.chmodSync(tmp, 0o755); // the PostgreSQL server reads the COPY file

/** N rows of the demo ledger's own konto and ansvar codes and amounts, over the twelve months of 2023. */
function writeLedger(file: string, rows: number): void {
  const [header, ...demo] = fs
    .readFileSync(path.join(root, "demo/ekonomi/huvudbok-ifo-2023-jan-apr.csv"), "utf8")
    .trim()
    .split("\n");
  const out = fs.openSync(file, "w");
  let chunk = `${header}\n`;
  for (let i = 0; i < rows; i++) {
    const [konto, ansvar, , belopp, text] = (demo[i % demo.length] ?? "").split(";");
    chunk += `${konto};${ansvar};2023-${String(1 + (i % 12)).padStart(2, "0")};${belopp};${text} ${i}\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(out, chunk);
      chunk = "";
    }
  }
  fs.writeSync(out, chunk);
  fs.closeSync(out);
  fs.chmodSync(file, 0o644);
}

/** A fresh database (in-memory PGlite, or a new database on the server) with the demo organisation and ekonomi. */
async function freshDatabase(engine: Engine, name: string): Promise<Database> {
  let database: Database;
  if (engine === "pglite") {
    // As openDatabase({ memory: true }), with the PGlite handle kept for COPY FROM a blob.
    const pglite = await PGlite.create({ parsers: pgliteParsers });
    const db = new Kysely<unknown>({ dialect: new PGliteDialect({ pglite }) });
    database = { db, engine, notices: null, close: () => db.destroy() };
    copies.set(database, async (file) => {
      const blob = new Blob([fs.readFileSync(file)]);
      await pglite.query("COPY bench_copy FROM '/dev/blob' WITH (FORMAT csv, HEADER true, DELIMITER ';')", [], {
        blob,
      });
    });
  } else {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const target = new URL(url as string);
    target.pathname = `/${name}`;
    const opened = await openDatabase({ url: target.toString() });
    const drop = async () => {
      await opened.close();
      const again = new pg.Client({ connectionString: url });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${name}`);
      await again.end();
    };
    database = { ...opened, close: drop };
    copies.set(database, async (file) => {
      await sql`COPY bench_copy FROM ${sql.lit(file)} WITH (FORMAT csv, HEADER true, DELIMITER ';')`.execute(opened.db);
    });
  }
  await migrateToLatest(database.db, appMigrations);
  await database.db.transaction().execute(async (trx) => {
    const demo = await seedDemoOrganisation(trx, "bench-password-1");
    await seedEkonomiDemo(trx, demo);
  });
  await sql`CREATE TABLE bench_copy (konto text, ansvar text, period text, belopp text, text text)`.execute(
    database.db,
  );
  return database;
}
const copies = new Map<Database, (file: string) => Promise<void>>();

let peakRss = 0;
/** Wall seconds of `work`, sampling the process's RSS meanwhile (PGlite's memory is the process's too). */
async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const sample = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 25);
  const start = performance.now();
  try {
    const result = await work();
    return [(performance.now() - start) / 1000, result];
  } finally {
    clearInterval(sample);
  }
}

/** Runs `lots …` in this process on `database`; answers its stdout and stderr, or fails with its stderr. */
async function lots(database: Database, args: string[]): Promise<{ stdout: string; stderr: string }> {
  const out = { stdout: "", stderr: "" };
  const sink = (to: keyof typeof out) => ({
    write: (chunk: string | Uint8Array) => {
      out[to] += String(chunk);
      return true;
    },
  });
  const io = { env: { ...process.env, LOG_LEVEL: "silent" }, stdout: sink("stdout"), stderr: sink("stderr"), database };
  if ((await runCli(args, io)) !== 0) throw new Error(`lots ${args.join(" ")} failed: ${out.stderr}`);
  return { stdout: out.stdout.trim(), stderr: out.stderr.trim() };
}

type Engine = "pglite" | "postgresql";
const engines = (process.env.BENCH_ENGINES?.split(",") ?? (url ? ["pglite", "postgresql"] : ["pglite"])) as Engine[];
const results: string[] = [];
for (const engine of engines) {
  for (const n of sizes) {
    const file = path.join(tmp, `huvudbok-${n}.csv`);
    writeLedger(file, n);
    const database = await freshDatabase(engine, `lots_bench_ledger_${n}`);
    try {
      const [copy] = await timed(() => (copies.get(database) as (f: string) => Promise<void>)(file));
      await lots(database, ["ekonomi", "--help"]).catch(() => {}); // loads the command's modules before timing
      globalThis.gc?.();
      const rssBefore = process.memoryUsage().rss / 1024 / 1024;
      peakRss = 0;
      const args = ["ekonomi", "import", file, "--namnd", "Nämnden för Individ & Familjeomsorg", "--year", "2023"];
      const [wall, out] = await timed(() => lots(database, args));
      const [again, outAgain] = await timed(() => lots(database, args));
      const peak = peakRss / 1024 / 1024;
      const line =
        `${engine.padEnd(10)} ${String(n).padStart(8)} rows  COPY ${copy.toFixed(2)} s  Lots ${wall.toFixed(2)} s  ` +
        `ratio ${(wall / copy).toFixed(1)}×  again ${again.toFixed(2)} s (${(again / copy).toFixed(1)}×)  ` +
        `RSS ${rssBefore.toFixed(0)} MB before, peak ${peak.toFixed(0)} MB during Lots`;
      console.log(line);
      console.log(`           ${out.stdout.split("\n").at(-1)} / ${outAgain.stdout.split("\n").at(-1)}`);
      console.log(`           progress lines on stderr: ${out.stderr.split("\n").filter(Boolean).length}`);
      results.push(line);
    } finally {
      await database.close();
      copies.clear();
    }
  }
}
fs.rmSync(tmp, { recursive: true, force: true });
console.log(`\n${results.join("\n")}`);
