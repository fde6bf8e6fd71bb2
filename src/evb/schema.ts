import { z } from "zod";
import { isIsoDate } from "../platform/calendar.ts";
import { labelled, nonEmptyPatch } from "../platform/validation.ts";
import { laws } from "./report.ts";

export const isoDate = z.string().trim().refine(isIsoDate, "Ange ett datum som finns, skrivet ÅÅÅÅ-MM-DD.");

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => (s === "" ? null : s))
    .nullish();

export const sexSchema = z.enum(["K", "M"], "Kön ska vara K (kvinna) eller M (man).");
export const lawSchema = z.enum(laws, "Lag ska vara SoL eller LSS.");
export const answerSchema = z.enum(["ja", "nej"], "Svaret ska vara ja eller nej.");
/** Reason codes explain a delay or a closure; a delay lies on the kommun's side or the individual's. */
export const codeKinds = ["delay", "closure"] as const;
export const delaySides = ["kommun", "enskild"] as const;
export const codeSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9-]{1,60}$/, "Koden får innehålla a–z, 0–9 och bindestreck.");

export const offerInput = z.object({
  date: labelled(isoDate, "Erbjudet datum"),
  answer: labelled(answerSchema, "Svar").nullish(),
  note: labelled(text(1000), "Anteckning"),
});
export type OfferInput = z.infer<typeof offerInput>;
export const offerPatch = offerInput.partial();

export const interruptionInput = z.object({
  start: labelled(isoDate, "Avbrott från"),
  resumed: labelled(isoDate, "Återupptaget den").nullish(),
  reasonCode: labelled(codeSchema, "Orsak").nullish(),
  reasonText: labelled(text(2000), "Beskrivning"),
});
export type InterruptionInput = z.infer<typeof interruptionInput>;
export const interruptionPatch = interruptionInput.partial();

// No defaults here: a patch must leave out what it does not change (zod applies defaults inside partial()).
const decisionFields = {
  orgNodeId: labelled(z.uuid(), "Enhet"),
  personId: labelled(z.string().trim().min(1, "Ange id enligt IVO:s format ÅÅÅÅMMDD-T123.").max(40), "Id"),
  /** Left out, the sex is read from the id. */
  sex: labelled(sexSchema, "Kön").nullish(),
  protectedIdentity: labelled(z.boolean(), "Skyddad identitet"),
  insatsId: labelled(z.uuid(), "Insats"),
  decisionDate: labelled(isoDate, "Beslutsdatum"),
  partsTotal: labelled(z.number().int().min(1).max(20), "Antal insatser i beslutet"),
  partsExecuted: labelled(z.number().int().min(0).max(20), "Varav verkställda"),
  delayReason: labelled(codeSchema, "Orsak till dröjsmålet").nullish(),
  reasonText: labelled(text(2000), "Beskrivning av orsaken"),
  interimSupport: labelled(text(2000), "Stöd i väntan och konsekvenser"),
  executedDate: labelled(isoDate, "Verkställt datum").nullish(),
  closedDate: labelled(isoDate, "Avslutat datum").nullish(),
  closureReason: labelled(codeSchema, "Avslutsorsak").nullish(),
};

export const decisionInput = z.object({
  ...decisionFields,
  protectedIdentity: decisionFields.protectedIdentity.default(false),
  partsTotal: decisionFields.partsTotal.default(1),
  partsExecuted: decisionFields.partsExecuted.default(0),
  offers: labelled(z.array(offerInput).max(50), "Erbjudanden").default([]),
  interruptions: labelled(z.array(interruptionInput).max(50), "Avbrott").default([]),
});
export type DecisionInput = z.infer<typeof decisionInput>;

/** Every field may change; offers and interruptions have their own endpoints. */
export const decisionPatch = z.object(decisionFields).partial();
export type DecisionPatch = z.infer<typeof decisionPatch>;

export const executeInput = z.object({ executedDate: labelled(isoDate, "Verkställt den") });
export const closeInput = z.object({
  closedDate: labelled(isoDate, "Avslutat den"),
  closureReason: labelled(codeSchema, "Avslutsorsak"),
});

// "snart": open, not yet reportable, but past three months within the early-warning days (the start page's item).
export const statusFilter = z.enum([
  "oppna",
  "vantar",
  "rapporteringspliktiga",
  "snart",
  "avbrott",
  "verkstallda",
  "avslutade",
]);
export type StatusFilter = z.infer<typeof statusFilter>;

export const registerQuery = z.object({
  orgNodeId: labelled(z.uuid(), "Organisation").optional(),
  law: labelled(lawSchema, "Lag").optional(),
  insatsId: labelled(z.uuid(), "Insats").optional(),
  status: labelled(statusFilter, "Läge").optional(),
  sex: labelled(sexSchema, "Kön").optional(),
  personId: labelled(
    z
      .string()
      .trim()
      .regex(/^[0-9Tt-]{0,13}$/, "Sök på början av id, t.ex. 1985 eller 19850312-T."),
    "Id börjar med",
  ).optional(),
  asOf: labelled(isoDate, "Läget den").optional(),
});
export type RegisterQuery = z.infer<typeof registerQuery>;

export const quarterParam = z.object({
  quarter: labelled(z.string().regex(/^\d{4}Q[1-4]$/, "Kvartal skrivs ÅÅÅÅQn, t.ex. 2023Q4."), "Kvartal"),
});

const insatsFields = {
  law: labelled(lawSchema, "Lag"),
  lagrum: labelled(z.string().trim().min(1).max(100), "Lagrum"),
  name: labelled(z.string().trim().min(1).max(200), "Insats"),
  active: labelled(z.boolean(), "Aktiv"),
  sortOrder: labelled(z.number().int(), "Ordning"),
};
export const insatsInput = z.object({
  ...insatsFields,
  orgNodeId: labelled(z.uuid(), "Organisation"),
  code: labelled(codeSchema, "Kod"),
  active: insatsFields.active.default(true),
  sortOrder: insatsFields.sortOrder.default(0),
});
export const insatsPatch = nonEmptyPatch(z.object(insatsFields).partial());

const codeFields = {
  label: labelled(z.string().trim().min(1).max(200), "Benämning"),
  side: labelled(z.enum(delaySides), "Sida").nullish(),
  active: labelled(z.boolean(), "Aktiv"),
  sortOrder: labelled(z.number().int(), "Ordning"),
};
export const codeInput = z.object({
  ...codeFields,
  orgNodeId: labelled(z.uuid(), "Organisation"),
  kind: labelled(z.enum(codeKinds), "Slag av kod"),
  code: labelled(codeSchema, "Kod"),
  active: codeFields.active.default(true),
  sortOrder: codeFields.sortOrder.default(0),
});
export const codePatch = nonEmptyPatch(z.object(codeFields).partial());
