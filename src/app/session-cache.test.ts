// Sessions are held in memory for a few seconds (platform/auth/session-cache.ts); every change they rest on must
// reach the next request at once, whoever made it — here plain SQL, as an operator or another process would.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SessionCache } from "../platform/auth/session-cache.ts";
import type { ChangeNotices } from "../platform/db/change-notices.ts";
import { type TestApp, testApp } from "./testing.ts";

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t.close();
});

type Me = { user: { assignments: { role: string; orgNodeId: string }[] } };
const rolesOf = async (username: string) => {
  const res = await (await t.as(username)).get("/api/auth/me");
  return res.statusCode === 200 ? (res.json() as Me).user.assignments.map((a) => a.role) : res.statusCode;
};

describe("signed-in requests from memory", () => {
  it("send no SQL statement for a session read a moment ago", async () => {
    const client = await t.as("controller");
    expect((await client.get("/api/auth/me")).statusCode).toBe(200);
    const before = t.statements();
    expect((await client.get("/api/auth/me")).statusCode).toBe(200);
    expect(t.statements() - before).toBe(0);
  });

  it("see a role taken, a role expired and an account deactivated on the very next request", async () => {
    const db = t.database.db;
    const userId = t.demo.users.enhetschef as string;
    expect(await rolesOf("enhetschef")).toContain("enhetschef");
    const assignment = await db
      .selectFrom("role_assignment")
      .selectAll()
      .where("user_id", "=", userId)
      .where("role", "=", "enhetschef")
      .executeTakeFirstOrThrow();
    await db.deleteFrom("role_assignment").where("id", "=", assignment.id).execute();
    expect(await rolesOf("enhetschef")).not.toContain("enhetschef");
    await db.insertInto("role_assignment").values(assignment).execute();
    expect(await rolesOf("enhetschef")).toContain("enhetschef");

    await db
      .updateTable("role_assignment")
      .set({ valid_until: "2020-01-01" })
      .where("id", "=", assignment.id)
      .execute();
    expect(await rolesOf("enhetschef")).not.toContain("enhetschef");
    await db.updateTable("role_assignment").set({ valid_until: null }).where("id", "=", assignment.id).execute();

    await db.updateTable("app_user").set({ active: false }).where("id", "=", userId).execute();
    expect(await rolesOf("enhetschef")).toBe(401);
    await db.updateTable("app_user").set({ active: true }).where("id", "=", userId).execute();
    expect(await rolesOf("enhetschef")).toContain("enhetschef");
  });

  it("read the session anew after the organisation changes (a role's reach follows its node's path)", async () => {
    const client = await t.as("kvalitet");
    const me = (await client.get("/api/auth/me")).json() as Me;
    const nodeId = me.user.assignments[0]?.orgNodeId as string;
    await sql`UPDATE org_node SET name = name || ' ' WHERE id = ${nodeId}`.execute(t.database.db);
    const before = t.statements();
    expect((await client.get("/api/auth/me")).statusCode).toBe(200);
    expect(t.statements() - before).toBe(1);
  });

  it("end a session at logout", async () => {
    const login = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "sekreterare", password: "test-password-123" },
    });
    const cookie = login.cookies.find((c) => c.name === "lots_session")?.value as string;
    const csrf = (login.json() as { csrfToken: string }).csrfToken;
    const me = () => t.app.inject({ method: "GET", url: "/api/auth/me", cookies: { lots_session: cookie } });
    expect((await me()).statusCode).toBe(200);
    expect((await me()).statusCode).toBe(200);
    const out = await t.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      cookies: { lots_session: cookie },
      headers: { "x-csrf-token": csrf },
    });
    expect(out.statusCode).toBe(200);
    expect((await me()).statusCode).toBe(401);
  });
});

describe("the session cache", () => {
  const notices = () => {
    let fire = () => {};
    let live = true;
    const n: ChangeNotices = {
      subscribe: (_channel, fn) => {
        fire = fn;
        return () => {};
      },
      live: () => live,
      close: async () => {},
    };
    return { n, fire: () => fire(), setLive: (v: boolean) => (live = v) };
  };

  it("keeps nothing read while a notice came, nor while notices are not live, nor past its age or key", async () => {
    let clock = 0;
    const { n, fire, setLive } = notices();
    const cache = new SessionCache<string>(n, () => clock);
    expect(
      await cache.load("s", "2026-12-01", async () => {
        fire();
        return "old";
      }),
    ).toBe("old");
    expect(cache.get("s", "2026-12-01")).toBeUndefined();
    await cache.load("s", "2026-12-01", async () => "new");
    expect(cache.get("s", "2026-12-01")).toBe("new");
    expect(cache.get("s", "2026-12-02")).toBeUndefined();
    await cache.load("s", "2026-12-01", async () => "new");
    clock = 5_001;
    expect(cache.get("s", "2026-12-01")).toBeUndefined();
    await cache.load("s", "2026-12-01", async () => "new");
    setLive(false);
    expect(cache.get("s", "2026-12-01")).toBeUndefined();
    expect(await cache.load("s", "2026-12-01", async () => "new")).toBe("new");
    setLive(true);
    expect(cache.get("s", "2026-12-01")).toBeUndefined();
    await cache.load("s", "2026-12-01", async () => "new");
    fire();
    expect(cache.get("s", "2026-12-01")).toBeUndefined();
  });

  it("holds nothing without change notices", async () => {
    const cache = new SessionCache<string>(null);
    await cache.load("s", "k", async () => "v");
    expect(cache.get("s", "k")).toBeUndefined();
  });
});
