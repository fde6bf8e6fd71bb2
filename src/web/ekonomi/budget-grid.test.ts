import { describe, expect, it } from "vitest";
import { formatNumber } from "../../platform/i18n/format.ts";
import { cellKey, cellOf, changesOf, columnsOf, type StoredCell, sumsOf } from "./budget-grid.ts";

const kronor = (kr: number) => formatNumber(kr, 0);
const stored = new Map<string, StoredCell>([
  [cellKey("a", 1), { id: "f1", amountKr: -1_000 }],
  [cellKey("a", 2), { id: "f2", amountKr: -2_000 }],
  [cellKey("b", 1), { id: "f3", amountKr: 500 }],
]);

describe("the budget and prognos grid", () => {
  it("has one column for the year, three tertials and twelve months", () => {
    expect(columnsOf("year").map((c) => c.periodNo)).toEqual([0]);
    expect(columnsOf("tertial").map((c) => c.label)).toEqual([
      "tertial 1 (jan–apr)",
      "tertial 2 (maj–aug)",
      "tertial 3 (sep–dec)",
    ]);
    expect(columnsOf("month")).toHaveLength(12);
    expect(columnsOf("month")[3]).toEqual({ periodNo: 4, label: "april" });
  });

  it("reads Swedish-typed kronor and sums rows, columns and the whole as typed, skipping invalid cells", () => {
    const drafts: Record<string, string> = { [cellKey("a", 2)]: "−1 234 567", [cellKey("b", 2)]: "12,5" };
    const cell = (levelId: string, periodNo: number) =>
      cellOf(stored.get(cellKey(levelId, periodNo)), drafts[cellKey(levelId, periodNo)], kronor);
    expect(cell("a", 1)).toEqual({ text: "\u22121\u00a0000", amountKr: -1_000, invalid: false });
    expect(cell("a", 2)).toMatchObject({ amountKr: -1_234_567, invalid: false });
    expect(cell("b", 2)).toMatchObject({ amountKr: null, invalid: true });
    const sums = sumsOf(["a", "b"], columnsOf("tertial"), cell);
    expect(sums.rows.get("a")).toBe(-1_235_567);
    expect(sums.rows.get("b")).toBe(500);
    expect(sums.cols.get(1)).toBe(-500);
    expect(sums.cols.get(2)).toBe(-1_234_567);
    expect(sums.cols.get(3)).toBeNull();
    expect(sums.total).toBe(-1_235_067);
  });

  it("sends only changed cells: new and changed amounts, and emptied cells as deletions", () => {
    const changes = changesOf(
      {
        [cellKey("a", 1)]: "-1 000", // typed over with the same amount: no change
        [cellKey("a", 2)]: "-2 500",
        [cellKey("b", 1)]: " ",
        [cellKey("b", 3)]: "700",
        [cellKey("b", 2)]: "abc", // invalid: not sent
        [cellKey("a", 3)]: "", // empty and never stored: nothing to delete
      },
      stored,
    );
    expect(changes).toEqual([
      { kind: "save", levelId: "a", periodNo: 2, amountKr: -2_500 },
      { kind: "delete", levelId: "b", periodNo: 1, id: "f3" },
      { kind: "save", levelId: "b", periodNo: 3, amountKr: 700 },
    ]);
  });
});
