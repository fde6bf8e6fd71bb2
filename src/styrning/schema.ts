import { z } from "zod";
import { labelled, nonEmptyPatch } from "../platform/validation.ts";
import { levelProblems } from "./model-config.ts";
import { parsePeriod, periodTypes } from "./period.ts";
import { comparators } from "./target.ts";
import {
  activityStatuses,
  decidedByValues,
  dimensionKinds,
  directions,
  directiveIssuers,
  genderSplits,
  genders,
  indicatorKinds,
  levelKinds,
  meanings,
  relationKinds,
  reportForms,
  reportRecipients,
  scaleKinds,
  sourceKinds,
  units,
  uppdragDeciders,
  valueKinds,
  valueStates,
} from "./vocabulary.ts";

/**
 * A patch in column names holding only the fields the request sent: an omitted field keeps its stored
 * value, while a null that was sent clears it.
 */
export function patchColumns<P extends object, M extends Record<string, keyof P>>(
  patch: P,
  columns: M,
): { [C in keyof M]?: Exclude<P[M[C]], undefined> } {
  return Object.fromEntries(
    Object.entries(columns).flatMap(([column, field]) => (patch[field] === undefined ? [] : [[column, patch[field]]])),
  ) as { [C in keyof M]?: Exclude<P[M[C]], undefined> };
}

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
export const year = z.number().int().min(1900).max(2200);
export const yearQuery = z.coerce.number().int().min(1900).max(2200);
export const periodKey = z
  .string()
  .trim()
  .refine((v) => parsePeriod(v) !== null, "Ogiltig period; skriv t.ex. 2023, 2023-T2, 2023-Q3 eller 2023-03.");
const code = z
  .string()
  .trim()
  .regex(/^[a-z0-9_]{1,40}$/, "Koden får innehålla a–z, 0–9 och understreck.");

/** "Nästan där" → "nastan_dar": a stable code for a level whose label may later be reworded. */
function codeFromLabel(label: string): string {
  return label
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "")
    .slice(0, 40);
}

export const scaleLevelInput = z.object({
  code: labelled(code.optional(), "Kod"),
  label: labelled(text(100), "Benämning"),
  rank: labelled(z.number().int().min(0).max(100).nullish(), "Rang"),
  meaning: labelled(z.enum(meanings).nullish(), "Betydelse"),
});

const scaleLevels = z
  .array(scaleLevelInput)
  .min(2)
  .max(12)
  .transform((levels) => levels.map((l) => ({ ...l, code: l.code ?? codeFromLabel(l.label) })))
  .superRefine((levels, ctx) => {
    const seen = new Set<string>();
    levels.forEach((l, i) => {
      if (!l.code) ctx.addIssue({ code: "custom", path: [i, "code"], message: "Ange en kod för nivån." });
      if (seen.has(l.code))
        ctx.addIssue({ code: "custom", path: [i, "code"], message: `Koden ${l.code} förekommer två gånger.` });
      seen.add(l.code);
    });
  });

function checkScaleKind(
  scale: { kind?: (typeof scaleKinds)[number]; levels?: z.infer<typeof scaleLevels> },
  ctx: z.RefinementCtx,
) {
  if (!scale.levels || !scale.kind) return;
  scale.levels.forEach((l, i) => {
    if (scale.kind === "assessment" && !l.meaning) {
      ctx.addIssue({
        code: "custom",
        path: ["levels", i, "meaning"],
        message: "Varje bedömningsnivå behöver en betydelse (achieved, on_track eller off_track).",
      });
    }
  });
  if (scale.kind === "status" && scale.levels.filter((l) => l.rank !== null && l.rank !== undefined).length < 2) {
    ctx.addIssue({ code: "custom", path: ["levels"], message: "En statusskala behöver minst två rangordnade nivåer." });
  }
}

export const scaleInput = z
  .object({
    orgNodeId: labelled(z.uuid(), "Organisation"),
    kind: labelled(z.enum(scaleKinds), "Typ"),
    name: labelled(text(100), "Namn"),
    levels: labelled(scaleLevels, "Nivåer"),
  })
  .superRefine(checkScaleKind);
export type ScaleInput = z.infer<typeof scaleInput>;

export const scalePatch = z.object({
  name: labelled(text(100), "Namn").optional(),
  levels: labelled(scaleLevels, "Nivåer").optional(),
});
export type ScalePatch = z.infer<typeof scalePatch>;

export const levelInput = z.object({
  id: labelled(z.uuid().optional(), "Nivåns id"),
  name: labelled(text(100), "Namn"),
  decidedBy: labelled(z.enum(decidedByValues), "Beslutas av"),
  kind: labelled(z.enum(levelKinds).default("goal"), "Typ"),
  assessed: labelled(z.boolean().default(false), "Bedöms"),
});
export type LevelInput = z.infer<typeof levelInput>;

const levelsInput = z
  .array(levelInput)
  .min(1)
  .max(10)
  .superRefine((levels, ctx) => {
    for (const p of levelProblems(levels))
      ctx.addIssue({ code: "custom", path: [p.index, p.field], message: p.message });
  });

export const modelInput = z.object({
  orgNodeId: labelled(z.uuid(), "Organisation"),
  year: labelled(year, "År"),
  name: labelled(text(200), "Namn"),
  assessmentScaleId: labelled(z.uuid().nullish(), "Bedömningsskala"),
  levels: labelled(levelsInput, "Nivåer"),
});
export type ModelInput = z.infer<typeof modelInput>;

export const modelPatch = z.object({
  name: labelled(text(200).optional(), "Namn"),
  assessmentScaleId: labelled(z.uuid().nullish(), "Bedömningsskala"),
  levels: labelled(levelsInput.optional(), "Nivåer"),
});
export type ModelPatch = z.infer<typeof modelPatch>;

export const copyModelInput = z.object({ year: labelled(year, "År") });

export const goalInput = z.object({
  levelId: labelled(z.uuid(), "Nivå"),
  parentId: labelled(z.uuid().nullish(), "Under"),
  code: labelled(optionalText(40), "Nummer"),
  title: labelled(text(500), "Rubrik"),
  description: labelled(optionalText(10_000), "Beskrivning"),
  position: labelled(z.number().int().min(0).max(10_000).optional(), "Ordning"),
  /** Who decided the goal; without it the goal takes its level's value. */
  decidedBy: labelled(z.enum(decidedByValues).optional(), "Beslutad av"),
});
export type GoalInput = z.infer<typeof goalInput>;

export const goalPatch = nonEmptyPatch(goalInput.omit({ levelId: true }).partial());
export type GoalPatch = z.infer<typeof goalPatch>;

export const goalIndicatorsInput = z.object({ indicatorIds: labelled(z.array(z.uuid()).max(50), "Indikatorer") });

export const assessmentInput = z.object({
  levelCode: labelled(code, "Bedöm målet"),
  comment: labelled(text(10_000), "Analys och kommentar"),
});
export const commentInput = z.object({
  period: labelled(periodKey, "Uppföljningsperiod"),
  text: labelled(text(10_000), "Kommentar"),
});

export const indicatorInput = z
  .object({
    orgNodeId: labelled(z.uuid(), "Organisation"),
    name: labelled(text(300), "Namn"),
    unit: labelled(z.enum(units), "Enhet"),
    statusScaleId: labelled(z.uuid().nullish(), "Statusskala"),
    decimals: labelled(z.number().int().min(0).max(4).default(0), "Decimaler"),
    direction: labelled(z.enum(directions), "Riktning"),
    genderSplit: labelled(z.enum(genderSplits).default("total"), "Kön"),
    periodType: labelled(z.enum(periodTypes).default("year"), "Mäts per"),
    measurementWindow: labelled(optionalText(100), "Mätfönster"),
    sourceKind: labelled(z.enum(sourceKinds).default("manual"), "Källa"),
    sourceNote: labelled(optionalText(300), "Om källan"),
    publicationDate: labelled(z.iso.date().nullish(), "Publiceringsdatum"),
    footnote: labelled(optionalText(2000), "Fotnot"),
    definition: labelled(text(10_000), "Definition"),
    definitionFrom: labelled(year, "Definitionen gäller från"),
    decidedBy: labelled(z.enum(decidedByValues).nullish(), "Beslutad av"),
    kind: labelled(z.enum(indicatorKinds).nullish(), "Slag av indikator"),
    /** The breakdowns beyond sex, in order; `dimensionId` (one) is still read for older callers. */
    dimensionIds: labelled(z.array(z.uuid()).max(3).nullish(), "Indelningar"),
    dimensionId: labelled(z.uuid().nullish(), "Indelning"),
  })
  .superRefine((i, ctx) => {
    if ((i.unit === "status") !== Boolean(i.statusScaleId)) {
      ctx.addIssue({
        code: "custom",
        path: ["statusScaleId"],
        message: "En statusindikator (enhet status) behöver en statusskala, och bara den.",
      });
    }
    if ((i.periodType === "window") !== Boolean(i.measurementWindow)) {
      ctx.addIssue({
        code: "custom",
        path: ["measurementWindow"],
        message: 'Ange mätfönster (t.ex. "kvartal 3") när periodtypen är mätfönster, och bara då.',
      });
    }
  });
export type IndicatorInput = z.infer<typeof indicatorInput>;

export const indicatorPatch = z.object({
  name: labelled(text(300).optional(), "Namn"),
  decimals: labelled(z.number().int().min(0).max(4).optional(), "Decimaler"),
  direction: labelled(z.enum(directions).optional(), "Riktning"),
  genderSplit: labelled(z.enum(genderSplits).optional(), "Kön"),
  measurementWindow: labelled(optionalText(100).optional(), "Mätfönster"),
  sourceKind: labelled(z.enum(sourceKinds).optional(), "Källa"),
  sourceNote: labelled(optionalText(300).optional(), "Om källan"),
  publicationDate: labelled(z.iso.date().nullish(), "Publiceringsdatum"),
  footnote: labelled(optionalText(2000).optional(), "Fotnot"),
  active: labelled(z.boolean().optional(), "Aktiv"),
  kind: labelled(z.enum(indicatorKinds).nullish(), "Slag av indikator"),
  /** The breakdowns beyond sex, in order; `dimensionId` (one) is still read for older callers. */
  dimensionIds: labelled(z.array(z.uuid()).max(3).nullish(), "Indelningar"),
  dimensionId: labelled(z.uuid().nullish(), "Indelning"),
  decidedBy: labelled(z.enum(decidedByValues).nullish(), "Beslutad av"),
  /** A changed definition starts a new version from the given year; earlier years keep theirs. */
  definition: labelled(
    z.object({ text: labelled(text(10_000), "Text"), validFrom: labelled(year, "Gäller från") }),
    "Definition",
  ).optional(),
});
export type IndicatorPatch = z.infer<typeof indicatorPatch>;

/** Parts of an indicator's dimensions by code or label, one per dimension; none is the whole. */
const memberNames = labelled(z.array(z.string().trim().min(1).max(200)).max(3).nullish(), "Delar");

export const targetInput = z.object({
  target: labelled(text(200), "Målvärde"),
  footnote: labelled(optionalText(2000), "Fotnot"),
  /** A threshold for a combination of parts (a unit's own target, an age group in a unit); absent for the whole. */
  members: memberNames,
  /** One part, as before several dimensions; read as `members: [member]`. */
  member: labelled(z.string().trim().max(40).nullish(), "Del"),
  /** The target applies only while another indicator's outcome in the same period meets this. */
  condition: labelled(
    z
      .object({
        indicatorId: labelled(z.uuid(), "Villkorsindikator"),
        op: labelled(z.enum(comparators), "Villkor"),
        value: labelled(z.number().finite(), "Villkorsvärde"),
      })
      .nullish(),
    "Villkor",
  ),
  /** The target when the condition fails; absent means no target then (too small a base). */
  otherwise: labelled(optionalText(200), "Annars"),
});
export type TargetInput = z.infer<typeof targetInput>;

export const dimensionInput = z.object({
  orgNodeId: labelled(z.uuid(), "Organisation"),
  kind: labelled(z.enum(dimensionKinds), "Slag av indelning"),
  name: labelled(text(200), "Namn"),
  members: labelled(
    z
      .array(
        z.object({
          code: labelled(
            z
              .string()
              .trim()
              .regex(
                /^[a-z0-9_-]{1,40}$/,
                "Koden får innehålla a–z, 0–9, bindestreck och understreck (högst 40 tecken).",
              ),
            "Kod",
          ),
          label: labelled(text(200), "Benämning"),
        }),
      )
      .min(1)
      .max(100),
    "Delar",
  ),
});
export type DimensionInput = z.infer<typeof dimensionInput>;

export const relationInput = z.object({
  kind: labelled(z.enum(relationKinds), "Samband"),
  /** An empty list removes the relations of the kind. */
  partIds: labelled(z.array(z.uuid()).max(20), "Delindikatorer"),
});

const valueInput = z
  .object({
    indicatorId: labelled(z.uuid(), "Indikator"),
    period: labelled(periodKey, "Period"),
    gender: labelled(z.enum(genders).default("T"), "Kön"),
    /** "empty" clears the cell (removes the row). */
    state: labelled(z.enum([...valueStates, "empty"]).default("value"), "Läge"),
    value: labelled(z.number().finite().nullish(), "Värde"),
    statusCode: labelled(z.string().trim().max(40).nullish(), "Status"),
    note: labelled(optionalText(2000), "Anteckning"),
    publishedAt: labelled(z.iso.date().nullish(), "Publicerat den"),
    reason: labelled(optionalText(2000), "Orsak till rättelse"),
    /** A forecast is kept apart from the outcome of the same period. */
    valueKind: labelled(z.enum(valueKinds).default("outcome"), "Utfall eller prognos"),
    /** Parts of the indicator's dimensions (an age group and a unit …) by code or label; absent for the whole. */
    members: memberNames,
    /** One part, as before several dimensions; read as `members: [member]`. */
    member: labelled(z.string().trim().max(40).nullish(), "Del"),
    /** The nämnd or unit reporting the value when several share the indicator's definition. */
    orgNodeId: labelled(z.uuid().nullish(), "Redovisas av"),
  })
  .superRefine((v, ctx) => {
    const given = (v.value ?? null) !== null || Boolean(v.statusCode);
    if (v.state === "value" && !given) {
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        message: "Ange ett värde, eller markera ej publicerat/mäts inte.",
      });
    }
    if (v.state !== "value" && given) {
      ctx.addIssue({ code: "custom", path: ["value"], message: "Ett värde kan inte anges samtidigt som det saknas." });
    }
  });
export type ValueInput = z.infer<typeof valueInput>;

export const valuesBatch = z.object({
  values: labelled(z.array(valueInput).min(1).max(5000), "Värden"),
  reason: labelled(optionalText(2000), "Orsak till rättelse"),
});

export const lockInput = z.object({
  orgNodeId: labelled(z.uuid(), "Organisation"),
  period: labelled(periodKey, "Period"),
});

export const directiveInput = z
  .object({
    orgNodeId: labelled(z.uuid(), "Organisation"),
    issuedBy: labelled(z.enum(directiveIssuers), "Typ"),
    goalId: labelled(z.uuid().nullish(), "Mål"),
    title: labelled(text(500), "Rubrik"),
    body: labelled(z.string().trim().max(20_000).default(""), "Text"),
    assignments: labelled(z.array(text(2000)).max(30).default([]), "Uppdrag"),
    validFrom: labelled(year, "Gäller från"),
    validTo: labelled(year, "Gäller till och med"),
    handling: labelled(optionalText(20_000), "Förvaltningens omhändertagande"),
  })
  .refine((d) => d.validTo >= d.validFrom, {
    path: ["validTo"],
    message: "Gäller till och med kan inte ligga före Gäller från.",
  });
export type DirectiveInput = z.infer<typeof directiveInput>;

export const directivePatch = nonEmptyPatch(
  z.object({
    goalId: labelled(z.uuid().nullish(), "Mål"),
    title: labelled(text(500).optional(), "Rubrik"),
    body: labelled(z.string().trim().max(20_000).optional(), "Text"),
    assignments: labelled(z.array(text(2000)).max(30).optional(), "Uppdrag"),
    validFrom: labelled(year.optional(), "Gäller från"),
    validTo: labelled(year.optional(), "Gäller till och med"),
    handling: labelled(optionalText(20_000).optional(), "Förvaltningens omhändertagande"),
  }),
);
export type DirectivePatch = z.infer<typeof directivePatch>;

/** Whole kronor; a savings measure of 1,5 mnkr is 1500000. */
const kronor = z.number().int().min(-1_000_000_000).max(1_000_000_000);

const effects = labelled(
  z.array(z.object({ group: labelled(text(100), "Målgrupp"), effect: labelled(text(2000), "Effekt") })).max(10),
  "Förväntad effekt",
);

export const activityInput = z
  .object({
    orgNodeId: labelled(z.uuid(), "Organisation"),
    year: labelled(year, "År"),
    title: labelled(text(500), "Aktivitet"),
    description: labelled(optionalText(10_000), "Beskrivning"),
    responsibleOrgNodeId: labelled(z.uuid().nullish(), "Enhet"),
    status: labelled(z.enum(activityStatuses).default("ej_paborjad"), "Status"),
    startDate: labelled(z.iso.date().nullish(), "Startdatum"),
    endDate: labelled(z.iso.date().nullish(), "Slutdatum"),
    goalIds: labelled(z.array(z.uuid()).max(20).default([]), "Mål"),
    effects: effects.default([]),
    amount: labelled(kronor.nullish(), "Belopp (kr)"),
    expectedEffect: labelled(optionalText(2000), "Förväntad effekt av åtgärden"),
    uppdragId: labelled(z.uuid().nullish(), "Uppdrag"),
  })
  .refine((a) => !a.startDate || !a.endDate || a.endDate >= a.startDate, {
    path: ["endDate"],
    message: "Slutdatum kan inte ligga före startdatum.",
  });
export type ActivityInput = z.infer<typeof activityInput>;

export const activityPatch = nonEmptyPatch(
  z.object({
    title: labelled(text(500).optional(), "Aktivitet"),
    description: labelled(optionalText(10_000).optional(), "Beskrivning"),
    responsibleOrgNodeId: labelled(z.uuid().nullish(), "Enhet"),
    status: labelled(z.enum(activityStatuses).optional(), "Status"),
    startDate: labelled(z.iso.date().nullish(), "Startdatum"),
    endDate: labelled(z.iso.date().nullish(), "Slutdatum"),
    goalIds: labelled(z.array(z.uuid()).max(20).optional(), "Mål"),
    effects: effects.optional(),
    amount: labelled(kronor.nullish(), "Belopp (kr)"),
    expectedEffect: labelled(optionalText(2000).optional(), "Förväntad effekt av åtgärden"),
    uppdragId: labelled(z.uuid().nullish(), "Uppdrag"),
  }),
);
export type ActivityPatch = z.infer<typeof activityPatch>;

export const followupInput = z.object({
  period: labelled(periodKey, "Period"),
  status: labelled(z.enum(activityStatuses), "Status"),
  comment: labelled(text(10_000), "Kommentar"),
});

export const koladaMappingInput = z.object({
  kpiId: labelled(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]\d{5}$/, "Ett Kolada-KPI-id är en bokstav och fem siffror, t.ex. N00945."),
    "KPI-id",
  ),
  /** Without it, the code of the kommun the indicator belongs to. */
  municipalityId: labelled(
    z
      .string()
      .trim()
      .regex(/^\d{4}$/, "Kommunkoden är fyra siffror, t.ex. 1384.")
      .optional(),
    "Kommunkod",
  ),
});

// ---- uppdrag

const reportBack = z.object({
  month: labelled(
    z
      .string()
      .trim()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Ange månaden som ÅÅÅÅ-MM, t.ex. 2027-03."),
    "Återrapporteringsmånad",
  ),
  form: labelled(z.enum(reportForms), "Återrapporteras skriftligt eller muntligt"),
  to: labelled(z.enum(reportRecipients), "Återrapporteras till"),
});

const uppdragFields = {
  goalId: labelled(z.uuid().nullish(), "Mål"),
  code: labelled(optionalText(40), "Nummer"),
  title: labelled(text(2000), "Uppdrag"),
  description: labelled(optionalText(10_000), "Beskrivning"),
  decidedBy: labelled(z.enum(uppdragDeciders), "Beslutat av"),
  ownerOrgNodeId: labelled(z.uuid().nullish(), "Ansvarig enhet"),
  ownerName: labelled(optionalText(200), "Ansvarig person"),
  reportBack: labelled(reportBack.nullish(), "Återrapportering"),
  status: labelled(z.enum(activityStatuses).default("ej_paborjad"), "Status"),
  startDate: labelled(z.iso.date().nullish(), "Startdatum"),
  endDate: labelled(z.iso.date().nullish(), "Slutdatum"),
};

const datesInOrder = (u: { startDate?: string | null; endDate?: string | null }) =>
  !u.startDate || !u.endDate || u.endDate >= u.startDate;

export const uppdragInput = z
  .object({ orgNodeId: labelled(z.uuid(), "Nämnd"), year: labelled(year, "År"), ...uppdragFields })
  .refine(datesInOrder, { path: ["endDate"], message: "Slutdatum kan inte ligga före startdatum." });
export type UppdragInput = z.infer<typeof uppdragInput>;

export const uppdragPatch = nonEmptyPatch(
  z.object({
    goalId: uppdragFields.goalId,
    code: labelled(optionalText(40).optional(), "Nummer"),
    title: labelled(text(2000).optional(), "Uppdrag"),
    description: labelled(optionalText(10_000).optional(), "Beskrivning"),
    decidedBy: labelled(z.enum(uppdragDeciders).optional(), "Beslutat av"),
    ownerOrgNodeId: uppdragFields.ownerOrgNodeId,
    ownerName: labelled(optionalText(200).optional(), "Ansvarig person"),
    reportBack: uppdragFields.reportBack,
    status: labelled(z.enum(activityStatuses).optional(), "Status"),
    startDate: uppdragFields.startDate,
    endDate: uppdragFields.endDate,
  }),
);
export type UppdragPatch = z.infer<typeof uppdragPatch>;

export const uppdragFollowupInput = z.object({
  datedOn: labelled(z.iso.date(), "Datum"),
  status: labelled(z.enum(activityStatuses), "Status"),
  text: labelled(text(10_000), "Uppföljning"),
});
export type UppdragFollowupInput = z.infer<typeof uppdragFollowupInput>;
