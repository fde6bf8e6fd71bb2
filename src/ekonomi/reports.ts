// The committee's money reports, computed from stored figures: budget follow-up, economic summary,
// prognossäkerhet, budget split, investments and the result fund. Pure: the service loads the figures,
// these functions add them up, and every table they produce is re-added by the consistency checks.
import { difference, krToTkr, percentOf, splitByShares, sumKronor } from "./arithmetic.ts";
import { checkTable, type Issue, type ReportTable } from "./consistency.ts";
import { amountThrough, coveredThrough, type Period, windowLabel } from "./periods.ts";
import { formatScaled } from "./text.ts";

export const figureKinds = ["budget", "budget_revised", "intakter", "kostnader", "prognos"] as const;
export type FigureKind = (typeof figureKinds)[number];
export const figureKindLabels: Record<FigureKind, string> = {
  budget: "Budget (ursprunglig)",
  budget_revised: "Budget efter ombudgetering",
  intakter: "Utfall intäkter",
  kostnader: "Utfall kostnader",
  prognos: "Prognos",
};

export type LevelInfo = {
  id: string;
  name: string;
  code: string | null;
  targetOrgNodeId: string | null;
  sortOrder: number;
};
export type Figure = Period & { levelId: string; kind: FigureKind; forecastId: string | null; amountKr: number };
export type ForecastInfo = { id: string; name: string; asOf: string };

/** Everything stored for one committee and year. */
export type YearData = {
  year: number;
  levels: LevelInfo[];
  figures: Figure[];
  forecasts: ForecastInfo[];
  frameKr: number | null;
  /** Lines of decided ombudgeteringar: frame change per level, positive = more money. */
  decidedReallocations: Array<{ levelId: string; amountKr: number }>;
};

const tkr = (kr: number | null) => (kr === null ? null : krToTkr(kr));
const showTkr = (kr: number) => `${formatScaled(krToTkr(kr), 0, true)} tkr`;

function rowsOf(data: YearData, levelId: string, kind: FigureKind, forecastId: string | null = null) {
  return data.figures.filter((f) => f.levelId === levelId && f.kind === kind && f.forecastId === forecastId);
}

/** How many months of outcome the year has (0–12). */
const outcomeThrough = (data: YearData) =>
  coveredThrough(data.figures.filter((f) => f.kind === "intakter" || f.kind === "kostnader"));

type LevelAmounts = {
  intakterKr: number | null;
  kostnaderKr: number | null;
  nettoKr: number | null;
  budgetOriginalKr: number | null;
  budgetRevisedKr: number | null;
  budgetKr: number | null;
};

function levelAmounts(data: YearData, levelId: string, throughMonth: number): LevelAmounts {
  const intakterKr = throughMonth > 0 ? amountThrough(rowsOf(data, levelId, "intakter"), throughMonth) : null;
  const kostnaderKr = throughMonth > 0 ? amountThrough(rowsOf(data, levelId, "kostnader"), throughMonth) : null;
  const budgetOriginalKr = amountThrough(rowsOf(data, levelId, "budget"), 12);
  const budgetRevisedKr = amountThrough(rowsOf(data, levelId, "budget_revised"), 12);
  return {
    intakterKr,
    kostnaderKr,
    nettoKr: sumKronor([intakterKr, kostnaderKr]),
    budgetOriginalKr,
    budgetRevisedKr,
    budgetKr: budgetRevisedKr ?? budgetOriginalKr,
  };
}

const normalise = (s: string) => s.trim().toLocaleLowerCase("sv-SE");

/** The same level a year earlier: same org node, else same code, else same name. */
function matchPrevious(level: LevelInfo, candidates: LevelInfo[]): LevelInfo | undefined {
  return (
    (level.targetOrgNodeId ? candidates.find((c) => c.targetOrgNodeId === level.targetOrgNodeId) : undefined) ??
    (level.code ? candidates.find((c) => c.code === level.code) : undefined) ??
    candidates.find((c) => normalise(c.name) === normalise(level.name))
  );
}

export type FollowUpRow = {
  levelId: string | null;
  name: string;
  orgNodeId: string | null;
  bokslutPrevKr: number | null;
  budgetOriginalKr: number | null;
  ombudgeteringKr: number | null;
  budgetKr: number | null;
  prognosKr: number | null;
  intakterKr: number | null;
  kostnaderKr: number | null;
  nettoKr: number | null;
  /** netto − budget, only once the year is complete. */
  avvikelseKr: number | null;
  /** prognos − budget. */
  prognosAvvikelseKr: number | null;
};

export type FollowUp = {
  year: number;
  throughMonth: number;
  periodLabel: string;
  complete: boolean;
  previousComplete: boolean;
  forecast: ForecastInfo | null;
  rows: FollowUpRow[];
  total: FollowUpRow;
  issues: Issue[];
};

/** The outcome column's heading as the reports write it: "Bokslut 2021", "Utfall jan–apr", or just "Utfall". */
export function outcomeHeading(f: Pick<FollowUp, "year" | "throughMonth" | "periodLabel" | "complete">): string {
  if (f.complete) return `Bokslut ${f.year}`;
  return f.throughMonth === 0 ? "Utfall" : `Utfall ${f.periodLabel}`;
}

const followUpColumns = [
  { key: "bokslutPrevKr", label: "Bokslut föregående år" },
  { key: "budgetKr", label: "Budget" },
  { key: "prognosKr", label: "Prognos" },
  { key: "nettoKr", label: "Bokslut/utfall" },
  { key: "avvikelseKr", label: "Avvikelse" },
  { key: "prognosAvvikelseKr", label: "Prognosavvikelse" },
] as const;

/** The latest forecast (by date) that has any figures; the one a follow-up shows by default. */
function latestForecast(data: YearData): ForecastInfo | null {
  const withFigures = data.forecasts.filter((f) => data.figures.some((x) => x.forecastId === f.id));
  return withFigures.sort((a, b) => b.asOf.localeCompare(a.asOf))[0] ?? null;
}

/** As the tkr table a reader sees it, for re-adding. */
function followUpTable(caption: string, rows: FollowUpRow[], total: FollowUpRow, complete: boolean): ReportTable {
  const present = (r: FollowUpRow) => ({
    label: r.name,
    values: Object.fromEntries(followUpColumns.map((c) => [c.key, tkr(r[c.key])])),
  });
  return {
    caption,
    rounded: true,
    columns: followUpColumns.map((c) => ({ key: c.key, label: c.label })),
    rows: rows.map(present),
    total: present(total),
    // Avvikelse is only shown for a closed year; before that the outcome so far is not comparable with the budget.
    identities: [
      ...(complete ? [{ column: "avvikelseKr", plus: ["nettoKr"], minus: ["budgetKr"] }] : []),
      { column: "prognosAvvikelseKr", plus: ["prognosKr"], minus: ["budgetKr"] },
    ],
  };
}

/** Budget follow-up per level: Bokslut Y-1 | Budget Y | Prognos | Bokslut Y | Avvikelse, with a computed sum row. */
export function buildFollowUp(
  current: YearData,
  previous: YearData | null,
  options: { forecastId?: string; throughMonth?: number } = {},
): FollowUp {
  const coverage = outcomeThrough(current);
  const throughMonth = Math.min(options.throughMonth ?? coverage, coverage);
  const complete = throughMonth === 12;
  const previousComplete = previous !== null && outcomeThrough(previous) === 12;
  const forecast = options.forecastId
    ? (current.forecasts.find((f) => f.id === options.forecastId) ?? null)
    : latestForecast(current);
  const issues: Issue[] = [];

  const prevLeft = previousComplete && previous ? [...previous.levels] : [];
  const prevNetto = (level: LevelInfo) => (previous ? levelAmounts(previous, level.id, 12).nettoKr : null);

  const decided = new Map<string, number>();
  for (const line of current.decidedReallocations)
    decided.set(line.levelId, (decided.get(line.levelId) ?? 0) + line.amountKr);

  const rows: FollowUpRow[] = [...current.levels]
    .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, "sv"))
    .map((level) => {
      const a = levelAmounts(current, level.id, throughMonth);
      const prev = matchPrevious(level, prevLeft);
      if (prev) prevLeft.splice(prevLeft.indexOf(prev), 1);
      const prognosKr = forecast ? amountThrough(rowsOf(current, level.id, "prognos", forecast.id), 12) : null;
      const reallocated = decided.get(level.id) ?? 0;
      checkReallocation(issues, level.name, a, reallocated);
      return {
        levelId: level.id,
        name: level.name,
        orgNodeId: level.targetOrgNodeId,
        bokslutPrevKr: prev ? prevNetto(prev) : null,
        budgetOriginalKr: a.budgetOriginalKr,
        ombudgeteringKr: difference(a.budgetRevisedKr, a.budgetOriginalKr),
        budgetKr: a.budgetKr,
        prognosKr,
        intakterKr: a.intakterKr,
        kostnaderKr: a.kostnaderKr,
        nettoKr: a.nettoKr,
        avvikelseKr: complete ? difference(a.nettoKr, a.budgetKr) : null,
        prognosAvvikelseKr: difference(prognosKr, a.budgetKr),
      };
    });

  // Last year's levels that have no counterpart keep the previous-year column adding up to last year's total.
  const unmatchedPrev = sumKronor(prevLeft.map(prevNetto));
  if (unmatchedPrev !== null) {
    rows.push({
      ...emptyRow("Ej jämförbart med föregående års nivåer"),
      bokslutPrevKr: unmatchedPrev,
    });
    issues.push({
      severity: "info",
      code: "column_sum",
      row: "Ej jämförbart med föregående års nivåer",
      message: `Föregående års nivåer ${prevLeft.map((l) => l.name).join(", ")} saknar motsvarighet i år; deras bokslut (${showTkr(unmatchedPrev)}) visas på egen rad.`,
    });
  }

  const total = sumRow("Summa", rows);
  if (current.frameKr !== null && total.budgetOriginalKr !== null && total.budgetOriginalKr + current.frameKr !== 0) {
    issues.push({
      severity: "error",
      code: "frame",
      row: "Summa",
      column: "Budget",
      stated: tkr(-current.frameKr),
      computed: tkr(total.budgetOriginalKr),
      message: `Nivåernas ursprungliga budget summerar till ${showTkr(total.budgetOriginalKr)} men ramen är ${showTkr(-current.frameKr)} (differens ${showTkr(total.budgetOriginalKr + current.frameKr)}).`,
    });
  }
  issues.push(...checkTable(followUpTable(`Budgetuppföljning ${current.year}`, rows, total, complete)));
  return {
    year: current.year,
    throughMonth,
    periodLabel: throughMonth === 0 ? "inget utfall" : windowLabel(throughMonth),
    complete,
    previousComplete,
    forecast,
    rows,
    total,
    issues,
  };
}

function checkReallocation(issues: Issue[], name: string, a: LevelAmounts, reallocated: number) {
  if (a.budgetOriginalKr === null) return;
  // A frame increase makes the (negative) netto budget larger in size: revised = original − change.
  const expected = a.budgetOriginalKr - reallocated;
  if (a.budgetRevisedKr === null) {
    if (reallocated !== 0) {
      issues.push({
        severity: "error",
        code: "reallocation",
        row: name,
        column: "Budget",
        message: `${name}: beslutade ombudgeteringar (${showTkr(reallocated)}) syns inte i budgeten; budget efter ombudgetering saknas.`,
      });
    }
    return;
  }
  if (a.budgetRevisedKr !== expected) {
    issues.push({
      severity: "error",
      code: "reallocation",
      row: name,
      column: "Budget",
      stated: tkr(a.budgetRevisedKr),
      computed: tkr(expected),
      message: `${name}: budget efter ombudgetering är ${showTkr(a.budgetRevisedKr)} men ursprunglig budget och beslutade ombudgeteringar ger ${showTkr(expected)}.`,
    });
  }
}

function emptyRow(name: string): FollowUpRow {
  return {
    levelId: null,
    name,
    orgNodeId: null,
    bokslutPrevKr: null,
    budgetOriginalKr: null,
    ombudgeteringKr: null,
    budgetKr: null,
    prognosKr: null,
    intakterKr: null,
    kostnaderKr: null,
    nettoKr: null,
    avvikelseKr: null,
    prognosAvvikelseKr: null,
  };
}

function sumRow(name: string, rows: FollowUpRow[]): FollowUpRow {
  const total = emptyRow(name);
  for (const key of Object.keys(total) as Array<keyof FollowUpRow>) {
    if (key === "levelId" || key === "name" || key === "orgNodeId") continue;
    total[key] = sumKronor(rows.map((r) => r[key]));
  }
  return total;
}

export type SummaryYear = {
  year: number;
  complete: boolean;
  intakterKr: number | null;
  kostnaderKr: number | null;
  nettoKr: number | null;
  budgetKr: number | null;
  avvikelseKr: number | null;
  investeringarNettoKr: number | null;
};

/** The annual report's economic summary (Y-2..Y): totals over all levels of each year. */
export function buildSummary(years: YearData[], investmentNetto: Map<number, number | null>) {
  const result: SummaryYear[] = [...years]
    .sort((a, b) => a.year - b.year)
    .map((data) => {
      const complete = outcomeThrough(data) === 12;
      const amounts = data.levels.map((l) => levelAmounts(data, l.id, 12));
      const nettoKr = complete ? sumKronor(amounts.map((a) => a.nettoKr)) : null;
      const budgetKr = sumKronor(amounts.map((a) => a.budgetKr));
      return {
        year: data.year,
        complete,
        intakterKr: complete ? sumKronor(amounts.map((a) => a.intakterKr)) : null,
        kostnaderKr: complete ? sumKronor(amounts.map((a) => a.kostnaderKr)) : null,
        nettoKr,
        budgetKr,
        avvikelseKr: difference(nettoKr, budgetKr),
        investeringarNettoKr: investmentNetto.get(data.year) ?? null,
      };
    });
  const columns = [
    { key: "intakterKr", label: "Intäkter" },
    { key: "kostnaderKr", label: "Kostnader" },
    { key: "nettoKr", label: "Nettokostnad" },
    { key: "budgetKr", label: "Budget" },
    { key: "avvikelseKr", label: "Avvikelse" },
  ] as const;
  const issues = result.flatMap((y) => {
    const row = { label: String(y.year), values: Object.fromEntries(columns.map((c) => [c.key, tkr(y[c.key])])) };
    return checkTable({
      caption: `Ekonomisk sammanfattning ${y.year}`,
      rounded: true,
      columns: [...columns],
      rows: [row],
      total: row,
      identities: [
        { column: "nettoKr", plus: ["intakterKr", "kostnaderKr"] },
        { column: "avvikelseKr", plus: ["nettoKr"], minus: ["budgetKr"] },
      ],
    });
  });
  return { years: result, issues };
}

export type ForecastAccuracy = {
  forecast: ForecastInfo;
  prognosKr: number | null;
  utfallKr: number | null;
  budgetKr: number | null;
  /** prognos − utfall: positive means the forecast was more optimistic than the outcome. */
  differensKr: number | null;
  /** differens in percent of the size of the outcome (netto). */
  differensProcent: number | null;
  prognosAvvikelseKr: number | null;
  avvikelseKr: number | null;
  missingLevels: string[];
  levels: Array<{
    levelId: string;
    name: string;
    prognosKr: number | null;
    utfallKr: number | null;
    differensKr: number | null;
    differensProcent: number | null;
  }>;
};

/** Prognossäkerhet: each forecast of the year against the final outcome, in kronor and percent. */
export function buildForecastAccuracy(data: YearData): {
  year: number;
  complete: boolean;
  forecasts: ForecastAccuracy[];
} {
  const complete = outcomeThrough(data) === 12;
  const forecasts = [...data.forecasts]
    .sort((a, b) => a.asOf.localeCompare(b.asOf))
    .map((forecast) => {
      const levels = data.levels.map((level) => {
        const a = levelAmounts(data, level.id, 12);
        const prognosKr = amountThrough(rowsOf(data, level.id, "prognos", forecast.id), 12);
        const utfallKr = complete ? a.nettoKr : null;
        const differensKr = difference(prognosKr, utfallKr);
        return {
          levelId: level.id,
          name: level.name,
          prognosKr,
          utfallKr,
          budgetKr: a.budgetKr,
          differensKr,
          differensProcent:
            differensKr === null || utfallKr === null ? null : percentOf(differensKr, Math.abs(utfallKr)),
        };
      });
      const prognosKr = sumKronor(levels.map((l) => l.prognosKr));
      const utfallKr = complete ? sumKronor(levels.map((l) => l.utfallKr)) : null;
      const budgetKr = sumKronor(levels.map((l) => l.budgetKr));
      const differensKr = difference(prognosKr, utfallKr);
      return {
        forecast,
        prognosKr,
        utfallKr,
        budgetKr,
        differensKr,
        differensProcent: differensKr === null || utfallKr === null ? null : percentOf(differensKr, Math.abs(utfallKr)),
        prognosAvvikelseKr: difference(prognosKr, budgetKr),
        avvikelseKr: difference(utfallKr, budgetKr),
        missingLevels: levels.filter((l) => l.prognosKr === null && l.budgetKr !== null).map((l) => l.name),
        levels: levels.map(({ budgetKr: _budget, ...rest }) => rest),
      };
    });
  return { year: data.year, complete, forecasts };
}

export type BudgetSplit = {
  year: number;
  basis: "original" | "revised";
  totalKr: number | null;
  frameKr: number | null;
  parts: Array<{ levelId: string; name: string; amountKr: number; shareTenths: number | null }>;
  issues: Issue[];
};

/**
 * "På en minut": how the budget is split over the levels, as positive allocations. Shares are in tenths
 * of a percent and add up to exactly 100,0; the total is the sum of the parts and is checked against the frame.
 */
export function buildBudgetSplit(data: YearData, basis: "original" | "revised" = "original"): BudgetSplit {
  const parts = [...data.levels]
    .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, "sv"))
    .flatMap((level) => {
      const a = levelAmounts(data, level.id, 12);
      const budget = basis === "original" ? a.budgetOriginalKr : a.budgetKr;
      return budget === null ? [] : [{ levelId: level.id, name: level.name, amountKr: -budget }];
    });
  const positive = parts.map((p) => Math.max(0, p.amountKr));
  const shares = splitByShares(1000, positive);
  const totalKr = sumKronor(parts.map((p) => p.amountKr));
  const issues: Issue[] = [];
  for (const p of parts.filter((x) => x.amountKr <= 0)) {
    issues.push({
      severity: "info",
      code: "column_sum",
      row: p.name,
      message: `${p.name} har en nettointäktsbudget (${showTkr(p.amountKr)}) och kan inte visas som andel i diagrammet; den ingår i summan.`,
    });
  }
  if (data.frameKr !== null && totalKr !== null && totalKr !== data.frameKr) {
    issues.push({
      severity: "error",
      code: "frame",
      row: "Summa",
      stated: tkr(data.frameKr),
      computed: tkr(totalKr),
      message: `Delarna summerar till ${showTkr(totalKr)} men ramen är ${showTkr(data.frameKr)}.`,
    });
  }
  return {
    year: data.year,
    basis,
    totalKr,
    frameKr: data.frameKr,
    parts: parts.map((p, i) => ({ ...p, shareTenths: p.amountKr > 0 ? (shares[i] ?? 0) : null })),
    issues,
  };
}

export const investmentCategories = ["lopande", "ovrig"] as const;
export type InvestmentCategory = (typeof investmentCategories)[number];
export const investmentCategoryLabels: Record<InvestmentCategory, string> = {
  lopande: "Löpande årliga investeringar",
  ovrig: "Övriga investeringar",
};

export type InvestmentAmounts = {
  budgetInkomsterKr: number | null;
  budgetUtgifterKr: number | null;
  bokslutInkomsterKr: number | null;
  bokslutUtgifterKr: number | null;
};
export type InvestmentLine = InvestmentAmounts & { id: string; category: InvestmentCategory; name: string };

/** inkomster − utgifter (both stored as positive sizes). */
const investmentNetto = (inkomster: number | null, utgifter: number | null) =>
  sumKronor([inkomster, utgifter === null ? null : -utgifter]);

function withNetto<T extends InvestmentAmounts>(x: T) {
  const budgetNettoKr = investmentNetto(x.budgetInkomsterKr, x.budgetUtgifterKr);
  const bokslutNettoKr = investmentNetto(x.bokslutInkomsterKr, x.bokslutUtgifterKr);
  return { ...x, budgetNettoKr, bokslutNettoKr, avvikelseKr: difference(bokslutNettoKr, budgetNettoKr) };
}

function sumAmounts(lines: InvestmentAmounts[]): InvestmentAmounts {
  return {
    budgetInkomsterKr: sumKronor(lines.map((l) => l.budgetInkomsterKr)),
    budgetUtgifterKr: sumKronor(lines.map((l) => l.budgetUtgifterKr)),
    bokslutInkomsterKr: sumKronor(lines.map((l) => l.bokslutInkomsterKr)),
    bokslutUtgifterKr: sumKronor(lines.map((l) => l.bokslutUtgifterKr)),
  };
}

/** Investments per category with computed subtotals and total: budget vs bokslut, inkomster/utgifter/netto. */
export function buildInvestmentReport<L extends InvestmentLine>(lines: L[]) {
  const categories = investmentCategories.map((category) => {
    const own = lines.filter((l) => l.category === category);
    return {
      category,
      label: investmentCategoryLabels[category],
      lines: own.map(withNetto),
      ...withNetto(sumAmounts(own)),
    };
  });
  return { categories, total: withNetto(sumAmounts(lines)) };
}

export const fundEntryKinds = ["ingaende", "disposition", "ianspraktagande", "justering"] as const;
export type FundEntryKind = (typeof fundEntryKinds)[number];
export const fundEntryKindLabels: Record<FundEntryKind, string> = {
  ingaende: "Ingående balans",
  disposition: "Resultatdisposition",
  ianspraktagande: "Ianspråktagande",
  justering: "Justering",
};
export type FundEntry = {
  id: string;
  year: number;
  kind: FundEntryKind;
  amountKr: number;
  decisionRef: string;
  decidedOn: string;
  decidedBy: string;
  note: string | null;
};

export type FundYear<E extends FundEntry = FundEntry> = {
  year: number;
  /** The year's result against budget (avvikelse), null until the year is closed. */
  resultKr: number | null;
  openingKr: number;
  disposalKr: number | null;
  usageKr: number;
  otherKr: number;
  closingKr: number;
  entries: E[];
};

/** Resultatfond balance year by year: opening + disposal of the year's result + usage + adjustments. */
export function buildFundLedger<E extends FundEntry>(
  results: Array<{ year: number; resultKr: number | null }>,
  entries: E[],
) {
  const years = [...new Set([...results.map((r) => r.year), ...entries.map((e) => e.year)])].sort((a, b) => a - b);
  let balance = 0;
  const ledger: FundYear<E>[] = years.map((year) => {
    const own = entries.filter((e) => e.year === year).sort((a, b) => a.decidedOn.localeCompare(b.decidedOn));
    const sumOf = (kinds: FundEntryKind[]) =>
      own.filter((e) => kinds.includes(e.kind)).reduce((total, e) => total + e.amountKr, 0);
    const disposal = own.find((e) => e.kind === "disposition");
    const openingKr = balance;
    balance += own.reduce((total, e) => total + e.amountKr, 0);
    return {
      year,
      resultKr: results.find((r) => r.year === year)?.resultKr ?? null,
      openingKr,
      disposalKr: disposal ? disposal.amountKr : null,
      usageKr: sumOf(["ianspraktagande"]),
      otherKr: sumOf(["ingaende", "justering"]),
      closingKr: balance,
      entries: own,
    };
  });
  return { years: ledger, balanceKr: balance };
}

/** A disposal carries part or all of a closed year's result, with the same sign. Returns the Swedish objection, if any. */
export function disposalProblem(resultKr: number | null, amountKr: number): string | null {
  if (resultKr === null) {
    return "Årets resultat är inte klart (utfall saknas för hela året); dispositionen kan inte beslutas än.";
  }
  if (amountKr === 0) return "En disposition på 0 kr behöver inte registreras.";
  if (resultKr === 0) return "Året slutade i nivå med budget; det finns inget resultat att disponera.";
  if (Math.sign(amountKr) !== Math.sign(resultKr)) {
    return `Dispositionen ska ha samma tecken som årets resultat (${showTkr(resultKr)}).`;
  }
  if (Math.abs(amountKr) > Math.abs(resultKr)) {
    return `Dispositionen (${showTkr(amountKr)}) är större än årets resultat (${showTkr(resultKr)}).`;
  }
  return null;
}

/** Money can be taken from the fund only while the fund has it. */
export function usageProblem(balanceKr: number, amountKr: number): string | null {
  if (amountKr >= 0) return "Ianspråktagande minskar fonden och anges som ett negativt belopp.";
  if (balanceKr + amountKr < 0) {
    return `Resultatfonden har ${showTkr(balanceKr)}; ${showTkr(-amountKr)} kan inte tas i anspråk.`;
  }
  return null;
}
