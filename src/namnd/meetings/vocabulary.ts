// Sammanträden's fixed vocabularies (the database's CHECK lists hold the same values). Pure and browser-safe.

/** The nämnd itself, or one of its utskott (each body has its own § series). */
export const bodyKinds = ["namnd", "utskott"] as const;
export type BodyKind = (typeof bodyKinds)[number];
export const bodyKindLabels: Record<BodyKind, string> = { namnd: "Nämnd", utskott: "Utskott" };

/**
 * planerat → kallat (the kallelse is sent, standing items frozen) → genomfört (§ issued) → justerat (locked);
 * a kallat meeting can instead be inställt (final; its agenda released, no § issued).
 */
export const meetingStatuses = ["planerat", "kallat", "genomfort", "justerat", "installt"] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];
export const meetingStatusLabels: Record<MeetingStatus, string> = {
  planerat: "Planerat",
  kallat: "Kallat",
  genomfort: "Genomfört",
  justerat: "Justerat",
  installt: "Inställt",
};

export const attendeeRoles = ["ordforande", "ledamot", "ersattare", "tjansteperson"] as const;
export type AttendeeRole = (typeof attendeeRoles)[number];
export const attendeeRoleLabels: Record<AttendeeRole, string> = {
  ordforande: "Ordförande",
  ledamot: "Ledamot",
  ersattare: "Ersättare",
  tjansteperson: "Tjänsteperson",
};

export const itemKinds = ["arende", "information", "staende"] as const;
export type ItemKind = (typeof itemKinds)[number];
export const itemKindLabels: Record<ItemKind, string> = {
  arende: "Ärende",
  information: "Information",
  staende: "Stående punkt",
};

/** The standing items filled from the registers, in the order the agenda lists them. */
export const standingKinds = [
  "delegationsbeslut",
  "ordforandebeslut",
  "domar",
  "synpunkter",
  "skrivelser",
  "lex_sarah",
  "evb",
] as const;
export type StandingKind = (typeof standingKinds)[number];

export const motionKinds = ["yrkande", "tillaggsyrkande"] as const;
export type MotionKind = (typeof motionKinds)[number];
export const motionKindLabels: Record<MotionKind, string> = {
  yrkande: "Yrkande",
  tillaggsyrkande: "Tilläggsyrkande",
};

export const memberNoteKinds = ["jav", "reservation"] as const;
export type MemberNoteKind = (typeof memberNoteKinds)[number];
