import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app/server.ts";
import { countRows, make, type TestApp, testApp } from "../../app/testing.ts";
import { loadConfig } from "../config.ts";
import { OFF_THREAD_JSON_BYTES } from "./json-body.ts";

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t?.close();
});

const auditCount = () => countRows(t.database.db, "audit_log");

describe("health and documentation", () => {
  it("reports the engine without a session", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "ok", engine: t.database.engine });
    expect(res.json().postgres).toMatch(/PostgreSQL/);
  });

  it("serves an OpenAPI document listing the routes and their schemas", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    expect(doc.openapi).toBe("3.1.0");
    expect(
      doc.paths["/api/org/nodes/{id}"].patch.requestBody.content["application/json"].schema.properties,
    ).toHaveProperty("name");
    expect(doc.paths["/api/auth/login"].post.security).toEqual([]);
  });

  it("sets security headers on every answer, a 404 and a refusal too", async () => {
    for (const url of ["/api/health", "/finns-inte", "/api/auth/me"]) {
      const res = await t.app.inject({ method: "GET", url });
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
      expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
      expect(res.headers["strict-transport-security"]).toContain("max-age=");
      expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
      expect(res.headers["cross-origin-opener-policy"]).toBe("same-origin");
    }
  });
});

describe("authentication", () => {
  it("answers 401 to API calls without a session", async () => {
    for (const url of ["/api/org/tree", "/api/auth/me", "/api/admin/audit"]) {
      const res = await t.app.inject({ method: "GET", url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json()).toEqual({ code: "unauthenticated", message: "Du är inte inloggad." });
    }
  });

  it("refuses a wrong password and records the attempt apart from the audit log", async () => {
    const audit = await auditCount();
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      remoteAddress: "10.1.2.3",
      payload: { username: " Controller", password: "fel" },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toBe("Fel användarnamn eller lösenord.");
    const rows = await t.database.db
      .selectFrom("failed_login")
      .select(["username", "address", "created_at"])
      .where("address", "=", "10.1.2.3")
      .execute();
    expect(rows).toEqual([{ username: "controller", address: "10.1.2.3", created_at: expect.any(Date) }]);
    expect(await auditCount()).toBe(audit);
  });

  it("sets an HTTP-only SameSite session cookie and ends it at logout", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "controller", password: "test-password-123" },
    });
    const cookie = res.cookies.find((c) => c.name === "lots_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/" });
    const csrf = res.json().csrfToken;
    const me = await t.app.inject({
      method: "GET",
      url: "/api/auth/me",
      cookies: { lots_session: cookie!.value },
    });
    expect(me.json().user.username).toBe("controller");
    const out = await t.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      cookies: { lots_session: cookie!.value },
      headers: { "x-csrf-token": csrf },
    });
    expect(out.statusCode).toBe(200);
    expect(out.json()).toEqual({ redirectTo: "/" });
    const after = await t.app.inject({
      method: "GET",
      url: "/api/auth/me",
      cookies: { lots_session: cookie!.value },
    });
    expect(after.statusCode).toBe(401);
  });

  it("requires the CSRF token on state-changing requests", async () => {
    const admin = await t.as("admin");
    const res = await admin.request({
      method: "PATCH",
      url: `/api/org/nodes/${t.demo.nodes["dv-vast"]!.id}`,
      payload: { name: "Utan token" },
      headers: { "x-csrf-token": "" },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain("CSRF");
  });

  it("rejects a login posted from another site", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { origin: "https://evil.example" },
      payload: { username: "admin", password: "test-password-123" },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe("roles and organisational scope", () => {
  it("gives a förtroendevald read access but 403 on writes", async () => {
    const member = await t.as("fortroendevald");
    expect((await member.get("/api/org/tree")).statusCode).toBe(200);
    const before = await auditCount();
    const res = await member.patch(`/api/org/nodes/${t.demo.nodes.ifo!.id}`, { name: "Ändrad" });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("forbidden");
    expect(await auditCount()).toBe(before);
  });

  it("keeps an enhetschef to their own unit's private data", async () => {
    const chef = await t.as("enhetschef");
    const own = await chef.get(`/api/org/nodes/${t.demo.nodes["bss-almen"]!.id}/users`);
    expect(own.statusCode).toBe(200);
    expect(own.json().map((u: { username: string }) => u.username)).toContain("enhetschef");
    const other = await chef.get(`/api/org/nodes/${t.demo.nodes["bss-bjorken"]!.id}/users`);
    expect(other.statusCode).toBe(403);
    const parent = await chef.get(`/api/org/nodes/${t.demo.nodes.bss!.id}/users`);
    expect(parent.statusCode).toBe(403);
  });

  it("shows each user only the part of the tree they may read", async () => {
    const chef = await t.as("enhetschef");
    const tree = (await chef.get("/api/org/tree")).json() as { id: string }[];
    expect(tree.map((n) => n.id)).toEqual([t.demo.nodes["bss-almen"]!.id]);
    const vo = (await (await t.as("vo-controller")).get("/api/org/tree")).json() as { name: string }[];
    expect(vo.some((n) => n.name.includes("Individ"))).toBe(false);
    expect(vo.some((n) => n.name === "Hemtjänst Norr")).toBe(true);
  });

  it("ends access after a role's last valid day", async () => {
    const dvOst = t.demo.nodes["dv-ost"]!.id;
    const vikarie = await (await make.user(t, "enhetschef", dvOst, { validUntil: "2020-12-31" })).client();
    expect((await vikarie.get("/api/org/tree")).statusCode).toBe(403);
    expect((await vikarie.get(`/api/org/nodes/${dvOst}/users`)).statusCode).toBe(403);
  });
});

describe("audit", () => {
  it("records exactly one audit row with before and after for a write", async () => {
    const admin = await t.as("admin");
    const id = t.demo.nodes["shs-boendestod"]!.id;
    const before = await auditCount();
    const res = await admin.patch(`/api/org/nodes/${id}`, { name: "Boendestöd Norr" });
    expect(res.statusCode).toBe(200);
    expect(await auditCount()).toBe(before + 1);
    const row = await t.database.db
      .selectFrom("audit_log")
      .selectAll()
      .where("entity", "=", "org_node")
      .where("entity_id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ action: "update", actor_name: "Alva Admin", org_node_id: id });
    expect((row.before as { name: string }).name).toBe("Boendestöd");
    expect((row.after as { name: string }).name).toBe("Boendestöd Norr");
    // Only the named field changes: nothing else is reset by the patch.
    expect({ ...(row.after as object), name: "Boendestöd", updated_at: null }).toEqual({
      ...(row.before as object),
      updated_at: null,
    });
  });

  it("leaves no rows and no audit entry when a write fails mid-transaction", async () => {
    const admin = await t.as("admin");
    const before = await auditCount();
    const users = await countRows(t.database.db, "app_user");
    // The account itself is valid and is inserted first; the second role points at a unit that does not exist.
    const res = await admin.post("/api/admin/users", {
      username: "halvskriven",
      displayName: "Halv Skriven",
      orgNodeId: t.demo.nodes["dv-vast"]!.id,
      roles: [
        { role: "handlaggare", orgNodeId: t.demo.nodes["dv-vast"]!.id },
        { role: "handlaggare", orgNodeId: "00000000-0000-4000-8000-000000000000" },
      ],
    });
    expect(res.statusCode).toBe(404);
    expect(await auditCount()).toBe(before);
    const after = await countRows(t.database.db, "app_user");
    expect(after).toBe(users);
    const roles = await t.database.db
      .selectFrom("role_assignment")
      .select("id")
      .where("role", "=", "handlaggare")
      .execute();
    expect(roles).toHaveLength(1); // the demo handläggare only
  });

  it("cannot be changed or deleted, not even with SQL", async () => {
    await expect(t.database.db.updateTable("audit_log").set({ action: "x" }).execute()).rejects.toThrow(/append-only/);
    await expect(t.database.db.deleteFrom("audit_log").execute()).rejects.toThrow(/append-only/);
  });

  it("is listed and filtered for admins only", async () => {
    const admin = await t.as("admin");
    const res = await admin.get("/api/admin/audit?entity=org_node&action=update");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBeGreaterThan(0);
    expect(
      body.rows.every((r: { entity: string; action: string }) => r.entity === "org_node" && r.action === "update"),
    ).toBe(true);
    expect((await (await t.as("controller")).get("/api/admin/audit")).statusCode).toBe(403);
  });
});

describe("bad input", () => {
  it("answers malformed JSON with 400 and writes nothing", async () => {
    const admin = await t.as("admin");
    const before = await auditCount();
    const res = await admin.request({
      method: "POST",
      url: "/api/org/nodes",
      headers: { "content-type": "application/json" },
      payload: '{"name": "Trasig',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ code: "validation", message: "Innehållet är inte giltig JSON." });
    expect(await auditCount()).toBe(before);
  });

  it("names each wrong field in Swedish", async () => {
    const admin = await t.as("admin");
    const res = await admin.post("/api/org/nodes", { parentId: "inte-ett-id", kind: "enhet", name: 42 });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe("validation");
    // By the labels the form uses, not the internal names.
    expect(body.message).toContain("Ligger under: måste vara ett id (UUID).");
    expect(body.message).toContain("Namn: måste vara text.");
    expect(body.message).not.toMatch(/parentId|Fältet/);
    expect(body.details.problems.map((p: { field: string }) => p.field).sort()).toEqual(["name", "parentId"]);
  });

  it("refuses a level that does not belong under its parent", async () => {
    const admin = await t.as("admin");
    const res = await admin.post("/api/org/nodes", {
      parentId: t.demo.nodes["bss-almen"]!.id,
      kind: "forvaltning",
      name: "Fel nivå",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe("En förvaltning kan inte ligga under en enhet.");
  });

  it("refuses oversize bodies with a clear message", async () => {
    const admin = await t.as("admin");
    const res = await admin.post("/api/org/nodes", { name: "x".repeat(1_100_000) });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ code: "payload_too_large", message: "Innehållet är för stort." });
  });

  it("rate-limits login attempts", async () => {
    let last = 0;
    for (let i = 0; i < 12; i++) {
      last = (
        await t.app.inject({
          method: "POST",
          url: "/api/auth/login",
          remoteAddress: "10.9.9.9",
          payload: { username: "admin", password: "fel" },
        })
      ).statusCode;
    }
    expect(last).toBe(429);
  });
});

describe("no caching of API answers", () => {
  it("marks every API answer no-store, errors included", async () => {
    const admin = await t.as("admin");
    const answers = [
      await t.app.inject({ method: "GET", url: "/api/health" }),
      await t.app.inject({ method: "GET", url: "/api/org/tree" }),
      await t.app.inject({ method: "GET", url: "/api/finns-inte" }),
      await t.app.inject({ method: "GET", url: "/api/org/nodes/%E0%A4%A/users" }),
      await admin.get("/api/org/tree"),
      await admin.post("/api/org/nodes", { parentId: "fel" }),
    ];
    expect(answers.map((r) => r.statusCode)).toEqual([200, 401, 404, 400, 200, 400]);
    for (const res of answers) expect(res.headers["cache-control"]).toBe("no-store");
  });
});

describe("odd input gets a 4xx with a Swedish message, never a 500", () => {
  it("refuses NUL characters in the query, the body and the path, naming the field", async () => {
    const admin = await t.as("admin");
    const query = await admin.get("/api/admin/audit?entity=org%00node");
    expect(query.statusCode).toBe(400);
    expect(query.json().message).toBe('Frågan är ogiltig: Fältet "entity": innehåller ett otillåtet nolltecken (NUL).');
    const body = await admin.patch(`/api/org/nodes/${t.demo.nodes["dv-ost"]!.id}`, { name: "Öst\u0000" });
    expect(body.statusCode).toBe(400);
    expect(body.json().details.problems).toEqual([
      { field: "name", message: "innehåller ett otillåtet nolltecken (NUL)." },
    ]);
    // "innehållet" is neuter: the heading agrees ("ogiltigt", not "ogiltig").
    expect(body.json().message).toMatch(/^Innehållet är ogiltigt: /);
    const nested = await admin.post("/api/admin/users", {
      username: "nolla",
      displayName: "Nolla",
      orgNodeId: t.demo.nodes["dv-ost"]!.id,
      roles: [{ role: "handlaggare", orgNodeId: t.demo.nodes["dv-ost"]!.id, validUntil: "\u0000" }],
    });
    expect(nested.statusCode).toBe(400);
    expect(nested.json().details.problems[0].field).toBe("roles.0.validUntil");
    const param = await admin.get("/api/org/nodes/%00/users");
    expect(param.statusCode).toBe(400);
    expect(param.json().message).toContain('Sökvägen är ogiltig: Fältet "id"');
  });

  it("refuses a login with Origin null or a malformed origin as cross-site", async () => {
    for (const origin of ["null", "http://", "::::", "https://[bad"]) {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        headers: { origin },
        payload: { username: "admin", password: "test-password-123" },
      });
      expect(res.statusCode, origin).toBe(403);
      expect(res.json().message).toBe("Inloggning från en annan webbplats är inte tillåten.");
    }
  });

  it("answers invalid percent-encoding in the path with 400", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/org/nodes/%E0%A4%A/users" });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ code: "validation", message: "Adressen har ogiltig procentkodning." });
  });

  it("refuses bodies that are not UTF-8 or declare another charset", async () => {
    const admin = await t.as("admin");
    const before = await auditCount();
    const node = `/api/org/nodes/${t.demo.nodes["dv-ost"]!.id}`;
    const latin1 = Buffer.from('{"name":"Daglig verksamhet \xd6st"}', "latin1");
    const invalid = await admin.request({
      method: "PATCH",
      url: node,
      headers: { "content-type": "application/json" },
      payload: latin1,
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().message).toBe("Innehållet är inte giltig UTF-8.");
    const declared = await admin.request({
      method: "PATCH",
      url: node,
      headers: { "content-type": "application/json; charset=ISO-8859-1" },
      payload: latin1,
    });
    expect(declared.statusCode).toBe(400);
    expect(declared.json().message).toBe('Teckenkodningen "ISO-8859-1" stöds inte; skicka innehållet som UTF-8.');
    const utf8 = await admin.request({
      method: "PATCH",
      url: node,
      headers: { "content-type": "application/json; charset=UTF-8" },
      payload: Buffer.from('{"name":"Daglig verksamhet Öst"}', "utf8"),
    });
    expect(utf8.statusCode).toBe(200);
    expect(utf8.json().name).toBe("Daglig verksamhet Öst");
    expect(await auditCount()).toBe(before + 1);
  });
});

describe("large JSON bodies", () => {
  it("are read in a worker thread by the same rules as small ones", async () => {
    const admin = await t.as("admin");
    const url = "/api/ekonomi/imports/preview";
    const post = (payload: Buffer) =>
      admin.request({ method: "POST", url, headers: { "content-type": "application/json" }, payload });
    const filler = "A".repeat(OFF_THREAD_JSON_BYTES);
    const answers = await Promise.all([
      post(
        Buffer.concat([Buffer.from(`{"fileName":"x.csv","contentBase64":"${filler}`), Buffer.from([0xff, 0x22, 0x7d])]),
      ),
      post(Buffer.from(`{"__proto__":{"admin":true},"fileName":"x.csv","contentBase64":"${filler}"}`)),
      post(Buffer.from(`{"fileName":"x.csv","contentBase64":"${filler}`)),
    ]);
    expect(answers.map((r) => [r.statusCode, r.json().message])).toEqual([
      [400, "Innehållet är inte giltig UTF-8."],
      [400, 'Innehållet har en otillåten nyckel: "__proto__".'],
      [400, "Innehållet är inte giltig JSON."],
    ]);
    const ledger = `Konto;Ansvar;Belopp\r\n${"4010;100;1500\r\n".repeat(30_000)}`;
    const body = { fileName: "huvudbok.csv", contentBase64: Buffer.from(ledger).toString("base64") };
    expect(JSON.stringify(body).length).toBeGreaterThan(OFF_THREAD_JSON_BYTES);
    const ok = await post(Buffer.from(JSON.stringify(body)));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ fileName: "huvudbok.csv", format: "csv" });
  });
});

describe("database errors caused by the data", () => {
  it("map class 22 to 400, class 23 to 400/409 and a deadlock to 409 on this engine", async () => {
    const app = await buildApp({ database: t.database, sessionSecret: "y".repeat(40), logLevel: "silent" });
    const probe = (url: string, run: () => Promise<unknown>) =>
      app.get(url, { config: { public: true } }, async () => {
        await run();
        return { ok: true };
      });
    const db = t.database.db;
    probe("/api/probe/22P02", () => sql`select 'inte-ett-id'::uuid`.execute(db));
    probe("/api/probe/22003", () => sql`select 2147483647::int + 1`.execute(db));
    probe("/api/probe/22008", () => sql`select '2023-02-30'::date`.execute(db));
    probe("/api/probe/23505", () =>
      db
        .insertInto("app_user")
        .values({ username: "admin", display_name: "Dubblett", org_node_id: t.demo.nodes.kommun!.id })
        .execute(),
    );
    probe("/api/probe/23502", () => sql`insert into org_node (id, path) values (gen_random_uuid(), '/x/')`.execute(db));
    probe("/api/probe/23503", () => db.deleteFrom("org_node").where("id", "=", t.demo.nodes.kommun!.id).execute());
    probe("/api/probe/40P01", () =>
      sql`DO $$ BEGIN RAISE EXCEPTION 'deadlock detected' USING ERRCODE = '40P01'; END $$`.execute(db),
    );
    await app.ready();
    try {
      const answer = async (code: string) => {
        const res = await app.inject({ method: "GET", url: `/api/probe/${code}` });
        return { status: res.statusCode, code: res.json().code, message: res.json().message };
      };
      const valueProblem = "Ett värde har fel form eller ligger utanför tillåtna gränser.";
      expect(await answer("22P02")).toEqual({ status: 400, code: "validation", message: valueProblem });
      expect(await answer("22003")).toEqual({ status: 400, code: "validation", message: valueProblem });
      expect(await answer("22008")).toEqual({ status: 400, code: "validation", message: valueProblem });
      expect(await answer("23505")).toEqual({ status: 409, code: "conflict", message: "Uppgiften finns redan." });
      expect(await answer("23502")).toMatchObject({ status: 400, code: "validation" });
      expect((await answer("23502")).message).toMatch(/^Fältet "(kind|name)": Ett obligatoriskt värde saknas\.$/);
      expect(await answer("23503")).toMatchObject({ status: 409, code: "conflict" });
      expect(await answer("40P01")).toEqual({
        status: 409,
        code: "conflict",
        message: "Ändringen krockade med en samtidig ändring och sparades inte. Försök igen.",
      });
    } finally {
      await app.close();
    }
  });
});

describe("sessions", () => {
  const loginAs = async (username: string, remoteAddress = "127.0.0.1") => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      remoteAddress,
      payload: { username, password: "test-password-123" },
    });
    const cookie = res.cookies.find((c) => c.name === "lots_session");
    if (!cookie) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
    return cookie.value;
  };
  const me = (cookie: string) =>
    t.app.inject({ method: "GET", url: "/api/auth/me", cookies: { lots_session: cookie } });
  const sessionOf = (userId: string) =>
    t.database.db
      .selectFrom("session")
      .select(["id", "last_seen_at"])
      .where("user_id", "=", userId)
      .executeTakeFirstOrThrow();

  it("end after the idle timeout and note activity at most once a minute", async () => {
    const cookie = await loginAs("sekreterare");
    const userId = t.demo.users.sekreterare!;
    const first = await sessionOf(userId);
    expect((await me(cookie)).statusCode).toBe(200);
    expect((await sessionOf(userId)).last_seen_at).toEqual(first.last_seen_at);
    const twoMinutesAgo = new Date(Date.now() - 2 * 60_000);
    await t.database.db
      .updateTable("session")
      .set({ last_seen_at: twoMinutesAgo })
      .where("id", "=", first.id)
      .execute();
    expect((await me(cookie)).statusCode).toBe(200);
    expect((await sessionOf(userId)).last_seen_at.getTime()).toBeGreaterThan(twoMinutesAgo.getTime() + 60_000);
    const idle = new Date(Date.now() - 61 * 60_000);
    await t.database.db.updateTable("session").set({ last_seen_at: idle }).where("id", "=", first.id).execute();
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it("are purged when expired or idle, and failed logins after the retention period, at start", async () => {
    const db = t.database.db;
    // Users without a cached test client, so later tests keep their sessions.
    await loginAs("kvalitet");
    await loginAs("handlaggare");
    await loginAs("controller");
    const ids = (name: string) => db.selectFrom("session").select("id").where("user_id", "=", t.demo.users[name]!);
    await db
      .updateTable("session")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("id", "in", ids("kvalitet"))
      .execute();
    await db
      .updateTable("session")
      .set({ last_seen_at: new Date(Date.now() - 31 * 60_000) })
      .where("id", "in", ids("handlaggare"))
      .execute();
    await db
      .insertInto("failed_login")
      .values([
        { username: "gammal", address: "10.0.0.1", created_at: new Date(Date.now() - 11 * 86_400_000).toISOString() },
        { username: "ny", address: "10.0.0.1", created_at: new Date(Date.now() - 9 * 86_400_000).toISOString() },
      ])
      .execute();
    const app = await buildApp({
      database: t.database,
      sessionSecret: "y".repeat(40),
      logLevel: "silent",
      retention: { sessionIdleMinutes: 30, failedLoginRetentionDays: 10 },
    });
    await app.ready();
    await app.close();
    const left = await db.selectFrom("session").select("user_id").execute();
    expect(left.map((s) => s.user_id)).toContain(t.demo.users.controller);
    expect(left.map((s) => s.user_id)).not.toContain(t.demo.users.kvalitet);
    expect(left.map((s) => s.user_id)).not.toContain(t.demo.users.handlaggare);
    const names = (await db.selectFrom("failed_login").select("username").execute()).map((r) => r.username);
    expect(names).toContain("ny");
    expect(names).not.toContain("gammal");
  });
});

describe("login limits", () => {
  const attempt = (username: string, remoteAddress: string, password = "fel") =>
    t.app.inject({ method: "POST", url: "/api/auth/login", remoteAddress, payload: { username, password } });

  it("counts spellings of one name as the same account", async () => {
    const spellings = ["kvalitet", " kvalitet", "KVALITET ", "ｋｖａｌｉｔｅｔ"];
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await attempt(spellings[i % 4]!, "10.7.7.7")).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it("slows a guess spread over many addresses for that account only", async () => {
    for (let i = 0; i < 10; i++) expect((await attempt("vo-controller", `10.8.0.${i}`)).statusCode).toBe(401);
    // Even the right password from a fresh address is refused while the account is under attack.
    const locked = await attempt("vo-controller", "10.8.1.1", "test-password-123");
    expect(locked.statusCode).toBe(429);
    expect(locked.json().message).toBe(
      "För många misslyckade inloggningar för användarnamnet. Vänta 15 minuter och försök igen.",
    );
    // The same addresses (one office, one proxy) still reach every other account.
    expect((await attempt("fortroendevald", "10.8.0.1", "test-password-123")).statusCode).toBe(200);
  });

  it("takes the client address from X-Forwarded-For only from a trusted proxy", async () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "true" }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: "10.0.0.1, 192.168.0.0/16,loopback" }).trustProxy).toEqual([
      "10.0.0.1",
      "192.168.0.0/16",
      "loopback",
    ]);
    expect(() => loadConfig({ TRUST_PROXY: "proxy.example" })).toThrow(/TRUST_PROXY.*proxy\.example/);
    const addressFor = async (trustProxy: boolean | number | string[] | undefined, remoteAddress: string) => {
      const app = await buildApp({
        database: t.database,
        sessionSecret: "y".repeat(40),
        logLevel: "silent",
        trustProxy,
      });
      await app.ready();
      const username = `proxy-${crypto.randomUUID()}`;
      await app.inject({
        method: "POST",
        url: "/api/auth/login",
        remoteAddress,
        headers: { "x-forwarded-for": "203.0.113.9, 198.51.100.7" },
        payload: { username, password: "fel" },
      });
      await app.close();
      const row = await t.database.db
        .selectFrom("failed_login")
        .select("address")
        .where("username", "=", username)
        .executeTakeFirstOrThrow();
      return row.address;
    };
    expect(await addressFor(undefined, "10.0.0.1")).toBe("10.0.0.1");
    expect(await addressFor(["10.0.0.1"], "10.0.0.1")).toBe("198.51.100.7");
    expect(await addressFor(["10.0.0.1"], "10.0.0.2")).toBe("10.0.0.2");
    expect(await addressFor(2, "10.0.0.1")).toBe("203.0.113.9");
  });
});

describe("the web UI", () => {
  it("serves its files and the SPA page without a session, and API-looking misses as JSON 404", async () => {
    const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), "lots-web-"));
    fs.mkdirSync(path.join(webRoot, "assets"));
    fs.writeFileSync(path.join(webRoot, "index.html"), "<!doctype html><title>Lots</title>");
    fs.writeFileSync(path.join(webRoot, "assets", "app.js"), "console.log(1)");
    const app = await buildApp({ database: t.database, sessionSecret: "y".repeat(40), logLevel: "silent", webRoot });
    await app.ready();
    try {
      const asset = await app.inject({ method: "GET", url: "/assets/app.js" });
      expect(asset.statusCode).toBe(200);
      expect(asset.body).toBe("console.log(1)");
      expect(asset.headers["cache-control"]).not.toBe("no-store");
      const page = await app.inject({ method: "GET", url: "/styrning/mal" });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain("<title>Lots</title>");
      for (const url of ["/api/finns-inte", "/%61pi/finns-inte", "//API/finns-inte"]) {
        const miss = await app.inject({ method: "GET", url });
        expect(miss.statusCode, url).toBe(404);
        expect(miss.json().code).toBe("not_found");
      }
      expect((await app.inject({ method: "GET", url: "/api/org/tree" })).statusCode).toBe(401);
    } finally {
      await app.close();
      fs.rmSync(webRoot, { recursive: true, force: true });
    }
  });
});
