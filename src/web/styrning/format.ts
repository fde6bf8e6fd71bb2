import { formatNumber } from "../../platform/i18n/format.ts";
import { type ValueState, valueStateLabels } from "../../styrning/vocabulary.ts";
import type { ScaleLevel } from "./types.ts";

/** A stored value as the annual report prints it: "12,9", "Påbörjad", "Ej publicerat än", "–". */
export function valueText(
  cell: { state: string; value: number | null; statusCode: string | null } | null | undefined,
  levels: readonly ScaleLevel[],
  decimals: number,
): string {
  if (!cell) return "–";
  if (cell.state !== "value") return valueStateLabels[cell.state as ValueState];
  if (cell.statusCode) return levels.find((l) => l.code === cell.statusCode)?.label ?? cell.statusCode;
  return formatNumber(cell.value, decimals);
}
