import { formatNumber, fractionDigits } from "../../platform/i18n/format.ts";
import { type ValueState, valueStateLabels } from "../../styrning/vocabulary.ts";
import type { ScaleLevel } from "./types.ts";

type Cell = { state: string; value: number | null; statusCode: string | null };

/** A value entered with more decimals than the indicator shows: printed as entered, never rounded away. */
export const moreDecimalsThanShown = (cell: Cell | null | undefined, decimals: number) =>
  cell?.state === "value" && cell.value !== null && !cell.statusCode && fractionDigits(cell.value) > decimals;

/**
 * A stored value as the annual report prints it: "12,9", "Påbörjad", "Ej publicerat än", "–". With the
 * indicator's decimals, or as entered when it has more (70,5 stays 70,5 on an indicator shown in whole numbers).
 */
export function valueText(cell: Cell | null | undefined, levels: readonly ScaleLevel[], decimals: number): string {
  if (!cell) return "–";
  if (cell.state !== "value") return valueStateLabels[cell.state as ValueState];
  if (cell.statusCode) return levels.find((l) => l.code === cell.statusCode)?.label ?? cell.statusCode;
  return formatNumber(cell.value, cell.value === null ? decimals : Math.max(decimals, fractionDigits(cell.value)));
}
