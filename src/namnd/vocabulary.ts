// Nämnd's fixed vocabularies (the database's CHECK lists hold the same values). Pure and browser-safe: the
// web UI labels with these.

/** öppet → (vilande ↔ öppet) → avslutat; an avslutat case has a closing date and may be reopened. */
export const caseStatuses = ["oppet", "vilande", "avslutat"] as const;
export type CaseStatus = (typeof caseStatuses)[number];
export const caseStatusLabels: Record<CaseStatus, string> = {
  oppet: "Öppet",
  vilande: "Vilande",
  avslutat: "Avslutat",
};

/** A document came in, was drawn up here (and stays), or was drawn up and sent out. */
export const documentDirections = ["inkommande", "upprattad", "utgaende"] as const;
export type DocumentDirection = (typeof documentDirections)[number];
export const documentDirectionLabels: Record<DocumentDirection, string> = {
  inkommande: "Inkommande",
  upprattad: "Upprättad",
  utgaende: "Utgående",
};

/**
 * Other bodies' identifiers a case may carry: another body's diarienummer (KS-2023-00710), a court's mål nr,
 * IVO's, IMY's and a ministry's diarienummer; "annan" keeps any other reference as written.
 */
export const referenceKinds = ["diarienummer", "mal", "ivo", "imy", "departement", "annan"] as const;
export type ReferenceKind = (typeof referenceKinds)[number];
export const referenceKindLabels: Record<ReferenceKind, string> = {
  diarienummer: "Annan myndighets diarienummer",
  mal: "Domstolens målnummer",
  ivo: "IVO:s diarienummer",
  imy: "IMY:s diarienummer",
  departement: "Departementets diarienummer",
  annan: "Annan referens",
};

/** The file types a document may be, as recognised by their first bytes. */
export const documentTypes = [
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.oasis.opendocument.text",
  "text/plain",
  "image/png",
  "image/jpeg",
] as const;
export type DocumentType = (typeof documentTypes)[number];
export const documentTypeLabels: Record<DocumentType, { label: string; extension: string }> = {
  "application/pdf": { label: "PDF", extension: "pdf" },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": { label: "Word", extension: "docx" },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { label: "Excel", extension: "xlsx" },
  "application/vnd.oasis.opendocument.text": { label: "OpenDocument-text", extension: "odt" },
  "text/plain": { label: "Text", extension: "txt" },
  "image/png": { label: "PNG-bild", extension: "png" },
  "image/jpeg": { label: "JPEG-bild", extension: "jpg" },
};

/** A document may be at most this large (a scanned letter or a long report fits). */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export const TITLE_MAX = 500;

/** The case types a kommun starts from (the migration gave existing kommuner the same list). */
export const standardCaseTypes = [
  { code: "allmant", name: "Allmänt ärende" },
  { code: "initiativ", name: "Initiativärende" },
  { code: "motion", name: "Motion" },
  { code: "remiss", name: "Remiss och yttrande" },
  { code: "uppdrag", name: "Uppdrag" },
  { code: "redovisning", name: "Redovisning och uppföljning" },
  { code: "budget", name: "Budget och årsredovisning" },
  { code: "internkontroll", name: "Internkontroll" },
  { code: "revision", name: "Revision" },
  { code: "avtal", name: "Avtal och placeringsavtal" },
  { code: "delegation", name: "Delegering" },
  { code: "domar", name: "Domar och beslut" },
  { code: "synpunkter", name: "Synpunkter och klagomål" },
  { code: "skrivelser", name: "Skrivelser och meddelanden" },
  { code: "tillsyn", name: "Tillsyn (IVO, IMY)" },
  { code: "bidrag", name: "Föreningsbidrag" },
] as const;
