// How close is `lots styrning kolada-import` to the database's own bulk load? A generated Kolada v3 file of
// ~50 000 values (40 KPIs × the kommun and 20 similar municipalities × 20 years × T/K/M; each KPI mapped to an
// indicator in 5 of the demo's units, every other one split by sex) is imported by the CLI's code path
// (`lots styrning kolada-import FILE --org <kommun>` in this process, on a fresh database with the demo
// organisation and the mappings), against COPY of the same values into a bare table in the same database;
// then the same file again (every value found unchanged), then a revision (every 10th figure changed), and the
// process's peak RSS.
// Run: npx tsx bench/import-kolada.bench.ts   (BENCH_KPIS, BENCH_MUNICIPALITIES, BENCH_YEARS, BENCH_UNITS for
// another shape; BENCH_DATABASE_URL=postgres://… for PostgreSQL too, in a database of its own, dropped after;
// BENCH_ENGINES=postgresql for one engine, so the peak RSS is that engine's)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { appMigrations } from "../src/app/capabilities.ts";
import { seedDemoOrganisation } from "../src/organisation/index.ts";
import type { Database } from "../src/platform/db/database.ts";
import { migrateToLatest } from "../src/platform/db/migrate.ts";
import {
  generatedKoladaData,
  type KoladaShape,
  koladaValueCount,
  mapGeneratedKpis,
} from "../src/styrning/kolada/testing.ts";
import { benchEngines, type CopyBaseline, freshCopyDatabase, lots, timed } from "./engines.ts";

const shape: KoladaShape = {
  kpis: Number(process.env.BENCH_KPIS ?? 40),
  municipalities: Number(process.env.BENCH_MUNICIPALITIES ?? 21),
  years: Number(process.env.BENCH_YEARS ?? 20),
  unitsPerKpi: Number(process.env.BENCH_UNITS ?? 5),
};
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lots-bench-kolada-"));
const file = path.join(tmp, "kolada.json");
const revisedFile = path.join(tmp, "kolada-revised.json");
fs.writeFileSync(file, JSON.stringify(generatedKoladaData(shape)));
fs.writeFileSync(revisedFile, JSON.stringify(generatedKoladaData(shape, 10)));

/** The file's values as CSV rows (kpi, municipality, year, gender, value, status): what COPY loads. */
function valuesCsv(): string {
  const { values } = generatedKoladaData(shape) as {
    values: { kpi: string; municipality: string; period: string; values: Record<string, unknown>[] }[];
  };
  return values
    .flatMap((item) =>
      item.values.map((v) =>
        [item.kpi, item.municipality, item.period, v.gender, v.value ?? "", v.status ?? ""].join(","),
      ),
    )
    .join("\n");
}

const csvFile = path.join(tmp, "values.csv");

/** A fresh migrated database with the bare table COPY loads the values' CSV into. */
async function freshDatabase(engine: Database["engine"]): Promise<CopyBaseline> {
  const baseline = await freshCopyDatabase(engine, "lots_bench_kolada", "FORMAT csv");
  await migrateToLatest(baseline.database.db, appMigrations);
  await sql`CREATE TABLE bench_copy (kpi text, municipality text, year int, gender text, value numeric,
    status text)`.execute(baseline.database.db);
  return baseline;
}

const results: string[] = [];
const count = koladaValueCount(shape);
fs.chmodSync(tmp, 0o755); // the PostgreSQL server reads the COPY file
fs.writeFileSync(csvFile, valuesCsv());
fs.chmodSync(csvFile, 0o644);
for (const engine of benchEngines()) {
  const { database, copy } = await freshDatabase(engine);
  try {
    const demo = await database.db.transaction().execute((trx) => seedDemoOrganisation(trx, "bench-password-1"));
    await mapGeneratedKpis(database.db, demo, shape);
    const kommun = demo.nodes.kommun?.id as string;
    const [copied, , copyPeak] = await timed(() => copy(csvFile));
    await lots(database, ["styrning", "--help"]).catch(() => {}); // loads the command's modules before timing
    const args = (f: string) => ["styrning", "kolada-import", f, "--org", kommun];
    const [wall, first, firstPeak] = await timed(() => lots(database, args(file)));
    const [again, second, againPeak] = await timed(() => lots(database, args(file)));
    const [revised, third, revisedPeak] = await timed(() => lots(database, args(revisedFile)));
    const peak = Math.max(copyPeak, firstPeak, againPeak, revisedPeak);
    const line =
      `${database.engine.padEnd(10)} ${count} values  COPY ${copied.toFixed(2)} s  Lots ${wall.toFixed(2)} s  ` +
      `ratio ${(wall / copied).toFixed(1)}×  same file again ${again.toFixed(2)} s (${(again / copied).toFixed(1)}×)  ` +
      `revised ${revised.toFixed(2)} s (${(revised / copied).toFixed(1)}×)  peak RSS ${peak.toFixed(0)} MB`;
    console.log(line);
    for (const out of [first, second, third]) console.log(JSON.stringify(JSON.parse(out.stdout)));
    results.push(line);
  } finally {
    await database.close();
  }
}
fs.rmSync(tmp, { recursive: true, force: true });
console.log(`\n${results.join("\n")}`);
