// Delegation's input schemas (zod). Browser-safe.
import { z } from "zod";
import { labelled } from "../../platform/validation.ts";
import { isoDate, optionalText, requiredText as text } from "../schema.ts";
import { anmalanSections, decisionLaws, delegateKinds } from "./vocabulary.ts";

const namndId = labelled(z.uuid(), "Nämnd");

export const orderQuery = z.object({
  orgNodeId: namndId,
  /** The ordning in force on this date (today if not given). */
  on: labelled(isoDate.optional(), "Gällande den"),
});

/** A period of decision dates, both days included. */
export const periodQuery = z
  .object({ orgNodeId: namndId, periodStart: labelled(isoDate, "Från"), periodEnd: labelled(isoDate, "Till") })
  .refine((q) => q.periodStart <= q.periodEnd, {
    path: ["periodEnd"],
    message: "Periodens slut kan inte ligga före dess början.",
  });
export type PeriodQuery = z.infer<typeof periodQuery>;

/** Who decided: the utskott, the ordförande, or a function of the nämnd's list (by name), and by name. */
export const deciderInput = z.object({
  kind: labelled(z.enum(delegateKinds, "Välj utskott, ordförande eller funktion."), "Beslutsfattare"),
  function: labelled(optionalText(100), "Funktion"),
  name: labelled(text("namnet på den som beslutade", 200), "Namn"),
});

export const decisionInput = z.object({
  orgNodeId: namndId,
  /** The point of the ordning in force on the decision date (5.1.1). */
  point: labelled(text("punkten i delegeringsordningen", 20), "Punkt"),
  /** Optional; any variant people write, stored canonical. */
  diarienummer: labelled(optionalText(40), "Diarienummer"),
  decidedOn: labelled(isoDate, "Beslutsdatum"),
  decider: labelled(deciderInput, "Beslutsfattare"),
  law: labelled(z.enum(decisionLaws).nullish(), "Lag"),
  subject: labelled(text("vad beslutet gäller", 500), "Beslutet gäller"),
  unitId: labelled(z.uuid().nullish(), "Enhet"),
  provider: labelled(optionalText(200), "Utförare"),
  periodFrom: labelled(isoDate.nullish(), "Period från"),
  periodUntil: labelled(isoDate.nullish(), "Period till"),
});
export type DecisionInput = z.infer<typeof decisionInput>;

export const subdelegationInput = z.object({
  orgNodeId: namndId,
  point: labelled(text("punkten i delegeringsordningen", 20), "Punkt"),
  function: labelled(text("funktionen som får vidaredelegeringen", 100), "Funktion"),
  validFrom: labelled(isoDate, "Gäller från"),
  validUntil: labelled(isoDate.nullish(), "Gäller till"),
  diarienummer: labelled(optionalText(40), "Diarienummer"),
});
export type SubdelegationInput = z.infer<typeof subdelegationInput>;

export const pointInput = z.object({
  code: labelled(text("punktens nummer", 20), "Punkt"),
  heading: labelled(text("ärendegruppen", 200), "Ärendegrupp"),
  text: labelled(text("vad punkten gäller", 1000), "Ärende"),
  lagrum: labelled(optionalText(200), "Lagrum"),
  limits: labelled(optionalText(500), "Begränsningar"),
  subdelegationAllowed: labelled(z.boolean().default(false), "Vidaredelegering tillåten"),
  anmalanRequired: labelled(z.boolean().default(true), "Anmäls till nämnden"),
  anmalanSection: labelled(z.enum(anmalanSections, "Välj ett av anmälans sex avsnitt."), "Avsnitt i anmälan"),
  delegates: labelled(
    z
      .array(
        z.object({
          kind: labelled(z.enum(delegateKinds, "Välj utskott, ordförande eller funktion."), "Delegat"),
          function: labelled(optionalText(100), "Funktion"),
        }),
      )
      .min(1, "Ange minst en delegat."),
    "Delegater",
  ),
});
export type PointInput = z.infer<typeof pointInput>;

/** A new delegeringsordning as adopted; it is in force from its adoption date until the next one. */
export const orderInput = z.object({
  orgNodeId: namndId,
  adoptedOn: labelled(isoDate, "Antagen"),
  paragraph: labelled(z.number().int().min(1, "Paragrafen är minst 1.").max(9999), "Paragraf"),
  diarienummer: labelled(optionalText(40), "Diarienummer"),
  /** Functions to add to the nämnd's list first (Förvaltningschef …). */
  functions: labelled(z.array(text("funktionens namn", 100)).max(100).default([]), "Funktioner"),
  points: labelled(z.array(pointInput).min(1, "Ange minst en punkt.").max(500), "Punkter"),
});
export type OrderInput = z.infer<typeof orderInput>;
