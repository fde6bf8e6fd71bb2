import { formatNumber } from "../../platform/i18n/format.ts";
import { type ValueState, valueStateLabels } from "../../styrning/vocabulary.ts";
import type { ScaleLevel } from "./types.ts";

/** A stored value as the annual report prints it: "12,9", "Påbörjad", "Ej publicerat än", "–". */
export function valueText(
  cell: { state: string; value: number | null; status_code: string | null } | null | undefined,
  levels: readonly ScaleLevel[],
  decimals: number,
): string {
  if (!cell) return "–";
  if (cell.state !== "value") return valueStateLabels[cell.state as ValueState];
  if (cell.status_code) return levels.find((l) => l.code === cell.status_code)?.label ?? cell.status_code;
  return formatNumber(cell.value, decimals);
}
