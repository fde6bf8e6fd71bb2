// Lex Sarah's fixed vocabularies (the database's CHECK lists hold the same values) and the standard lists a
// kommun starts from (brief A3). Pure and browser-safe: the web UI labels with these.

/** rapporterad → under utredning (the investigation has begun) → beslutad (SAS has decided). */
export const caseStatuses = ["rapporterad", "under_utredning", "beslutad"] as const;
export type CaseStatus = (typeof caseStatuses)[number];
export const caseStatusLabels: Record<CaseStatus, string> = {
  rapporterad: "Rapporterad",
  under_utredning: "Under utredning",
  beslutad: "Beslutad",
};

/** A: no missförhållande; B: missförhållande or påtaglig risk; C: allvarligt, anmäls till IVO. */
export const outcomes = ["A", "B", "C"] as const;
export type Outcome = (typeof outcomes)[number];
export const outcomeLabels: Record<Outcome, string> = {
  A: "A – Inget missförhållande eller risk för missförhållande",
  B: "B – Missförhållande eller påtaglig risk för missförhållande",
  C: "C – Allvarligt missförhållande eller påtaglig risk för ett allvarligt missförhållande (anmäls till IVO)",
};
/** The finding as the committee memo states it. */
export const outcomeSentences: Record<Outcome, string> = {
  A: "Bedöms inte vara ett missförhållande eller en påtaglig risk för ett missförhållande",
  B: "Bedöms vara ett missförhållande eller en påtaglig risk för ett missförhållande",
  C: "Bedöms vara ett allvarligt missförhållande och har anmälts till IVO",
};

/** What an A decision found instead (brief A3). */
export const findings = [
  "ingen-brist",
  "brist-utan-konsekvens",
  "risk-i-verksamheten",
  "rutin-ej-foljd",
  "nodratt",
  "utreds-ej",
  "vardskada",
  "arbetsmiljo",
] as const;
export type Finding = (typeof findings)[number];
export const findingLabels: Record<Finding, string> = {
  "ingen-brist": "Ingen brist",
  "brist-utan-konsekvens": "Brist utan konsekvens för den enskilde",
  "risk-i-verksamheten": "Risk i verksamheten",
  "rutin-ej-foljd": "Rutin har inte följts",
  nodratt: "Nödrätt",
  "utreds-ej": "Utreds ej – inte egen verksamhet",
  vardskada: "Överlämnad till MAS som möjlig vårdskada",
  arbetsmiljo: "Arbetsmiljöfråga",
};

/** The consequence for the person concerned. */
export const consequences = ["ingen", "fysisk", "psykisk", "stress", "krankt"] as const;
export type Consequence = (typeof consequences)[number];
export const consequenceLabels: Record<Consequence, string> = {
  ingen: "Ingen konsekvens",
  fysisk: "Fysisk skada",
  psykisk: "Psykiskt lidande",
  stress: "Stress eller oro",
  krankt: "Kränkt",
};
/** The consequence as the committee memo states it. */
export const consequenceSentences: Record<Consequence, string> = {
  ingen: "Ingen konsekvens för den enskilde",
  fysisk: "Den enskilde fick en fysisk skada",
  psykisk: "Den enskilde drabbades av psykiskt lidande",
  stress: "Den enskilde upplevde stress och oro",
  krankt: "Den enskilde blev kränkt",
};

/** The risk that the missförhållande happens again. */
export const recurrenceRisks = ["liten", "viss", "stor"] as const;
export type RecurrenceRisk = (typeof recurrenceRisks)[number];
export const recurrenceLabels: Record<RecurrenceRisk, string> = { liten: "Liten", viss: "Viss", stor: "Stor" };

/** How the report reached SAS. */
export const reportRoutes = ["handelserapport", "direkt", "chef", "annan"] as const;
export type ReportRoute = (typeof reportRoutes)[number];
export const reportRouteLabels: Record<ReportRoute, string> = {
  handelserapport: "Via händelserapport",
  direkt: "Direkt till SAS",
  chef: "Via chef",
  annan: "Annan väg",
};

/** An investigation entry states a fact or an assessment (SOSFS 2011:5). */
export const entryKinds = ["fakta", "bedomning"] as const;
export type EntryKind = (typeof entryKinds)[number];
export const entryKindLabels: Record<EntryKind, string> = { fakta: "Fakta", bedomning: "Bedömning" };

/** The kommun's lex Sarah lists (data, one table): categories, causes, measures, investigation items. */
export const listKinds = ["kategori", "orsak", "atgard", "utredningspunkt"] as const;
export type ListKind = (typeof listKinds)[number];
export const listKindLabels: Record<ListKind, string> = {
  kategori: "Kategorier",
  orsak: "Orsaker",
  atgard: "Åtgärder",
  utredningspunkt: "Utredningspunkter (SOSFS 2011:5)",
};

type Standard = readonly { code: string; name: string }[];
/** The standard lists (brief A3; the 9 items of SOSFS 2011:5 ch. 5 per domain.md). */
export const standardLists: Record<ListKind, Standard> = {
  kategori: [
    { code: "insats", name: "Insats omsorg, service och stöd" },
    { code: "overgrepp", name: "Övergrepp och oegentlighet" },
    { code: "myndighetsutovning", name: "Myndighetsutövning" },
    { code: "information", name: "Information, kommunikation och samverkan" },
    { code: "dokumentation", name: "Dokumentation" },
    { code: "bemotande", name: "Bemötande" },
    { code: "ovrigt", name: "Övrigt" },
  ],
  orsak: [
    { code: "brist-i-tillsyn", name: "Brist i tillsyn" },
    { code: "rutin-foljs-inte", name: "Rutin/genomförandeplan följs inte" },
    { code: "vald-och-hot", name: "Våld och hot mellan enskilda" },
    { code: "brist-i-uppfoljning", name: "Brist i uppföljning av beslut" },
    { code: "handhavandefel", name: "Handhavandefel" },
    { code: "ovrigt", name: "Övrigt" },
  ],
  atgard: [
    { code: "samtal-med-personal", name: "Samtal med personal" },
    { code: "genomgang-apt", name: "Genomgång på APT" },
    { code: "miljo", name: "Miljö" },
    { code: "bemanning", name: "Bemanning" },
    { code: "revidera-rutiner", name: "Revidera rutiner/genomförandeplaner" },
    { code: "samverkan", name: "Samverkan" },
    { code: "introduktion", name: "Introduktion" },
    { code: "metodstod", name: "Metodstöd" },
    { code: "informera-handlaggare", name: "Informera handläggare" },
  ],
  utredningspunkt: [
    { code: "vad-och-konsekvenser", name: "Vad som har hänt och vilka konsekvenser det fått för den enskilde" },
    { code: "hur-upptacktes", name: "När och hur missförhållandet upptäcktes" },
    { code: "nar-intraffade", name: "När missförhållandet inträffade" },
    { code: "orsaker", name: "Orsaker till missförhållandet" },
    { code: "tidigare-handelser", name: "Tidigare liknande händelser" },
    { code: "risk-upprepning", name: "Risk för att missförhållandet upprepas" },
    { code: "atgarder", name: "Åtgärder som vidtagits eller planeras, med tidpunkter" },
    { code: "ovriga-iakttagelser", name: "Övriga iakttagelser" },
    { code: "beslut", name: "Bedömning och beslut" },
  ],
};

/** Free text on a lex Sarah case is at most this long (the database's CHECK says the same). */
export const GIST_MAX = 300;
export const TEXT_MAX = 4000;
