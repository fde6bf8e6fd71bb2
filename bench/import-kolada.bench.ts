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
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PGliteDialect, sql } from "kysely";
import { appMigrations } from "../src/app/capabilities.ts";
import { seedDemoOrganisation } from "../src/organisation/index.ts";
import { type Database, openDatabase, pgliteParsers } from "../src/platform/db/database.ts";
import { migrateToLatest } from "../src/platform/db/migrate.ts";
import {
  generatedKoladaData,
  type KoladaShape,
  koladaValueCount,
  mapGeneratedKpis,
} from "../src/styrning/kolada/testing.ts";
import { lots, peak, timed } from "./in-process.ts";

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

type Engine = "pglite" | "postgresql";
const url = process.env.BENCH_DATABASE_URL;
const engines = (process.env.BENCH_ENGINES?.split(",") ?? (url ? ["pglite", "postgresql"] : ["pglite"])) as Engine[];
const csvFile = path.join(tmp, "values.csv");

/**
 * A fresh migrated database (in-memory PGlite, or a new database on the server, dropped by `close`) and how
 * it COPYs the values' CSV into a bare table: PGlite from a blob, PostgreSQL from the file on the server.
 */
async function freshDatabase(engine: Engine): Promise<{ database: Database; copy: () => Promise<void> }> {
  let database: Database;
  let copy: () => Promise<void>;
  const name = "lots_bench_kolada";
  if (engine === "pglite") {
    const pglite = await PGlite.create({ parsers: pgliteParsers });
    const db = new Kysely<unknown>({ dialect: new PGliteDialect({ pglite }) });
    database = { db, engine, notices: null, close: () => db.destroy() };
    copy = async () => {
      const blob = new Blob([fs.readFileSync(csvFile)]);
      await pglite.query("COPY bench_copy FROM '/dev/blob' WITH (FORMAT csv)", [], { blob });
    };
  } else {
    const admin = await openDatabase({ url: url as string });
    await sql`DROP DATABASE IF EXISTS ${sql.id(name)} WITH (FORCE)`.execute(admin.db);
    await sql`CREATE DATABASE ${sql.id(name)}`.execute(admin.db);
    const target = new URL(url as string);
    target.pathname = `/${name}`;
    const opened = await openDatabase({ url: target.toString() });
    database = {
      ...opened,
      close: async () => {
        await opened.close();
        await sql`DROP DATABASE ${sql.id(name)} WITH (FORCE)`.execute(admin.db);
        await admin.close();
      },
    };
    copy = async () => {
      await sql`COPY bench_copy FROM ${sql.lit(csvFile)} WITH (FORMAT csv)`.execute(opened.db);
    };
  }
  await migrateToLatest(database.db, appMigrations);
  await sql`CREATE TABLE bench_copy (kpi text, municipality text, year int, gender text, value numeric,
    status text)`.execute(database.db);
  return { database, copy };
}

const results: string[] = [];
const count = koladaValueCount(shape);
fs.chmodSync(tmp, 0o755); // the PostgreSQL server reads the COPY file
fs.writeFileSync(csvFile, valuesCsv());
fs.chmodSync(csvFile, 0o644);
for (const engine of engines) {
  const { database, copy: copyValues } = await freshDatabase(engine);
  try {
    const demo = await database.db.transaction().execute((trx) => seedDemoOrganisation(trx, "bench-password-1"));
    await mapGeneratedKpis(database.db, demo, shape);
    const kommun = demo.nodes.kommun?.id as string;
    peak.rss = 0;
    const [copy] = await timed(copyValues);
    await lots(database, ["styrning", "--help"]).catch(() => {}); // loads the command's modules before timing
    const args = (f: string) => ["styrning", "kolada-import", f, "--org", kommun];
    const [wall, first] = await timed(() => lots(database, args(file)));
    const [again, second] = await timed(() => lots(database, args(file)));
    const [revised, third] = await timed(() => lots(database, args(revisedFile)));
    const line =
      `${database.engine.padEnd(10)} ${count} values  COPY ${copy.toFixed(2)} s  Lots ${wall.toFixed(2)} s  ` +
      `ratio ${(wall / copy).toFixed(1)}×  same file again ${again.toFixed(2)} s (${(again / copy).toFixed(1)}×)  ` +
      `revised ${revised.toFixed(2)} s (${(revised / copy).toFixed(1)}×)  peak RSS ${(peak.rss / 1024 / 1024).toFixed(0)} MB`;
    console.log(line);
    for (const out of [first, second, third]) console.log(JSON.stringify(JSON.parse(out)));
    results.push(line);
  } finally {
    await database.close();
  }
}
fs.rmSync(tmp, { recursive: true, force: true });
console.log(`\n${results.join("\n")}`);
