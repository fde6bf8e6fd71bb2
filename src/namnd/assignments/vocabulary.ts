// Uppdrag och uppföljning's fixed vocabularies (the database's CHECK lists hold the same values). Pure and
// browser-safe.

export const motionKinds = ["initiativ", "motion"] as const;
export type MotionKind = (typeof motionKinds)[number];
export const motionKindLabels: Record<MotionKind, string> = { initiativ: "Initiativärende", motion: "Motion" };

/** The steps a motion or initiativärende takes, in order; none may be skipped. */
export const motionStatuses = ["inkommen", "anmald", "remitterad", "besvarad", "beslutad"] as const;
export type MotionStatus = (typeof motionStatuses)[number];
export const motionStatusLabels: Record<MotionStatus, string> = {
  inkommen: "Inkommen",
  anmald: "Anmäld",
  remitterad: "Remitterad",
  besvarad: "Besvarad",
  beslutad: "Beslutad",
};

/** Each referee's own state. */
export const refereeStatuses = ["remitterad", "besvarad"] as const;
export type RefereeStatus = (typeof refereeStatuses)[number];

/** What the answer proposes: bifall/avslag of a motion (to KF), an initiative considered answered. */
export const proposals = ["bifall", "avslag", "besvarad"] as const;
export type Proposal = (typeof proposals)[number];
export const proposalLabels: Record<Proposal, string> = {
  bifall: "Förslag till KF: bifaller motionen",
  avslag: "Förslag till KF: avslår motionen",
  besvarad: "Anser initiativet besvarat",
};

export const assignmentStatuses = ["pagaende", "fullgjort"] as const;
export type AssignmentStatus = (typeof assignmentStatuses)[number];
export const assignmentStatusLabels: Record<AssignmentStatus, string> = {
  pagaende: "Pågående",
  fullgjort: "Fullgjort",
};

/** Kommunrevisionen's scale per revisionsfråga. */
export const assessments = ["ja", "ja_i_stort", "delvis", "nej"] as const;
export type Assessment = (typeof assessments)[number];
export const assessmentLabels: Record<Assessment, string> = {
  ja: "Ja",
  ja_i_stort: "Ja, i stort",
  delvis: "Delvis",
  nej: "Nej",
};

export const actionStatuses = ["planerad", "pagar", "under_utredning", "genomford"] as const;
export type ActionStatus = (typeof actionStatuses)[number];
export const actionStatusLabels: Record<ActionStatus, string> = {
  planerad: "Planerad",
  pagar: "Pågår",
  under_utredning: "Under utredning",
  genomford: "Genomförd",
};

/** Printed in the reply memo where the register has no answer. */
export const MISSING = "saknas";
