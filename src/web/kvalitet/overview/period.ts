// The joint view's period shortcuts: this year so far, the last three whole years and the last four
// quarters. Pure.
import {
  formatQuarter,
  previousQuarter,
  type Quarter,
  quarterEnd,
  quarterOf,
  quarterStart,
} from "../../../platform/calendar.ts";

export type Period = { start: string; end: string };
export type Shortcut = { key: string; label: string; period: Period };

const minDate = (a: string, b: string) => (a <= b ? a : b);

export function shortcuts(today: string): Shortcut[] {
  const year = Number(today.slice(0, 4));
  const years = [1, 2, 3].map((back) => ({
    key: String(year - back),
    label: `År ${year - back}`,
    period: { start: `${year - back}-01-01`, end: `${year - back}-12-31` },
  }));
  const quarters: Quarter[] = [];
  for (let q = quarterOf(today); quarters.length < 4; q = previousQuarter(q)) quarters.push(q);
  return [
    { key: "i-ar", label: `I år hittills (${year})`, period: { start: `${year}-01-01`, end: today } },
    ...years,
    ...quarters.map((q) => ({
      key: formatQuarter(q),
      label: `Kvartal ${q.quarter} ${q.year}${quarterEnd(q) > today ? " hittills" : ""}`,
      period: { start: quarterStart(q), end: minDate(quarterEnd(q), today) },
    })),
  ];
}

/** The shortcut a period is, if it is one ("" when the dates were chosen by hand). */
export const shortcutOf = (period: Period, list: readonly Shortcut[]) =>
  list.find((s) => s.period.start === period.start && s.period.end === period.end)?.key ?? "";
