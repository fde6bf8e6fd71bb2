import { describe, expect, it } from "vitest";
import { demoComplaints } from "./demo.ts";
import { answersOf, type Counted, complaintStatisticsOf, unitCategoryTable } from "./statistics.ts";

const row = (c: Partial<Counted> = {}): Counted => ({
  orgNodeId: "a",
  receivedOn: "2023-03-01",
  channel: "epost",
  type: "klagomal",
  category: "utformande",
  anonymous: false,
  political: false,
  acknowledgedOn: "2023-03-01",
  answeredOn: "2023-03-05",
  ...c,
});
const units = [
  { id: "b", name: "Enhet B", sort_order: 2 },
  { id: "a", name: "Enhet A", sort_order: 1 },
  { id: "c", name: "Enhet C", sort_order: 3 },
];

describe("klagomål per unit and category", () => {
  it("counts klagomål only, lists units with any in the organisation's order, with row and column sums", () => {
    const table = unitCategoryTable(
      [
        row({ orgNodeId: "b", category: "bemotande" }),
        row({ orgNodeId: "a" }),
        row({ orgNodeId: "a", category: "handlaggning" }),
        row({ orgNodeId: "a", type: "synpunkt" }),
        row({ orgNodeId: "c", type: "berom", category: null }),
      ],
      units,
    );
    expect(table.rows).toEqual([
      { id: "a", name: "Enhet A", byCategory: { utformande: 1, handlaggning: 1, bemotande: 0, ovrigt: 0 }, total: 2 },
      { id: "b", name: "Enhet B", byCategory: { utformande: 0, handlaggning: 0, bemotande: 1, ovrigt: 0 }, total: 1 },
    ]);
    expect(table.totals).toEqual({ byCategory: { utformande: 1, handlaggning: 1, bemotande: 1, ovrigt: 0 }, total: 3 });
  });
});

describe("answers under the 10-day rule", () => {
  it("shares in time of those due, leaving out those still within the days and the anonymous", () => {
    const a = answersOf(
      [
        row(),
        row({ answeredOn: "2023-03-20" }),
        row({ answeredOn: null }),
        row({ answeredOn: null, receivedOn: "2023-03-28", acknowledgedOn: null }),
        row({ answeredOn: null, anonymous: true }),
      ],
      "2023-04-01",
    );
    expect(a).toEqual({ inTime: 1, late: 1, overdue: 1, pending: 1, anonymous: 1, inTimeShare: 1 / 3 });
    expect(answersOf([row({ answeredOn: null, anonymous: true })], "2023-04-01").inTimeShare).toBeNull();
  });
});

describe("the demo data (brief A4)", () => {
  const demo = demoComplaints();
  const counted = (year: number) =>
    demo
      .filter((c) => c.receivedOn.startsWith(String(year)))
      .map((c) => row({ ...c, orgNodeId: c.unit, political: false }));
  const demoUnits = [
    "bss",
    "dv",
    "msb-barn",
    "msb-vuxen",
    "msb-lss",
    "msb-familjeratt",
    "ifo-ledning",
    "msb-familjehem",
    "msb-mottagning",
    "pa-enhet",
    "shs-boendestod",
  ].map((id, i) => ({ id, name: id, sort_order: i }));

  it("reproduces the kvalitetsberättelse's klagomål 35 → 50 and the 2023 table exactly", () => {
    const s = complaintStatisticsOf(counted(2023), counted(2022), demoUnits, "2024-06-30");
    expect(s.diarium.klagomal).toBe(50);
    expect(s.diarium.previousYearKlagomal).toBe(35);
    const table = Object.fromEntries(
      s.diarium.byUnitAndCategory.rows.map((r) => [
        r.id,
        [r.byCategory.utformande, r.byCategory.handlaggning, r.byCategory.bemotande, r.byCategory.ovrigt, r.total],
      ]),
    );
    expect(table).toEqual({
      bss: [8, 0, 0, 0, 8],
      dv: [10, 0, 0, 0, 10],
      "msb-barn": [3, 3, 3, 0, 9],
      "msb-vuxen": [0, 1, 0, 0, 1],
      "msb-lss": [4, 7, 1, 0, 12],
      "msb-familjeratt": [0, 1, 0, 0, 1],
      "ifo-ledning": [0, 0, 0, 1, 1],
      "msb-familjehem": [1, 3, 3, 0, 7],
      "msb-mottagning": [0, 0, 1, 0, 1],
    });
    expect(s.diarium.byUnitAndCategory.totals).toEqual({
      byCategory: { utformande: 26, handlaggning: 15, bemotande: 8, ovrigt: 1 },
      total: 50,
    });
  });

  it("keeps Kommentaren's 20 apart: 1 anonymous, 2 not answered within 10 days of the acknowledgement", () => {
    const s = complaintStatisticsOf(counted(2023), [], demoUnits, "2024-06-30");
    expect(s.kommentaren).toMatchObject({ total: 20, anonymous: 1, political: 0, notAnsweredInTime: 2 });
    expect(s.kommentaren.byType.map((t) => [t.code, t.count])).toEqual([
      ["klagomal", 20],
      ["synpunkt", 0],
      ["berom", 0],
      ["forslag", 0],
    ]);
    expect(s.diarium.total).toBe(52);
  });
});
