import { describe, expect, it } from "vitest";
import {
  checkTable,
  checkTextFigures,
  checkTextPercent,
  checkUnitLabel,
  parseUnitLabel,
  type ReportTable,
} from "./consistency.ts";

const summaryColumns = [
  { key: "intakter", label: "Intäkter" },
  { key: "kostnader", label: "Kostnader" },
  { key: "netto", label: "Nettokostnad" },
  { key: "budget", label: "Budget" },
  { key: "avvikelse", label: "Avvikelse" },
];
const identities = [
  { column: "netto", plus: ["intakter", "kostnader"] },
  { column: "avvikelse", plus: ["netto"], minus: ["budget"] },
];
const row = (label: string, v: number[]) => ({
  label,
  values: Object.fromEntries(summaryColumns.map((c, i) => [c.key, v[i] ?? null])),
});

describe("checkTable", () => {
  it("accepts the IFO summary 2021 (tkr): every identity re-adds", () => {
    const table: ReportTable = {
      caption: "Ekonomisk sammanfattning 2021",
      rounded: true,
      columns: summaryColumns,
      rows: [row("2021", [73_526, -753_102, -679_576, -699_078, 19_502])],
      total: row("Summa", [73_526, -753_102, -679_576, -699_078, 19_502]),
      identities,
    };
    expect(checkTable(table)).toEqual([]);
  });

  it("flags a total that was typed instead of added", () => {
    const table: ReportTable = {
      caption: "Budget 2023 (mkr)",
      rounded: false,
      columns: [{ key: "budget", label: "Budget" }],
      rows: [60, 2, 63, 236, 235, 92, 50].map((v, i) => ({ label: `Område ${i + 1}`, values: { budget: v } })),
      total: { label: "Summa", values: { budget: 740 } },
    };
    const [issue] = checkTable(table);
    expect(issue).toMatchObject({ severity: "error", code: "column_sum", stated: 740, computed: 738 });
    expect(issue?.message).toContain("differens +2");
  });

  it("reports a rounding difference as info, not as an error", () => {
    const table: ReportTable = {
      caption: "Avrundat",
      rounded: true,
      columns: [{ key: "v", label: "Utfall" }],
      // 0,4 + 0,4 + 0,4 tkr is shown as 0, 0, 0 with a total of 1.
      rows: [0, 0, 0].map((v, i) => ({ label: `r${i}`, values: { v } })),
      total: { label: "Summa", values: { v: 1 } },
    };
    expect(checkTable(table)).toMatchObject([{ severity: "info", code: "column_sum" }]);
  });

  it("flags a row whose avvikelse is not netto − budget", () => {
    const table: ReportTable = {
      caption: "Fel rad",
      rounded: true,
      columns: summaryColumns,
      rows: [row("2020", [83_529, -756_078, -672_549, -665_824, -6_752])],
      total: row("Summa", [83_529, -756_078, -672_549, -665_824, -6_752]),
      identities,
    };
    const issues = checkTable(table);
    expect(issues.filter((i) => i.severity === "error")).toHaveLength(2);
    expect(issues[0]).toMatchObject({
      code: "row_identity",
      row: "2020",
      column: "Avvikelse",
      stated: -6_752,
      computed: -6_725,
    });
  });
});

describe("checkTextFigures", () => {
  const figures = [
    { label: "Avvikelse Daglig verksamhet", tkr: -7_734 },
    { label: "Årets resultat 2023", tkr: -14_877 },
  ];

  it("catches text saying −7,5 mkr where the table says −7 734 tkr", () => {
    const [issue, ...rest] = checkTextFigures("Verksamheten redovisar en avvikelse på −7,5 mkr.", figures);
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({
      code: "text_figure",
      row: "Avvikelse Daglig verksamhet",
      stated: -75,
      computed: -77,
    });
    expect(issue?.message).toBe(
      'Texten säger "−7,5 mkr" men Avvikelse Daglig verksamhet är −7\u00a0734 tkr, vilket ska skrivas "−7,7 mkr".',
    );
  });

  it("catches a deficit of 14 877 tkr written as 14,8 mkr (truncated, not rounded)", () => {
    const [issue] = checkTextFigures("Nämnden redovisar ett underskott på 14,8 mkr.", figures);
    expect(issue?.message).toContain('ska skrivas "14,9 mkr"');
  });

  it("accepts text rendered from the same numbers", () => {
    expect(
      checkTextFigures("Underskottet blev 14,9 mkr (−14 877 tkr); Daglig verksamhet −7,7 mkr, ca −8 mkr.", figures),
    ).toEqual([]);
  });

  it("ignores figures that are not near any table number", () => {
    expect(checkTextFigures("Budgeten är 738 mkr.", figures)).toEqual([]);
  });
});

describe("checkTextPercent", () => {
  it('catches "+20,4 %" where the table says +25,9 %', () => {
    expect(checkTextPercent("Antalet ökade med +20,4 %.", "Förändring", 25.9)).toMatchObject([
      { code: "text_percent", stated: 204, computed: 259 },
    ]);
    expect(checkTextPercent("Antalet ökade med +25,9 %.", "Förändring", 25.9)).toEqual([]);
  });
});

describe("checkUnitLabel", () => {
  it('flags a "mnkr" label on tkr data', () => {
    const [issue] = checkUnitLabel(
      "Driftredovisning 2021",
      "mnkr",
      [73_526, -753_102, -679_576, -699_078, 19_502],
      699_078_000,
    );
    expect(issue?.code).toBe("unit_label");
    expect(issue?.message).toContain("ser ut att vara i tkr");
  });
  it("accepts the right unit", () => {
    expect(checkUnitLabel("Driftredovisning 2021", "tkr", [-679_576, 19_502], 699_078_000)).toEqual([]);
    expect(checkUnitLabel("Budget 2023", "mkr", [60, 2, 63, 236, 235, 92, 50], 738_000_000)).toEqual([]);
  });
  it("reads unit labels", () => {
    expect(parseUnitLabel("Belopp i mnkr")).toBe("mkr");
    expect(parseUnitLabel("tkr")).toBe("tkr");
    expect(parseUnitLabel("Antal")).toBeNull();
  });
});
