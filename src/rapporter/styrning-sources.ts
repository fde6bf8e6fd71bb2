// Styrning's public reads shaped as the report's goal follow-up and directives: the nämnd's goal model for
// the year, each goal with its assessment, the assessment its indicators suggest, and its indicators'
// outcomes Y-3..Y per row (total, or split by sex) with the year's target. The reads check the reader's access.
import type { Actor } from "../platform/auth/access.ts";
import type { DbOf } from "../platform/db/schema.ts";
import {
  activityStatusLabels,
  goalPage,
  indicatorStatusLabels,
  listModels,
  meaningLabels,
  modelTree,
} from "../styrning/index.ts";
import { numberText } from "./figures.ts";
import type { AssembledActivity, AssembledDirective, AssembledGoal, AssembledIndicator } from "./model.ts";
import type { RapporterDB } from "./tables.ts";
import type { TemplateContent } from "./template.ts";

type GoalPage = Awaited<ReturnType<typeof goalPage>>;
type Tree = Awaited<ReturnType<typeof modelTree>>;

/** What the goal and directive blocks are filled from; empty when the nämnd has no goal model for the year. */
export type GoalSource = {
  goals: Array<AssembledGoal & { assessed: boolean }>;
  directives: AssembledDirective[];
  activities: AssembledActivity[];
};

export function indicatorOf(view: GoalPage["indicators"][number]): AssembledIndicator {
  return {
    name: view.name,
    unit: view.unit,
    direction: view.direction,
    years: view.columns,
    rows: view.rows.map((row) => ({
      label: row.label,
      cells: row.cells.map((cell) => {
        const value = cell?.value ?? null;
        // A status indicator shows its level code ("grön"); a number its sv-SE text at the indicator's decimals.
        const text = value !== null ? numberText(value, view.decimals) : (cell?.statusCode ?? "–");
        return { value, text };
      }),
    })),
    target: view.target ? { year: view.target.year, text: view.target.target, footnote: view.target.footnote } : null,
    status: { code: view.evaluation.status, label: indicatorStatusLabels[view.evaluation.status] },
  };
}

export function goalOf(page: GoalPage, levelName: string, assessed: boolean): GoalSource["goals"][number] {
  return {
    code: page.goal.code,
    title: page.goal.title,
    registerTitle: page.goal.title,
    level: levelName,
    assessed,
    assessment: page.assessment
      ? { meaning: page.assessment.meaning, label: page.assessment.levelLabel, comment: page.assessment.comment }
      : null,
    suggestion: {
      meaning: page.suggestion.meaning,
      label: page.suggestion.meaning ? meaningLabels[page.suggestion.meaning] : null,
      explanation: page.suggestion.explanation,
    },
    indicators: page.indicators.map(indicatorOf),
  };
}

export function directiveOf(d: Tree["directives"][number]): AssembledDirective {
  return {
    title: d.title,
    issuedBy: d.issuedBy === "kf" ? "Kommunfullmäktige" : d.issuedBy === "namnd" ? "Nämnden" : d.issuedBy,
    body: d.body,
    assignments: d.assignments,
    handling: d.handling,
    validFrom: d.validFrom,
    validTo: d.validTo,
  };
}

export function activityOf(a: Tree["activities"][number]): AssembledActivity {
  return {
    title: a.title,
    unit: a.orgNodeName,
    status: activityStatusLabels[a.status],
    expectedEffect: a.expectedEffect,
    startDate: a.startDate,
    endDate: a.endDate,
  };
}

/** Whether a template shows goals or directives (only then is styrning read). */
export const usesGoals = (content: TemplateContent) =>
  content.chapters.some((c) =>
    c.blocks.some((b) => b.kind === "goals" || b.kind === "directives" || b.kind === "activities"),
  );

/** The nämnd's own goal model for the year, read through styrning's public surface. */
export async function loadGoalSource(
  db: DbOf<RapporterDB>,
  actor: Actor,
  namndId: string,
  year: number,
): Promise<GoalSource> {
  const model = (await listModels(db, actor, namndId, year)).find((m) => m.orgNodeId === namndId && m.year === year);
  if (!model) return { goals: [], directives: [], activities: [] };
  const tree = await modelTree(db, actor, model.id);
  const levels = new Map(tree.levels.map((l) => [l.id, l]));
  const goals: GoalSource["goals"] = [];
  for (const goal of tree.goals) {
    const level = levels.get(goal.levelId);
    if (level?.kind !== "goal") continue;
    goals.push(goalOf(await goalPage(db, actor, goal.id, String(year)), level.name, level.assessed));
  }
  return {
    goals,
    directives: tree.directives.filter((d) => d.validFrom <= year && year <= d.validTo).map(directiveOf),
    activities: tree.activities.map(activityOf),
  };
}
