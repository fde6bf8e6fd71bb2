// The three-month clock for gynnande beslut under SoL (16 kap. 6 f §) and LSS (28 f §). Pure functions.
//
// The rule, decided and documented in docs/evb.md:
// - The deadline is the decision date plus three calendar months, counted as Swedish law counts months
//   (same day number, or the last day of a shorter month): 2023-11-30 → 2024-02-29, 2023-08-31 → 2023-11-30.
// - "Within three months" includes the deadline day itself: executed on the deadline is in time.
//   The decision becomes reportable the day after the deadline (overdueFrom) if it is still open then.
// - An interruption of an executed decision starts a new clock on the interruption date; resumption ends it.
// - Offers, declined or not, do not stop any clock. A partly executed decision stays open until fully executed.
// - Closure (återtagen ansökan, avliden …) ends whatever clock is running.
// - Facts dated after the date asked about are not yet known then, so any quarter can be recomputed later.

import { addDays, addMonths, daysBetween, maxDate, type Quarter, quarterOf } from "../platform/calendar.ts";

export const DEADLINE_MONTHS = 3;

export type Interruption = { start: string; resumed: string | null };

/** What the register knows about a decision, as the clock needs it. */
export type DecisionFacts = {
  decisionDate: string;
  executedDate: string | null;
  closedDate: string | null;
  interruptions: readonly Interruption[];
};

export const episodeKinds = ["beslut", "avbrott"] as const;
export type EpisodeKind = (typeof episodeKinds)[number];
export const episodeEndings = ["verkstalld", "aterupptagen", "avslutad"] as const;
export type EpisodeEnding = (typeof episodeEndings)[number];

/** One stretch of time in which the person waits for the insats: before first execution, or an interruption. */
export type Episode = {
  kind: EpisodeKind;
  start: string;
  /** Last day on which ending the wait is still in time. */
  deadline: string;
  /** First day the wait is reportable to IVO if still open. */
  overdueFrom: string;
  end: string | null;
  ending: EpisodeEnding | null;
};

export const deadlineFor = (start: string) => addMonths(start, DEADLINE_MONTHS);
export const overdueFromFor = (start: string) => addDays(deadlineFor(start), 1);

const known = (date: string | null, asOf: string) => (date !== null && date <= asOf ? date : null);

function episode(kind: EpisodeKind, start: string, ends: [string | null, EpisodeEnding][]): Episode {
  let end: string | null = null;
  let ending: EpisodeEnding | null = null;
  for (const [date, how] of ends) {
    if (date !== null && (end === null || date < end)) {
      end = date;
      ending = how;
    }
  }
  return { kind, start, deadline: deadlineFor(start), overdueFrom: overdueFromFor(start), end, ending };
}

/** The waits of a decision as known on `asOf`, in time order; empty before the decision exists. */
export function episodesAsOf(facts: DecisionFacts, asOf: string): Episode[] {
  if (facts.decisionDate > asOf) return [];
  const executed = known(facts.executedDate, asOf);
  const closed = known(facts.closedDate, asOf);
  const result = [
    episode("beslut", facts.decisionDate, [
      [executed, "verkstalld"],
      [closed, "avslutad"],
    ]),
  ];
  if (executed === null) return result;
  const interruptions = facts.interruptions
    .filter((i) => i.start <= asOf && i.start >= executed && (closed === null || i.start <= closed))
    .toSorted((a, b) => a.start.localeCompare(b.start));
  for (const i of interruptions) {
    result.push(
      episode("avbrott", i.start, [
        [known(i.resumed, asOf), "aterupptagen"],
        [closed, "avslutad"],
      ]),
    );
  }
  return result;
}

export const statuses = ["vantar", "verkstalld", "avbrott", "avslutad"] as const;
export type Status = (typeof statuses)[number];

export const statusLabels: Record<Status, string> = {
  vantar: "Ej verkställt",
  verkstalld: "Verkställt",
  avbrott: "Avbrott",
  avslutad: "Avslutat",
};

export type WaitingBand = "under3" | "3-6" | "6-12" | "over12";
export const waitingBands: readonly WaitingBand[] = ["under3", "3-6", "6-12", "over12"];
export const waitingBandLabels: Record<WaitingBand, string> = {
  under3: "< 3 mån",
  "3-6": "3–6 mån",
  "6-12": "6–12 mån",
  over12: "> 12 mån",
};

/** The last days of a wait's first three bands: its start plus 3, 6 and 12 months. */
export const bandEnds = (start: string) =>
  [addMonths(start, 3), addMonths(start, 6), addMonths(start, 12)] as [string, string, string];

/** Months waited, banded with the same inclusive month rule as the deadline (the deadline day is still "< 3"). */
export function waitingBand(start: string, asOf: string): WaitingBand {
  const ends = bandEnds(start);
  const index = ends.findIndex((end) => asOf <= end);
  return waitingBands[index < 0 ? 3 : index] as WaitingBand;
}

export type ClockState = {
  asOf: string;
  status: Status;
  /** The open wait, if any. */
  open: Episode | null;
  /** Open and past its deadline: must be (re)reported to IVO. */
  reportable: boolean;
  reportableSince: string | null;
  daysWaited: number | null;
  daysSinceDecision: number;
  band: WaitingBand | null;
  /** The quarter whose report will carry this wait if it stays open. */
  nextReportingQuarter: Quarter | null;
};

/** Where a decision stands on `asOf` (which must not precede the decision date). */
export function clockAt(facts: DecisionFacts, asOf: string): ClockState {
  const all = episodesAsOf(facts, asOf);
  const last = all.at(-1);
  if (!last) throw new Error(`Decision of ${facts.decisionDate} does not exist on ${asOf}`);
  const open = last.end === null ? last : null;
  const status: Status = open
    ? open.kind === "beslut"
      ? "vantar"
      : "avbrott"
    : last.ending === "avslutad"
      ? "avslutad"
      : "verkstalld";
  const reportable = open !== null && open.overdueFrom <= asOf;
  return {
    asOf,
    status,
    open,
    reportable,
    reportableSince: reportable && open ? open.overdueFrom : null,
    daysWaited: open ? daysBetween(open.start, asOf) : null,
    daysSinceDecision: daysBetween(facts.decisionDate, asOf),
    band: open ? waitingBand(open.start, asOf) : null,
    nextReportingQuarter: open ? quarterOf(maxDate(open.overdueFrom, asOf)) : null,
  };
}

/** How far ahead the dashboard warns of decisions about to pass three months. */
export const EARLY_WARNING_DAYS = 30;

/** The last day a wait may become reportable on and still be warned of on `asOf`. */
export const earlyWarningUntil = (asOf: string) => addDays(asOf, EARLY_WARNING_DAYS);

/** Open, not yet overdue, and overdue within `days` days: the early warning. */
export function becomesReportableWithin(state: ClockState, days: number): boolean {
  return state.open !== null && !state.reportable && state.open.overdueFrom <= addDays(state.asOf, days);
}

export type ReportKind = "ny" | "aterrapportering" | "verkstalld" | "avslutad";
export const reportKinds: readonly ReportKind[] = ["ny", "aterrapportering", "verkstalld", "avslutad"];
export const reportKindLabels: Record<ReportKind, string> = {
  ny: "Ny",
  aterrapportering: "Återrapportering",
  verkstalld: "Verkställd",
  avslutad: "Avslutad",
};

export type ReportLine = {
  kind: ReportKind;
  episode: Episode;
  /** Open and reportable on the previous quarter's last day, i.e. already in last quarter's report. */
  previouslyReported: boolean;
};

/**
 * What the quarter's report says about one decision, as of the quarter's last day:
 * - ny: open and overdue now, not yet overdue at the end of the previous quarter;
 * - aterrapportering: open and overdue at both quarter ends;
 * - verkstalld / avslutad: a wait that ended during the quarter after its deadline (executed or resumed
 *   late, or closed late), whether or not an earlier quarter already carried it.
 */
export function reportLines(facts: DecisionFacts, period: { start: string; end: string }): ReportLine[] {
  const previousEnd = addDays(period.start, -1);
  const lines: ReportLine[] = [];
  for (const e of episodesAsOf(facts, period.end)) {
    const previouslyReported =
      e.overdueFrom <= previousEnd && e.start <= previousEnd && (e.end === null || e.end > previousEnd);
    if (e.end === null) {
      if (e.overdueFrom <= period.end) {
        lines.push({ kind: previouslyReported ? "aterrapportering" : "ny", episode: e, previouslyReported });
      }
    } else if (e.end >= period.start && e.end > e.deadline) {
      lines.push({ kind: e.ending === "avslutad" ? "avslutad" : "verkstalld", episode: e, previouslyReported });
    }
  }
  return lines;
}
