// The quality dashboard's trends over the last TREND_YEARS years for an org node: avvikelser per quarter
// (and per type group), lex Sarah reports per year and decisions per outcome, the diarium's klagomål per
// year and category with the share answered within 10 days (counted as in the joint view), and open åtgärder at each quarter's end.
// Pure, on counts the registers' repositories have grouped; the small-count rule as in the joint view.

import { quarterEnd, quarterStart } from "../../platform/calendar.ts";
import type { Counted } from "../klagomal/statistics.ts";
import type { AtgardStatus } from "../kvalitetsplan/vocabulary.ts";
import { isClosedStatus } from "../kvalitetsplan/vocabulary.ts";
import { type Outcome, outcomes } from "../lex-sarah/vocabulary.ts";
import { type CodeCount, type Quarters, quartersOf, type UnitQuarterCount } from "../statistics.ts";
import { type TypeGroup, typeGroups } from "../vocabulary.ts";
import { klagomalSection } from "./overview.ts";
import { type Shown, shownCount, shownParts } from "./small-counts.ts";

export const TREND_YEARS = 3;

/** The years of the trend, oldest first, ending with `toYear`. */
export const trendYears = (toYear: number) =>
  Array.from({ length: TREND_YEARS }, (_, i) => toYear - TREND_YEARS + 1 + i);

const sum = (ns: readonly number[]) => ns.reduce((a, b) => a + b, 0);

export type YearEvents = {
  year: number;
  events: readonly UnitQuarterCount[];
  /** Per chosen type (multi-select): a händelse with two types of a group counts twice in it. */
  types: readonly CodeCount[];
};

/** Avvikelser per quarter of each year (of occurrence), in all and per type group. */
export function eventQuarters(
  years: readonly YearEvents[],
  groupOf: ReadonlyMap<string, TypeGroup>,
  recordAccess: boolean,
) {
  return years.flatMap((y) => {
    const totals = quartersOf(y.events);
    const groups = Object.fromEntries(
      typeGroups.map((g) => [g, quartersOf(y.types.filter((t) => groupOf.get(t.code) === g))]),
    ) as Record<TypeGroup, Quarters>;
    return totals.map((total, i) => ({
      year: y.year,
      quarter: i + 1,
      total: shownCount(total, recordAccess),
      byGroup: Object.fromEntries(typeGroups.map((g) => [g, shownCount(groups[g][i] ?? 0, recordAccess)])) as Record<
        TypeGroup,
        Shown
      >,
    }));
  });
}

export type YearLexSarah = {
  year: number;
  reports: number;
  /** Cases decided in the year (whatever their report year), per outcome. */
  decided: readonly { outcome: Outcome; count: number }[];
};

export function lexSarahYears(years: readonly YearLexSarah[], recordAccess: boolean) {
  return years.map((y) => {
    const counts = outcomes.map((o) => sum(y.decided.filter((d) => d.outcome === o).map((d) => d.count)));
    const decided = sum(counts);
    const shown = shownParts(counts, decided, recordAccess);
    return {
      year: y.year,
      reports: shownCount(y.reports, recordAccess),
      decided: shownCount(decided, recordAccess),
      byOutcome: outcomes.map((outcome, i) => ({ outcome, count: shown[i] as Shown })),
    };
  });
}

/** The synpunkter received in a year, their answers judged on `asOf` (the year's end, or today while it runs). */
export type YearKlagomal = { year: number; asOf: string; rows: readonly Counted[] };

/** The diarium's klagomål per year as the joint view counts a period: by category, share answered in time. */
export function klagomalYears(years: readonly YearKlagomal[], recordAccess: boolean) {
  return years.map((y) => {
    const s = klagomalSection({ asOf: y.asOf, recordAccess, rows: y.rows });
    return { year: y.year, total: s.received, byCategory: s.byCategory, inTimeShare: s.inTimeShare };
  });
}

export type AtgardDates = { createdOn: string; status: AtgardStatus; statusOn: string };

/**
 * Åtgärder open at the end of each quarter of the years: added by then and not closed by then. A closed
 * åtgärd is never changed again, so its status date is the day it closed. A quarter not yet begun on
 * `today` has no figure; the running quarter is counted on `today`.
 */
export function openAtgarderByQuarter(rows: readonly AtgardDates[], years: readonly number[], today: string) {
  return years.flatMap((year) =>
    ([1, 2, 3, 4] as const).map((quarter) => {
      const start = quarterStart({ year, quarter });
      const end = quarterEnd({ year, quarter });
      const on = end < today ? end : today;
      const open = rows.filter((a) => a.createdOn <= on && !(isClosedStatus(a.status) && a.statusOn <= on)).length;
      return { year, quarter, open: start > today ? null : open };
    }),
  );
}
