// Kvalitet's fixed vocabularies (the database's CHECK lists hold the same values) and the standard lists a
// kommun starts from. Pure and browser-safe: the web UI labels with these.

/** Avvikelser (quality) and arbetsmiljöhändelser (staff safety) share one table, never one statistic. */
export const eventKinds = ["avvikelse", "arbetsmiljo"] as const;
export type EventKind = (typeof eventKinds)[number];
export const eventKindLabels: Record<EventKind, string> = {
  avvikelse: "Avvikelse",
  arbetsmiljo: "Arbetsmiljöhändelse",
};

/** An arbetsmiljöhändelse's category, as KIA reports them. */
export const workCategories = ["riskobservation", "tillbud", "olycksfall"] as const;
export type WorkCategory = (typeof workCategories)[number];
export const workCategoryLabels: Record<WorkCategory, string> = {
  riskobservation: "Riskobservation",
  tillbud: "Tillbud",
  olycksfall: "Olycksfall",
};

/** rapporterad → under utredning (classified or investigated) → avslutad ("utredd och avslutad"). */
export const eventStatuses = ["rapporterad", "under_utredning", "avslutad"] as const;
export type EventStatus = (typeof eventStatuses)[number];
export const eventStatusLabels: Record<EventStatus, string> = {
  rapporterad: "Rapporterad",
  under_utredning: "Under utredning",
  avslutad: "Utredd och avslutad",
};

/** Händelse types fall under hälso- och sjukvård (escalated to MAS), social care (to SAS) or other. */
export const typeGroups = ["hsl", "social", "ovrigt"] as const;
export type TypeGroup = (typeof typeGroups)[number];
export const typeGroupLabels: Record<TypeGroup, string> = {
  hsl: "Hälso- och sjukvård (HSL)",
  social: "Socialtjänst",
  ovrigt: "Övrigt",
};

/** The standard types (brief A2), in the order the committee's reports list them. */
export const standardTypes: readonly { code: string; name: string; group: TypeGroup }[] = [
  { code: "lakemedel", name: "Läkemedel", group: "hsl" },
  { code: "fall", name: "Fall", group: "hsl" },
  { code: "rehabilitering", name: "Rehabilitering", group: "hsl" },
  { code: "insats", name: "Insats omsorg, service och stöd (SoL/LSS/SFB)", group: "social" },
  { code: "overgrepp", name: "Övergrepp och oegentlighet", group: "social" },
  { code: "myndighetsutovning", name: "Myndighetsutövning", group: "social" },
  { code: "sekretess", name: "Sekretess", group: "social" },
  { code: "bemotande", name: "Professionellt bemötande", group: "social" },
  { code: "digitala", name: "Digitala system och teknisk miljö", group: "ovrigt" },
];

/** The standard causes (brief A3) and Övrigt. */
export const standardCauses: readonly { code: string; name: string }[] = [
  { code: "brist-i-tillsyn", name: "Brist i tillsyn" },
  { code: "rutin-foljs-inte", name: "Rutin/genomförandeplan följs inte" },
  { code: "vald-och-hot", name: "Våld och hot mellan enskilda" },
  { code: "brist-i-uppfoljning", name: "Brist i uppföljning av beslut" },
  { code: "handhavandefel", name: "Handhavandefel" },
  { code: "ovrigt", name: "Övrigt" },
];

/** Free text on a händelse is at most this long (the database's CHECK says the same). */
export const TEXT_MAX = 4000;

/**
 * The columns of a händelse file, as written in the documentation (the CLI's help and the web's import page
 * name them); headers are matched without case or diacritics.
 */
export const requiredImportColumns = [
  "enhet",
  "kind",
  "kategori",
  "inträffade",
  "upptäckt",
  "vad",
  "åtgärd",
  "typer",
  "orsaker",
  "status",
  "avslutad",
] as const;
/** Optional: the report date (default upptäckt), the investigation, measures and escalation dates. */
export const optionalImportColumns = ["rapporterad", "utredning", "åtgärder", "lex_sarah", "mas"] as const;
