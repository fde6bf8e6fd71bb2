import { nodesOfKindUnder } from "../../organisation/index.ts";
import type { Actor } from "../../platform/auth/access.ts";
import { todayInSweden } from "../../platform/calendar.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { DomainError } from "../../platform/errors.ts";
import { writeRecord } from "../../platform/service.ts";
import { labelledProblems, validationError } from "../../platform/validation.ts";
import { caseOrThrow } from "../case-read-service.ts";
import type { NamndDB } from "../tables.ts";
import { caseDocuments, contentOf, describeMemo, memoOrThrow } from "./memo-read-service.ts";
import * as repo from "./repository.ts";
import { editRefusal, type MemoContent, memoProblems, newVersionRefusal, readinessProblems } from "./rules.ts";
import { type MemoInput, memoInput } from "./schema.ts";

type Db = DbOf<NamndDB>;

const contentOfInput = (input: MemoInput): MemoContent => ({
  title: input.title,
  memoDate: input.memoDate,
  clauses: input.clauses,
  summary: input.summary,
  basis: input.basis,
  recipients: input.recipients,
  description: input.description,
  childAssessment: input.childAssessment,
  signatures: input.signatures,
});

/** The memo's own columns from its input; the förvaltning under the nämnd when no department is given. */
async function columnsOf(db: Db, input: MemoInput, namndPath: string) {
  const forvaltning = input.department
    ? null
    : ((await nodesOfKindUnder(db, [namndPath], ["forvaltning"]))[0]?.name ?? null);
  return {
    memo_date: input.memoDate,
    title: input.title,
    letterhead: input.letterhead,
    department: input.department ?? forvaltning,
    handler_name: input.handler?.name ?? null,
    handler_title: input.handler?.title ?? null,
    handler_phone: input.handler?.phone ?? null,
    summary: input.summary,
    description: input.description,
    child_assessment: input.childAssessment !== null,
  };
}

/** Refuses a memo that breaks a rule, naming each field; nothing is saved then. */
async function checked(db: Db, caseId: string, input: MemoInput): Promise<MemoContent> {
  const content = contentOfInput(input);
  const problems = memoProblems(content, await caseDocuments(db, caseId), todayInSweden());
  if (problems.length) throw validationError("Tjänsteskrivelsen sparades inte", labelledProblems(memoInput, problems));
  return content;
}

/** Writes a new memo (version 1, utkast) in a case. */
export function createMemo(db: Db, actor: Actor, caseId: string, input: MemoInput) {
  return writeRecord(
    db,
    actor,
    "write:namnd",
    (db) => caseOrThrow(db, caseId),
    async ({ trx, record, node, audit }) => {
      const content = await checked(trx, record.id, input);
      const values = {
        case_id: record.id,
        org_node_id: record.org_node_id,
        version: 1,
        supersedes_id: null,
        status: "utkast" as const,
        completed_on: null,
        ...(await columnsOf(trx, input, node.path)),
      };
      const id = await repo.insertMemo(trx, values);
      await repo.replaceParts(trx, id, content);
      await audit("namnd_memo", id, "create", { after: { ...values, ...content } });
      return describeMemo(trx, actor, await memoOrThrow(trx, id), node);
    },
  );
}

/** Replaces a draft's content whole; a klar memo is locked. */
export function updateMemo(db: Db, actor: Actor, id: string, input: MemoInput) {
  return writeRecord(
    db,
    actor,
    "write:namnd",
    (db) => memoOrThrow(db, id),
    async ({ trx, record, node, audit }) => {
      const refusal = editRefusal(record.status);
      if (refusal) throw new DomainError("conflict", refusal);
      const before = { ...record, ...(await contentOf(trx, record)) };
      const content = await checked(trx, record.case_id, input);
      const columns = await columnsOf(trx, input, node.path);
      await repo.updateMemo(trx, id, columns);
      await repo.replaceParts(trx, id, content);
      await audit("namnd_memo", id, "update", { before, after: { ...record, ...columns, ...content } });
      return describeMemo(trx, actor, await memoOrThrow(trx, id), node);
    },
  );
}

/** Marks a draft klar (dated today) once it has what a finished memo needs; it is locked from then on. */
export function completeMemo(db: Db, actor: Actor, id: string) {
  return writeRecord(
    db,
    actor,
    "write:namnd",
    (db) => memoOrThrow(db, id),
    async ({ trx, record, node, audit }) => {
      const refusal = editRefusal(record.status);
      if (refusal) throw new DomainError("conflict", refusal);
      const content = await contentOf(trx, record);
      const problems = [
        ...memoProblems(content, await caseDocuments(trx, record.case_id), todayInSweden()),
        ...readinessProblems(content),
      ];
      if (problems.length)
        throw validationError("Tjänsteskrivelsen kan inte markeras klar", labelledProblems(memoInput, problems));
      const completedOn = todayInSweden();
      await repo.updateMemo(trx, id, { status: "klar", completed_on: completedOn });
      await audit("namnd_memo", id, "klar", {
        before: { status: record.status },
        after: { status: "klar", completed_on: completedOn },
      });
      return describeMemo(trx, actor, await memoOrThrow(trx, id), node);
    },
  );
}

/** A new draft version of a klar memo, with its content, superseding it (the klar one stays as it was). */
export function newMemoVersion(db: Db, actor: Actor, id: string) {
  return writeRecord(
    db,
    actor,
    "write:namnd",
    (db) => memoOrThrow(db, id),
    async ({ trx, record, node, audit }) => {
      const refusal = newVersionRefusal(record.status, record.superseded_by);
      if (refusal) throw new DomainError("conflict", refusal);
      const content = await contentOf(trx, record);
      const { id: _id, superseded_by: _by, ...columns } = record;
      const values = {
        ...columns,
        version: record.version + 1,
        supersedes_id: record.id,
        status: "utkast" as const,
        completed_on: null,
        memo_date: todayInSweden(),
      };
      const newId = await repo.insertMemo(trx, values);
      await repo.replaceParts(trx, newId, content);
      await audit("namnd_memo", newId, "create", { after: { ...values, ...content } });
      return describeMemo(trx, actor, await memoOrThrow(trx, newId), node);
    },
  );
}
