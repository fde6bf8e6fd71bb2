import { describe, expect, it } from "vitest";
import {
  combinationOf,
  combinationsOf,
  type IndicatorDimension,
  memberSetKey,
  resolveMembers,
} from "./combinations.ts";

const ages: IndicatorDimension = {
  id: "d-age",
  name: "Åldersgrupper",
  members: [
    { id: "b-young", code: "0-12", label: "0–12 år" },
    { id: "a-teen", code: "13-17", label: "13–17 år" },
  ],
};
const units: IndicatorDimension = {
  id: "d-unit",
  name: "Enheter",
  members: [
    { id: "d-north", code: "norr", label: "Enhet norr" },
    { id: "c-south", code: "syd", label: "Enhet syd" },
  ],
};

describe("combinations of dimension parts", () => {
  it("lists each dimension's parts, then the full combinations, labelled in dimension order", () => {
    const rows = combinationsOf([ages, units]);
    expect(rows.map((r) => r.label)).toEqual([
      "0–12 år",
      "13–17 år",
      "Enhet norr",
      "Enhet syd",
      "0–12 år · Enhet norr",
      "0–12 år · Enhet syd",
      "13–17 år · Enhet norr",
      "13–17 år · Enhet syd",
    ]);
    // Ids sorted (the database's canonical set), codes in dimension order.
    expect(rows[4]).toEqual({
      memberIds: ["b-young", "d-north"],
      codes: ["0-12", "norr"],
      label: "0–12 år · Enhet norr",
    });
    expect(rows[7]?.memberIds).toEqual(["a-teen", "c-south"]);
    expect(combinationsOf([])).toEqual([]);
  });

  it("reads a stored set back in dimension order, and refuses ids of other dimensions", () => {
    expect(combinationOf([ages, units], ["d-north", "a-teen"])).toEqual({
      memberIds: ["a-teen", "d-north"],
      codes: ["13-17", "norr"],
      label: "13–17 år · Enhet norr",
    });
    expect(combinationOf([ages], ["d-north"])).toBeNull();
    expect(memberSetKey(["d-north", "a-teen"])).toBe(memberSetKey(["a-teen", "d-north"]));
  });

  it("resolves parts named by code or label in any order, one per dimension", () => {
    expect(resolveMembers([ages, units], ["norr", "0–12 år"])).toEqual({ memberIds: ["b-young", "d-north"] });
    expect(resolveMembers([ages, units], [])).toEqual({ memberIds: [] });
    expect(resolveMembers([ages, units], ["0-12", "13-17"])).toEqual({
      problem: '"0-12" och "13-17" hör båda till Åldersgrupper; ange en del per indelning.',
    });
    expect(resolveMembers([ages, units], ["väst"])).toEqual({
      problem: 'har ingen del "väst"; ange en av 0-12, 13-17, norr, syd.',
    });
    expect(resolveMembers([], ["norr"])).toEqual({ problem: "har ingen indelning utöver kön." });
  });
});
