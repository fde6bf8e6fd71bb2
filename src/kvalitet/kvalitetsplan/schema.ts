// The kvalitetsplan's inputs (zod), browser-safe: the forms validate with the same schemas.
import { z } from "zod";
import { nonEmptyPatch } from "../../platform/validation.ts";
import { riskScaleKinds, SCORE_MAX, SCORE_MIN } from "../risk/risk.ts";
import { isoDate } from "../schema.ts";
import { atgardStatuses, PLAN_TEXT_MAX } from "./vocabulary.ts";

const required = (message: string) =>
  z.string().trim().min(1, message).max(PLAN_TEXT_MAX, `Högst ${PLAN_TEXT_MAX} tecken.`);
/** Optional free text: trimmed, empty means none. */
const optional = z
  .string()
  .trim()
  .max(PLAN_TEXT_MAX, `Högst ${PLAN_TEXT_MAX} tecken.`)
  .transform((s) => (s === "" ? null : s))
  .nullish();
const score = (axis: string) =>
  z.coerce
    .number()
    .int(`Ange ${axis} som ett heltal ${SCORE_MIN}–${SCORE_MAX}.`)
    .min(SCORE_MIN, `Ange ${axis} ${SCORE_MIN}–${SCORE_MAX}.`)
    .max(SCORE_MAX, `Ange ${axis} ${SCORE_MIN}–${SCORE_MAX}.`);
const count = z.number().int("Ange ett heltal.").min(0, "Kan inte vara negativt.").max(1_000_000);
export const planYear = z.coerce
  .number()
  .int()
  .min(2000, "Året ska vara 2000–2100.")
  .max(2100, "Året ska vara 2000–2100.");

export const planQuery = z.object({ orgNodeId: z.uuid(), year: planYear });
export const nodeQuery = z.object({ orgNodeId: z.uuid() });

// ---------- risks ----------

export const riskInput = z.object({
  orgNodeId: z.uuid(),
  year: planYear,
  processId: z.uuid().nullish(),
  description: required("Beskriv risken."),
  likelihood: score("sannolikhet"),
  consequence: score("konsekvens"),
  comment: optional,
});
export type RiskInput = z.infer<typeof riskInput>;
export const riskPatch = nonEmptyPatch(riskInput.omit({ orgNodeId: true, year: true }).partial());
export type RiskPatch = z.infer<typeof riskPatch>;

// ---------- egenkontroller ----------

const egenkontrollFields = {
  processId: z.uuid().nullish(),
  riskId: z.uuid().nullish(),
  what: required("Beskriv vad som kontrolleras."),
  method: z.string().trim().min(1, "Ange metod, t.ex. stickprov.").max(200, "Högst 200 tecken."),
  sample: optional,
  performedOn: isoDate.nullish(),
  numerator: count.nullish(),
  denominator: count.nullish(),
  comment: optional,
};
export const egenkontrollInput = z.object({ orgNodeId: z.uuid(), year: planYear, ...egenkontrollFields });
export type EgenkontrollInput = z.infer<typeof egenkontrollInput>;
export const egenkontrollPatch = nonEmptyPatch(z.object(egenkontrollFields).partial());
export type EgenkontrollPatch = z.infer<typeof egenkontrollPatch>;

// ---------- åtgärder ----------

const status = z.enum(atgardStatuses, `Statusen ska vara en av ${atgardStatuses.join(", ")}.`);
const owner = z
  .string()
  .trim()
  .min(1, "Ange vem som äger åtgärden (funktion eller namn).")
  .max(200, "Högst 200 tecken.");

/** An åtgärd against exactly one risk or egenkontroll of a plan, or a granskning; its node and year are the linked one's. */
export const atgardInput = z.object({
  riskId: z.uuid().nullish(),
  egenkontrollId: z.uuid().nullish(),
  /** An internkontroll granskning instead. */
  granskningId: z.uuid().nullish(),
  text: required("Beskriv åtgärden."),
  owner,
  deadline: isoDate.nullish(),
  status: status.default("ej_paborjad"),
  statusOn: isoDate.optional(),
  comment: optional,
});
export type AtgardInput = z.infer<typeof atgardInput>;

/** A change of an open åtgärd; setting an "avslutad" status closes it (needs a comment on what it gave). */
export const atgardPatch = nonEmptyPatch(
  z
    .object({
      text: required("Beskriv åtgärden."),
      owner,
      deadline: isoDate.nullable(),
      status,
      statusOn: isoDate,
      comment: optional,
    })
    .partial(),
);
export type AtgardPatch = z.infer<typeof atgardPatch>;

export const atgarderQuery = z.object({
  orgNodeId: z.uuid(),
  year: planYear.optional(),
  status: z.enum([...atgardStatuses, "oppna", "forsenade"]).optional(),
});
export type AtgarderQuery = z.infer<typeof atgarderQuery>;

// ---------- configuration ----------

const label = z.string().trim().min(1, "Ange en text.").max(200, "Högst 200 tecken.");
const labels = z.tuple([label, label, label, label]);

export const scaleInput = z.object({
  orgNodeId: z.uuid(),
  kind: z.enum(riskScaleKinds, "Skalan ska vara kvalitetsplan eller internkontroll."),
  name: z.string().trim().min(1, "Ange skalans namn.").max(100),
  likelihoodName: z.string().trim().min(1).max(100),
  likelihoodLabels: labels,
  consequenceName: z.string().trim().min(1).max(100),
  consequenceLabels: labels,
  levels: z
    .array(
      z.object({
        name: z.string().trim().min(1, "Ange nivåns namn.").max(50),
        min: z.number().int("Ange gränsen som ett heltal."),
        colour: z.string().trim(),
      }),
    )
    .min(2, "Skalan behöver minst två nivåer.")
    .max(8, "Högst åtta nivåer."),
});
export type ScaleInput = z.infer<typeof scaleInput>;

export const processInput = z.object({
  orgNodeId: z.uuid(),
  process: z.string().trim().min(1, "Ange processen.").max(200),
  activity: z.string().trim().min(1, "Ange aktiviteten.").max(200),
});
