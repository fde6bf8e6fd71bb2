import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../app/testing.ts";

let t: TestApp;
const node = (key: string) => t.demo.nodes[key]?.id as string;

beforeAll(async () => {
  t = await testApp({ fullDemo: true });
}, 120_000);
afterAll(() => t?.close());

type Shown = number | string;
type Overview = {
  organisation: { name: string };
  period: { start: string; end: string };
  asOf: string;
  recordAccess: boolean;
  handelser: {
    total: Shown;
    byStatus: { status: string; count: Shown }[];
    openOlderThan: { count: Shown; list: { id: string; summary: string }[] | null };
  };
  lexSarah: {
    reports: Shown;
    decided: Shown;
    byOutcome: { outcome: string; count: Shown }[];
    open: { count: Shown; list: { id: string; gist: string }[] | null };
  };
  klagomal: { received: Shown; byCategory: { category: string; count: Shown }[]; kommentaren: Shown };
  risks: { total: number; byLevel: { level: string; count: number }[]; high: { description: string }[] };
  atgarder: { open: number; list: { id: string; status: string | null }[] };
  tillsyn: { open: number; list: unknown[] | null };
};

const url = (key: string, query = "&periodStart=2023-01-01&periodEnd=2023-12-31") =>
  `/api/kvalitet/oversikt?orgNodeId=${node(key)}${query}`;

const accessLog = (actorName: string) =>
  t.database.db
    .selectFrom("access_log as a")
    .innerJoin("access_log_record as r", "r.access_id", "a.id")
    .select(["a.operation", "r.entity", "r.record_id"])
    .where("a.actor_name", "=", actorName)
    .execute();

describe("the joint view", () => {
  it("shows the kvalitet role the brief's 2023 totals for the nämnd, with the records, and logs them", async () => {
    const res = await (await t.as("kvalitet")).get(url("ifo"));
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json() as Overview;
    expect(o.recordAccess).toBe(true);
    expect(o.asOf).toBe("2023-12-31");
    expect(o.handelser.total).toBe(1702);
    expect(o.handelser.byStatus.find((s) => s.status === "avslutad")?.count).toBe(1055);
    expect(o.lexSarah.reports).toBe(96);
    expect(o.lexSarah.decided).toBe(82);
    expect(o.klagomal.received).toBe(50);
    expect(o.klagomal.byCategory.map((c) => c.count)).toEqual([26, 15, 8, 1]);
    expect(o.klagomal.kommentaren).toBe(20);
    // The förvaltning's kvalitetsplan 2023 (KB 2023): 5 risks, 2 Hög + 3 Medium.
    expect(o.risks.total).toBe(5);
    expect(o.risks.byLevel.filter((l) => l.count > 0)).toEqual([
      { level: "Medium", count: 3, colour: expect.any(String) },
      { level: "Hög", count: 2, colour: expect.any(String) },
    ]);
    expect(o.risks.high).toHaveLength(2);
    const events = o.handelser.openOlderThan.list ?? [];
    const cases = o.lexSarah.open.list ?? [];
    expect(events.length).toBeGreaterThan(0);
    expect(cases.length).toBeGreaterThan(0);
    expect(cases[0]?.gist).toEqual(expect.any(String));
    const logged = await accessLog("Karim Kvalitetsstrateg");
    expect(
      logged
        .filter((l) => l.operation === "kvalitet.handelser")
        .map((l) => l.record_id)
        .sort(),
    ).toEqual(events.map((e) => e.id).sort());
    expect(
      logged
        .filter((l) => l.operation === "kvalitet.lex-sarah-register")
        .map((l) => l.record_id)
        .sort(),
    ).toEqual(cases.map((c) => c.id).sort());
  });

  it("gives a controller and a förtroendevald counts without records, small counts as <5, and logs nothing", async () => {
    for (const [username, name] of [
      ["controller", "Cecilia Controller"],
      ["fortroendevald", "Fredrik Förtroendevald"],
    ] as const) {
      const client = await t.as(username);
      const namnd = (await client.get(url("ifo"))).json() as Overview;
      expect(namnd.recordAccess).toBe(false);
      expect(namnd.handelser.total).toBe(1702);
      expect(namnd.lexSarah.reports).toBe(96);
      expect(namnd.klagomal.received).toBe(50);
      expect(namnd.handelser.openOlderThan.list).toBeNull();
      expect(namnd.lexSarah.open.list).toBeNull();
      expect(namnd.tillsyn.list).toBeNull();
      // Klagomål "Övrigt" 2023 is 1: hidden, and one more category with it so that 50 − the rest does not tell.
      expect(namnd.klagomal.byCategory.map((c) => c.count)).toEqual([26, 15, "..", "<5"]);
      // Lex Sarah decided 2023 with outcome C: 3.
      expect(namnd.lexSarah.byOutcome.find((b) => b.outcome === "C")?.count).toBe("<5");

      // The förvaltningskansli reported one avvikelse in 2023.
      const res = await client.get(url("stod-kansli"));
      expect(res.statusCode, res.body).toBe(200);
      const kansli = res.json() as Overview;
      expect(kansli.handelser.total).toBe("<5");
      expect(res.body).not.toMatch(/"summary"|"gist"/);
      expect(await accessLog(name)).toEqual([]);
    }
    const kansli = (await (await t.as("kvalitet")).get(url("stod-kansli"))).json() as Overview;
    expect(kansli.handelser.total).toBe(1);
  });

  it("shows the enhetschef her own unit with its records, and refuses her the area above", async () => {
    const chef = await t.as("enhetschef");
    const res = await chef.get(url("bss-almen"));
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json() as Overview;
    expect(o.organisation.name).toBe("Gruppbostad Almen");
    expect(o.recordAccess).toBe(true);
    expect(o.handelser.total).toBe(560);
    expect(o.lexSarah.open.list).not.toBeNull();
    expect((await chef.get(url("bss"))).statusCode).toBe(403);
  });

  it("refuses a reader without read on the node", async () => {
    const res = await (await t.as("vo-controller")).get(url("ifo"));
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain("Du saknar läsbehörighet");
  });

  it("refuses a period that ends before it begins, in Swedish, naming the field by its label", async () => {
    const res = await (await t.as("kvalitet")).get(url("ifo", "&periodStart=2023-12-31&periodEnd=2023-01-01"));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      details: {
        problems: [
          {
            field: "periodEnd",
            label: "Till och med",
            message: "Periodens slut (2023-01-01) ligger före dess början (2023-12-31).",
          },
        ],
      },
    });
    const bad = await (await t.as("kvalitet")).get(url("ifo", "&periodEnd=2023-02-30"));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe("Frågan är ogiltig: Till och med: Ange ett datum som finns, skrivet ÅÅÅÅ-MM-DD.");
    expect(res.json().message).not.toMatch(/periodEnd|periodStart|Fältet/);
  });

  it("defaults to this year so far", async () => {
    const o = (await (await t.as("kvalitet")).get(url("ifo", ""))).json() as Overview;
    const today = o.asOf;
    expect(o.period).toEqual({ start: `${today.slice(0, 4)}-01-01`, end: today });
  });
});

type Trends = {
  years: number[];
  handelser: { year: number; quarter: number; total: Shown; byGroup: Record<string, Shown> }[];
  lexSarah: { year: number; reports: Shown; decided: Shown }[];
  klagomal: { year: number; total: Shown; inTimeShare: number | null }[];
  atgarder: { year: number; quarter: number; open: number | null }[];
};

describe("the trends", () => {
  it("show three years of the nämnd ending with its newest year of avvikelser", async () => {
    const res = await (await t.as("kvalitet")).get(`/api/kvalitet/trender?orgNodeId=${node("ifo")}`);
    expect(res.statusCode, res.body).toBe(200);
    const tr = res.json() as Trends;
    expect(tr.years).toEqual([2021, 2022, 2023]);
    const yearTotal = (year: number) =>
      tr.handelser.filter((q) => q.year === year).reduce((n, q) => n + (q.total as number), 0);
    expect([yearTotal(2022), yearTotal(2023)]).toEqual([1600, 1702]);
    expect(tr.lexSarah.map((y) => y.reports)).toEqual([55, 64, 96]);
    expect(tr.klagomal.map((y) => y.total)).toEqual([0, 35, 50]);
    expect(tr.klagomal[2]?.inTimeShare).toBeCloseTo(0.88);
    expect(tr.atgarder).toHaveLength(12);
  });

  it("hide small counts from a förtroendevald", async () => {
    const res = await (await t.as("fortroendevald")).get(
      `/api/kvalitet/trender?orgNodeId=${node("stod-kansli")}&toYear=2023`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const tr = res.json() as Trends;
    const totals = tr.handelser.filter((q) => q.year === 2023).map((q) => q.total);
    expect(totals.filter((v) => v === "<5")).toHaveLength(1);
    expect(totals.every((v) => v === 0 || v === "<5")).toBe(true);
  });
});

describe("the registers the joint view links to", () => {
  it("hold, filtered by the view's period, the records the view counts", async () => {
    const client = await t.as("kvalitet");
    const period = "&periodStart=2023-01-01&periodEnd=2023-12-31";
    const total = async (path: string, query: string) => {
      const res = await client.get(`${path}?orgNodeId=${node("ifo")}&limit=1${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { total: number }).total;
    };
    expect(await total("/api/kvalitet/handelser", period)).toBe(1702);
    expect(await total("/api/kvalitet/lex-sarah", period)).toBe(96);
    const complaints2023 = await total("/api/kvalitet/klagomal", "&year=2023");
    expect(complaints2023).toBeGreaterThan(50);
    expect(await total("/api/kvalitet/klagomal", period)).toBe(complaints2023);
    // Both days included: the period's first and last day alone hold what the registers hold for them.
    const oneDay = (day: string) => `&periodStart=${day}&periodEnd=${day}`;
    const firstAndLast =
      (await total("/api/kvalitet/handelser", oneDay("2023-01-01"))) +
      (await total("/api/kvalitet/handelser", oneDay("2023-12-31")));
    const [withoutEnds, whole] = [
      await total("/api/kvalitet/handelser", "&periodStart=2023-01-02&periodEnd=2023-12-30"),
      await total("/api/kvalitet/handelser", period),
    ];
    expect(withoutEnds + firstAndLast).toBe(whole);
    expect(firstAndLast).toBeGreaterThan(0);
  });
});

// Last in the file: it closes records today, which a view of a period ending today then shows.
describe("the joint view of a past period after its records changed", () => {
  it("shows a händelse, an åtgärd and a tillsyn closed today as they stood on the period's last day", async () => {
    const client = await t.as("kvalitet");
    const db = t.database.db;
    const ifo = (await db.selectFrom("org_node").select("path").where("id", "=", node("ifo")).executeTakeFirstOrThrow())
      .path;
    const view = async (query: string) => {
      const res = await client.get(url("ifo", query));
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Overview;
    };
    const year2023 = "&periodStart=2023-01-01&periodEnd=2023-12-31";
    const before = await view(year2023);
    const today = (await view("")).asOf;

    // A händelse of 2023 still under investigation, investigated and closed today.
    const event = await db
      .selectFrom("kvalitet_event as e")
      .innerJoin("org_node as n", "n.id", "e.org_node_id")
      .select(["e.id"])
      .where("n.path", "like", `${ifo}%`)
      .where("e.status", "=", "under_utredning")
      .where("e.occurred_on", "<=", "2023-12-31")
      .where("e.occurred_on", ">=", "2023-01-01")
      .orderBy("e.id")
      .executeTakeFirstOrThrow();
    const cause = await db
      .selectFrom("kvalitet_cause")
      .select("code")
      .where("active", "=", true)
      .executeTakeFirstOrThrow();
    const patched = await client.patch(`/api/kvalitet/handelser/${event.id}`, {
      investigation: "Utredd i efterhand.",
      causes: [cause.code],
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const closed = await client.post(`/api/kvalitet/handelser/${event.id}/close`, {});
    expect(closed.statusCode, closed.body).toBe(200);

    // An åtgärd open at the end of 2023, finished today.
    const atgard = before.atgarder.list.find((a) => a.status !== null);
    if (!atgard) throw new Error("The demo has no åtgärd open at the end of 2023");
    const finished = await client.patch(`/api/kvalitet/atgarder/${atgard.id}`, {
      status: "avslutad_uppnadd",
      comment: "Klar.",
    });
    expect(finished.statusCode, finished.body).toBe(200);

    // The demo's pågående tillsyn (begun 2023-11), closed today.
    const tillsyn = await db
      .selectFrom("kvalitet_inspection")
      .select("id")
      .where("status", "=", "pagaende")
      .executeTakeFirstOrThrow();
    const closing = await client.patch(`/api/kvalitet/tillsyner/${tillsyn.id}`, { status: "avslutad" });
    expect(closing.statusCode, closing.body).toBe(200);
    expect(closing.json().closedOn).toBe(today);

    const after = await view(year2023);
    expect(after.handelser.byStatus).toEqual(before.handelser.byStatus);
    expect(after.atgarder.open).toBe(before.atgarder.open);
    expect(after.atgarder.list.find((a) => a.id === atgard.id)?.status).toBeNull();
    expect(after.tillsyn.open).toBe(before.tillsyn.open);

    // A period ending today sees the same records closed.
    const toToday = await view(`&periodStart=2023-01-01&periodEnd=${today}`);
    const count = (o: Overview, status: string) => o.handelser.byStatus.find((s) => s.status === status)?.count;
    expect(count(toToday, "avslutad")).toBe((count(before, "avslutad") as number) + 1);
    expect(toToday.atgarder.list.some((a) => a.id === atgard.id)).toBe(false);
    expect(toToday.tillsyn.open).toBe(before.tillsyn.open - 1);
  });
});
