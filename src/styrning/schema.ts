import { z } from "zod";
import { labelled, nonEmptyPatch } from "../platform/validation.ts";
import { parsePeriod, periodTypes } from "./period.ts";
import {
  activityStatuses,
  decidedByValues,
  directions,
  directiveIssuers,
  genderSplits,
  genders,
  levelKinds,
  meanings,
  scaleKinds,
  sourceKinds,
  units,
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
    levels.forEach((l, i) => {
      if (l.kind === "activity" && i !== levels.length - 1) {
        ctx.addIssue({ code: "custom", path: [i, "kind"], message: "Aktivitetsnivån måste vara den sista nivån." });
      }
      if (l.kind === "activity" && l.assessed) {
        ctx.addIssue({
          code: "custom",
          path: [i, "assessed"],
          message: "Aktiviteter bedöms inte; de följs upp med status.",
        });
      }
    });
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
  /** A changed definition starts a new version from the given year; earlier years keep theirs. */
  definition: labelled(
    z.object({ text: labelled(text(10_000), "Text"), validFrom: labelled(year, "Gäller från") }),
    "Definition",
  ).optional(),
});
export type IndicatorPatch = z.infer<typeof indicatorPatch>;

export const targetInput = z.object({
  target: labelled(text(200), "Målvärde"),
  footnote: labelled(optionalText(2000), "Fotnot"),
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
  .refine((d) => d.validTo - d.validFrom >= 0 && d.validTo - d.validFrom <= 1, {
    path: ["validTo"],
    message: "Ett direktiv gäller ett eller två år.",
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
  municipalityId: labelled(
    z
      .string()
      .trim()
      .regex(/^\d{4}$/, "Kommunkoden är fyra siffror, t.ex. 1384."),
    "Kommunkod",
  ),
});
