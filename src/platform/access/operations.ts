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
  "kvalitet.lex-sarah-register": "Lex Sarah: registret med vad rapporterna gäller",
  "kvalitet.lex-sarah": "Lex Sarah-ärende: rapporten med utredning, beslut och IVO-anmälan",
  "kvalitet.lex-sarah-memo": "Lex Sarah: informationen till nämnden med de beslutade ärendena",
  "kvalitet.klagomal-lista": "Synpunkter och klagomål: lista med sammanfattningar",
  "kvalitet.klagomal": "Synpunkt eller klagomål: ärendet med svar och åtgärder",
  "kvalitet.klagomal-period": "Synpunkter och klagomål: nämndens periodlista",
  "namnd.dokument": "Nämndens diarium: nedladdning av en sekretessmarkerad handling",
  "namnd.publicering-granskning": "Publicering: granskning av sammanträdets text före maskering",
  "namnd.skrivelse": "Inkommen skrivelse: skrivelsen med en privatpersons namn",
  "namnd.skrivelser": "Skrivelser och meddelanden: registret med privatpersoners namn",
  "namnd.skrivelser-period": "Skrivelser och meddelanden: nämndens periodlista med privatpersoners namn",
  "org.unit-users": "Användare på en enhet (personal)",
  "admin.users": "Användaradministration: konton med namn, e-post och roller",
} as const;
export type AccessOperation = keyof typeof accessOperations;
