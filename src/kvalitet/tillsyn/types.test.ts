import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, make, type TestApp, testApp } from "../../app/testing.ts";
import { addKommun } from "../../organisation/index.ts";
import { installInspectionTypes } from "./repository.ts";

let t: TestApp;
const node = (key: string) => t.demo.nodes[key]?.id as string;
const url = "/api/kvalitet/tillsyner/typer";
/** A second kommun beside the demo one, with its own admin and a unit. */
let other: { kommunId: string; unitId: string };

beforeAll(async () => {
  t = await testApp();
  const added = await addKommun(t.database.db, {
    kommun: "Exempelby kommun",
    code: "9999",
    admin: { username: "ex.admin", displayName: "Eva Ex", password: DEMO_PASSWORD },
  });
  other = { kommunId: added.kommun.id, unitId: (await make.node(t, added.kommun.id)).id };
  await installInspectionTypes(t.database.db, node("kommun"));
  await installInspectionTypes(t.database.db, other.kommunId);
});
afterAll(() => t?.close());

type Kind = { id: string; code: string; name: string; active: boolean; sortOrder: number };
type Kinds = { kommunId: string; types: Kind[] };
const kindsOf = async (who: string, orgNodeId: string) => {
  const res = await (await t.as(who)).get(`${url}?orgNodeId=${orgNodeId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Kinds;
};

const inspection = (type: string) => ({ orgNodeId: node("bss-almen"), type, month: "2024-03" });

describe("the kommun's kinds of tillsyn, edited by its admin", () => {
  it("adds a kind last, renames and deactivates it, each audited, leaving the other kommun's list as it was", async () => {
    const before = await kindsOf("ex.admin", other.unitId);
    expect(before.kommunId).toBe(other.kommunId);
    expect(before.types.map((k) => k.code)).toEqual([
      "anmald-inspektion",
      "uppfoljning",
      "lss-9-8",
      "sarskild-tillsynsinsats",
    ]);

    const admin = await t.as("admin");
    const created = await admin.post(url, { orgNodeId: node("ifo"), code: "distans", name: "Distansinspektion" });
    expect(created.statusCode, created.body).toBe(200);
    const kind = created.json() as Kind;
    expect(kind).toMatchObject({ code: "distans", name: "Distansinspektion", active: true, sortOrder: 4 });
    expect((await kindsOf("medarbetare", node("bss-almen"))).types.at(-1)).toEqual(kind);

    // A tillsyn may take it while it is active.
    const chef = await t.as("enhetschef");
    const taken = await chef.post("/api/kvalitet/tillsyner", inspection("distans"));
    expect(taken.statusCode, taken.body).toBe(200);

    // The other kommun renames its own Uppföljning: the demo kommun's keeps its name.
    const theirs = before.types.find((k) => k.code === "uppfoljning") as Kind;
    const renamedThere = await (await t.as("ex.admin")).patch(`${url}/${theirs.id}`, { name: "Uppföljande tillsyn" });
    expect(renamedThere.statusCode, renamedThere.body).toBe(200);
    expect((await kindsOf("admin", node("kommun"))).types.find((k) => k.code === "uppfoljning")?.name).toBe(
      "Uppföljning",
    );

    const changed = await admin.patch(`${url}/${kind.id}`, { name: "Distansinspektion (video)", active: false });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ name: "Distansinspektion (video)", active: false });
    // Deactivated: a new tillsyn may not take it; the tillsyn that has it keeps it, under its new name.
    const refused = await chef.post("/api/kvalitet/tillsyner", inspection("distans"));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details.problems.map((p: { field: string }) => p.field)).toEqual(["type"]);
    const kept = await chef.get(`/api/kvalitet/tillsyner/${(taken.json() as { id: string }).id}`);
    expect(kept.json()).toMatchObject({ type: { code: "distans", name: "Distansinspektion (video)" } });

    // The other kommun's list: only its own rename.
    const after = await kindsOf("ex.admin", other.unitId);
    expect(after.types).toEqual(
      before.types.map((k) => (k.id === theirs.id ? { ...k, name: "Uppföljande tillsyn" } : k)),
    );

    const audit = await t.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity", "=", "kvalitet_inspection_type")
      .where("entity_id", "=", kind.id)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["create", "update"]);
  });

  it("refuses a taken code, an empty change and anyone but the kommun's own admin, writing nothing", async () => {
    const admin = await t.as("admin");
    const ours = await kindsOf("admin", node("kommun"));
    const theirs = await kindsOf("ex.admin", other.kommunId);
    const first = ours.types[0] as Kind;

    const taken = await admin.post(url, { orgNodeId: node("kommun"), code: first.code, name: "Igen" });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().message).toBe("Koden anmald-inspektion finns redan i listan.");
    expect((await admin.patch(`${url}/${first.id}`, {})).statusCode).toBe(400);

    const kvalitet = await t.as("kvalitet");
    expect((await kvalitet.post(url, { orgNodeId: node("ifo"), code: "ny", name: "Ny" })).statusCode).toBe(403);
    expect((await kvalitet.patch(`${url}/${first.id}`, { active: false })).statusCode).toBe(403);
    // One kommun's admin is no admin of the other's list, either way.
    expect((await admin.patch(`${url}/${theirs.types[0]?.id}`, { active: false })).statusCode).toBe(403);
    expect((await admin.post(url, { orgNodeId: other.unitId, code: "ny", name: "Ny" })).statusCode).toBe(403);
    expect((await (await t.as("ex.admin")).patch(`${url}/${first.id}`, { name: "X" })).statusCode).toBe(403);
    // Nor may the demo kommun's roles read the other kommun's list.
    expect((await admin.get(`${url}?orgNodeId=${other.kommunId}`)).statusCode).toBe(403);

    expect(await kindsOf("admin", node("kommun"))).toEqual(ours);
    expect(await kindsOf("ex.admin", other.kommunId)).toEqual(theirs);
  });

  it("registers a tillsyn only with a kind of its own kommun's list", async () => {
    const ex = await t.as("ex.admin");
    const created = await ex.post(url, { orgNodeId: other.kommunId, code: "bara-har", name: "Bara i Exempelby" });
    expect(created.statusCode, created.body).toBe(200);
    const chef = await t.as("enhetschef");
    const refused = await chef.post("/api/kvalitet/tillsyner", inspection("bara-har"));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details.problems).toEqual([
      expect.objectContaining({ field: "type", message: expect.stringContaining("Okänt slag av tillsyn bara-har") }),
    ]);
    // The other kommun's unit takes it.
    const there = await ex.post("/api/kvalitet/tillsyner", { ...inspection("bara-har"), orgNodeId: other.unitId });
    expect(there.statusCode, there.body).toBe(200);
    expect(there.json()).toMatchObject({ type: { code: "bara-har", name: "Bara i Exempelby" } });
  });
});
