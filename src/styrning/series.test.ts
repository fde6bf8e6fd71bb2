import { describe, expect, it } from "vitest";
import { cellFor, displayGenders, latestBefore, numericOutcomeOf, rowOutcomes, type SeriesValue } from "./series.ts";

const v = (period: string, gender: string, value: number | null, state = "value"): SeriesValue => ({
  period,
  gender,
  state,
  value,
  statusCode: null,
});

// IFO: utredningstid vuxna missbruk 21+, kvinnor 45/35/25 and män 30/33/36 (2020–2022); 2023 not yet published.
const missbruk = [
  v("2020", "K", 45),
  v("2021", "K", 35),
  v("2022", "K", 25),
  v("2020", "M", 30),
  v("2021", "M", 33),
  v("2022", "M", 36),
  v("2023", "K", null, "not_published"),
];

describe("series", () => {
  it("shows the split's rows and adds a total only when one exists", () => {
    expect(displayGenders("kvinnor_man", missbruk)).toEqual(["K", "M"]);
    expect(displayGenders("kvinnor_man", [...missbruk, v("2022", "T", 31)])).toEqual(["T", "K", "M"]);
    expect(displayGenders("total", missbruk)).toEqual(["T"]);
  });

  it("reads the annual-report cells, keeping 'not yet published' distinct from a value", () => {
    expect(cellFor(missbruk, "M", 2022, "year")?.value).toBe(36);
    expect(cellFor(missbruk, "K", 2023, "year")?.state).toBe("not_published");
    expect(cellFor(missbruk, "M", 2023, "year")).toBeUndefined();
  });

  it("gives the outcome at the assessed period with last year's for the trend", () => {
    expect(rowOutcomes(missbruk, ["K", "M"], "year", "2022")).toEqual([
      { gender: "K", current: 25, previous: 35 },
      { gender: "M", current: 36, previous: 33 },
    ]);
    expect(rowOutcomes(missbruk, ["K"], "year", "2023")).toEqual([{ gender: "K", current: null, previous: null }]);
  });

  it("takes the latest tertial within the year up to the assessed period", () => {
    const tertials = [v("2022-T2", "T", 14), v("2023-T1", "T", 12), v("2023-T2", "T", 11), v("2023-T3", "T", 10)];
    expect(rowOutcomes(tertials, ["T"], "tertial", "2023-T2")).toEqual([{ gender: "T", current: 11, previous: 14 }]);
    expect(cellFor(tertials, "T", 2023, "tertial")?.period).toBe("2023-T3");
  });

  it("finds earlier outcomes for relative targets and direction checks", () => {
    expect(numericOutcomeOf(missbruk, "K", 2021, "year")).toBe(35);
    expect(numericOutcomeOf(missbruk, "K", 2023, "year")).toBeNull();
    expect(latestBefore(missbruk, "M", 2024, "year")).toEqual({ year: 2022, value: 36 });
  });
});
