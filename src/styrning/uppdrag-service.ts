// Uppdrag from the verksamhetsplan (KF's budget or the nämnd's plan): who carries them out, when and how
// they report back, their status and dated follow-ups. Nämnd's own register of assignments
// (src/namnd, namnd_assignment) holds a different thing: uppdrag a meeting gives the förvaltning by a §,
// closed by a later decision; see docs/styrning.md.
import { findNode, worksForNamnd } from "../organisation/index.ts";
import type { Actor } from "../platform/auth/access.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { DomainError, notFound } from "../platform/errors.ts";
import { write, writeRecord } from "../platform/service.ts";
import { found, readableRows, requireStyrningRead } from "./access.ts";
import { uppdragDto, uppdragFollowupDto } from "./dto.ts";
import * as repo from "./repository.ts";
import { patchColumns, type UppdragFollowupInput, type UppdragInput, type UppdragPatch } from "./schema.ts";
import type { StyrningDB } from "./tables.ts";
import * as uppdragRepo from "./uppdrag-repository.ts";

type Db = DbOf<StyrningDB>;

/** The uppdrag running in the year on the node, the nämnd above it and the units below, with follow-ups. */
export async function listUppdrag(db: Db, actor: Actor, orgNodeId: string, year: number) {
  const node = await requireStyrningRead(db, actor, orgNodeId);
  const rows = readableRows(actor, await uppdragRepo.uppdragAround(db, node.path, year));
  const followups = await uppdragRepo.uppdragFollowupsOf(
    db,
    rows.map((u) => u.id),
  );
  return rows.map((u) => ({
    ...uppdragDto(u),
    orgNodeName: u.org_node_name,
    ownerOrgNodeName: u.owner_org_node_name,
    goal: u.goal_id && u.goal_title ? { id: u.goal_id, code: u.goal_code, title: u.goal_title } : null,
    writable: u.writable,
    followups: followups.filter((f) => f.uppdrag_id === u.id).map(uppdragFollowupDto),
  }));
}

/** The goal must be in the nämnd's own goal model, and hold goals (a perspective is no place for an uppdrag). */
async function checkGoal(trx: Db, goalId: string | null | undefined, node: { id: string }) {
  if (!goalId) return;
  const goal = await repo.findGoal(trx, goalId);
  if (!goal || goal.org_node_id !== node.id) {
    throw new DomainError("validation", "Mål: målet finns inte i nämndens målmodell.");
  }
  const level = await found(repo.findLevel(trx, goal.level_id), "Nivån");
  if (level.kind !== "goal") {
    throw new DomainError(
      "validation",
      `Mål: ${goal.title} på nivån ${level.name} är inget mål; välj ett mål under den.`,
    );
  }
}

/**
 * The responsible unit carries out the nämnd's plan: the nämnd itself, a unit below it, or a förvaltning that
 * serves it (with its units) though it sits under another nämnd.
 */
async function checkOwner(trx: Db, id: string | null | undefined, namnd: { id: string; name: string; path: string }) {
  if (!id) return;
  const owner = await findNode(trx, id);
  if (!owner) throw notFound("Den ansvariga enheten");
  if (!(await worksForNamnd(trx, owner, namnd))) {
    throw new DomainError(
      "validation",
      `Ansvarig enhet: ${owner.name} hör inte till ${namnd.name}; välj en enhet inom nämnden eller en förvaltning som tjänar den.`,
    );
  }
}

const reportColumns = (reportBack: UppdragInput["reportBack"]) => ({
  report_month: reportBack?.month ?? null,
  report_form: reportBack?.form ?? null,
  report_to: reportBack?.to ?? null,
});

export async function createUppdrag(db: Db, actor: Actor, input: UppdragInput) {
  return write(db, actor, "write:styrning", input.orgNodeId, async ({ trx, node, audit }) => {
    if (node.kind !== "namnd")
      throw new DomainError("validation", "Nämnd: ett uppdrag ges i en nämnds plan; välj nämnden.");
    await checkGoal(trx, input.goalId, node);
    await checkOwner(trx, input.ownerOrgNodeId, node);
    const row = await uppdragRepo.insertUppdrag(trx, {
      org_node_id: node.id,
      year: input.year,
      goal_id: input.goalId ?? null,
      code: input.code,
      title: input.title,
      description: input.description,
      decided_by: input.decidedBy,
      owner_org_node_id: input.ownerOrgNodeId ?? null,
      owner_name: input.ownerName,
      ...reportColumns(input.reportBack),
      status: input.status,
      start_date: input.startDate ?? null,
      end_date: input.endDate ?? null,
      position: await uppdragRepo.nextUppdragPosition(trx, node.id, input.year),
    });
    await audit("styrning_uppdrag", row.id, "create", { after: row });
    return uppdragDto(row);
  });
}

const uppdragRecord = (id: string) => (db: Db) => found(uppdragRepo.findUppdrag(db, id), "Uppdraget");

export async function updateUppdrag(db: Db, actor: Actor, id: string, patch: UppdragPatch) {
  return writeRecord(db, actor, "write:styrning", uppdragRecord(id), async ({ trx, node, record, audit }) => {
    const { path: _path, ...before } = record;
    const startDate = patch.startDate !== undefined ? patch.startDate : before.start_date;
    const endDate = patch.endDate !== undefined ? patch.endDate : before.end_date;
    if (startDate && endDate && endDate < startDate) {
      throw new DomainError("validation", "Slutdatum: slutdatum kan inte ligga före startdatum.");
    }
    if (patch.goalId !== undefined) await checkGoal(trx, patch.goalId, { id: before.org_node_id });
    // An owner recorded before units were limited to the nämnd stays until someone changes it.
    if (patch.ownerOrgNodeId !== before.owner_org_node_id) await checkOwner(trx, patch.ownerOrgNodeId, node);
    const after = await uppdragRepo.updateUppdrag(trx, id, {
      ...patchColumns(patch, {
        goal_id: "goalId",
        code: "code",
        title: "title",
        description: "description",
        decided_by: "decidedBy",
        owner_org_node_id: "ownerOrgNodeId",
        owner_name: "ownerName",
        status: "status",
        start_date: "startDate",
        end_date: "endDate",
      }),
      ...(patch.reportBack !== undefined ? reportColumns(patch.reportBack) : {}),
    });
    await audit("styrning_uppdrag", id, "update", { before, after });
    return uppdragDto(after);
  });
}

/** A follow-up is a dated text with the status it reports, and moves the uppdrag to that status. */
export async function addUppdragFollowup(db: Db, actor: Actor, id: string, input: UppdragFollowupInput) {
  return writeRecord(db, actor, "write:styrning", uppdragRecord(id), async ({ trx, record, audit }) => {
    if (input.datedOn < `${record.year}-01-01`) {
      throw new DomainError("validation", `Datum: uppföljningen kan inte ligga före uppdragets år ${record.year}.`);
    }
    const row = await uppdragRepo.insertUppdragFollowup(trx, {
      org_node_id: record.org_node_id,
      uppdrag_id: id,
      dated_on: input.datedOn,
      status: input.status,
      text: input.text,
      author_id: actor.id,
      author_name: actor.displayName,
    });
    await audit("styrning_uppdrag_followup", row.id, "create", { after: row });
    if (input.status !== record.status) {
      const { path: _path, ...before } = record;
      const after = await uppdragRepo.updateUppdrag(trx, id, { status: input.status });
      await audit("styrning_uppdrag", id, "update", { before, after });
    }
    return uppdragFollowupDto(row);
  });
}
