import type { New } from "../../platform/db/rows.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import type { NamndDB } from "../tables.ts";
import type { MemoContent } from "./rules.ts";

type Db = DbOf<NamndDB>;

const memoColumns = [
  "id",
  "case_id",
  "org_node_id",
  "version",
  "supersedes_id",
  "status",
  "completed_on",
  "memo_date",
  "title",
  "letterhead",
  "department",
  "handler_name",
  "handler_title",
  "handler_phone",
  "summary",
  "description",
  "child_assessment",
] as const;

/** A memo's own row, with the id of the version that superseded it (null for the newest). */
export const findMemo = (db: Db, id: string) =>
  db
    .selectFrom("namnd_memo as m")
    .select(memoColumns.map((c) => `m.${c}` as const))
    .select((eb) =>
      eb.selectFrom("namnd_memo as n").select("n.id").whereRef("n.supersedes_id", "=", "m.id").as("superseded_by"),
    )
    .where("m.id", "=", id)
    .executeTakeFirst();
export type MemoRow = NonNullable<Awaited<ReturnType<typeof findMemo>>>;

/** A case's memos, oldest first, each with the number of its clauses. */
export const memosOf = (db: Db, caseId: string) =>
  db
    .selectFrom("namnd_memo as m")
    .select(["m.id", "m.version", "m.status", "m.title", "m.memo_date", "m.completed_on", "m.supersedes_id"])
    .select((eb) =>
      eb.selectFrom("namnd_memo as n").select("n.id").whereRef("n.supersedes_id", "=", "m.id").as("superseded_by"),
    )
    .where("m.case_id", "=", caseId)
    .orderBy("m.created_at")
    .orderBy("m.id")
    .execute();

export const clausesOf = (db: Db, memoId: string) =>
  db
    .selectFrom("namnd_memo_clause")
    .select(["verb", "text"])
    .where("memo_id", "=", memoId)
    .orderBy("position")
    .execute();

export const basisOf = (db: Db, memoId: string) =>
  db
    .selectFrom("namnd_memo_basis")
    .select(["kind", "document_id", "issuer", "title", "body", "basis_date", "paragraph"])
    .where("memo_id", "=", memoId)
    .orderBy("position")
    .execute();
export type BasisRow = Awaited<ReturnType<typeof basisOf>>[number];

export const recipientsOf = (db: Db, memoId: string) =>
  db.selectFrom("namnd_memo_recipient").select("name").where("memo_id", "=", memoId).orderBy("position").execute();

export const signaturesOf = (db: Db, memoId: string) =>
  db
    .selectFrom("namnd_memo_signature")
    .select(["name", "title"])
    .where("memo_id", "=", memoId)
    .orderBy("position")
    .execute();

export const childAnswersOf = (db: Db, memoId: string) =>
  db.selectFrom("namnd_memo_child_answer").select(["question", "answer"]).where("memo_id", "=", memoId).execute();

export type MemoValues = New<NamndDB, "namnd_memo">;

export const insertMemo = async (db: Db, values: MemoValues) =>
  (await db.insertInto("namnd_memo").values(values).returning("id").executeTakeFirstOrThrow()).id;

export const updateMemo = (db: Db, id: string, values: Partial<MemoValues>) =>
  db.updateTable("namnd_memo").set(values).where("id", "=", id).execute();

/** Writes the memo's lists (clauses, underlag, recipients, signatures, child answers), replacing its former ones. */
export async function replaceParts(db: Db, memoId: string, content: MemoContent): Promise<void> {
  const at = <T>(rows: readonly T[]) => rows.map((row, position) => ({ ...row, memo_id: memoId, position }));
  for (const table of [
    "namnd_memo_clause",
    "namnd_memo_basis",
    "namnd_memo_recipient",
    "namnd_memo_signature",
    "namnd_memo_child_answer",
  ] as const)
    await db.deleteFrom(table).where("memo_id", "=", memoId).execute();
  const basis = content.basis.map((b) => ({
    kind: b.kind,
    document_id: b.kind === "handling" ? b.documentId : null,
    issuer: b.kind === "protokoll" ? null : b.issuer,
    title: b.kind === "annan" ? b.title : null,
    body: b.kind === "protokoll" ? b.body : null,
    basis_date: b.kind === "handling" ? null : b.date,
    paragraph: b.kind === "protokoll" ? b.paragraph : null,
  }));
  const answers = content.childAssessment ?? [];
  if (content.clauses.length) await db.insertInto("namnd_memo_clause").values(at(content.clauses)).execute();
  if (basis.length) await db.insertInto("namnd_memo_basis").values(at(basis)).execute();
  if (content.recipients.length)
    await db
      .insertInto("namnd_memo_recipient")
      .values(at(content.recipients.map((name) => ({ name }))))
      .execute();
  if (content.signatures.length) await db.insertInto("namnd_memo_signature").values(at(content.signatures)).execute();
  if (answers.length)
    await db
      .insertInto("namnd_memo_child_answer")
      .values(answers.map((a) => ({ ...a, memo_id: memoId })))
      .execute();
}
