// Signed-in reads under load on one Lots process, on PGlite (default) or PostgreSQL (BENCH_DATABASE_URL), driven by
// wrk at 50 and 200 connections against a constant-JSON Fastify app driven the same way: requests per second,
// share of that ceiling, p99, and requests that got no answer in time (wrk's timeouts and socket errors).
// Run: npx tsx bench/reads.bench.ts   (needs wrk: apt-get install wrk; BENCH_SECONDS, default 10)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Fastify from "fastify";
import { sql } from "kysely";
import { appMigrations } from "../src/app/capabilities.ts";
import { serve } from "../src/app/process-testing.ts";
import { seedDemo } from "../src/app/seed.ts";
import { type Database, openDatabase } from "../src/platform/db/database.ts";
import { migrateToLatest } from "../src/platform/db/migrate.ts";
import { wrk } from "./wrk.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PASSWORD = "bench-password-1";
const server = process.env.BENCH_DATABASE_URL;

console.log(
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load ${os
    .loadavg()[0]
    ?.toFixed(1)}; ${server ? "PostgreSQL" : "PGlite"}; wrk -t1 -d${SECONDS}s`,
);

// A database of its own with the full demo: a data folder for PGlite, a database on the server for PostgreSQL.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lots-bench-reads-"));
let env: Record<string, string>;
let setup: Database;
if (server) {
  const admin = await openDatabase({ url: server });
  await sql`DROP DATABASE IF EXISTS lots_bench_reads WITH (FORCE)`.execute(admin.db);
  await sql`CREATE DATABASE lots_bench_reads`.execute(admin.db);
  await admin.close();
  const url = new URL(server);
  url.pathname = "/lots_bench_reads";
  env = { DATABASE_URL: url.toString() };
  setup = await openDatabase({ url: url.toString() });
} else {
  env = { DATA_DIR: dataDir };
  setup = await openDatabase({ dataDir: path.join(dataDir, "pglite"), durability: "fast" });
}
await migrateToLatest(setup.db, appMigrations);
const demo = await seedDemo(setup.db, PASSWORD);
await setup.close();

const constant = Fastify();
constant.get("/", async () => ({ status: "ok" }));
await constant.listen({ port: 0, host: "127.0.0.1" });
const ceilingUrl = `http://127.0.0.1:${(constant.server.address() as { port: number }).port}/`;

const lots = await serve({ ...env, SESSION_SECRET: "p".repeat(40), DEMO_PASSWORD: PASSWORD });
const base = `http://127.0.0.1:${lots.port}`;
const login = await fetch(`${base}/api/auth/login`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ username: "controller", password: PASSWORD }),
});
const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] as string;
const ifo = demo.nodes.ifo?.id;
const models = (await (
  await fetch(`${base}/api/styrning/models?orgNodeId=${ifo}`, { headers: { cookie } })
).json()) as {
  id: string;
}[];
const paths = {
  "GET /api/auth/me": "/api/auth/me",
  "GET /api/evb/dashboard": `/api/evb/dashboard?orgNodeId=${ifo}`,
  "GET /api/evb/reports/2023Q4": `/api/evb/reports/2023Q4?orgNodeId=${ifo}`,
  "GET /api/styrning/models/…/tree": `/api/styrning/models/${models[0]?.id}/tree`,
  "GET /api/ekonomi/…/2023/follow-up": `/api/ekonomi/namnder/${ifo}/years/2023/follow-up`,
};
for (const [label, p] of Object.entries(paths)) {
  const res = await fetch(`${base}${p}`, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`${label}: ${res.status} ${await res.text()}`);
}

console.log("\n| what | connections | req/s | share of ceiling | p99 | no answer |\n|---|---:|---:|---:|---:|---:|");
for (const connections of [50, 200]) {
  const ceiling = await wrk(ceilingUrl, { connections, seconds: SECONDS, cookie: "" });
  console.log(
    `| constant-JSON Fastify (ceiling) | ${connections} | ${Math.round(ceiling.rate)} | 100 % | ${ceiling.p99} | ${ceiling.unanswered} |`,
  );
  for (const [label, p] of Object.entries(paths)) {
    await wrk(`${base}${p}`, { connections, seconds: SECONDS, cookie }); // warm-up
    const r = await wrk(`${base}${p}`, { connections, seconds: SECONDS, cookie });
    const share = ((100 * r.rate) / ceiling.rate).toFixed(1);
    console.log(`| ${label} | ${connections} | ${Math.round(r.rate)} | ${share} % | ${r.p99} | ${r.unanswered} |`);
  }
}

await constant.close();
await lots.stop();
fs.rmSync(dataDir, { recursive: true, force: true });
if (server) {
  const cleanup = await openDatabase({ url: server });
  await sql`DROP DATABASE IF EXISTS lots_bench_reads WITH (FORCE)`.execute(cleanup.db);
  await cleanup.close();
}
// Everything above is closed, yet the process has been seen to stay alive with no active handle reported
// (getActiveResourcesInfo lists none): end it so a chained run of the next engine starts.
process.exit(0);
