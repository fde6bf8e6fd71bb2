// Inkommande's fixed vocabularies (the database's CHECK lists hold the same values). Pure and browser-safe.

/**
 * Who issued a dom or beslut, in the order the period list prints its sections. KR, FR, IMY, IVO, KF and KS
 * always have a section (empty ones too, as the nämnd's list prints them); HFD and other authorities only
 * when a row is registered under them.
 */
export const issuers = ["HFD", "KR", "FR", "IMY", "IVO", "ANNAN", "KF", "KS"] as const;
export type Issuer = (typeof issuers)[number];
export const standingSections: readonly Issuer[] = ["KR", "FR", "IMY", "IVO", "KF", "KS"];
export const issuerLabels: Record<Issuer, string> = {
  HFD: "Högsta förvaltningsdomstolen",
  KR: "Kammarrätten",
  FR: "Förvaltningsrätten",
  IMY: "Integritetsskyddsmyndigheten (IMY)",
  IVO: "Inspektionen för vård och omsorg (IVO)",
  ANNAN: "Annan myndighet",
  KF: "Kommunfullmäktige",
  KS: "Kommunstyrelsen",
};
/** Courts: a row has a mål nr, an appellant and an outcome. */
export const courts: readonly Issuer[] = ["HFD", "KR", "FR"];
/** Bodies of the kommun: a row is a § of their protocol. */
export const councils: readonly Issuer[] = ["KF", "KS"];

export const rulingKinds = ["dom", "beslut"] as const;
export type RulingKind = (typeof rulingKinds)[number];
export const rulingKindLabels: Record<RulingKind, string> = { dom: "Dom", beslut: "Beslut" };

/** Who appealed: the individual (not a name), the nämnd, or another party (described, not named). */
export const appellants = ["individen", "namnden", "annan"] as const;
export type Appellant = (typeof appellants)[number];
export const appellantLabels: Record<Appellant, string> = {
  individen: "Individen",
  namnden: "Nämnden",
  annan: "Annan part",
};

/** A court's outcome, as the list writes it. */
export const outcomes = [
  "avslar_overklagandet",
  "bifaller",
  "ej_provningstillstand",
  "avslar_interimistiskt",
  "upphaver",
  "aterforvisar",
  "avskriver",
] as const;
export type Outcome = (typeof outcomes)[number];
export const outcomeLabels: Record<Outcome, string> = {
  avslar_overklagandet: "Avslår överklagandet",
  bifaller: "Bifaller överklagandet",
  ej_provningstillstand: "Meddelar inte prövningstillstånd",
  avslar_interimistiskt: "Avslår yrkandet om interimistiskt förordnande",
  upphaver: "Upphäver det överklagade beslutet",
  aterforvisar: "Återförvisar målet",
  avskriver: "Avskriver målet",
};

export const senderKinds = ["myndighet", "organisation", "privatperson"] as const;
export type SenderKind = (typeof senderKinds)[number];
export const senderKindLabels: Record<SenderKind, string> = {
  myndighet: "Myndighet",
  organisation: "Organisation",
  privatperson: "Privatperson",
};
/** Shown in place of a private person's name to readers without access to personal data. */
export const MASKED_SENDER = "Privatperson (namnet visas inte)";
