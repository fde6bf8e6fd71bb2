import { kommunOf } from "../../organisation/index.ts";
import type { Actor } from "../../platform/auth/access.ts";
import { todayInSweden } from "../../platform/calendar.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { DOCX_TYPE, PDF_TYPE, type RenderedFile } from "../../platform/documents/http.ts";
import { notFound } from "../../platform/errors.ts";
import { read, write, writeRecord } from "../../platform/service.ts";
import { labelledProblems, validationError } from "../../platform/validation.ts";
import { namndOf } from "../case-read-service.ts";
import { renderDocx } from "../documents/docx.ts";
import { renderPdf } from "../documents/pdf.ts";
import { ownDiarienummer } from "../incoming/rules.ts";
import type { NamndDB } from "../tables.ts";
import { replyDocument, replyMemo } from "./reply-memo.ts";
import * as repo from "./repository.ts";
import { auditOverdue, auditProblems } from "./rules.ts";
import { type AuditFields, type AuditInput, auditFields } from "./schema.ts";

type Db = DbOf<NamndDB>;

async function auditOrThrow(db: Db, id: string) {
  const row = await repo.findAudit(db, id);
  if (!row) throw notFound("Granskningen");
  return row;
}

function summaryOf(row: repo.AuditRow, today: string) {
  return {
    id: row.id,
    title: row.title,
    auditor: row.auditor,
    reportDate: row.report_date,
    registeredOn: row.registered_on,
    replyDeadline: row.reply_deadline,
    diarienummer: row.diarienummer,
    memoOn: row.memo_on,
    repliedOn: row.replied_on,
    overdue: auditOverdue({ replyDeadline: row.reply_deadline, repliedOn: row.replied_on }, today),
  };
}

/** An audit with its questions, assessments, recommendations and actions, in wire form. */
async function fullAudit(db: Db, row: repo.AuditRow) {
  const questions = await repo.questionsOf(db, row.id);
  const assessments = await repo.assessmentsOf(
    db,
    questions.map((q) => q.id),
  );
  const recommendations = await repo.recommendationsOf(db, row.id);
  const actions = await repo.actionsOf(
    db,
    recommendations.map((r) => r.id),
  );
  return {
    ...summaryOf(row, todayInSweden()),
    questions: questions.map((q) => ({
      text: q.text,
      assessments: assessments
        .filter((a) => a.question_id === q.id)
        .map((a) => ({ body: a.body, assessment: a.assessment })),
    })),
    recommendations: recommendations.map((r) => ({
      recipient: r.recipient,
      toNamnd: r.to_namnd,
      text: r.text,
      actions: actions
        .filter((a) => a.recommendation_id === r.id)
        .map((a) => ({
          text: a.text,
          responsible: a.responsible,
          startsOn: a.starts_on,
          endsOn: a.ends_on,
          timingNote: a.timing_note,
          status: a.status,
        })),
    })),
  };
}

export async function listAudits(db: Db, actor: Actor, orgNodeId: string) {
  const namnd = await namndOf(db, orgNodeId);
  return read(db, actor, "read", namnd.id, async ({ db }) => {
    const today = todayInSweden();
    return (await repo.auditsOf(db, namnd.id)).map((r) => summaryOf(r, today));
  });
}

export async function getAudit(db: Db, actor: Actor, id: string) {
  const row = await auditOrThrow(db, id);
  return read(db, actor, "read", row.org_node_id, async ({ db }) => fullAudit(db, row));
}

/** Checks a whole audit and gives its diarienummer canonical; throws naming every problem. */
function checked(fields: AuditFields, prefix: string, what: string) {
  const problems = auditProblems(fields, todayInSweden());
  const dnr = ownDiarienummer(fields.diarienummer, prefix, "diarienummer");
  if (dnr.problem) problems.push(dnr.problem);
  if (problems.length > 0) throw validationError(what, labelledProblems(auditFields, problems));
  return {
    title: fields.title,
    auditor: fields.auditor,
    report_date: fields.reportDate,
    registered_on: fields.registeredOn,
    reply_deadline: fields.replyDeadline,
    diarienummer: dnr.value,
    memo_on: fields.memoOn ?? null,
    replied_on: fields.repliedOn ?? null,
  };
}

async function insertParts(trx: Db, auditId: string, fields: AuditFields) {
  for (const [i, q] of fields.questions.entries()) {
    const questionId = await repo.insertQuestion(trx, { audit_id: auditId, position: i + 1, text: q.text });
    await repo.insertAssessments(
      trx,
      q.assessments.map((a) => ({ question_id: questionId, body: a.body, assessment: a.assessment })),
    );
  }
  for (const [i, r] of fields.recommendations.entries()) {
    const recommendationId = await repo.insertRecommendation(trx, {
      audit_id: auditId,
      position: i + 1,
      recipient: r.recipient,
      to_namnd: r.toNamnd,
      text: r.text,
    });
    await repo.insertActions(
      trx,
      r.actions.map((a, j) => ({
        recommendation_id: recommendationId,
        position: j + 1,
        text: a.text,
        responsible: a.responsible ?? null,
        starts_on: a.startsOn ?? null,
        ends_on: a.endsOn ?? null,
        timing_note: a.timingNote ?? null,
        status: a.status,
      })),
    );
  }
}

/** Registers a revisionsgranskning whole: questions, assessments, recommendations, actions. */
export async function registerAudit(db: Db, actor: Actor, input: AuditInput) {
  const namnd = await namndOf(db, input.orgNodeId);
  const { orgNodeId: _, ...fields } = input;
  const id = await write(db, actor, "write:namnd", namnd.id, async ({ trx, audit }) => {
    const values = checked(fields, namnd.prefix, "Granskningen registrerades inte");
    const id = await repo.insertAudit(trx, { org_node_id: namnd.id, ...values });
    await insertParts(trx, id, fields);
    await audit("namnd_audit", id, "create", { after: { ...fields, diarienummer: values.diarienummer } });
    return id;
  });
  return getAudit(db, actor, id);
}

/** Replaces a revisionsgranskning's whole state (the nämnd's actions are added as the answer is prepared). */
export async function updateAudit(db: Db, actor: Actor, id: string, fields: AuditFields) {
  await writeRecord(
    db,
    actor,
    "write:namnd",
    (db) => auditOrThrow(db, id),
    async ({ trx, audit, record }) => {
      const namnd = await namndOf(trx, record.org_node_id);
      const values = checked(fields, namnd.prefix, "Granskningen ändrades inte");
      const before = await fullAudit(trx, record);
      await repo.updateAudit(trx, id, values);
      await repo.clearAuditParts(trx, id);
      await insertParts(trx, id, fields);
      await audit("namnd_audit", id, "update", { before, after: { ...fields, diarienummer: values.diarienummer } });
    },
  );
  return getAudit(db, actor, id);
}

/** The answer's content: for each recommendation to the nämnd, which actions, when and who ("saknas" if not known). */
export async function auditReply(db: Db, actor: Actor, id: string) {
  const row = await auditOrThrow(db, id);
  return read(db, actor, "read", row.org_node_id, async ({ db, node }) => {
    const full = await fullAudit(db, row);
    return { ...replyMemo(full, node.name), overdue: full.overdue };
  });
}

/** The answer as a tjänsteskrivelse, in Word or PDF. */
export async function auditReplyFile(db: Db, actor: Actor, id: string, format: "docx" | "pdf"): Promise<RenderedFile> {
  const memo = await auditReply(db, actor, id);
  const row = await auditOrThrow(db, id);
  const kommun = await kommunOf(db, (await namndOf(db, row.org_node_id)).path);
  const doc = replyDocument(memo, kommun.name);
  return {
    fileName: `Svar på revisionsrapport – ${row.title}.${format}`,
    contentType: format === "docx" ? DOCX_TYPE : PDF_TYPE,
    render: () => (format === "docx" ? renderDocx(doc) : renderPdf(doc)),
  };
}
