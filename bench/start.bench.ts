// Start time and memory: `lots --help` and `lots serve` on an existing database, compiled (build/, npm run build)
// against the TypeScript through tsx, with bare Node and a constant-JSON Fastify app as baselines, in one run.
// Run: npm run build && npx tsx bench/start.bench.ts   (BENCH_RUNS, default 5; the median is printed;
// BENCH_DATABASE_URL=postgres://… adds `lots serve` on PostgreSQL, in a database of its own, dropped afterwards)
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const node = process.execPath;
const tsx = ["--import", "tsx"];
if (!fs.existsSync("build/app/cli.js")) throw new Error("Bygg först: npm run build");

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** Wall time of a command that exits, median of RUNS. */
function exits(args: string[]): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const run = spawnSync(node, args, { stdio: "ignore" });
    if (run.status !== 0) throw new Error(`${args.join(" ")} avslutades med ${run.status}`);
    times.push(performance.now() - start);
  }
  return median(times);
}

/** Time until a server prints `ready`, and its resident memory then (from /proc), median of RUNS. */
async function serves(args: string[], env: Record<string, string>, ready: string) {
  const times: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const child = spawn(node, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    await new Promise<void>((resolve, reject) => {
      const seen = (chunk: Buffer) => {
        output += chunk;
        if (output.includes(ready)) resolve();
      };
      child.stdout.on("data", seen);
      child.stderr.on("data", seen);
      child.once("exit", (code) => reject(new Error(`avslutades (${code}): ${output}`)));
    });
    times.push(performance.now() - start);
    const status = fs.readFileSync(`/proc/${child.pid}/status`, "utf8");
    rss.push(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024);
    child.removeAllListeners("exit");
    await new Promise((resolve) => {
      child.once("exit", resolve);
      child.kill("SIGTERM");
    });
  }
  return { ms: median(times), rssMb: median(rss) };
}

/** `lots serve` on a PostgreSQL database of its own, with the demo (the first start loads it); dropped afterwards. */
async function servesOnPostgres(serverUrl: string, env: Record<string, string>) {
  const name = "lots_start_bench";
  const admin = new pg.Client(serverUrl);
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const pgEnv = { ...env, DATABASE_URL: url.toString() };
    await serves(["build/app/cli.js", "serve"], pgEnv, "Lots körs på");
    const { ms, rssMb } = await serves(["build/app/cli.js", "serve"], pgEnv, "Lots körs på");
    console.log(
      `| \`lots serve\`, compiled, existing PostgreSQL database | ${Math.round(ms)} ms | ${Math.round(rssMb)} MB |`,
    );
  } finally {
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.end();
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lots-start-bench-"));
try {
  const env = { DATA_DIR: dir, PORT: "39181", LOG_LEVEL: "warn", LOTS_DURABILITY: "fast", NODE_ENV: "" };
  // An existing database with the demo: the first start creates it, the measured ones open it.
  await serves(["build/app/cli.js", "serve"], env, "Lots körs på");
  const constantApp = `import Fastify from "fastify"; const app = Fastify(); app.get("/", async () => ({ ok: true }));
    await app.listen({ port: 39182 }); console.log("redo");`;
  const rows = [
    ["bare Node (`node -e 0`, baseline)", exits(["-e", "0"])],
    ["`lots --help`, compiled", exits(["build/app/cli.js", "--help"])],
    ["`lots --help`, TypeScript through tsx", exits([...tsx, "src/app/cli.ts", "--help"])],
  ] as const;
  console.log(
    `\n${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}, load ${os.loadavg()[0]?.toFixed(1)}\n`,
  );
  console.log("| what | median wall | RSS when ready |\n|---|---:|---:|");
  for (const [label, ms] of rows) console.log(`| ${label} | ${Math.round(ms)} ms | |`);
  const servers = [
    ["constant-JSON Fastify app (baseline)", ["--input-type=module", "-e", constantApp], "redo"],
    ["`lots serve`, compiled, existing PGlite database", ["build/app/cli.js", "serve"], "Lots körs på"],
    ["`lots serve`, through tsx, existing PGlite database", [...tsx, "src/app/cli.ts", "serve"], "Lots körs på"],
  ] as const;
  for (const [label, args, ready] of servers) {
    const { ms, rssMb } = await serves([...args], env, ready);
    console.log(`| ${label} | ${Math.round(ms)} ms | ${Math.round(rssMb)} MB |`);
  }
  if (process.env.BENCH_DATABASE_URL) await servesOnPostgres(process.env.BENCH_DATABASE_URL, env);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
