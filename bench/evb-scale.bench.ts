// EVB at scale: the dashboard and the quarter report over N synthetic decisions, against one plain
// GROUP BY over the same decisions, on the same database in the same run.
// Run: npx tsx bench/evb-scale.bench.ts  (sizes: BENCH_SIZES=1000,10000,100000; PostgreSQL too:
// BENCH_DATABASE_URL=postgres://… npx tsx bench/evb-scale.bench.ts)
import os from "node:os";
import { sql } from "kysely";
import { appMigrations } from "../src/app/capabilities.ts";
import { seedDemo } from "../src/app/seed.ts";
import { buildApp } from "../src/app/server.ts";
import { refreshWaits } from "../src/evb/waits.ts";
import { formatQuarter, previousQuarter, quarterOf, todayInSweden } from "../src/platform/calendar.ts";
import type { Database } from "../src/platform/db/database.ts";
import { migrateToLatest } from "../src/platform/db/migrate.ts";
import { onEachEngine } from "./engines.ts";

const sizes = (process.env.BENCH_SIZES ?? "1000,10000,100000").split(",").map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PASSWORD = "bench-password-1";

/** Median wall time of `fn` over RUNS runs after one warm-up. */
async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] as number;
}

/**
 * Adds `n` synthetic decisions on the demo's units and insatser: half executed (some late), a tenth
 * closed, a fifth executed and then interrupted (half of those resumed), the rest open; every third has a
 * declined offer. Dates spread over the last four years.
 */
async function addDecisions(database: Database, from: number, n: number) {
  const db = database.db;
  await sql`
    WITH pairs AS (
      SELECT row_number() OVER (ORDER BY org_node_id, insats_id) - 1 AS k, org_node_id, insats_id
      FROM (SELECT DISTINCT org_node_id, insats_id FROM evb_decision) p
    ), closure AS (SELECT min(id::text)::uuid AS id FROM evb_code WHERE kind = 'closure'),
    g AS (
      SELECT g, current_date - (g * 7919 % 1460) AS decided FROM generate_series(${from}::int, ${from + n - 1}::int) g
    )
    INSERT INTO evb_decision (org_node_id, person_id, sex, insats_id, decision_date, parts_total, parts_executed,
                              executed_date, closed_date, closure_code_id, reason_text)
    SELECT p.org_node_id,
           to_char(date '1930-01-01' + g / 1000, 'YYYYMMDD') || '-T' || lpad((g % 1000)::text, 3, '0'),
           CASE WHEN (g % 1000 / 10) % 2 = 0 THEN 'K' ELSE 'M' END,
           p.insats_id, decided, 1, CASE WHEN g % 10 IN (0,1,2,3,4,6,7) THEN 1 ELSE 0 END,
           CASE WHEN g % 10 IN (0,1,2,3,4,6,7) THEN least(current_date, decided + g % 200) END,
           CASE WHEN g % 10 = 5 THEN least(current_date, decided + g % 150) END,
           CASE WHEN g % 10 = 5 THEN (SELECT id FROM closure) END,
           CASE WHEN g % 4 = 0 THEN 'Resursbrist' END
    FROM g JOIN pairs p ON p.k = g.g % (SELECT count(*) FROM pairs)`.execute(db);
  await sql`
    INSERT INTO evb_interruption (org_node_id, decision_id, start_date, resumed_date)
    SELECT d.org_node_id, d.id, least(current_date, d.executed_date + 20),
           CASE WHEN d.person_id LIKE '%7' THEN least(current_date, d.executed_date + 150) END
    FROM evb_decision d
    WHERE d.reason_text IS NULL AND d.executed_date IS NOT NULL AND right(d.person_id, 1) IN ('6', '7')
      AND d.person_id >= to_char(date '1930-01-01' + ${from}::int / 1000, 'YYYYMMDD')
      AND NOT EXISTS (SELECT 1 FROM evb_interruption x WHERE x.decision_id = d.id)`.execute(db);
  await sql`
    INSERT INTO evb_offer (org_node_id, decision_id, offered_date, answer)
    SELECT d.org_node_id, d.id, d.decision_date + 30, 'nej'
    FROM evb_decision d
    WHERE right(d.person_id, 1) IN ('0', '3', '9') AND d.decision_date + 30 <= current_date
      AND d.person_id >= to_char(date '1930-01-01' + ${from}::int / 1000, 'YYYYMMDD')
      AND NOT EXISTS (SELECT 1 FROM evb_offer o WHERE o.decision_id = d.id)`.execute(db);
  // The waits the dashboard and report read, as a batched import keeps them: one refresh for the batch.
  const fresh = await sql<{ id: string }>`
    SELECT id FROM evb_decision d WHERE NOT EXISTS (SELECT 1 FROM evb_wait w WHERE w.decision_id = d.id)`.execute(db);
  const start = performance.now();
  await refreshWaits(
    db,
    fresh.rows.map((r) => r.id),
  );
  const refreshed = performance.now() - start;
  await sql`ANALYZE`.execute(db);
  return refreshed;
}

/** The median, or the error's first line when the request fails (as the dashboard did at 100 000 on PostgreSQL). */
const measured = (fn: () => Promise<unknown>) =>
  median(fn).catch((e: Error) => `fails: ${e.message.split("\n")[0]?.slice(0, 120)}`);

async function run(database: Database) {
  await migrateToLatest(database.db, appMigrations);
  const demo = await seedDemo(database.db, PASSWORD);
  const kommun = demo.nodes.kommun?.id;
  if (!kommun) throw new Error("demo kommun missing");
  const app = await buildApp({ database, sessionSecret: "b".repeat(40), logLevel: "silent" });
  const login = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username: "admin", password: PASSWORD },
  });
  const cookies = { lots_session: login.cookies.find((c) => c.name === "lots_session")?.value ?? "" };
  const quarter = formatQuarter(previousQuarter(quarterOf(todayInSweden())));
  const get = async (url: string) => {
    const response = await app.inject({ method: "GET", url, cookies });
    if (response.statusCode !== 200) throw new Error(`${response.statusCode} ${response.body.slice(0, 200)}`);
    return response;
  };
  const baseline = () =>
    sql`SELECT d.org_node_id, i.law, count(*) FROM evb_decision d JOIN evb_insats i ON i.id = d.insats_id
        WHERE d.decision_date <= current_date GROUP BY d.org_node_id, i.law`.execute(database.db);

  console.log(`\n### ${database.engine}, report for ${quarter}\n`);
  console.log(
    "| decisions | GROUP BY | dashboard | ratio | quarter report | ratio | report bytes | refreshWaits of the added |\n|---:|---:|---:|---:|---:|---:|---:|---:|",
  );
  let added = 0;
  for (const size of sizes) {
    const refresh = await addDecisions(database, added + 1, size - added);
    added = size;
    const base = await median(baseline);
    const reportUrl = `/api/evb/reports/${quarter}?orgNodeId=${kommun}`;
    const board = await measured(() => get(`/api/evb/dashboard?orgNodeId=${kommun}`));
    const report = await measured(() => get(reportUrl));
    const bytes = await get(reportUrl).then(
      (r) => r.body.length.toLocaleString("sv-SE"),
      () => "–",
    );
    const cells = (x: number | string) =>
      typeof x === "string" ? `${x} | –` : `${x.toFixed(1)} ms | ${(x / base).toFixed(1)}×`;
    console.log(
      `| ${size.toLocaleString("sv-SE")} | ${base.toFixed(1)} ms | ${cells(board)} | ${cells(report)} | ${bytes} | ${Math.round(refresh)} ms |`,
    );
  }
  await app.close();
}

console.log(
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
await onEachEngine("lots_bench_evb", run);
