import type { Actor } from "../platform/auth/access.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { DomainError } from "../platform/errors.ts";
import { write, writeRecord } from "../platform/service.ts";
import { found, readableRows, requireStyrningRead } from "./access.ts";
import { commentDto, directiveDto } from "./dto.ts";
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
  return rows.map((d) => ({
    ...directiveDto(d),
    orgNodeName: d.org_node_name,
    writable: d.writable,
    comments: comments.filter((c) => c.directive_id === d.id).map(commentDto),
  }));
}

async function checkGoal(trx: Db, goalId: string | null | undefined, nodePath: string) {
  if (!goalId) return;
  const [goal] = await repo.findGoals(trx, [goalId]);
  if (!goal || !nodePath.startsWith(goal.path)) {
    throw new DomainError("validation", "Mål: målet finns inte i nämndens målmodell.");
  }
}

export async function createDirective(db: Db, actor: Actor, input: DirectiveInput) {
  return write(db, actor, "write:styrning", input.orgNodeId, async ({ trx, node, audit }) => {
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
    await audit("directive", row.id, "create", { after: row });
    return directiveDto(row);
  });
}

const directiveRecord = (id: string) => (db: Db) => found(repo.findDirective(db, id), "Direktivet");

export async function updateDirective(db: Db, actor: Actor, id: string, patch: DirectivePatch) {
  return writeRecord(db, actor, "write:styrning", directiveRecord(id), async ({ trx, record, audit }) => {
    const { path, ...before } = record;
    const validFrom = patch.validFrom ?? before.valid_from;
    const validTo = patch.validTo ?? before.valid_to;
    if (validTo < validFrom) {
      throw new DomainError("validation", "Gäller till och med: kan inte ligga före Gäller från.");
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
    await audit("directive", id, "update", { before, after });
    return directiveDto(after);
  });
}

export async function addDirectiveComment(db: Db, actor: Actor, id: string, input: { period: string; text: string }) {
  return writeRecord(db, actor, "write:styrning", directiveRecord(id), async ({ trx, record: directive, audit }) => {
    const year = Number(input.period.slice(0, 4));
    if (year < directive.valid_from || year > directive.valid_to) {
      throw new DomainError(
        "validation",
        `Uppföljningsperiod: direktivet gäller ${directive.valid_from}${directive.valid_to !== directive.valid_from ? `–${directive.valid_to}` : ""}.`,
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
    await audit("directive_comment", row.id, "create", { after: row });
    return commentDto(row);
  });
}
