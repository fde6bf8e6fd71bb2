import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAmountOre, parseMonth } from "./values.ts";

const amount = (s: string) => {
  const r = parseAmountOre(s);
  return r.ok ? r.value : r.message;
};

describe("parseAmountOre", () => {
  it("reads the ways ledgers and spreadsheets write money", () => {
    expect(amount("1 234,50")).toBe(123_450);
    expect(amount("-1234.50")).toBe(-123_450);
    expect(amount("\u22127\u00a0734")).toBe(-773_400);
    expect(amount("1.234,5")).toBe(123_450);
    expect(amount("1,234.05")).toBe(123_405);
    expect(amount("(250)")).toBe(-25_000);
    expect(amount("250-")).toBe(-25_000);
    expect(amount("1.234.567")).toBe(123_456_700);
    expect(amount("0,00")).toBe(0);
    expect(amount("12 kr")).toBe(1200);
    expect(amount("-1 234 567 890 123,4")).toBe(-123_456_789_012_340);
    expect(amount("-0,00")).toBe(0);
  });
  it("refuses what is not an amount, naming it", () => {
    expect(amount("12 3x4")).toBe('"12 3x4" är inte ett belopp');
    expect(amount("")).toBe("beloppet saknas");
    expect(amount("1.234")).toContain("fler än två decimaler");
    expect(amount("#DIV/0!")).toContain("inte ett belopp");
    expect(amount("123 456 789 012 345,00")).toContain("för stort");
  });
  it("round-trips any öre amount written the Swedish way or the ledger way", () => {
    const sv = new Intl.NumberFormat("sv-SE", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (ore) => {
        expect(amount(sv.format(ore / 100))).toBe(ore);
        const ledger = `${ore < 0 ? "-" : ""}${Math.floor(Math.abs(ore) / 100)}.${String(Math.abs(ore) % 100).padStart(2, "0")}`;
        expect(amount(ledger)).toBe(ore);
      }),
    );
  });
});

describe("parseMonth", () => {
  const month = (s: string) => {
    const r = parseMonth(s, 2023);
    return r.ok ? r.value : r.message;
  };
  it("reads periods and dates", () => {
    expect(["2023-03", "202303", "2023-03-31", "20230331", "3", "mars", "Mar", "03"].map(month)).toEqual([
      3, 3, 3, 3, 3, 3, 3, 3,
    ]);
  });
  it("refuses periods of another year or that do not exist", () => {
    expect(month("2022-12")).toBe('perioden "2022-12" hör inte till 2023');
    expect(month("2023-02-30")).toContain("inget giltigt datum");
    expect(month("13")).toContain("ingen period");
    expect(month("")).toBe("perioden saknas");
  });
});
