// What the EVB routes answer, in wire form (camelCase keys, dates as ISO strings). The routes declare
// these schemas, the OpenAPI document shows them and the web client takes its types from them, so this
// module stays browser-safe: zod and the pure vocabularies only.
import { z } from "zod";
import { episodeKinds, reportKinds, statuses, waitingBands } from "./clock.ts";
import { laws } from "./report.ts";
import { answerSchema, codeKinds, delaySides, sexSchema } from "./schema.ts";

const int = z.number().int();
/** A count an aggregated view hides (null) when it is small enough to single someone out. */
const suppressed = int.nullable();
const date = z.iso.date();
const law = z.enum(laws);
const band = z.enum(waitingBands);
const organisation = z.object({ id: z.uuid(), name: z.string() });

// ---------- catalogue ----------

export const insats = z.object({
  id: z.uuid(),
  code: z.string(),
  law,
  lagrum: z.string(),
  name: z.string(),
  active: z.boolean(),
  sortOrder: int,
});

export const code = z.object({
  id: z.uuid(),
  kind: z.enum(codeKinds),
  code: z.string(),
  label: z.string(),
  side: z.enum(delaySides).nullable(),
  active: z.boolean(),
  sortOrder: int,
});

export const catalogueResponse = z.object({
  kommunId: z.uuid(),
  insatser: z.array(insats),
  delayReasons: z.array(code),
  closureReasons: z.array(code),
});

export const catalogueInstalled = z.object({ insatser: int, codes: int });

// ---------- register ----------

const codeRef = z.object({ code: z.string(), label: z.string() });

/** Where a decision stands on `asOf`: the open wait, its deadline and whether it is reportable to IVO. */
const clock = z.object({
  asOf: date,
  status: z.enum(statuses),
  statusLabel: z.string(),
  openKind: z.enum(episodeKinds).nullable(),
  openSince: date.nullable(),
  deadline: date.nullable(),
  reportable: z.boolean(),
  reportableSince: date.nullable(),
  daysWaited: int.nullable(),
  daysSinceDecision: int,
  band: band.nullable(),
  bandLabel: z.string().nullable(),
  nextReportingQuarter: z.string().nullable(),
  warning: z.boolean(),
});

const decisionSummary = z.object({
  id: z.uuid(),
  personId: z.string(),
  sex: sexSchema,
  protectedIdentity: z.boolean(),
  insats: z.object({ id: z.uuid(), name: z.string(), law, lagrum: z.string() }),
  decisionDate: date,
  executedDate: date.nullable(),
  closedDate: date.nullable(),
  closureReason: codeRef.nullable(),
  delayReason: codeRef.nullable(),
  reasonText: z.string().nullable(),
  interimSupport: z.string().nullable(),
  partsTotal: int,
  partsExecuted: int,
  orgNodeId: z.uuid(),
  unit: z.string(),
  partial: z.string().nullable(),
  offerCount: int,
  declinedOffers: int,
  interruptionCount: int,
  clock,
});

export const registerResponse = z.object({ asOf: date, decisions: z.array(decisionSummary) });

export const decisionResponse = decisionSummary.extend({
  canWrite: z.boolean(),
  offers: z.array(z.object({ id: z.uuid(), date, answer: answerSchema.nullable(), note: z.string().nullable() })),
  interruptions: z.array(
    z.object({
      id: z.uuid(),
      start: date,
      resumed: date.nullable(),
      reasonCode: z.string().nullable(),
      reasonLabel: z.string().nullable(),
      reasonText: z.string().nullable(),
    }),
  ),
  /** The decision's audit events and those of its offers and interruptions, newest first. */
  history: z.array(
    z.object({
      at: z.iso.datetime(),
      actor: z.string(),
      entity: z.string(),
      action: z.string(),
      changes: z.array(z.string()),
    }),
  ),
});

export const importResultResponse = z.object({
  rows: int,
  created: int,
  updated: int,
  unchanged: int,
  dryRun: z.boolean(),
});

// ---------- quarter report ----------

const ivoLine = z.object({
  decisionId: z.uuid(),
  kind: z.enum(reportKinds),
  kindLabel: z.string(),
  type: z.enum(episodeKinds),
  previouslyReported: z.boolean(),
  personId: z.string(),
  sex: sexSchema,
  protectedIdentity: z.boolean(),
  unit: z.string(),
  law,
  lagrum: z.string(),
  insats: z.string(),
  decisionDate: date,
  interruptionDate: date.nullable(),
  deadline: date,
  reportableSince: date,
  daysWaited: int,
  daysSinceDecision: int,
  reasonCode: z.string().nullable(),
  reasonLabel: z.string().nullable(),
  reasonText: z.string().nullable(),
  interimSupport: z.string().nullable(),
  partial: z.string().nullable(),
  offers: z.string(),
  declinedOffers: int,
  executedDate: date.nullable(),
  closedDate: date.nullable(),
  closureReason: z.string().nullable(),
  committeeReason: z.string(),
});

const committeeUnit = z.object({
  unit: z.string(),
  open: z.array(z.object({ decisionDate: date, law, insats: z.string(), reason: z.string() })),
  finished: z.array(
    z.object({
      decisionDate: date,
      law,
      insats: z.string(),
      outcome: z.enum(["Verkställt", "Avslutat"]),
      date,
      reason: z.string(),
      previouslyReported: z.boolean(),
    }),
  ),
});

const statisticsRow = z.object({
  law,
  insats: z.string(),
  sex: sexSchema,
  type: z.enum(episodeKinds),
  kind: z.enum(reportKinds),
  daysSinceDecision: int,
  daysWaited: int,
});

/** The report's counts, in full (`n` = int) or with small ones suppressed (`n` = int or null). */
function reportCounts<N extends z.ZodType>(n: N) {
  const tally = z.array(z.object({ key: z.string(), label: z.string(), count: n }));
  const bySex = z.object({ total: n, women: n, men: n });
  return {
    counts: z.object({
      totalOpen: n,
      ny: n,
      aterrapportering: n,
      verkstalld: n,
      avslutad: n,
      interruptions: n,
      byLaw: z.record(law, n),
      byInsats: tally,
      byUnit: tally,
      bySex: z.record(sexSchema, n),
      byBand: z.record(band, n),
      byReason: tally,
    }),
    open: bySex,
    finished: bySex,
    /** Days are withheld along with the counts of a group of fewer than three. */
    byInsats: z.array(
      z.object({
        law,
        lagrum: z.string(),
        insats: z.string(),
        count: n,
        women: n,
        men: n,
        averageDaysSinceDecision: n,
        longestDaysSinceDecision: n,
      }),
    ),
  };
}

const reportHead = {
  quarter: z.string(),
  periodStart: date,
  reportDate: date,
  organisation,
  /** The quarter is not over: facts may still change before its last day. */
  preliminary: z.boolean(),
};

const full = reportCounts(int);
const aggregate = reportCounts(suppressed);

/** Quarters a report can be made for, newest first ("2023Q4"). */
export const reportQuartersResponse = z.object({ quarters: z.array(z.string().regex(/^\d{4}Q[1-4]$/)) });

export const quarterReportResponse = z.discriminatedUnion("aggregated", [
  z.object({
    ...reportHead,
    aggregated: z.literal(false),
    counts: full.counts,
    /** One page of the IVO list (limit/offset of the request); ivoTotal lines in all. */
    ivo: z.array(ivoLine),
    ivoTotal: int,
    /** One page (limit/committeeOffset) of the committee's rows, per unit; committeeTotal rows in all. */
    committee: z.array(committeeUnit),
    committeeTotal: int,
    statistics: z.object({
      open: full.open,
      finished: full.finished,
      byInsats: full.byInsats,
      /** Pages from openRowsOffset and finishedRowsOffset, of openRowsTotal and finishedRowsTotal rows. */
      openRows: z.array(statisticsRow),
      openRowsTotal: int,
      finishedRows: z.array(statisticsRow),
      finishedRowsTotal: int,
    }),
  }),
  /** For a reader without read:personal on the node: counts only, small ones suppressed. */
  z.object({
    ...reportHead,
    aggregated: z.literal(true),
    counts: aggregate.counts,
    ivo: z.null(),
    ivoTotal: z.null(),
    committee: z.null(),
    committeeTotal: z.null(),
    statistics: z.object({
      open: aggregate.open,
      finished: aggregate.finished,
      byInsats: aggregate.byInsats,
      openRows: z.null(),
      openRowsTotal: z.null(),
      finishedRows: z.null(),
      finishedRowsTotal: z.null(),
    }),
  }),
]);

// ---------- dashboard ----------

const wait = z.object({
  decisionId: z.uuid(),
  unit: z.string(),
  law,
  insats: z.string(),
  sex: sexSchema,
  type: z.enum(episodeKinds),
  start: date,
  deadline: date,
  overdueFrom: date,
  daysWaited: int,
  reportable: z.boolean(),
  partial: z.string().nullable(),
});

/** Open waits grouped by law, insats, unit or sex, in full or with small counts suppressed. */
const breakdown = <N extends z.ZodType>(n: N) =>
  z.array(z.object({ key: z.string(), count: n, reportable: n, byBand: z.record(band, n) }));

function dashboardCounts<N extends z.ZodType>(n: N) {
  return {
    asOf: date,
    nextReportDate: date,
    organisation,
    open: n,
    reportable: n,
    earlyWarningCount: n,
    byBand: z.record(band, n),
    byLaw: breakdown(n),
    byInsats: breakdown(n),
    byUnit: breakdown(n),
    bySex: breakdown(n),
  };
}

export const dashboardResponse = z.discriminatedUnion("aggregated", [
  z.object({
    ...dashboardCounts(int),
    aggregated: z.literal(false),
    earlyWarnings: z.array(wait.extend({ daysLeft: int })),
    longestWaits: z.array(wait.extend({ band, warning: z.boolean() })),
  }),
  /** For a reader without read:personal on the node: no row per decision, small counts suppressed. */
  z.object({
    ...dashboardCounts(suppressed),
    aggregated: z.literal(true),
    earlyWarnings: z.null(),
    longestWaits: z.null(),
  }),
]);
