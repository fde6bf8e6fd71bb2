// Several Lots processes on one PostgreSQL (PostgreSQL runs only): two real `lots serve` behind a loopback
// round-robin, sharing SESSION_SECRET. A login through one serves requests on both, and concurrent
// registrations through both get distinct, consecutive diarium numbers, with the audit chain whole. A logout or a
// role taken through one takes effect on the other at once, though each holds sessions in memory.
import net from "node:net";
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../platform/audit/chain.ts";
import { todayInSweden } from "../platform/calendar.ts";
import { openDatabase } from "../platform/db/database.ts";
import { HELD_HEADER } from "../platform/http/route.ts";
import type { AppDB } from "./capabilities.ts";
import { serve } from "./process-testing.ts";
import { DEMO_PASSWORD, testServerDatabaseUrl } from "./testing.ts";

const server = process.env.TEST_DATABASE_URL;

describe.skipIf(!server)("two processes on one PostgreSQL", () => {
  let database: Awaited<ReturnType<typeof testServerDatabaseUrl>>;
  let proxy: net.Server;
  let base: string;
  let ports: number[];
  const connections = [0, 0];
  let turns = 0;
  beforeAll(async () => {
    database = await testServerDatabaseUrl("fullDemo");
    const env = { DATABASE_URL: database.url, SESSION_SECRET: "s".repeat(40), DEMO_PASSWORD };
    const [a, b] = await Promise.all([serve(env, { fromSource: true }), serve(env, { fromSource: true })]);
    ports = [a.port, b.port];
    // Round-robin per connection, as a TCP balancer does.
    proxy = net.createServer((client) => {
      const i = turns++ % 2;
      connections[i] = (connections[i] ?? 0) + 1;
      const upstream = net.connect(ports[i] as number, "127.0.0.1");
      client.pipe(upstream).pipe(client);
      client.on("error", () => upstream.destroy());
      upstream.on("error", () => client.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(proxy.address() as net.AddressInfo).port}`;
  }, 180_000);
  afterAll(async () => {
    proxy?.close();
    await database?.drop();
  });

  it("serves one session on both and numbers 100 concurrent registrations without a gap or a double", async () => {
    const login = await fetch(`${base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "sekreterare", password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] as string;
    const ifo = database.demo?.nodes.ifo?.id;

    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        fetch(`${base}/api/namnd/arenden`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie, "x-csrf-token": csrfToken, connection: "close" },
          body: JSON.stringify({ orgNodeId: ifo, title: `Ärende ${i + 1}`, type: "allmant" }),
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    // Both processes answered: the session made by one is valid on the other.
    expect(Math.min(...connections)).toBeGreaterThanOrEqual(40);
    const numbers = (await Promise.all(answers.map(async (a) => ((await a.json()) as { number: number }).number))).sort(
      (x, y) => x - y,
    );
    expect(numbers).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));

    const check = await openDatabase({ url: database.url });
    try {
      expect((await verifyAuditChain(check.db)).intact).toBe(true);
      const year = Number(todayInSweden().slice(0, 4));
      const cases = await (check.db as Kysely<AppDB>)
        .selectFrom("namnd_case")
        .select(["number"])
        .where("org_node_id", "=", ifo as string)
        .where("year", "=", year)
        .execute();
      expect(cases.map((c) => c.number).sort((x, y) => x - y)).toEqual(numbers);
    } finally {
      await check.close();
    }
  }, 180_000);

  it("ends a session, and takes a role, on the other process at once", async () => {
    const [a, b] = ports.map((port) => `http://127.0.0.1:${port}`) as [string, string];
    const login = await fetch(`${a}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "enhetschef", password: DEMO_PASSWORD }),
    });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] as string;
    const me = async () => {
      const res = await fetch(`${b}/api/auth/me`, { headers: { cookie } });
      if (res.status !== 200) return res.status;
      return ((await res.json()) as { user: { assignments: { role: string }[] } }).user.assignments.map((x) => x.role);
    };
    // Well within the cache's 5 s: a change seen this soon came by notice, not by the entry's age.
    const soon = (read: () => Promise<unknown>) => expect.poll(read, { timeout: 1_000, interval: 20 });
    expect(await me()).toContain("enhetschef");
    expect(await me()).toContain("enhetschef"); // now held in memory by the other process

    const check = await openDatabase({ url: database.url });
    try {
      const userId = database.demo?.users.enhetschef as string;
      const db = check.db as Kysely<AppDB>;
      const taken = await db
        .deleteFrom("role_assignment")
        .where("user_id", "=", userId)
        .where("role", "=", "enhetschef")
        .returning(["id", "user_id", "role", "org_node_id", "valid_until"])
        .execute();
      expect(taken.length).toBeGreaterThan(0);
      await soon(me).not.toContain("enhetschef");
      await db.insertInto("role_assignment").values(taken).execute();
      await soon(me).toContain("enhetschef");
    } finally {
      await check.close();
    }

    const logout = await fetch(`${a}/api/auth/logout`, {
      method: "POST",
      headers: { cookie, "x-csrf-token": csrfToken },
    });
    expect(logout.status).toBe(200);
    await soon(me).toBe(401);
  }, 60_000);

  it("drops a held answer on the other process at once when data changes", async () => {
    const b = `http://127.0.0.1:${ports[1]}`;
    const login = await fetch(`${b}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "controller", password: DEMO_PASSWORD }),
    });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] as string;
    const url = `${b}/api/ekonomi/namnder/${database.demo?.nodes.ifo?.id}/years/2023/follow-up`;
    const read = async () => {
      const res = await fetch(url, { headers: { cookie } });
      return { held: res.headers.get(HELD_HEADER), body: await res.text() };
    };
    const before = await read();
    expect((await read()).held).toBe("held");
    const check = await openDatabase({ url: database.url });
    try {
      await sql`UPDATE ekonomi_figure SET amount_kr = amount_kr + 1000000`.execute(check.db);
    } finally {
      await check.close();
    }
    // Well within the 30 s an answer may be held: a change seen this soon came by notice.
    await expect.poll(async () => (await read()).body, { timeout: 1_000, interval: 20 }).not.toBe(before.body);
  }, 60_000);
});
