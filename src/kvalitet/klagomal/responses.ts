// What the synpunkter routes answer, in wire form. Browser-safe: zod and the pure vocabularies only.
import { z } from "zod";
import { answerStatuses, categories, channels, complaintTypes, senderTypes } from "./vocabulary.ts";

const int = z.number().int();
const date = z.iso.date();
const organisation = z.object({ id: z.uuid(), name: z.string() });
const byCategory = z.object(
  Object.fromEntries(categories.map((c) => [c, int])) as Record<(typeof categories)[number], typeof int>,
);
const counted = z.array(z.object({ code: z.string(), name: z.string(), count: int }));

/** What whoever registers gets back: no record (they may not read synpunkter), only that it arrived. */
export const registeredResponse = z.object({
  id: z.uuid(),
  receivedOn: date,
  /** Said when a personnummer was masked in the free text. */
  warnings: z.array(z.string()),
});

const listed = {
  id: z.uuid(),
  unit: organisation,
  receivedOn: date,
  channel: z.enum(channels),
  senderType: z.enum(senderTypes),
  type: z.enum(complaintTypes),
  category: z.enum(categories).nullable(),
  anonymous: z.boolean(),
  political: z.boolean(),
  dnr: z.string().nullable(),
  summary: z.string(),
  answeredOn: date.nullable(),
  closedOn: date.nullable(),
  /** The last day for an answer in time under the 10-day rule. */
  answerDueOn: date,
  answerStatus: z.enum(answerStatuses),
};

export const complaintResponse = z.object({
  ...listed,
  area: organisation.nullable(),
  acknowledgedOn: date.nullable(),
  answer: z.string().nullable(),
  measures: z.string().nullable(),
  /** The reader may handle it (write:kvalitet on its unit). */
  canWrite: z.boolean(),
  warnings: z.array(z.string()),
});

export const complaintsResponse = z.object({ total: int, complaints: z.array(z.object(listed)) });

/** The nämnd's standing item "synpunkter och klagomål": every one received in the period, oldest first. */
export const periodResponse = z.object({
  organisation,
  periodStart: date,
  periodEnd: date,
  complaints: z.array(z.object({ ...listed, answer: z.string().nullable() })),
});

const answers = z.object({
  inTime: int,
  late: int,
  overdue: int,
  pending: int,
  anonymous: int,
  /** Of those whose answer was due; null when none was. */
  inTimeShare: z.number().nullable(),
});

export const complaintStatistics = z.object({
  diarium: z.object({
    total: int,
    klagomal: int,
    previousYearKlagomal: int,
    byUnitAndCategory: z.object({
      rows: z.array(z.object({ id: z.uuid(), name: z.string(), byCategory, total: int })),
      totals: z.object({ byCategory, total: int }),
    }),
    byType: counted,
    byChannel: counted,
    answers,
  }),
  kommentaren: z.object({
    total: int,
    byType: counted,
    anonymous: int,
    political: int,
    notAnsweredInTime: int,
    answers,
  }),
});

export const complaintStatisticsResponse = complaintStatistics.extend({
  organisation,
  year: int,
  asOf: date,
});
