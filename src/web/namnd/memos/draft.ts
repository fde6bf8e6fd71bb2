// The editor's state of a memo and its two conversions: to the API's input, and to the content the preview
// lays out with the same rules as the server.

import type * as memos from "../../../namnd/memos/api.ts";
import type { Basis, MemoContent } from "../../../namnd/memos/rules.ts";
import { type BasisKind, type ChildQuestion, childQuestions, type VerbCode } from "../../../namnd/memos/vocabulary.ts";
import type { InputOf } from "../../../platform/http/endpoint.ts";
import type { Memo } from "./queries.ts";

export type BasisDraft = {
  kind: BasisKind;
  documentId: string;
  issuer: string;
  title: string;
  body: string;
  date: string;
  paragraph: string;
};

export type MemoDraft = {
  memoDate: string;
  title: string;
  letterhead: boolean;
  department: string;
  handlerName: string;
  handlerTitle: string;
  handlerPhone: string;
  clauses: { verb: VerbCode; text: string }[];
  summary: string;
  basis: BasisDraft[];
  /** One recipient per line. */
  recipients: string;
  description: string;
  childAssessment: boolean;
  childAnswers: Record<ChildQuestion, string>;
  signatures: { name: string; title: string }[];
};

export const emptyBasis = (kind: BasisKind): BasisDraft => ({
  kind,
  documentId: "",
  issuer: "",
  title: "",
  body: "",
  date: "",
  paragraph: "",
});

const noAnswers = () => Object.fromEntries(childQuestions.map((q) => [q.code, ""])) as Record<ChildQuestion, string>;

export function newDraft(today: string, handler: { name: string } | null): MemoDraft {
  return {
    memoDate: today,
    title: "",
    letterhead: true,
    department: "",
    handlerName: handler?.name ?? "",
    handlerTitle: "",
    handlerPhone: "",
    clauses: [{ verb: "godkanner", text: "" }],
    summary: "",
    basis: [],
    recipients: "",
    description: "",
    childAssessment: false,
    childAnswers: noAnswers(),
    signatures: [{ name: "", title: "" }],
  };
}

export function draftOf(memo: Memo): MemoDraft {
  const answers = noAnswers();
  for (const a of memo.childAssessment ?? []) answers[a.question] = a.answer;
  return {
    memoDate: memo.memoDate,
    title: memo.title,
    letterhead: memo.letterhead,
    department: memo.department ?? "",
    handlerName: memo.handler?.name ?? "",
    handlerTitle: memo.handler?.title ?? "",
    handlerPhone: memo.handler?.phone ?? "",
    clauses: memo.clauses.map(({ verb, text }) => ({ verb, text })),
    summary: memo.summary,
    basis: memo.basis.map((b) => ({
      kind: b.kind,
      documentId: b.documentId ?? "",
      issuer: b.issuer ?? "",
      title: b.title ?? "",
      body: b.body ?? "",
      date: b.date ?? "",
      paragraph: b.paragraph === null ? "" : String(b.paragraph),
    })),
    recipients: memo.recipients.join("\n"),
    description: memo.description ?? "",
    childAssessment: memo.childAssessment !== null,
    childAnswers: answers,
    signatures: memo.signatures.map((s) => ({ ...s })),
  };
}

function basisOf(b: BasisDraft): Basis {
  if (b.kind === "handling") return { kind: "handling", documentId: b.documentId, issuer: b.issuer.trim() || null };
  if (b.kind === "protokoll") return { kind: "protokoll", body: b.body, date: b.date, paragraph: Number(b.paragraph) };
  return { kind: "annan", issuer: b.issuer.trim() || null, title: b.title, date: b.date };
}

const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l);

/** The draft as the preview lays it out. */
export function contentOf(draft: MemoDraft): MemoContent {
  return {
    title: draft.title,
    memoDate: draft.memoDate,
    clauses: draft.clauses,
    summary: draft.summary,
    basis: draft.basis.map(basisOf),
    recipients: lines(draft.recipients),
    description: draft.description.trim() || null,
    childAssessment: draft.childAssessment
      ? childQuestions.map((q) => ({ question: q.code, answer: draft.childAnswers[q.code] }))
      : null,
    signatures: draft.signatures,
  };
}

/** The draft as the API takes it; the server checks it and names any field that is wrong. */
export function inputOf(draft: MemoDraft): InputOf<typeof memos.updateMemo>["body"] {
  const content = contentOf(draft);
  return {
    ...content,
    letterhead: draft.letterhead,
    department: draft.department,
    handler: draft.handlerName.trim()
      ? { name: draft.handlerName, title: draft.handlerTitle, phone: draft.handlerPhone }
      : null,
  };
}
