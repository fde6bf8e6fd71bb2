import { describe, expect, it } from "vitest";
import {
  comparePeriods,
  lockCovering,
  parsePeriod,
  periodContains,
  periodLabel,
  periodLabelFor,
  periodMatchesType,
  periodsOfYear,
  previousYearPeriod,
} from "./period.ts";

describe("periods", () => {
  it("parses year, tertial, quarter and month keys and rejects others", () => {
    expect(parsePeriod("2023")).toEqual({ key: "2023", year: 2023, kind: "year", index: 1 });
    expect(parsePeriod("2023-T2")).toMatchObject({ kind: "tertial", index: 2 });
    expect(parsePeriod("2022-Q3")).toMatchObject({ kind: "quarter", index: 3 });
    expect(parsePeriod("2023-11")).toMatchObject({ kind: "month", index: 11 });
    for (const bad of ["2023-T4", "2023-Q5", "2023-13", "23", "2023-1", "år 2023"]) expect(parsePeriod(bad)).toBeNull();
  });

  it("labels periods in Swedish", () => {
    expect(periodLabel("2022-Q3")).toBe("Kvartal 3 2022");
    expect(periodLabel("2023-T2")).toBe("Tertial 2 2023");
    expect(periodLabel("2023-03")).toBe("Mars 2023");
  });

  it("keys a measurement window such as 'kvartal 3' by its year", () => {
    expect(periodsOfYear("window", 2022)).toEqual(["2022"]);
    expect(periodMatchesType("2022", "window")).toBe(true);
    expect(periodMatchesType("2022-Q3", "window")).toBe(false);
    expect(periodsOfYear("tertial", 2023)).toEqual(["2023-T1", "2023-T2", "2023-T3"]);
    expect(periodsOfYear("month", 2023)).toHaveLength(12);
  });

  it("lets a year lock cover its tertials and months, and a tertial lock only its own months", () => {
    expect(periodContains("2022", "2022-T3")).toBe(true);
    expect(periodContains("2022", "2023")).toBe(false);
    expect(periodContains("2023-T1", "2023-04")).toBe(true);
    expect(periodContains("2023-T1", "2023-05")).toBe(false);
    expect(periodContains("2023-T2", "2023-Q2")).toBe(false);
    const locks = [{ period: "2022", id: "a" }];
    expect(lockCovering("2022-08", locks)?.id).toBe("a");
    expect(lockCovering("2023", locks)).toBeUndefined();
  });

  it("orders periods and finds last year's counterpart", () => {
    expect(["2023", "2023-T1", "2022", "2023-03"].sort(comparePeriods)).toEqual(["2022", "2023-03", "2023-T1", "2023"]);
    expect(previousYearPeriod("2023-T2")).toBe("2022-T2");
    expect(previousYearPeriod("2023")).toBe("2022");
  });
});

describe("year-to-date periods", () => {
  it("keeps month keys and reads them as accumulated from January", () => {
    expect(periodMatchesType("2023-03", "ytd")).toBe(true);
    expect(periodMatchesType("2023-T1", "ytd")).toBe(false);
    expect(periodLabelFor("2023-03", "ytd")).toBe("Januari–mars 2023");
    expect(periodLabelFor("2023-01", "ytd")).toBe("Januari 2023");
    expect(periodLabelFor("2023-03", "month")).toBe("Mars 2023");
  });
});
