// Cell values from ledger files: amounts to öre (exact integers, never floats) and periods to months.
import { monthNames } from "../../platform/i18n/format.ts";

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

const PLAIN_AMOUNT = /^(-?)(\d{1,13}|\d{1,3}(?: \d{3}){1,3})(?:[.,](\d{1,2}))?$/;

/**
 * An amount as ledgers and spreadsheets write it, in öre: "1 234,50", "-1234.50", "−7 734", "(250)",
 * "250-" and "1.234,50" are all understood. More than two decimals is refused rather than guessed
 * ("1.234" could be 1 234 kr or 1,234 kr).
 */
export function parseAmountOre(raw: string): Parsed<number> {
  // Most ledger amounts are plain ("-1234,50") or grouped by spaces ("1 234,50"): read those without the
  // general path's rewriting, which dominated the time of a large import.
  const plain = PLAIN_AMOUNT.exec(raw);
  if (plain) {
    const ore = Number(plain[2]?.replaceAll(" ", "")) * 100 + Number((plain[3] ?? "").padEnd(2, "0"));
    return ok(plain[1] && ore !== 0 ? -ore : ore);
  }
  let text = raw.trim().replace(/[\s\u00a0\u2009\u202f]/g, "");
  if (text === "") return fail("beloppet saknas");
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  text = text.replace(/^[\u2212\u2013]/, "-").replace(/[\u2212\u2013]$/, "-");
  if (text.endsWith("-") && !text.startsWith("-")) {
    negative = !negative;
    text = text.slice(0, -1);
  }
  if (text.startsWith("-")) {
    negative = !negative;
    text = text.slice(1);
  } else if (text.startsWith("+")) {
    text = text.slice(1);
  }
  text = text.replace(/(kr|sek)$/i, "");
  const lastComma = text.lastIndexOf(",");
  const lastDot = text.lastIndexOf(".");
  let integer = text;
  let fraction = "";
  if (lastComma >= 0 && lastDot >= 0) {
    // Both present: the last one is the decimal separator, the other groups thousands.
    const decimal = lastComma > lastDot ? "," : ".";
    const group = decimal === "," ? "." : ",";
    const [i = "", f = ""] = text.split(decimal);
    if (text.split(decimal).length !== 2 || !/^\d{1,3}(\d{3})*$|^\d{1,3}([.,]\d{3})+$/.test(i)) {
      return fail(`"${raw.trim()}" är inte ett belopp`);
    }
    integer = i.split(group).join("");
    fraction = f;
  } else if (lastComma >= 0 || lastDot >= 0) {
    const separator = lastComma >= 0 ? "," : ".";
    const parts = text.split(separator);
    if (parts.length > 2) {
      if (!parts.slice(1).every((p) => p.length === 3)) return fail(`"${raw.trim()}" är inte ett belopp`);
      integer = parts.join("");
    } else {
      integer = parts[0] ?? "";
      fraction = parts[1] ?? "";
    }
  }
  if (!/^\d+$/.test(integer) || !/^\d*$/.test(fraction)) return fail(`"${raw.trim()}" är inte ett belopp`);
  if (fraction.length > 2) return fail(`"${raw.trim()}" har fler än två decimaler (ange kronor och ören)`);
  const ore = Number(integer) * 100 + Number(fraction.padEnd(2, "0") || "0");
  if (!Number.isSafeInteger(ore)) return fail(`"${raw.trim()}" är för stort`);
  return ok(negative && ore !== 0 ? -ore : ore);
}

const monthByName = new Map<string, number>(
  monthNames.flatMap((name, i) => [
    [name, i + 1],
    [name.slice(0, 3), i + 1],
  ]),
);

/** A period cell to a month of `year`: "2023-03", "202303", "2023-03-31", "20230331", "3", "mars", "mar". */
export function parseMonth(raw: string, year: number): Parsed<number> {
  const text = raw.trim().toLocaleLowerCase("sv-SE");
  if (text === "") return fail("perioden saknas");
  let y = year;
  let m: number | undefined;
  const match = text.match(/^(\d{4})-?(\d{2})(?:-?(\d{2}))?$/);
  if (match) {
    y = Number(match[1]);
    m = Number(match[2]);
    if (match[3] !== undefined) {
      const day = Number(match[3]);
      const date = new Date(Date.UTC(y, m - 1, day));
      if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== day) {
        return fail(`"${raw.trim()}" är inget giltigt datum`);
      }
    }
  } else if (/^\d{1,2}$/.test(text)) {
    m = Number(text);
  } else {
    m = monthByName.get(text.replace(/\.$/, ""));
  }
  if (m === undefined || m < 1 || m > 12) {
    return fail(`"${raw.trim()}" är ingen period (ange t.ex. 2023-03, 202303 eller mars)`);
  }
  if (y !== year) return fail(`perioden "${raw.trim()}" hör inte till ${year}`);
  return ok(m);
}

/** Ledger codes are compared as trimmed text; numbers from spreadsheets arrive as their digits. */
export const normaliseCode = (raw: string | null | undefined): string | null => {
  const text = (raw ?? "").trim();
  return text === "" ? null : text;
};
