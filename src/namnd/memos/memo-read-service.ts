import { findNode, kommunIdOf } from "../../organisation/index.ts";
import { type Actor, can } from "../../platform/auth/access.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { DOCX_TYPE, PDF_TYPE } from "../../platform/documents/media-types.ts";
import { notFound } from "../../platform/errors.ts";
import { read, type ServiceNode } from "../../platform/service.ts";
import { caseOrThrow, diarienummerOf } from "../case-read-service.ts";
import { renderDocx } from "../documents/docx.ts";
import { renderPdf } from "../documents/pdf.ts";
import * as caseRepo from "../repository.ts";
import type { NamndDB } from "../tables.ts";
import { type MemoContext, type MemoFrame, memoDocument, memoFileName } from "./document.ts";
import * as repo from "./repository.ts";
import { type Basis, basisDate, basisText, type CaseDocument, clauseText, type MemoContent } from "./rules.ts";

type Db = DbOf<NamndDB>;

export async function memoOrThrow(db: Db, id: string): Promise<repo.MemoRow> {
  const row = await repo.findMemo(db, id);
  if (!row) throw notFound("Tjänsteskrivelsen");
  return row;
}

export const caseDocuments = async (db: Db, caseId: string): Promise<CaseDocument[]> =>
  (await caseRepo.documentsOf(db, caseId)).map((d) => ({
    id: d.id,
    title: d.title,
    documentDate: d.document_date,
    registeredOn: d.registered_on,
  }));

function basisOf(row: repo.BasisRow): Basis {
  if (row.kind === "handling") return { kind: "handling", documentId: row.document_id as string, issuer: row.issuer };
  if (row.kind === "protokoll")
    return {
      kind: "protokoll",
      body: row.body as string,
      date: row.basis_date as string,
      paragraph: row.paragraph as number,
    };
  return { kind: "annan", issuer: row.issuer, title: row.title as string, date: row.basis_date as string };
}

/** The memo's content as stored: the row and its lists. */
export async function contentOf(db: Db, row: repo.MemoRow): Promise<MemoContent> {
  const [clauses, basis, recipients, signatures, answers] = [
    await repo.clausesOf(db, row.id),
    await repo.basisOf(db, row.id),
    await repo.recipientsOf(db, row.id),
    await repo.signaturesOf(db, row.id),
    await repo.childAnswersOf(db, row.id),
  ];
  return {
    title: row.title,
    memoDate: row.memo_date,
    clauses,
    summary: row.summary,
    basis: basis.map(basisOf),
    recipients: recipients.map((r) => r.name),
    description: row.description,
    childAssessment: row.child_assessment ? answers : null,
    signatures,
  };
}

const frameOf = (row: repo.MemoRow): MemoFrame => ({
  status: row.status,
  version: row.version,
  letterhead: row.letterhead,
  department: row.department,
  handler: row.handler_name ? { name: row.handler_name, title: row.handler_title, phone: row.handler_phone } : null,
});

async function contextOf(db: Db, row: repo.MemoRow, namnd: ServiceNode) {
  const caseRow = await caseOrThrow(db, row.case_id);
  const kommun = await findNode(db, kommunIdOf(namnd.path));
  const context: MemoContext = {
    namndName: namnd.name,
    municipality: kommun?.name ?? namnd.name,
    diarienummer: diarienummerOf(caseRow),
    documents: await caseDocuments(db, row.case_id),
  };
  return { caseRow, context };
}

/** A memo in wire form, with its clauses and underlag worded as printed. Access is checked by the caller. */
export async function describeMemo(db: Db, actor: Actor, row: repo.MemoRow, namnd: ServiceNode) {
  const content = await contentOf(db, row);
  const { caseRow, context } = await contextOf(db, row, namnd);
  const frame = frameOf(row);
  return {
    ...summaryOf(row),
    case: { id: caseRow.id, diarienummer: context.diarienummer, title: caseRow.title },
    namnd: { id: namnd.id, name: namnd.name },
    municipality: context.municipality,
    letterhead: frame.letterhead,
    department: frame.department,
    handler: frame.handler,
    clauses: content.clauses.map((c) => ({ ...c, rendered: clauseText(c, namnd.name) })),
    summary: content.summary,
    basis: content.basis.map((b) => ({
      kind: b.kind,
      documentId: b.kind === "handling" ? b.documentId : null,
      issuer: b.kind === "protokoll" ? null : b.issuer,
      title: b.kind === "annan" ? b.title : null,
      body: b.kind === "protokoll" ? b.body : null,
      date: b.kind === "handling" ? null : basisDate(b, context.documents),
      paragraph: b.kind === "protokoll" ? b.paragraph : null,
      rendered: basisText(b, context.documents),
    })),
    recipients: content.recipients,
    description: content.description,
    childAssessment: content.childAssessment,
    signatures: content.signatures,
    documents: [...context.documents],
    canWrite: can(actor, "write:namnd", namnd.path),
  };
}

function summaryOf(row: {
  id: string;
  version: number;
  status: repo.MemoRow["status"];
  title: string;
  memo_date: string;
  completed_on: string | null;
  supersedes_id: string | null;
  superseded_by: string | null;
}) {
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    title: row.title,
    memoDate: row.memo_date,
    completedOn: row.completed_on,
    supersedesId: row.supersedes_id,
    supersededById: row.superseded_by,
  };
}

/** The memos of a case, for a reader of its nämnd. */
/**
 * The förslag till beslut of a case's current tjänsteskrivelse (the latest version marked klar and not
 * replaced), as the agenda and the protokoll's first draft of the beslut read it; null without one.
 */
export async function currentProposal(db: Db, caseId: string, namndName: string): Promise<string | null> {
  const current = (await repo.memosOf(db, caseId)).filter((m) => m.status === "klar" && !m.superseded_by).at(-1);
  if (!current) return null;
  const clauses = await repo.clausesOf(db, current.id);
  return clauses.length ? clauses.map((c) => clauseText(c, namndName)).join(" ") : null;
}

export async function listMemos(db: Db, actor: Actor, caseId: string) {
  const caseRow = await caseOrThrow(db, caseId);
  return read(db, actor, "read", caseRow.org_node_id, async ({ db, node }) => ({
    memos: (await repo.memosOf(db, caseId)).map(summaryOf),
    canWrite: can(actor, "write:namnd", node.path),
  }));
}

/** One memo in full, for a reader of its nämnd. */
export async function getMemo(db: Db, actor: Actor, id: string) {
  const row = await memoOrThrow(db, id);
  return read(db, actor, "read", row.org_node_id, ({ db, node }) => describeMemo(db, actor, row, node));
}

/** The memo as a Word or PDF file, named after its ärende. */
export async function memoFile(db: Db, actor: Actor, id: string, format: "docx" | "pdf") {
  const row = await memoOrThrow(db, id);
  const document = await read(db, actor, "read", row.org_node_id, async ({ db, node }) => {
    const { context } = await contextOf(db, row, node);
    return { doc: memoDocument(await contentOf(db, row), frameOf(row), context), diarienummer: context.diarienummer };
  });
  return {
    fileName: memoFileName(document.diarienummer, row.version, format),
    contentType: format === "docx" ? DOCX_TYPE : PDF_TYPE,
    render: () => (format === "docx" ? renderDocx(document.doc) : renderPdf(document.doc)),
  };
}
