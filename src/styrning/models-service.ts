import type { Actor } from "../platform/auth/access.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { DomainError, notFound } from "../platform/errors.ts";
import { type BoundAudit, write, writeRecord } from "../platform/service.ts";
import { assertReadable, canWriteStyrning, found, readableRows, requireStyrningRead } from "./access.ts";
import { readableActivitiesOfGoals, readableActivitiesOfUppdrag } from "./activities-service.ts";
import {
  activityDto,
  assessmentDto,
  directiveDto,
  goalDto,
  levelDto,
  modelDto,
  modelSummaryDto,
  scaleLevelDto,
  uppdragDto,
} from "./dto.ts";
import { assessmentScaleProblem, type LevelShape } from "./model-config.ts";
import * as repo from "./repository.ts";
import { levelsByScale, requireUsableScale } from "./scales-service.ts";
import {
  type GoalInput,
  type GoalPatch,
  type LevelInput,
  type ModelInput,
  type ModelPatch,
  patchColumns,
} from "./schema.ts";
import type { StyrningDB } from "./tables.ts";
import { buildGoalTree, renderTreeText } from "./tree.ts";
import * as uppdragRepo from "./uppdrag-repository.ts";
import type { LevelKind } from "./vocabulary.ts";

type Db = DbOf<StyrningDB>;

export async function listModels(db: Db, actor: Actor, orgNodeId: string, year?: number) {
  const node = await requireStyrningRead(db, actor, orgNodeId);
  return readableRows(actor, await repo.modelsAround(db, node.path, year)).map(modelSummaryDto);
}

/** Looks up a goal model the actor may read (for writeRecord, or called on a handle directly). */
const readableModel = (actor: Actor, id: string) => async (db: Db) => {
  const model = await repo.findModel(db, id);
  assertReadable(actor, model, "Målmodellen");
  return model;
};

async function writeLevels(
  trx: Db,
  audit: BoundAudit,
  model: { id: string; org_node_id: string },
  levels: LevelInput[],
) {
  const current = await repo.levelsOf(trx, model.id);
  const wanted = new Set(levels.map((l) => l.id).filter(Boolean));
  for (const l of levels) {
    if (l.id && !current.some((c) => c.id === l.id)) throw notFound("Nivån");
  }
  for (const level of current) {
    if (wanted.has(level.id)) continue;
    if (await repo.goalsOnLevel(trx, level.id)) {
      throw new DomainError("conflict", `Nivån ${level.name} har mål och kan inte tas bort.`);
    }
    await repo.deleteLevel(trx, level.id);
    await audit("goal_level", level.id, "delete", { before: level });
  }
  await repo.shiftLevelPositions(trx, model.id);
  for (const [position, l] of levels.entries()) {
    const values = { position, name: l.name, decided_by: l.decidedBy, kind: l.kind, assessed: l.assessed };
    const before = current.find((c) => c.id === l.id);
    if (before) {
      if (before.kind !== l.kind && (await repo.goalsOnLevel(trx, before.id))) {
        throw new DomainError("conflict", `Nivån ${before.name} har mål; dess typ kan inte ändras.`);
      }
      await repo.updateLevel(trx, before.id, values);
      await audit("goal_level", before.id, "update", { before, after: { ...before, ...values } });
    } else {
      const row = await repo.insertLevel(trx, { org_node_id: model.org_node_id, model_id: model.id, ...values });
      await audit("goal_level", row.id, "create", { after: { ...row, org_node_id: model.org_node_id } });
    }
  }
  return repo.levelsOf(trx, model.id);
}

/** A goal model with its levels, as the writes answer. */
const modelWithLevels = (model: Parameters<typeof modelDto>[0], levels: repo.LevelRow[]) => ({
  ...modelDto(model),
  levels: levels.map(levelDto),
});

/** Refuses, when the model is configured, levels flagged for assessment in a model without a scale. */
function requireScaleForAssessedLevels(levels: readonly LevelShape[], scaleId: string | null | undefined) {
  const problem = assessmentScaleProblem(levels, Boolean(scaleId));
  if (problem) throw new DomainError("validation", problem);
}

/** Defining a goal model's shape (levels, who decides them, the assessment scale) is administration. */
export async function createModel(db: Db, actor: Actor, input: ModelInput) {
  return write(db, actor, "admin", input.orgNodeId, async ({ trx, node, audit }) => {
    if (node.kind !== "namnd") throw new DomainError("validation", "En målmodell hör till en nämnd; välj nämnden.");
    if (await repo.findModelFor(trx, node.id, input.year)) {
      throw new DomainError("conflict", `${node.name} har redan en målmodell för ${input.year}.`);
    }
    if (input.assessmentScaleId) await requireUsableScale(trx, input.assessmentScaleId, node.path, "assessment");
    requireScaleForAssessedLevels(input.levels, input.assessmentScaleId);
    const model = await repo.insertModel(trx, {
      org_node_id: node.id,
      year: input.year,
      name: input.name,
      assessment_scale_id: input.assessmentScaleId ?? null,
    });
    await audit("goal_model", model.id, "create", { after: model });
    return modelWithLevels(model, await writeLevels(trx, audit, model, input.levels));
  });
}

export async function updateModel(db: Db, actor: Actor, id: string, patch: ModelPatch) {
  return writeRecord(db, actor, "admin", readableModel(actor, id), async ({ trx, record, audit }) => {
    const { path, org_node_name: _name, ...before } = record;
    if (patch.assessmentScaleId) await requireUsableScale(trx, patch.assessmentScaleId, path, "assessment");
    requireScaleForAssessedLevels(
      patch.levels ?? (await repo.levelsOf(trx, id)).map((l) => ({ ...l, kind: l.kind as LevelKind })),
      patch.assessmentScaleId !== undefined ? patch.assessmentScaleId : before.assessment_scale_id,
    );
    let model = before;
    if (patch.name !== undefined || patch.assessmentScaleId !== undefined) {
      if (patch.assessmentScaleId !== undefined && patch.assessmentScaleId !== before.assessment_scale_id) {
        if (await repo.modelIsAssessed(trx, id))
          throw new DomainError("conflict", "Målen är redan bedömda på den nuvarande skalan; skalan kan inte bytas.");
      }
      model = await repo.updateModel(
        trx,
        id,
        patchColumns(patch, { name: "name", assessment_scale_id: "assessmentScaleId" }),
      );
      await audit("goal_model", id, "update", { before, after: model });
    }
    const levels = patch.levels ? await writeLevels(trx, audit, model, patch.levels) : await repo.levelsOf(trx, id);
    return modelWithLevels(model, levels);
  });
}

/**
 * Starts next year's plan from this one: same levels, the same goals (one lineage, so a goal can be
 * followed across years even when its title changes) and the same indicators. Assessments stay behind.
 */
export async function copyModel(db: Db, actor: Actor, id: string, year: number) {
  return writeRecord(db, actor, "admin", readableModel(actor, id), async ({ trx, record: source, audit }) => {
    if (await repo.findModelFor(trx, source.org_node_id, year)) {
      throw new DomainError("conflict", `${source.org_node_name} har redan en målmodell för ${year}.`);
    }
    const model = await repo.insertModel(trx, {
      org_node_id: source.org_node_id,
      year,
      name: source.name.replace(String(source.year), String(year)),
      assessment_scale_id: source.assessment_scale_id,
    });
    await audit("goal_model", model.id, "create", { after: { ...model, copied_from: source.id } });
    const oldLevels = await repo.levelsOf(trx, id);
    const levels = await writeLevels(
      trx,
      audit,
      model,
      oldLevels.map((l) => ({
        name: l.name,
        decidedBy: l.decided_by as LevelInput["decidedBy"],
        kind: l.kind as LevelInput["kind"],
        assessed: l.assessed,
      })),
    );
    const levelMap = new Map(oldLevels.map((l, i) => [l.id, levels[i]?.id ?? ""]));
    const goals = await repo.goalsOf(trx, id);
    const goalMap = new Map<string, string>();
    // Parents come before children when sorted by level position.
    const levelPos = new Map(oldLevels.map((l) => [l.id, l.position]));
    goals.sort((a, b) => (levelPos.get(a.level_id) ?? 0) - (levelPos.get(b.level_id) ?? 0));
    for (const g of goals) {
      const row = await repo.insertGoal(trx, {
        org_node_id: model.org_node_id,
        model_id: model.id,
        level_id: levelMap.get(g.level_id) ?? "",
        parent_id: g.parent_id ? (goalMap.get(g.parent_id) ?? null) : null,
        lineage_id: g.lineage_id,
        code: g.code,
        title: g.title,
        description: g.description,
        position: g.position,
        decided_by: g.decided_by,
      });
      goalMap.set(g.id, row.id);
      await audit("goal", row.id, "create", { after: row });
    }
    const links = await repo.goalIndicatorsOf(
      trx,
      goals.map((g) => g.id),
    );
    for (const [oldId, newId] of goalMap) {
      const own = links.filter((l) => l.goal_id === oldId);
      if (own.length === 0) continue;
      for (const link of own) {
        await repo.insertGoalIndicator(trx, {
          org_node_id: model.org_node_id,
          goal_id: newId,
          indicator_id: link.indicator_id,
          position: link.position,
        });
      }
      await audit("goal_indicator", newId, "update", { after: { indicatorIds: own.map((l) => l.indicator_id) } });
    }
    return modelWithLevels(model, levels);
  });
}

/** The model with its levels, goals (flat, with their assessment for the year), activities and directives. */
export async function modelTree(db: Db, actor: Actor, id: string) {
  const { path, ...model } = await readableModel(actor, id)(db);
  const [levels, goals] = await Promise.all([repo.levelsOf(db, id), repo.goalsOf(db, id)]);
  const goalIds = goals.map((g) => g.id);
  const [links, assessments, activityRows, directives, scaleLevels, uppdragRows] = await Promise.all([
    repo.goalIndicatorsOf(db, goalIds),
    repo.assessmentsOf(db, goalIds),
    readableActivitiesOfGoals(db, actor, { path, year: model.year }, goalIds),
    repo.directivesAround(db, path, model.year),
    levelsByScale(db, [model.assessment_scale_id]),
    uppdragRepo.uppdragOfGoals(db, goalIds),
  ]);
  const uppdrag = readableRows(actor, uppdragRows).map(uppdragDto);
  const uppdragActivities = await readableActivitiesOfUppdrag(
    db,
    actor,
    { path, year: model.year },
    uppdrag.map((u) => u.id),
  );
  const activities = new Map<string, ReturnType<typeof treeActivity>>();
  for (const a of activityRows) {
    const existing = activities.get(a.id);
    if (existing) existing.goalIds.push(a.goal_id);
    else activities.set(a.id, treeActivity(a));
  }
  for (const a of uppdragActivities) {
    if (!activities.has(a.id)) activities.set(a.id, { ...activityDto(a), orgNodeName: a.org_node_name, goalIds: [] });
  }
  const flat = goals.map((g) => {
    const assessment = assessments.find((a) => a.goal_id === g.id && a.period === String(model.year));
    return {
      ...goalDto(g),
      indicatorCount: links.filter((l) => l.goal_id === g.id).length,
      assessment: assessment ? assessmentDto(assessment) : null,
    };
  });
  const activityList = [...activities.values()];
  const levelList = levels.map(levelDto);
  const activityLevel = levels.find((l) => l.kind === "activity");
  const uppdragLevel = levels.find((l) => l.kind === "uppdrag");
  return {
    model: modelSummaryDto({ ...model, writable: canWriteStyrning(actor, path) }),
    levels: levelList,
    assessmentScale: (model.assessment_scale_id ? (scaleLevels.get(model.assessment_scale_id) ?? []) : []).map(
      scaleLevelDto,
    ),
    goals: flat,
    activities: activityList,
    uppdrag,
    directives: directives
      .filter((d) => path.startsWith(d.path))
      .map((d) => ({ ...directiveDto(d), orgNodeName: d.org_node_name })),
    outline: renderTreeText(
      buildGoalTree(levelList, flat, activityList, uppdrag),
      activityLevel?.name,
      uppdragLevel?.name,
    ),
  };
}

/** An activity as the tree lists it, with the goals of this model it serves (filled in by the caller). */
const treeActivity = (a: Parameters<typeof activityDto>[0] & { org_node_name: string; goal_id: string }) => ({
  ...activityDto(a),
  orgNodeName: a.org_node_name,
  goalIds: [a.goal_id],
});

// ---- goals ----------------------------------------------------------------------------------

async function checkPlacement(
  trx: Db,
  model: { id: string },
  level: repo.LevelRow,
  parentId: string | null | undefined,
) {
  if (level.model_id !== model.id) throw new DomainError("validation", "Nivå: nivån hör till en annan målmodell.");
  if (level.kind === "activity") {
    throw new DomainError(
      "validation",
      `Nivån ${level.name} innehåller enheternas aktiviteter; skapa dem i genomförandeplanen.`,
    );
  }
  if (level.kind === "uppdrag") {
    throw new DomainError("validation", `Nivån ${level.name} innehåller uppdrag; skapa dem bland uppdragen.`);
  }
  if (!parentId) return;
  const parent = await repo.findGoal(trx, parentId);
  if (!parent || parent.model_id !== model.id) {
    throw new DomainError("validation", "Under: det överordnade målet finns inte i samma målmodell.");
  }
  const parentLevel = await repo.findLevel(trx, parent.level_id);
  if (!parentLevel || parentLevel.position >= level.position) {
    throw new DomainError("validation", `Under: ett mål på nivån ${level.name} måste ligga under en högre nivå.`);
  }
}

export async function createGoal(db: Db, actor: Actor, modelId: string, input: GoalInput) {
  return writeRecord(
    db,
    actor,
    "write:styrning",
    readableModel(actor, modelId),
    async ({ trx, record: model, audit }) => {
      const level = await found(repo.findLevel(trx, input.levelId), "Nivån");
      await checkPlacement(trx, model, level, input.parentId);
      const goal = await repo.insertGoal(trx, {
        org_node_id: model.org_node_id,
        model_id: model.id,
        level_id: level.id,
        parent_id: input.parentId ?? null,
        code: input.code,
        title: input.title,
        description: input.description,
        position: input.position ?? (await repo.maxGoalPosition(trx, model.id, level.id)) + 1,
        decided_by: input.decidedBy ?? level.decided_by,
      });
      await audit("goal", goal.id, "create", { after: goal });
      return goalDto(goal);
    },
  );
}

/** Looks up a goal for writeRecord: the write is checked on the goal's node. */
export const goalRecord = (id: string) => (db: Db) => found(repo.findGoal(db, id), "Målet");

export async function updateGoal(db: Db, actor: Actor, id: string, patch: GoalPatch) {
  return writeRecord(db, actor, "write:styrning", goalRecord(id), async ({ trx, record: before, audit }) => {
    if (patch.parentId !== undefined) {
      const level = await found(repo.findLevel(trx, before.level_id), "Nivån");
      await checkPlacement(trx, { id: before.model_id }, level, patch.parentId);
    }
    const after = await repo.updateGoal(
      trx,
      id,
      patchColumns(patch, {
        parent_id: "parentId",
        code: "code",
        title: "title",
        description: "description",
        position: "position",
        decided_by: "decidedBy",
      }),
    );
    await audit("goal", id, "update", { before, after });
    return goalDto(after);
  });
}

export async function deleteGoal(db: Db, actor: Actor, id: string) {
  return writeRecord(db, actor, "write:styrning", goalRecord(id), async ({ trx, record: goal, audit }) => {
    if (await repo.childGoal(trx, id))
      throw new DomainError("conflict", "Målet har undermål; ta bort eller flytta dem först.");
    if ((await repo.assessmentsOf(trx, [id])).length) {
      throw new DomainError("conflict", "Målet är bedömt; en bedömning är en del av uppföljningen och tas inte bort.");
    }
    await repo.deleteGoal(trx, id);
    await audit("goal", id, "delete", { before: goal });
  });
}
