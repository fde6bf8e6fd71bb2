// The kvalitetsplan's fixed vocabularies (the database's CHECK lists hold the same values) and the standard
// process list a kommun starts from. Pure and browser-safe: the web UI labels with these.

/** An åtgärd's status as the plans print it (brief A5); the three "avslutad" ones close it. */
export const atgardStatuses = [
  "ej_paborjad",
  "pagaende",
  "pagaende_med_avvikelse",
  "avslutad_uppnadd",
  "avslutad_delvis",
  "avslutad_ej_uppnadd",
] as const;
export type AtgardStatus = (typeof atgardStatuses)[number];
export const atgardStatusLabels: Record<AtgardStatus, string> = {
  ej_paborjad: "Ej påbörjad",
  pagaende: "Pågående",
  pagaende_med_avvikelse: "Pågående med avvikelse",
  avslutad_uppnadd: "Avslutad – nyttan uppnådd",
  avslutad_delvis: "Avslutad – nyttan delvis uppnådd",
  avslutad_ej_uppnadd: "Avslutad – nyttan ej uppnådd",
};
/** An åtgärd's status on a past day; null: changed since, but open on that day (rules.ts atgardOn). */
export const atgardStatusLabelOn = (status: AtgardStatus | null) =>
  status === null ? "Öppen (status ändrad senare)" : atgardStatusLabels[status];
export const closedStatuses: readonly AtgardStatus[] = ["avslutad_uppnadd", "avslutad_delvis", "avslutad_ej_uppnadd"];
export const isClosedStatus = (s: AtgardStatus) => closedStatuses.includes(s);

/** How an egenkontroll is made; free text in the record, these are offered. */
export const controlMethods = ["Stickprov", "Totalgranskning", "Journalgranskning", "Enkät", "Observation"] as const;

/**
 * The standard processes (process → aktivitet) risks and egenkontroller hang on. "Verkställa uppdrag" and
 * "Följa upp uppdrag" are the brief's (A1); the others complete Socialtjänstprocessen and add the support
 * processes the KB 2023 risks concern. The kommun's admin adds its own.
 */
export const standardProcesses: readonly { process: string; activity: string }[] = [
  { process: "Socialtjänstprocessen", activity: "Ta emot och utreda" },
  { process: "Socialtjänstprocessen", activity: "Besluta" },
  { process: "Socialtjänstprocessen", activity: "Verkställa uppdrag" },
  { process: "Socialtjänstprocessen", activity: "Följa upp uppdrag" },
  { process: "Stödprocesser", activity: "Dokumentation" },
  { process: "Stödprocesser", activity: "Bemanning och kompetens" },
  { process: "Stödprocesser", activity: "Informationssäkerhet" },
  { process: "Stödprocesser", activity: "Statistik och uppföljning" },
];

/** Free text in a plan is short: a risk, a control or an åtgärd in a few sentences. */
export const PLAN_TEXT_MAX = 2000;
