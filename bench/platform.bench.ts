// Platform overhead: what an audited, access-checked write and an authenticated API read cost compared
// with the bare SQL they wrap, on the same database in the same run.
// Run: npx tsx bench/platform.bench.ts  (PostgreSQL too: BENCH_DATABASE_URL=postgres://… npx tsx bench/platform.bench.ts)
import os from "node:os";
import { sql } from "kysely";
import { appMigrations } from "../src/app/capabilities.ts";
import { buildApp } from "../src/app/server.ts";
import { seedDemoOrganisation } from "../src/organisation/demo.ts";
import { updateNode } from "../src/organisation/directory-service.ts";
import { systemActor } from "../src/platform/auth/access.ts";
import type { Database } from "../src/platform/db/database.ts";
import { migrateToLatest } from "../src/platform/db/migrate.ts";
import { onEachEngine } from "./engines.ts";

const N = Number(process.env.BENCH_N ?? 1000);

async function time(label: string, n: number, fn: (i: number) => Promise<unknown>) {
  for (let i = 0; i < Math.min(50, n); i++) await fn(i); // warm-up
  const start = performance.now();
  for (let i = 0; i < n; i++) await fn(i);
  const ms = performance.now() - start;
  const perOp = ms / n;
  console.log(
    `| ${label.padEnd(52)} | ${n.toString().padStart(6)} | ${perOp.toFixed(3).padStart(8)} ms | ${Math.round(
      1000 / perOp,
    )
      .toString()
      .padStart(7)}/s |`,
  );
  return perOp;
}

async function run(database: Database) {
  await migrateToLatest(database.db, appMigrations);
  const demo = await database.db.transaction().execute((trx) => seedDemoOrganisation(trx, "bench-password-1"));
  const node = demo.nodes["dv-vast"];
  if (!node) throw new Error("demo node missing");
  const actor = systemActor();
  console.log(`\n### ${database.engine}\n`);
  console.log("| operation | n | per op | rate |\n|---|---:|---:|---:|");
  const raw = await time("raw UPDATE org_node (baseline)", N, (i) =>
    sql`UPDATE org_node SET name = ${`Raw ${i}`} WHERE id = ${node.id}`.execute(database.db),
  );
  const audited = await time("service updateNode (access check + audit, 1 tx)", N, (i) =>
    updateNode(database.db, actor, node.id, { name: `Audited ${i}` }),
  );
  console.log(`\naudited write / raw write: ${(audited / raw).toFixed(1)}×`);

  const app = await buildApp({ database, sessionSecret: "b".repeat(40), logLevel: "silent" });
  const login = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username: "controller", password: "bench-password-1" },
  });
  const cookie = login.cookies.find((c) => c.name === "lots_session")?.value ?? "";
  console.log("\n| operation | n | per op | rate |\n|---|---:|---:|---:|");
  const rawRead = await time("raw SELECT of the IFO subtree (baseline)", N, () =>
    sql`SELECT * FROM org_node WHERE path LIKE ${`${demo.nodes.ifo?.path}%`}`.execute(database.db),
  );
  const apiRead = await time("GET /api/org/tree (session + scope + JSON)", N, () =>
    app.inject({ method: "GET", url: "/api/org/tree", cookies: { lots_session: cookie } }),
  );
  console.log(`\nAPI read / raw read: ${(apiRead / rawRead).toFixed(1)}×`);
  await app.close();
}

console.log(
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
);
await onEachEngine("lots_bench", run);
