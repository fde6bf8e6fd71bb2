// Delegation's input schemas (zod). Browser-safe.
import { z } from "zod";
import { isoDate, optionalText, requiredText as text } from "../schema.ts";
import { anmalanSections, decisionLaws, delegateKinds } from "./vocabulary.ts";

export const orderQuery = z.object({
  orgNodeId: z.uuid(),
  /** The ordning in force on this date (today if not given). */
  on: isoDate.optional(),
});

/** A period of decision dates, both days included. */
export const periodQuery = z
  .object({ orgNodeId: z.uuid(), periodStart: isoDate, periodEnd: isoDate })
  .refine((q) => q.periodStart <= q.periodEnd, {
    path: ["periodEnd"],
    message: "Periodens slut kan inte ligga före dess början.",
  });
export type PeriodQuery = z.infer<typeof periodQuery>;

/** Who decided: the utskott, the ordförande, or a function of the nämnd's list (by name), and by name. */
export const deciderInput = z.object({
  kind: z.enum(delegateKinds, "Välj utskott, ordförande eller funktion."),
  function: optionalText(100),
  name: text("namnet på den som beslutade", 200),
});

export const decisionInput = z.object({
  orgNodeId: z.uuid(),
  /** The point of the ordning in force on the decision date (5.1.1). */
  point: text("punkten i delegeringsordningen", 20),
  /** Optional; any variant people write, stored canonical. */
  diarienummer: optionalText(40),
  decidedOn: isoDate,
  decider: deciderInput,
  law: z.enum(decisionLaws).nullish(),
  subject: text("vad beslutet gäller", 500),
  unitId: z.uuid().nullish(),
  provider: optionalText(200),
  periodFrom: isoDate.nullish(),
  periodUntil: isoDate.nullish(),
});
export type DecisionInput = z.infer<typeof decisionInput>;

export const subdelegationInput = z.object({
  orgNodeId: z.uuid(),
  point: text("punkten i delegeringsordningen", 20),
  function: text("funktionen som får vidaredelegeringen", 100),
  validFrom: isoDate,
  validUntil: isoDate.nullish(),
  diarienummer: optionalText(40),
});
export type SubdelegationInput = z.infer<typeof subdelegationInput>;

export const pointInput = z.object({
  code: text("punktens nummer", 20),
  heading: text("ärendegruppen", 200),
  text: text("vad punkten gäller", 1000),
  lagrum: optionalText(200),
  limits: optionalText(500),
  subdelegationAllowed: z.boolean().default(false),
  anmalanRequired: z.boolean().default(true),
  anmalanSection: z.enum(anmalanSections, "Välj ett av anmälans sex avsnitt."),
  delegates: z
    .array(
      z.object({
        kind: z.enum(delegateKinds, "Välj utskott, ordförande eller funktion."),
        function: optionalText(100),
      }),
    )
    .min(1, "Ange minst en delegat."),
});
export type PointInput = z.infer<typeof pointInput>;

/** A new delegeringsordning as adopted; it is in force from its adoption date until the next one. */
export const orderInput = z.object({
  orgNodeId: z.uuid(),
  adoptedOn: isoDate,
  paragraph: z.number().int().min(1, "Paragrafen är minst 1.").max(9999),
  diarienummer: optionalText(40),
  /** Functions to add to the nämnd's list first (Förvaltningschef …). */
  functions: z.array(text("funktionens namn", 100)).max(100).default([]),
  points: z.array(pointInput).min(1, "Ange minst en punkt.").max(500),
});
export type OrderInput = z.infer<typeof orderInput>;
