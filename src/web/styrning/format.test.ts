import { describe, expect, it } from "vitest";
import { moreDecimalsThanShown, valueText } from "./format.ts";

const value = (v: number) => ({ state: "value", value: v, statusCode: null });

describe("indicator values as entered", () => {
  it("prints the indicator's decimals, or more when the value was entered with more, never 71 for 70,5", () => {
    expect(valueText(value(70.5), [], 0)).toBe("70,5");
    expect(valueText(value(71), [], 1)).toBe("71,0");
    expect(valueText(value(12.345), [], 1)).toBe("12,345");
    expect(moreDecimalsThanShown(value(70.5), 0)).toBe(true);
    expect(moreDecimalsThanShown(value(70.5), 1)).toBe(false);
    expect(moreDecimalsThanShown({ state: "missing", value: null, statusCode: null }, 0)).toBe(false);
  });
});
