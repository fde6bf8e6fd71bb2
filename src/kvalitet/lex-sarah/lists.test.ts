import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../app/testing.ts";
import { addDays, todayInSweden } from "../../platform/calendar.ts";
import { installLists } from "./repository.ts";

let t: TestApp;
const today = todayInSweden();
const node = (key: string) => t.demo.nodes[key]?.id as string;
const url = "/api/kvalitet/lex-sarah/lists";

beforeAll(async () => {
  t = await testApp();
  await installLists(t.database.db, node("kommun"));
});
afterAll(() => t?.close());

type Entry = { id: string; code: string; name: string; active: boolean };
type Lists = { categories: Entry[]; causes: Entry[]; measures: Entry[]; items: Entry[] };
const listsNow = async () => (await (await t.as("kvalitet")).get(`${url}?orgNodeId=${node("ifo")}`)).json() as Lists;

const report = (category: string) => ({
  orgNodeId: node("bss-almen"),
  reportedOn: addDays(today, -1),
  noticedOn: addDays(today, -2),
  gist: "brist i tillsyn under natten",
  category,
  route: "handelserapport",
});

describe("the kommun's lex Sarah lists, edited by its admin", () => {
  it("adds an entry last, renames it and deactivates it, each audited; a deactivated one is no longer taken", async () => {
    const admin = await t.as("admin");
    const created = await admin.post(url, {
      orgNodeId: node("ifo"),
      list: "kategori",
      code: "digital-tillsyn",
      name: "Digital tillsyn",
    });
    expect(created.statusCode, created.body).toBe(200);
    const entry = created.json() as Entry & { list: string; sortOrder: number };
    expect(entry).toMatchObject({ list: "kategori", code: "digital-tillsyn", active: true });
    expect((await listsNow()).categories.at(-1)).toEqual({
      id: entry.id,
      code: "digital-tillsyn",
      name: "Digital tillsyn",
      active: true,
    });

    // A case may take it while it is active.
    const taken = await (await t.as("kvalitet")).post("/api/kvalitet/lex-sarah", report("digital-tillsyn"));
    expect(taken.statusCode, taken.body).toBe(200);

    const renamed = await admin.patch(`${url}/${entry.id}`, { name: "Digital tillsyn (kamera)", active: false });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await listsNow()).categories.find((c) => c.id === entry.id)).toMatchObject({
      name: "Digital tillsyn (kamera)",
      active: false,
    });
    // Deactivated: a new case may not take it; the case that has it keeps it.
    const refused = await (await t.as("kvalitet")).post("/api/kvalitet/lex-sarah", report("digital-tillsyn"));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details.problems.map((p: { field: string }) => p.field)).toEqual(["category"]);
    const kept = await (await t.as("kvalitet")).get(`/api/kvalitet/lex-sarah/${(taken.json() as { id: string }).id}`);
    expect(kept.json()).toMatchObject({ category: { code: "digital-tillsyn" } });

    const audit = await t.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity", "=", "kvalitet_lex_sarah_list")
      .where("entity_id", "=", entry.id)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["create", "update"]);
  });

  it("refuses a taken code, an unknown list, an empty change and anyone but an admin, writing nothing", async () => {
    const admin = await t.as("admin");
    const before = await listsNow();
    const taken = await admin.post(url, {
      orgNodeId: node("ifo"),
      list: "orsak",
      code: before.causes[0]?.code,
      name: "X",
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().message).toContain("finns redan i listan");
    const unknown = await admin.post(url, { orgNodeId: node("ifo"), list: "farg", code: "rod", name: "Röd" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain("Listan ska vara en av kategori, orsak, atgard, utredningspunkt.");
    const first = before.measures[0] as Entry;
    expect((await admin.patch(`${url}/${first.id}`, {})).statusCode).toBe(400);
    const kvalitet = await t.as("kvalitet");
    expect(
      (await kvalitet.post(url, { orgNodeId: node("ifo"), list: "atgard", code: "ny", name: "Ny" })).statusCode,
    ).toBe(403);
    expect((await kvalitet.patch(`${url}/${first.id}`, { active: false })).statusCode).toBe(403);
    expect(await listsNow()).toEqual(before);
  });
});
