// The budget and prognos grid's arithmetic, kept pure: which periods a granularity has, what each cell holds
// (the stored amount or what was typed over it), the sums as typed, and the changes to send.
import type { PeriodType } from "../../ekonomi/periods.ts";
import { monthNames } from "../../platform/i18n/format.ts";
import { parseKronor } from "./parts.tsx";

export type GridColumn = { periodNo: number; label: string };

export const granularityLabels: Record<PeriodType, string> = { year: "År", tertial: "Tertial", month: "Månad" };

export function columnsOf(granularity: PeriodType): GridColumn[] {
  if (granularity === "year") return [{ periodNo: 0, label: "helår" }];
  if (granularity === "tertial") {
    return [
      { periodNo: 1, label: "tertial 1 (jan–apr)" },
      { periodNo: 2, label: "tertial 2 (maj–aug)" },
      { periodNo: 3, label: "tertial 3 (sep–dec)" },
    ];
  }
  return monthNames.map((label, i) => ({ periodNo: i + 1, label }));
}

/** A stored figure of the kind and granularity the grid shows. */
export type StoredCell = { id: string; amountKr: number };

export const cellKey = (levelId: string, periodNo: number) => `${levelId}|${periodNo}`;

export type Cell = {
  /** What the field shows: the typed text, else the stored amount. */
  text: string;
  /** The amount the cell counts with; null when empty or not whole kronor. */
  amountKr: number | null;
  invalid: boolean;
};

export function cellOf(
  stored: StoredCell | undefined,
  draft: string | undefined,
  format: (kr: number) => string,
): Cell {
  if (draft === undefined) {
    return { text: stored ? format(stored.amountKr) : "", amountKr: stored?.amountKr ?? null, invalid: false };
  }
  const amountKr = parseKronor(draft);
  return { text: draft, amountKr, invalid: draft.trim() !== "" && amountKr === null };
}

/** Sums of the rows, the columns and the whole grid; empty and invalid cells count as nothing. */
export function sumsOf(rowIds: string[], columns: GridColumn[], cell: (levelId: string, periodNo: number) => Cell) {
  const rows = new Map<string, number | null>();
  const cols = new Map<number, number | null>();
  let total: number | null = null;
  const add = (a: number | null, b: number | null) => (b === null ? a : (a ?? 0) + b);
  for (const levelId of rowIds) {
    for (const { periodNo } of columns) {
      const amount = cell(levelId, periodNo).amountKr;
      rows.set(levelId, add(rows.get(levelId) ?? null, amount));
      cols.set(periodNo, add(cols.get(periodNo) ?? null, amount));
      total = add(total, amount);
    }
  }
  return { rows, cols, total };
}

export type GridChange =
  | { kind: "save"; levelId: string; periodNo: number; amountKr: number }
  | { kind: "delete"; levelId: string; periodNo: number; id: string };

/** Only the cells whose typed value differs from what is stored: new or changed amounts, and emptied cells. */
export function changesOf(drafts: Record<string, string>, stored: Map<string, StoredCell>): GridChange[] {
  const changes: GridChange[] = [];
  for (const [key, text] of Object.entries(drafts)) {
    const [levelId = "", periodText = "0"] = key.split("|");
    const periodNo = Number(periodText);
    const before = stored.get(key);
    const amountKr = parseKronor(text);
    if (text.trim() === "") {
      if (before) changes.push({ kind: "delete", levelId, periodNo, id: before.id });
    } else if (amountKr !== null && amountKr !== before?.amountKr) {
      changes.push({ kind: "save", levelId, periodNo, amountKr });
    }
  }
  return changes;
}
