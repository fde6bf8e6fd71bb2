// What the föreningsbidrag routes answer, in wire form. Browser-safe.
import { z } from "zod";
import { applicationStatuses, fulfilments } from "./vocabulary.ts";

const date = z.iso.date();
const round = z.union([z.literal(1), z.literal(2)]);

export const yearSummary = z.object({
  id: z.uuid(),
  year: z.number().int(),
  frameKronor: z.number().int(),
  reportDueOn: date,
  /** The first round's ansökningstid, both days included; null when the year has none. */
  applicationsOpenOn: date.nullable(),
  applicationsCloseOn: date.nullable(),
  applicationCount: z.number().int(),
  appliedKronor: z.number().int(),
  grantedKronor: z.number().int(),
  /** The frame less the granted sums: what a second round may share. */
  remainingKronor: z.number().int(),
});
export const yearsResponse = z.array(yearSummary);

const applicationSummary = z.object({
  id: z.uuid(),
  number: z.number().int(),
  round,
  association: z.string(),
  amountApplied: z.number().int(),
  receivedOn: date,
  status: z.enum(applicationStatuses),
  amountGranted: z.number().int().nullable(),
  /** Granted as a share of the amount applied, per cent with one decimal. */
  sharePercent: z.number().nullable(),
  /** Last year's grant to the same association has no återrapport. */
  missingReport: z.boolean(),
});

/** A row of the list for the committee memo: the decided applications. */
export const memoRow = z.object({
  association: z.string(),
  round,
  appliedKronor: z.number().int(),
  grantedKronor: z.number().int(),
  sharePercent: z.number(),
  reasons: z.string(),
});

export const sampleResponse = z.object({
  id: z.uuid(),
  seed: z.string(),
  size: z.number().int(),
  drawnBy: z.string().nullable(),
  drawnAt: z.string(),
  applications: z.array(z.object({ id: z.uuid(), number: z.number().int(), association: z.string() })),
});

export const yearResponse = yearSummary.extend({
  criteria: z.array(z.object({ id: z.uuid(), position: z.number().int(), text: z.string() })),
  applications: z.array(applicationSummary),
  /** Whether a second-round application may be registered now, and if not why. */
  secondRound: z.object({ open: z.boolean(), reason: z.string().nullable() }),
  memo: z.array(memoRow),
  samples: z.array(sampleResponse),
});

export const applicationResponse = applicationSummary.extend({
  year: z.object({ id: z.uuid(), year: z.number().int() }),
  purpose: z.string(),
  diarienummer: z.string().nullable(),
  /** The diarium case holding the application's documents, when its number is in the diarium. */
  caseId: z.uuid().nullable(),
  completionRequestedOn: date.nullable(),
  completionNote: z.string().nullable(),
  assessedOn: date.nullable(),
  assessmentNote: z.string().nullable(),
  assessments: z.array(
    z.object({
      criterionId: z.uuid(),
      text: z.string(),
      fulfilment: z.enum(fulfilments).nullable(),
      note: z.string().nullable(),
    }),
  ),
  decidedOn: date.nullable(),
  decisionReference: z.string().nullable(),
  reasons: z.string().nullable(),
  paidOn: date.nullable(),
  reportedOn: date.nullable(),
  /** The steps that may come next. */
  nextStatuses: z.array(z.enum(applicationStatuses)),
  /** What the frame has left for this application's decision (its own grant not counted). */
  remainingKronor: z.number().int(),
});
