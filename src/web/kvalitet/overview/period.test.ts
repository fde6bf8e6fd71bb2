import { describe, expect, it } from "vitest";
import { shortcutOf, shortcuts } from "./period.ts";

describe("the joint view's period shortcuts", () => {
  it("offers this year so far, three whole years and four quarters, the running one up to today", () => {
    const list = shortcuts("2026-11-30");
    expect(list.map((s) => s.label)).toEqual([
      "I år hittills (2026)",
      "År 2025",
      "År 2024",
      "År 2023",
      "Kvartal 4 2026 hittills",
      "Kvartal 3 2026",
      "Kvartal 2 2026",
      "Kvartal 1 2026",
    ]);
    expect(list[4]?.period).toEqual({ start: "2026-10-01", end: "2026-11-30" });
    expect(list[7]?.period).toEqual({ start: "2026-01-01", end: "2026-03-31" });
    expect(shortcutOf({ start: "2023-01-01", end: "2023-12-31" }, list)).toBe("2023");
    expect(shortcutOf({ start: "2023-01-02", end: "2023-12-31" }, list)).toBe("");
  });

  it("reaches back into last year from the first quarter", () => {
    expect(
      shortcuts("2024-02-10")
        .slice(4)
        .map((s) => s.key),
    ).toEqual(["2024Q1", "2023Q4", "2023Q3", "2023Q2"]);
  });
});
