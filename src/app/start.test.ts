// The start page per demo role: each role's live counts as the demo data gives them, and counts that follow
// the data when it changes. EVB's demo decisions are dated relative to today (demo/evb/current.json), so
// its counts are the same whatever day the test runs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, todayInSweden } from "../platform/calendar.ts";
import { type TestApp, testApp } from "./testing.ts";

let t: TestApp;
const today = todayInSweden();
const node = (key: string) => t.demo.nodes[key]?.id as string;

type Item = { key: string; label: string; count: number | null; figure: string | null; href: string; tone: string };
type Start = { organisation: { id: string; name: string }; groups: { capability: string; items: Item[] }[] };

beforeAll(async () => {
  t = await testApp({ fullDemo: true });
});
afterAll(() => t?.close());

async function startOf(username: string, nodeKey: string): Promise<Start> {
  const res = await (await t.as(username)).get(`/api/start?orgNodeId=${node(nodeKey)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Start;
}

/** key → count per capability, the shape the assertions read best in. */
const counts = (start: Start) =>
  Object.fromEntries(start.groups.map((g) => [g.capability, Object.fromEntries(g.items.map((i) => [i.key, i.count]))]));
const item = (start: Start, key: string) => start.groups.flatMap((g) => g.items).find((i) => i.key === key) as Item;

describe("the start page per demo role", () => {
  it("gives the handläggare her unit's EVB decisions, with the three-month warning, and no sensitive registers", async () => {
    const start = await startOf("handlaggare", "msb-lss");
    // Myndighet funktionsnedsättning's open demo decisions are 150, 100, 80 and 50 days old: two past three
    // months, one passing within 30 days, one not yet.
    expect(counts(start)).toEqual({
      evb: { "evb.reportable": 2, "evb.soon-reportable": 1 },
      styrning: { "styrning.missing-values": 14, "styrning.activities-overdue": 0, "styrning.uppdrag-report-back": 0 },
      ekonomi: {},
      kvalitet: { "kvalitet.atgarder-overdue": 0 },
      namnd: {},
    });
    expect(item(start, "evb.reportable")).toMatchObject({ label: "2 rapporteringspliktiga beslut", tone: "late" });
    expect(item(start, "evb.soon-reportable")).toMatchObject({
      label: "1 passerar tre månader inom 30 dagar",
      tone: "warning",
      href: "/evb/register?status=snart",
    });
    // The same decisions the register calls reportable and soon reportable, where the items link.
    expect(item(start, "evb.reportable").href).toBe("/evb/register?status=rapporteringspliktiga");
    const register = await (await t.as("handlaggare")).get("/api/evb/decisions?status=rapporteringspliktiga");
    expect((register.json() as { decisions: unknown[] }).decisions).toHaveLength(2);
    const soon = await (await t.as("handlaggare")).get("/api/evb/decisions?status=snart");
    expect((soon.json() as { decisions: unknown[] }).decisions).toHaveLength(1);
  });

  it("gives the enhetschef her unit's händelser, lex Sarah, synpunkter and åtgärder", async () => {
    const start = await startOf("enhetschef", "bss-almen");
    expect(counts(start)).toEqual({
      evb: { "evb.reportable": 1, "evb.soon-reportable": 1 },
      styrning: { "styrning.missing-values": 14, "styrning.activities-overdue": 0, "styrning.uppdrag-report-back": 0 },
      ekonomi: {},
      kvalitet: {
        "kvalitet.events-to-classify": 87,
        "kvalitet.lex-sarah-open": 1,
        "kvalitet.complaints-late": 0,
        "kvalitet.atgarder-overdue": 1,
      },
      namnd: {},
    });
    expect(item(start, "kvalitet.lex-sarah-open").label).toBe("1 lex Sarah-ärende under utredning");
    expect(item(start, "kvalitet.atgarder-overdue")).toMatchObject({
      label: "1 åtgärd har passerat sitt slutdatum",
      href: "/kvalitet/kvalitetsplan/atgarder",
      tone: "late",
    });
  });

  it("gives the controller the indicators without values, the forecast and aggregate counts only", async () => {
    const start = await startOf("controller", "ifo");
    expect(item(start, "styrning.missing-values")).toMatchObject({
      label: "Värden saknas för 2023 på 14 indikatorer",
      href: "/styrning/varden?ar=2023",
      tone: "warning",
    });
    // The demo's latest forecast, delår augusti 2023, with the annual report's −9,2 mnkr against budget.
    expect(start.groups.find((g) => g.capability === "ekonomi")?.items).toEqual([
      {
        key: "ekonomi.forecast",
        label: "Prognos Delår augusti: ett underskott på 9,2 mkr mot budget 2023",
        count: null,
        figure: "\u22129,2 mkr",
        href: "/ekonomi?ar=2023",
        tone: "warning",
      },
    ]);
    // No read:personal: the reportable count without the early warnings listing decisions.
    expect(counts(start).evb).toEqual({ "evb.reportable": 13 });
    expect(counts(start).kvalitet).toEqual({ "kvalitet.atgarder-overdue": 15 });
  });

  it("gives the kvalitet role every quality register of the nämnd", async () => {
    const start = await startOf("kvalitet", "ifo");
    expect(counts(start).kvalitet).toEqual({
      "kvalitet.events-to-classify": 247,
      "kvalitet.lex-sarah-open": 4,
      "kvalitet.complaints-late": 1,
      "kvalitet.atgarder-overdue": 15,
    });
    expect(counts(start).evb).toEqual({ "evb.reportable": 13, "evb.soon-reportable": 4 });
  });

  it("gives the nämndsekreterare the diarium's open cases and her own", async () => {
    const start = await startOf("sekreterare", "ifo");
    expect(counts(start).namnd).toEqual({ "namnd.my-cases": 3, "namnd.open-cases": 19 });
    expect(item(start, "namnd.my-cases")).toMatchObject({ label: "3 öppna ärenden där du är handläggare" });
  });

  it("gives the förtroendevald read-only summaries", async () => {
    const start = await startOf("fortroendevald", "ifo");
    expect(counts(start)).toMatchObject({
      evb: { "evb.reportable": 13 },
      kvalitet: { "kvalitet.atgarder-overdue": 15 },
      namnd: { "namnd.my-cases": 0, "namnd.open-cases": 19 },
    });
    expect(Object.keys(counts(start).kvalitet ?? {})).toEqual(["kvalitet.atgarder-overdue"]);
  });

  it("gives the admin the whole kommun's registers", async () => {
    const start = await startOf("admin", "kommun");
    expect(counts(start)).toMatchObject({
      evb: { "evb.reportable": 14, "evb.soon-reportable": 4 },
      kvalitet: { "kvalitet.events-to-classify": 247 },
    });
  });

  it("withholds a small EVB count from a reader without read:personal", async () => {
    const start = await startOf("medarbetare", "bss-almen");
    expect(item(start, "evb.reportable")).toMatchObject({
      count: null,
      label: "Färre än 3 rapporteringspliktiga beslut",
    });
  });

  it("refuses a node the user may not read", async () => {
    const res = await (await t.as("handlaggare")).get(`/api/start?orgNodeId=${node("bss-almen")}`);
    expect(res.statusCode).toBe(403);
  });
});

describe("counts that follow the data", () => {
  it("counts a newly registered overdue EVB decision", async () => {
    const h = await t.as("handlaggare");
    const catalogue = (await h.get(`/api/evb/catalogue?orgNodeId=${node("msb-lss")}`)).json() as {
      insatser: { id: string; code: string }[];
    };
    const res = await h.post("/api/evb/decisions", {
      orgNodeId: node("msb-lss"),
      personId: "20120917-T384",
      insatsId: catalogue.insatser.find((i) => i.code === "lss-9-5")?.id,
      decisionDate: addDays(today, -120),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(item(await startOf("handlaggare", "msb-lss"), "evb.reportable").count).toBe(3);
  });

  it("counts a newly reported händelse until it is classified", async () => {
    const res = await (await t.as("medarbetare")).post("/api/kvalitet/handelser", {
      orgNodeId: node("bss-almen"),
      occurredOn: addDays(today, -2),
      noticedOn: addDays(today, -1),
      whatHappened: "Kvällsmedicinen gavs inte enligt signeringslistan.",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(item(await startOf("enhetschef", "bss-almen"), "kvalitet.events-to-classify").count).toBe(88);
  });

  it("counts a klagomål unanswered past its 10 days, not one still within them", async () => {
    const m = await t.as("medarbetare");
    for (const days of [11, 10]) {
      const res = await m.post("/api/kvalitet/klagomal", {
        orgNodeId: node("bss-almen"),
        receivedOn: addDays(today, -days),
        channel: "personligen",
        senderType: "anhorig",
        type: "klagomal",
        category: "utformande",
        summary: "Anhörig anser att promenaderna inte blir av.",
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    expect(item(await startOf("enhetschef", "bss-almen"), "kvalitet.complaints-late")).toMatchObject({
      count: 1,
      label: "1 synpunkt obesvarad efter 10 dagar",
      tone: "late",
    });
  });

  it("shows the forecast against budget once the newest forecast has its amounts", async () => {
    const c = await t.as("controller");
    const base = `/api/ekonomi/namnder/${node("ifo")}/years/2023`;
    const followUp = (await c.get(`${base}/follow-up`)).json() as {
      forecasts: { id: string; name: string }[];
      rows: { levelId: string | null; budgetKr: number }[];
    };
    const augusti = followUp.forecasts.find((f) => f.name === "Delår augusti");
    const levels = followUp.rows.filter((r) => r.levelId !== null);
    // Every level on budget but the first, which forecasts 5 mkr more in net cost.
    const saved = await c.put(`${base}/figures`, {
      figures: levels.map((r, i) => ({
        levelId: r.levelId,
        kind: "prognos",
        forecastId: augusti?.id,
        periodType: "year",
        periodNo: 0,
        amountKr: r.budgetKr - (i === 0 ? 5_000_000 : 0),
      })),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await startOf("controller", "ifo")).groups.find((g) => g.capability === "ekonomi")?.items).toEqual([
      {
        key: "ekonomi.forecast",
        label: "Prognos Delår augusti: ett underskott på 5,0 mkr mot budget 2023",
        count: null,
        figure: "\u22125,0 mkr",
        href: "/ekonomi?ar=2023",
        tone: "warning",
      },
    ]);
  });

  it("shows the nämndsekreterare the next sammanträde, to be called", async () => {
    const s = await t.as("sekreterare");
    const bodies = (await s.get(`/api/namnd/organ?orgNodeId=${node("ifo")}`)).json() as {
      bodies: { id: string; kind: string; name: string }[];
    };
    const namnd = bodies.bodies.find((b) => b.kind === "namnd");
    const date = addDays(today, 20);
    const later = await s.post("/api/namnd/sammantraden", {
      bodyId: namnd?.id,
      meetingDate: addDays(today, 40),
      startTime: "13:00",
    });
    expect(later.statusCode, later.body).toBe(200);
    const res = await s.post("/api/namnd/sammantraden", { bodyId: namnd?.id, meetingDate: date, startTime: "13:00" });
    expect(res.statusCode, res.body).toBe(200);
    expect(item(await startOf("sekreterare", "ifo"), "namnd.next-meeting")).toEqual({
      key: "namnd.next-meeting",
      label: `Nästa sammanträde: ${namnd?.name} ${date}, kallelsen är inte skickad`,
      count: null,
      figure: null,
      href: `/namnd/sammantraden/${(res.json() as { id: string }).id}`,
      tone: "warning",
    });
  });

  it("counts a case the sekreterare registers with herself as handläggare", async () => {
    const res = await (await t.as("sekreterare")).post("/api/namnd/arenden", {
      orgNodeId: node("ifo"),
      title: "Skrivelse från SiS om avgifter",
      type: "skrivelser",
      receivedOn: today,
      handlerId: t.demo.users.sekreterare,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(counts(await startOf("sekreterare", "ifo")).namnd).toMatchObject({
      "namnd.my-cases": 4,
      "namnd.open-cases": 20,
    });
  });
});
