import { monthNames } from "../platform/i18n/format.ts";
// Period keys used for indicator values, assessments and locks. Pure; shared by server and web.
//   year "2023" · tertial "2023-T2" · quarter "2023-Q3" · month "2023-03"
// A measurement window ("kvartal 3", "oktober–oktober") is measured once a year, so its key is the year.
// Year-to-date ("ytd") is kept per month too, but "2023-03" then covers January to March, accumulated.

export const periodTypes = ["year", "tertial", "quarter", "month", "ytd", "window"] as const;
export type PeriodType = (typeof periodTypes)[number];

export type Period = { key: string; year: number; kind: "year" | "tertial" | "quarter" | "month"; index: number };

export function parsePeriod(key: string): Period | null {
  const match = /^(\d{4})(?:-(T[1-3]|Q[1-4]|0[1-9]|1[0-2]))?$/.exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1900 || year > 2200) return null;
  const part = match[2];
  if (!part) return { key, year, kind: "year", index: 1 };
  if (part.startsWith("T")) return { key, year, kind: "tertial", index: Number(part.slice(1)) };
  if (part.startsWith("Q")) return { key, year, kind: "quarter", index: Number(part.slice(1)) };
  return { key, year, kind: "month", index: Number(part) };
}

/** The months (1–12) a period covers; a lock on a period covers every period within it. */
function monthSpan(p: Period): [number, number] {
  switch (p.kind) {
    case "year":
      return [1, 12];
    case "tertial":
      return [(p.index - 1) * 4 + 1, p.index * 4];
    case "quarter":
      return [(p.index - 1) * 3 + 1, p.index * 3];
    case "month":
      return [p.index, p.index];
  }
}

export function periodContains(outer: string, inner: string): boolean {
  const a = parsePeriod(outer);
  const b = parsePeriod(inner);
  if (!a || !b || a.year !== b.year) return false;
  const [a1, a2] = monthSpan(a);
  const [b1, b2] = monthSpan(b);
  return a1 <= b1 && b2 <= a2;
}

/** The lock (if any) among `locks` that covers `period`. */
export const lockCovering = <L extends { period: string }>(period: string, locks: readonly L[]): L | undefined =>
  locks.find((lock) => periodContains(lock.period, period));

const kindOf: Record<PeriodType, Period["kind"]> = {
  year: "year",
  window: "year",
  tertial: "tertial",
  quarter: "quarter",
  month: "month",
  ytd: "month",
};

export function periodMatchesType(key: string, type: PeriodType): boolean {
  return parsePeriod(key)?.kind === kindOf[type];
}

export function periodsOfYear(type: PeriodType, year: number): string[] {
  switch (kindOf[type]) {
    case "year":
      return [String(year)];
    case "tertial":
      return [1, 2, 3].map((i) => `${year}-T${i}`);
    case "quarter":
      return [1, 2, 3, 4].map((i) => `${year}-Q${i}`);
    case "month":
      return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`);
  }
}

/** Swedish label: "2023", "Tertial 2 2023", "Kvartal 3 2023", "Mars 2023". */
export function periodLabel(key: string): string {
  const p = parsePeriod(key);
  if (!p) return key;
  switch (p.kind) {
    case "year":
      return String(p.year);
    case "tertial":
      return `Tertial ${p.index} ${p.year}`;
    case "quarter":
      return `Kvartal ${p.index} ${p.year}`;
    case "month": {
      const name = monthNames[p.index - 1] ?? "";
      return `${name.charAt(0).toUpperCase()}${name.slice(1)} ${p.year}`;
    }
  }
}

/** Same period one year earlier ("2023-T2" → "2022-T2"), for trends. */
export function previousYearPeriod(key: string): string | null {
  const p = parsePeriod(key);
  if (!p) return null;
  return `${p.year - 1}${key.slice(4)}`;
}

/** Orders period keys chronologically (by year, then by the end of their month span). */
export function comparePeriods(a: string, b: string): number {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  if (!pa || !pb) return a.localeCompare(b);
  if (pa.year !== pb.year) return pa.year - pb.year;
  const ea = monthSpan(pa)[1];
  const eb = monthSpan(pb)[1];
  return ea !== eb ? ea - eb : monthSpan(pb)[0] - monthSpan(pa)[0];
}

/** Label for a period as an indicator of the given type reads it: year-to-date "Januari–mars 2023". */
export function periodLabelFor(key: string, type: PeriodType): string {
  const p = parsePeriod(key);
  if (type !== "ytd" || p?.kind !== "month") return periodLabel(key);
  const first = monthNames[0] ?? "";
  const upTo = p.index === 1 ? "" : `–${monthNames[p.index - 1] ?? ""}`;
  return `${first.charAt(0).toUpperCase()}${first.slice(1)}${upTo} ${p.year}`;
}
