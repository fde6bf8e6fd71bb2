import { describe, expect, it } from "vitest";
import { checkTargetDirection } from "./direction.ts";
import { parseTarget } from "./target.ts";

describe("checkTargetDirection", () => {
  it("flags Vård & Omsorg's 2022 turnover target of 12 % after an outcome of 11,85 % in 2021", () => {
    const problem = checkTargetDirection({
      direction: "lower",
      target: parseTarget("12 %"),
      targetYear: 2022,
      latest: { year: 2021, value: 11.85 },
    });
    expect(problem?.code).toBe("less_ambitious");
    expect(problem?.message).toBe("Målvärdet 12 för 2022 är sämre än utfallet 11,85 för 2021, fast lägre är bättre.");
  });

  it("accepts 'Färre än 16' after 16 in 2021 and '≤ 14' by 2025: both demand improvement", () => {
    const latest = { year: 2021, value: 16 };
    expect(
      checkTargetDirection({ direction: "lower", target: parseTarget("Färre än 16"), targetYear: 2022, latest }),
    ).toBeNull();
    expect(
      checkTargetDirection({ direction: "lower", target: parseTarget("≤ 14"), targetYear: 2025, latest }),
    ).toBeNull();
  });

  it("flags a comparator that points against the indicator's direction", () => {
    expect(checkTargetDirection({ direction: "lower", target: parseTarget("Minst 20"), targetYear: 2023 })?.code).toBe(
      "against_direction",
    );
    expect(
      checkTargetDirection({ direction: "higher", target: parseTarget("Lägre än utfallet 2021"), targetYear: 2023 })
        ?.code,
    ).toBe("against_direction");
    expect(checkTargetDirection({ direction: "higher", target: parseTarget("<75"), targetYear: 2023 })?.message).toBe(
      "Målvärdet pekar åt fel håll: indikatorn ska bli högre men målet anger ett tak.",
    );
  });

  it("flags a floor set below the latest outcome where higher is better", () => {
    const problem = checkTargetDirection({
      direction: "higher",
      target: parseTarget("Minst 70"),
      targetYear: 2023,
      latest: { year: 2022, value: 75 },
    });
    expect(problem?.code).toBe("less_ambitious");
  });

  it("says nothing for text, status targets, indicators without direction or outcomes after the target year", () => {
    expect(
      checkTargetDirection({ direction: "lower", target: parseTarget("Ökad delaktighet"), targetYear: 2023 }),
    ).toBeNull();
    expect(checkTargetDirection({ direction: "none", target: parseTarget("Minst 20"), targetYear: 2023 })).toBeNull();
    expect(
      checkTargetDirection({
        direction: "lower",
        target: parseTarget("12 %"),
        targetYear: 2022,
        latest: { year: 2022, value: 11 },
      }),
    ).toBeNull();
  });
});
