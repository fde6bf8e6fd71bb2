// A goal model's configuration is checked when it is made, not when someone later tries to use it: each
// rule here names the level it refuses. Pure; the schema runs the rules on the levels alone, the service
// runs the scale rule on the levels and scale the model will have after the change.
import { type LevelKind, levelKindLabels } from "./vocabulary.ts";

export type LevelShape = { name: string; kind: LevelKind; assessed: boolean };
export type ConfigProblem = { index: number; field: "name" | "kind" | "assessed"; message: string };

/** Everything wrong with the order and kinds of a model's levels, each naming its level. */
export function levelProblems(levels: readonly LevelShape[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const seen = new Set<string>();
  const firstGoal = levels.findIndex((l) => l.kind === "goal");
  const lastGoal = levels.findLastIndex((l) => l.kind === "goal");
  if (firstGoal < 0 && levels.length > 0) {
    problems.push({ index: 0, field: "kind", message: "Målmodellen behöver minst en nivå av typen Mål." });
  }
  levels.forEach((l, index) => {
    const name = l.name.trim().toLowerCase();
    if (seen.has(name)) problems.push({ index, field: "name", message: `Nivån ${l.name} förekommer två gånger.` });
    seen.add(name);
    if (l.assessed && l.kind !== "goal") {
      problems.push({
        index,
        field: "assessed",
        message: `Nivån ${l.name} är av typen ${levelKindLabels[l.kind].toLowerCase()} och bedöms inte; bara mål bedöms.`,
      });
    }
    if (l.kind === "grouping" && firstGoal >= 0 && index > firstGoal) {
      problems.push({
        index,
        field: "kind",
        message: `Nivån ${l.name} grupperar mål och måste ligga ovanför målnivåerna.`,
      });
    }
    if (l.kind === "uppdrag") {
      if (firstGoal < 0 || index < lastGoal) {
        problems.push({
          index,
          field: "kind",
          message: `Nivån ${l.name} innehåller uppdrag och måste ligga under en nivå av typen Mål.`,
        });
      }
      if (levels.findIndex((o) => o.kind === "uppdrag") !== index) {
        problems.push({ index, field: "kind", message: `Nivån ${l.name}: målmodellen kan ha en uppdragsnivå.` });
      }
    }
    if (l.kind === "activity" && index !== levels.length - 1) {
      problems.push({
        index,
        field: "kind",
        message: `Nivån ${l.name} innehåller aktiviteter och måste vara den sista nivån.`,
      });
    }
  });
  return problems;
}

/** A level flagged for assessment needs the model's assessment scale; the message names the level. */
export function assessmentScaleProblem(levels: readonly LevelShape[], hasScale: boolean): string | null {
  if (hasScale) return null;
  const assessed = levels.filter((l) => l.assessed);
  if (assessed.length === 0) return null;
  const names = assessed.map((l) => l.name).join(", ");
  return `Bedömningsskala: ${assessed.length === 1 ? "nivån" : "nivåerna"} ${names} bedöms men målmodellen saknar bedömningsskala; välj en skala eller ta bort Bedöms.`;
}
