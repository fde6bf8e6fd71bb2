import { describe, expect, it } from "vitest";
import {
  assess,
  checkScale,
  contrastRatio,
  countByLevel,
  levelOfValue,
  type RiskScale,
  riskMatrix,
  riskValue,
  standardScales,
} from "./risk.ts";

const kb = standardScales.kvalitetsplan;
const ik = standardScales.internkontroll;

describe("riskValue", () => {
  it("is sannolikhet × konsekvens from 1 to 16", () => {
    expect(riskValue(1, 1)).toBe(1);
    expect(riskValue(2, 4)).toBe(8);
    expect(riskValue(4, 4)).toBe(16);
  });
  it("refuses scores outside 1–4 and fractions", () => {
    expect(() => riskValue(0, 1)).toThrow(RangeError);
    expect(() => riskValue(1, 5)).toThrow(RangeError);
    expect(() => riskValue(1.5, 2)).toThrow(RangeError);
  });
});

describe("levelOfValue at every cut-off of the standard scales", () => {
  it.each([
    [1, "Låg"],
    [3, "Låg"],
    [4, "Medium"],
    [7, "Medium"],
    [8, "Hög"],
    [11, "Hög"],
    [12, "Kritisk"],
    [16, "Kritisk"],
  ])("kvalitetsplan: %i is %s", (value, level) => {
    expect(levelOfValue(value, kb).name).toBe(level);
  });
  it("internkontroll names its middle level Medel", () => {
    expect(levelOfValue(4, ik).name).toBe("Medel");
    expect(levelOfValue(3, ik).name).toBe("Låg");
  });
  it("follows a scale's own cut-offs", () => {
    const two = {
      levels: [
        { name: "Låg", min: 1, colour: "#ffffff" },
        { name: "Hög", min: 9, colour: "#ffb74d" },
      ],
    };
    expect(levelOfValue(8, two).name).toBe("Låg");
    expect(levelOfValue(9, two).name).toBe("Hög");
  });
  it("refuses a value below the lowest level", () => {
    expect(() => levelOfValue(0, kb)).toThrow(RangeError);
  });
});

describe("the matrix", () => {
  it("has sannolikhet 4 on top, konsekvens 1 to the left, and places each risk in its cell", () => {
    const risks = [
      { nr: 1, likelihood: 4, consequence: 2 },
      { nr: 2, likelihood: 1, consequence: 1 },
      { nr: 3, likelihood: 4, consequence: 2 },
    ];
    const m = riskMatrix(kb, risks);
    expect(m).toHaveLength(4);
    expect(m.map((row) => row.length)).toEqual([4, 4, 4, 4]);
    expect(m[0]?.[0]).toMatchObject({ likelihood: 4, consequence: 1, value: 4, level: { name: "Medium" } });
    expect(m[0]?.[1]?.risks.map((r) => r.nr)).toEqual([1, 3]);
    expect(m[3]?.[0]).toMatchObject({ likelihood: 1, consequence: 1, value: 1, level: { name: "Låg" } });
    expect(m[3]?.[0]?.risks.map((r) => r.nr)).toEqual([2]);
    expect(m[0]?.[3]).toMatchObject({ value: 16, level: { name: "Kritisk" } });
    expect(m.flat().reduce((n, cell) => n + cell.risks.length, 0)).toBe(3);
  });
  it("counts risks per level, with empty levels as 0", () => {
    const risks = [
      { likelihood: 2, consequence: 4 },
      { likelihood: 3, consequence: 3 },
      { likelihood: 2, consequence: 2 },
    ];
    expect(countByLevel(ik, risks)).toEqual([
      { level: "Låg", count: 0 },
      { level: "Medel", count: 1 },
      { level: "Hög", count: 2 },
      { level: "Kritisk", count: 0 },
    ]);
    expect(assess(3, 3, ik)).toEqual({ value: 9, level: ik.levels[2] });
  });
});

describe("checkScale", () => {
  const withLevels = (levels: RiskScale["levels"]): RiskScale => ({ ...kb, levels });
  const fields = (scale: RiskScale) => checkScale(scale).map((p) => p.field);

  it("accepts the standard scales", () => {
    expect(checkScale(kb)).toEqual([]);
    expect(checkScale(ik)).toEqual([]);
  });
  it("needs the lowest level to start at 1 and the cut-offs to increase up to at most 16", () => {
    expect(fields(withLevels([{ ...kb.levels[0]!, min: 2 }, kb.levels[1]!]))).toEqual(["levels.0.min"]);
    expect(fields(withLevels([kb.levels[0]!, { ...kb.levels[1]!, min: 1 }]))).toEqual(["levels.1.min"]);
    expect(fields(withLevels([kb.levels[0]!, { ...kb.levels[1]!, min: 16 }]))).toEqual([]);
    expect(fields(withLevels([kb.levels[0]!, { ...kb.levels[1]!, min: 17 }]))).toEqual(["levels.1.min"]);
    expect(fields(withLevels([kb.levels[0]!]))).toEqual(["levels"]);
  });
  it("needs #rrggbb colours light enough for black text, and distinct names", () => {
    expect(fields(withLevels([kb.levels[0]!, { ...kb.levels[1]!, colour: "red" }]))).toEqual(["levels.1.colour"]);
    // #767676 is 4.54:1 against black, #747474 just under.
    expect(fields(withLevels([kb.levels[0]!, { ...kb.levels[1]!, colour: "#767676" }]))).toEqual([]);
    expect(fields(withLevels([kb.levels[0]!, { ...kb.levels[1]!, colour: "#747474" }]))).toEqual(["levels.1.colour"]);
    expect(fields(withLevels([kb.levels[0]!, { ...kb.levels[1]!, name: "låg" }]))).toEqual(["levels.1.name"]);
  });
  it("computes WCAG contrast", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBe(1);
  });
});
