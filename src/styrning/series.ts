// Reads an indicator's stored values as the rules and the annual-report table need them. Pure.

import type { RowOutcome } from "./assessment.ts";
import { comparePeriods, type PeriodType, parsePeriod, periodMatchesType, previousYearPeriod } from "./period.ts";
import type { Gender, GenderSplit } from "./vocabulary.ts";

export type SeriesValue = {
  period: string;
  gender: string;
  state: string;
  value: number | null;
  statusCode: string | null;
};

const outcome = (v: SeriesValue | undefined): number | string | null =>
  v && v.state === "value" ? (v.value ?? v.statusCode) : null;

const ownValues = <V extends SeriesValue>(values: readonly V[], gender: Gender, periodType: PeriodType) =>
  values
    .filter((v) => v.gender === gender && periodMatchesType(v.period, periodType))
    .sort((a, b) => comparePeriods(a.period, b.period));

/**
 * The value an indicator shows for a year: the year itself, or for sub-year indicators the latest
 * period of that year that has been recorded (state included, so "ej publicerat" shows as such).
 */
export function cellFor<V extends SeriesValue>(
  values: readonly V[],
  gender: Gender,
  year: number,
  periodType: PeriodType,
): V | undefined {
  return ownValues(values, gender, periodType)
    .filter((v) => parsePeriod(v.period)?.year === year)
    .at(-1);
}

/** Rows shown for an indicator: the split's genders, plus a total when one was recorded. */
export function displayGenders(split: GenderSplit, values: readonly SeriesValue[]): Gender[] {
  if (split === "total") return ["T"];
  return values.some((v) => v.gender === "T") ? ["T", "K", "M"] : ["K", "M"];
}

/** Outcome per row at an assessment period: the latest value of the indicator's own period type up to it. */
export function rowOutcomes(
  values: readonly SeriesValue[],
  genders: readonly Gender[],
  periodType: PeriodType,
  assessmentPeriod: string,
): RowOutcome[] {
  const at = parsePeriod(assessmentPeriod);
  return genders.map((gender) => {
    const own = ownValues(values, gender, periodType).filter((v) => v.state === "value");
    const current = at
      ? own
          .filter((v) => parsePeriod(v.period)?.year === at.year && comparePeriods(v.period, assessmentPeriod) <= 0)
          .at(-1)
      : undefined;
    const previousKey = current ? previousYearPeriod(current.period) : null;
    return {
      gender,
      current: outcome(current),
      previous: outcome(own.find((v) => v.period === previousKey)),
    };
  });
}

/** A year's numeric outcome for a row (for relative targets such as "Lägre än utfallet 2021"). */
export function numericOutcomeOf(
  values: readonly SeriesValue[],
  gender: Gender,
  year: number,
  periodType: PeriodType,
): number | null {
  const cell = cellFor(values, gender, year, periodType);
  return cell?.state === "value" ? cell.value : null;
}

/** The latest numeric outcome recorded before a year. */
export function latestBefore(
  values: readonly SeriesValue[],
  gender: Gender,
  year: number,
  periodType: PeriodType,
): { year: number; value: number } | null {
  const found = ownValues(values, gender, periodType)
    .filter((v) => v.state === "value" && v.value !== null && (parsePeriod(v.period)?.year ?? year) < year)
    .at(-1);
  return found && found.value !== null ? { year: Number(found.period.slice(0, 4)), value: found.value } : null;
}
