import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../testing.ts";

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t?.close();
});

const auditCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom("audit_log")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

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

  it("sets security headers", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
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

  it("refuses a wrong password and logs the attempt", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "controller", password: "fel" },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toBe("Fel användarnamn eller lösenord.");
    const row = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "after"])
      .where("action", "=", "login_failed")
      .executeTakeFirstOrThrow();
    expect(row.after).toEqual({ username: "controller" });
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
    expect(out.statusCode).toBe(204);
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
    const admin = await t.as("admin");
    const created = await admin.post("/api/admin/users", {
      username: "vikarie",
      displayName: "Vera Vikarie",
      orgNodeId: t.demo.nodes["dv-ost"]!.id,
      password: "test-password-123",
      roles: [{ role: "enhetschef", orgNodeId: t.demo.nodes["dv-ost"]!.id, validUntil: "2020-12-31" }],
    });
    expect(created.statusCode).toBe(200);
    const vikarie = await t.as("vikarie");
    expect((await vikarie.get("/api/org/tree")).json()).toEqual([]);
    expect((await vikarie.get(`/api/org/nodes/${t.demo.nodes["dv-ost"]!.id}/users`)).statusCode).toBe(403);
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
    const users = Number(
      (
        await t.database.db
          .selectFrom("app_user")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
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
    const after = Number(
      (
        await t.database.db
          .selectFrom("app_user")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
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
    expect(body.message).toContain('Fältet "parentId"');
    expect(body.message).toContain('Fältet "name"');
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
