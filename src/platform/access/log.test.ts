import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../app/testing.ts";
import type { Actor } from "../auth/access.ts";
import { listAccess, logPersonalDataAccess } from "./log.ts";

let t: TestApp;
const node = (key: string) => t.demo.nodes[key] as { id: string; path: string };

/** A reader whose name a spreadsheet would run as a formula if the export let it through. */
const trickster = (): Actor => ({
  id: null,
  username: "x",
  displayName: '=HYPERLINK("http://evil.example","klicka")',
  assignments: [{ role: "handlaggare", orgNodeId: node("msb-lss").id, path: node("msb-lss").path }],
});

beforeAll(async () => {
  t = await testApp();
  const db = t.database.db;
  await logPersonalDataAccess(db, trickster(), {
    operation: "evb.decision",
    orgNodeId: node("msb-lss").id,
    records: [{ entity: "evb_decision", id: "d-1", orgNodeId: node("msb-lss").id, personId: "20120917-T384" }],
  });
  await logPersonalDataAccess(db, trickster(), {
    operation: "evb.register",
    orgNodeId: null,
    records: [
      { entity: "evb_decision", id: "d-1", orgNodeId: node("msb-lss").id, personId: "20120917-T384" },
      { entity: "evb_decision", id: "d-2", orgNodeId: node("msb-lss").id, personId: "19830919-T322" },
    ],
  });
  await logPersonalDataAccess(db, trickster(), {
    operation: "org.unit-users",
    orgNodeId: node("vo-sabo-lyngen").id,
    records: [{ entity: "app_user", id: "u-1", orgNodeId: node("vo-sabo-lyngen").id }],
  });
  // A read that disclosed nothing is not an access.
  await logPersonalDataAccess(db, trickster(), { operation: "evb.register", orgNodeId: null, records: [] });
}, 180_000);
afterAll(() => t?.close());

describe("the access log API", () => {
  it("refuses everyone but admins", async () => {
    for (const user of ["controller", "kvalitet", "sekreterare", "enhetschef", "handlaggare", "fortroendevald"]) {
      const client = await t.as(user);
      expect((await client.get("/api/admin/access-log")).statusCode, user).toBe(403);
      expect((await client.get("/api/admin/access-log/export?personId=20120917-T384")).statusCode, user).toBe(403);
    }
  });

  it("lists entries newest first with their records, filtered by person, record, operation and period", async () => {
    const admin = await t.as("admin");
    const all = (await admin.get("/api/admin/access-log")).json();
    expect(all.total).toBe(3);
    expect(all.rows.map((r: { operation: string }) => r.operation)).toEqual([
      "org.unit-users",
      "evb.register",
      "evb.decision",
    ]);
    const byPerson = (await admin.get("/api/admin/access-log?personId=20120917-t384")).json();
    expect(byPerson.rows.map((r: { operation: string }) => r.operation)).toEqual(["evb.register", "evb.decision"]);
    expect(byPerson.rows[0].records).toHaveLength(2);
    const byRecord = (await admin.get("/api/admin/access-log?recordId=d-2")).json();
    expect(byRecord.total).toBe(1);
    const byOperation = (await admin.get("/api/admin/access-log?operation=org.unit-users")).json();
    expect(byOperation.rows[0]).toMatchObject({ orgNodeName: "Vård- och omsorgsboendet Lyngen", recordCount: 1 });
    const byUser = (await admin.get("/api/admin/access-log?user=HYPERLINK")).json();
    expect(byUser.total).toBe(3);
    const past = (await admin.get("/api/admin/access-log?to=2020-01-01")).json();
    expect(past.total).toBe(0);
  });

  it("exports one person's accesses as CSV with formulas neutralised", async () => {
    const res = await (await t.as("admin")).get("/api/admin/access-log/export?personId=20120917-T384");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-disposition"]).toBe('attachment; filename="atkomstlogg-20120917-T384.csv"');
    const lines = res.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n")
      .slice(1);
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).toContain(`"'=HYPERLINK(""http://evil.example"",""klicka"")"`);
      expect(line).toMatch(/;d-1;20120917-T384$/);
    }
  });

  it("asks for a person or record id before exporting", async () => {
    const res = await (await t.as("admin")).get("/api/admin/access-log/export");
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain("Ange person-id eller post-id");
    expect(res.json().details.problems).toEqual([
      { field: "personId", label: "Person-id", message: "Ange person-id eller post-id för utdraget." },
    ]);
  });

  it("names a refused filter by its label on the page, not its internal name", async () => {
    const res = await (await t.as("admin")).get("/api/admin/access-log?from=igår");
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe("Frågan är ogiltig: Från: måste vara ett datum (ÅÅÅÅ-MM-DD).");
  });
});

describe("scope and permanence", () => {
  it("shows an admin of one nämnd only the reads of records under it", async () => {
    const voAdmin: Actor = {
      id: null,
      username: "vo-admin",
      displayName: "VO Admin",
      assignments: [{ role: "admin", orgNodeId: node("vo").id, path: node("vo").path }],
    };
    const seen = await listAccess(t.database.db, voAdmin, { limit: 50, offset: 0 });
    expect(seen.rows.map((r) => r.operation)).toEqual(["org.unit-users"]);
  });

  it("refuses to change or delete an entry", async () => {
    const db = t.database.db;
    await expect(sql`UPDATE access_log SET purpose = 'x'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM access_log_record`.execute(db)).rejects.toThrow(/append-only/);
  });
});

describe("reads of staff", () => {
  it("logs an enhetschef listing the users of her unit", async () => {
    const chef = await t.as("enhetschef");
    const users = (await chef.get(`/api/org/nodes/${node("bss-almen").id}/users`)).json() as { id: string }[];
    expect(users.length).toBeGreaterThan(0);
    const log = (await (await t.as("admin")).get("/api/admin/access-log?user=Elin&operation=org.unit-users")).json();
    expect(log.total).toBe(1);
    expect(log.rows[0]).toMatchObject({ orgNodeName: "Gruppbostad Almen", recordCount: users.length });
    expect(log.rows[0].records.map((r: { recordId: string }) => r.recordId).sort()).toEqual(
      users.map((u) => u.id).sort(),
    );
  });
});

describe("the users page", () => {
  it("is logged as a read of every account it shows", async () => {
    const admin = await t.as("admin");
    const users = (await admin.get("/api/admin/users")).json() as { id: string }[];
    expect(users.length).toBeGreaterThan(0);
    const logged = (await admin.get("/api/admin/access-log?operation=admin.users")).json();
    expect(logged.total).toBe(1);
    expect(logged.rows[0]).toMatchObject({ actorName: "Alva Admin", recordCount: users.length });
  });
});
