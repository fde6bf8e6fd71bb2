import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countRows, type TestApp, testApp } from "../app/testing.ts";
import { addDays, todayInSweden } from "../platform/calendar.ts";
import { installStandardLists } from "./repository.ts";

let t: TestApp;
const today = todayInSweden();
const node = (key: string) => t.demo.nodes[key]?.id as string;

beforeAll(async () => {
  t = await testApp();
  await installStandardLists(t.database.db, node("kommun"));
});
afterAll(() => t?.close());

const report = (body: Record<string, unknown> = {}) => ({
  orgNodeId: node("bss-almen"),
  occurredOn: addDays(today, -2),
  noticedOn: addDays(today, -1),
  whatHappened: "Kvällsmedicinen gavs inte enligt signeringslistan.",
  immediateAction: "Sjuksköterska kontaktades.",
  ...body,
});

async function reported(body: Record<string, unknown> = {}): Promise<string> {
  const res = await (await t.as("medarbetare")).post("/api/kvalitet/handelser", report(body));
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { id: string }).id;
}

describe("reporting a händelse", () => {
  it("lets staff report on their unit, answers no record and stores no reporter name", async () => {
    const m = await t.as("medarbetare");
    const res = await m.post("/api/kvalitet/handelser", report());
    expect(res.statusCode, res.body).toBe(200);
    const answer = res.json() as Record<string, unknown>;
    expect(answer).toEqual({ id: expect.any(String), reportedOn: today, status: "rapporterad", warnings: [] });
    const row = await t.database.db
      .selectFrom("kvalitet_event")
      .selectAll()
      .where("id", "=", answer.id as string)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain("Maja");
    // Who reported is in the audit log.
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["actor_name"])
      .where("entity_id", "=", answer.id as string)
      .execute();
    expect(audit.map((a) => a.actor_name)).toEqual(["Maja Medarbetare"]);
    // Staff may not read händelser, their own included.
    expect((await m.get(`/api/kvalitet/handelser/${answer.id}`)).statusCode).toBe(403);
    expect((await m.get(`/api/kvalitet/handelser?orgNodeId=${node("bss-almen")}`)).statusCode).toBe(403);
  });

  it("masks a personnummer in free text and says so", async () => {
    const res = await (await t.as("medarbetare")).post(
      "/api/kvalitet/handelser",
      report({ whatHappened: "Brukaren 19850312-1234 föll.", immediateAction: "Ringde anhörig (850312-1234)." }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const { id, warnings } = res.json() as { id: string; warnings: string[] };
    expect(warnings).toEqual([
      "Ett personnummer maskerades i vad som hände, omedelbar åtgärd. Skriv aldrig personnummer i en händelserapport.",
    ]);
    const row = await t.database.db
      .selectFrom("kvalitet_event")
      .select(["what_happened", "immediate_action"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      what_happened: "Brukaren ********-**** föll.",
      immediate_action: "Ringde anhörig (******-****).",
    });
  });

  it("refuses future dates, noticed before occurred, another unit and a nämnd, writing nothing", async () => {
    const m = await t.as("medarbetare");
    const before = await countRows(t.database.db, "kvalitet_event");
    const future = await m.post(
      "/api/kvalitet/handelser",
      report({ occurredOn: addDays(today, 1), noticedOn: addDays(today, 1) }),
    );
    expect(future.statusCode).toBe(400);
    expect(
      (future.json() as { details: { problems: { field: string }[] } }).details.problems.map((p) => p.field),
    ).toEqual(["occurredOn", "noticedOn"]);
    // A person reads the form's words, not the API's names.
    expect(future.json().message).toMatch(/^Händelsen sparades inte: Inträffade: .*Upptäcktes: /);
    expect(future.json().message).not.toMatch(/occurredOn|noticedOn|Fältet/);
    const bad = await m.post("/api/kvalitet/handelser", report({ whatHappened: "", occurredOn: "2024-02-30" }));
    expect(bad.json().message).toBe(
      "Innehållet är ogiltigt: Inträffade: Ange ett datum som finns, skrivet ÅÅÅÅ-MM-DD. " +
        "Beskriv vad som hände: Beskriv vad som hände.",
    );
    const order = await m.post("/api/kvalitet/handelser", report({ occurredOn: today, noticedOn: addDays(today, -1) }));
    expect(order.statusCode).toBe(400);
    expect(order.body).toContain("innan den inträffade");
    expect((await m.post("/api/kvalitet/handelser", report({ orgNodeId: node("bss-bjorken") }))).statusCode).toBe(403);
    const namnd = await (await t.as("kvalitet")).post("/api/kvalitet/handelser", report({ orgNodeId: node("ifo") }));
    expect(namnd.statusCode).toBe(400);
    expect(namnd.body).toContain("Välj den enhet där händelsen inträffade");
    expect(await countRows(t.database.db, "kvalitet_event")).toBe(before);
  });
});

describe("handling a händelse", () => {
  it("classifies, investigates, refuses closing without a cause, then closes; a closed one stays closed", async () => {
    const id = await reported();
    const chef = await t.as("enhetschef");
    const classified = await chef.patch(`/api/kvalitet/handelser/${id}`, {
      types: ["lakemedel", "insats"],
      investigation: "Signeringslistan lästes fel vid passbytet.",
      lexSarahOn: today,
    });
    expect(classified.statusCode, classified.body).toBe(200);
    expect(classified.json()).toMatchObject({
      status: "under_utredning",
      types: [{ code: "lakemedel", name: "Läkemedel", group: "hsl" }, { code: "insats" }],
      unit: { name: "Gruppbostad Almen" },
      area: { name: "Bostad med särskild service" },
      lexSarahOn: today,
      canWrite: true,
    });

    const early = await chef.post(`/api/kvalitet/handelser/${id}/close`, {});
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({
      details: {
        problems: [{ field: "causes", label: "Orsaker", message: "Ange minst en orsak innan händelsen avslutas." }],
      },
    });
    const unknown = await chef.patch(`/api/kvalitet/handelser/${id}`, { causes: ["okand"] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain("Okänd orsak okand");

    expect((await chef.patch(`/api/kvalitet/handelser/${id}`, { causes: ["handhavandefel"] })).statusCode).toBe(200);
    const closed = await chef.post(`/api/kvalitet/handelser/${id}/close`, {});
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: "avslutad", closedOn: today, causes: [{ code: "handhavandefel" }] });
    const again = await chef.patch(`/api/kvalitet/handelser/${id}`, { measures: "APT" });
    expect(again.statusCode).toBe(409);
  });

  it("lets only the unit's handlers change it, and logs every read of the record and the list", async () => {
    const id = await reported();
    expect(
      (await (await t.as("handlaggare")).patch(`/api/kvalitet/handelser/${id}`, { types: ["fall"] })).statusCode,
    ).toBe(403);
    const k = await t.as("kvalitet");
    expect((await k.get(`/api/kvalitet/handelser/${id}`)).statusCode).toBe(200);
    const list = await k.get(`/api/kvalitet/handelser?orgNodeId=${node("ifo")}&status=rapporterad`);
    expect(list.statusCode).toBe(200);
    const { events, total } = list.json() as { total: number; events: { id: string; summary: string }[] };
    expect(total).toBe(events.length);
    expect(events.map((e) => e.id)).toContain(id);
    const log = await t.database.db
      .selectFrom("access_log as a")
      .innerJoin("access_log_record as r", "r.access_id", "a.id")
      .select(["a.operation", "a.actor_name"])
      .where("r.record_id", "=", id)
      .execute();
    expect(log).toEqual([
      { operation: "kvalitet.handelse", actor_name: "Karim Kvalitetsstrateg" },
      { operation: "kvalitet.handelser", actor_name: "Karim Kvalitetsstrateg" },
    ]);
  });

  it("keeps arbetsmiljöhändelser apart: a category, no types, never in the avvikelse statistics", async () => {
    const year = Number(today.slice(0, 4));
    const stats = async () =>
      (
        await (await t.as("fortroendevald")).get(`/api/kvalitet/statistik?orgNodeId=${node("ifo")}&year=${year}`)
      ).json() as {
        avvikelser: { total: number };
        arbetsmiljo: { year: number; total: number; byCategory: Record<string, number> }[];
      };
    const before = await stats();
    // Without a year: the newest year with avvikelser (this one, after the reports above); for a nämnd
    // without any, this year too.
    const reader = await t.as("fortroendevald");
    const latest = (await reader.get(`/api/kvalitet/statistik?orgNodeId=${node("ifo")}`)).json();
    expect(latest).toMatchObject({ year, avvikelser: { total: before.avvikelser.total } });
    const none = (await (await t.as("admin")).get(`/api/kvalitet/statistik?orgNodeId=${node("vo")}`)).json();
    expect(none).toMatchObject({ year, avvikelser: { total: 0 } });
    const noCategory = await (await t.as("medarbetare")).post(
      "/api/kvalitet/handelser",
      report({ kind: "arbetsmiljo" }),
    );
    expect(noCategory.statusCode).toBe(400);
    expect(noCategory.body).toContain("riskobservation, tillbud eller olycksfall");
    await reported({ kind: "arbetsmiljo", category: "tillbud", whatHappened: "Halt golv i tvättstugan." });
    const after = await stats();
    expect(after.avvikelser.total).toBe(before.avvikelser.total);
    expect(after.arbetsmiljo.at(-1)).toMatchObject({
      year,
      total: (before.arbetsmiljo.at(-1)?.total ?? 0) + 1,
    });
    expect(after.arbetsmiljo.at(-1)?.byCategory.tillbud).toBe((before.arbetsmiljo.at(-1)?.byCategory.tillbud ?? 0) + 1);
  });
});

describe("the kommun's lists", () => {
  it("lets an admin add a type and deactivate it; a deactivated type cannot be chosen anew", async () => {
    const admin = await t.as("admin");
    const created = await admin.post("/api/kvalitet/typer", {
      orgNodeId: node("kommun"),
      code: "dokumentation",
      name: "Dokumentation",
      group: "social",
    });
    expect(created.statusCode, created.body).toBe(200);
    const typeId = (created.json() as { id: string }).id;
    expect(
      (
        await admin.post("/api/kvalitet/typer", {
          orgNodeId: node("kommun"),
          code: "dokumentation",
          name: "X",
          group: "social",
        })
      ).statusCode,
    ).toBe(409);
    expect((await admin.patch(`/api/kvalitet/typer/${typeId}`, { active: false })).json()).toMatchObject({
      active: false,
    });
    const id = await reported();
    const res = await (await t.as("enhetschef")).patch(`/api/kvalitet/handelser/${id}`, { types: ["dokumentation"] });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Typen Dokumentation är inaktiverad");
    const lists = await (await t.as("medarbetare")).get(`/api/kvalitet/lists?orgNodeId=${node("bss-almen")}`);
    expect((lists.json() as { types: unknown[]; causes: unknown[] }).causes).toHaveLength(6);
    expect(
      (await (await t.as("kvalitet")).post("/api/kvalitet/lists/install", { orgNodeId: node("kommun") })).statusCode,
    ).toBe(403);
    expect((await admin.post("/api/kvalitet/lists/install", { orgNodeId: node("kommun") })).json()).toEqual({
      types: 0,
      causes: 0,
    });
  });
});
