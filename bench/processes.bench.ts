// Throughput from one to two Lots processes on one PostgreSQL database, driven by wrk, against a constant-JSON
// Fastify app driven the same way. Two processes get one wrk each at the same time (a perfect balancer), and
// their requests per second are summed. Every request is authenticated (session cookie), as users' are.
// Run: BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:54329/postgres npx tsx bench/processes.bench.ts
// Needs wrk (Debian: apt-get install wrk). BENCH_SECONDS (default 10), BENCH_CONNECTIONS per process (default 50).
import os from "node:os";
import Fastify from "fastify";
import { sql } from "kysely";
import { appMigrations } from "../src/app/capabilities.ts";
import { serve } from "../src/app/process-testing.ts";
import { seedDemo } from "../src/app/seed.ts";
import { openDatabase } from "../src/platform/db/database.ts";
import { migrateToLatest } from "../src/platform/db/migrate.ts";
import { wrk } from "./wrk.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PASSWORD = "bench-password-1";
const server = process.env.BENCH_DATABASE_URL;
if (!server) throw new Error("BENCH_DATABASE_URL saknas (en PostgreSQL-server: flera processer kräver den).");

/** wrk against each port at once; the summed rate and each run's latencies. */
async function drive(ports: number[], path: string, cookie: string) {
  const runs = await Promise.all(
    ports.map((port) => wrk(`http://127.0.0.1:${port}${path}`, { connections: CONNECTIONS, seconds: SECONDS, cookie })),
  );
  return { rate: runs.reduce((sum, r) => sum + r.rate, 0), latency: runs.map((r) => `${r.p50} / ${r.p99}`).join(", ") };
}

async function login(port: number) {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "controller", password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`login: ${res.status}`);
  return (res.headers.get("set-cookie") ?? "").split(";")[0] as string;
}

console.log(
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load ${os
    .loadavg()[0]
    ?.toFixed(1)}; wrk -t1 -c${CONNECTIONS} -d${SECONDS}s per process`,
);

// A database of its own, with the full demo.
const url = new URL(server);
const admin = await openDatabase({ url: url.toString() });
await sql`DROP DATABASE IF EXISTS lots_bench_processes WITH (FORCE)`.execute(admin.db);
await sql`CREATE DATABASE lots_bench_processes`.execute(admin.db);
await admin.close();
url.pathname = "/lots_bench_processes";
const database = await openDatabase({ url: url.toString() });
await migrateToLatest(database.db, appMigrations);
const demo = await seedDemo(database.db, PASSWORD);
await database.close();

// Baseline: the cheapest Fastify answer, one process (this one).
const constant = Fastify();
constant.get("/", async () => ({ status: "ok" }));
await constant.listen({ port: 0, host: "127.0.0.1" });
const constantPort = (constant.server.address() as { port: number }).port;

const env = { DATABASE_URL: url.toString(), SESSION_SECRET: "p".repeat(40), DEMO_PASSWORD: PASSWORD };
const [a, b] = [await serve(env), await serve(env)];
const cookie = await login(a.port);
const ifo = demo.nodes.ifo?.id;
const models = (await (
  await fetch(`http://127.0.0.1:${a.port}/api/styrning/models?orgNodeId=${ifo}&year=2023`, { headers: { cookie } })
).json()) as { id: string }[];
const paths = {
  "GET /api/auth/me (session and roles)": "/api/auth/me",
  "GET /api/evb/dashboard": `/api/evb/dashboard?orgNodeId=${ifo}`,
  "GET /api/evb/reports/2023Q4 (quarter report)": `/api/evb/reports/2023Q4?orgNodeId=${ifo}`,
  "GET /api/styrning/models/:id/tree": `/api/styrning/models/${models[0]?.id}/tree`,
  "GET /api/ekonomi/…/2023/follow-up": `/api/ekonomi/namnder/${ifo}/years/2023/follow-up`,
  "GET /api/kvalitet/statistik (a year's statistics)": `/api/kvalitet/statistik?orgNodeId=${ifo}&year=2023`,
};

console.log(
  "\n| what | 1 process | share of ceiling | 2 processes | 2 / 1 | latency p50 / p99 (1 · 2) |\n|---|---:|---:|---:|---:|---|",
);
const base = await drive([constantPort], "/", "");
console.log(
  `| constant-JSON Fastify (ceiling, 1 process) | ${Math.round(base.rate)}/s | 100 % | | | ${base.latency} |`,
);
for (const [label, path] of Object.entries(paths)) {
  await drive([a.port], path, cookie); // warm-up: JIT, pools, plans
  const one = await drive([a.port], path, cookie);
  const two = await drive([a.port, b.port], path, cookie);
  const share = ((100 * one.rate) / base.rate).toFixed(1);
  console.log(
    `| ${label} | ${Math.round(one.rate)}/s | ${share} % | ${Math.round(two.rate)}/s | ${(two.rate / one.rate).toFixed(2)} | ${one.latency} · ${two.latency} |`,
  );
}

await constant.close();
await Promise.all([a.stop(), b.stop()]);
const cleanup = await openDatabase({ url: server });
await sql`DROP DATABASE IF EXISTS lots_bench_processes WITH (FORCE)`.execute(cleanup.db);
await cleanup.close();
