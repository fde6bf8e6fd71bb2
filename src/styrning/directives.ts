import type { Actor } from "../platform/auth/access.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { DomainError, notFound } from "../platform/errors.ts";
import { audit, inTransaction, readableRows, requireStyrningRead, requireStyrningWrite } from "./access.ts";
import * as repo from "./repository.ts";
import { type DirectiveInput, type DirectivePatch, patchColumns } from "./schema.ts";
import type { StyrningDB } from "./tables.ts";

type Db = DbOf<StyrningDB>;

/** Directives on the node, above it (a KF-direktiv the nämnd received) and below it, valid in the year. */
export async function listDirectives(db: Db, actor: Actor, orgNodeId: string, year?: number) {
  const node = await requireStyrningRead(db, actor, orgNodeId);
  const rows = readableRows(actor, await repo.directivesAround(db, node.path, year));
  const comments = await repo.directiveCommentsOf(
    db,
    rows.map((d) => d.id),
  );
  return rows.map((d) => ({ ...d, comments: comments.filter((c) => c.directive_id === d.id) }));
}

async function checkGoal(trx: Db, goalId: string | null | undefined, nodePath: string) {
  if (!goalId) return;
  const [goal] = await repo.findGoals(trx, [goalId]);
  if (!goal || !nodePath.startsWith(goal.path)) {
    throw new DomainError("validation", 'Fältet "goalId": målet finns inte i nämndens målmodell.');
  }
}

export async function createDirective(db: Db, actor: Actor, input: DirectiveInput) {
  return inTransaction(db, async (trx) => {
    const node = await requireStyrningWrite(trx, actor, input.orgNodeId);
    await checkGoal(trx, input.goalId, node.path);
    const row = await repo.insertDirective(trx, {
      org_node_id: node.id,
      issued_by: input.issuedBy,
      goal_id: input.goalId ?? null,
      title: input.title,
      body: input.body,
      assignments: input.assignments,
      valid_from: input.validFrom,
      valid_to: input.validTo,
      handling: input.handling,
    });
    await audit(trx, actor, "directive", "create", row);
    return row;
  });
}

async function writableDirective(trx: Db, actor: Actor, id: string) {
  const directive = await repo.findDirective(trx, id);
  if (!directive) throw notFound("Direktivet");
  await requireStyrningWrite(trx, actor, directive.org_node_id);
  return directive;
}

export async function updateDirective(db: Db, actor: Actor, id: string, patch: DirectivePatch) {
  return inTransaction(db, async (trx) => {
    const { path, ...before } = await writableDirective(trx, actor, id);
    const validFrom = patch.validFrom ?? before.valid_from;
    const validTo = patch.validTo ?? before.valid_to;
    if (validTo - validFrom < 0 || validTo - validFrom > 1) {
      throw new DomainError("validation", 'Fältet "validTo": ett direktiv gäller ett eller två år.');
    }
    if (patch.goalId !== undefined) await checkGoal(trx, patch.goalId, path);
    const after = await repo.updateDirective(
      trx,
      id,
      patchColumns(patch, {
        goal_id: "goalId",
        title: "title",
        body: "body",
        assignments: "assignments",
        valid_from: "validFrom",
        valid_to: "validTo",
        handling: "handling",
      }),
    );
    await audit(trx, actor, "directive", "update", after, before, after);
    return after;
  });
}

export async function addDirectiveComment(db: Db, actor: Actor, id: string, input: { period: string; text: string }) {
  return inTransaction(db, async (trx) => {
    const directive = await writableDirective(trx, actor, id);
    const year = Number(input.period.slice(0, 4));
    if (year < directive.valid_from || year > directive.valid_to) {
      throw new DomainError(
        "validation",
        `Fältet "period": direktivet gäller ${directive.valid_from}${directive.valid_to !== directive.valid_from ? `–${directive.valid_to}` : ""}.`,
      );
    }
    const row = await repo.insertDirectiveComment(trx, {
      org_node_id: directive.org_node_id,
      directive_id: id,
      period: input.period,
      text: input.text,
      author_id: actor.id,
      author_name: actor.displayName,
    });
    await audit(trx, actor, "directive_comment", "create", row);
    return row;
  });
}
