// Lots behind pgbouncer in transaction pooling mode (Debian's package), on the PostgreSQL run's server: the
// migrations go to PostgreSQL directly (DATABASE_MIGRATE_URL), everything else through the pooler, where
// concurrent audited writes keep the audit chain whole (its advisory lock is transaction-level).
import { type ChildProcess, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, initOrganisation } from "../organisation/index.ts";
import { verifyAuditChain } from "../platform/audit/chain.ts";
import { systemActor } from "../platform/auth/access.ts";
import { loadConfig } from "../platform/config.ts";
import { AUTH_CHANNEL } from "../platform/db/change-notices.ts";
import { openDatabase } from "../platform/db/database.ts";
import { openConfiguredDatabase } from "../platform/runtime.ts";
import { appMigrations } from "./capabilities.ts";
import { freePort } from "./process-testing.ts";
import { onServer } from "./testing.ts";

const server = process.env.TEST_DATABASE_URL;
const binary = ["/usr/sbin/pgbouncer", "/usr/bin/pgbouncer"].find((p) => fs.existsSync(p));
// CI installs pgbouncer; there a missing binary is a failure, not a skip.
if (server && !binary && process.env.CI === "true") throw new Error("pgbouncer saknas: .ci/run installerar det.");

/** pgbouncer in transaction mode in front of `dbname`; as root it drops to the postgres user, as it insists. */
async function startPgbouncer(dbname: string) {
  const target = new URL(server as string);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lots-pgbouncer-"));
  fs.chmodSync(dir, 0o777);
  const port = await freePort();
  const ini = path.join(dir, "pgbouncer.ini");
  fs.writeFileSync(
    ini,
    [
      "[databases]",
      `lots = host=${target.hostname} port=${target.port} dbname=${dbname} user=${decodeURIComponent(target.username)}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = any",
      `admin_users = ${decodeURIComponent(target.username)}`,
      "pool_mode = transaction",
      // Fewer server connections than concurrent clients, so statements of one client do change connections.
      "default_pool_size = 3",
      "max_client_conn = 200",
      `logfile = ${path.join(dir, "pgbouncer.log")}`,
      `pidfile = ${path.join(dir, "pgbouncer.pid")}`,
      "",
    ].join("\n"),
  );
  const asRoot = process.getuid?.() === 0;
  const child: ChildProcess = spawn(binary as string, [...(asRoot ? ["-u", "postgres"] : []), ini], {
    stdio: "ignore",
  });
  const url = `postgres://${target.username}@127.0.0.1:${port}/lots`;
  for (let i = 0; ; i++) {
    const probe = new pg.Client({ connectionString: url });
    try {
      await probe.connect();
      await probe.query("SELECT 1");
      await probe.end();
      break;
    } catch {
      await probe.end().catch(() => {});
      if (i > 50)
        throw new Error(`pgbouncer startade inte: ${fs.readFileSync(path.join(dir, "pgbouncer.log"), "utf8")}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    /** Transactions pgbouncer has passed on to the database: the proof that the app's work went through it. */
    transactions: async () => {
      const console = new pg.Client({ connectionString: url.replace(/\/lots$/, "/pgbouncer") });
      await console.connect();
      try {
        const stats = await console.query({ text: "SHOW STATS", queryMode: "simple" } as pg.QueryConfig);
        return Number(stats.rows.find((r) => r.database === "lots")?.total_xact_count ?? 0);
      } finally {
        await console.end();
      }
    },
    stop: () => {
      child.kill("SIGINT");
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe.skipIf(!server || !binary)("through pgbouncer in transaction pooling mode", () => {
  const dbname = `lots_pgbouncer_${crypto.randomBytes(5).toString("hex")}`;
  let bouncer: Awaited<ReturnType<typeof startPgbouncer>>;
  let direct: string;
  beforeAll(async () => {
    await onServer(server as string, `CREATE DATABASE ${dbname}`);
    const target = new URL(server as string);
    target.pathname = `/${dbname}`;
    direct = target.toString();
    bouncer = await startPgbouncer(dbname);
  }, 60_000);
  afterAll(async () => {
    bouncer?.stop();
    await onServer(server as string, `DROP DATABASE IF EXISTS ${dbname} WITH (FORCE)`);
  });

  const config = () => loadConfig({ DATABASE_URL: bouncer.url, DATABASE_MIGRATE_URL: direct });

  it("migrates over the direct URL, serves through the pooler, and keeps the audit chain whole under concurrent writes", async () => {
    const first = await openConfiguredDatabase(config(), appMigrations);
    try {
      expect(first.migrated).toEqual(Object.keys(appMigrations).sort());
      const { kommun } = await initOrganisation(first.db, {
        kommun: "Poolby kommun",
        admin: { username: "pooladmin", displayName: "Pool Admin", password: "ett-langt-losenord-1" },
      });
      // Each write is a transaction with the audit chain's transaction-level lock; 30 at once over 3 server connections.
      const users = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          createUser(first.db, systemActor(), {
            username: `pool${i}`,
            displayName: `Pool ${i}`,
            orgNodeId: kommun.id,
            roles: [],
          }),
        ),
      );
      expect(new Set(users.map((u) => u.id)).size).toBe(30);
      const chain = await verifyAuditChain(first.db);
      expect(chain.intact).toBe(true);
      expect(await bouncer.transactions()).toBeGreaterThanOrEqual(31);
    } finally {
      await first.close();
    }
    // Change notices do not pass a transaction-mode pooler: the probe finds that, so no process holds sessions in
    // memory behind one. Directly, the same probe passes.
    const [pooled, straight] = [await openDatabase({ url: bouncer.url }), await openDatabase({ url: direct })];
    try {
      pooled.notices?.subscribe(AUTH_CHANNEL, () => {});
      straight.notices?.subscribe(AUTH_CHANNEL, () => {});
      await expect.poll(() => straight.notices?.live(), { timeout: 5_000 }).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect(pooled.notices?.live()).toBe(false);
    } finally {
      await pooled.close();
      await straight.close();
    }
    // A second start (another process, a CLI command) finds nothing to migrate and no migration lock left held.
    const again = await openConfiguredDatabase(config(), appMigrations);
    expect(again.migrated).toEqual([]);
    await again.close();
  }, 120_000);
});
