// The fixed vocabularies of the goal model, with their Swedish labels. Pure; shared by server and web.

export const decidedByValues = ["kf", "namnd", "forvaltning"] as const;
export type DecidedBy = (typeof decidedByValues)[number];
export const decidedByLabels: Record<DecidedBy, string> = {
  kf: "Kommunfullmäktige",
  namnd: "Nämnden",
  forvaltning: "Förvaltningen",
};

/**
 * What a level holds. A grouping level (perspektiv such as Medborgare, Verksamhet, Arbetsgivare, Ekonomi) orders
 * goals without being one: its items are rows of the goal table, so the tree, ordering, lineage across years and
 * copying treat them like goals, but they are never assessed and carry no indicators. A goal level holds goals;
 * an uppdrag level names where the uppdrag register's items sit in the tree; an activity level holds the
 * units' genomförandeplaner and is the last level.
 */
export const levelKinds = ["grouping", "goal", "uppdrag", "activity"] as const;
export type LevelKind = (typeof levelKinds)[number];
export const levelKindLabels: Record<LevelKind, string> = {
  grouping: "Gruppering (perspektiv)",
  goal: "Mål",
  uppdrag: "Uppdrag",
  activity: "Aktivitet",
};

/** Who decided an uppdrag: KF in the budget, or the nämnd in its verksamhetsplan. */
export const uppdragDeciders = ["kf", "namnd"] as const;
export type UppdragDecider = (typeof uppdragDeciders)[number];

/** How an uppdrag reports back, and to whom. */
export const reportForms = ["skriftlig", "muntlig"] as const;
export type ReportForm = (typeof reportForms)[number];
export const reportFormLabels: Record<ReportForm, string> = { skriftlig: "Skriftligt", muntlig: "Muntligt" };
export const reportRecipients = ["namnd", "kf", "utskott"] as const;
export type ReportRecipient = (typeof reportRecipients)[number];
export const reportRecipientLabels: Record<ReportRecipient, string> = {
  namnd: "Nämnden",
  kf: "Kommunfullmäktige",
  utskott: "Utskottet",
};

export const units = ["antal", "procent", "dagar", "index", "kr", "tkr", "mnkr", "status"] as const;
export type Unit = (typeof units)[number];
export const unitLabels: Record<Unit, string> = {
  antal: "antal",
  procent: "%",
  dagar: "dagar",
  index: "index",
  kr: "kr",
  tkr: "tkr",
  mnkr: "mnkr",
  status: "status",
};

/** What an indicator is for in the plan (#11); null on an indicator means not stated. */
export const indicatorKinds = ["mal", "resultat", "resurs", "prestation", "effekt", "personal"] as const;
export type IndicatorKind = (typeof indicatorKinds)[number];
export const indicatorKindLabels: Record<IndicatorKind, string> = {
  mal: "Målindikator",
  resultat: "Resultatindikator",
  resurs: "Verksamhetsmått: resurs",
  prestation: "Verksamhetsmått: prestation",
  effekt: "Verksamhetsmått: effekt",
  personal: "Personal",
};

/** An outcome, or a forecast of one, kept apart so a forecast is never read as what happened. */
export const valueKinds = ["outcome", "forecast"] as const;
export type ValueKind = (typeof valueKinds)[number];
export const valueKindLabels: Record<ValueKind, string> = { outcome: "Utfall", forecast: "Prognos" };

/** Breakdowns beyond sex; sex itself stays the gender split. */
export const dimensionKinds = ["age", "target_group", "unit", "other"] as const;
export type DimensionKind = (typeof dimensionKinds)[number];
export const dimensionKindLabels: Record<DimensionKind, string> = {
  age: "Åldersgrupper",
  target_group: "Målgrupper",
  unit: "Enheter",
  other: "Annan indelning",
};

/** A is the sum of its "sum" parts; a "subset" part is a part of A and never exceeds it. */
export const relationKinds = ["sum", "subset"] as const;
export type RelationKind = (typeof relationKinds)[number];
export const relationKindLabels: Record<RelationKind, string> = {
  sum: "Summan av",
  subset: "Delmängd",
};

export const valueTypes = ["number", "status"] as const;

export const directions = ["higher", "lower", "none"] as const;
export type Direction = (typeof directions)[number];
export const directionLabels: Record<Direction, string> = {
  higher: "Högre är bättre",
  lower: "Lägre är bättre",
  none: "Ingen riktning",
};

/** Gender codes as Kolada uses them: T total, K kvinnor/flickor, M män/pojkar. */
export const genders = ["T", "K", "M"] as const;
export type Gender = (typeof genders)[number];

export const genderSplits = ["total", "kvinnor_man", "flickor_pojkar", "kvinnor_flickor_man_pojkar"] as const;
export type GenderSplit = (typeof genderSplits)[number];
export const genderSplitLabels: Record<GenderSplit, string> = {
  total: "Endast totalt",
  kvinnor_man: "Kvinnor/män",
  flickor_pojkar: "Flickor/pojkar",
  kvinnor_flickor_man_pojkar: "Kvinnor och flickor/män och pojkar",
};

const genderNames: Record<GenderSplit, Record<Gender, string>> = {
  total: { T: "Totalt", K: "Kvinnor", M: "Män" },
  kvinnor_man: { T: "Totalt", K: "Kvinnor", M: "Män" },
  flickor_pojkar: { T: "Totalt", K: "Flickor", M: "Pojkar" },
  kvinnor_flickor_man_pojkar: { T: "Totalt", K: "Kvinnor/flickor", M: "Män/pojkar" },
};

export const genderLabel = (split: GenderSplit, gender: Gender) => genderNames[split][gender];

/** Rows an indicator reports: a split indicator reports K and M and may also report a total. */
export const gendersFor = (split: GenderSplit): Gender[] => (split === "total" ? ["T"] : ["T", "K", "M"]);

/** Reads "Kvinnor", "flickor", "K", "Män/pojkar", "Totalt" … back to a code; null if unknown. */
export function parseGender(text: string): Gender | null {
  const t = text.trim().toLowerCase();
  if (["t", "totalt", "total", "alla", "samtliga"].includes(t)) return "T";
  if (["k", "kvinnor", "kvinna", "flickor", "flicka", "kvinnor/flickor"].includes(t)) return "K";
  if (["m", "män", "man", "pojkar", "pojke", "män/pojkar"].includes(t)) return "M";
  return null;
}

/** A value is a number or status, or explicitly missing — empty is never zero. */
export const valueStates = ["value", "not_published", "not_measured"] as const;
export type ValueState = (typeof valueStates)[number];
export const valueStateLabels: Record<ValueState, string> = {
  value: "Värde",
  not_published: "Ej publicerat än",
  not_measured: "Mäts inte",
};

export const valueSources = ["manual", "kolada", "import"] as const;
export type ValueSource = (typeof valueSources)[number];
export const valueSourceLabels: Record<ValueSource, string> = {
  manual: "Manuell",
  kolada: "Kolada",
  import: "Import",
};

/** Where an indicator's values come from. */
export const sourceKinds = ["manual", "kolada", "import"] as const;

export const scaleKinds = ["assessment", "status"] as const;

/** What an assessment level means, so suggestions can be compared whatever the scale's wording. */
export const meanings = ["achieved", "on_track", "off_track"] as const;
export type Meaning = (typeof meanings)[number];
export const meaningLabels: Record<Meaning, string> = {
  achieved: "målet nått",
  on_track: "inte nått men på rätt väg",
  off_track: "inte nått och inte på rätt väg",
};

export const activityStatuses = ["ej_paborjad", "pagar", "klar", "avbruten"] as const;
export type ActivityStatus = (typeof activityStatuses)[number];
export const activityStatusLabels: Record<ActivityStatus, string> = {
  ej_paborjad: "Ej påbörjad",
  pagar: "Pågår",
  klar: "Klar",
  avbruten: "Avbruten",
};
/** Work still to do: an activity or uppdrag not yet done or cancelled (uppdrag share the activities' statuses). */
export const openUppdragStatuses = ["ej_paborjad", "pagar"] as const satisfies readonly ActivityStatus[];

export const directiveIssuers = ["kf", "namnd"] as const;
export type DirectiveIssuer = (typeof directiveIssuers)[number];
export const directiveIssuerLabels: Record<DirectiveIssuer, string> = {
  kf: "KF-direktiv",
  namnd: "Nämnddirektiv",
};

/** The media type of the values workbook, exported and imported. */
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
