// Quarter reports (IVO list, committee tables, KF statistics) and the dashboard, computed from the register.
// Pure: register-read-service.ts loads decisions, these functions decide what each report says.

import { daysBetween, formatQuarter, type Quarter, quarterEnd, quarterOf, quarterStart } from "../platform/calendar.ts";
import { formatCount } from "../platform/i18n/format.ts";
import {
  clockAt,
  type Episode,
  type EpisodeKind,
  earlyWarningUntil,
  type ReportKind,
  reportKindLabels,
  reportKinds,
  reportLines,
  type WaitingBand,
  waitingBand,
  waitingBands,
} from "./clock.ts";
import type { Sex } from "./person-id.ts";

export const laws = ["SoL", "LSS"] as const;
export type Law = (typeof laws)[number];
export type OfferAnswer = "ja" | "nej";

export type CodeRef = { code: string; label: string };

/** A decision with everything the reports need, as the repository assembles it. */
export type RegisterDecision = {
  id: string;
  personId: string;
  sex: Sex;
  protectedIdentity: boolean;
  unit: { id: string; name: string };
  insats: { id: string; name: string; law: Law; lagrum: string };
  decisionDate: string;
  executedDate: string | null;
  closedDate: string | null;
  closureReason: CodeRef | null;
  delayReason: CodeRef | null;
  reasonText: string | null;
  interimSupport: string | null;
  partsTotal: number;
  partsExecuted: number;
  offers: { date: string; answer: OfferAnswer | null; note: string | null }[];
  interruptions: { start: string; resumed: string | null; reason: CodeRef | null; reasonText: string | null }[];
};

/** "1 av 2 insatser verkställda" while a decision with several parts is only partly executed. */
export function partialText(d: Pick<RegisterDecision, "partsTotal" | "partsExecuted" | "executedDate">): string | null {
  if (d.partsTotal <= 1 || d.partsExecuted >= d.partsTotal || d.executedDate !== null) return null;
  return `${d.partsExecuted} av ${formatCount(d.partsTotal, "insats", "insatser")} verkställda`;
}

const answerText = (answer: OfferAnswer | null) =>
  answer === "ja" ? "tackat ja" : answer === "nej" ? "tackat nej" : "ej besvarat";

/** Offers as one line for IVO's form: "2022-05-02 tackat nej; 2022-09-12 tackat nej". */
export const offersText = (offers: RegisterDecision["offers"]) =>
  offers
    .toSorted((a, b) => a.date.localeCompare(b.date))
    .map((o) => `${o.date} ${answerText(o.answer)}${o.note ? ` (${o.note})` : ""}`)
    .join("; ");

/** The interruption matching an episode, whose own reason wins over the decision's. */
const interruptionOf = (d: RegisterDecision, e: Episode) =>
  e.kind === "avbrott" ? d.interruptions.find((i) => i.start === e.start) : undefined;

/** A wait's reason: its interruption's own if that gives one (a code or text), else the decision's. */
export const reasonSource = <R>(
  own: { reason: R | null; text: string | null } | undefined,
  decision: { reason: R | null; text: string | null },
) => (own && (own.reason || own.text) ? own : decision);

function reasonOf(d: RegisterDecision, e: Episode): { reason: CodeRef | null; text: string | null } {
  const i = interruptionOf(d, e);
  return reasonSource(i && { reason: i.reason, text: i.reasonText }, { reason: d.delayReason, text: d.reasonText });
}

/** The committee's "Skäl till att beslutet ej verkställts": free text if written, else the code's label. */
function committeeReason(d: RegisterDecision, e: Episode, partial: string | null): string {
  const { reason, text } = reasonOf(d, e);
  const parts = [
    e.kind === "avbrott" ? `Avbrott sedan ${e.start}` : null,
    partial,
    text ?? reason?.label ?? null,
  ].filter((p): p is string => Boolean(p));
  return parts.join(". ") || "Skäl saknas";
}

export type IvoLine = {
  decisionId: string;
  kind: ReportKind;
  kindLabel: string;
  type: EpisodeKind;
  previouslyReported: boolean;
  personId: string;
  sex: Sex;
  protectedIdentity: boolean;
  unit: string;
  law: Law;
  lagrum: string;
  insats: string;
  decisionDate: string;
  interruptionDate: string | null;
  deadline: string;
  reportableSince: string;
  /** Days without the insats: to the quarter's last day, or to the execution/closure when it ended. */
  daysWaited: number;
  daysSinceDecision: number;
  reasonCode: string | null;
  reasonLabel: string | null;
  reasonText: string | null;
  interimSupport: string | null;
  partial: string | null;
  offers: string;
  declinedOffers: number;
  executedDate: string | null;
  closedDate: string | null;
  closureReason: string | null;
  committeeReason: string;
};

function ivoLine(
  d: RegisterDecision,
  kind: ReportKind,
  e: Episode,
  previouslyReported: boolean,
  reportDate: string,
): IvoLine {
  const { reason, text } = reasonOf(d, e);
  const to = e.end ?? reportDate;
  // Executed after the report date is not known on it, so the part-execution still describes the wait.
  const partial = e.kind === "beslut" && e.end === null ? partialText({ ...d, executedDate: null }) : null;
  return {
    decisionId: d.id,
    kind,
    kindLabel: reportKindLabels[kind],
    type: e.kind,
    previouslyReported,
    personId: d.personId,
    sex: d.sex,
    protectedIdentity: d.protectedIdentity,
    unit: d.unit.name,
    law: d.insats.law,
    lagrum: d.insats.lagrum,
    insats: d.insats.name,
    decisionDate: d.decisionDate,
    interruptionDate: e.kind === "avbrott" ? e.start : null,
    deadline: e.deadline,
    reportableSince: e.overdueFrom,
    daysWaited: daysBetween(e.start, to),
    daysSinceDecision: daysBetween(d.decisionDate, to),
    reasonCode: reason?.code ?? null,
    reasonLabel: reason?.label ?? null,
    reasonText: text,
    interimSupport: d.interimSupport,
    partial,
    offers: offersText(d.offers.filter((o) => o.date <= reportDate)),
    declinedOffers: d.offers.filter((o) => o.answer === "nej" && o.date <= reportDate).length,
    executedDate: e.ending === "verkstalld" || e.ending === "aterupptagen" ? e.end : null,
    closedDate: e.ending === "avslutad" ? e.end : null,
    closureReason: e.ending === "avslutad" ? (d.closureReason?.label ?? null) : null,
    committeeReason: committeeReason(d, e, partial),
  };
}

const byText = (a: string, b: string) => a.localeCompare(b, "sv");
const kindOrder = (k: ReportKind) => reportKinds.indexOf(k);

export type Count = { key: string; label: string; count: number };

const insatsKey = (law: Law, insats: string) => `${law} ${insats}`;

/** The quarter's first and last day. */
export const periodOf = (quarter: Quarter) => ({ start: quarterStart(quarter), end: quarterEnd(quarter) });

/** The lines the quarter's report carries for one decision, with its data as IVO asks for it. */
export function ivoLinesOf(d: RegisterDecision, period: { start: string; end: string }): IvoLine[] {
  return reportLines(d, period).map((l) => ivoLine(d, l.kind, l.episode, l.previouslyReported, period.end));
}

const isOpenLine = (l: Pick<IvoLine, "kind">) => l.kind === "ny" || l.kind === "aterrapportering";

/**
 * The report's lines counted alike: by report kind, wait type, law, insats, unit, sex, waiting band on the
 * report date and reason, with the sum and the longest of their days since the decision. Every count and KF
 * statistic of the report comes from these groups, whether counted in SQL (report-repository.ts) or here.
 */
export type ReportGroup = {
  kind: ReportKind;
  type: EpisodeKind;
  law: Law;
  insats: string;
  lagrum: string;
  unit: string;
  sex: Sex;
  band: WaitingBand;
  reasonCode: string | null;
  reasonLabel: string | null;
  count: number;
  daysSinceDecisionSum: number;
  daysSinceDecisionMax: number;
};

/** The groups of `lines` (see ReportGroup), the band read on the report date. */
export function reportGroupsOf(lines: readonly IvoLine[], reportDate: string): ReportGroup[] {
  const groups = new Map<string, ReportGroup>();
  for (const l of lines) {
    const band = waitingBand(l.interruptionDate ?? l.decisionDate, reportDate);
    const dims = [l.kind, l.type, l.law, l.insats, l.lagrum, l.unit, l.sex, band, l.reasonCode, l.reasonLabel];
    const key = JSON.stringify(dims);
    const group = groups.get(key) ?? {
      kind: l.kind,
      type: l.type,
      law: l.law,
      insats: l.insats,
      lagrum: l.lagrum,
      unit: l.unit,
      sex: l.sex,
      band,
      reasonCode: l.reasonCode,
      reasonLabel: l.reasonLabel,
      count: 0,
      daysSinceDecisionSum: 0,
      daysSinceDecisionMax: 0,
    };
    group.count += 1;
    group.daysSinceDecisionSum += l.daysSinceDecision;
    group.daysSinceDecisionMax = Math.max(group.daysSinceDecisionMax, l.daysSinceDecision);
    groups.set(key, group);
  }
  return [...groups.values()];
}

const total = (groups: readonly ReportGroup[], where: (g: ReportGroup) => boolean = () => true) =>
  groups.reduce((s, g) => s + (where(g) ? g.count : 0), 0);

/** Counts per key, most frequent first, ties by label. */
function tally(groups: readonly ReportGroup[], keyOf: (g: ReportGroup) => string, labelOf: (g: ReportGroup) => string) {
  const counts = new Map<string, Count>();
  for (const g of groups) {
    const key = keyOf(g);
    const entry = counts.get(key) ?? { key, label: labelOf(g), count: 0 };
    entry.count += g.count;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || byText(a.label, b.label));
}

const bySexTotal = (groups: readonly ReportGroup[]) => ({
  total: total(groups),
  women: total(groups, (g) => g.sex === "K"),
  men: total(groups, (g) => g.sex === "M"),
});

/** The report's counts and KF statistics (without the rows per line) from its groups. */
export function reportSummary(groups: readonly ReportGroup[]) {
  const open = groups.filter(isOpenLine);
  const finished = groups.filter((g) => !isOpenLine(g));
  const byKind = (kind: ReportKind) => total(groups, (g) => g.kind === kind);
  const insatser = new Map<string, ReportGroup[]>();
  for (const g of open)
    insatser.set(insatsKey(g.law, g.insats), [...(insatser.get(insatsKey(g.law, g.insats)) ?? []), g]);
  const byInsats = [...insatser.values()]
    .map((gs) => {
      const first = gs[0] as ReportGroup;
      const count = total(gs);
      return {
        law: first.law,
        // One lagrum per insats; the smallest if a catalogue ever gave two insatser the same name.
        lagrum: gs.map((g) => g.lagrum).reduce((a, b) => (b < a ? b : a)),
        insats: first.insats,
        count,
        women: total(gs, (g) => g.sex === "K"),
        men: total(gs, (g) => g.sex === "M"),
        averageDaysSinceDecision: Math.round(gs.reduce((s, g) => s + g.daysSinceDecisionSum, 0) / count),
        longestDaysSinceDecision: Math.max(...gs.map((g) => g.daysSinceDecisionMax)),
      };
    })
    .sort((a, b) => a.law.localeCompare(b.law) || byText(a.insats, b.insats));
  const sexes = bySexTotal(open);
  return {
    counts: {
      totalOpen: total(open),
      ny: byKind("ny"),
      aterrapportering: byKind("aterrapportering"),
      verkstalld: byKind("verkstalld"),
      avslutad: byKind("avslutad"),
      interruptions: total(open, (g) => g.type === "avbrott"),
      byLaw: Object.fromEntries(laws.map((l) => [l, total(open, (g) => g.law === l)])) as Record<Law, number>,
      byInsats: tally(
        open,
        (g) => insatsKey(g.law, g.insats),
        (g) => insatsKey(g.law, g.insats),
      ),
      byUnit: tally(
        open,
        (g) => g.unit,
        (g) => g.unit,
      ),
      bySex: { K: sexes.women, M: sexes.men },
      byBand: Object.fromEntries(waitingBands.map((b) => [b, total(open, (g) => g.band === b)])) as Record<
        WaitingBand,
        number
      >,
      byReason: tally(
        open,
        (g) => g.reasonCode ?? "",
        (g) => g.reasonLabel ?? "Skäl saknas",
      ),
    },
    statistics: { open: sexes, finished: bySexTotal(finished), byInsats },
  };
}

export type ReportSummary = ReturnType<typeof reportSummary>;

/** The units and the insatser of a report's groups in the report's order (Swedish alphabetical). */
export const reportOrder = (groups: readonly ReportGroup[]) => ({
  units: [...new Set(groups.map((g) => g.unit))].sort(byText),
  insatser: [...new Set(groups.map((g) => g.insats))].sort(byText),
});

const committeeOpenRow = (l: IvoLine) => ({
  decisionDate: l.decisionDate,
  law: l.law,
  insats: l.insats,
  reason: l.committeeReason,
});

const committeeFinishedRow = (l: IvoLine) => ({
  decisionDate: l.decisionDate,
  law: l.law,
  insats: l.insats,
  outcome: l.kind === "verkstalld" ? ("Verkställt" as const) : ("Avslutat" as const),
  date: (l.executedDate ?? l.closedDate) as string,
  reason: l.kind === "avslutad" ? (l.closureReason ?? "Avslutat") : l.committeeReason,
  previouslyReported: l.previouslyReported,
});

/** A KF row: no ids, no units, no free text — insats, sex and days only. */
const kfRow = (l: IvoLine) => ({
  law: l.law,
  insats: l.insats,
  sex: l.sex,
  type: l.type,
  kind: l.kind,
  daysSinceDecision: l.daysSinceDecision,
  daysWaited: l.daysWaited,
});

/**
 * The committee's tables per unit from lines in the committee's order (unit, then the open before the
 * finished, each by decision date); a unit split between pages appears on each.
 */
function committeeOf(lines: readonly IvoLine[]) {
  const units: {
    unit: string;
    open: ReturnType<typeof committeeOpenRow>[];
    finished: ReturnType<typeof committeeFinishedRow>[];
  }[] = [];
  for (const l of lines) {
    let unit = units.at(-1);
    if (unit?.unit !== l.unit) {
      unit = { unit: l.unit, open: [], finished: [] };
      units.push(unit);
    }
    if (isOpenLine(l)) unit.open.push(committeeOpenRow(l));
    else unit.finished.push(committeeFinishedRow(l));
  }
  return units;
}

export type QuarterReport = ReturnType<typeof quarterReport>;

/** Everything reported for one quarter, as of its last day. */
export function quarterReport(decisions: readonly RegisterDecision[], quarter: Quarter) {
  const period = periodOf(quarter);
  const lines = decisions.flatMap((d) => ivoLinesOf(d, period));
  lines.sort(
    (a, b) =>
      kindOrder(a.kind) - kindOrder(b.kind) ||
      byText(a.unit, b.unit) ||
      a.decisionDate.localeCompare(b.decisionDate) ||
      a.personId.localeCompare(b.personId),
  );
  const open = lines.filter(isOpenLine);
  const finished = lines.filter((l) => !isOpenLine(l));
  const byDecisionDate = (a: IvoLine, b: IvoLine) => a.decisionDate.localeCompare(b.decisionDate);
  const units = [...new Set(lines.map((l) => l.unit))].sort(byText);
  const committee = committeeOf(
    units.flatMap((unit) => [
      ...open.filter((l) => l.unit === unit).sort(byDecisionDate),
      ...finished.filter((l) => l.unit === unit).sort(byDecisionDate),
    ]),
  );
  const kfRows = (ls: IvoLine[]) =>
    ls
      .map(kfRow)
      .sort(
        (a, b) => a.law.localeCompare(b.law) || byText(a.insats, b.insats) || b.daysSinceDecision - a.daysSinceDecision,
      );
  const summary = reportSummary(reportGroupsOf(lines, period.end));
  return {
    quarter: formatQuarter(quarter),
    periodStart: period.start,
    reportDate: period.end,
    counts: summary.counts,
    ivo: lines,
    committee,
    statistics: { ...summary.statistics, openRows: kfRows(open), finishedRows: kfRows(finished) },
  };
}

/** Where a line of the report stands: its decision and its wait (the wait's kind and first day). */
export type LineKey = { decisionId: string; type: EpisodeKind; start: string };

/**
 * One page of each of the report's lists (IVO list, committee tables, KF rows of the open and the finished)
 * from the keys of the page's lines in each list's order, the page's decisions and the report's summary.
 */
export function quarterReportPageOf(
  quarter: Quarter,
  summary: ReportSummary,
  decisions: readonly RegisterDecision[],
  pages: Record<"ivo" | "committee" | "openRows" | "finishedRows", readonly LineKey[]>,
) {
  const period = periodOf(quarter);
  const linesBy = new Map(decisions.map((d) => [d.id, ivoLinesOf(d, period)]));
  const lineOf = (k: LineKey) => {
    const line = linesBy
      .get(k.decisionId)
      ?.find((l) => l.type === k.type && (l.interruptionDate ?? l.decisionDate) === k.start);
    if (!line) throw new Error(`No report line for the ${k.type} wait from ${k.start} of decision ${k.decisionId}`);
    return line;
  };
  const { open, finished } = summary.statistics;
  return {
    quarter: formatQuarter(quarter),
    periodStart: period.start,
    reportDate: period.end,
    counts: summary.counts,
    ivo: pages.ivo.map(lineOf),
    ivoTotal: open.total + finished.total,
    committee: committeeOf(pages.committee.map(lineOf)),
    committeeTotal: open.total + finished.total,
    statistics: {
      ...summary.statistics,
      openRows: pages.openRows.map((k) => kfRow(lineOf(k))),
      openRowsTotal: open.total,
      finishedRows: pages.finishedRows.map((k) => kfRow(lineOf(k))),
      finishedRowsTotal: finished.total,
    },
  };
}

export type Dashboard = ReturnType<typeof dashboardOf>;

/** How many of the longest reportable waits the dashboard lists. */
export const LONGEST_WAITS = 10;

/** An open wait on the dashboard's day, as listed among early warnings or longest waits. */
export type OpenWait = {
  decisionId: string;
  unit: string;
  law: Law;
  insats: string;
  sex: Sex;
  type: EpisodeKind;
  start: string;
  deadline: string;
  overdueFrom: string;
  daysWaited: number;
  band: WaitingBand;
  reportable: boolean;
  warning: boolean;
  partial: string | null;
};

/** How many open waits share a law, insats, unit, sex and waiting band; how many are reportable or warned of. */
export type OpenWaitGroup = {
  law: Law;
  insats: string;
  unit: string;
  sex: Sex;
  band: WaitingBand;
  count: number;
  reportable: number;
  warning: number;
};

/** An open wait of a decision with its clock read on `asOf`. */
export function openWait(
  d: Pick<RegisterDecision, "id" | "unit" | "insats" | "sex" | "partsTotal" | "partsExecuted" | "executedDate">,
  open: Pick<Episode, "kind" | "start" | "deadline" | "overdueFrom">,
  asOf: string,
): OpenWait {
  const reportable = open.overdueFrom <= asOf;
  return {
    decisionId: d.id,
    unit: d.unit.name,
    law: d.insats.law,
    insats: d.insats.name,
    sex: d.sex,
    type: open.kind,
    start: open.start,
    deadline: open.deadline,
    overdueFrom: open.overdueFrom,
    daysWaited: daysBetween(open.start, asOf),
    band: waitingBand(open.start, asOf),
    reportable,
    warning: !reportable && open.overdueFrom <= earlyWarningUntil(asOf),
    partial: partialText(d),
  };
}

/** Every open wait on `asOf` (in time or not), banded, with early warnings and the longest waits. */
export function dashboard(decisions: readonly RegisterDecision[], asOf: string) {
  const open = decisions
    .filter((d) => d.decisionDate <= asOf)
    .flatMap((d) => {
      const state = clockAt(d, asOf);
      return state.open ? [openWait(d, state.open, asOf)] : [];
    });
  const groups = new Map<string, OpenWaitGroup>();
  for (const o of open) {
    const key = JSON.stringify([o.law, o.insats, o.unit, o.sex, o.band]);
    const group = groups.get(key) ?? { ...o, count: 0, reportable: 0, warning: 0 };
    group.count += 1;
    group.reportable += o.reportable ? 1 : 0;
    group.warning += o.warning ? 1 : 0;
    groups.set(key, group);
  }
  return dashboardOf(
    [...groups.values()],
    open.filter((o) => o.warning || o.reportable),
    asOf,
  );
}

/**
 * The dashboard from the open waits counted by group, and the open waits that are warned of or reportable
 * (at least those of the longest waits, ties included), in register order.
 */
export function dashboardOf(groups: readonly OpenWaitGroup[], listed: readonly OpenWait[], asOf: string) {
  const sum = (gs: readonly OpenWaitGroup[], n: (g: OpenWaitGroup) => number) => gs.reduce((s, g) => s + n(g), 0);
  const bands = (gs: readonly OpenWaitGroup[]) =>
    Object.fromEntries(
      waitingBands.map((b) => [
        b,
        sum(
          gs.filter((g) => g.band === b),
          (g) => g.count,
        ),
      ]),
    ) as Record<WaitingBand, number>;
  const breakdown = (keyOf: (g: OpenWaitGroup) => string) => {
    const keys = [...new Set(groups.map(keyOf))];
    return keys
      .map((key) => {
        const group = groups.filter((g) => keyOf(g) === key);
        return {
          key,
          count: sum(group, (g) => g.count),
          reportable: sum(group, (g) => g.reportable),
          byBand: bands(group),
        };
      })
      .sort((a, b) => b.count - a.count || byText(a.key, b.key));
  };
  return {
    asOf,
    open: sum(groups, (g) => g.count),
    reportable: sum(groups, (g) => g.reportable),
    earlyWarningCount: sum(groups, (g) => g.warning),
    byBand: bands(groups),
    byLaw: breakdown((g) => g.law),
    byInsats: breakdown((g) => insatsKey(g.law, g.insats)),
    byUnit: breakdown((g) => g.unit),
    bySex: breakdown((g) => g.sex),
    earlyWarnings: listed
      .filter((o) => o.warning)
      .map(({ warning: _w, band: _b, ...o }) => ({ ...o, daysLeft: daysBetween(asOf, o.deadline) }))
      .sort((a, b) => a.deadline.localeCompare(b.deadline) || byText(a.unit, b.unit)),
    longestWaits: listed
      .filter((o) => o.reportable)
      .sort((a, b) => b.daysWaited - a.daysWaited || byText(a.unit, b.unit))
      .slice(0, LONGEST_WAITS),
    /** The last day of the current quarter, on which the next report is drawn up. */
    nextReportDate: quarterEnd(quarterOf(asOf)),
  };
}

// ---------------------------------------------------------------- aggregates for readers without read:personal

/**
 * Counts of 1 or 2 could single out a person in a small unit, so aggregate views show them as null
 * ("färre än 3"). Zero is shown: it says nobody waits, which discloses no one.
 */
export const SUPPRESS_BELOW = 3;
export type Suppressed = number | null;

const isSmall = (n: number) => n > 0 && n < SUPPRESS_BELOW;

/**
 * Suppresses small counts in a group of counts whose sum is shown elsewhere. When exactly one cell is
 * hidden it could be recovered by subtraction, so the smallest other non-zero cell is hidden as well.
 */
export function suppressGroup(values: readonly number[]): Suppressed[] {
  const hidden = values.map(isSmall);
  if (hidden.filter(Boolean).length === 1) {
    let pick = -1;
    values.forEach((v, i) => {
      if (!hidden[i] && v > 0 && (pick < 0 || v < (values[pick] as number))) pick = i;
    });
    if (pick >= 0) hidden[pick] = true;
  }
  return values.map((v, i) => (hidden[i] ? null : v));
}

const suppressOne = (n: number): Suppressed => (isSmall(n) ? null : n);

function suppressRecord<K extends string>(counts: Record<K, number>): Record<K, Suppressed> {
  const keys = Object.keys(counts) as K[];
  const shown = suppressGroup(keys.map((k) => counts[k]));
  return Object.fromEntries(keys.map((k, i) => [k, shown[i] ?? null])) as Record<K, Suppressed>;
}

function suppressCounts<T extends { count: number }>(rows: readonly T[]): (Omit<T, "count"> & { count: Suppressed })[] {
  const shown = suppressGroup(rows.map((r) => r.count));
  return rows.map((r, i) => ({ ...r, count: shown[i] ?? null }));
}

function bySexPair(women: number, men: number): { women: Suppressed; men: Suppressed } {
  const [w, m] = suppressGroup([women, men]);
  return { women: w ?? null, men: m ?? null };
}

/** The dashboard without any row per decision: counts by band, law, insats, unit and sex, small ones suppressed. */
export function aggregateDashboard(board: Dashboard) {
  const breakdown = (rows: Dashboard["byLaw"]) =>
    suppressCounts(rows).map((r) => ({
      ...r,
      reportable: suppressOne(r.reportable),
      byBand: suppressRecord(r.byBand),
    }));
  return {
    asOf: board.asOf,
    nextReportDate: board.nextReportDate,
    open: suppressOne(board.open),
    reportable: suppressOne(board.reportable),
    earlyWarningCount: suppressOne(board.earlyWarningCount),
    byBand: suppressRecord(board.byBand),
    byLaw: breakdown(board.byLaw),
    byInsats: breakdown(board.byInsats),
    byUnit: breakdown(board.byUnit),
    bySex: breakdown(board.bySex),
    earlyWarnings: null,
    longestWaits: null,
  };
}

/**
 * The quarter report without the IVO list, the committee's per-decision tables or the KF rows: counts and
 * KF statistics per insats, small ones suppressed; days are withheld for groups of fewer than three.
 */
export function aggregateQuarterReport(
  report: Pick<QuarterReport, "quarter" | "periodStart" | "reportDate"> & ReportSummary,
) {
  const c = report.counts;
  const s = report.statistics;
  const [ny, aterrapportering] = suppressGroup([c.ny, c.aterrapportering]);
  const [verkstalld, avslutad] = suppressGroup([c.verkstalld, c.avslutad]);
  const bySex = (g: { total: number; women: number; men: number }) => ({
    total: suppressOne(g.total),
    ...bySexPair(g.women, g.men),
  });
  return {
    quarter: report.quarter,
    periodStart: report.periodStart,
    reportDate: report.reportDate,
    counts: {
      totalOpen: suppressOne(c.totalOpen),
      ny: ny ?? null,
      aterrapportering: aterrapportering ?? null,
      verkstalld: verkstalld ?? null,
      avslutad: avslutad ?? null,
      interruptions: suppressOne(c.interruptions),
      byLaw: suppressRecord(c.byLaw),
      byInsats: suppressCounts(c.byInsats),
      byUnit: suppressCounts(c.byUnit),
      bySex: suppressRecord(c.bySex),
      byBand: suppressRecord(c.byBand),
      byReason: suppressCounts(c.byReason),
    },
    ivo: null,
    committee: null,
    statistics: {
      open: bySex(s.open),
      finished: bySex(s.finished),
      byInsats: suppressCounts(s.byInsats).map((r, i) => {
        const count = s.byInsats[i]?.count ?? 0;
        const few = count < SUPPRESS_BELOW;
        return {
          ...r,
          ...bySexPair(r.women, r.men),
          averageDaysSinceDecision: few ? null : r.averageDaysSinceDecision,
          longestDaysSinceDecision: few ? null : r.longestDaysSinceDecision,
        };
      }),
      openRows: null,
      finishedRows: null,
    },
  };
}

export type AggregateQuarterReport = ReturnType<typeof aggregateQuarterReport>;
/** A quarter report as one reader may receive it: in full with read:personal, else aggregated. */
export type ServedQuarterReport = QuarterReport | AggregateQuarterReport;
