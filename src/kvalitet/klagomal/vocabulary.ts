// Synpunkter och klagomål: the fixed vocabularies (the database's CHECK lists hold the same values) with
// their Swedish labels. Pure and browser-safe: the web UI labels with these.

/**
 * How it arrived. Kommentaren is the kommun's own channel for every förvaltning; its records are counted
 * apart from the diarium's (the nämnd reports them separately and never adds them up).
 */
export const channels = ["hemsidan", "post", "epost", "ivo", "personligen", "kommentaren"] as const;
export type Channel = (typeof channels)[number];
export const channelLabels: Record<Channel, string> = {
  hemsidan: "Hemsidan (e-tjänst)",
  post: "Post",
  epost: "E-post",
  ivo: "Via IVO",
  personligen: "Personligen",
  kommentaren: "Kommentaren",
};

export const senderTypes = ["brukare", "anhorig", "personal", "utforare", "myndighet", "forening", "okand"] as const;
export type SenderType = (typeof senderTypes)[number];
export const senderTypeLabels: Record<SenderType, string> = {
  brukare: "Brukare",
  anhorig: "Anhörig",
  personal: "Personal",
  utforare: "Utförare",
  myndighet: "Myndighet",
  forening: "Förening",
  okand: "Okänd",
};

export const complaintTypes = ["klagomal", "synpunkt", "berom", "forslag"] as const;
export type ComplaintType = (typeof complaintTypes)[number];
export const complaintTypeLabels: Record<ComplaintType, string> = {
  klagomal: "Klagomål",
  synpunkt: "Synpunkt",
  berom: "Beröm",
  forslag: "Förslag till förbättring",
};

/** Types that must say what they concern (a category): beröm and förslag may. */
export const categorisedTypes: readonly ComplaintType[] = ["klagomal", "synpunkt"];

export const categories = ["utformande", "handlaggning", "bemotande", "ovrigt"] as const;
export type Category = (typeof categories)[number];
export const categoryLabels: Record<Category, string> = {
  utformande: "Insatsens utformande eller utförande",
  handlaggning: "Handläggning av ärende",
  bemotande: "Bemötande",
  ovrigt: "Övrigt",
};
/** Short column heads for the unit × category table. */
export const categoryShortLabels: Record<Category, string> = {
  utformande: "Utformande/utförande",
  handlaggning: "Handläggning",
  bemotande: "Bemötande",
  ovrigt: "Övrigt",
};

/** Where the answer stands under the 10-day rule (rules.ts answerStatus). */
export const answerStatuses = ["obesvarad", "besvarad_i_tid", "besvarad_sent", "forsenad", "anonym"] as const;
export type AnswerStatus = (typeof answerStatuses)[number];
export const answerStatusLabels: Record<AnswerStatus, string> = {
  obesvarad: "Obesvarad",
  besvarad_i_tid: "Besvarad i tid",
  besvarad_sent: "Besvarad sent",
  forsenad: "Försenad",
  anonym: "Anonym – kan inte besvaras",
};

/** Free text on a synpunkt is at most this long (the database's CHECK says the same). */
export const COMPLAINT_TEXT_MAX = 4000;
