import { z } from "zod";
import { nonEmptyPatch } from "../platform/validation.ts";
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
  code: code.optional(),
  label: text(100),
  rank: z.number().int().min(0).max(100).nullish(),
  meaning: z.enum(meanings).nullish(),
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
  .object({ orgNodeId: z.uuid(), kind: z.enum(scaleKinds), name: text(100), levels: scaleLevels })
  .superRefine(checkScaleKind);
export type ScaleInput = z.infer<typeof scaleInput>;

export const scalePatch = z.object({ name: text(100).optional(), levels: scaleLevels.optional() });
export type ScalePatch = z.infer<typeof scalePatch>;

export const levelInput = z.object({
  id: z.uuid().optional(),
  name: text(100),
  decidedBy: z.enum(decidedByValues),
  kind: z.enum(levelKinds).default("goal"),
  assessed: z.boolean().default(false),
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
  orgNodeId: z.uuid(),
  year,
  name: text(200),
  assessmentScaleId: z.uuid().nullish(),
  levels: levelsInput,
});
export type ModelInput = z.infer<typeof modelInput>;

export const modelPatch = z.object({
  name: text(200).optional(),
  assessmentScaleId: z.uuid().nullish(),
  levels: levelsInput.optional(),
});
export type ModelPatch = z.infer<typeof modelPatch>;

export const copyModelInput = z.object({ year });

export const goalInput = z.object({
  levelId: z.uuid(),
  parentId: z.uuid().nullish(),
  code: optionalText(40),
  title: text(500),
  description: optionalText(10_000),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type GoalInput = z.infer<typeof goalInput>;

export const goalPatch = nonEmptyPatch(goalInput.omit({ levelId: true }).partial());
export type GoalPatch = z.infer<typeof goalPatch>;

export const goalIndicatorsInput = z.object({ indicatorIds: z.array(z.uuid()).max(50) });

export const assessmentInput = z.object({ levelCode: code, comment: text(10_000) });
export const commentInput = z.object({ period: periodKey, text: text(10_000) });

export const indicatorInput = z
  .object({
    orgNodeId: z.uuid(),
    name: text(300),
    unit: z.enum(units),
    statusScaleId: z.uuid().nullish(),
    decimals: z.number().int().min(0).max(4).default(0),
    direction: z.enum(directions),
    genderSplit: z.enum(genderSplits).default("total"),
    periodType: z.enum(periodTypes).default("year"),
    measurementWindow: optionalText(100),
    sourceKind: z.enum(sourceKinds).default("manual"),
    sourceNote: optionalText(300),
    publicationDate: z.iso.date().nullish(),
    footnote: optionalText(2000),
    definition: text(10_000),
    definitionFrom: year,
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
  name: text(300).optional(),
  decimals: z.number().int().min(0).max(4).optional(),
  direction: z.enum(directions).optional(),
  genderSplit: z.enum(genderSplits).optional(),
  measurementWindow: optionalText(100).optional(),
  sourceKind: z.enum(sourceKinds).optional(),
  sourceNote: optionalText(300).optional(),
  publicationDate: z.iso.date().nullish(),
  footnote: optionalText(2000).optional(),
  active: z.boolean().optional(),
  /** A changed definition starts a new version from the given year; earlier years keep theirs. */
  definition: z.object({ text: text(10_000), validFrom: year }).optional(),
});
export type IndicatorPatch = z.infer<typeof indicatorPatch>;

export const targetInput = z.object({ target: text(200), footnote: optionalText(2000) });

const valueInput = z
  .object({
    indicatorId: z.uuid(),
    period: periodKey,
    gender: z.enum(genders).default("T"),
    /** "empty" clears the cell (removes the row). */
    state: z.enum([...valueStates, "empty"]).default("value"),
    value: z.number().finite().nullish(),
    statusCode: z.string().trim().max(40).nullish(),
    note: optionalText(2000),
    publishedAt: z.iso.date().nullish(),
    reason: optionalText(2000),
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

export const valuesBatch = z.object({ values: z.array(valueInput).min(1).max(5000), reason: optionalText(2000) });

export const lockInput = z.object({ orgNodeId: z.uuid(), period: periodKey });

export const directiveInput = z
  .object({
    orgNodeId: z.uuid(),
    issuedBy: z.enum(directiveIssuers),
    goalId: z.uuid().nullish(),
    title: text(500),
    body: z.string().trim().max(20_000).default(""),
    assignments: z.array(text(2000)).max(30).default([]),
    validFrom: year,
    validTo: year,
    handling: optionalText(20_000),
  })
  .refine((d) => d.validTo - d.validFrom >= 0 && d.validTo - d.validFrom <= 1, {
    path: ["validTo"],
    message: "Ett direktiv gäller ett eller två år.",
  });
export type DirectiveInput = z.infer<typeof directiveInput>;

export const directivePatch = nonEmptyPatch(
  z.object({
    goalId: z.uuid().nullish(),
    title: text(500).optional(),
    body: z.string().trim().max(20_000).optional(),
    assignments: z.array(text(2000)).max(30).optional(),
    validFrom: year.optional(),
    validTo: year.optional(),
    handling: optionalText(20_000).optional(),
  }),
);
export type DirectivePatch = z.infer<typeof directivePatch>;

const effects = z.array(z.object({ group: text(100), effect: text(2000) })).max(10);

export const activityInput = z
  .object({
    orgNodeId: z.uuid(),
    year,
    title: text(500),
    description: optionalText(10_000),
    responsibleOrgNodeId: z.uuid().nullish(),
    status: z.enum(activityStatuses).default("ej_paborjad"),
    startDate: z.iso.date().nullish(),
    endDate: z.iso.date().nullish(),
    goalIds: z.array(z.uuid()).max(20).default([]),
    effects: effects.default([]),
  })
  .refine((a) => !a.startDate || !a.endDate || a.endDate >= a.startDate, {
    path: ["endDate"],
    message: "Slutdatum kan inte ligga före startdatum.",
  });
export type ActivityInput = z.infer<typeof activityInput>;

export const activityPatch = nonEmptyPatch(
  z.object({
    title: text(500).optional(),
    description: optionalText(10_000).optional(),
    responsibleOrgNodeId: z.uuid().nullish(),
    status: z.enum(activityStatuses).optional(),
    startDate: z.iso.date().nullish(),
    endDate: z.iso.date().nullish(),
    goalIds: z.array(z.uuid()).max(20).optional(),
    effects: effects.optional(),
  }),
);
export type ActivityPatch = z.infer<typeof activityPatch>;

export const followupInput = z.object({ period: periodKey, status: z.enum(activityStatuses), comment: text(10_000) });

export const koladaMappingInput = z.object({
  kpiId: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]\d{5}$/, "Ett Kolada-KPI-id är en bokstav och fem siffror, t.ex. N00945."),
  municipalityId: z
    .string()
    .trim()
    .regex(/^\d{4}$/, "Kommunkoden är fyra siffror, t.ex. 1384."),
});
