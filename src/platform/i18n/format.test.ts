import { describe, expect, it } from "vitest";
import {
  formatCount,
  formatDate,
  formatNumber,
  formatPercent,
  formatSigned,
  formatTkr,
  fractionDigits,
  parseSwedishNumber,
} from "./format.ts";

const plain = (s: string) => s.replace(/[\u00a0\u2009]/g, " ").replace(/\u2212/g, "-");

describe("sv-SE formatting", () => {
  it("groups thousands with a space and uses decimal comma", () => {
    expect(plain(formatNumber(1022689000))).toBe("1 022 689 000");
    expect(plain(formatNumber(12.9, 1))).toBe("12,9");
    expect(formatNumber(null)).toBe("–");
  });
  it("rounds kronor to tkr half away from zero", () => {
    expect(plain(formatTkr(-679_576_000))).toBe("-679 576");
    expect(plain(formatTkr(19_501_500))).toBe("19 502");
    expect(plain(formatTkr(-7_733_500))).toBe("-7 734");
  });
  it("shows the sign of a deviation", () => {
    expect(plain(formatSigned(19502))).toBe("+19 502");
    expect(plain(formatSigned(-6725))).toBe("-6 725");
    expect(formatSigned(0)).toBe("0");
  });
  it("formats percentages and dates", () => {
    expect(plain(formatPercent(13.4))).toBe("13,4 %");
    expect(formatDate("2023-12-31")).toBe("2023-12-31");
  });
  it("puts the word after a count in the right number", () => {
    expect(formatCount(1, "indikator", "indikatorer")).toBe("1 indikator");
    expect(formatCount(0, "indikator", "indikatorer")).toBe("0 indikatorer");
    expect(plain(formatCount(1234, "rad", "rader"))).toBe("1 234 rader");
  });
  it("parses Swedish-typed numbers", () => {
    expect(parseSwedishNumber("1 234,5")).toBe(1234.5);
    expect(parseSwedishNumber("\u22127\u00a0734")).toBe(-7734);
    expect(parseSwedishNumber("12,9 %")).toBeNull();
    expect(parseSwedishNumber("abc")).toBeNull();
  });
});

describe("fractionDigits", () => {
  it("counts the decimals a value carries, so a display never rounds an entered value away", () => {
    expect(fractionDigits(71)).toBe(0);
    expect(fractionDigits(70.5)).toBe(1);
    expect(fractionDigits(0.125)).toBe(3);
    expect(fractionDigits(-12.25)).toBe(2);
    // Binary noise beyond six decimals is not a decimal anyone entered.
    expect(fractionDigits(0.1 + 0.2)).toBe(1);
    expect(fractionDigits(Number.NaN)).toBe(0);
    expect(formatNumber(70.5, Math.max(0, fractionDigits(70.5)))).toBe("70,5");
  });
});
