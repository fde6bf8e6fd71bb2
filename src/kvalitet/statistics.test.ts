import { describe, expect, it } from "vitest";
import { ageInDays, areaOf, byArea, byCode, byUnit, openOlderThan, quietUnits, workByYear } from "./statistics.ts";

const area = (id: string) => ({ id, name: id.toUpperCase(), path: `/k/f/${id}/`, kind: "verksamhetsomrade" });
const unit = (id: string, parent: string) => ({ id, name: id, path: `/k/f/${parent}/${id}/`, kind: "enhet" });
const areas = [area("bss"), area("msb")];
const units = [unit("almen", "bss"), unit("bjorken", "bss"), unit("barn", "msb"), unit("kansli", "stod")];

describe("ages", () => {
  it("counts whole days from the report date; reported today is 0 days old", () => {
    expect(ageInDays("2024-03-15", "2024-03-15")).toBe(0);
    expect(ageInDays("2024-02-28", "2024-03-01")).toBe(2); // leap year
    expect(ageInDays("2023-12-31", "2024-01-01")).toBe(1);
  });

  it("lists open händelser strictly older than N days, per unit with the oldest age", () => {
    const rows = [
      { unitId: "almen", reportedOn: "2024-02-14", count: 2 }, // 30 days: not older than 30
      { unitId: "almen", reportedOn: "2024-02-13", count: 3 }, // 31 days
      { unitId: "barn", reportedOn: "2023-12-01", count: 1 },
    ];
    expect(openOlderThan(rows, units, "2024-03-15", 30)).toEqual({
      days: 30,
      asOf: "2024-03-15",
      count: 4,
      byUnit: [
        { id: "almen", name: "almen", count: 3, oldestDays: 31 },
        { id: "barn", name: "barn", count: 1, oldestDays: 105 },
      ],
    });
    expect(openOlderThan(rows, units, "2024-03-15", 0).count).toBe(6);
    expect(openOlderThan([], units, "2024-03-15", 30)).toMatchObject({ count: 0, byUnit: [] });
  });
});

describe("areas and units", () => {
  it("finds a unit's verksamhetsområde, or none above or beside them", () => {
    expect(areaOf(units[0] as (typeof units)[number], areas)?.id).toBe("bss");
    expect(areaOf(area("bss"), areas)?.id).toBe("bss");
    expect(areaOf(units[3] as (typeof units)[number], areas)).toBeNull();
  });

  const events = [
    { unitId: "almen", quarter: 1, count: 5 },
    { unitId: "bjorken", quarter: 1, count: 2 },
    { unitId: "bjorken", quarter: 4, count: 1 },
    { unitId: "barn", quarter: 2, count: 2 },
    { unitId: "kansli", quarter: 3, count: 1 },
  ];
  const types = [
    { unitId: "almen", quarter: 1, code: "fall", count: 4 },
    { unitId: "almen", quarter: 1, code: "lakemedel", count: 3 },
    { unitId: "bjorken", quarter: 4, code: "fall", count: 1 },
    { unitId: "barn", quarter: 2, code: "sekretess", count: 2 },
  ];

  it("counts per area and quarter, types per area (multi-select: no sum test), the rest under Övrigt", () => {
    const rows = byArea(areas, units, events, types, []);
    expect(rows).toEqual([
      { id: "bss", name: "BSS", count: 8, byQuarter: [7, 0, 0, 1], byType: { fall: 5, lakemedel: 3 }, byCause: {} },
      { id: "msb", name: "MSB", count: 2, byQuarter: [0, 2, 0, 0], byType: { sekretess: 2 }, byCause: {} },
      { id: null, name: "Övrigt", count: 1, byQuarter: [0, 0, 1, 0], byType: {}, byCause: {} },
    ]);
  });

  it("counts per listed code in list order, unused codes as zero", () => {
    const listed = [
      { code: "fall", name: "Fall" },
      { code: "lakemedel", name: "Läkemedel" },
      { code: "digitala", name: "Digitala" },
    ];
    expect(byCode(types, listed)).toEqual([
      { code: "fall", name: "Fall", count: 5, byQuarter: [4, 0, 0, 1] },
      { code: "lakemedel", name: "Läkemedel", count: 3, byQuarter: [3, 0, 0, 0] },
      { code: "digitala", name: "Digitala", count: 0, byQuarter: [0, 0, 0, 0] },
    ]);
  });

  it("names the units reporting at most K avvikelser, those with none too; K = 0 keeps only the silent", () => {
    const perUnit = byUnit(areas, [...units, unit("tyst", "msb")], events);
    expect(quietUnits(perUnit, 2).map((u) => [u.id, u.count])).toEqual([
      ["barn", 2],
      ["kansli", 1],
      ["tyst", 0],
    ]);
    expect(quietUnits(perUnit, 0).map((u) => u.id)).toEqual(["tyst"]);
  });
});

describe("arbetsmiljö", () => {
  it("gives every year of the range each category and the total, empty years as zeros", () => {
    const rows = [
      { year: 2022, category: "tillbud" as const, count: 379 },
      { year: 2022, category: "olycksfall" as const, count: 127 },
      { year: 2022, category: "riskobservation" as const, count: 50 },
    ];
    expect(workByYear(rows, 2021, 2022)).toEqual([
      { year: 2021, total: 0, byCategory: { riskobservation: 0, tillbud: 0, olycksfall: 0 } },
      { year: 2022, total: 556, byCategory: { riskobservation: 50, tillbud: 379, olycksfall: 127 } },
    ]);
  });
});
