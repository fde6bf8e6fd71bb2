// What the embedded database's safe mode (fsync on every commit) costs against fast mode (no fsync),
// on fresh data folders on the same disk, in the same run, each mode measured twice in turn.
// Run: npx tsx bench/durability.bench.ts  (BENCH_DIR=/path/on/the/production/disk to measure that disk)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Generated, sql } from "kysely";
import { type Durability, openDatabase } from "../src/platform/db/database.ts";

const COMMITS = Number(process.env.BENCH_COMMITS ?? 1000);
const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const base = fs.mkdtempSync(path.join(process.env.BENCH_DIR ?? os.tmpdir(), "lots-durability-"));

type Result = { commitMs: number; bulkMs: number };

async function measure(durability: Durability, round: number): Promise<Result> {
  const database = await openDatabase({ dataDir: path.join(base, `${durability}-${round}`), durability });
  const db = database.db.withTables<{ item: { id: Generated<number>; name: string; amount: number } }>();
  try {
    await sql`CREATE TABLE item (id serial PRIMARY KEY, name text NOT NULL, amount bigint NOT NULL)`.execute(db);
    for (let i = 0; i < 50; i++) await sql`INSERT INTO item (name, amount) VALUES (${"warm"}, ${i})`.execute(db);

    // Small committed transactions, each like one audited form save: an insert and an update.
    let start = performance.now();
    for (let i = 0; i < COMMITS; i++) {
      await db.transaction().execute(async (trx) => {
        await sql`INSERT INTO item (name, amount) VALUES (${`rad ${i}`}, ${i})`.execute(trx);
        await sql`UPDATE item SET amount = amount + 1 WHERE id = 1`.execute(trx);
      });
    }
    const commitMs = (performance.now() - start) / COMMITS;

    // One import: many rows in a single transaction, in statements of 1 000 rows.
    start = performance.now();
    await db.transaction().execute(async (trx) => {
      for (let from = 0; from < ROWS; from += 1000) {
        const values = Array.from({ length: Math.min(1000, ROWS - from) }, (_, k) => ({
          name: `import ${from + k}`,
          amount: from + k,
        }));
        await trx.insertInto("item").values(values).execute();
      }
    });
    const bulkMs = performance.now() - start;
    return { commitMs, bulkMs };
  } finally {
    await database.close();
  }
}

const results: Record<Durability, Result[]> = { fast: [], safe: [] };
for (const round of [1, 2]) {
  for (const durability of ["fast", "safe"] as const) results[durability].push(await measure(durability, round));
}
fs.rmSync(base, { recursive: true, force: true });

const best = (mode: Durability, key: keyof Result) => Math.min(...results[mode].map((r) => r[key]));
const cpu = os.cpus()[0]?.model ?? "unknown CPU";
console.log(
  `Machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
);
console.log(`Data folders under ${path.dirname(base)}; best of 2 rounds per mode.\n`);
console.log("| workload | fast (no fsync) | safe (fsync) | safe / fast |\n|---|---:|---:|---:|");
const c = [best("fast", "commitMs"), best("safe", "commitMs")] as const;
const b = [best("fast", "bulkMs"), best("safe", "bulkMs")] as const;
console.log(
  `| ${COMMITS} small transactions (insert + update), per commit | ${c[0].toFixed(2)} ms | ${c[1].toFixed(2)} ms | ${(c[1] / c[0]).toFixed(1)}× |`,
);
console.log(
  `| ${ROWS} rows in one transaction, total | ${b[0].toFixed(0)} ms | ${b[1].toFixed(0)} ms | ${(b[1] / b[0]).toFixed(1)}× |`,
);
