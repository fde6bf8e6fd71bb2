// IVO-tillsyn's fixed vocabularies (the database's CHECK lists hold the same values) and the standard kinds
// of tillsyn a kommun starts from. Pure and browser-safe. The kinds themselves are the kommun's data
// (kvalitet_inspection_type), which its admin edits.

/** IVO's kinds of tillsyn, the list every kommun starts from (as migration 0450 first stored them). */
export const standardInspectionTypes: readonly { code: string; name: string }[] = [
  { code: "anmald-inspektion", name: "Anmäld inspektion" },
  { code: "uppfoljning", name: "Uppföljning" },
  { code: "lss-9-8", name: "Årlig tillsyn av bostad enligt LSS 9 § 8" },
  { code: "sarskild-tillsynsinsats", name: "Särskild tillsynsinsats" },
];

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
