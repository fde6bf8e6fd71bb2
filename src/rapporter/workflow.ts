// The rules of a report's way from draft to publication, pure: which status may follow which, when the
// writers' texts are open, the writers' texts in place of the template's, and a report copied to the next
// year. The services load and store; these decide.
import { DomainError } from "../platform/errors.ts";
import type { TemplateContent } from "./template.ts";

export const reportStatuses = ["utkast", "granskning", "godkand", "publicerad"] as const;
export type ReportStatus = (typeof reportStatuses)[number];
export const reportStatusLabels: Record<ReportStatus, string> = {
  utkast: "Utkast",
  granskning: "Granskning",
  godkand: "Godkänd",
  publicerad: "Publicerad",
};

export const chapterStatuses = ["ej-paborjad", "pagar", "klar"] as const;
export type ChapterStatus = (typeof chapterStatuses)[number];
export const chapterStatusLabels: Record<ChapterStatus, string> = {
  "ej-paborjad": "Ej påbörjad",
  pagar: "Pågår",
  klar: "Klar",
};

/**
 * The moves the approver makes by hand: to review and back, approval (which locks the texts), and reopening
 * an approved report. Publishing is its own step (it freezes the report) and nothing leaves "publicerad".
 */
const moves: Record<ReportStatus, readonly ReportStatus[]> = {
  utkast: ["granskning"],
  granskning: ["utkast", "godkand"],
  godkand: ["utkast"],
  publicerad: [],
};
export const manualStatuses = ["utkast", "granskning", "godkand"] as const;

export function assertMove(from: ReportStatus, to: ReportStatus): void {
  if (!moves[from].includes(to)) {
    throw new DomainError(
      "conflict",
      `En rapport med status ${reportStatusLabels[from].toLowerCase()} kan inte bli ${reportStatusLabels[to].toLowerCase()}.`,
    );
  }
}

/** Writers change texts, chapter statuses and comments until the report is approved. */
export function assertOpen(status: ReportStatus): void {
  if (status === "godkand" || status === "publicerad") {
    throw new DomainError("conflict", "Rapporten är godkänd och låst. Öppna den igen för att ändra.");
  }
}

/** Approval asks every chapter to be klar. */
export function assertApprovable(chapters: ReadonlyArray<{ title: string; status: ChapterStatus }>): void {
  const open = chapters.filter((c) => c.status !== "klar").map((c) => c.title);
  if (open.length) {
    throw new DomainError("conflict", `Alla kapitel ska vara klara före godkännandet. Inte klara: ${open.join(", ")}.`);
  }
}

export type AuthoredBlock = { chapter: string; block: string; heading: string | null; text: string };

/** The blocks writers write, with the template's text as the starting draft. */
export const authoredBlocks = (content: TemplateContent): AuthoredBlock[] =>
  content.chapters.flatMap((chapter) =>
    chapter.blocks.flatMap((b) =>
      b.kind === "authored" ? [{ chapter: chapter.id, block: b.id, heading: b.heading ?? null, text: b.text }] : [],
    ),
  );

/** The template's content with the report's own texts in its authored blocks. */
export function withTexts(content: TemplateContent, texts: ReadonlyMap<string, string>): TemplateContent {
  return {
    ...content,
    chapters: content.chapters.map((chapter) => ({
      ...chapter,
      blocks: chapter.blocks.map((b) =>
        b.kind === "authored" && texts.has(b.id) ? { ...b, text: texts.get(b.id) ?? b.text } : b,
      ),
    })),
  };
}
