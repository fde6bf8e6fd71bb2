// A report's period: a year ("2021"), a quarter ("2023-Q2"), a tertial counted from the year's start
// ("2023-T2" = januari–augusti, the delårsrapport's) or a date range ("2023-03-01..2023-04-15", e.g. since the
// nämnd's last meeting). Stored and sent as that code; "{år}" in a template is the year the period ends in.
// Pure and browser-safe: the web's forms and labels use it too.
import { z } from "zod";
import { addDays, addMonths, daysBetween, isIsoDate, quarterEnd, quarterStart } from "../platform/calendar.ts";
import { monthNames } from "../platform/i18n/format.ts";

export type PeriodKind = "year" | "quarter" | "tertial" | "range";

export type ReportPeriod = {
  code: string;
  kind: PeriodKind;
  /** The first and last day, inclusive. */
  start: string;
  end: string;
  /** The year the period ends in: what "{år}" stands for. */
  year: number;
  /** The quarter the period ends in (4 for a year): what "{kvartal}" stands for. */
  quarter: 1 | 2 | 3 | 4;
  /** As a heading says it: "2021", "kvartal 2 2023", "tertial 2 2023", "1 mars–15 april 2023". */
  label: string;
};

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;
const pad = (n: number) => String(n).padStart(2, "0");
const quarterOfMonth = (month: number) => Math.ceil(month / 3) as ReportPeriod["quarter"];

const dayText = (date: string, withYear: boolean) => {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return `${d} ${monthNames[m - 1]}${withYear ? ` ${y}` : ""}`;
};

/** "1 mars–15 april 2023", "1–15 mars 2023", "2 maj 2023", "10 december 2023–20 januari 2024". */
function rangeLabel(start: string, end: string) {
  if (start === end) return dayText(end, true);
  if (start.slice(0, 7) === end.slice(0, 7)) return `${Number(start.slice(8))}–${dayText(end, true)}`;
  return `${dayText(start, start.slice(0, 4) !== end.slice(0, 4))}–${dayText(end, true)}`;
}

const inRange = (year: number) => year >= MIN_YEAR && year <= MAX_YEAR;

/** The period a code names; null when the text names none (a tertial 3 is the year: write the year). */
export function parsePeriod(text: string): ReportPeriod | null {
  const t = text.trim().toUpperCase();
  let m = /^(\d{4})$/.exec(t);
  if (m) {
    const year = Number(m[1]);
    if (!inRange(year)) return null;
    return { code: t, kind: "year", start: `${t}-01-01`, end: `${t}-12-31`, year, quarter: 4, label: t };
  }
  m = /^(\d{4})-?[QK]([1-4])$/.exec(t);
  if (m) {
    const q = { year: Number(m[1]), quarter: Number(m[2]) as ReportPeriod["quarter"] };
    if (!inRange(q.year)) return null;
    return {
      code: `${q.year}-Q${q.quarter}`,
      kind: "quarter",
      start: quarterStart(q),
      end: quarterEnd(q),
      year: q.year,
      quarter: q.quarter,
      label: `kvartal ${q.quarter} ${q.year}`,
    };
  }
  m = /^(\d{4})-?T([12])$/.exec(t);
  if (m) {
    const year = Number(m[1]);
    const tertial = Number(m[2]);
    if (!inRange(year)) return null;
    const end = addDays(`${year}-${pad(tertial * 4 + 1)}-01`, -1);
    return {
      code: `${year}-T${tertial}`,
      kind: "tertial",
      start: `${year}-01-01`,
      end,
      year,
      quarter: quarterOfMonth(tertial * 4),
      label: `tertial ${tertial} ${year}`,
    };
  }
  m = /^(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})$/.exec(t);
  if (m) {
    const [start, end] = [m[1] as string, m[2] as string];
    // At most a year long, so "{år}" and the year labels have one meaning.
    if (!isIsoDate(start) || !isIsoDate(end) || end < start || end >= addMonths(start, 12)) return null;
    const year = Number(end.slice(0, 4));
    if (!inRange(Number(start.slice(0, 4))) || !inRange(year)) return null;
    return {
      code: `${start}..${end}`,
      kind: "range",
      start,
      end,
      year,
      quarter: quarterOfMonth(Number(end.slice(5, 7))),
      label: rangeLabel(start, end),
    };
  }
  return null;
}

/** A code known to be valid (stored, or parsed at the boundary). */
export function periodOf(code: string | number): ReportPeriod {
  const period = parsePeriod(String(code));
  if (!period) throw new Error(`Ogiltig rapportperiod: ${code}`);
  return period;
}

export const periodHint =
  "Ange ett år (2023), ett kvartal (2023-Q2), ett tertial (2023-T2) eller datum från och till (2023-03-01..2023-04-15, högst ett år).";

/** A period at a boundary (HTTP, CLI), as its canonical code; a year may come as a number. */
export const reportPeriod = z.union([z.string(), z.number().int()]).transform((value, ctx) => {
  const period = parsePeriod(String(value));
  if (!period) {
    ctx.addIssue({ code: "custom", message: periodHint });
    return z.NEVER;
  }
  return period.code;
});

/** The period after this one, of the same kind: next year, quarter or tertial; a range as long, starting after it. */
export function nextPeriod(period: ReportPeriod): ReportPeriod {
  switch (period.kind) {
    case "year":
      return periodOf(period.year + 1);
    case "quarter":
      return periodOf(period.quarter === 4 ? `${period.year + 1}-Q1` : `${period.year}-Q${period.quarter + 1}`);
    case "tertial":
      return periodOf(period.code.endsWith("T1") ? `${period.year}-T2` : `${period.year + 1}-T1`);
    case "range": {
      const start = addDays(period.end, 1);
      return periodOf(`${start}..${addDays(start, daysBetween(period.start, period.end))}`);
    }
  }
}

/** A deadline moved as far as the next period lies from this one (29 February → 28 where months are counted). */
export function shiftDeadline(deadline: string, from: ReportPeriod, to: ReportPeriod): string {
  if (from.kind === "range") return addDays(deadline, daysBetween(from.end, to.end));
  const months = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));
  return addMonths(deadline, months(to.end) - months(from.end));
}

/**
 * The period since the nämnd's last meeting: from the day after its last held meeting through the next meeting
 * after that one (the meeting the report goes to), or through `today` when none is planned. Null when no
 * meeting is held yet or the last one lies a year or more back: then the period is given by hand.
 */
export function sinceLastMeeting(meetings: readonly { date: string; held: boolean }[], today: string) {
  const days = (held: boolean) =>
    meetings
      .filter((m) => m.held === held)
      .map((m) => m.date)
      .sort();
  const last = days(true).at(-1);
  if (!last) return null;
  const next = days(false).find((d) => d > last) ?? today;
  return parsePeriod(`${addDays(last, 1)}..${next}`);
}
