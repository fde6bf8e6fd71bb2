// Numbers as a report writes them: kronor converted to the unit shown, rounded half away from zero (as the
// annual reports round), sv-SE text with the true minus sign, space thousands and decimal comma.
import { formatNumber } from "../platform/i18n/format.ts";
import type { Unit } from "./template.ts";

const perUnit: Partial<Record<Unit, number>> = { kr: 1, tkr: 1000, mnkr: 1_000_000 };

/** A value from one unit to another: between kr, tkr and mnkr by scale; null between unlike units. */
export function convert(value: number, from: Unit, to: Unit): number | null {
  if (from === to) return value;
  const a = perUnit[from];
  const b = perUnit[to];
  return a && b ? (value * a) / b : null;
}

/** Half away from zero at `decimals`, done on the decimal text so 19.45 is not 19.4499… */
export function roundHalfAway(value: number, decimals: number): number {
  const magnitude = Math.abs(value);
  // Exponent notation (1e-7) cannot take another exponent; such values are far below any shown decimal.
  if (String(magnitude).includes("e")) return Math.round(value * 10 ** decimals) / 10 ** decimals || 0;
  const rounded = Number(`${Math.round(Number(`${magnitude}e${decimals}`))}e-${decimals}`);
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

/** "−7 734", "19,5": sv-SE digits (Intl writes U+2212 and a no-break space). */
export const numberText = (value: number, decimals: number) => formatNumber(roundHalfAway(value, decimals), decimals);

export const unitLabels: Record<Unit, string> = { kr: "kr", tkr: "tkr", mnkr: "mnkr", procent: "%", antal: "" };

/** The head of a table's label column: what its cells count or measure ("Belopp i tkr", "Antal"). */
export const unitHeading = (unit: Unit) =>
  unit === "antal" ? "Antal" : unit === "procent" ? "procent" : `Belopp i ${unit}`;

/** The formats a bound figure may ask for, after its unit. */
export const figureFormats = ["tkr", "tkr-abs", "mnkr", "mnkr-abs", "procent", "antal", "riktning"] as const;
export type FigureFormat = (typeof figureFormats)[number];

/** The unit a format writes in (riktning writes a word, no unit). */
export function formatUnit(format: FigureFormat): Unit | null {
  if (format === "riktning") return null;
  return format.replace("-abs", "") as Unit;
}

/** Överskott for a positive deviation, underskott for a negative one. */
export function direction(value: number): string {
  if (value > 0) return "överskott";
  if (value < 0) return "underskott";
  return "resultat i nivå med budget";
}

/** A figure's text in `format`, from its value in that unit. */
export function figureText(value: number, format: FigureFormat, decimals: number): string {
  if (format === "riktning") return direction(value);
  const shown = format.endsWith("-abs") ? Math.abs(value) : value;
  const unit = unitLabels[formatUnit(format) as Unit];
  const digits = numberText(shown, decimals);
  return unit ? `${digits}\u00a0${unit}` : digits;
}
