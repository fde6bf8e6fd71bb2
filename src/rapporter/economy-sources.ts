// Ekonomi's public reads shaped as the report's source tables (money in kronor): the annual summary
// Y-2..Y, the drift table per verksamhetsområde and prognossäkerhet. Pure: the service does the reading.
import type {
  budgetSplit as BudgetSplit,
  followUp as FollowUp,
  forecastAccuracy as ForecastAccuracy,
  investments as Investments,
  summary as Summary,
} from "../ekonomi/index.ts";
import type { SourceTable } from "./model.ts";

type FollowUpData = Awaited<ReturnType<typeof FollowUp>>;
type SummaryData = Awaited<ReturnType<typeof Summary>>;
type AccuracyData = Awaited<ReturnType<typeof ForecastAccuracy>>;
type BudgetSplitData = Awaited<ReturnType<typeof BudgetSplit>>;
type InvestmentData = Awaited<ReturnType<typeof Investments>>;

/** The name of one yearly measure of the nämnd's economy, wherever a table shows it. */
const measure = (name: string, year: number) => `ekonomi.${name}.${year}`;

/** A stable key for a row named by data ("Myndighet stöd och behandling" → "myndighet-stod-och-behandling"). */
export function rowKey(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40)
    .replace(/-$/, "");
}

/** Ekonomiskt utfall: one column per year Y-2..Y ("ar-2", "ar-1", "ar"), one row per measure. */
export function summaryTable(data: SummaryData, period: number): SourceTable {
  const years = [period - 2, period - 1, period];
  const key = (year: number) => (year === period ? "ar" : `ar-${period - year}`);
  const measures = [
    ["intakter", "Intäkter", "intakterKr"],
    ["kostnader", "Kostnader", "kostnaderKr"],
    ["netto", "Nettokostnad", "nettoKr"],
    ["budget", "Budget", "budgetKr"],
    ["avvikelse", "Avvikelse mot budget", "avvikelseKr"],
    ["investeringar", "Investeringar, netto", "investeringarNettoKr"],
  ] as const;
  return {
    unit: "kr",
    columns: years.map((year) => ({ key: key(year), year })),
    rows: measures.map(([rowKey, label, field]) => ({
      key: rowKey,
      label,
      total: false,
      values: Object.fromEntries(years.map((y) => [key(y), data.years.find((d) => d.year === y)?.[field] ?? null])),
      measures: Object.fromEntries(years.map((y) => [key(y), measure(rowKey, y)])),
    })),
    sums: [
      { axis: "rows", total: "netto", plus: ["intakter", "kostnader"], minus: [] },
      { axis: "rows", total: "avvikelse", plus: ["netto"], minus: ["budget"] },
    ],
  };
}

/** Bokslut Y-1 | Budget Y | Bokslut Y | Avvikelse: the columns of the drift and investment tables. */
const bokslutColumns = (period: number) => [
  { key: "bokslut-foreg", year: period - 1 },
  { key: "budget", year: period },
  { key: "bokslut", year: period },
  { key: "avvikelse", year: period },
];

/**
 * One row per verksamhetsområde of ekonomi's follow-up and their Summa (carrying `measures`), the rows summing
 * to it and Avvikelse = `outcome` − Budget along each row.
 */
function perArea(
  data: FollowUpData,
  columns: SourceTable["columns"],
  values: (r: FollowUpData["total"]) => SourceTable["rows"][number]["values"],
  measures: Record<string, string>,
  outcome: string,
): SourceTable {
  const rows = data.rows.map((r) => ({ key: rowKey(r.name), label: r.name, total: false, values: values(r) }));
  return {
    unit: "kr",
    columns,
    rows: [...rows, { key: "summa", label: "Summa", total: true, values: values(data.total), measures }],
    sums: [
      { axis: "rows", total: "summa", plus: rows.map((r) => r.key), minus: [] },
      { axis: "columns", total: "avvikelse", plus: [outcome], minus: ["budget"] },
    ],
  };
}

/** Drift: Bokslut Y-1 | Budget Y | Bokslut Y | Avvikelse per verksamhetsområde, and Summa. */
export function driftTable(data: FollowUpData, period: number): SourceTable {
  return perArea(
    data,
    bokslutColumns(period),
    (r) => ({ "bokslut-foreg": r.bokslutPrevKr, budget: r.budgetKr, bokslut: r.nettoKr, avvikelse: r.avvikelseKr }),
    {
      "bokslut-foreg": measure("netto", period - 1),
      budget: measure("budget", period),
      bokslut: measure("netto", period),
      avvikelse: measure("avvikelse", period),
    },
    "bokslut",
  );
}

/**
 * Prognossäkerhet: each forecast's deviation from budget, then the final outcome's (Bokslut), so the reader
 * sees how the year's forecasts moved towards the result.
 */
export function forecastTable(accuracy: AccuracyData, outcome: FollowUpData, period: number): SourceTable {
  const year = accuracy.years.find((y) => y.year === period);
  const forecasts = (year?.forecasts ?? []).map((f) => ({
    key: rowKey(f.forecast.name),
    label: f.forecast.name,
    total: false,
    values: { avvikelse: f.prognosAvvikelseKr },
  }));
  return {
    unit: "kr",
    columns: [{ key: "avvikelse", year: period }],
    rows: [
      ...forecasts,
      {
        key: "bokslut",
        label: "Bokslut",
        total: false,
        values: { avvikelse: outcome.total.avvikelseKr },
        measures: { avvikelse: measure("avvikelse", period) },
      },
    ],
    sums: [],
  };
}

/**
 * Investeringar: netto per category (Löpande, …) Bokslut Y-1 | Budget Y | Bokslut Y | Avvikelse, and Summa.
 * Categories without a line in either year are left out.
 */
export function investmentTable(previous: InvestmentData, current: InvestmentData, period: number): SourceTable {
  const values = (prev: InvestmentData["total"] | undefined, now: InvestmentData["total"] | undefined) => ({
    "bokslut-foreg": prev?.bokslutNettoKr ?? null,
    budget: now?.budgetNettoKr ?? null,
    bokslut: now?.bokslutNettoKr ?? null,
    avvikelse: now?.avvikelseKr ?? null,
  });
  const rows = current.categories
    .map((c) => ({ c, prev: previous.categories.find((p) => p.category === c.category) }))
    .filter(({ c, prev }) => c.lines.length || prev?.lines.length)
    .map(({ c, prev }) => ({ key: rowKey(c.label), label: c.label, total: false, values: values(prev, c) }));
  return {
    unit: "kr",
    columns: bokslutColumns(period),
    rows: [
      ...rows,
      {
        key: "summa",
        label: "Summa",
        total: true,
        values: values(previous.total, current.total),
        measures: { "bokslut-foreg": measure("investeringar", period - 1), bokslut: measure("investeringar", period) },
      },
    ],
    sums: [
      { axis: "rows", total: "summa", plus: rows.map((r) => r.key), minus: [] },
      { axis: "columns", total: "avvikelse", plus: ["bokslut"], minus: ["budget"] },
    ],
  };
}

/** Budgetfördelning ("på en minut"): the year's budget per verksamhetsområde as positive allocations, and Summa. */
export function budgetSplitTable(data: BudgetSplitData, period: number): SourceTable {
  const rows = data.parts.map((p) => ({
    key: rowKey(p.name),
    label: p.name,
    total: false,
    values: { budget: p.amountKr },
  }));
  return {
    unit: "kr",
    columns: [{ key: "budget", year: period }],
    rows: [...rows, { key: "summa", label: "Summa", total: true, values: { budget: data.totalKr } }],
    sums: [{ axis: "rows", total: "summa", plus: rows.map((r) => r.key), minus: [] }],
  };
}

/**
 * Delårsrapport: per verksamhetsområde Budget Y | Utfall to the period's end | Helårsprognos | Avvikelse
 * (prognos − budget), and Summa. `data` is the follow-up through the period's last month with the forecast made
 * at its end; the outcome to date is empty where ekonomi holds no monthly or tertial outcome that far.
 */
export function interimTable(data: FollowUpData, period: number): SourceTable {
  return perArea(
    data,
    ["budget", "utfall", "prognos", "avvikelse"].map((key) => ({ key, year: period })),
    (r) => ({ budget: r.budgetKr, utfall: r.nettoKr, prognos: r.prognosKr, avvikelse: r.prognosAvvikelseKr }),
    { budget: measure("budget", period) },
    "prognos",
  );
}
