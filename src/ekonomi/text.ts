// Text figures ("−7,7 mkr") rendered from the same integer tkr the tables show, and found again in prose,
// so a sentence can be checked against its table. Text is derived from the rounded tkr value a reader
// sees in the table (not from kronor) so that re-deriving the text from the table always agrees.
import { roundDiv } from "./arithmetic.ts";

export const MINUS = "\u2212";
export type MoneyUnit = "kr" | "tkr" | "mkr";

const grouping = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 0, useGrouping: true });

/** tkr expressed in `unit` with `digits` decimals, as an integer count of 10^-digits units. */
export function scaleTkr(tkr: number, unit: MoneyUnit, digits: number): number {
  const scale = 10 ** digits;
  if (unit === "mkr") return roundDiv(tkr * scale, 1000);
  if (unit === "tkr") return tkr * scale;
  return tkr * 1000 * scale;
}

/** A scaled integer as Swedish text: grouping space, decimal comma, U+2212 minus, optional plus. */
export function formatScaled(scaled: number, digits: number, signed = true): string {
  const abs = Math.abs(scaled);
  const scale = 10 ** digits;
  const whole = grouping.format(Math.floor(abs / scale));
  const fraction = digits > 0 ? `,${String(abs % scale).padStart(digits, "0")}` : "";
  const sign = scaled < 0 ? MINUS : signed && scaled > 0 ? "+" : "";
  return `${sign}${whole}${fraction}`;
}

/** −7 734 tkr → "−7,7 mkr". */
export const mkrText = (tkr: number, digits = 1, signed = false) =>
  `${formatScaled(scaleTkr(tkr, "mkr", digits), digits, signed)} mkr`;

/** −7 734 → "−7 734 tkr". */
export const tkrText = (tkr: number, signed = false) => `${formatScaled(tkr, 0, signed)} tkr`;

/** How the reports phrase a result against budget: "ett överskott på 19,5 mkr". */
export function resultPhrase(avvikelseTkr: number): string {
  const amount = mkrText(Math.abs(avvikelseTkr));
  if (scaleTkr(avvikelseTkr, "mkr", 1) === 0) return "ett resultat i nivå med budget";
  return avvikelseTkr > 0 ? `ett överskott på ${amount}` : `ett underskott på ${amount}`;
}

/** "Nämnden redovisar 2021 ett överskott på 19,5 mkr (+19 502 tkr) mot budget." */
export const resultSentence = (subject: string, year: number, avvikelseTkr: number) =>
  `${subject} redovisar ${year} ${resultPhrase(avvikelseTkr)} (${tkrText(avvikelseTkr, true)}) mot budget.`;

export type Mention = {
  /** The matched text, e.g. "−7,5 mkr". */
  text: string;
  index: number;
  unit: MoneyUnit | "%";
  digits: number;
  /** Integer in 10^-digits of the unit, signed when the text carries a sign. */
  scaled: number;
  /** The text wrote a sign (+, −, -, –); without one only the size can be compared. */
  explicitSign: boolean;
};

const unitWords: Array<[RegExp, MoneyUnit | "%"]> = [
  [/^(mkr|mnkr|miljoner kronor|milj\.? kr)$/i, "mkr"],
  [/^(tkr|tusen kronor)$/i, "tkr"],
  [/^(kr|kronor)$/i, "kr"],
  [/^(%|procent)$/i, "%"],
];

const mentionPattern =
  /([+\-\u2212\u2013]\s?)?(\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+|\d+)(?:,(\d+))?\s?(mkr|mnkr|miljoner kronor|milj\.? kr|tkr|tusen kronor|kronor|kr|procent|%)(?![A-Za-zÅÄÖåäö])/gi;

/** Money and percent figures written in prose. */
export function findMentions(text: string): Mention[] {
  const mentions: Mention[] = [];
  for (const match of text.matchAll(mentionPattern)) {
    const [whole, sign, integerPart = "", fraction = "", unitWord = ""] = match;
    const unit = unitWords.find(([re]) => re.test(unitWord.trim()))?.[1];
    if (!unit) continue;
    const digits = fraction.length;
    const magnitude = Number(integerPart.replace(/\D/g, "")) * 10 ** digits + (digits ? Number(fraction) : 0);
    const negative = sign !== undefined && sign.trim() !== "+";
    mentions.push({
      text: whole.trim(),
      index: match.index ?? 0,
      unit,
      digits,
      scaled: negative ? -magnitude : magnitude,
      explicitSign: sign !== undefined,
    });
  }
  return mentions;
}
