import { describe, expect, it } from "vitest";
import { SMALL_COUNT_LIMIT, shownCount, shownParts, shownShare } from "./small-counts.ts";

describe("the small-count rule", () => {
  it("hides 1–4 from readers without record access, shows 0, 5 and more, and everything to record readers", () => {
    expect(SMALL_COUNT_LIMIT).toBe(5);
    expect([0, 1, 4, 5, 17].map((n) => shownCount(n, false))).toEqual([0, "<5", "<5", 5, 17]);
    expect([0, 1, 4, 5].map((n) => shownCount(n, true))).toEqual([0, 1, 4, 5]);
  });

  it("hides a second part when one small part could be worked out from the total", () => {
    // 12 = 3 + 9 + 0: showing 9 and 12 would give the 3 away.
    expect(shownParts([3, 9, 0], 12, false)).toEqual(["<5", "..", 0]);
    // The smallest other non-zero part is the one hidden.
    expect(shownParts([3, 20, 7, 0], 30, false)).toEqual(["<5", 20, "..", 0]);
    // Two small parts cannot be told apart: nothing more to hide.
    expect(shownParts([3, 2, 20], 25, false)).toEqual(["<5", "<5", 20]);
    // A small total hides every non-zero part itself.
    expect(shownParts([1, 2, 0], 3, false)).toEqual(["<5", "<5", 0]);
    expect(shownParts([3, 9, 0], 12, true)).toEqual([3, 9, 0]);
  });

  it("gives no share when the part or the rest is small, or nothing was due", () => {
    expect(shownShare(9, 10, true)).toBe(0.9);
    expect(shownShare(9, 10, false)).toBeNull();
    expect(shownShare(2, 10, false)).toBeNull();
    expect(shownShare(10, 20, false)).toBe(0.5);
    expect(shownShare(20, 20, false)).toBe(1);
    expect(shownShare(0, 0, true)).toBeNull();
  });
});
