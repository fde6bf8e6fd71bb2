// Ekonomi's public reads shaped as the report's source tables (money in kronor): the annual summary
// Y-2..Y, the drift table per verksamhetsområde and prognossäkerhet. Pure: the service does the reading.
import type {
  followUp as FollowUp,
  forecastAccuracy as ForecastAccuracy,
  summary as Summary,
} from "../ekonomi/index.ts";
import type { SourceTable } from "./model.ts";

type FollowUpData = Awaited<ReturnType<typeof FollowUp>>;
type SummaryData = Awaited<ReturnType<typeof Summary>>;
type AccuracyData = Awaited<ReturnType<typeof ForecastAccuracy>>;

/** A stable key for a row named by data ("Myndighet stöd och behandling" → "myndighet-stod-och-behandling"). */
export function rowKey(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40);
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
    })),
    sums: [
      { axis: "rows", total: "netto", plus: ["intakter", "kostnader"], minus: [] },
      { axis: "rows", total: "avvikelse", plus: ["netto"], minus: ["budget"] },
    ],
  };
}

/** Drift: Bokslut Y-1 | Budget Y | Bokslut Y | Avvikelse per verksamhetsområde, and Summa. */
export function driftTable(data: FollowUpData, period: number): SourceTable {
  const values = (r: FollowUpData["total"]) => ({
    "bokslut-foreg": r.bokslutPrevKr,
    budget: r.budgetKr,
    bokslut: r.nettoKr,
    avvikelse: r.avvikelseKr,
  });
  const rows = data.rows.map((r) => ({ key: rowKey(r.name), label: r.name, total: false, values: values(r) }));
  return {
    unit: "kr",
    columns: [
      { key: "bokslut-foreg", year: period - 1 },
      { key: "budget", year: period },
      { key: "bokslut", year: period },
      { key: "avvikelse", year: period },
    ],
    rows: [...rows, { key: "summa", label: "Summa", total: true, values: values(data.total) }],
    sums: [
      { axis: "rows", total: "summa", plus: rows.map((r) => r.key), minus: [] },
      { axis: "columns", total: "avvikelse", plus: ["bokslut"], minus: ["budget"] },
    ],
  };
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
      { key: "bokslut", label: "Bokslut", total: false, values: { avvikelse: outcome.total.avvikelseKr } },
    ],
    sums: [],
  };
}
