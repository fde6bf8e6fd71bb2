import { z } from "zod";
import { isoDate, listCode } from "../schema.ts";
import {
  caseStatuses,
  consequences,
  entryKinds,
  findings,
  GIST_MAX,
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
  noticedOn: isoDate,
  occurredOn: isoDate.nullish(),
  gist,
  category: listCode,
  route,
  brist: z.boolean().nullish(),
  consequence: consequence.nullish(),
  recurrence: recurrence.nullish(),
  causes: codes.default([]),
  measures: codes.default([]),
  /** The händelse the case was escalated from. */
  eventId: z.uuid().nullish(),
};

export const registerInput = z.object({ orgNodeId: z.uuid(), reportedOn: isoDate, ...caseFields });
export type RegisterInput = z.infer<typeof registerInput>;

/** Each field left out stays as it is; null clears it. The report date (and so the number) is fixed. */
export const casePatch = z.object({ ...caseFields, causes: codes, measures: codes }).partial();
export type CasePatch = z.infer<typeof casePatch>;

export const entryInput = z.object({
  entryDate: isoDate,
  item: listCode,
  source: z.string().trim().min(1, "Ange källan.").max(300, "Högst 300 tecken."),
  kind: z.enum(entryKinds, "Ange fakta eller bedomning."),
  text: z.string().trim().min(1, "Skriv uppgiften.").max(TEXT_MAX, `Högst ${TEXT_MAX} tecken.`),
});
export type EntryInput = z.infer<typeof entryInput>;

export const decideInput = z.object({
  decidedOn: isoDate,
  outcome,
  finding: finding.nullish(),
  /** Other cases decided together with this one (one line in the memo). */
  together: z.array(z.uuid()).max(20, "Högst 20 ärenden beslutas tillsammans.").default([]),
});
export type DecideInput = z.infer<typeof decideInput>;

/** Each field left out stays as it is; null clears the date or the reference. */
export const ivoPatch = z
  .object({
    formDone: z.boolean(),
    investigationAttached: z.boolean(),
    sentOn: isoDate.nullable(),
    reference: z.string().trim().min(1).max(100).nullable(),
  })
  .partial();
export type IvoPatch = z.infer<typeof ivoPatch>;

export const casesQuery = z.object({
  orgNodeId: z.uuid(),
  /** Report year. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(caseStatuses).optional(),
  outcome: outcome.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type CasesQuery = z.infer<typeof casesQuery>;

export const memoQuery = z
  .object({ orgNodeId: z.uuid(), periodStart: isoDate, periodEnd: isoDate })
  .refine((q) => q.periodStart <= q.periodEnd, { message: "Perioden slutar före sin början.", path: ["periodEnd"] });
export type MemoQuery = z.infer<typeof memoQuery>;
