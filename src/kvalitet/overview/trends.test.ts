import { describe, expect, it } from "vitest";
import { eventQuarters, lexSarahYears, openAtgarderByQuarter, trendYears } from "./trends.ts";

describe("the trends", () => {
  it("covers three years ending with the chosen one", () => {
    expect(trendYears(2023)).toEqual([2021, 2022, 2023]);
  });

  it("sums avvikelser per quarter and per type group, hiding small counts from readers without record access", () => {
    const year = {
      year: 2023,
      events: [
        { unitId: "a", quarter: 1, count: 10 },
        { unitId: "b", quarter: 1, count: 2 },
        { unitId: "a", quarter: 4, count: 3 },
      ],
      types: [
        { unitId: "a", quarter: 1, code: "fall", count: 8 },
        { unitId: "b", quarter: 1, code: "lakemedel", count: 2 },
        { unitId: "a", quarter: 1, code: "sekretess", count: 6 },
      ],
    };
    const groups = new Map([
      ["fall", "hsl" as const],
      ["lakemedel", "hsl" as const],
      ["sekretess", "social" as const],
    ]);
    const open = eventQuarters([year], groups, true);
    expect(open.map((q) => q.total)).toEqual([12, 0, 0, 3]);
    expect(open[0]?.byGroup).toEqual({ hsl: 10, social: 6, ovrigt: 0 });
    const closed = eventQuarters([year], groups, false);
    expect(closed.map((q) => q.total)).toEqual([12, 0, 0, "<5"]);
  });

  it("counts lex Sarah decisions per outcome with the same rule", () => {
    const [y] = lexSarahYears(
      [
        {
          year: 2023,
          reports: 96,
          decided: [
            { outcome: "A", count: 40 },
            { outcome: "B", count: 38 },
            { outcome: "C", count: 3 },
            { outcome: "A", count: 1 },
          ],
        },
      ],
      false,
    );
    expect(y).toEqual({
      year: 2023,
      reports: 96,
      decided: 82,
      byOutcome: [
        { outcome: "A", count: 41 },
        { outcome: "B", count: ".." },
        { outcome: "C", count: "<5" },
      ],
    });
  });

  it("counts åtgärder open at each quarter's end: closed on the last day is closed, a later quarter has none", () => {
    const rows = [
      { createdOn: "2023-02-01", status: "avslutad_uppnadd" as const, statusOn: "2023-06-30" },
      { createdOn: "2023-04-01", status: "pagaende" as const, statusOn: "2023-04-01" },
      { createdOn: "2023-07-01", status: "avslutad_delvis" as const, statusOn: "2023-07-01" },
    ];
    expect(openAtgarderByQuarter(rows, [2023], "2023-08-15")).toEqual([
      { year: 2023, quarter: 1, open: 1 },
      { year: 2023, quarter: 2, open: 1 },
      { year: 2023, quarter: 3, open: 1 },
      { year: 2023, quarter: 4, open: null },
    ]);
  });
});
