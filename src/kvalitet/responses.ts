// What the Kvalitet routes answer, in wire form (camelCase keys, dates as ISO strings). Browser-safe: zod
// and the pure vocabularies only; the web client takes its types from here.
import { z } from "zod";
import { complaintStatistics } from "./klagomal/responses.ts";
import { lexSarahStatistics } from "./lex-sarah/responses.ts";
import { eventKinds, eventStatuses, typeGroups, workCategories } from "./vocabulary.ts";

const int = z.number().int();
const date = z.iso.date();
const organisation = z.object({ id: z.uuid(), name: z.string() });
const quarters = z.tuple([int, int, int, int]);
const countsByCode = z.record(z.string(), int);

// ---------- the kommun's lists ----------

export const eventType = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  group: z.enum(typeGroups),
  active: z.boolean(),
  sortOrder: int,
});

export const cause = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  active: z.boolean(),
  sortOrder: int,
});

export const listsResponse = z.object({ kommunId: z.uuid(), types: z.array(eventType), causes: z.array(cause) });
export const listsInstalled = z.object({ types: int, causes: int });

// ---------- händelser ----------

/** What a reporter gets back: no record (they may not read händelser), only that it arrived. */
export const reportedResponse = z.object({
  id: z.uuid(),
  reportedOn: date,
  status: z.enum(eventStatuses),
  /** Said when a personnummer was masked in the free text. */
  warnings: z.array(z.string()),
});

// ---------- the import of a file ----------

/** What an import wrote (or, in a preview, would write). */
export const importResultResponse = z.object({
  rows: int,
  avvikelser: int,
  arbetsmiljo: int,
  /** Händelser whose free text had a personnummer masked. */
  masked: int,
});

/** A preview: nothing written; every rejected row with its problems, the first accepted ones as they would be saved. */
export const importPreviewResponse = importResultResponse.extend({
  rejected: int,
  rows: int,
  lines: z.array(
    z.object({
      row: int,
      unit: z.string(),
      kind: z.string(),
      occurredOn: z.string(),
      /** The status it would get; null for a rejected row. */
      status: z.enum(eventStatuses).nullable(),
      problems: z.array(z.object({ field: z.string(), message: z.string() })),
    }),
  ),
});

export const eventResponse = z.object({
  id: z.uuid(),
  kind: z.enum(eventKinds),
  category: z.enum(workCategories).nullable(),
  unit: organisation,
  area: organisation.nullable(),
  occurredOn: date,
  noticedOn: date,
  reportedOn: date,
  whatHappened: z.string(),
  immediateAction: z.string().nullable(),
  status: z.enum(eventStatuses),
  types: z.array(z.object({ code: z.string(), name: z.string(), group: z.enum(typeGroups) })),
  causes: z.array(z.object({ code: z.string(), name: z.string() })),
  investigation: z.string().nullable(),
  measures: z.string().nullable(),
  closedOn: date.nullable(),
  lexSarahOn: date.nullable(),
  masOn: date.nullable(),
  /** Days since the report, up to the closing or today. */
  ageDays: int,
  /** The reader may classify, investigate and close it (write:kvalitet on its unit). */
  canWrite: z.boolean(),
  warnings: z.array(z.string()),
});

export const eventsResponse = z.object({
  total: int,
  events: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(eventKinds),
      category: z.enum(workCategories).nullable(),
      unit: organisation,
      occurredOn: date,
      reportedOn: date,
      status: z.enum(eventStatuses),
      types: z.array(z.string()),
      /** The start of what happened. */
      summary: z.string(),
      ageDays: int,
      escalated: z.boolean(),
    }),
  ),
});

// ---------- statistics ----------

const counted = z.object({ code: z.string(), name: z.string(), count: int, byQuarter: quarters, previousYear: int });

export const statisticsResponse = z.object({
  organisation,
  year: int,
  asOf: date,
  avvikelser: z.object({
    total: int,
    previousYearTotal: int,
    byQuarter: quarters,
    /** Open on the year's last day, or on `asOf` in a year not over (reported by then, not closed by then). */
    openAtYearEnd: int,
    byArea: z.array(
      z.object({
        id: z.uuid().nullable(),
        name: z.string(),
        count: int,
        byQuarter: quarters,
        byType: countsByCode,
        byCause: countsByCode,
      }),
    ),
    byUnit: z.array(z.object({ id: z.uuid(), name: z.string(), area: z.string().nullable(), count: int })),
    byType: z.array(counted.extend({ group: z.enum(typeGroups) })),
    byCause: z.array(counted),
  }),
  openOlderThan: z.object({
    days: int,
    asOf: date,
    count: int,
    byUnit: z.array(z.object({ id: z.uuid(), name: z.string(), count: int, oldestDays: int })),
  }),
  quietUnits: z.object({
    max: int,
    units: z.array(z.object({ id: z.uuid(), name: z.string(), area: z.string().nullable(), count: int })),
  }),
  arbetsmiljo: z.array(
    z.object({
      year: int,
      total: int,
      byCategory: z.object({ riskobservation: int, tillbud: int, olycksfall: int }),
    }),
  ),
  /** Synpunkter och klagomål received in the year (the diarium's and Kommentaren's apart). */
  klagomal: complaintStatistics,
  /** Lex Sarah: reports by report year, decisions and outcomes by decision year. */
  lexSarah: lexSarahStatistics,
});
