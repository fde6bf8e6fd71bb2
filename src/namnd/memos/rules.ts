// The tjänsteskrivelse's rules, pure: how a clause and a beslutsunderlag read, and what a whole proposed
// memo must satisfy before it is saved or marked klar. Browser-safe, so the editor's preview words the
// clauses exactly as the saved document will.
import type { FieldProblem } from "../../platform/validation.ts";
import {
  type ChildQuestion,
  childQuestions,
  type DecisionVerb,
  decisionVerbs,
  KF_NAME,
  type MemoStatus,
  type VerbCode,
} from "./vocabulary.ts";

export type Clause = { verb: VerbCode; text: string };

export type Basis =
  | { kind: "handling"; documentId: string; issuer: string | null }
  | { kind: "protokoll"; body: string; date: string; paragraph: number }
  | { kind: "annan"; issuer: string | null; title: string; date: string };

/** A document of the case, as much as a beslutsunderlag needs of it. */
export type CaseDocument = { id: string; title: string; documentDate: string | null; registeredOn: string };

/** A memo's content, as saved and as the editor holds it. */
export type MemoContent = {
  title: string;
  memoDate: string;
  clauses: Clause[];
  summary: string;
  basis: Basis[];
  recipients: string[];
  description: string | null;
  /** null: no barnets bästa-prövning; otherwise the answers under the template's headings. */
  childAssessment: { question: ChildQuestion; answer: string }[] | null;
  signatures: { name: string; title: string }[];
};

export const verbOf = (code: VerbCode): DecisionVerb => decisionVerbs.find((v) => v.code === code) as DecisionVerb;

/**
 * The clause as the proposal prints it: "Nämnden för Individ & Familjeomsorg godkänner redovisningen." The
 * subject is the nämnd by its name, or Kommunfullmäktige for a proposal to KF; a suffix ("till protokollet")
 * follows the writer's text, whose own closing full stop moves after it.
 */
export function clauseText(clause: Clause, namndName: string): string {
  const verb = verbOf(clause.verb);
  const rest = clause.text.trim().replace(/[.\s]+$/, "");
  const sentence = [verb.decider === "kf" ? KF_NAME : namndName, verb.phrase, rest, verb.suffix]
    .filter((part) => part)
    .join(" ");
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** The date a beslutsunderlag bears: the document's own date, else the day it was registered. */
export function basisDate(basis: Basis, documents: readonly CaseDocument[]): string | null {
  if (basis.kind !== "handling") return basis.date;
  const document = documents.find((d) => d.id === basis.documentId);
  return document ? (document.documentDate ?? document.registeredOn) : null;
}

/** "<issuer> <doc>, YYYY-MM-DD" for a document; "<body>, YYYY-MM-DD § n" for a protocol paragraph. */
export function basisText(basis: Basis, documents: readonly CaseDocument[]): string {
  if (basis.kind === "protokoll") return `${basis.body}, ${basis.date} § ${basis.paragraph}`;
  const title =
    basis.kind === "annan"
      ? basis.title
      : (documents.find((d) => d.id === basis.documentId)?.title ?? "(okänd handling)");
  const named = basis.issuer ? `${basis.issuer} ${title}` : title;
  const date = basisDate(basis, documents);
  return date ? `${named}, ${date}` : named;
}

/** The problems of a memo as proposed for saving (draft or not); empty when it may be saved. */
export function memoProblems(memo: MemoContent, documents: readonly CaseDocument[], today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (memo.clauses.length === 0)
    problems.push({ field: "clauses", message: "Förslag till beslut behöver minst en beslutssats." });
  memo.clauses.forEach((clause, i) => {
    const verb = verbOf(clause.verb);
    if (verb.needsObject && clause.text.trim() === "")
      problems.push({
        field: `clauses.${i}.text`,
        message: `Skriv vad nämnden ${verb.phrase}${verb.suffix ? ` ${verb.suffix}` : ""} (beslutssats ${i + 1}).`,
      });
  });
  memo.basis.forEach((basis, i) => {
    if (basis.kind === "handling" && !documents.some((d) => d.id === basis.documentId)) {
      problems.push({ field: `basis.${i}.documentId`, message: "Handlingen finns inte i ärendet." });
      return;
    }
    const date = basisDate(basis, documents);
    if (date && date > today)
      problems.push({
        field: `basis.${i}.date`,
        message: `Beslutsunderlaget är daterat ${date}, i framtiden; underlaget ska finnas när skrivelsen skrivs.`,
      });
  });
  const seen = new Set<string>();
  memo.recipients.forEach((recipient, i) => {
    const key = recipient.trim().toLowerCase();
    if (seen.has(key)) problems.push({ field: `recipients.${i}`, message: `${recipient} står redan med.` });
    seen.add(key);
  });
  memo.childAssessment?.forEach((answer, i) => {
    if (memo.childAssessment?.findIndex((a) => a.question === answer.question) !== i)
      problems.push({ field: `childAssessment.${i}.question`, message: "Frågan är redan besvarad." });
  });
  return problems;
}

/** What a memo lacks to be marked klar (beyond being savable): the parts a finished memo always has. */
export function readinessProblems(memo: MemoContent): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (memo.summary.trim() === "")
    problems.push({ field: "summary", message: "Skriv sammanfattningen av ärendet innan skrivelsen markeras klar." });
  if (memo.signatures.length === 0)
    problems.push({ field: "signatures", message: "Skrivelsen behöver minst en underskrift (namn och titel)." });
  if (memo.childAssessment) {
    for (const question of childQuestions) {
      const answer = memo.childAssessment.find((a) => a.question === question.code);
      if (!answer || answer.answer.trim() === "")
        problems.push({
          field: `childAssessment.${question.code}`,
          message: `Besvara "${question.heading}" i barnets bästa-prövningen, eller ta bort prövningen.`,
        });
    }
  }
  return problems;
}

/** Why a memo in this status cannot be edited, or null when it can. */
export const editRefusal = (status: MemoStatus): string | null =>
  status === "klar" ? "Tjänsteskrivelsen är klar och låst. Skapa en ny version för att ändra den." : null;

/** Why no new version can be made of this memo, or null when one can. */
export function newVersionRefusal(status: MemoStatus, supersededBy: string | null): string | null {
  if (status !== "klar")
    return "Tjänsteskrivelsen är ett utkast; ändra den direkt i stället för att skapa en ny version.";
  if (supersededBy) return "Det finns redan en nyare version av tjänsteskrivelsen; ändra den.";
  return null;
}
