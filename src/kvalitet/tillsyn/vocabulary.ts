// IVO-tillsyn's fixed vocabularies (the database's CHECK lists hold the same values). Pure and
// browser-safe. The kinds of tillsyn are data (kvalitet_inspection_type), not listed here.

/** The tillsyn's own course: IVO's case is open until IVO closes it. */
export const inspectionStatuses = ["pagaende", "avslutad"] as const;
export type InspectionStatus = (typeof inspectionStatuses)[number];
export const inspectionStatusLabels: Record<InspectionStatus, string> = {
  pagaende: "Pågående",
  avslutad: "Avslutad",
};

/** Where a requested yttrande stands (rules.ts yttrandeStatus). */
export const yttrandeStatuses = ["inget", "begart", "forsenat", "inlamnat", "inlamnat_sent"] as const;
export type YttrandeStatus = (typeof yttrandeStatuses)[number];
export const yttrandeStatusLabels: Record<YttrandeStatus, string> = {
  inget: "Inget yttrande begärt",
  begart: "Yttrande begärt",
  forsenat: "Yttrandet är försenat",
  inlamnat: "Yttrande inlämnat i tid",
  inlamnat_sent: "Yttrande inlämnat sent",
};

export const FINDINGS_MAX = 4000;
