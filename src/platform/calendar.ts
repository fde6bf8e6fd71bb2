// Calendar arithmetic on 'YYYY-MM-DD' strings. Pure: no time zones, no "now" except todayInSweden().

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] {
  const m = ISO_DATE.exec(date);
  if (!m) throw new Error(`Not a YYYY-MM-DD date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const toUtc = (date: string) => {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d);
};

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for a real calendar date written YYYY-MM-DD (2023-02-29 is not one). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export const addDays = (date: string, days: number) => fromUtc(toUtc(date) + days * DAY_MS);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string) => Math.round((toUtc(to) - toUtc(from)) / DAY_MS);

/**
 * Adds calendar months the way Swedish law counts a period of months (lag 1930:173): the same day
 * number in the target month, or that month's last day when it is shorter (2023-11-30 + 3 = 2024-02-29).
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
}

export const maxDate = (a: string, b: string) => (a >= b ? a : b);

/** A calendar quarter written as IVO and the committee say it: "2023Q4". */
export type Quarter = { year: number; quarter: 1 | 2 | 3 | 4 };

const QUARTER = /^(\d{4})\s*[-]?\s*[QK]([1-4])$/i;

/** Parses "2023Q4" (also "2023-Q4", "2023K4"); null when it is not a quarter. */
export function parseQuarter(text: string): Quarter | null {
  const m = QUARTER.exec(text.trim());
  if (!m) return null;
  return { year: Number(m[1]), quarter: Number(m[2]) as Quarter["quarter"] };
}

export const formatQuarter = (q: Quarter) => `${q.year}Q${q.quarter}`;

export function quarterOf(date: string): Quarter {
  const [y, m] = parts(date);
  return { year: y, quarter: (Math.floor((m - 1) / 3) + 1) as Quarter["quarter"] };
}

export const quarterStart = (q: Quarter) => `${pad(q.year, 4)}-${pad((q.quarter - 1) * 3 + 1)}-01`;

export function quarterEnd(q: Quarter): string {
  const month = q.quarter * 3;
  return `${pad(q.year, 4)}-${pad(month)}-${pad(daysInMonth(q.year, month))}`;
}

export function previousQuarter(q: Quarter): Quarter {
  return q.quarter === 1
    ? { year: q.year - 1, quarter: 4 }
    : { year: q.year, quarter: (q.quarter - 1) as Quarter["quarter"] };
}

// Built once: a formatter with a time zone costs far more to make than to use (it was a tenth of a request).
const swedishDate = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" });

// Formatting with a time zone still costs ~10 µs, and every signed-in request asks: the answer is kept for the
// minute asked about. Sweden's offsets are whole hours, so its date never changes inside a UTC minute.
let heldMinute = Number.NaN;
let heldDate = "";

/** Today's date in Sweden, where the committee's calendar runs. */
export function todayInSweden(now = new Date()): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== heldMinute) {
    heldDate = swedishDate.format(now);
    heldMinute = minute;
  }
  return heldDate;
}

const quarterIndex = (q: Quarter) => q.year * 4 + q.quarter - 1;

/** Every quarter from `first` to `last`, newest first (none when first is after last). */
export function quartersBetween(first: Quarter, last: Quarter): Quarter[] {
  const list: Quarter[] = [];
  for (let at = last; quarterIndex(at) >= quarterIndex(first); at = previousQuarter(at)) list.push(at);
  return list;
}
