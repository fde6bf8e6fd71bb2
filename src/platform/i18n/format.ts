// sv-SE presentation: space as thousands separator, decimal comma, ISO-like dates.
// Intl emits U+00A0/U+2009 and U+2212; those are what Swedish typography expects, so they are kept.

/** Swedish month names, January first, as the committee documents write them. */
export const monthNames = [
  "januari",
  "februari",
  "mars",
  "april",
  "maj",
  "juni",
  "juli",
  "augusti",
  "september",
  "oktober",
  "november",
  "december",
] as const;

// Formatters are built once: making one costs far more than using it, and reports format thousands of figures.
const integer = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 0 });
const upToTwoDecimals = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 2 });
const upToOneDecimal = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 1 });
const fixedDecimals = new Map<number, Intl.NumberFormat>();
const decimals = (digits: number) => {
  let format = fixedDecimals.get(digits);
  if (!format) {
    format = new Intl.NumberFormat("sv-SE", { minimumFractionDigits: digits, maximumFractionDigits: digits });
    fixedDecimals.set(digits, format);
  }
  return format;
};
const localDate = new Intl.DateTimeFormat("sv-SE");
const localDateTime = new Intl.DateTimeFormat("sv-SE", { dateStyle: "short", timeStyle: "short" });

/** A number with sv-SE grouping; `digits` fixes the decimals (default: as many as needed, max 2). */
export function formatNumber(value: number | null | undefined, digits?: number): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  if (digits !== undefined) return decimals(digits).format(value);
  return upToTwoDecimals.format(value);
}

/** A file size in megabytes, at most one decimal ("5", "1,5"), for messages about size limits. */
export const formatMegabytes = (bytes: number) => upToOneDecimal.format(bytes / 1024 / 1024);

/** How many decimals a number carries (at most 6): 70.5 → 1, 71 → 0, 0.125 → 3. */
export function fractionDigits(value: number): number {
  if (!Number.isFinite(value)) return 0;
  const fraction = String(Number(value.toFixed(6))).split(".")[1];
  return fraction ? fraction.length : 0;
}

/**
 * A count with its word in the right number: "1 indikator", "2 indikatorer", "1 234 rader". Adjectives too
 * ("1 nytt", "3 nya"). The one helper for Swedish plurals, so "1 rader" cannot come back.
 */
export const formatCount = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`;

/** Integer kronor as "1 234 kr". */
export const formatKr = (kronor: number | null | undefined) =>
  kronor === null || kronor === undefined ? "–" : `${integer.format(kronor)} kr`;

/** Integer kronor shown in tkr (thousands), rounded half away from zero as in the annual reports. */
export function formatTkr(kronor: number | null | undefined): string {
  if (kronor === null || kronor === undefined) return "–";
  return integer.format(Math.sign(kronor) * Math.round(Math.abs(kronor) / 1000));
}

/** Integer kronor shown in mkr with one decimal. */
export function formatMkr(kronor: number | null | undefined, digits = 1): string {
  if (kronor === null || kronor === undefined) return "–";
  return decimals(digits).format(kronor / 1_000_000);
}

/** A percentage value (12.9 → "12,9 %"). */
export const formatPercent = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined ? "–" : `${decimals(digits).format(value)} %`;

/** Signed deviation, "+19 502" / "−6 725", so a reader never has to guess the direction. */
export function formatSigned(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined) return "–";
  const text = decimals(digits).format(Math.abs(value));
  if (value > 0) return `+${text}`;
  if (value < 0) return `\u2212${text}`;
  return text;
}

/** YYYY-MM-DD stays as is (the Swedish standard form); Date objects and timestamps become local dates. */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return "–";
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return localDate.format(new Date(value));
}

export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return "–";
  return localDateTime.format(new Date(value));
}

/** Parses a Swedish-typed number ("1 234,5", "−7 734") back to a number; null when not a number. */
export function parseSwedishNumber(text: string): number | null {
  const cleaned = text
    .trim()
    .replace(/[\s\u00a0\u2009]/g, "")
    .replace(/\u2212/g, "-")
    .replace(",", ".");
  if (!/^[-+]?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}
