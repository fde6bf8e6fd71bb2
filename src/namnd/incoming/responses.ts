// What the inkommande routes answer, in wire form. Browser-safe.
import { z } from "zod";
import { appellants, issuers, outcomes, rulingKinds, senderKinds } from "./vocabulary.ts";

const date = z.iso.date();
const namnd = z.object({ id: z.uuid(), name: z.string() });
const period = z.object({ periodStart: date, periodEnd: date });

export const rulingResponse = z.object({
  id: z.uuid(),
  issuer: z.enum(issuers),
  issuerName: z.string().nullable(),
  kind: z.enum(rulingKinds),
  caseNumber: z.string().nullable(),
  authorityReference: z.string().nullable(),
  paragraph: z.number().int().nullable(),
  decidedOn: date,
  registeredOn: date,
  appellant: z.enum(appellants).nullable(),
  /** The other party's description; null when there is none or the reader may not see it (then masked). */
  appellantOther: z.string().nullable(),
  appellantMasked: z.boolean(),
  subject: z.string(),
  law: z.string().nullable(),
  outcome: z.enum(outcomes).nullable(),
  consequence: z.string().nullable(),
  won: z.boolean().nullable(),
  diarienummer: z.string().nullable(),
  /** The row as the period list prints it. */
  text: z.string(),
});
export const rulingsResponse = z.array(rulingResponse);

export const rulingsForPeriodResponse = z.object({
  namnd,
  period,
  count: z.number().int(),
  /** Court rows in the period and how many of them the nämnd won. */
  courtCount: z.number().int(),
  wonCount: z.number().int(),
  sections: z.array(z.object({ key: z.enum(issuers), heading: z.string(), rows: z.array(rulingResponse) })),
});

export const letterResponse = z.object({
  id: z.uuid(),
  diarienummer: z.string(),
  registeredOn: date,
  /** A private person's name is withheld from readers without access to personal data. */
  sender: z.string(),
  senderKind: z.enum(senderKinds),
  senderMasked: z.boolean(),
  subject: z.string(),
});
export const lettersResponse = z.array(letterResponse);

export const lettersForPeriodResponse = z.object({
  namnd,
  period,
  count: z.number().int(),
  rows: z.array(letterResponse),
});
