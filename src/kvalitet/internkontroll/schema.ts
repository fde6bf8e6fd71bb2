// Internkontroll's inputs (zod), browser-safe.
import { z } from "zod";
import { SCORE_MAX, SCORE_MIN } from "../risk/risk.ts";
import { isoDate } from "../schema.ts";
import { answers } from "./vocabulary.ts";

const TEXT_MAX = 2000;
const required = (message: string, max = TEXT_MAX) =>
  z.string().trim().min(1, message).max(max, `Högst ${max} tecken.`);
const optional = (max = TEXT_MAX) =>
  z
    .string()
    .trim()
    .max(max, `Högst ${max} tecken.`)
    .transform((s) => (s === "" ? null : s))
    .nullish();
const score = (axis: string) =>
  z.coerce
    .number()
    .int(`Ange ${axis} som ett heltal ${SCORE_MIN}–${SCORE_MAX}.`)
    .min(SCORE_MIN, `Ange ${axis} ${SCORE_MIN}–${SCORE_MAX}.`)
    .max(SCORE_MAX, `Ange ${axis} ${SCORE_MIN}–${SCORE_MAX}.`);
const year = z.coerce.number().int().min(2000, "Året ska vara 2000–2100.").max(2100, "Året ska vara 2000–2100.");

export const yearQuery = z.object({ orgNodeId: z.uuid(), year });

export const planDecisionInput = z.object({
  orgNodeId: z.uuid(),
  year,
  diarienummer: optional(100),
  adoptedOn: isoDate.nullish(),
  decisionRef: optional(200),
});
export type PlanDecisionInput = z.infer<typeof planDecisionInput>;

const riskFields = {
  category: required("Ange kategori.", 200),
  description: required("Beskriv risken."),
  common: z.boolean("Ange om risken är kommungemensam."),
  likelihood: score("sannolikhet"),
  consequence: score("konsekvens"),
  toPlan: z.boolean("Ange om risken tas till planen."),
  reason: optional(),
};
export const ikRiskInput = z.object({ orgNodeId: z.uuid(), year, ...riskFields });
export type IkRiskInput = z.infer<typeof ikRiskInput>;
/** Each field left out stays as it is (an empty patch changes nothing). */
export const ikRiskPatch = z.object(riskFields).partial();
export type IkRiskPatch = z.infer<typeof ikRiskPatch>;

const granskningFields = {
  nr: z
    .string()
    .trim()
    .regex(/^[0-9]{1,3}(\.[0-9]{1,3}){0,4}$/, "Numret skrivs som 5.1.1."),
  title: required("Ange vad som granskas.", 500),
  method: required("Beskriv metoden."),
  frequency: required("Ange hur ofta.", 200),
  responsible: required("Ange ansvarig.", 200),
  riskIds: z.array(z.uuid()).max(50, "Högst 50 risker."),
  result: optional(4000),
  deviations: z.boolean().nullish(),
  verdict: optional(200),
};
export const granskningInput = z.object({ orgNodeId: z.uuid(), year, ...granskningFields });
export type GranskningInput = z.infer<typeof granskningInput>;
export const granskningPatch = z.object(granskningFields).partial();
export type GranskningPatch = z.infer<typeof granskningPatch>;

export const selfAssessmentInput = z.object({
  orgNodeId: z.uuid(),
  year,
  answers: z
    .array(
      z.object({
        questionId: z.uuid(),
        answer: z.enum(answers, `Svaret ska vara ett av ${answers.join(", ")}.`),
        comment: optional(),
      }),
    )
    .min(1, "Besvara minst en fråga.")
    .max(200),
});
export type SelfAssessmentInput = z.infer<typeof selfAssessmentInput>;
