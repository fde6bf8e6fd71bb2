import { monthNames } from "../platform/i18n/format.ts";
// Periods of a budget year: months, tertials (the interim reports at April and August) and the whole year.
// Figures for one level and kind are stored at a single granularity, so any window that the stored
// periods tile can be summed exactly, and one that cuts through a stored period is refused (null).

export const periodTypes = ["month", "tertial", "year"] as const;
export type PeriodType = (typeof periodTypes)[number];
export type Period = { periodType: PeriodType; periodNo: number };

export function isValidPeriod(p: Period): boolean {
  if (!Number.isInteger(p.periodNo)) return false;
  if (p.periodType === "year") return p.periodNo === 0;
  if (p.periodType === "tertial") return p.periodNo >= 1 && p.periodNo <= 3;
  return p.periodNo >= 1 && p.periodNo <= 12;
}

/** First and last month a period covers. */
function monthsOf(p: Period): [number, number] {
  if (p.periodType === "year") return [1, 12];
  if (p.periodType === "tertial") return [(p.periodNo - 1) * 4 + 1, p.periodNo * 4];
  return [p.periodNo, p.periodNo];
}

const short = (month: number) => (monthNames[month - 1] ?? "").slice(0, 3);

/** "jan–apr", or "helår" when the window is the whole year. */
export const windowLabel = (throughMonth: number) => (throughMonth >= 12 ? "helår" : `jan–${short(throughMonth)}`);

/** "april 2023", "tertial 1 2023", "helår 2023": a stored period as people name it. */
export function periodName(p: Period, year: number): string {
  if (p.periodType === "year") return `helår ${year}`;
  if (p.periodType === "tertial") return `tertial ${p.periodNo} ${year}`;
  return `${monthNames[p.periodNo - 1] ?? p.periodNo} ${year}`;
}

/** The one granularity of a set of periods, or "mixed". */
export function granularityOf(periods: readonly Period[]): PeriodType | "mixed" | null {
  const types = new Set(periods.map((p) => p.periodType));
  if (types.size === 0) return null;
  if (types.size > 1) return "mixed";
  return [...types][0] as PeriodType;
}

/** Last month covered by any of the periods (0 when none): how far the outcome has come. */
export const coveredThrough = (periods: readonly Period[]) => Math.max(0, ...periods.map((p) => monthsOf(p)[1]));

/**
 * Sum of the amounts for January through `throughMonth`, or null when there are none or the window
 * cuts a stored period in two (a tertial or year cannot be split into months).
 */
export function amountThrough<T extends Period & { amountKr: number }>(
  rows: readonly T[],
  throughMonth: number,
): number | null {
  let total: number | null = null;
  for (const row of rows) {
    const [first, last] = monthsOf(row);
    if (first > throughMonth) continue;
    if (last > throughMonth) return null;
    total = (total ?? 0) + row.amountKr;
  }
  return total;
}
