// What the delegation routes answer, in wire form. Browser-safe.
import { z } from "zod";
import { anmalanSections, decisionLaws, delegateKinds } from "./vocabulary.ts";

const date = z.iso.date();
const namnd = z.object({ id: z.uuid(), name: z.string() });

export const pointResponse = z.object({
  code: z.string(),
  heading: z.string(),
  text: z.string(),
  lagrum: z.string().nullable(),
  limits: z.string().nullable(),
  subdelegationAllowed: z.boolean(),
  anmalanRequired: z.boolean(),
  anmalanSection: z.enum(anmalanSections),
  delegates: z.array(z.object({ kind: z.enum(delegateKinds), function: z.string().nullable(), label: z.string() })),
  subdelegations: z.array(
    z.object({
      function: z.string(),
      validFrom: date,
      validUntil: date.nullable(),
      diarienummer: z.string().nullable(),
    }),
  ),
});

export const orderResponse = z.object({
  namnd,
  /** The ordning in force on the date asked for; null if the nämnd had adopted none by then. */
  order: z.object({ adoptedOn: date, paragraph: z.number().int(), diarienummer: z.string().nullable() }).nullable(),
  functions: z.array(z.string()),
  points: z.array(pointResponse),
  canWrite: z.boolean(),
});

export const decisionResponse = z.object({
  id: z.uuid(),
  diarienummer: z.string().nullable(),
  decidedOn: date,
  point: z.object({ code: z.string(), heading: z.string() }),
  decider: z.object({ kind: z.enum(delegateKinds), function: z.string().nullable(), name: z.string() }),
  law: z.enum(decisionLaws).nullable(),
  subject: z.string(),
  unit: namnd.nullable(),
  /** Null when there is none, or when the reader may not see it (then providerMasked). */
  provider: z.string().nullable(),
  providerMasked: z.boolean(),
  periodFrom: date.nullable(),
  periodUntil: date.nullable(),
  /** An ordförandebeslut's Upplysning, from the point it was made under. */
  upplysning: z.string().nullable(),
});

export const decisionsResponse = z.array(decisionResponse);

export const subdelegationResponse = pointResponse;

export const anmalanResponse = z.object({
  namnd,
  periodStart: date,
  periodEnd: date,
  sections: z.array(
    z.object({
      section: z.enum(anmalanSections),
      title: z.string(),
      count: z.number().int(),
      lines: z.array(z.string()),
    }),
  ),
});
