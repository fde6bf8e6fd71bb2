import { describe, expect, it } from "vitest";
import { assessmentScaleProblem, type LevelShape, levelProblems } from "./model-config.ts";

const level = (name: string, kind: LevelShape["kind"], assessed = false): LevelShape => ({ name, kind, assessed });

describe("levelProblems", () => {
  it("accepts perspektiv → mål → uppdrag → aktivitet, and the plain model", () => {
    expect(
      levelProblems([
        level("Perspektiv", "grouping"),
        level("Mål", "goal", true),
        level("Uppdrag", "uppdrag"),
        level("Aktivitet", "activity"),
      ]),
    ).toEqual([]);
    expect(levelProblems([level("Vision", "goal"), level("Nämndmål", "goal", true)])).toEqual([]);
  });

  it("names each misplaced or wrongly flagged level", () => {
    const problems = levelProblems([
      level("Mål", "goal"),
      level("Perspektiv", "grouping", true),
      level("Aktivitet", "activity"),
      level("mål", "uppdrag"),
    ]);
    expect(problems.map((p) => [p.index, p.field])).toEqual([
      [1, "assessed"],
      [1, "kind"],
      [2, "kind"],
      [3, "name"],
    ]);
    expect(problems.map((p) => p.message).join(" ")).toContain(
      "Nivån Aktivitet innehåller aktiviteter och måste vara den sista nivån.",
    );
  });

  it("requires a goal level, and at most one uppdrag level below the goals", () => {
    expect(levelProblems([level("Perspektiv", "grouping")]).map((p) => p.message)).toEqual([
      "Målmodellen behöver minst en nivå av typen Mål.",
    ]);
    expect(
      levelProblems([level("Mål", "goal"), level("U1", "uppdrag"), level("U2", "uppdrag")]).map((p) => p.message),
    ).toEqual(["Nivån U2: målmodellen kan ha en uppdragsnivå."]);
    expect(levelProblems([level("Uppdrag", "uppdrag"), level("Mål", "goal")]).map((p) => p.index)).toEqual([0]);
  });
});

describe("assessmentScaleProblem", () => {
  it("names the assessed levels when the model has no scale", () => {
    const levels = [level("KF-mål", "goal", true), level("Nämndmål", "goal", true), level("Aktivitet", "activity")];
    expect(assessmentScaleProblem(levels, false)).toBe(
      "Bedömningsskala: nivåerna KF-mål, Nämndmål bedöms men målmodellen saknar bedömningsskala; välj en skala eller ta bort Bedöms.",
    );
    expect(assessmentScaleProblem(levels, true)).toBeNull();
    expect(assessmentScaleProblem([level("Mål", "goal")], false)).toBeNull();
  });
});
