// How close is `lots evb import` to the database's own bulk load? For N generated valid decisions (the demo
// organisation's units, the standard catalogue; open, executed, interrupted and closed, some with offers) it
// times the CLI's code path (`lots evb import FILE` in this process, on a fresh database with the demo
// organisation) against COPY of the same file into a bare table of the same columns in the same database,
// then a second import of the same file (every row found unchanged), and the process's peak RSS.
// Run: npx tsx bench/import-evb.bench.ts   (BENCH_ROWS=1000,10000 for other sizes;
// BENCH_DATABASE_URL=postgres://… for PostgreSQL too: a superuser on this machine, as the baseline is a
// server-side COPY of a file; the bench creates and drops a database of its own per size)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PGliteDialect, sql } from "kysely";
import pg from "pg";
import { appMigrations } from "../src/app/capabilities.ts";
import { installStandardCatalogue } from "../src/evb/repository.ts";
import { generatedDecisionsCsv } from "../src/evb/testing.ts";
import { seedDemoOrganisation } from "../src/organisation/index.ts";
import { type Database, openDatabase, pgliteParsers } from "../src/platform/db/database.ts";
import { migrateToLatest } from "../src/platform/db/migrate.ts";
import { lots, peak, timed } from "./in-process.ts";

const sizes = (process.env.BENCH_ROWS ?? "1000,10000,100000").split(",").map(Number);
const url = process.env.BENCH_DATABASE_URL;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lots-bench-evb-"));
fs.chmodSync(tmp, 0o755); // the PostgreSQL server reads the COPY file

/** A fresh database (in-memory PGlite, or a new database on the server) with the demo organisation and catalogue. */
async function freshDatabase(engine: Engine, name: string): Promise<Database> {
  let database: Database;
  if (engine === "pglite") {
    // As openDatabase({ memory: true }), with the PGlite handle kept for COPY FROM a blob.
    const pglite = await PGlite.create({ parsers: pgliteParsers });
    const db = new Kysely<unknown>({ dialect: new PGliteDialect({ pglite }) });
    const copy = async (file: string) => {
      const blob = new Blob([fs.readFileSync(file)]);
      await pglite.query("COPY bench_copy FROM '/dev/blob' WITH (FORMAT csv, HEADER true)", [], { blob });
    };
    database = { db, engine, notices: null, close: () => db.destroy() };
    copies.set(database, copy);
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
      await sql`COPY bench_copy FROM ${sql.lit(file)} WITH (FORMAT csv, HEADER true)`.execute(opened.db);
    });
  }
  await migrateToLatest(database.db, appMigrations);
  const demo = await database.db.transaction().execute((trx) => seedDemoOrganisation(trx, "bench-password-1"));
  await installStandardCatalogue(database.db, demo.nodes.kommun?.id as string);
  await sql`CREATE TABLE bench_copy (id text, kon text, enhet text, lag text, lagrum text, insats text,
    beslutsdatum date, avbrott_fran date, avbrott_till date, verkstallt date, avslutat date, avslutsorsak text,
    orsakskod text, skal text, erbjudanden text)`.execute(database.db);
  return database;
}
const copies = new Map<Database, (file: string) => Promise<void>>();

type Engine = "pglite" | "postgresql";
// PGlite's memory stays with the process once grown: BENCH_ENGINES=postgresql measures the app's own RSS.
const engines = (process.env.BENCH_ENGINES?.split(",") ?? (url ? ["pglite", "postgresql"] : ["pglite"])) as Engine[];
const results: string[] = [];
for (const engine of engines) {
  for (const n of sizes) {
    const file = path.join(tmp, `decisions-${n}.csv`);
    fs.writeFileSync(file, generatedDecisionsCsv(n));
    fs.chmodSync(file, 0o644);
    const database = await freshDatabase(engine, `lots_bench_evb_${n}`);
    try {
      peak.rss = 0;
      const [copy] = await timed(() => (copies.get(database) as (f: string) => Promise<void>)(file));
      await lots(database, ["evb", "--help"]).catch(() => {}); // loads the command's modules before timing
      const [wall, out] = await timed(() => lots(database, ["evb", "import", file]));
      const [again, outAgain] = await timed(() => lots(database, ["evb", "import", file]));
      const peakMb = peak.rss / 1024 / 1024;
      const line =
        `${engine.padEnd(10)} ${String(n).padStart(7)} rows  COPY ${copy.toFixed(2)} s  Lots ${wall.toFixed(2)} s  ` +
        `ratio ${(wall / copy).toFixed(1)}×  re-import ${again.toFixed(2)} s (${(again / copy).toFixed(1)}×)  ` +
        `peak RSS ${peakMb.toFixed(0)} MB`;
      console.log(line);
      console.log(`           ${out} / ${outAgain}`);
      results.push(line);
    } finally {
      await database.close();
      copies.clear();
    }
  }
}
fs.rmSync(tmp, { recursive: true, force: true });
console.log(`\n${results.join("\n")}`);
