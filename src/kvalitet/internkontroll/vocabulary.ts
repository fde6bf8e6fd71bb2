// Internkontroll's fixed vocabularies and the standard självskattning question set. Pure and browser-safe.

/** A självskattning answer. */
export const answers = ["omhandertaget", "delvis", "ej"] as const;
export type Answer = (typeof answers)[number];
export const answerLabels: Record<Answer, string> = {
  omhandertaget: "Omhändertaget",
  delvis: "Delvis omhändertaget",
  ej: "Ej omhändertaget",
};

/** Risk categories the plans use (brief A7); free text in the record, these are offered. */
export const riskCategories = ["Personal", "Ekonomi", "Informationssäkerhet, administration och inköp", "Verksamhet"];

/**
 * The standard självskattning: 20 questions in 6 areas with the brief's counts per area (A7: Uppdrag och
 * mål 4, Kontrollmiljö 7, Riskanalys 2, Kontrollaktiviteter 2, Uppföljning 3, Information och kommunikation
 * 2). The brief does not print the questions; these wordings are written for Lots.
 */
export const standardQuestions: readonly { area: string; text: string }[] = [
  { area: "Uppdrag och mål", text: "Är nämndens uppdrag och mål kända i förvaltningen?" },
  { area: "Uppdrag och mål", text: "Är målen nedbrutna till verksamheterna?" },
  { area: "Uppdrag och mål", text: "Följs målen upp under året?" },
  { area: "Uppdrag och mål", text: "Finns en tydlig koppling mellan mål och budget?" },
  { area: "Kontrollmiljö", text: "Finns en aktuell delegeringsordning?" },
  { area: "Kontrollmiljö", text: "Är ansvar och befogenheter tydliga för chefer?" },
  { area: "Kontrollmiljö", text: "Finns aktuella riktlinjer och rutiner för verksamheten?" },
  { area: "Kontrollmiljö", text: "Känner medarbetarna till de rutiner som gäller dem?" },
  { area: "Kontrollmiljö", text: "Finns rutiner för attest och behörigheter?" },
  { area: "Kontrollmiljö", text: "Tas behörigheter bort när en medarbetare slutar eller byter tjänst?" },
  { area: "Kontrollmiljö", text: "Finns en uppförandekod som är känd i förvaltningen?" },
  { area: "Riskanalys", text: "Görs en risk- och väsentlighetsanalys varje år?" },
  { area: "Riskanalys", text: "Deltar verksamheterna i riskanalysen?" },
  { area: "Kontrollaktiviteter", text: "Finns kontrollaktiviteter för de väsentligaste riskerna?" },
  { area: "Kontrollaktiviteter", text: "Är ansvaret för varje granskning utsett?" },
  { area: "Uppföljning", text: "Följs granskningarna upp och rapporteras till nämnden?" },
  { area: "Uppföljning", text: "Leder avvikelser till åtgärder?" },
  { area: "Uppföljning", text: "Följs tidigare års åtgärder upp?" },
  { area: "Information och kommunikation", text: "Kommuniceras resultatet av internkontrollen i förvaltningen?" },
  { area: "Information och kommunikation", text: "Finns kanaler för att rapportera misstänkta oegentligheter?" },
];
