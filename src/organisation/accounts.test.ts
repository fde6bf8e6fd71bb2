import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countRows, DEMO_PASSWORD, type TestApp, type TestClient, testApp } from "../app/testing.ts";
import { recordAudit } from "../platform/audit/audit.ts";

let t: TestApp;
let forvAdmin: TestClient;
let dubbelId: string;
let dubbelOwnRoleId: string;

const node = (key: string) => t.demo.nodes[key]!.id;
const auditCount = () => countRows(t.database.db, "audit_log");
const canLogIn = async (username: string, password: string) =>
  (
    await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      remoteAddress: "10.5.5.5",
      payload: { username, password },
    })
  ).statusCode === 200;

beforeAll(async () => {
  t = await testApp();
  const admin = await t.as("admin");
  // An admin of the förvaltning only, below the nämnd where the demo controller holds its role.
  const created = await admin.post("/api/admin/users", {
    username: "forv-admin",
    displayName: "Förvaltningens admin",
    orgNodeId: node("ifo-forv"),
    password: DEMO_PASSWORD,
    roles: [{ role: "admin", orgNodeId: node("ifo-forv") }],
  });
  expect(created.statusCode).toBe(200);
  // Home and one role inside the förvaltning, one role in the other nämnd.
  const dubbel = await admin.post("/api/admin/users", {
    username: "dubbel",
    displayName: "Dag Dubbel",
    orgNodeId: node("dv-vast"),
    password: DEMO_PASSWORD,
    roles: [
      { role: "handlaggare", orgNodeId: node("dv-vast") },
      { role: "controller", orgNodeId: node("vo") },
    ],
  });
  expect(dubbel.statusCode).toBe(200);
  dubbelId = dubbel.json().id;
  const role = await t.database.db
    .selectFrom("role_assignment")
    .select("id")
    .where("user_id", "=", dubbelId)
    .where("org_node_id", "=", node("dv-vast"))
    .executeTakeFirstOrThrow();
  dubbelOwnRoleId = role.id;
  forvAdmin = await t.as("forv-admin");
});
afterAll(async () => {
  await t?.close();
});

describe("an admin of a sub-tree", () => {
  it("cannot change an account whose roles reach above the sub-tree", async () => {
    const controller = t.demo.users.controller!;
    const before = await auditCount();
    for (const patch of [
      { password: "tagen-over-123" },
      { active: false },
      { email: "kapad@example.org" },
      { displayName: "Kapad" },
    ]) {
      const res = await forvAdmin.patch(`/api/admin/users/${controller}`, patch);
      expect(res.statusCode, JSON.stringify(patch)).toBe(403);
      expect(res.json().message).toBe(
        "Du kan inte ändra kontot controller: det hör till eller har roller i enheter som du inte administrerar.",
      );
    }
    const add = await forvAdmin.post(`/api/admin/users/${controller}/roles`, {
      role: "handlaggare",
      orgNodeId: node("msb-lss"),
    });
    expect(add.statusCode).toBe(403);
    expect(await auditCount()).toBe(before);
    expect(await canLogIn("controller", DEMO_PASSWORD)).toBe(true);
    expect(await canLogIn("controller", "tagen-over-123")).toBe(false);
  });

  it("cannot remove even an in-scope role of a user who also holds one elsewhere", async () => {
    const res = await forvAdmin.delete(`/api/admin/roles/${dubbelOwnRoleId}`);
    expect(res.statusCode).toBe(403);
    const roles = await t.database.db
      .selectFrom("role_assignment")
      .select("id")
      .where("user_id", "=", dubbelId)
      .execute();
    expect(roles).toHaveLength(2);
    expect((await forvAdmin.patch(`/api/admin/users/${dubbelId}`, { password: "tagen-over-123" })).statusCode).toBe(
      403,
    );
  });

  it("sees only the roles inside the sub-tree when listing users", async () => {
    const res = await forvAdmin.get("/api/admin/users");
    expect(res.statusCode).toBe(200);
    const users = res.json() as {
      username: string;
      manageable: boolean;
      rolesOutsideScope: number;
      roles: { orgNodeId: string }[];
    }[];
    const dubbel = users.find((u) => u.username === "dubbel");
    expect(dubbel).toMatchObject({ manageable: false, rolesOutsideScope: 1 });
    expect(dubbel?.roles.map((r) => r.orgNodeId)).toEqual([node("dv-vast")]);
    const controller = users.find((u) => u.username === "controller");
    expect(controller).toMatchObject({ manageable: false, rolesOutsideScope: 1, roles: [] });
    const handlaggare = users.find((u) => u.username === "handlaggare");
    expect(handlaggare).toMatchObject({ manageable: true, rolesOutsideScope: 0 });
    const allRoleNodes = users.flatMap((u) => u.roles.map((r) => r.orgNodeId));
    expect(allRoleNodes).not.toContain(node("vo"));
    expect(allRoleNodes).not.toContain(node("ifo"));
  });

  it("still manages accounts wholly inside the sub-tree", async () => {
    const handlaggare = t.demo.users.handlaggare!;
    const patch = await forvAdmin.patch(`/api/admin/users/${handlaggare}`, { displayName: "Hanna Handläggare" });
    expect(patch.statusCode).toBe(200);
    const add = await forvAdmin.post(`/api/admin/users/${handlaggare}/roles`, {
      role: "handlaggare",
      orgNodeId: node("msb-barn"),
    });
    expect(add.statusCode).toBe(200);
    expect((await forvAdmin.delete(`/api/admin/roles/${add.json().id}`)).statusCode).toBe(204);
    // But never grants a role above the sub-tree.
    const above = await forvAdmin.post(`/api/admin/users/${handlaggare}/roles`, {
      role: "admin",
      orgNodeId: node("ifo"),
    });
    expect(above.statusCode).toBe(403);
  });

  it("leaves the whole-kommun admin free to change every account", async () => {
    const admin = await t.as("admin");
    const res = await admin.patch(`/api/admin/users/${t.demo.users.controller}`, { email: "controller@kommun.se" });
    expect(res.statusCode).toBe(200);
    expect((await admin.delete(`/api/admin/roles/${dubbelOwnRoleId}`)).statusCode).toBe(204);
  });
});

describe("refused account and organisation input", () => {
  it("names each field by the label of the admin form, a role by its row, with no internal names", async () => {
    const admin = await t.as("admin");
    const user = await admin.post("/api/admin/users", {
      username: "x y",
      displayName: "Någon",
      orgNodeId: node("ifo-forv"),
      password: "kort",
      roles: [{ role: "handlaggare", orgNodeId: node("ifo-forv"), validUntil: "2024-02-30" }],
    });
    expect(user.statusCode).toBe(400);
    expect(user.json().message).toBe(
      "Innehållet är ogiltigt: Användarnamn: Användarnamn får innehålla a–z, 0–9, punkt, bindestreck och understreck. " +
        "Lösenord: Lösenordet ska ha minst 10 tecken. " +
        "Roller, rad 1 – Behörighet gäller till och med: måste vara ett datum (ÅÅÅÅ-MM-DD).",
    );
    const prefix = await admin.post("/api/org/nodes", {
      parentId: node("ifo-forv"),
      kind: "enhet",
      name: "Ny enhet",
      diariumPrefix: "XY",
    });
    expect(prefix.json().message).toBe("Diarieprefix: endast en nämnd har diarieprefix.");
    const path = (await admin.patch("/api/admin/users/inte-ett-id", { displayName: "X" })).json();
    expect(path.message).toBe("Sökvägen är ogiltig: Användarens id: måste vara ett id (UUID).");
    for (const body of [user.json(), prefix.json(), path]) {
      expect(body.message).not.toMatch(/username|password|roles|validUntil|diariumPrefix|"id"|Fältet/);
    }
  });
});

describe("the audit log for an admin of a sub-tree", () => {
  it("holds the sub-tree's events but not the installation's own", async () => {
    await recordAudit(t.database.db, null, { entity: "database", entityId: null, action: "backup" });
    const entities = async (client: TestClient) => {
      const res = await client.get("/api/admin/audit?limit=500");
      expect(res.statusCode).toBe(200);
      return (res.json() as { rows: { entity: string; orgNodeName: string | null }[] }).rows;
    };
    const sub = await entities(forvAdmin);
    expect(sub.length).toBeGreaterThan(0);
    expect(sub.filter((r) => r.orgNodeName === null)).toEqual([]);
    expect((await entities(await t.as("admin"))).map((r) => r.entity)).toContain("database");
  });
});
