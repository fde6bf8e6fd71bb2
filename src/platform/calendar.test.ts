import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  daysBetween,
  formatQuarter,
  isIsoDate,
  parseQuarter,
  previousQuarter,
  type Quarter,
  quarterEnd,
  quarterOf,
  quarterStart,
  quartersBetween,
  todayInSweden,
} from "./calendar.ts";

describe("calendar", () => {
  it("adds months the legal way, clamping to the last day of a shorter month", () => {
    expect(addMonths("2023-11-30", 3)).toBe("2024-02-29");
    expect(addMonths("2022-11-30", 3)).toBe("2023-02-28");
    expect(addMonths("2023-08-31", 3)).toBe("2023-11-30");
    expect(addMonths("2023-05-31", 3)).toBe("2023-08-31");
    expect(addMonths("2023-12-31", 3)).toBe("2024-03-31");
    expect(addMonths("2024-02-29", 12)).toBe("2025-02-28");
    expect(addMonths("2023-10-15", -12)).toBe("2022-10-15");
  });

  it("counts days across leap days and year ends", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-12-31", 1)).toBe("2024-01-01");
    expect(addDays("2024-01-01", -1)).toBe("2023-12-31");
    expect(daysBetween("2023-01-01", "2024-01-01")).toBe(365);
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
    expect(daysBetween("2022-03-16", "2023-12-31")).toBe(655);
  });

  it("recognises real calendar dates only", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2023-13-01")).toBe(false);
    expect(isIsoDate("2023-4-01")).toBe(false);
    expect(isIsoDate("20230401")).toBe(false);
  });

  it("parses and bounds quarters", () => {
    expect(parseQuarter("2023Q4")).toEqual({ year: 2023, quarter: 4 });
    expect(parseQuarter("2024-q1")).toEqual({ year: 2024, quarter: 1 });
    expect(parseQuarter("2024K2")).toEqual({ year: 2024, quarter: 2 });
    expect(parseQuarter("2024Q5")).toBeNull();
    expect(quarterStart({ year: 2023, quarter: 4 })).toBe("2023-10-01");
    expect(quarterEnd({ year: 2023, quarter: 4 })).toBe("2023-12-31");
    expect(quarterEnd({ year: 2024, quarter: 1 })).toBe("2024-03-31");
    expect(quarterEnd({ year: 2024, quarter: 2 })).toBe("2024-06-30");
    expect(quarterOf("2023-09-30")).toEqual({ year: 2023, quarter: 3 });
    expect(quarterOf("2023-10-01")).toEqual({ year: 2023, quarter: 4 });
    expect(formatQuarter(previousQuarter({ year: 2024, quarter: 1 }))).toBe("2023Q4");
  });

  it("takes today from the Swedish calendar, not UTC", () => {
    // 23:30 UTC on New Year's Eve is already New Year's Day in Stockholm.
    expect(todayInSweden(new Date("2023-12-31T23:30:00Z"))).toBe("2024-01-01");
    expect(todayInSweden(new Date("2024-06-30T21:59:00Z"))).toBe("2024-06-30");
  });

  it("turns the day at Swedish midnight exactly, whatever was asked just before (the date is kept per minute)", () => {
    const asked = [
      ["2024-06-30T21:59:59.999Z", "2024-06-30"],
      ["2024-06-30T22:00:00.000Z", "2024-07-01"],
      ["2024-06-30T21:59:00.000Z", "2024-06-30"],
      ["2024-10-27T22:59:59.999Z", "2024-10-27"],
      ["2024-10-27T23:00:00.000Z", "2024-10-28"],
      ["2024-10-27T23:00:59.999Z", "2024-10-28"],
    ];
    for (const [now, date] of asked) expect(todayInSweden(new Date(now as string))).toBe(date);
  });
});

describe("the quarters between two", () => {
  it("lists them newest first across years, and none when the first is later", () => {
    const q = (text: string) => parseQuarter(text) as Quarter;
    expect(quartersBetween(q("2023Q3"), q("2024Q2")).map(formatQuarter)).toEqual([
      "2024Q2",
      "2024Q1",
      "2023Q4",
      "2023Q3",
    ]);
    expect(quartersBetween(q("2024Q1"), q("2024Q1")).map(formatQuarter)).toEqual(["2024Q1"]);
    expect(quartersBetween(q("2024Q2"), q("2024Q1"))).toEqual([]);
  });
});
