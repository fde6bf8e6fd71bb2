// Does a maximal ledger import stall the server? The server runs in a child process (in-memory PGlite with
// the full demo); this process uploads a CSV ledger just under the CSV limit (preview, then import) while
// it calls GET /api/health every 10 ms on a fixed schedule, and reports the health latency during each
// upload and the server's RSS before, at peak and after (after a GC).
// Run: npx tsx bench/import-ledger.ts   (BENCH_MB=15 for another file size; BENCH_NODE_ARGS for the server's node;
// BENCH_DATABASE_URL=postgres://… for a PostgreSQL server instead: an empty database the bench may fill)
import { fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const PASSWORD = "bench-password-1";
const root = path.resolve(import.meta.dirname, "..");

type ToServer = "rss" | "exit";
type FromServer = { port: number } | { rss: number; maxRss: number; loopP99: number; loopMax: number };

if (process.argv[2] === "serve") {
  const { openDatabase } = await import("../src/platform/db/database.ts");
  const { migrateToLatest } = await import("../src/platform/db/migrate.ts");
  const { seedDemo } = await import("../src/app/seed.ts");
  const { buildApp } = await import("../src/app/server.ts");
  const { monitorEventLoopDelay } = await import("node:perf_hooks");
  // The server's own view: how long its event loop was held, apart from the CPU the machine had to give.
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const url = process.env.BENCH_DATABASE_URL;
  const database = await openDatabase(url ? { url } : { memory: true });
  await migrateToLatest(database.db, (await import("../src/app/capabilities.ts")).appMigrations);
  await seedDemo(database.db, PASSWORD);
  const app = await buildApp({ database, sessionSecret: "b".repeat(40), logLevel: "silent" });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const send = (m: FromServer) => process.send?.(m);
  send({ port: typeof address === "object" && address ? address.port : 0 });
  process.on("disconnect", () => process.exit(1));
  process.on("message", async (m: ToServer) => {
    if (m === "rss") {
      globalThis.gc?.();
      await new Promise((resolve) => setTimeout(resolve, 200));
      globalThis.gc?.();
      send({
        rss: process.memoryUsage().rss,
        maxRss: process.resourceUsage().maxRSS * 1024,
        loopP99: loop.percentile(99) / 1e6,
        loopMax: loop.max / 1e6,
      });
      loop.reset();
    } else {
      await app.close();
      await database.close();
      process.exit(0);
    }
  });
} else {
  await main();
}

/** A ledger of the demo's own rows (real ansvar and konto codes) repeated over the year until it is `bytes` long. */
function ledger(bytes: number): Buffer {
  const demo = fs
    .readFileSync(path.join(root, "demo/ekonomi/huvudbok-ifo-2023-jan-apr.csv"), "utf8")
    .trim()
    .split("\n");
  const [header, ...rows] = demo;
  const lines = [header];
  let size = (header?.length ?? 0) + 1;
  for (let i = 0; ; i++) {
    const [konto, ansvar, , belopp, text] = (rows[i % rows.length] ?? "").split(";");
    const line = `${konto};${ansvar};2023-${String(1 + (i % 12)).padStart(2, "0")};${belopp};${text} ${i}`;
    if (size + line.length + 1 > bytes) break;
    lines.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  return Buffer.from(lines.join("\n"), "utf8");
}

function quantile(sorted: number[], q: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}
function mb(n: number) {
  return `${Math.round(n / 2 ** 20)} MB`;
}

async function main() {
  const child = fork(import.meta.filename, ["serve"], {
    // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=prof" profiles the server.
    execArgv: ["--expose-gc", "--import", "tsx", ...(process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? [])],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const next = () => new Promise<FromServer>((resolve) => child.once("message", (m: FromServer) => resolve(m)));
  const started = (await next()) as { port: number };
  console.log("server started");
  const base = `http://127.0.0.1:${started.port}`;
  const rss = async () => {
    child.send("rss" satisfies ToServer);
    return (await next()) as { rss: number; maxRss: number; loopP99: number; loopMax: number };
  };

  const login = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "controller", password: PASSWORD }),
  });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const namnder = (await (await fetch(`${base}/api/ekonomi/namnder`, { headers: { cookie } })).json()) as Array<{
    id: string;
    name: string;
  }>;
  const ifo = namnder.find((n) => n.name.includes("Individ"))?.id;
  const post = (url: string, body: unknown) =>
    fetch(`${base}${url}`, {
      method: "POST",
      headers: { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  const file = ledger(Number(process.env.BENCH_MB ?? 20) * 2 ** 20 - 1024);
  const upload = { fileName: "huvudbok.csv", contentBase64: file.toString("base64") };
  console.log(
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load ${os.loadavg()[0]?.toFixed(1)}`,
  );
  console.log(`Database: ${process.env.BENCH_DATABASE_URL ? "PostgreSQL server" : "embedded (PGlite, in memory)"}`);
  console.log(`File: ${mb(file.length)} CSV, ${file.toString("utf8").split("\n").length - 1} rows`);
  for (let i = 0; i < 20; i++) await fetch(`${base}/api/health`); // warm-up
  const before = await rss(); // also resets the loop-delay histogram after start-up
  console.log(`RSS before: ${mb(before.rss)}\n`);
  console.log(
    "| request | status | duration | health p50 | health p99 | health max | health calls | server loop delay p99 / max |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|");

  const measure = async (label: string, request: () => Promise<Response>) => {
    const latencies: Promise<number>[] = [];
    const timer = setInterval(() => {
      const sent = performance.now();
      const call = fetch(`${base}/api/health`).then((r) => r.arrayBuffer());
      // A call the server did not answer within undici's 10 s connect timeout counts as infinitely slow.
      latencies.push(call.then(() => performance.now() - sent).catch(() => Number.POSITIVE_INFINITY));
    }, 10);
    const start = performance.now();
    const res = await request();
    const body = await res.text();
    const duration = performance.now() - start;
    clearInterval(timer);
    const sorted = (await Promise.all(latencies)).sort((a, b) => a - b);
    const loop = await rss();
    const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(0)} ms` : "no answer");
    console.log(
      `| ${label} | ${res.status} | ${(duration / 1000).toFixed(1)} s | ${ms(quantile(sorted, 0.5))} | ${ms(quantile(sorted, 0.99))} | ${ms(sorted.at(-1) ?? 0)} | ${sorted.length} | ${ms(loop.loopP99)} / ${ms(loop.loopMax)} |`,
    );
    if (res.status >= 400) console.log(`  ${body.slice(0, 300)}`);
  };

  // The same calls with nothing else running on the server: what the machine gives at this moment.
  await measure(
    "(no import, 10 s)",
    () => new Promise((resolve) => setTimeout(() => resolve(new Response("")), 10_000)),
  );
  await measure("preview", () => post("/api/ekonomi/imports/preview", upload));
  await measure("import", () =>
    post(`/api/ekonomi/namnder/${ifo}/years/2023/imports`, {
      ...upload,
      kind: "utfall",
      mapping: { amount: "Belopp", period: "Period", konto: "Konto", ansvar: "Ansvar" },
      unmatched: "skip",
    }),
  );
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const after = await rss();
  console.log(`\nRSS after (GC): ${mb(after.rss)}; peak RSS: ${mb(after.maxRss)}`);
  child.send("exit" satisfies ToServer);
}
