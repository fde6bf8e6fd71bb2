// What the lex Sarah routes answer, in wire form. Browser-safe: zod and the pure vocabularies only.
import { z } from "zod";
import {
  caseStatuses,
  consequences,
  entryKinds,
  findings,
  listKinds,
  outcomes,
  recurrenceRisks,
  reportRoutes,
} from "./vocabulary.ts";

const int = z.number().int();
const date = z.iso.date();
const organisation = z.object({ id: z.uuid(), name: z.string() });
const named = z.object({ code: z.string(), name: z.string() });
/** Cases per outcome, A, B and C in that order (a list: the outcomes are no camelCase keys). */
const byOutcome = z.array(z.object({ outcome: z.enum(outcomes), count: int }));

const listEntry = named.extend({ id: z.uuid(), active: z.boolean() });
/** One entry as an admin changed it. */
export const listEntryResponse = listEntry.extend({ list: z.enum(listKinds), sortOrder: int });
export const listsResponse = z.object({
  kommunId: z.uuid(),
  categories: z.array(listEntry),
  causes: z.array(listEntry),
  measures: z.array(listEntry),
  items: z.array(listEntry),
});

export const casesResponse = z.object({
  total: int,
  cases: z.array(
    z.object({
      id: z.uuid(),
      number: z.string(),
      unit: organisation,
      reportedOn: date,
      gist: z.string(),
      category: z.string(),
      status: z.enum(caseStatuses),
      outcome: z.enum(outcomes).nullable(),
      decidedOn: date.nullable(),
      /** An anmälan to IVO not sent "snarast" (see rules.ts IVO_SNARAST_DAYS). */
      ivoOverdue: z.boolean(),
    }),
  ),
});

export const ivoResponse = z.object({
  formDone: z.boolean(),
  investigationAttached: z.boolean(),
  sentOn: date.nullable(),
  reference: z.string().nullable(),
  /** Send by this day to be "snarast". */
  dueBy: date,
  overdue: z.boolean(),
});

export const caseResponse = z.object({
  id: z.uuid(),
  number: z.string(),
  reportYear: int,
  namnd: organisation,
  unit: organisation,
  area: organisation.nullable(),
  reportedOn: date,
  noticedOn: date,
  occurredOn: date.nullable(),
  gist: z.string(),
  category: named,
  route: z.enum(reportRoutes),
  brist: z.boolean().nullable(),
  consequence: z.enum(consequences).nullable(),
  recurrence: z.enum(recurrenceRisks).nullable(),
  causes: z.array(named),
  measures: z.array(named),
  eventId: z.uuid().nullable(),
  status: z.enum(caseStatuses),
  entries: z.array(
    z.object({
      id: z.uuid(),
      entryDate: date,
      item: named,
      source: z.string(),
      kind: z.enum(entryKinds),
      author: z.string(),
      text: z.string(),
    }),
  ),
  decision: z
    .object({
      id: z.uuid(),
      decidedOn: date,
      outcome: z.enum(outcomes),
      finding: z.enum(findings).nullable(),
      /** Every case the decision covers, this one included. */
      cases: z.array(z.object({ id: z.uuid(), number: z.string() })),
      ivo: ivoResponse.nullable(),
    })
    .nullable(),
  /** The reader may change it (write:kvalitet on its unit). */
  canWrite: z.boolean(),
  /** Said when a personnummer was masked in the free text. */
  warnings: z.array(z.string()),
});

export const memoResponse = z.object({
  namnd: organisation,
  periodStart: date,
  periodEnd: date,
  reportsByMonth: z.array(z.object({ month: z.string(), name: z.string(), count: int })),
  reports: int,
  decided: int,
  listA: z.array(z.object({ numbers: z.array(z.string()), text: z.string() })),
  listB: z.array(z.object({ numbers: z.array(z.string()), text: z.string() })),
  ivoCases: int,
});

/** Counts only, for every reader of the statistics: reports by report year, decisions by decision year. */
export const lexSarahStatistics = z.object({
  year: int,
  reports: int,
  previousYearReports: int,
  decided: int,
  byOutcome,
  byArea: z.array(z.object({ id: z.uuid().nullable(), name: z.string(), reports: int, decided: int, byOutcome })),
});
