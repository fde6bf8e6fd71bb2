import { describe, expect, it } from "vitest";
import type { Counted } from "../klagomal/statistics.ts";
import { standardScales } from "../risk/risk.ts";
import {
  atgarderSection,
  handelserSection,
  klagomalSection,
  lexSarahSection,
  type OverviewCase,
  type OverviewInspection,
  periodOf,
  risksSection,
  tillsynSection,
} from "./overview.ts";

const period = { start: "2023-01-01", end: "2023-12-31" };
const unit = { id: "u1", name: "Gruppbostad Almen" };

describe("the period", () => {
  it("defaults to this year so far, fills a missing start from the end's year, and refuses an end before the start", () => {
    expect(periodOf({}, "2026-11-30")).toEqual({ period: { start: "2026-01-01", end: "2026-11-30" }, problems: [] });
    expect(periodOf({ periodEnd: "2023-06-30" }, "2026-11-30").period).toEqual({
      start: "2023-01-01",
      end: "2023-06-30",
    });
    expect(periodOf({ periodStart: "2023-05-01", periodEnd: "2023-05-01" }, "2026-11-30").problems).toEqual([]);
    expect(periodOf({ periodStart: "2023-05-02", periodEnd: "2023-05-01" }, "2026-11-30").problems).toEqual([
      { field: "periodEnd", message: "Periodens slut (2023-05-01) ligger före dess början (2023-05-02)." },
    ]);
  });
});

describe("händelser in the joint view", () => {
  const base = {
    period,
    asOf: "2023-12-31",
    openDays: 30,
    types: [{ code: "fall", name: "Fall", group: "hsl" as const }],
    units: [{ id: "u1", name: "Gruppbostad Almen", path: "/k/u1/", kind: "enhet" }],
  };
  const closed = (on: string) => ({ handledOn: "2023-01-02", closedOn: on });
  const days = [
    { day: "2022-12-31", ...closed("2023-01-05"), count: 100 },
    { day: "2023-01-01", ...closed("2023-02-01"), count: 7 },
    { day: "2023-12-31", handledOn: null, closedOn: null, count: 3 },
    { day: "2024-01-01", handledOn: null, closedOn: null, count: 100 },
  ];
  const typeDays = [
    { day: "2023-01-01", code: "fall", count: 2 },
    { day: "2024-01-01", code: "fall", count: 50 },
  ];
  // Open on 2023-12-31: reported 31 days before (older than 30) and exactly 30 days before (not older).
  const openEvents = [
    { id: "e1", unit, reportedOn: "2023-11-30", handledOn: null, closedOn: null, summary: "Föll i badrummet." },
    { id: "e2", unit, reportedOn: "2023-12-01", handledOn: "2023-12-02", closedOn: null, summary: "Fel dos." },
  ];
  const openCounts = openEvents.map((e) => ({ unitId: "u1", reportedOn: e.reportedOn, count: 1 }));

  it("counts the period's first and last day and nothing beside them; lists open ones older than the limit", () => {
    const s = handelserSection({ ...base, recordAccess: true, days, typeDays, openCounts, openEvents });
    expect(s.total).toBe(10);
    expect(s.byStatus).toEqual([
      { status: "rapporterad", count: 3 },
      { status: "under_utredning", count: 0 },
      { status: "avslutad", count: 7 },
    ]);
    expect(s.byType).toEqual([{ code: "fall", name: "Fall", group: "hsl", count: 2 }]);
    expect(s.openOlderThan).toEqual({
      days: 30,
      count: 1,
      oldestDays: 31,
      list: [
        { id: "e1", unit, reportedOn: "2023-11-30", status: "rapporterad", summary: "Föll i badrummet.", ageDays: 31 },
      ],
    });
  });

  it("counts each händelse at the status it had on the period's last day, not today's", () => {
    const at = (handledOn: string | null, closedOn: string | null) => ({
      day: "2023-06-01",
      handledOn,
      closedOn,
      count: 1,
    });
    const statuses = (d: ReturnType<typeof at>) =>
      handelserSection({ ...base, recordAccess: true, days: [d], typeDays: [], openCounts: [], openEvents: [] })
        .byStatus.filter((b) => b.count === 1)
        .map((b) => b.status);
    expect(statuses(at("2023-06-02", "2023-12-31"))).toEqual(["avslutad"]); // closed on the last day
    expect(statuses(at("2023-06-02", "2024-01-01"))).toEqual(["under_utredning"]); // closed the day after
    expect(statuses(at("2023-12-31", null))).toEqual(["under_utredning"]); // handled on the last day
    expect(statuses(at("2024-01-01", "2024-01-02"))).toEqual(["rapporterad"]); // handled only after the period
  });

  it("lists an open händelse with its status on the period's last day", () => {
    const later = {
      id: "e3",
      unit,
      reportedOn: "2023-10-01",
      handledOn: "2024-01-01",
      closedOn: "2024-02-01",
      summary: "",
    };
    const s = handelserSection({ ...base, recordAccess: true, days, typeDays, openCounts, openEvents: [later] });
    expect(s.openOlderThan.list?.map((e) => [e.id, e.status])).toEqual([["e3", "rapporterad"]]);
  });

  it("gives a reader without record access counts only, small ones hidden", () => {
    const s = handelserSection({ ...base, recordAccess: false, days, typeDays, openCounts, openEvents: [] });
    expect(s.total).toBe(10);
    expect(s.byStatus.map((b) => b.count)).toEqual(["<5", 0, ".."]);
    expect(s.byType[0]?.count).toBe("<5");
    expect(s.openOlderThan.count).toBe("<5");
    expect(s.openOlderThan.list).toBeNull();
  });
});

describe("lex Sarah in the joint view", () => {
  const c = (x: Partial<OverviewCase>): OverviewCase => ({
    id: "c",
    unit,
    reportYear: 2023,
    number: 1,
    reportedOn: "2023-03-01",
    gist: "Rapport gällande bemötande",
    decisionId: null,
    decidedOn: null,
    outcome: null,
    ivoSentOn: null,
    ...x,
  });
  const cases = [
    c({ id: "a", number: 1, reportedOn: "2022-12-31", decisionId: "d1", decidedOn: "2023-01-01", outcome: "A" }),
    c({ id: "b", number: 2, reportedOn: "2023-01-01", decisionId: "d2", decidedOn: "2024-01-01", outcome: "B" }),
    c({ id: "c", number: 3, reportedOn: "2023-12-31" }),
    // Decided C on 2023-12-01: the anmälan is due 14 days later; on 2023-12-15 it is not yet overdue.
    c({ id: "d", number: 4, reportedOn: "2023-11-01", decisionId: "d3", decidedOn: "2023-12-01", outcome: "C" }),
    c({ id: "e", number: 5, reportedOn: "2023-11-02", decisionId: "d3", decidedOn: "2023-12-01", outcome: "C" }),
  ];

  it("counts reports and decisions by their own dates, open cases on asOf, and IVO anmälningar per decision", () => {
    const s = lexSarahSection({ period, asOf: "2023-12-31", recordAccess: true, cases });
    expect(s.reports).toBe(4);
    expect(s.decided).toBe(3);
    expect(s.byOutcome).toEqual([
      { outcome: "A", count: 1 },
      { outcome: "B", count: 0 },
      { outcome: "C", count: 2 },
    ]);
    // Case 2 was decided after the period: open at its end, 364 days old.
    expect(s.open.count).toBe(2);
    expect(s.open.oldestDays).toBe(364);
    expect(s.open.list?.map((x) => [x.number, x.ageDays])).toEqual([
      ["2023-002", 364],
      ["2023-003", 0],
    ]);
    expect(s.ivoPending.list).toEqual([
      { id: "d3", decidedOn: "2023-12-01", dueBy: "2023-12-15", overdue: true, cases: ["2023-004", "2023-005"] },
    ]);
  });

  it("flags an anmälan overdue only after its last day, and not once it was sent", () => {
    const on = (asOf: string, x: Partial<OverviewCase> = {}) =>
      lexSarahSection({ period, asOf, recordAccess: true, cases: [{ ...cases[3], ...x } as OverviewCase] }).ivoPending;
    expect(on("2023-12-15").list?.[0]?.overdue).toBe(false);
    expect(on("2023-12-16").list?.[0]?.overdue).toBe(true);
    expect(on("2023-12-16", { ivoSentOn: "2023-12-10" }).count).toBe(0);
    // Sent after asOf: still pending on asOf.
    expect(on("2023-12-16", { ivoSentOn: "2024-01-10" }).count).toBe(1);
  });

  it("names no case to a reader without record access", () => {
    const s = lexSarahSection({ period, asOf: "2023-12-31", recordAccess: false, cases });
    expect(s.open).toEqual({ count: "<5", oldestDays: 364, list: null });
    expect(s.ivoPending).toEqual({ count: "<5", overdue: "<5", list: null });
    expect(JSON.stringify(s)).not.toContain("bemötande");
  });
});

describe("klagomål in the joint view", () => {
  const row = (c: Partial<Counted>): Counted => ({
    orgNodeId: "u1",
    receivedOn: "2023-03-01",
    channel: "epost",
    type: "klagomal",
    category: "utformande",
    anonymous: false,
    political: false,
    acknowledgedOn: "2023-03-01",
    answeredOn: null,
    ...c,
  });

  it("counts an answer on the 10th day in time and on the 11th late; Kommentaren and synpunkter apart", () => {
    const rows = [
      ...Array.from({ length: 6 }, () => row({ answeredOn: "2023-03-11" })),
      ...Array.from({ length: 5 }, () => row({ answeredOn: "2023-03-12", category: "bemotande" })),
      row({ type: "synpunkt" }),
      row({ channel: "kommentaren", answeredOn: "2023-03-02" }),
    ];
    const s = klagomalSection({ asOf: "2023-12-31", recordAccess: true, rows });
    expect(s.received).toBe(11);
    expect(s.answeredInTime).toBe(6);
    expect(s.late).toBe(5);
    expect(s.inTimeShare).toBeCloseTo(6 / 11);
    expect(s.byCategory.map((b) => b.count)).toEqual([6, 0, 5, 0]);
    expect(s.otherSynpunkter).toBe(1);
    expect(s.kommentaren).toBe(1);
  });

  it("counts an unanswered one late only after its last day", () => {
    const rows = [row({})];
    expect(klagomalSection({ asOf: "2023-03-11", recordAccess: true, rows }).notYetDue).toBe(1);
    expect(klagomalSection({ asOf: "2023-03-12", recordAccess: true, rows }).late).toBe(1);
  });
});

describe("risks, åtgärder and tillsyn in the joint view", () => {
  it("counts the plans' risks per level and lists the high ones, highest first", () => {
    const r = (nr: number, likelihood: number, consequence: number) => ({
      id: `r${nr}`,
      unit,
      nr,
      description: `Risk ${nr}`,
      likelihood,
      consequence,
    });
    const s = risksSection(2023, standardScales.kvalitetsplan, [r(1, 1, 1), r(2, 2, 2), r(3, 2, 4), r(4, 4, 4)]);
    expect(s.byLevel.map((l) => [l.level, l.count])).toEqual([
      ["Låg", 1],
      ["Medium", 1],
      ["Hög", 1],
      ["Kritisk", 1],
    ]);
    expect(s.high.map((h) => [h.nr, h.value, h.level])).toEqual([
      [4, 16, "Kritisk"],
      [3, 8, "Hög"],
    ]);
  });

  it("puts the most overdue åtgärder first", () => {
    const a = (id: string, deadline: string | null, daysOverdue: number) => ({
      id,
      unit,
      linkedTo: { kind: "risk" as const, label: "Risk 1" },
      text: id,
      owner: "Enhetschef",
      deadline,
      status: "pagaende" as const,
      overdue: daysOverdue > 0,
      daysOverdue,
    });
    const s = atgarderSection([a("x", null, 0), a("y", "2023-01-01", 10), a("z", "2024-06-30", 0)]);
    expect(s).toMatchObject({ open: 3, overdue: 1 });
    expect(s.list.map((x) => x.id)).toEqual(["y", "z", "x"]);
  });

  it("lists open tillsyner with the yttrande due on its deadline day and overdue the day after", () => {
    const i: OverviewInspection = {
      id: "i1",
      unit,
      type: "Anmäld inspektion",
      month: "2023-11",
      ivoDnr: "3.5.1-12345/2023-1",
      decisionOn: null,
      findings: null,
      closedOn: null,
      yttrandeDueOn: "2024-02-16",
      yttrandeRepliedOn: null,
    };
    const on = (asOf: string, recordAccess = true, inspection = i) =>
      tillsynSection({ period: { start: "2023-01-01", end: asOf }, asOf, recordAccess, inspections: [inspection] });
    expect(on("2024-02-16")).toMatchObject({ open: 1, yttrandenAwaited: 1, yttrandenOverdue: 0 });
    expect(on("2024-02-17")).toMatchObject({ open: 1, yttrandenAwaited: 1, yttrandenOverdue: 1 });
    // Begun after the period: not in it.
    expect(on("2023-10-31").open).toBe(0);
    expect(on("2024-02-16", false).list).toBeNull();
    // Closed on the period's last day: not open then; closed the day after: open then.
    const replied = { ...i, yttrandeRepliedOn: "2024-02-10" };
    expect(on("2024-03-31", true, { ...replied, closedOn: "2024-03-31" }).open).toBe(0);
    expect(on("2024-03-31", true, { ...replied, closedOn: "2024-04-01" })).toMatchObject({
      open: 1,
      list: [{ id: "i1", status: "pagaende", yttrandeStatus: "inlamnat" }],
    });
  });

  it("lists the tillsyner closed in the period, begun in it or before, with IVO's decision", () => {
    const begunBefore: OverviewInspection = {
      id: "i0",
      unit,
      type: "Uppföljning",
      month: "2022-11",
      ivoDnr: "3.5.1-1/2022-1",
      decisionOn: "2023-02-20",
      findings: "Bristerna är åtgärdade.",
      closedOn: "2023-02-20",
      yttrandeDueOn: null,
      yttrandeRepliedOn: null,
    };
    const year = (asOf: string, recordAccess: boolean, inspections: OverviewInspection[]) =>
      tillsynSection({ period: { start: "2023-01-01", end: "2023-12-31" }, asOf, recordAccess, inspections });
    const inYear = { ...begunBefore, id: "i1", month: "2023-05", closedOn: "2023-09-01", decisionOn: "2023-09-01" };
    const lastYear = { ...begunBefore, id: "i2", closedOn: "2022-12-31" };
    const s = year("2023-12-31", true, [inYear, lastYear, begunBefore]);
    expect(s).toMatchObject({ open: 0, closed: 2 });
    // Each with IVO's decision and the day it closed; the yttrande's dates belong to the open ones.
    const { yttrandeDueOn: _due, yttrandeRepliedOn: _replied, ...shown } = begunBefore;
    expect(s.closedList).toEqual([shown, expect.objectContaining({ id: "i1", closedOn: "2023-09-01" })]);
    // Closed after the view's day: still open then, not closed.
    expect(year("2023-08-31", true, [inYear])).toMatchObject({ open: 1, closed: 0 });
    // Counted for every reader, listed only with record access.
    expect(year("2023-12-31", false, [inYear, begunBefore])).toMatchObject({ closed: 2, closedList: null });
  });
});
