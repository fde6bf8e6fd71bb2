import { describe, expect, it } from "vitest";
import { checkRelations, type Relation } from "./relations.ts";

const indicators = [
  { id: "a", name: "Placerade barn", decimals: 0 },
  { id: "b", name: "Placerade i familjehem", decimals: 0 },
  { id: "c", name: "Placerade på HVB", decimals: 0 },
  { id: "d", name: "Placerade utanför kommunen", decimals: 0 },
];
const sum: Relation[] = [
  { wholeId: "a", partId: "b", kind: "sum" },
  { wholeId: "a", partId: "c", kind: "sum" },
];
const v = (indicatorId: string, period: string, value: number, gender = "T") => ({
  indicatorId,
  period,
  gender,
  value,
});

describe("relations between indicators", () => {
  it("accepts a series where the whole is the sum of its parts", () => {
    expect(checkRelations(sum, indicators, [v("a", "2023", 50), v("b", "2023", 30), v("c", "2023", 20)])).toEqual([]);
  });

  it("fails an inconsistent sum, naming the indicator and the period", () => {
    const problems = checkRelations(sum, indicators, [
      v("a", "2022", 40),
      v("b", "2022", 25),
      v("c", "2022", 15),
      v("a", "2023", 50),
      v("b", "2023", 30),
      v("c", "2023", 21),
    ]);
    expect(problems).toEqual([
      {
        indicatorId: "a",
        period: "2023",
        gender: "T",
        members: "",
        kind: "sum",
        message:
          "Placerade barn 2023: summan av Placerade i familjehem och Placerade på HVB är 51, men Placerade barn är 50.",
      },
    ]);
  });

  it("checks each sex and period on its own and names a sub-year period", () => {
    const problems = checkRelations(sum, indicators, [
      v("a", "2023-T1", 10, "K"),
      v("b", "2023-T1", 4, "K"),
      v("c", "2023-T1", 5, "K"),
      v("a", "2023-T1", 10, "M"),
      v("b", "2023-T1", 5, "M"),
      v("c", "2023-T1", 5, "M"),
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      "Placerade barn Tertial 1 2023 (kvinnor): summan av Placerade i familjehem och Placerade på HVB är 9, men Placerade barn är 10.",
    ]);
  });

  it("checks each combination of dimension parts on its own, naming it", () => {
    const part = (id: string, value: number, members: string, membersLabel: string) => ({
      ...v(id, "2023", value),
      members,
      membersLabel,
    });
    const problems = checkRelations(sum, indicators, [
      v("a", "2023", 50),
      v("b", "2023", 30),
      v("c", "2023", 20),
      part("a", 12, "m1+m3", "0–12 år · Enhet norr"),
      part("b", 7, "m1+m3", "0–12 år · Enhet norr"),
      part("c", 5, "m1+m3", "0–12 år · Enhet norr"),
      part("a", 9, "m2+m3", "13–17 år · Enhet norr"),
      part("b", 6, "m2+m3", "13–17 år · Enhet norr"),
      part("c", 4, "m2+m3", "13–17 år · Enhet norr"),
      // The parts of another combination are not compared with this one's whole.
      part("b", 99, "m1+m4", "0–12 år · Enhet syd"),
    ]);
    expect(problems).toEqual([
      {
        indicatorId: "a",
        period: "2023",
        gender: "T",
        members: "m2+m3",
        kind: "sum",
        message:
          "Placerade barn 2023, 13–17 år · Enhet norr: summan av Placerade i familjehem och Placerade på HVB är 10, men Placerade barn är 9.",
      },
    ]);
  });

  it("does not judge a period where a part is missing", () => {
    expect(checkRelations(sum, indicators, [v("a", "2023", 50), v("b", "2023", 30)])).toEqual([]);
  });

  it("allows the rounding of figures shown with decimals", () => {
    const rounded = indicators.map((i) => ({ ...i, decimals: 1 }));
    expect(checkRelations(sum, rounded, [v("a", "2023", 10.1), v("b", "2023", 5.1), v("c", "2023", 5.1)])).toEqual([]);
    expect(checkRelations(sum, rounded, [v("a", "2023", 10.1), v("b", "2023", 5.4), v("c", "2023", 5.1)])).toHaveLength(
      1,
    );
  });

  it("fails a subset larger than its whole", () => {
    const subset: Relation[] = [{ wholeId: "a", partId: "d", kind: "subset" }];
    expect(checkRelations(subset, indicators, [v("a", "2023", 50), v("d", "2023", 50)])).toEqual([]);
    const [problem] = checkRelations(subset, indicators, [v("a", "2023", 50), v("d", "2023", 51)]);
    expect(problem?.message).toBe(
      "Placerade barn 2023: Placerade utanför kommunen (51) är en del av Placerade barn men större än den (50).",
    );
  });
});
