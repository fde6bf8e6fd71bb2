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
import { sql } from "kysely";
import { appMigrations } from "../src/app/capabilities.ts";
import { installStandardCatalogue } from "../src/evb/repository.ts";
import { generatedDecisionsCsv } from "../src/evb/testing.ts";
import { seedDemoOrganisation } from "../src/organisation/index.ts";
import type { Database } from "../src/platform/db/database.ts";
import { migrateToLatest } from "../src/platform/db/migrate.ts";
import { benchEngines, type CopyBaseline, freshCopyDatabase, lots, timed } from "./engines.ts";

const sizes = (process.env.BENCH_ROWS ?? "1000,10000,100000").split(",").map(Number);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lots-bench-evb-"));
fs.chmodSync(tmp, 0o755); // the PostgreSQL server reads the COPY file

/** A fresh database (in-memory PGlite, or a new database on the server) with the demo organisation and catalogue. */
async function freshDatabase(engine: Database["engine"], name: string): Promise<CopyBaseline> {
  const baseline = await freshCopyDatabase(engine, name, "FORMAT csv, HEADER true");
  const { database } = baseline;
  await migrateToLatest(database.db, appMigrations);
  const demo = await database.db.transaction().execute((trx) => seedDemoOrganisation(trx, "bench-password-1"));
  await installStandardCatalogue(database.db, demo.nodes.kommun?.id as string);
  await sql`CREATE TABLE bench_copy (id text, kon text, enhet text, lag text, lagrum text, insats text,
    beslutsdatum date, avbrott_fran date, avbrott_till date, verkstallt date, avslutat date, avslutsorsak text,
    orsakskod text, skal text, erbjudanden text)`.execute(database.db);
  return baseline;
}

// PGlite's memory stays with the process once grown: BENCH_ENGINES=postgresql measures the app's own RSS.
const engines = benchEngines();
const results: string[] = [];
for (const engine of engines) {
  for (const n of sizes) {
    const file = path.join(tmp, `decisions-${n}.csv`);
    fs.writeFileSync(file, generatedDecisionsCsv(n));
    fs.chmodSync(file, 0o644);
    const { database, copy: copyFile } = await freshDatabase(engine, `lots_bench_evb_${n}`);
    try {
      const [copy, , copyPeak] = await timed(() => copyFile(file));
      await lots(database, ["evb", "--help"]).catch(() => {}); // loads the command's modules before timing
      const [wall, { stdout: out }, wallPeak] = await timed(() => lots(database, ["evb", "import", file]));
      const [again, { stdout: outAgain }, againPeak] = await timed(() => lots(database, ["evb", "import", file]));
      const peak = Math.max(copyPeak, wallPeak, againPeak);
      const line =
        `${engine.padEnd(10)} ${String(n).padStart(7)} rows  COPY ${copy.toFixed(2)} s  Lots ${wall.toFixed(2)} s  ` +
        `ratio ${(wall / copy).toFixed(1)}×  re-import ${again.toFixed(2)} s (${(again / copy).toFixed(1)}×)  ` +
        `peak RSS ${peak.toFixed(0)} MB`;
      console.log(line);
      console.log(`           ${out} / ${outAgain}`);
      results.push(line);
    } finally {
      await database.close();
    }
  }
}
fs.rmSync(tmp, { recursive: true, force: true });
console.log(`\n${results.join("\n")}`);
