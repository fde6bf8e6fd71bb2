// What the joint view and the trends answer, in wire form. Browser-safe. A count a reader without record
// access may not see exactly is "<5" (small) or ".." (hidden so that a small one cannot be worked out).
import { z } from "zod";
import { categories } from "../klagomal/vocabulary.ts";
import { atgardStatuses } from "../kvalitetsplan/vocabulary.ts";
import { outcomes } from "../lex-sarah/vocabulary.ts";
import { inspectionStatuses, yttrandeStatuses } from "../tillsyn/vocabulary.ts";
import { eventStatuses, typeGroups } from "../vocabulary.ts";
import { SMALL_COUNT_LABEL, SUPPRESSED_LABEL } from "./small-counts.ts";

const int = z.number().int();
const date = z.iso.date();
const named = z.object({ id: z.uuid(), name: z.string() });
const shown = z.union([int.min(0), z.literal(SMALL_COUNT_LABEL), z.literal(SUPPRESSED_LABEL)]);
const share = z.number().min(0).max(1).nullable();

const handelser = z.object({
  total: shown,
  byStatus: z.array(z.object({ status: z.enum(eventStatuses), count: shown })),
  byType: z.array(z.object({ code: z.string(), name: z.string(), group: z.enum(typeGroups), count: shown })),
  openOlderThan: z.object({
    days: int,
    count: shown,
    oldestDays: int,
    /** Null for a reader without record access. */
    list: z
      .array(
        z.object({
          id: z.uuid(),
          unit: named,
          reportedOn: date,
          status: z.enum(eventStatuses),
          summary: z.string(),
          ageDays: int,
        }),
      )
      .nullable(),
  }),
});

const lexSarah = z.object({
  reports: shown,
  decided: shown,
  byOutcome: z.array(z.object({ outcome: z.enum(outcomes), count: shown })),
  open: z.object({
    count: shown,
    oldestDays: int.nullable(),
    list: z
      .array(
        z.object({ id: z.uuid(), number: z.string(), unit: named, reportedOn: date, gist: z.string(), ageDays: int }),
      )
      .nullable(),
  }),
  ivoPending: z.object({
    count: shown,
    overdue: shown,
    list: z
      .array(z.object({ id: z.uuid(), decidedOn: date, dueBy: date, overdue: z.boolean(), cases: z.array(z.string()) }))
      .nullable(),
  }),
});

const klagomal = z.object({
  received: shown,
  byCategory: z.array(z.object({ category: z.enum(categories), count: shown })),
  answeredInTime: shown,
  late: shown,
  notYetDue: shown,
  anonymous: shown,
  inTimeShare: share,
  otherSynpunkter: shown,
  kommentaren: shown,
});

const risks = z.object({
  year: int,
  total: int,
  byLevel: z.array(z.object({ level: z.string(), count: int, colour: z.string() })),
  high: z.array(
    z.object({
      id: z.uuid(),
      unit: named,
      nr: int,
      description: z.string(),
      value: int,
      level: z.string(),
      colour: z.string(),
    }),
  ),
});

const atgarder = z.object({
  open: int,
  overdue: int,
  list: z.array(
    z.object({
      id: z.uuid(),
      unit: named,
      linkedTo: z.string(),
      text: z.string(),
      owner: z.string(),
      deadline: date.nullable(),
      /** The status on the period's last day; null when it was changed after that day (it was open then). */
      status: z.enum(atgardStatuses).nullable(),
      overdue: z.boolean(),
      daysOverdue: int,
    }),
  ),
});

const inspection = z.object({
  id: z.uuid(),
  unit: named,
  type: z.string(),
  month: z.string(),
  ivoDnr: z.string().nullable(),
});

const tillsyn = z.object({
  open: int,
  yttrandenAwaited: int,
  yttrandenOverdue: int,
  list: z
    .array(
      inspection.extend({
        status: z.enum(inspectionStatuses),
        yttrandeDueOn: date.nullable(),
        yttrandeRepliedOn: date.nullable(),
        yttrandeStatus: z.enum(yttrandeStatuses),
      }),
    )
    .nullable(),
  /** Closed in the period (by its last day or today), whenever begun. */
  closed: int,
  closedList: z
    .array(inspection.extend({ decisionOn: date.nullable(), findings: z.string().nullable(), closedOn: date }))
    .nullable(),
});

export const overviewResponse = z.object({
  organisation: named.extend({ kind: z.string() }),
  period: z.object({ start: date, end: date }),
  /** The day open things are judged on: the period's last day, or today while it runs. */
  asOf: date,
  /** Whether the reader sees records and exact small counts (read:kvalitet on the node). */
  recordAccess: z.boolean(),
  handelser,
  lexSarah,
  klagomal,
  risks,
  atgarder,
  tillsyn,
});

export const trendsResponse = z.object({
  organisation: named.extend({ kind: z.string() }),
  years: z.array(int),
  recordAccess: z.boolean(),
  handelser: z.array(z.object({ year: int, quarter: int, total: shown, byGroup: z.record(z.enum(typeGroups), shown) })),
  lexSarah: z.array(
    z.object({
      year: int,
      reports: shown,
      decided: shown,
      byOutcome: z.array(z.object({ outcome: z.enum(outcomes), count: shown })),
    }),
  ),
  klagomal: z.array(
    z.object({
      year: int,
      total: shown,
      byCategory: z.array(z.object({ category: z.enum(categories), count: shown })),
      inTimeShare: share,
    }),
  ),
  atgarder: z.array(z.object({ year: int, quarter: int, open: int.nullable() })),
});
