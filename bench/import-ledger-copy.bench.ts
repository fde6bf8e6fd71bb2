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
import { sql } from "kysely";
import { appMigrations } from "../src/app/capabilities.ts";
import { seedEkonomiDemo } from "../src/ekonomi/index.ts";
import { seedDemoOrganisation } from "../src/organisation/index.ts";
import type { Database } from "../src/platform/db/database.ts";
import { migrateToLatest } from "../src/platform/db/migrate.ts";
import { benchEngines, type CopyBaseline, freshCopyDatabase, lots, timed } from "./engines.ts";

const sizes = (process.env.BENCH_ROWS ?? "200000").split(",").map(Number);
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
async function freshDatabase(engine: Database["engine"], name: string): Promise<CopyBaseline> {
  const baseline = await freshCopyDatabase(engine, name, "FORMAT csv, HEADER true, DELIMITER ';'");
  const { database } = baseline;
  await migrateToLatest(database.db, appMigrations);
  await database.db.transaction().execute(async (trx) => {
    const demo = await seedDemoOrganisation(trx, "bench-password-1");
    await seedEkonomiDemo(trx, demo);
  });
  await sql`CREATE TABLE bench_copy (konto text, ansvar text, period text, belopp text, text text)`.execute(
    database.db,
  );
  return baseline;
}

const engines = benchEngines();
const results: string[] = [];
for (const engine of engines) {
  for (const n of sizes) {
    const file = path.join(tmp, `huvudbok-${n}.csv`);
    writeLedger(file, n);
    const { database, copy: copyFile } = await freshDatabase(engine, `lots_bench_ledger_${n}`);
    try {
      const [copy] = await timed(() => copyFile(file));
      await lots(database, ["ekonomi", "--help"]).catch(() => {}); // loads the command's modules before timing
      globalThis.gc?.();
      const rssBefore = process.memoryUsage().rss / 1024 / 1024;
      const args = ["ekonomi", "import", file, "--namnd", "Nämnden för Individ & Familjeomsorg", "--year", "2023"];
      const [wall, out, wallPeak] = await timed(() => lots(database, args));
      const [again, outAgain, againPeak] = await timed(() => lots(database, args));
      const peak = Math.max(wallPeak, againPeak);
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
    }
  }
}
fs.rmSync(tmp, { recursive: true, force: true });
console.log(`\n${results.join("\n")}`);
