import { z } from "zod";
import { labelled, nonEmptyPatch } from "../../platform/validation.ts";
import { isoDate, listCode, listFields } from "../schema.ts";
import {
  caseStatuses,
  consequences,
  entryKinds,
  findings,
  GIST_MAX,
  listKinds,
  outcomes,
  recurrenceRisks,
  reportRoutes,
  TEXT_MAX,
} from "./vocabulary.ts";

const codes = z.array(listCode).max(20, "Högst 20 val.");
const gist = z.string().trim().min(1, "Ange vad rapporten gäller.").max(GIST_MAX, `Högst ${GIST_MAX} tecken.`);
const consequence = z.enum(consequences, `Konsekvensen ska vara en av ${consequences.join(", ")}.`);
const recurrence = z.enum(recurrenceRisks, `Risken ska vara en av ${recurrenceRisks.join(", ")}.`);
const route = z.enum(reportRoutes, `Vägen ska vara en av ${reportRoutes.join(", ")}.`);
const outcome = z.enum(outcomes, "Utfallet ska vara A, B eller C.");
const finding = z.enum(findings, `Bedömningen ska vara en av ${findings.join(", ")}.`);

export const caseFields = {
  noticedOn: labelled(isoDate, "Upptäcktes"),
  occurredOn: labelled(isoDate.nullish(), "Inträffade"),
  gist: labelled(gist, "Rapport gällande"),
  category: labelled(listCode, "Kategori"),
  route: labelled(route, "Hur rapporten kom in"),
  brist: labelled(z.boolean().nullish(), "Brist"),
  consequence: labelled(consequence.nullish(), "Konsekvens för den enskilde"),
  recurrence: labelled(recurrence.nullish(), "Risk för upprepning"),
  causes: labelled(codes.default([]), "Orsaker"),
  measures: labelled(codes.default([]), "Åtgärder"),
  /** The händelse the case was escalated from. */
  eventId: labelled(z.uuid().nullish(), "Händelse"),
};

export const registerInput = z.object({
  orgNodeId: labelled(z.uuid(), "Enhet"),
  reportedOn: labelled(isoDate, "Rapporterad"),
  ...caseFields,
});
export type RegisterInput = z.infer<typeof registerInput>;

/** Each field left out stays as it is; null clears it. The report date (and so the number) is fixed. */
export const casePatch = z
  .object({ ...caseFields, causes: labelled(codes, "Orsaker"), measures: labelled(codes, "Åtgärder") })
  .partial();
export type CasePatch = z.infer<typeof casePatch>;

export const entryInput = z.object({
  entryDate: labelled(isoDate, "Datum"),
  item: labelled(listCode, "Utredningspunkt"),
  source: labelled(z.string().trim().min(1, "Ange källan.").max(300, "Högst 300 tecken."), "Källa"),
  kind: labelled(z.enum(entryKinds, "Ange fakta eller bedomning."), "Fakta eller bedömning"),
  text: labelled(z.string().trim().min(1, "Skriv uppgiften.").max(TEXT_MAX, `Högst ${TEXT_MAX} tecken.`), "Uppgift"),
});
export type EntryInput = z.infer<typeof entryInput>;

export const decideInput = z.object({
  decidedOn: labelled(isoDate, "Beslutsdatum"),
  outcome: labelled(outcome, "Utfall"),
  finding: labelled(finding.nullish(), "Bedömning"),
  /** Other cases decided together with this one (one line in the memo). */
  together: labelled(
    z.array(z.uuid()).max(20, "Högst 20 ärenden beslutas tillsammans.").default([]),
    "Beslutas tillsammans med",
  ),
});
export type DecideInput = z.infer<typeof decideInput>;

/** Each field left out stays as it is; null clears the date or the reference. */
export const ivoPatch = z
  .object({
    formDone: labelled(z.boolean(), "Blanketten är ifylld"),
    investigationAttached: labelled(z.boolean(), "Den färdiga utredningen är bifogad"),
    sentOn: labelled(isoDate.nullable(), "Skickad"),
    reference: labelled(z.string().trim().min(1).max(100).nullable(), "IVO:s diarienummer"),
  })
  .partial();
export type IvoPatch = z.infer<typeof ivoPatch>;

export const casesQuery = z.object({
  orgNodeId: labelled(z.uuid(), "Organisation"),
  /** Report year. */
  year: labelled(z.coerce.number().int().min(2000).max(2100).optional(), "Rapportår"),
  /** A period of report, both days included (the joint view's period). */
  periodStart: labelled(isoDate.optional(), "Rapporterad från"),
  periodEnd: labelled(isoDate.optional(), "Rapporterad till och med"),
  status: labelled(z.enum(caseStatuses).optional(), "Status"),
  outcome: labelled(outcome.optional(), "Beslut"),
  limit: labelled(z.coerce.number().int().min(1).max(200).default(50), "Antal per sida"),
  offset: labelled(z.coerce.number().int().min(0).max(1_000_000).default(0), "Hoppa över"),
});
export type CasesQuery = z.infer<typeof casesQuery>;

export const memoQuery = z
  .object({
    orgNodeId: labelled(z.uuid(), "Nämnd"),
    periodStart: labelled(isoDate, "Från"),
    periodEnd: labelled(isoDate, "Till"),
  })
  .refine((q) => q.periodStart <= q.periodEnd, { message: "Perioden slutar före sin början.", path: ["periodEnd"] });
export type MemoQuery = z.infer<typeof memoQuery>;

/** A new entry of one of the kommun's lex Sarah lists; without an order, it goes last. */
export const listEntryInput = z.object({
  orgNodeId: labelled(z.uuid(), "Organisation"),
  list: labelled(z.enum(listKinds, `Listan ska vara en av ${listKinds.join(", ")}.`), "Lista"),
  code: labelled(listCode, "Kod"),
  name: listFields.name,
  sortOrder: listFields.sortOrder.optional(),
});
export const listEntryPatch = nonEmptyPatch(z.object(listFields).partial());
