import type { Actor } from "../../platform/auth/access.ts";
import { todayInSweden } from "../../platform/calendar.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { notFound } from "../../platform/errors.ts";
import { read, write, writeRecord } from "../../platform/service.ts";
import { type FieldProblem, labelledProblems, validationError } from "../../platform/validation.ts";
import { namndOf } from "../case-read-service.ts";
import { ownDiarienummer } from "../incoming/rules.ts";
import type { NamndDB } from "../tables.ts";
import * as repo from "./repository.ts";
import { assignmentOverdue, assignmentProblems } from "./rules.ts";
import {
  type AssignmentInput,
  type AssignmentPatch,
  type AssignmentsQuery,
  assignmentInput,
  assignmentPatch,
} from "./schema.ts";

type Db = DbOf<NamndDB>;

async function assignmentOrThrow(db: Db, id: string) {
  const row = await repo.findAssignment(db, id);
  if (!row) throw notFound("Uppdraget");
  return row;
}

function assignmentOf(row: repo.AssignmentRow, today: string) {
  return {
    id: row.id,
    title: row.title,
    decidedOn: row.decided_on,
    decisionReference: row.decision_reference,
    owner: row.owner,
    dueOn: row.due_on,
    dueNote: row.due_note,
    diarienummer: row.diarienummer,
    motion: row.motion_id ? { id: row.motion_id, title: row.motion_title ?? "" } : null,
    status: row.status,
    closedOn: row.closed_on,
    closingReference: row.closing_reference,
    overdue: assignmentOverdue({ status: row.status, dueOn: row.due_on }, today),
  };
}

export async function listAssignments(db: Db, actor: Actor, q: AssignmentsQuery) {
  const namnd = await namndOf(db, q.orgNodeId);
  return read(db, actor, "read", namnd.id, async ({ db }) => {
    const today = todayInSweden();
    return (await repo.assignmentsOf(db, namnd.id, q.status)).map((r) => assignmentOf(r, today));
  });
}

export async function getAssignment(db: Db, actor: Actor, id: string) {
  const row = await assignmentOrThrow(db, id);
  return read(db, actor, "read", row.org_node_id, async () => assignmentOf(row, todayInSweden()));
}

/** A motion of the same nämnd, or the problem. */
async function motionProblem(
  db: Db,
  namndId: string,
  motionId: string | null | undefined,
): Promise<FieldProblem | null> {
  if (!motionId) return null;
  const motion = await repo.findMotion(db, motionId);
  return motion?.org_node_id === namndId
    ? null
    : { field: "motionId", message: "Initiativärendet eller motionen finns inte i nämndens register." };
}

/** Registers an uppdrag the nämnd gave, pågående until it is declared fullgjort. */
export async function registerAssignment(db: Db, actor: Actor, input: AssignmentInput) {
  const namnd = await namndOf(db, input.orgNodeId);
  const id = await write(db, actor, "write:namnd", namnd.id, async ({ trx, audit }) => {
    const problems = assignmentProblems(
      {
        decidedOn: input.decidedOn,
        dueOn: input.dueOn ?? null,
        status: "pagaende",
        closedOn: null,
        closingReference: null,
      },
      todayInSweden(),
    );
    const dnr = ownDiarienummer(input.diarienummer, namnd.prefix, "diarienummer");
    if (dnr.problem) problems.push(dnr.problem);
    const motion = await motionProblem(trx, namnd.id, input.motionId);
    if (motion) problems.push(motion);
    if (problems.length > 0)
      throw validationError("Uppdraget registrerades inte", labelledProblems(assignmentInput, problems));
    const id = await repo.insertAssignment(trx, {
      org_node_id: namnd.id,
      title: input.title,
      decided_on: input.decidedOn,
      decision_reference: input.decisionReference,
      owner: input.owner,
      due_on: input.dueOn ?? null,
      due_note: input.dueNote ?? null,
      diarienummer: dnr.value,
      motion_id: input.motionId ?? null,
      status: "pagaende",
      closed_on: null,
      closing_reference: null,
    });
    await audit("namnd_assignment", id, "create", { after: { ...input, diarienummer: dnr.value } });
    return id;
  });
  return getAssignment(db, actor, id);
}

/** Changes an uppdrag; declaring it fullgjort takes the date and § of that decision. */
export async function updateAssignment(db: Db, actor: Actor, id: string, patch: AssignmentPatch) {
  await writeRecord(
    db,
    actor,
    "write:namnd",
    (db) => assignmentOrThrow(db, id),
    async ({ trx, audit, record }) => {
      const namnd = await namndOf(trx, record.org_node_id);
      const status = patch.status ?? record.status;
      const proposed = {
        decidedOn: record.decided_on,
        dueOn: patch.dueOn !== undefined ? patch.dueOn : record.due_on,
        status,
        closedOn: patch.closedOn !== undefined ? patch.closedOn : status === "pagaende" ? null : record.closed_on,
        closingReference:
          patch.closingReference !== undefined
            ? patch.closingReference
            : status === "pagaende"
              ? null
              : record.closing_reference,
      };
      const problems = assignmentProblems(proposed, todayInSweden());
      const dnr = ownDiarienummer(patch.diarienummer, namnd.prefix, "diarienummer");
      if (dnr.problem) problems.push(dnr.problem);
      if (problems.length > 0)
        throw validationError("Uppdraget ändrades inte", labelledProblems(assignmentPatch, problems));
      const values = {
        ...(patch.title !== undefined ? { title: patch.title } : {}),
        ...(patch.owner !== undefined ? { owner: patch.owner } : {}),
        ...(patch.dueNote !== undefined ? { due_note: patch.dueNote } : {}),
        ...(patch.diarienummer !== undefined ? { diarienummer: dnr.value } : {}),
        due_on: proposed.dueOn,
        status: proposed.status,
        closed_on: proposed.closedOn,
        closing_reference: proposed.closingReference,
      };
      await repo.updateAssignment(trx, id, values);
      await audit("namnd_assignment", id, "update", { before: record, after: values });
    },
  );
  return getAssignment(db, actor, id);
}
