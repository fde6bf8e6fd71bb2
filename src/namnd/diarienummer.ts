// Diarienummer: the canonical form PREFIX-YYYY-NNNNN (IF-2023-00256), and the variants people write in
// letters, memos and spreadsheets, normalised to it. Pure; the import, the search and the links use it.
//
// Accepted variants (case and spacing aside):
//   IF-2023-00256        canonical
//   IF IF-2023-00256     the letterhead's prefix printed before the number
//   IF- 2024-00005       space after the hyphen
//   IF 2024-00016        space instead of the hyphen
//   IF-2021–00080        en dash (or em dash, minus sign) instead of a hyphen
//   dnr 2021–00080       "dnr"/"Dnr:"/"Diarienummer" before the number
//   2020-00345           no prefix: the nämnd's own (given as context)
//   KS-2023-00710        another body's prefix: kept, and marked foreign
// A löpnummer of fewer than five digits is padded (IF-2023-256); more than five, or a two-digit year, is refused.

export type Diarienummer = { prefix: string; year: number; number: number };

export type ParsedDiarienummer = Diarienummer & {
  /** Another body's number (KS, VO …): a foreign reference, not a case in this diarium. */
  foreign: boolean;
  canonical: string;
};

export type ParseResult = { ok: true; value: ParsedDiarienummer } | { ok: false; message: string };

export const MAX_NUMBER = 99_999;

/** IF-2023-00256. */
export const formatDiarienummer = (d: Diarienummer): string =>
  `${d.prefix}-${d.year}-${String(d.number).padStart(5, "0")}`;

/** A prefix as the organisation stores it: 1–10 capital letters. */
export const isPrefix = (text: string) => /^[A-ZÅÄÖ]{1,10}$/.test(text);

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const SPACES = /[\s\u00A0\u2007\u202F]+/g;
const LEAD = /^(?:diarienummer|diarienr|dnr)\s*[.:]?\s*/i;
const FORM = /^(?:([A-ZÅÄÖ]{1,10})\s*(?:-\s*|\s+))?(\d{4})\s*-\s*(\d+)$/;

const example = (prefix: string) => `${prefix}-2023-00256`;

/**
 * Reads a diarienummer written in any of the variants above; `ownPrefix` is the nämnd's (IF), used when the
 * number has none. Answers the canonical form, or a Swedish message saying what is wrong.
 */
export function parseDiarienummer(text: string, ownPrefix: string): ParseResult {
  const own = ownPrefix.toUpperCase();
  const refuse = (why: string): ParseResult => ({
    ok: false,
    message: `"${text.trim()}" är inget diarienummer${why ? ` (${why})` : ""}. Skriv det som ${example(own)}: prefix, år och löpnummer.`,
  });
  let t = text.replace(DASHES, "-").replace(SPACES, " ").trim().replace(LEAD, "").toUpperCase();
  if (t === "") return refuse("tomt");
  // The letterhead's prefix printed before a full number: "IF IF-2023-00256".
  const doubled = /^([A-ZÅÄÖ]{1,10}) (?=\1\s*-)/.exec(t);
  if (doubled) t = t.slice(doubled[0].length);
  const m = FORM.exec(t);
  if (!m) {
    if (/^(?:[A-ZÅÄÖ]{1,10}[\s-]*)?\d{2}\s*-\s*\d+$/.test(t)) return refuse("året ska skrivas med fyra siffror");
    return refuse("");
  }
  const [, prefixText, yearText, numberText] = m as unknown as [string, string | undefined, string, string];
  const year = Number(yearText);
  if (year < 1990 || year > 2200) return refuse(`året ${yearText} är orimligt`);
  if (numberText.length > 5) return refuse("löpnumret har högst fem siffror");
  const number = Number(numberText);
  if (number < 1) return refuse("löpnumret börjar på 1");
  const prefix = prefixText ?? own;
  const value = { prefix, year, number };
  return { ok: true, value: { ...value, foreign: prefix !== own, canonical: formatDiarienummer(value) } };
}
