// The kvalitetsplan's inputs (zod), browser-safe: the forms validate with the same schemas.
import { z } from "zod";
import { labelled, nonEmptyPatch } from "../../platform/validation.ts";
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

export const planQuery = z.object({ orgNodeId: labelled(z.uuid(), "Organisation"), year: labelled(planYear, "År") });
export const nodeQuery = z.object({ orgNodeId: labelled(z.uuid(), "Organisation") });

// ---------- risks ----------

export const riskInput = z.object({
  orgNodeId: labelled(z.uuid(), "Enhet"),
  year: labelled(planYear, "År"),
  processId: labelled(z.uuid().nullish(), "Process – aktivitet"),
  description: labelled(required("Beskriv risken."), "Risk"),
  likelihood: labelled(score("sannolikhet"), "Sannolikhet"),
  consequence: labelled(score("konsekvens"), "Konsekvens"),
  comment: labelled(optional, "Kommentar"),
});
export type RiskInput = z.infer<typeof riskInput>;
export const riskPatch = nonEmptyPatch(riskInput.omit({ orgNodeId: true, year: true }).partial());
export type RiskPatch = z.infer<typeof riskPatch>;

// ---------- egenkontroller ----------

const egenkontrollFields = {
  processId: labelled(z.uuid().nullish(), "Process – aktivitet"),
  riskId: labelled(z.uuid().nullish(), "Mot risk"),
  what: labelled(required("Beskriv vad som kontrolleras."), "Egenkontroll (vad kontrolleras)"),
  method: labelled(z.string().trim().min(1, "Ange metod, t.ex. stickprov.").max(200, "Högst 200 tecken."), "Metod"),
  sample: labelled(optional, "Urval"),
  performedOn: labelled(isoDate.nullish(), "Datum"),
  numerator: labelled(count.nullish(), "Antal som uppfyllde kravet"),
  denominator: labelled(count.nullish(), "Antal granskade"),
  comment: labelled(optional, "Kommentar"),
};
export const egenkontrollInput = z.object({
  orgNodeId: labelled(z.uuid(), "Enhet"),
  year: labelled(planYear, "År"),
  ...egenkontrollFields,
});
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
  riskId: labelled(z.uuid().nullish(), "Gäller (risk)"),
  egenkontrollId: labelled(z.uuid().nullish(), "Gäller (egenkontroll)"),
  /** An internkontroll granskning instead. */
  granskningId: labelled(z.uuid().nullish(), "Gäller (granskning)"),
  text: labelled(required("Beskriv åtgärden."), "Åtgärd"),
  owner: labelled(owner, "Ägare (funktion eller namn)"),
  deadline: labelled(isoDate.nullish(), "Slutdatum"),
  status: labelled(status.default("ej_paborjad"), "Status"),
  statusOn: labelled(isoDate.optional(), "Statusdatum"),
  comment: labelled(optional, "Kommentar"),
});
export type AtgardInput = z.infer<typeof atgardInput>;

/** A change of an open åtgärd; setting an "avslutad" status closes it (needs a comment on what it gave). */
export const atgardPatch = nonEmptyPatch(
  z
    .object({
      text: labelled(required("Beskriv åtgärden."), "Åtgärd"),
      owner: labelled(owner, "Ägare (funktion eller namn)"),
      deadline: labelled(isoDate.nullable(), "Slutdatum"),
      status: labelled(status, "Status"),
      statusOn: labelled(isoDate, "Statusdatum"),
      comment: labelled(optional, "Kommentar (vad gav åtgärden?)"),
    })
    .partial(),
);
export type AtgardPatch = z.infer<typeof atgardPatch>;

export const atgarderQuery = z.object({
  orgNodeId: labelled(z.uuid(), "Organisation"),
  year: labelled(planYear.optional(), "År"),
  status: labelled(z.enum([...atgardStatuses, "oppna", "forsenade"]).optional(), "Visa åtgärder"),
});
export type AtgarderQuery = z.infer<typeof atgarderQuery>;

// ---------- configuration ----------

const label = z.string().trim().min(1, "Ange en text.").max(200, "Högst 200 tecken.");
const labels = z.tuple([label, label, label, label]);

export const scaleInput = z.object({
  orgNodeId: labelled(z.uuid(), "Organisation"),
  kind: labelled(z.enum(riskScaleKinds, "Skalan ska vara kvalitetsplan eller internkontroll."), "Matris"),
  name: labelled(z.string().trim().min(1, "Ange skalans namn.").max(100), "Skalans namn"),
  likelihoodName: labelled(z.string().trim().min(1).max(100), "Sannolikhetens namn"),
  likelihoodLabels: labelled(labels, "Sannolikhetens steg"),
  consequenceName: labelled(z.string().trim().min(1).max(100), "Konsekvensens namn"),
  consequenceLabels: labelled(labels, "Konsekvensens steg"),
  levels: labelled(
    z
      .array(
        z.object({
          name: labelled(z.string().trim().min(1, "Ange nivåns namn.").max(50), "Nivå"),
          min: labelled(z.number().int("Ange gränsen som ett heltal."), "Från riskvärde"),
          colour: labelled(z.string().trim(), "Färg"),
        }),
      )
      .min(2, "Skalan behöver minst två nivåer.")
      .max(8, "Högst åtta nivåer."),
    "Nivåer",
  ),
});
export type ScaleInput = z.infer<typeof scaleInput>;

const processFields = {
  process: labelled(z.string().trim().min(1, "Ange processen.").max(200), "Process"),
  activity: labelled(z.string().trim().min(1, "Ange aktiviteten.").max(200), "Aktivitet"),
};
export const processInput = z.object({ orgNodeId: labelled(z.uuid(), "Organisation"), ...processFields });
/** Renames a process or activity, or (de)activates it; each field left out stays as it is. */
export const processPatch = nonEmptyPatch(
  z.object({ ...processFields, active: labelled(z.boolean("Ange om processen är aktiv."), "Aktiv") }).partial(),
);
