import { describe, expect, it } from "vitest";
import {
  buildBudgetSplit,
  buildFollowUp,
  buildForecastAccuracy,
  buildFundLedger,
  buildInvestmentReport,
  buildSummary,
  disposalProblem,
  type Figure,
  type LevelInfo,
  outcomeHeading,
  usageProblem,
  type YearData,
} from "./reports.ts";

const T = 1000;
const total = (id: string): LevelInfo => ({
  id,
  name: "Individ & Familjeomsorg",
  code: null,
  targetOrgNodeId: "forv",
  sortOrder: 0,
});
const yearFig = (
  levelId: string,
  kind: Figure["kind"],
  amountKr: number,
  forecastId: string | null = null,
): Figure => ({
  levelId,
  kind,
  amountKr,
  forecastId,
  periodType: "year",
  periodNo: 0,
});

// IFO economic summary (tkr), one level for the whole committee as published.
const ifo: Record<number, [number, number, number]> = {
  2019: [68_489, -754_875, -652_971],
  2020: [83_529, -756_078, -665_824],
  2021: [73_526, -753_102, -699_078],
};
const ifoYear = (year: number, extra: Partial<YearData> = {}): YearData => {
  const [intakter, kostnader, budget] = ifo[year] ?? [0, 0, 0];
  const id = `ifo-${year}`;
  return {
    year,
    levels: [total(id)],
    figures: [
      yearFig(id, "intakter", intakter * T),
      yearFig(id, "kostnader", kostnader * T),
      yearFig(id, "budget", budget * T),
    ],
    forecasts: [],
    frameKr: null,
    decidedReallocations: [],
    ...extra,
  };
};

describe("economic summary 2019–2021", () => {
  it("reproduces netto and avvikelse exactly, with no consistency issues", () => {
    const { years, issues } = buildSummary(
      [2021, 2019, 2020].map((y) => ifoYear(y)),
      new Map([
        [2019, -2_027_800],
        [2020, -980_900],
        [2021, -2_347_000],
      ]),
    );
    expect(issues).toEqual([]);
    expect(years.map((y) => [y.year, y.nettoKr, y.avvikelseKr, y.investeringarNettoKr])).toEqual([
      [2019, -686_386 * T, -33_415 * T, -2_027_800],
      [2020, -672_549 * T, -6_725 * T, -980_900],
      [2021, -679_576 * T, 19_502 * T, -2_347_000],
    ]);
  });
});

describe("budget follow-up", () => {
  it("shows Bokslut 2020 | Budget 2021 | Bokslut 2021 | Avvikelse for the committee", () => {
    const f = buildFollowUp(ifoYear(2021), ifoYear(2020));
    expect(f.complete).toBe(true);
    expect(f.periodLabel).toBe("helår");
    expect(f.rows).toHaveLength(1);
    expect(f.total).toMatchObject({
      bokslutPrevKr: -672_549 * T,
      budgetKr: -699_078 * T,
      nettoKr: -679_576 * T,
      avvikelseKr: 19_502 * T,
      prognosKr: null,
    });
    expect(f.issues).toEqual([]);
  });

  const areas: LevelInfo[] = [
    { id: "msb", name: "Myndighet stöd och behandling", code: "MSB", targetOrgNodeId: "n-msb", sortOrder: 1 },
    { id: "dv", name: "Daglig verksamhet", code: "DV", targetOrgNodeId: "n-dv", sortOrder: 2 },
  ];
  const month = (levelId: string, kind: Figure["kind"], periodNo: number, amountKr: number): Figure => ({
    levelId,
    kind,
    periodType: "month",
    periodNo,
    amountKr,
    forecastId: null,
  });

  it("sums months to the outcome so far, uses the latest forecast and keeps last year's unmatched levels on their own row", () => {
    const data: YearData = {
      year: 2023,
      levels: areas,
      figures: [
        yearFig("msb", "budget", -236_000 * T),
        yearFig("dv", "budget", -50_000 * T),
        ...[1, 2, 3, 4].flatMap((m) => [
          month("msb", "kostnader", m, -20_000 * T),
          month("msb", "intakter", m, 500 * T),
        ]),
        ...[1, 2, 3, 4].map((m) => month("dv", "kostnader", m, -4_500 * T)),
        yearFig("msb", "prognos", -240_000 * T, "april"),
        yearFig("dv", "prognos", -57_734 * T, "april"),
        yearFig("msb", "prognos", -250_000 * T, "feb"),
      ],
      forecasts: [
        { id: "feb", name: "Februari", asOf: "2023-02-28" },
        { id: "april", name: "Delår april", asOf: "2023-04-30" },
      ],
      frameKr: 286_000 * T,
      decidedReallocations: [],
    };
    const f = buildFollowUp(data, ifoYear(2022 as 2021));
    expect(f.throughMonth).toBe(4);
    expect(f.periodLabel).toBe("jan–apr");
    expect(f.complete).toBe(false);
    expect(f.forecast?.name).toBe("Delår april");
    const [msb, dv] = f.rows;
    expect(msb).toMatchObject({ nettoKr: -78_000 * T, avvikelseKr: null, prognosAvvikelseKr: -4_000 * T });
    expect(dv).toMatchObject({ nettoKr: -18_000 * T, prognosAvvikelseKr: -7_734 * T });
    expect(f.total).toMatchObject({ budgetKr: -286_000 * T, prognosKr: -297_734 * T, prognosAvvikelseKr: -11_734 * T });
    expect(f.issues.filter((i) => i.severity === "error")).toEqual([]);
    // Delårsrapport at March: the window can be narrowed.
    expect(buildFollowUp(data, null, { throughMonth: 3 }).total.nettoKr).toBe(-72_000 * T);
  });

  it("flags level budgets that do not add up to the council's frame, and unreflected reallocations", () => {
    const data: YearData = {
      year: 2023,
      levels: areas,
      figures: [yearFig("msb", "budget", -236_000 * T), yearFig("dv", "budget", -50_000 * T)],
      forecasts: [],
      frameKr: 288_000 * T,
      decidedReallocations: [
        { levelId: "dv", amountKr: 1_000 * T },
        { levelId: "msb", amountKr: -1_000 * T },
      ],
    };
    const errors = buildFollowUp(data, null).issues.filter((i) => i.severity === "error");
    expect(errors.map((e) => e.code).sort()).toEqual(["frame", "reallocation", "reallocation"]);
    expect(errors.find((e) => e.code === "frame")?.message).toContain("differens +2\u00a0000 tkr");

    const revised = {
      ...data,
      frameKr: 286_000 * T,
      figures: [
        ...data.figures,
        yearFig("msb", "budget_revised", -235_000 * T),
        yearFig("dv", "budget_revised", -51_000 * T),
      ],
    };
    const f = buildFollowUp(revised, null);
    expect(f.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(f.rows.map((r) => [r.budgetKr, r.ombudgeteringKr])).toEqual([
      [-235_000 * T, 1_000 * T],
      [-51_000 * T, -1_000 * T],
    ]);
  });
});

describe("prognossäkerhet", () => {
  it("compares each forecast with the final outcome in kronor and percent", () => {
    const data = ifoYear(2021, {
      forecasts: [
        { id: "aug", name: "Delår augusti", asOf: "2021-08-31" },
        { id: "apr", name: "Delår april", asOf: "2021-04-30" },
      ],
    });
    data.figures.push(
      yearFig("ifo-2021", "prognos", -699_078 * T, "apr"),
      yearFig("ifo-2021", "prognos", -689_000 * T, "aug"),
    );
    const { complete, forecasts } = buildForecastAccuracy(data);
    expect(complete).toBe(true);
    expect(forecasts.map((f) => [f.forecast.name, f.differensKr, f.differensProcent, f.avvikelseKr])).toEqual([
      ["Delår april", -19_502 * T, -2.9, 19_502 * T],
      ["Delår augusti", -9_424 * T, -1.4, 19_502 * T],
    ]);
  });
});

describe("budget split (på en minut)", () => {
  const split2023: Array<[string, number]> = [
    ["Privat assistans", 60],
    ["Nämnd", 2],
    ["Stödfunktioner och central verksamhet", 63],
    ["Myndighet stöd och behandling", 236],
    ["Bostad med särskild service", 235],
    ["Stöd i hemmet och sysselsättning", 92],
    ["Daglig verksamhet", 50],
  ];
  const data = (frameMkr: number): YearData => ({
    year: 2023,
    levels: split2023.map(([name], i) => ({ id: `l${i}`, name, code: null, targetOrgNodeId: null, sortOrder: i })),
    figures: split2023.map(([, mkr], i) => yearFig(`l${i}`, "budget", -mkr * 1_000_000)),
    forecasts: [],
    frameKr: frameMkr * 1_000_000,
    decidedReallocations: [],
  });

  it("adds the seven areas to 738 mkr with shares adding up to 100,0 %", () => {
    const split = buildBudgetSplit(data(738));
    expect(split.totalKr).toBe(738_000_000);
    expect(split.issues).toEqual([]);
    expect(split.parts.reduce((a, p) => a + (p.shareTenths ?? 0), 0)).toBe(1000);
    expect(split.parts.find((p) => p.name === "Myndighet stöd och behandling")?.shareTenths).toBe(320);
  });

  it("flags a frame the parts do not add up to", () => {
    expect(buildBudgetSplit(data(740)).issues).toMatchObject([{ code: "frame", severity: "error" }]);
  });
});

describe("investments", () => {
  it("computes netto per line, category and total", () => {
    const report = buildInvestmentReport([
      {
        id: "a",
        category: "lopande",
        name: "Inventarier",
        budgetInkomsterKr: null,
        budgetUtgifterKr: 2_500_000,
        bokslutInkomsterKr: 0,
        bokslutUtgifterKr: 2_027_800,
      },
      {
        id: "b",
        category: "ovrig",
        name: "Verksamhetssystem",
        budgetInkomsterKr: 100_000,
        budgetUtgifterKr: 600_000,
        bokslutInkomsterKr: 100_000,
        bokslutUtgifterKr: 650_000,
      },
    ]);
    expect(report.categories[0]).toMatchObject({
      budgetNettoKr: -2_500_000,
      bokslutNettoKr: -2_027_800,
      avvikelseKr: 472_200,
    });
    expect(report.total).toMatchObject({ budgetNettoKr: -3_000_000, bokslutNettoKr: -2_577_800, avvikelseKr: 422_200 });
  });
});

describe("result fund", () => {
  const entry = (
    year: number,
    kind: "ingaende" | "disposition" | "ianspraktagande",
    amountKr: number,
    decidedOn: string,
  ) => ({
    id: `${year}-${kind}`,
    year,
    kind,
    amountKr,
    decisionRef: `KS-${year}`,
    decidedOn,
    decidedBy: "Kommunfullmäktige",
    note: null,
  });

  it("keeps a running balance from results disposed and money used", () => {
    const ledger = buildFundLedger(
      [
        { year: 2020, resultKr: -6_725 * T },
        { year: 2021, resultKr: 19_502 * T },
      ],
      [
        entry(2020, "ingaende", 5_000 * T, "2020-01-01"),
        entry(2021, "disposition", 9_751 * T, "2022-04-12"),
        entry(2022, "ianspraktagande", -3_000 * T, "2022-05-20"),
      ],
    );
    expect(ledger.years.map((y) => [y.year, y.openingKr, y.closingKr])).toEqual([
      [2020, 0, 5_000 * T],
      [2021, 5_000 * T, 14_751 * T],
      [2022, 14_751 * T, 11_751 * T],
    ]);
    expect(ledger.balanceKr).toBe(11_751 * T);
  });

  it("refuses disposals that do not follow the result and usage beyond the balance", () => {
    expect(disposalProblem(19_502 * T, 9_751 * T)).toBeNull();
    expect(disposalProblem(19_502 * T, 20_000 * T)).toContain("större än årets resultat");
    expect(disposalProblem(-6_725 * T, 3_000 * T)).toContain("samma tecken");
    expect(disposalProblem(null, 1)).toContain("inte klart");
    expect(usageProblem(5_000 * T, -6_000 * T)).toContain("kan inte tas i anspråk");
    expect(usageProblem(5_000 * T, -5_000 * T)).toBeNull();
  });
});

describe("outcomeHeading", () => {
  it("names the outcome column as the reports do", () => {
    expect(outcomeHeading({ year: 2021, throughMonth: 12, periodLabel: "helår", complete: true })).toBe("Bokslut 2021");
    expect(outcomeHeading({ year: 2023, throughMonth: 4, periodLabel: "jan–apr", complete: false })).toBe(
      "Utfall jan–apr",
    );
    expect(outcomeHeading({ year: 2023, throughMonth: 0, periodLabel: "inget utfall", complete: false })).toBe(
      "Utfall",
    );
  });
});
