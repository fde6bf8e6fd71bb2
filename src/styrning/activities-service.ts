import { findNode } from "../organisation/index.ts";
import type { Actor } from "../platform/auth/access.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { DomainError, notFound } from "../platform/errors.ts";
import { write, writeRecord } from "../platform/service.ts";
import { found, readableRows, requireStyrningRead } from "./access.ts";
import { activityDto, followupDto } from "./dto.ts";
import * as repo from "./repository.ts";
import { type ActivityInput, type ActivityPatch, patchColumns } from "./schema.ts";
import type { StyrningDB } from "./tables.ts";
import * as uppdragRepo from "./uppdrag-repository.ts";

type Db = DbOf<StyrningDB>;

/** The genomförandeplaner of every unit under a node for a year, with goals, effects and follow-ups. */
export async function listActivities(db: Db, actor: Actor, orgNodeId: string, year: number) {
  const node = await requireStyrningRead(db, actor, orgNodeId);
  const rows = readableRows(actor, await repo.activitiesUnder(db, node.path, year));
  const ids = rows.map((a) => a.id);
  const [goals, effects, followups] = await Promise.all([
    repo.activityGoalsOf(db, ids),
    repo.effectsOf(db, ids),
    repo.followupsOf(db, ids),
  ]);
  return rows.map((a) => ({
    ...activityDto(a),
    orgNodeName: a.org_node_name,
    responsibleName: a.responsible_name,
    writable: a.writable,
    goals: goals.filter((g) => g.activity_id === a.id).map((g) => ({ id: g.id, code: g.code, title: g.title })),
    effects: effects.filter((e) => e.activity_id === a.id).map((e) => ({ group: e.target_group, effect: e.effect })),
    followups: followups.filter((f) => f.activity_id === a.id).map(followupDto),
  }));
}

/**
 * The activities linked to goals of a model, limited to those the activity list shows the actor: the
 * tree and goal pages must not reveal other units' plans that the list hides.
 */
export async function readableActivitiesOfGoals(
  db: Db,
  actor: Actor,
  model: { path: string; year: number },
  goalIds: string[],
) {
  const [linked, under] = await Promise.all([
    repo.activitiesOfGoals(db, goalIds),
    repo.activitiesUnder(db, model.path, model.year),
  ]);
  const readable = new Set(readableRows(actor, under).map((a) => a.id));
  return linked.filter((a) => readable.has(a.id));
}

/** The activities carrying out the uppdrag, limited like readableActivitiesOfGoals. */
export async function readableActivitiesOfUppdrag(
  db: Db,
  actor: Actor,
  model: { path: string; year: number },
  uppdragIds: string[],
) {
  if (uppdragIds.length === 0) return [];
  const wanted = new Set(uppdragIds);
  return readableRows(actor, await repo.activitiesUnder(db, model.path, model.year)).filter(
    (a) => a.uppdrag_id && wanted.has(a.uppdrag_id),
  );
}

/** Linked goals must be in the plan of a nämnd above the unit, for the activity's year. */
async function checkGoals(trx: Db, goalIds: string[], unitPath: string, year: number) {
  const goals = await repo.findGoals(trx, goalIds);
  for (const id of goalIds) {
    const goal = goals.find((g) => g.id === id);
    if (!goal || !unitPath.startsWith(goal.path) || goal.year !== year) {
      throw new DomainError("validation", `Mål: målet ${goal?.title ?? id} hör inte till enhetens nämnd för ${year}.`);
    }
  }
}

async function checkResponsible(trx: Db, id: string | null | undefined) {
  if (id && !(await findNode(trx, id))) throw notFound("Den ansvariga enheten");
}

/** An activity may carry out an uppdrag given to the unit's nämnd (or above it) that runs in its year. */
async function checkUppdrag(trx: Db, uppdragId: string | null | undefined, unitPath: string, year: number) {
  if (!uppdragId) return;
  const uppdrag = await uppdragRepo.findUppdrag(trx, uppdragId);
  const endYear = uppdrag?.end_date ? Number(uppdrag.end_date.slice(0, 4)) : uppdrag?.year;
  if (!uppdrag || !unitPath.startsWith(uppdrag.path) || uppdrag.year > year || (endYear ?? year) < year) {
    throw new DomainError("validation", `Uppdrag: uppdraget hör inte till enhetens nämnd för ${year}.`);
  }
}

const activityRecord = (id: string) => (db: Db) => found(repo.findActivity(db, id), "Aktiviteten");

export async function createActivity(db: Db, actor: Actor, input: ActivityInput) {
  return write(db, actor, "write:styrning", input.orgNodeId, async ({ trx, node: unit, audit }) => {
    await checkGoals(trx, input.goalIds, unit.path, input.year);
    await checkResponsible(trx, input.responsibleOrgNodeId);
    await checkUppdrag(trx, input.uppdragId, unit.path, input.year);
    const activity = await repo.insertActivity(trx, {
      org_node_id: unit.id,
      year: input.year,
      title: input.title,
      description: input.description,
      responsible_org_node_id: input.responsibleOrgNodeId ?? unit.id,
      status: input.status,
      start_date: input.startDate ?? null,
      end_date: input.endDate ?? null,
      position: await repo.nextActivityPosition(trx, unit.id, input.year),
      amount: input.amount ?? null,
      expected_effect: input.expectedEffect,
      uppdrag_id: input.uppdragId ?? null,
    });
    await repo.replaceActivityGoals(trx, unit.id, activity.id, input.goalIds);
    await repo.replaceEffects(trx, unit.id, activity.id, input.effects);
    await audit("activity", activity.id, "create", {
      after: { ...activity, goalIds: input.goalIds, effects: input.effects },
    });
    return activityDto(activity);
  });
}

export async function updateActivity(db: Db, actor: Actor, id: string, patch: ActivityPatch) {
  return writeRecord(db, actor, "write:styrning", activityRecord(id), async ({ trx, record, audit }) => {
    const { path, ...before } = record;
    const startDate = patch.startDate !== undefined ? patch.startDate : before.start_date;
    const endDate = patch.endDate !== undefined ? patch.endDate : before.end_date;
    if (startDate && endDate && endDate < startDate) {
      throw new DomainError("validation", "Slutdatum: slutdatum kan inte ligga före startdatum.");
    }
    if (patch.goalIds) await checkGoals(trx, patch.goalIds, path, before.year);
    await checkResponsible(trx, patch.responsibleOrgNodeId);
    await checkUppdrag(trx, patch.uppdragId, path, before.year);
    const [beforeGoals, beforeEffects] = await Promise.all([
      repo.activityGoalsOf(trx, [id]),
      repo.effectsOf(trx, [id]),
    ]);
    const after = await repo.updateActivity(
      trx,
      id,
      patchColumns(patch, {
        title: "title",
        description: "description",
        responsible_org_node_id: "responsibleOrgNodeId",
        status: "status",
        start_date: "startDate",
        end_date: "endDate",
        amount: "amount",
        expected_effect: "expectedEffect",
        uppdrag_id: "uppdragId",
      }),
    );
    if (patch.goalIds) await repo.replaceActivityGoals(trx, before.org_node_id, id, patch.goalIds);
    if (patch.effects) await repo.replaceEffects(trx, before.org_node_id, id, patch.effects);
    await audit("activity", id, "update", {
      before: { ...before, goalIds: beforeGoals.map((g) => g.id), effects: beforeEffects },
      after: {
        ...after,
        goalIds: patch.goalIds ?? beforeGoals.map((g) => g.id),
        effects: patch.effects ?? beforeEffects,
      },
    });
    return activityDto(after);
  });
}

/** A follow-up records the status at a period with a comment, and moves the activity to that status. */
export async function addFollowup(
  db: Db,
  actor: Actor,
  id: string,
  input: { period: string; status: string; comment: string },
) {
  return writeRecord(db, actor, "write:styrning", activityRecord(id), async ({ trx, record: activity, audit }) => {
    if (Number(input.period.slice(0, 4)) < activity.year) {
      throw new DomainError(
        "validation",
        `Period: uppföljningen kan inte ligga före aktivitetens år ${activity.year}.`,
      );
    }
    const row = await repo.insertFollowup(trx, {
      org_node_id: activity.org_node_id,
      activity_id: id,
      period: input.period,
      status: input.status,
      comment: input.comment,
      author_id: actor.id,
      author_name: actor.displayName,
    });
    await audit("activity_followup", row.id, "create", { after: row });
    if (input.status !== activity.status) {
      const { path: _p, ...before } = activity;
      const after = await repo.updateActivity(trx, id, { status: input.status });
      await audit("activity", id, "update", { before, after });
    }
    return followupDto(row);
  });
}
