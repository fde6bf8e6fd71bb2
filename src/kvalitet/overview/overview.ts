// The joint view of one org node (a unit, or an area or nämnd and everything under it) for a period: what
// the kvalitetsberättelse and the enhetschef need from händelser, lex Sarah, klagomål, the kvalitetsplan's
// risks, open åtgärder and IVO-tillsyn. Pure: the service loads, these functions count, place dates in the
// period and decide what a reader without record access sees (small-counts.ts).
//
// Dates: a period includes both its first and last day. "Open" is judged on `asOf`, the period's last day
// or today when the period has not ended: a case open at the end of 2023 is open in the view of 2023 even
// if it was decided in 2024.

import { addDays, daysBetween } from "../../platform/calendar.ts";
import type { FieldProblem } from "../../platform/validation.ts";
import { answersOf, type Counted, isKommentaren } from "../klagomal/statistics.ts";
import { type Category, categories } from "../klagomal/vocabulary.ts";
import type { AtgardStatus } from "../kvalitetsplan/vocabulary.ts";
import { formatCaseNumber, IVO_SNARAST_DAYS, ivoOverdue } from "../lex-sarah/rules.ts";
import { type Outcome, outcomes } from "../lex-sarah/vocabulary.ts";
import { assess, countByLevel, type RiskScale } from "../risk/risk.ts";
import { type EventDates, statusOn } from "../rules.ts";
import { type Node, type OpenCount, openOlderThan } from "../statistics.ts";
import { inspectionOpenOn, yttrandeStatus } from "../tillsyn/rules.ts";
import type { InspectionStatus, YttrandeStatus } from "../tillsyn/vocabulary.ts";
import { eventStatuses, type TypeGroup } from "../vocabulary.ts";
import { type Shown, shownCount, shownParts, shownShare } from "./small-counts.ts";

export type Period = { start: string; end: string };

/** Open händelser older than this many days are listed unless the reader asks for another limit. */
export const DEFAULT_OPEN_DAYS = 30;
/** At most this many records per list: the oldest first, the count says how many there are in all. */
export const LIST_LIMIT = 50;

// ---------------------------------------------------------------- the period

/**
 * The period asked for, with the defaults "this year so far": without an end, today; without a start, the
 * first of January of the end's year. An end before the start is refused, naming periodEnd.
 */
export function periodOf(
  q: { periodStart?: string; periodEnd?: string },
  today: string,
): { period: Period; problems: FieldProblem[] } {
  const end = q.periodEnd ?? today;
  const start = q.periodStart ?? `${end.slice(0, 4)}-01-01`;
  const problems =
    end < start ? [{ field: "periodEnd", message: `Periodens slut (${end}) ligger före dess början (${start}).` }] : [];
  return { period: { start, end }, problems };
}

/** The day open things are judged on: the period's last day, or today while the period runs. */
export const asOfOf = (period: Period, today: string) => (period.end < today ? period.end : today);

export const inPeriod = (date: string, period: Period) => date >= period.start && date <= period.end;

const sum = (ns: readonly number[]) => ns.reduce((a, b) => a + b, 0);

// ---------------------------------------------------------------- händelser

/**
 * Avvikelser that occurred on one day, per dated transitions (the status on asOf follows from them), and
 * per type, multi-select, for the type counts.
 */
export type DayTransitionCount = EventDates & { day: string; count: number };
export type DayTypeCount = { day: string; code: string; count: number };
export type ListedType = { code: string; name: string; group: TypeGroup };
/** An avvikelse open on asOf, as the list shows it to a reader with record access (its status is asOf's). */
export type OpenEvent = EventDates & {
  id: string;
  unit: { id: string; name: string };
  reportedOn: string;
  summary: string;
};

export function handelserSection(input: {
  period: Period;
  asOf: string;
  openDays: number;
  recordAccess: boolean;
  days: readonly DayTransitionCount[];
  typeDays: readonly DayTypeCount[];
  types: readonly ListedType[];
  units: readonly Node[];
  openCounts: readonly OpenCount[];
  /** The oldest avvikelser open on asOf (at most LIST_LIMIT); only those older than openDays are listed. */
  openEvents: readonly OpenEvent[];
}) {
  const { period, asOf, openDays, recordAccess } = input;
  const days = input.days.filter((d) => inPeriod(d.day, period));
  // Each day's records at the status they had on asOf: one closed after the period was open at its end.
  const on = days.map((d) => ({ status: statusOn(d, asOf), count: d.count }));
  const byStatus = eventStatuses.map((status) => sum(on.filter((d) => d.status === status).map((d) => d.count)));
  const total = sum(byStatus);
  const shownStatus = shownParts(byStatus, total, recordAccess);
  const typeDays = input.typeDays.filter((d) => inPeriod(d.day, period));
  const old = openOlderThan(input.openCounts, input.units, asOf, openDays);
  const listed = input.openEvents
    .map((e) => ({
      id: e.id,
      unit: e.unit,
      reportedOn: e.reportedOn,
      status: statusOn(e, asOf),
      summary: e.summary,
      ageDays: daysBetween(e.reportedOn, asOf),
    }))
    .filter((e) => e.ageDays > openDays);
  return {
    total: shownCount(total, recordAccess),
    byStatus: eventStatuses.map((status, i) => ({ status, count: shownStatus[i] as Shown })),
    byType: input.types.map((t) => ({
      code: t.code,
      name: t.name,
      group: t.group,
      count: shownCount(sum(typeDays.filter((d) => d.code === t.code).map((d) => d.count)), recordAccess),
    })),
    openOlderThan: {
      days: openDays,
      count: shownCount(old.count, recordAccess),
      oldestDays: old.byUnit.reduce((max, u) => Math.max(max, u.oldestDays), 0),
      list: recordAccess ? listed : null,
    },
  };
}

// ---------------------------------------------------------------- lex Sarah

/** A lex Sarah case reported by the period's end and not decided before its start. */
export type OverviewCase = {
  id: string;
  unit: { id: string; name: string };
  reportYear: number;
  number: number;
  reportedOn: string;
  gist: string;
  decisionId: string | null;
  decidedOn: string | null;
  outcome: Outcome | null;
  ivoSentOn: string | null;
};

const openOn = (c: OverviewCase, asOf: string) => c.reportedOn <= asOf && (c.decidedOn === null || c.decidedOn > asOf);

export function lexSarahSection(input: {
  period: Period;
  asOf: string;
  recordAccess: boolean;
  cases: readonly OverviewCase[];
}) {
  const { period, asOf, recordAccess, cases } = input;
  const decided = cases.filter((c) => c.decidedOn !== null && inPeriod(c.decidedOn, period));
  const byOutcome = outcomes.map((o) => decided.filter((c) => c.outcome === o).length);
  const shownOutcomes = shownParts(byOutcome, decided.length, recordAccess);
  const open = cases
    .filter((c) => openOn(c, asOf))
    .map((c) => ({ c, ageDays: daysBetween(c.reportedOn, asOf) }))
    .sort((a, b) => b.ageDays - a.ageDays);
  // An anmälan is made per decision; one decision may cover several cases.
  const pending = new Map<string, { decidedOn: string; cases: OverviewCase[] }>();
  for (const c of cases) {
    if (c.outcome !== "C" || c.decisionId === null || c.decidedOn === null || c.decidedOn > asOf) continue;
    if (c.ivoSentOn !== null && c.ivoSentOn <= asOf) continue;
    const entry = pending.get(c.decisionId) ?? { decidedOn: c.decidedOn, cases: [] };
    entry.cases.push(c);
    pending.set(c.decisionId, entry);
  }
  const ivo = [...pending.entries()].map(([id, d]) => ({
    id,
    decidedOn: d.decidedOn,
    dueBy: addDays(d.decidedOn, IVO_SNARAST_DAYS),
    overdue: ivoOverdue({ outcome: "C", decidedOn: d.decidedOn, ivoSentOn: null }, asOf),
    cases: d.cases.map((c) => formatCaseNumber(c.reportYear, c.number)),
  }));
  return {
    reports: shownCount(cases.filter((c) => inPeriod(c.reportedOn, period)).length, recordAccess),
    decided: shownCount(decided.length, recordAccess),
    byOutcome: outcomes.map((outcome, i) => ({ outcome, count: shownOutcomes[i] as Shown })),
    open: {
      count: shownCount(open.length, recordAccess),
      oldestDays: open[0]?.ageDays ?? null,
      list: recordAccess
        ? open.slice(0, LIST_LIMIT).map(({ c, ageDays }) => ({
            id: c.id,
            number: formatCaseNumber(c.reportYear, c.number),
            unit: c.unit,
            reportedOn: c.reportedOn,
            gist: c.gist,
            ageDays,
          }))
        : null,
    },
    ivoPending: {
      count: shownCount(ivo.length, recordAccess),
      overdue: shownCount(ivo.filter((d) => d.overdue).length, recordAccess),
      list: recordAccess ? ivo : null,
    },
  };
}

// ---------------------------------------------------------------- klagomål

/**
 * The diarium's klagomål received in the period (the rows are those received in it) by category and
 * under the 10-day rule on asOf; synpunkter and Kommentaren's figures beside them, never added in.
 */
export function klagomalSection(input: { asOf: string; recordAccess: boolean; rows: readonly Counted[] }) {
  const { asOf, recordAccess } = input;
  const diarium = input.rows.filter((r) => !isKommentaren(r));
  const klagomal = diarium.filter((r) => r.type === "klagomal");
  const byCategory = categories.map((c) => klagomal.filter((r) => r.category === c).length);
  const shownCategories = shownParts(byCategory, klagomal.length, recordAccess);
  const a = answersOf(klagomal, asOf);
  const due = a.inTime + a.late + a.overdue;
  // In time, late (answered late or still unanswered after the last day), not yet due, anonymous: the whole.
  const parts = shownParts([a.inTime, a.late + a.overdue, a.pending, a.anonymous], klagomal.length, recordAccess);
  return {
    received: shownCount(klagomal.length, recordAccess),
    byCategory: categories.map((category: Category, i) => ({ category, count: shownCategories[i] as Shown })),
    answeredInTime: parts[0] as Shown,
    late: parts[1] as Shown,
    notYetDue: parts[2] as Shown,
    anonymous: parts[3] as Shown,
    inTimeShare: shownShare(a.inTime, due, recordAccess),
    otherSynpunkter: shownCount(diarium.length - klagomal.length, recordAccess),
    kommentaren: shownCount(input.rows.length - diarium.length, recordAccess),
  };
}

// ---------------------------------------------------------------- risks

export type PlanRisk = {
  id: string;
  unit: { id: string; name: string };
  nr: number;
  description: string;
  likelihood: number;
  consequence: number;
};

/**
 * The risks of the kvalitetsplaner under the node for the year, per level of the kommun's scale. "High"
 * are the risks in the upper half of the scale's levels (Hög and Kritisk on the standard scale), listed
 * by title: a plan describes how a unit works, not a person, so every reader sees them.
 */
export function risksSection(year: number, scale: Pick<RiskScale, "levels">, risks: readonly PlanRisk[]) {
  const highFrom = Math.ceil(scale.levels.length / 2);
  const assessed = risks.map((r) => ({ r, ...assess(r.likelihood, r.consequence, scale) }));
  return {
    year,
    total: risks.length,
    byLevel: countByLevel(scale, risks).map((c) => ({
      ...c,
      colour: scale.levels.find((l) => l.name === c.level)?.colour ?? "#ffffff",
    })),
    high: assessed
      .filter((a) => scale.levels.indexOf(a.level) >= highFrom)
      .sort((a, b) => b.value - a.value || a.r.unit.name.localeCompare(b.r.unit.name, "sv") || a.r.nr - b.r.nr)
      .map((a) => ({
        id: a.r.id,
        unit: a.r.unit,
        nr: a.r.nr,
        description: a.r.description,
        value: a.value,
        level: a.level.name,
        colour: a.level.colour,
      })),
  };
}

// ---------------------------------------------------------------- åtgärder

/**
 * An åtgärd open on asOf as the kvalitetsplan's reads describe it then: the status it had (null when it was
 * changed since), overdue judged on asOf.
 */
export type OpenAtgard = {
  id: string;
  unit: { id: string; name: string };
  linkedTo: { kind: "risk" | "egenkontroll" | "granskning"; label: string };
  text: string;
  owner: string;
  deadline: string | null;
  status: AtgardStatus | null;
  overdue: boolean;
  daysOverdue: number;
};

/** Open åtgärder of the plans and the internkontroll under the node: the overdue ones first, most overdue first. */
export function atgarderSection(open: readonly OpenAtgard[]) {
  const list = [...open].sort(
    (a, b) => b.daysOverdue - a.daysOverdue || (a.deadline ?? "9999").localeCompare(b.deadline ?? "9999"),
  );
  return {
    open: open.length,
    overdue: open.filter((a) => a.overdue).length,
    list: list.slice(0, LIST_LIMIT).map((a) => ({
      id: a.id,
      unit: a.unit,
      linkedTo: a.linkedTo.label,
      text: a.text,
      owner: a.owner,
      deadline: a.deadline,
      status: a.status,
      overdue: a.overdue,
      daysOverdue: a.daysOverdue,
    })),
  };
}

// ---------------------------------------------------------------- IVO-tillsyn

export type OverviewInspection = {
  id: string;
  unit: { id: string; name: string };
  type: string;
  month: string;
  ivoDnr: string | null;
  /** IVO's decision: its day and what IVO found (the tillsyn's outcome). */
  decisionOn: string | null;
  findings: string | null;
  closedOn: string | null;
  yttrandeDueOn: string | null;
  yttrandeRepliedOn: string | null;
};

/**
 * IVO-tillsyner open on asOf (begun by then and closed only later, if at all), with any yttrande's deadline and
 * where it stood on asOf, and those closed in the period by asOf (begun in it or before) with IVO's decision. The
 * registers are for readers with record access; others get the counts, which concern units, not people, so they
 * are not hidden when small.
 */
export function tillsynSection(input: {
  period: Period;
  asOf: string;
  recordAccess: boolean;
  inspections: readonly OverviewInspection[];
}) {
  const open = input.inspections
    .filter((i) => inspectionOpenOn(i, input.asOf))
    .map(({ closedOn: _closed, decisionOn: _decided, findings: _findings, ...i }) => ({
      ...i,
      status: "pagaende" as InspectionStatus,
      yttrandeStatus: yttrandeStatus(i, input.asOf) as YttrandeStatus,
    }))
    .sort(
      (a, b) => (a.yttrandeDueOn ?? "9999").localeCompare(b.yttrandeDueOn ?? "9999") || a.month.localeCompare(b.month),
    );
  const closed = input.inspections
    .flatMap(({ closedOn, yttrandeDueOn: _due, yttrandeRepliedOn: _replied, ...i }) =>
      closedOn !== null && closedOn >= input.period.start && closedOn <= input.asOf ? [{ ...i, closedOn }] : [],
    )
    .sort((a, b) => a.closedOn.localeCompare(b.closedOn) || a.month.localeCompare(b.month));
  return {
    open: open.length,
    yttrandenAwaited: open.filter((i) => i.yttrandeStatus === "begart" || i.yttrandeStatus === "forsenat").length,
    yttrandenOverdue: open.filter((i) => i.yttrandeStatus === "forsenat").length,
    list: input.recordAccess ? open : null,
    closed: closed.length,
    closedList: input.recordAccess ? closed : null,
  };
}
