// Inkommande's input schemas (zod). Browser-safe.
import { z } from "zod";
import { isoDate, optionalText, requiredText as text } from "../schema.ts";
import { appellants, issuers, outcomes, rulingKinds, senderKinds } from "./vocabulary.ts";

/** A period of registration dates, both days included. */
export const periodQuery = z
  .object({ orgNodeId: z.uuid(), periodStart: isoDate, periodEnd: isoDate })
  .refine((q) => q.periodStart <= q.periodEnd, {
    path: ["periodEnd"],
    message: "Periodens slut kan inte ligga före dess början.",
  });
export type PeriodQuery = z.infer<typeof periodQuery>;

export const rulingsQuery = z.object({
  orgNodeId: z.uuid(),
  /** Registered on or after. */
  fromDate: isoDate.optional(),
  /** Registered on or before. */
  toDate: isoDate.optional(),
  issuer: z.enum(issuers).optional(),
  /** Free text over subject, law and consequence, or a mål nr. */
  q: z.string().trim().max(200, "Högst 200 tecken.").optional(),
});
export type RulingsQuery = z.infer<typeof rulingsQuery>;

export const rulingFields = z.object({
  issuer: z.enum(issuers, "Välj vem som meddelade domen eller beslutet."),
  issuerName: optionalText(200),
  kind: z.enum(rulingKinds, "Välj dom eller beslut."),
  /** A court's mål nr in any form people write it ("mål nr 7405-23"); stored as 7405-23. */
  caseNumber: optionalText(40),
  authorityReference: optionalText(200),
  paragraph: z.number().int().min(1, "Paragrafen är minst 1.").max(9999, "Paragrafen är högst 9999.").nullish(),
  decidedOn: isoDate,
  registeredOn: isoDate,
  appellant: z.enum(appellants, "Välj vem som överklagade.").nullish(),
  appellantOther: optionalText(200),
  subject: text("vad domen eller beslutet gäller", 500),
  law: optionalText(200),
  outcome: z.enum(outcomes, "Välj utfall ur listan.").nullish(),
  consequence: optionalText(1000),
  /** Only where it cannot be derived from appellant and outcome. */
  won: z.boolean().nullish(),
  /** The nämnd's own case, in any variant people write. */
  diarienummer: optionalText(40),
});
export type RulingFields = z.infer<typeof rulingFields>;
export const rulingInput = rulingFields.extend({ orgNodeId: z.uuid() });
export type RulingInput = z.infer<typeof rulingInput>;

export const lettersQuery = z.object({
  orgNodeId: z.uuid(),
  fromDate: isoDate.optional(),
  toDate: isoDate.optional(),
  q: z.string().trim().max(200, "Högst 200 tecken.").optional(),
});
export type LettersQuery = z.infer<typeof lettersQuery>;

export const letterFields = z.object({
  diarienummer: text("diarienumret", 40),
  registeredOn: isoDate,
  sender: text("avsändaren", 200),
  senderKind: z.enum(senderKinds, "Välj myndighet, organisation eller privatperson."),
  subject: text("vad skrivelsen gäller", 500),
});
export type LetterFields = z.infer<typeof letterFields>;
export const letterInput = letterFields.extend({ orgNodeId: z.uuid() });
export type LetterInput = z.infer<typeof letterInput>;

export const idParams = z.object({ id: z.uuid() });
