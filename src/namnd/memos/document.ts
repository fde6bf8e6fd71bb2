// A tjänsteskrivelse as a NamndDocument (B2), pure: the server renders it to DOCX and PDF, and the editor
// previews the same document while the memo is written.
import type { DocumentBlock, Letterhead, NamndDocument } from "../documents/model.ts";
import { basisText, type CaseDocument, clauseText, type MemoContent, verbOf } from "./rules.ts";
import { childQuestions, type MemoStatus } from "./vocabulary.ts";

/** What the memo is written in: the nämnd, its kommun and the ärende, and who writes. */
export type MemoContext = {
  namndName: string;
  municipality: string;
  diarienummer: string;
  documents: readonly CaseDocument[];
};

export type MemoFrame = {
  status: MemoStatus;
  version: number;
  /** Print the letterhead (only some memos have one). */
  letterhead: boolean;
  department: string | null;
  handler: { name: string; title: string | null; phone: string | null } | null;
};

/** Paragraphs as written: a blank line starts a new one. */
const paragraphsOf = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p);

export function memoDocument(memo: MemoContent, frame: MemoFrame, context: MemoContext): NamndDocument {
  const clauses = (decider: "namnd" | "kf") =>
    memo.clauses.filter((c) => verbOf(c.verb).decider === decider).map((c) => clauseText(c, context.namndName));
  const ownClauses = clauses("namnd");
  const kfClauses = clauses("kf");
  const blocks: DocumentBlock[] = [];
  if (ownClauses.length)
    blocks.push({ heading: "Förslag till beslut", paragraphs: [], list: ownClauses, numbered: true });
  // A motion reply proposes Kommunfullmäktige's decision (B2: "…förslag till Kommunfullmäktige").
  if (kfClauses.length)
    blocks.push({ heading: "Förslag till Kommunfullmäktige", paragraphs: [], list: kfClauses, numbered: true });
  blocks.push({ heading: "Sammanfattning av ärendet", paragraphs: paragraphsOf(memo.summary) });
  if (memo.basis.length)
    blocks.push({
      heading: "Beslutsunderlag",
      paragraphs: [],
      list: memo.basis.map((b) => basisText(b, context.documents)),
    });
  if (memo.recipients.length) blocks.push({ heading: "Beslutet skickas till", paragraphs: [], list: memo.recipients });
  if (memo.description?.trim())
    blocks.push({ heading: "Beskrivning av ärendet", paragraphs: paragraphsOf(memo.description) });
  if (memo.childAssessment) {
    blocks.push({ heading: "Barnets bästa-prövning", paragraphs: [] });
    for (const question of childQuestions) {
      const answer = memo.childAssessment.find((a) => a.question === question.code)?.answer ?? "";
      blocks.push({ heading: question.heading, level: 3, paragraphs: paragraphsOf(answer) });
    }
  }
  const letterhead: Letterhead | undefined = frame.letterhead
    ? {
        municipality: context.municipality,
        ...(frame.department ? { department: frame.department } : {}),
        date: memo.memoDate,
        diarienummer: context.diarienummer,
        ...(frame.handler
          ? {
              handler: {
                name: frame.handler.name,
                ...(frame.handler.title ? { title: frame.handler.title } : {}),
                ...(frame.handler.phone ? { phone: frame.handler.phone } : {}),
              },
            }
          : {}),
      }
    : undefined;
  const versionNote = frame.version > 1 ? `Version ${frame.version}` : "";
  const footer = [frame.status === "utkast" ? "UTKAST – inte klar" : "", versionNote].filter((s) => s).join(" · ");
  return {
    ...(letterhead ? { letterhead } : {}),
    kind: "TJÄNSTESKRIVELSE",
    title: memo.title,
    blocks,
    signatures: memo.signatures,
    ...(footer ? { footer } : {}),
  };
}

/** The download's file name: the diarienummer and the kind, ASCII only ("IF-2024-00012-tjansteskrivelse-v2.docx"). */
export function memoFileName(diarienummer: string, version: number, extension: "docx" | "pdf"): string {
  const safe = diarienummer.replace(/[^A-Za-z0-9-]/g, "");
  return `${safe}-tjansteskrivelse${version > 1 ? `-v${version}` : ""}.${extension}`;
}
