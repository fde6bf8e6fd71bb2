// Föreningsbidrag's fixed vocabularies (the database's CHECK lists hold the same values). Pure and browser-safe.

/** An application's statuses in the order the cycle takes them; avslagen ends it. */
export const applicationStatuses = [
  "inkommen",
  "komplettering_begard",
  "bedomd",
  "beviljad",
  "avslagen",
  "utbetald",
  "aterrapporterad",
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];
export const applicationStatusLabels: Record<ApplicationStatus, string> = {
  inkommen: "Inkommen",
  komplettering_begard: "Komplettering begärd",
  bedomd: "Bedömd",
  beviljad: "Beviljad",
  avslagen: "Avslagen",
  utbetald: "Utbetald",
  aterrapporterad: "Återrapporterad",
};

/** The steps each status may be followed by. Komplettering is optional; the answer brings it back to bedömning. */
export const nextStatuses: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  inkommen: ["komplettering_begard", "bedomd"],
  komplettering_begard: ["bedomd"],
  bedomd: ["beviljad", "avslagen"],
  beviljad: ["utbetald"],
  avslagen: [],
  utbetald: ["aterrapporterad"],
  aterrapporterad: [],
};

/** Statuses whose granted amount counts against the year's frame. */
export const grantedStatuses: readonly ApplicationStatus[] = ["beviljad", "utbetald", "aterrapporterad"];
/** Statuses in which the nämnd has decided. */
export const decidedStatuses: readonly ApplicationStatus[] = ["beviljad", "avslagen", "utbetald", "aterrapporterad"];

/** How well an application meets a criterion. */
export const fulfilments = ["uppfyllt", "delvis", "ej_uppfyllt"] as const;
export type Fulfilment = (typeof fulfilments)[number];
export const fulfilmentLabels: Record<Fulfilment, string> = {
  uppfyllt: "Uppfyllt",
  delvis: "Delvis uppfyllt",
  ej_uppfyllt: "Ej uppfyllt",
};

/** Round 1, and the second round that may share only what round 1 left. */
export const rounds = [1, 2] as const;
export type Round = (typeof rounds)[number];
export const roundLabels: Record<Round, string> = { 1: "Första omgången", 2: "Andra omgången (kvarvarande medel)" };
