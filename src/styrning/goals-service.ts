import type { Actor } from "../platform/auth/access.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { DomainError, notFound } from "../platform/errors.ts";
import { writeRecord } from "../platform/service.ts";
import { assertReadable, canReadStyrning, canWriteStyrning, found, readableRows } from "./access.ts";
import { readableActivitiesOfGoals } from "./activities-service.ts";
import { contradiction, suggestAssessment } from "./assessment.ts";
import { activityDto, assessmentDto, commentDto, directiveDto, goalDto, levelDto, scaleLevelDto } from "./dto.ts";
import { indicatorViews } from "./indicators-service.ts";
import { goalRecord } from "./models-service.ts";
import { parsePeriod } from "./period.ts";
import * as repo from "./repository.ts";
import { levelsByScale } from "./scales-service.ts";
import type { StyrningDB } from "./tables.ts";
import type { Meaning } from "./vocabulary.ts";

type Db = DbOf<StyrningDB>;

/**
 * Everything the goal page shows: the goal in its tree, its indicators as in the annual report,
 * the suggested assessment and whether the person's assessment contradicts it, comments and activities.
 */
export async function goalPage(db: Db, actor: Actor, id: string, requestedPeriod?: string) {
  const [row] = await repo.findGoals(db, [id]);
  assertReadable(actor, row, "Målet");
  const goal = goalDto(row);
  const model = await found(repo.findModel(db, goal.modelId), "Målmodellen");
  const period = requestedPeriod ?? String(model.year);
  if (parsePeriod(period)?.year !== model.year) {
    throw new DomainError("validation", `Perioden ska ligga inom målmodellens år ${model.year}.`);
  }
  const [levels, goals, links, assessments, comments, lineage, activityRows, directives, scales] = await Promise.all([
    repo.levelsOf(db, model.id),
    repo.goalsOf(db, model.id),
    repo.goalIndicatorsOf(db, [id]),
    repo.assessmentsOf(db, [id]),
    repo.commentsOf(db, id),
    repo.lineageOf(db, goal.lineageId),
    readableActivitiesOfGoals(db, actor, model, [id]),
    repo.directivesAround(db, model.path, model.year),
    levelsByScale(db, [model.assessment_scale_id]),
  ]);
  const indicators = await indicatorViews(
    db,
    links.map((l) => l.indicator_id),
    { year: model.year, period },
  );
  const suggestion = suggestAssessment(indicators.map((i) => i.evaluation));
  const assessment = assessments.find((a) => a.period === period) ?? null;
  const ancestors: repo.GoalRow[] = [];
  for (let parentId = goal.parentId; parentId; ) {
    const parent = goals.find((g) => g.id === parentId);
    if (!parent) break;
    ancestors.unshift(parent);
    parentId = parent.parent_id;
  }
  const level = levels.find((l) => l.id === goal.levelId);
  const withLevel = (g: repo.GoalRow) => ({
    ...goalDto(g),
    level: levels.find((l) => l.id === g.level_id)?.name ?? "",
  });
  return {
    goal,
    model: {
      id: model.id,
      year: model.year,
      name: model.name,
      orgNodeId: model.org_node_id,
      orgNodeName: model.org_node_name,
    },
    level: level ? levelDto(level) : null,
    period,
    ancestors: ancestors.map(withLevel),
    children: goals.filter((g) => g.parent_id === id).map(withLevel),
    lineage,
    indicators,
    suggestion,
    assessment: assessment ? assessmentDto(assessment) : null,
    assessments: assessments.map(assessmentDto),
    contradiction: contradiction((assessment?.meaning as Meaning | undefined) ?? null, suggestion),
    assessmentScale: (model.assessment_scale_id ? (scales.get(model.assessment_scale_id) ?? []) : []).map(
      scaleLevelDto,
    ),
    comments: comments.map(commentDto),
    activities: activityRows.map((a) => ({ ...activityDto(a), orgNodeName: a.org_node_name })),
    directives: readableRows(actor, directives)
      .filter((d) => d.goal_id === id)
      .map((d) => ({ ...directiveDto(d), orgNodeName: d.org_node_name, writable: d.writable })),
    writable: canWriteStyrning(actor, model.path),
  };
}

export async function setGoalIndicators(db: Db, actor: Actor, goalId: string, indicatorIds: string[]) {
  return writeRecord(db, actor, "write:styrning", goalRecord(goalId), async ({ trx, record: goal, audit }) => {
    const model = await found(repo.findModel(trx, goal.model_id), "Målmodellen");
    const level = await found(repo.findLevel(trx, goal.level_id), "Nivån");
    if (level.kind !== "goal" && indicatorIds.length > 0) {
      throw new DomainError(
        "validation",
        `Indikatorer: ${goal.title} på nivån ${level.name} grupperar mål; indikatorer kopplas till målen under den.`,
      );
    }
    const unique = [...new Set(indicatorIds)];
    const indicators = await repo.findIndicators(trx, unique);
    for (const indicatorId of unique) {
      const indicator = indicators.find((i) => i.id === indicatorId);
      // An indicator may belong to the nämnd, a unit below it, or a level above (a municipality-wide KPI).
      if (!indicator || !(indicator.path.startsWith(model.path) || model.path.startsWith(indicator.path))) {
        throw new DomainError(
          "validation",
          `Indikatorn ${indicator?.name ?? indicatorId} hör inte till ${model.org_node_name}.`,
        );
      }
      if (!canReadStyrning(actor, indicator.path)) throw notFound("Indikatorn");
    }
    const before = await repo.deleteGoalIndicators(trx, goalId);
    for (const [position, indicatorId] of unique.entries()) {
      await repo.insertGoalIndicator(trx, {
        org_node_id: goal.org_node_id,
        goal_id: goalId,
        indicator_id: indicatorId,
        position,
      });
    }
    await audit("goal_indicator", goalId, "update", {
      before: { indicatorIds: before.map((b) => b.indicator_id) },
      after: { indicatorIds: unique },
    });
    return { goalId, indicatorIds: unique };
  });
}

export async function setAssessment(
  db: Db,
  actor: Actor,
  goalId: string,
  period: string,
  input: { levelCode: string; comment: string },
) {
  return writeRecord(db, actor, "write:styrning", goalRecord(goalId), async ({ trx, record: goal, audit }) => {
    const model = await repo.findModel(trx, goal.model_id);
    const level = await repo.findLevel(trx, goal.level_id);
    if (!model || !level) throw notFound("Målmodellen");
    if (!level.assessed)
      throw new DomainError("validation", `Mål på nivån ${level.name} bedöms inte i den här målmodellen.`);
    if (parsePeriod(period)?.year !== model.year) {
      throw new DomainError("validation", `Perioden ska ligga inom målmodellens år ${model.year}.`);
    }
    if (!model.assessment_scale_id) {
      throw new DomainError("validation", "Målmodellen saknar bedömningsskala; en administratör behöver välja en.");
    }
    const scale = (await levelsByScale(trx, [model.assessment_scale_id])).get(model.assessment_scale_id) ?? [];
    const scaleLevel = scale.find((l) => l.code === input.levelCode);
    if (!scaleLevel) {
      throw new DomainError("validation", `Bedöm målet: välj en av ${scale.map((l) => l.label).join(", ")}.`);
    }
    const before = await repo.findAssessment(trx, goalId, period);
    const values = {
      scale_level_id: scaleLevel.id,
      comment: input.comment,
      assessed_by: actor.id,
      assessed_by_name: actor.displayName,
    };
    const row = before
      ? await repo.updateAssessment(trx, before.id, values)
      : await repo.insertAssessment(trx, { org_node_id: goal.org_node_id, goal_id: goalId, period, ...values });
    await audit("goal_assessment", row.id, before ? "update" : "create", { before, after: row });
    return assessmentDto({
      ...row,
      level_code: scaleLevel.code,
      level_label: scaleLevel.label,
      meaning: scaleLevel.meaning,
    });
  });
}

export async function addGoalComment(db: Db, actor: Actor, goalId: string, input: { period: string; text: string }) {
  return writeRecord(db, actor, "write:styrning", goalRecord(goalId), async ({ trx, record: goal, audit }) => {
    const row = await repo.insertComment(trx, {
      org_node_id: goal.org_node_id,
      goal_id: goalId,
      period: input.period,
      text: input.text,
      author_id: actor.id,
      author_name: actor.displayName,
    });
    await audit("goal_comment", row.id, "create", { after: row });
    return commentDto(row);
  });
}
