// Internkontroll's inputs (zod), browser-safe.
import { z } from "zod";
import { labelled } from "../../platform/validation.ts";
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

const nodeId = labelled(z.uuid(), "Nämnd");
const yearField = labelled(year, "År");

export const yearQuery = z.object({ orgNodeId: nodeId, year: yearField });

export const planDecisionInput = z.object({
  orgNodeId: nodeId,
  year: yearField,
  diarienummer: labelled(optional(100), "Diarienummer"),
  adoptedOn: labelled(isoDate.nullish(), "Antagen"),
  decisionRef: labelled(optional(200), "Beslut (paragraf)"),
});
export type PlanDecisionInput = z.infer<typeof planDecisionInput>;

const riskFields = {
  category: labelled(required("Ange kategori.", 200), "Kategori"),
  description: labelled(required("Beskriv risken."), "Risk"),
  common: labelled(z.boolean("Ange om risken är kommungemensam."), "Kommungemensam"),
  likelihood: labelled(score("sannolikhet"), "Sannolikhet"),
  consequence: labelled(score("konsekvens"), "Konsekvens"),
  toPlan: labelled(z.boolean("Ange om risken tas till planen."), "Till plan"),
  reason: labelled(optional(), "Anledning"),
};
export const ikRiskInput = z.object({ orgNodeId: nodeId, year: yearField, ...riskFields });
export type IkRiskInput = z.infer<typeof ikRiskInput>;
/** Each field left out stays as it is (an empty patch changes nothing). */
export const ikRiskPatch = z.object(riskFields).partial();
export type IkRiskPatch = z.infer<typeof ikRiskPatch>;

const granskningFields = {
  nr: labelled(
    z
      .string()
      .trim()
      .regex(/^[0-9]{1,3}(\.[0-9]{1,3}){0,4}$/, "Numret skrivs som 5.1.1."),
    "Nummer",
  ),
  title: labelled(required("Ange vad som granskas.", 500), "Granskning"),
  method: labelled(required("Beskriv metoden."), "Metod"),
  frequency: labelled(required("Ange hur ofta.", 200), "Frekvens"),
  responsible: labelled(required("Ange ansvarig.", 200), "Ansvarig"),
  riskIds: labelled(z.array(z.uuid()).max(50, "Högst 50 risker."), "Risker"),
  result: labelled(optional(4000), "Resultat"),
  deviations: labelled(z.boolean().nullish(), "Avvikelser"),
  verdict: labelled(optional(200), "Bedömning"),
};
export const granskningInput = z.object({ orgNodeId: nodeId, year: yearField, ...granskningFields });
export type GranskningInput = z.infer<typeof granskningInput>;
export const granskningPatch = z.object(granskningFields).partial();
export type GranskningPatch = z.infer<typeof granskningPatch>;

export const selfAssessmentInput = z.object({
  orgNodeId: nodeId,
  year: yearField,
  answers: labelled(
    z
      .array(
        z.object({
          questionId: labelled(z.uuid(), "Fråga"),
          answer: labelled(z.enum(answers, `Svaret ska vara ett av ${answers.join(", ")}.`), "Svar"),
          comment: labelled(optional(), "Kommentar"),
        }),
      )
      .min(1, "Besvara minst en fråga.")
      .max(200),
    "Självskattning",
  ),
});
export type SelfAssessmentInput = z.infer<typeof selfAssessmentInput>;
