// The document model every Nämnd document is built in (tjänsteskrivelse, protokollsutdrag, ordförandebeslut …):
// pure data, so one document renders the same as DOCX (docx.ts), as HTML (html.ts) and as PDF (pdf.ts).

/** The memo's letterhead (B2): who writes, when, in which ärende, and the kommun's address block. */
export interface Letterhead {
  /** "Exempelkommun" */
  municipality: string;
  /** The förvaltning or avdelning: "Individ & Familjeomsorg". */
  department?: string;
  /** YYYY-MM-DD */
  date?: string;
  diarienummer?: string;
  handler?: { name: string; title?: string; phone?: string };
  /** The postal address block, one line each ("Box 1", "123 45 Exempelstad"). */
  address?: string[];
}

/** A section of the body: an optional heading, paragraphs, then an optional list. */
export interface DocumentBlock {
  heading?: string;
  /** 3: the heading sits under the previous block's (a question of a template); 2 when left out. */
  level?: 2 | 3;
  paragraphs: string[];
  list?: string[];
  /** The list is numbered 1., 2. … (decision clauses) rather than bulleted. */
  numbered?: boolean;
}

export interface Signature {
  name: string;
  title: string;
}

export interface NamndDocument {
  letterhead?: Letterhead;
  /** The kind label in capitals: "TJÄNSTESKRIVELSE", "PROTOKOLLSUTDRAG", "ORDFÖRANDEBESLUT". */
  kind: string;
  /** A line above the title, such as "§ 179 Dnr IF-2023-00371" on a protokollsutdrag. */
  reference?: string;
  /**
   * Printed at the top of every page after the first, where the text runs over: "forts. § 179" on a
   * protokollsutdrag (B4's overflow).
   */
  continuation?: string;
  title: string;
  blocks: DocumentBlock[];
  signatures: Signature[];
  footer?: string;
}

/** The letterhead's lines beside the kind label: Datum and Diarienummer, as printed. */
export function letterheadFacts(letterhead: Letterhead): [label: string, value: string][] {
  const facts: [string, string][] = [];
  if (letterhead.date) facts.push(["Datum", letterhead.date]);
  if (letterhead.diarienummer) facts.push(["Diarienummer", letterhead.diarienummer]);
  return facts;
}

/** The lines naming the handläggare under the kommun and förvaltning. */
export function handlerLines(letterhead: Letterhead): string[] {
  const handler = letterhead.handler;
  if (!handler) return [];
  return [
    `Handläggare: ${handler.name}`,
    ...(handler.title ? [handler.title] : []),
    ...(handler.phone ? [`Telefon: ${handler.phone}`] : []),
  ];
}
