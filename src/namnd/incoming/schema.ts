// Inkommande's input schemas (zod). Browser-safe.
import { z } from "zod";
import { idParams, labelled } from "../../platform/validation.ts";
import { isoDate, optionalText, requiredText as text } from "../schema.ts";
import { appellants, issuers, outcomes, rulingKinds, senderKinds } from "./vocabulary.ts";

/** A period of registration dates, both days included. */
export const periodQuery = z
  .object({
    orgNodeId: labelled(z.uuid(), "Nämnd"),
    periodStart: labelled(isoDate, "Registrerade från"),
    periodEnd: labelled(isoDate, "Registrerade till"),
  })
  .refine((q) => q.periodStart <= q.periodEnd, {
    path: ["periodEnd"],
    message: "Periodens slut kan inte ligga före dess början.",
  });
export type PeriodQuery = z.infer<typeof periodQuery>;

export const rulingsQuery = z.object({
  orgNodeId: labelled(z.uuid(), "Nämnd"),
  /** Registered on or after. */
  fromDate: labelled(isoDate.optional(), "Registrerade från"),
  /** Registered on or before. */
  toDate: labelled(isoDate.optional(), "Registrerade till"),
  issuer: labelled(z.enum(issuers).optional(), "Domstol eller myndighet"),
  /** Free text over subject, law and consequence, or a mål nr. */
  q: labelled(z.string().trim().max(200, "Högst 200 tecken.").optional(), "Sökord"),
});
export type RulingsQuery = z.infer<typeof rulingsQuery>;

export const rulingFields = z.object({
  issuer: labelled(z.enum(issuers, "Välj vem som meddelade domen eller beslutet."), "Meddelad av"),
  issuerName: labelled(optionalText(200), "Domstol eller myndighet"),
  kind: labelled(z.enum(rulingKinds, "Välj dom eller beslut."), "Slag"),
  /** A court's mål nr in any form people write it ("mål nr 7405-23"); stored as 7405-23. */
  caseNumber: labelled(optionalText(40), "Målnummer"),
  authorityReference: labelled(optionalText(200), "Myndighetens referens"),
  paragraph: labelled(
    z.number().int().min(1, "Paragrafen är minst 1.").max(9999, "Paragrafen är högst 9999.").nullish(),
    "Paragraf",
  ),
  decidedOn: labelled(isoDate, "Dom- eller beslutsdatum"),
  registeredOn: labelled(isoDate, "Registrerad"),
  appellant: labelled(z.enum(appellants, "Välj vem som överklagade.").nullish(), "Överklagat av"),
  appellantOther: labelled(optionalText(200), "Vilken part (inget namn)"),
  subject: labelled(text("vad domen eller beslutet gäller", 500), "Avser"),
  law: labelled(optionalText(200), "Lagrum"),
  outcome: labelled(z.enum(outcomes, "Välj utfall ur listan.").nullish(), "Utfall"),
  consequence: labelled(optionalText(1000), "Konsekvens"),
  /** Only where it cannot be derived from appellant and outcome. */
  won: labelled(z.boolean().nullish(), "Vann nämnden"),
  /** The nämnd's own case, in any variant people write. */
  diarienummer: labelled(optionalText(40), "Nämndens diarienummer"),
});
export type RulingFields = z.infer<typeof rulingFields>;
export const rulingInput = rulingFields.extend({ orgNodeId: labelled(z.uuid(), "Nämnd") });
export type RulingInput = z.infer<typeof rulingInput>;

export const lettersQuery = z.object({
  orgNodeId: labelled(z.uuid(), "Nämnd"),
  fromDate: labelled(isoDate.optional(), "Registrerade från"),
  toDate: labelled(isoDate.optional(), "Registrerade till"),
  q: labelled(z.string().trim().max(200, "Högst 200 tecken.").optional(), "Sökord"),
});
export type LettersQuery = z.infer<typeof lettersQuery>;

export const letterFields = z.object({
  diarienummer: labelled(text("diarienumret", 40), "Diarienummer"),
  registeredOn: labelled(isoDate, "Registrerad"),
  sender: labelled(text("avsändaren", 200), "Avsändare"),
  senderKind: labelled(z.enum(senderKinds, "Välj myndighet, organisation eller privatperson."), "Avsändaren är"),
  subject: labelled(text("vad skrivelsen gäller", 500), "Ämne"),
});
export type LetterFields = z.infer<typeof letterFields>;
export const letterInput = letterFields.extend({ orgNodeId: labelled(z.uuid(), "Nämnd") });
export type LetterInput = z.infer<typeof letterInput>;

export const rulingIdParams = idParams("Domens id");
export const letterIdParams = idParams("Skrivelsens id");
