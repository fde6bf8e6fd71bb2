// A primary and a streaming replica (two local PostgreSQL clusters made here; PostgreSQL run only), with Lots
// configured by DATABASE_URL and DATABASE_READ_URL: heavy reads come from the replica, a caller who has just
// written reads from the primary until the replica has replayed the write, and a replica that is down costs
// no failed read. The access log a replica-served read writes lands on the primary.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance, InjectOptions } from "fastify";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoOrganisation } from "../organisation/index.ts";
import { todayInSweden } from "../platform/calendar.ts";
import { loadConfig } from "../platform/config.ts";
import { type OpenedDatabase, openConfiguredDatabase } from "../platform/runtime.ts";
import { appMigrations } from "./capabilities.ts";
import { freePort } from "./process-testing.ts";
import { seedDemo } from "./seed.ts";
import { buildApp } from "./server.ts";
import { DEMO_PASSWORD } from "./testing.ts";

const server = process.env.TEST_DATABASE_URL;
const pgBin = fs.existsSync("/usr/lib/postgresql")
  ? fs
      .readdirSync("/usr/lib/postgresql")
      .sort((a, b) => Number(b) - Number(a))
      .map((v) => `/usr/lib/postgresql/${v}/bin`)
      .find((bin) => fs.existsSync(`${bin}/pg_basebackup`))
  : undefined;
if (server && !pgBin && process.env.CI === "true") throw new Error("PostgreSQL saknas: .ci/run installerar det.");

/** A PostgreSQL program as the postgres user when we are root (initdb and postgres refuse root). */
function pgRun(program: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const [file, argv] = asRoot
    ? ["runuser", ["-u", "postgres", "--", `${pgBin}/${program}`, ...args]]
    : [`${pgBin}/${program}`, args];
  execFileSync(file, argv, { stdio: "pipe", cwd: os.tmpdir() });
}

const serverOptions = (port: number, dir: string) =>
  `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`;

/** One signed-in browser: its own cookie jar (the session and the write position). */
async function browser(app: FastifyInstance, username: string) {
  const login = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password: DEMO_PASSWORD },
  });
  expect(login.statusCode).toBe(200);
  const jar = new Map(login.cookies.map((c) => [c.name, c.value]));
  const csrf = (login.json() as { csrfToken: string }).csrfToken;
  const request = async (options: InjectOptions) => {
    const res = await app.inject({ ...options, cookies: Object.fromEntries(jar), headers: { "x-csrf-token": csrf } });
    for (const c of res.cookies) jar.set(c.name, c.value);
    return res;
  };
  return {
    jar,
    get: (url: string) => request({ method: "GET", url }),
    post: (url: string, payload: InjectOptions["payload"]) => request({ method: "POST", url, payload }),
  };
}

describe.skipIf(!server || !pgBin)("a streaming read replica (DATABASE_READ_URL)", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lots-replica-"));
  const primaryData = path.join(dir, "primary");
  const replicaData = path.join(dir, "replica");
  let ports: { primary: number; replica: number };
  let database: OpenedDatabase;
  let app: FastifyInstance;
  let demo: DemoOrganisation;
  let replicaClient: (sql: string) => Promise<pg.QueryResult>;
  const pgCtl = (data: string, action: "start" | "stop", port: number) =>
    pgRun("pg_ctl", [
      "-D",
      data,
      "-l",
      `${data}.log`,
      "-w",
      ...(action === "start" ? ["-o", serverOptions(port, dir), "start"] : ["-m", "immediate", "stop"]),
    ]);

  beforeAll(async () => {
    fs.chmodSync(dir, 0o777);
    ports = { primary: await freePort(), replica: await freePort() };
    pgRun("initdb", ["-D", primaryData, "-A", "trust", "-U", "postgres", "-E", "UTF8"]);
    pgCtl(primaryData, "start", ports.primary);
    // A copy of the primary that streams its WAL (-R writes standby.signal and primary_conninfo).
    const source = ["-h", "127.0.0.1", "-p", String(ports.primary), "-U", "postgres"];
    pgRun("pg_basebackup", [...source, "-D", replicaData, "-R", "-X", "stream", "-c", "fast"]);
    pgCtl(replicaData, "start", ports.replica);
    const url = (port: number) => `postgres://postgres@127.0.0.1:${port}/postgres`;
    replicaClient = async (sql) => {
      const client = new pg.Client({ connectionString: url(ports.replica) });
      await client.connect();
      try {
        return await client.query(sql);
      } finally {
        await client.end();
      }
    };
    database = await openConfiguredDatabase(
      loadConfig({ DATABASE_URL: url(ports.primary), DATABASE_READ_URL: url(ports.replica) }),
      appMigrations,
    );
    demo = await seedDemo(database.db, DEMO_PASSWORD);
    app = await buildApp({ database, replica: database.replica, sessionSecret: "r".repeat(40), logLevel: "silent" });
    await app.ready();
  }, 240_000);

  afterAll(async () => {
    await app?.close();
    await database?.close();
    for (const data of [replicaData, primaryData]) {
      try {
        pgCtl(data, "stop", 0);
      } catch {
        // already stopped by the test
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Waits until the replica has replayed everything the primary has written so far. */
  async function caughtUp() {
    const { rows } = await sql<{ lsn: string }>`select pg_current_wal_lsn()::text as lsn`.execute(database.db);
    const target = rows[0]?.lsn as string;
    for (let i = 0; i < 200; i++) {
      const replayed = await replicaClient(`select pg_last_wal_replay_lsn() >= '${target}'::pg_lsn as ok`);
      if (replayed.rows[0]?.ok) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error("the replica did not catch up");
  }

  const ids = () => ({ ifo: demo.nodes.ifo?.id as string, almen: demo.nodes["bss-almen"]?.id as string });
  const year = Number(todayInSweden().slice(0, 4));

  it("answers every read declared for the replica from the replica", async () => {
    await caughtUp();
    const { ifo } = ids();
    // One case per route declared `replica` (the OpenAPI document marks them): a new one without a case fails here.
    const cases: Record<string, { user: string; url: string }> = {
      "/api/kvalitet/oversikt": { user: "kvalitet", url: `/api/kvalitet/oversikt?orgNodeId=${ifo}` },
      "/api/kvalitet/trender": { user: "kvalitet", url: `/api/kvalitet/trender?orgNodeId=${ifo}` },
      "/api/kvalitet/statistik": { user: "kvalitet", url: `/api/kvalitet/statistik?orgNodeId=${ifo}&year=2023` },
      "/api/kvalitet/klagomal/statistik": {
        user: "kvalitet",
        url: `/api/kvalitet/klagomal/statistik?orgNodeId=${ifo}&year=2023`,
      },
      "/api/evb/reports/{quarter}": { user: "controller", url: `/api/evb/reports/2023Q4?orgNodeId=${ifo}` },
      "/api/evb/reports/{quarter}/export": {
        user: "controller",
        url: `/api/evb/reports/2023Q4/export?orgNodeId=${ifo}&format=csv&part=statistics`,
      },
      "/api/evb/dashboard": { user: "controller", url: `/api/evb/dashboard?orgNodeId=${ifo}` },
      "/api/ekonomi/namnder/{namndId}/years/{year}": {
        user: "controller",
        url: `/api/ekonomi/namnder/${ifo}/years/2023`,
      },
      "/api/rapporter/rapport": {
        user: "controller",
        url: `/api/rapporter/rapport?mall=arsberattelse&namndId=${ifo}&period=2021`,
      },
      "/api/rapporter/fil": {
        user: "controller",
        url: `/api/rapporter/fil?mall=arsberattelse&namndId=${ifo}&period=2021&format=xlsx`,
      },
    };
    const openApi = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
      paths: Record<string, Record<string, { "x-lots-read"?: string }>>;
    };
    const declared = Object.entries(openApi.paths)
      .filter(([, operations]) => operations.get?.["x-lots-read"] === "replica")
      .map(([p]) => p)
      .sort();
    expect(declared).toEqual(Object.keys(cases).sort());
    const browsers = { kvalitet: await browser(app, "kvalitet"), controller: await browser(app, "controller") };
    for (const [route, { user, url }] of Object.entries(cases)) {
      const res = await browsers[user as keyof typeof browsers].get(url);
      expect({ route, status: res.statusCode, body: res.statusCode === 200 ? "" : res.body }).toEqual({
        route,
        status: 200,
        body: "",
      });
      expect({ route, source: res.headers["x-lots-read"] }).toEqual({ route, source: "replica" });
    }
  }, 120_000);

  it("writes the access log of a replica-served read on the primary", async () => {
    await caughtUp();
    const count = async () =>
      Number((await sql<{ n: number }>`select count(*) as n from access_log`.execute(database.db)).rows[0]?.n);
    const before = await count();
    const kvalitet = await browser(app, "kvalitet");
    const res = await kvalitet.get(
      `/api/kvalitet/oversikt?orgNodeId=${ids().ifo}&periodStart=2023-01-01&periodEnd=2023-12-31`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers["x-lots-read"]).toBe("replica");
    expect(await count()).toBeGreaterThan(before);
  }, 60_000);

  it("reads a caller's own write from the primary while the replica lags, and from the replica once it has replayed it", async () => {
    await caughtUp();
    const { ifo, almen } = ids();
    const writer = await browser(app, "kvalitet");
    const other = await browser(app, "kvalitet");
    const statistics = `/api/kvalitet/statistik?orgNodeId=${ifo}&year=${year}`;
    const total = (res: { json: () => unknown }) => (res.json() as { avvikelser: { total: number } }).avvikelser.total;
    const before = total(await other.get(statistics));

    await replicaClient("select pg_wal_replay_pause()");
    try {
      const today = todayInSweden();
      const reported = await writer.post("/api/kvalitet/handelser", {
        orgNodeId: almen,
        occurredOn: today,
        noticedOn: today,
        whatHappened: "Fel dos given vid kvällsmedicineringen.",
      });
      expect(reported.statusCode).toBe(200);
      expect(writer.jar.get("lots_wal")).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);

      const own = await writer.get(statistics);
      expect(own.headers["x-lots-read"]).toBe("primary");
      expect(total(own)).toBe(before + 1);
      // Someone who has not written reads the replica, which has not replayed the report yet.
      const stale = await other.get(statistics);
      expect(stale.headers["x-lots-read"]).toBe("replica");
      expect(total(stale)).toBe(before);
    } finally {
      await replicaClient("select pg_wal_replay_resume()");
    }
    await caughtUp();
    const replayed = await writer.get(statistics);
    expect(replayed.headers["x-lots-read"]).toBe("replica");
    expect(total(replayed)).toBe(before + 1);
  }, 60_000);

  it("answers from the primary while the replica is down", async () => {
    const kvalitet = await browser(app, "kvalitet");
    const statistics = `/api/kvalitet/statistik?orgNodeId=${ids().ifo}&year=2023`;
    const expected = (await kvalitet.get(statistics)).json();
    pgCtl(replicaData, "stop", 0);
    const first = await kvalitet.get(statistics);
    expect(first.statusCode).toBe(200);
    expect(first.headers["x-lots-read"]).toBe("primary");
    expect(first.json()).toEqual(expected);
    // Resting: the next read does not try the replica again.
    const second = await kvalitet.get(statistics);
    expect(second.headers["x-lots-read"]).toBe("primary");
    expect(second.statusCode).toBe(200);
  }, 60_000);
});
