// The reads that disclose personal data, with the purpose stored beside each entry. Pure: the web UI
// imports it for the filter.

export const accessOperations = {
  "evb.register": "Registret över ej verkställda beslut: lista över beslut",
  "evb.decision": "Ej verkställt beslut: beslutssidan med erbjudanden, avbrott och historik",
  "evb.dashboard": "Ej verkställda beslut: lägesbild med tidig varning och längst väntan",
  "evb.quarter-report": "Kvartalsrapport: IVO-lista och nämndtabeller",
  "evb.quarter-report.export": "Kvartalsrapport: nedladdning (CSV/XLSX) med uppgifter per beslut",
  "kvalitet.handelser": "Händelser (avvikelser): lista med vad som hände",
  "kvalitet.handelse": "Händelse (avvikelse): händelsen med utredning, orsaker och åtgärder",
  "org.unit-users": "Användare på en enhet (personal)",
  "admin.users": "Användaradministration: konton med namn, e-post och roller",
} as const;
export type AccessOperation = keyof typeof accessOperations;
