import { describe, expect, it } from "vitest";
import { amountThrough, coveredThrough, granularityOf, isValidPeriod, windowLabel } from "./periods.ts";

const month = (periodNo: number, amountKr: number) => ({ periodType: "month" as const, periodNo, amountKr });

describe("periods", () => {
  it("validates period numbers per type", () => {
    expect(isValidPeriod({ periodType: "year", periodNo: 0 })).toBe(true);
    expect(isValidPeriod({ periodType: "tertial", periodNo: 4 })).toBe(false);
    expect(isValidPeriod({ periodType: "month", periodNo: 12 })).toBe(true);
    expect(isValidPeriod({ periodType: "month", periodNo: 13 })).toBe(false);
  });

  it("labels periods in Swedish", () => {
    expect(windowLabel(4)).toBe("jan–apr");
    expect(windowLabel(12)).toBe("helår");
  });

  it("sums months through a window and refuses to split a tertial", () => {
    const months = [month(1, 100), month(2, 200), month(3, 300), month(5, 500)];
    expect(amountThrough(months, 4)).toBe(600);
    expect(amountThrough(months, 12)).toBe(1100);
    expect(amountThrough([], 12)).toBeNull();
    const tertials = [{ periodType: "tertial" as const, periodNo: 1, amountKr: 10 }];
    expect(amountThrough(tertials, 4)).toBe(10);
    expect(amountThrough(tertials, 3)).toBeNull();
    expect(coveredThrough(tertials)).toBe(4);
    expect(coveredThrough(months)).toBe(5);
  });

  it("knows when granularities are mixed", () => {
    expect(granularityOf([month(1, 1), { periodType: "year", periodNo: 0 }])).toBe("mixed");
    expect(granularityOf([month(1, 1)])).toBe("month");
    expect(granularityOf([])).toBeNull();
  });
});
