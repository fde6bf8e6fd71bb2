import { kommunIdOf, nodeOrThrow } from "../organisation/index.ts";
import { type AccessOperation, logPersonalDataAccess } from "../platform/access/log.ts";
import { type Actor, can, scopesFor } from "../platform/auth/access.ts";
import {
  formatQuarter,
  parseQuarter,
  previousQuarter,
  type Quarter,
  quarterOf,
  quarterStart,
  quartersBetween,
  todayInSweden,
} from "../platform/calendar.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { DomainError, forbidden, notFound } from "../platform/errors.ts";
import { read } from "../platform/service.ts";
import {
  becomesReportableWithin,
  type ClockState,
  clockAt,
  EARLY_WARNING_DAYS,
  earlyWarningUntil,
  statusLabels,
  type WaitingBand,
  waitingBandLabels,
  waitingBands,
} from "./clock.ts";
import { reportTable, reportXlsx, toCsv } from "./export.ts";
import { historyOf } from "./history.ts";
import {
  aggregateDashboard,
  aggregateQuarterReport,
  dashboardOf,
  LONGEST_WAITS,
  openWait,
  partialText,
  periodOf,
  quarterReport,
  quarterReportPageOf,
  type RegisterDecision,
  reportOrder,
  reportSummary,
} from "./report.ts";
import { type ReportPart, reportMediaTypes } from "./report-formats.ts";
import * as reportRepo from "./report-repository.ts";
import * as repo from "./repository.ts";
import type { RegisterQuery, StatusFilter } from "./schema.ts";
import type { EvbDB } from "./tables.ts";

type Db = DbOf<EvbDB>;

/** Logs that `decisions` (or those of them named in `ids`) were disclosed to the actor. */
function logDecisions(
  db: Db,
  actor: Actor,
  operation: AccessOperation,
  orgNodeId: string | null,
  decisions: readonly Pick<RegisterDecision, "id" | "personId" | "unit">[],
  ids?: ReadonlySet<string>,
) {
  return logPersonalDataAccess(db, actor, {
    operation,
    orgNodeId,
    records: decisions
      .filter((d) => !ids || ids.has(d.id))
      .map((d) => ({ entity: "evb_decision", id: d.id, orgNodeId: d.unit.id, personId: d.personId })),
  });
}

function describeClock(state: ClockState) {
  return {
    asOf: state.asOf,
    status: state.status,
    statusLabel: statusLabels[state.status],
    openKind: state.open?.kind ?? null,
    openSince: state.open?.start ?? null,
    deadline: state.open?.deadline ?? null,
    reportable: state.reportable,
    reportableSince: state.reportableSince,
    daysWaited: state.daysWaited,
    daysSinceDecision: state.daysSinceDecision,
    band: state.band,
    bandLabel: state.band ? waitingBandLabels[state.band] : null,
    nextReportingQuarter: state.nextReportingQuarter ? formatQuarter(state.nextReportingQuarter) : null,
    warning: becomesReportableWithin(state, EARLY_WARNING_DAYS),
  };
}

function summary(d: RegisterDecision, asOf: string) {
  const { offers, interruptions, unit, ...rest } = d;
  return {
    ...rest,
    orgNodeId: unit.id,
    unit: unit.name,
    partial: partialText(d),
    offerCount: offers.length,
    declinedOffers: offers.filter((o) => o.answer === "nej").length,
    interruptionCount: interruptions.length,
    clock: describeClock(clockAt(d, asOf)),
  };
}

const statusMatches: Record<StatusFilter, (c: ReturnType<typeof describeClock>) => boolean> = {
  oppna: (c) => c.status === "vantar" || c.status === "avbrott",
  vantar: (c) => c.status === "vantar",
  rapporteringspliktiga: (c) => c.reportable,
  snart: (c) => c.warning,
  avbrott: (c) => c.status === "avbrott",
  verkstallda: (c) => c.status === "verkstalld",
  avslutade: (c) => c.status === "avslutad",
};

/** The register rows the actor may see (read:personal), filtered; the clock is read on `asOf` (today). */
export async function register(db: Db, actor: Actor, q: RegisterQuery) {
  const scopes = scopesFor(actor, "read:personal");
  if (scopes.length === 0) throw forbidden("Du saknar behörighet att läsa registret över ej verkställda beslut.");
  const under = q.orgNodeId ? (await nodeOrThrow(db, q.orgNodeId)).path : undefined;
  const asOf = q.asOf ?? todayInSweden();
  const decisions = await repo.loadRegister(db, {
    scopes,
    under,
    law: q.law,
    insatsId: q.insatsId,
    sex: q.sex,
    personId: q.personId,
    decidedOnOrBefore: asOf,
  });
  const rows = decisions.map((d) => summary(d, asOf));
  const status = q.status;
  const shown = status ? rows.filter((r) => statusMatches[status](r.clock)) : rows;
  const shownIds = new Set(shown.map((r) => r.id));
  await logDecisions(db, actor, "evb.register", q.orgNodeId ?? null, decisions, shownIds);
  return { asOf, decisions: shown };
}

function changedFields(before: unknown, after: unknown): string[] {
  if (!before || !after || typeof before !== "object" || typeof after !== "object") return [];
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  return Object.keys(a).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

export async function getDecision(db: Db, actor: Actor, id: string) {
  const row = await repo.findDecision(db, id);
  if (!row) throw notFound("Beslutet");
  return read(db, actor, "read:personal", row.org_node_id, async ({ db, node: unit }) => {
    const [d] = await repo.loadRegister(db, { scopes: [unit.path], ids: [id] });
    if (!d) throw notFound("Beslutet");
    const codes = await repo.codesOf(db, kommunIdOf(unit.path));
    const offers = await repo.offersOf(db, id);
    const interruptions = await repo.interruptionsOf(db, id);
    const history = await historyOf(db, [id, ...offers.map((o) => o.id), ...interruptions.map((x) => x.id)]);
    const asOf = todayInSweden();
    await logDecisions(db, actor, "evb.decision", unit.id, [d]);
    return {
      ...summary(d, asOf),
      canWrite: can(actor, "write:evb", unit.path),
      offers: offers.map((o) => ({ id: o.id, date: o.offered_date, answer: o.answer, note: o.note })),
      interruptions: interruptions.map((x) => {
        const code = codes.find((c) => c.id === x.reason_code_id);
        return {
          id: x.id,
          start: x.start_date,
          resumed: x.resumed_date,
          reasonCode: code?.code ?? null,
          reasonLabel: code?.label ?? null,
          reasonText: x.reason_text,
        };
      }),
      history: history.map((h) => ({
        at: h.created_at.toISOString(),
        actor: h.actor_name,
        entity: h.entity,
        action: h.action,
        changes: changedFields(h.before, h.after).filter((k) => k !== "updated_at" && k !== "created_at"),
      })),
    };
  });
}

// ---------------------------------------------------------------- reports

function quarterOrThrow(text: string): Quarter {
  const quarter = parseQuarter(text);
  if (!quarter) throw new DomainError("validation", `"${text}" är inget kvartal; skriv t.ex. 2023Q4.`);
  if (quarterStart(quarter) > todayInSweden()) {
    throw new DomainError("validation", `Kvartalet ${formatQuarter(quarter)} har inte börjat än.`);
  }
  return quarter;
}

/** What a served report says besides the report: whose it is, and whether the quarter is still running. */
const reportAbout = (node: { id: string; name: string }, reportDate: string) => ({
  organisation: { id: node.id, name: node.name },
  /** The quarter is not over: facts may still change before its last day. */
  preliminary: reportDate >= todayInSweden(),
});

/**
 * The quarter's report for a node's subtree, needing `read`. Readers with `read:personal` on the node get
 * it in full (IVO list, committee tables, KF rows); others get counts only (see aggregateQuarterReport).
 * `disclose` logs the decisions behind the per-decision parts once the caller knows how it serves them.
 * For the whole report (CLI, exports, other capabilities); the HTTP API serves it a page at a time.
 */
async function loadQuarterReport(db: Db, actor: Actor, orgNodeId: string, quarterText: string) {
  const quarter = quarterOrThrow(quarterText);
  return read(db, actor, "read", orgNodeId, async ({ db, node }) => {
    const period = periodOf(quarter);
    const decisions = await repo.loadRegister(db, {
      scopes: [node.path],
      decidedOnOrBefore: period.end,
      notClosedBefore: period.start,
      reportedIn: period,
    });
    const full = quarterReport(decisions, quarter);
    const personal = can(actor, "read:personal", node.path);
    const about = reportAbout(node, full.reportDate);
    // aggregated: counts only, small counts suppressed, as the reader lacks read:personal on the node.
    const report = personal
      ? { ...full, ...about, aggregated: false as const }
      : { ...aggregateQuarterReport(full), ...about, aggregated: true as const };
    const disclose = (operation: AccessOperation) =>
      personal
        ? logDecisions(db, actor, operation, node.id, decisions, new Set(full.ivo.map((l) => l.decisionId)))
        : Promise.resolve();
    return { report, disclose };
  });
}

export async function quarterReportFor(db: Db, actor: Actor, orgNodeId: string, quarterText: string) {
  const { report, disclose } = await loadQuarterReport(db, actor, orgNodeId, quarterText);
  await disclose("evb.quarter-report");
  return report;
}

/**
 * The quarter's report as the HTTP API serves it: counts and KF statistics counted in SQL, and one page of
 * each list (IVO list, committee tables, KF rows) with the list's total; only the pages' decisions are loaded,
 * and logged as disclosed.
 */
export function quarterReportPage(
  db: Db,
  actor: Actor,
  orgNodeId: string,
  quarterText: string,
  pages: reportRepo.ReportPages,
) {
  const quarter = quarterOrThrow(quarterText);
  return read(db, actor, "read", orgNodeId, async ({ db, node }) => {
    const period = periodOf(quarter);
    const groups = (await reportRepo.reportGroups(db, node.path, period)).map((g) => ({
      ...g,
      band: waitingBands[g.band] as WaitingBand,
    }));
    const summary = reportSummary(groups);
    const head = { quarter: formatQuarter(quarter), periodStart: period.start, reportDate: period.end };
    const about = reportAbout(node, period.end);
    if (!can(actor, "read:personal", node.path)) {
      const report = aggregateQuarterReport({ ...head, ...summary });
      return {
        ...report,
        ...about,
        aggregated: true as const,
        ivoTotal: null,
        committeeTotal: null,
        statistics: { ...report.statistics, openRowsTotal: null, finishedRowsTotal: null },
      };
    }
    const keys = await reportRepo.reportLinePages(db, node.path, period, reportOrder(groups), pages);
    const ids = [...new Set(Object.values(keys).flatMap((page) => page.map((k) => k.decisionId)))];
    const decisions = ids.length > 0 ? await repo.loadRegister(db, { scopes: [node.path], ids }) : [];
    await logDecisions(db, actor, "evb.quarter-report", node.id, decisions);
    return { ...quarterReportPageOf(quarter, summary, decisions, keys), ...about, aggregated: false as const };
  });
}

export async function exportQuarterReport(
  db: Db,
  actor: Actor,
  options: { orgNodeId: string; quarter: string; format: "csv" | "xlsx"; part: ReportPart },
): Promise<{ filename: string; contentType: string; body: Buffer | string }> {
  const { report, disclose } = await loadQuarterReport(db, actor, options.orgNodeId, options.quarter);
  if (options.format === "csv" && report.aggregated && options.part !== "statistics") {
    throw forbidden(`Du saknar behörighet att läsa personuppgifter för ${report.organisation.name}.`);
  }
  await disclose("evb.quarter-report.export");
  const base = `evb-${report.quarter}`;
  if (options.format === "xlsx") {
    return {
      filename: `${base}.xlsx`,
      contentType: reportMediaTypes.xlsx,
      body: await reportXlsx(report),
    };
  }
  return {
    filename: `${base}-${options.part}.csv`,
    contentType: reportMediaTypes.csv,
    body: toCsv(reportTable(report, options.part)),
  };
}

/**
 * The quarters a report can be made for under a node, newest first: from the quarter of its earliest
 * decision to the current one (the last four when it has none yet). Needs `read`.
 */
export function reportQuarters(db: Db, actor: Actor, orgNodeId: string, today = todayInSweden()) {
  return read(db, actor, "read", orgNodeId, async ({ db, node }) => {
    const current = quarterOf(today);
    const first = await repo.firstDecisionDate(db, [node.path]);
    const from = first ? quarterOf(first) : previousQuarter(previousQuarter(previousQuarter(current)));
    return { quarters: quartersBetween(from, current).map(formatQuarter) };
  });
}

/**
 * Open waits on `asOf` (default today) under a node, needing `read`. The early warnings and longest waits
 * are rows per decision, so only readers with read:personal on the node get them (and are logged); others
 * get suppressed counts.
 */
export function dashboardFor(db: Db, actor: Actor, orgNodeId: string, asOf = todayInSweden()) {
  return read(db, actor, "read", orgNodeId, async ({ db, node }) => {
    const warnUntil = earlyWarningUntil(asOf);
    const personal = can(actor, "read:personal", node.path);
    const groups = (await repo.openWaitCounts(db, node.path, asOf, warnUntil)).map((g) => ({
      ...g,
      band: waitingBands[g.band] as WaitingBand,
      count: Number(g.count),
      reportable: Number(g.reportable),
      warning: Number(g.warning),
    }));
    const listed = personal ? await repo.listedOpenWaits(db, node.path, asOf, warnUntil, LONGEST_WAITS) : [];
    const board = dashboardOf(
      groups,
      listed.map((w) =>
        openWait(
          {
            id: w.decision_id,
            unit: { id: w.org_node_id, name: w.unit },
            insats: { id: w.insats_id, name: w.insats, law: w.law, lagrum: w.lagrum },
            sex: w.sex,
            partsTotal: w.parts_total,
            partsExecuted: w.parts_executed,
            executedDate: w.executed_date,
          },
          { kind: w.kind, start: w.start_date, deadline: w.deadline, overdueFrom: w.overdue_from },
          asOf,
        ),
      ),
      asOf,
    );
    const organisation = { id: node.id, name: node.name };
    if (!personal) return { ...aggregateDashboard(board), organisation, aggregated: true as const };
    const shown = new Set([...board.earlyWarnings, ...board.longestWaits].map((w) => w.decisionId));
    const disclosed = listed
      .filter((w) => shown.has(w.decision_id))
      .map((w) => ({ id: w.decision_id, personId: w.person_id, unit: { id: w.org_node_id, name: w.unit } }));
    await logDecisions(db, actor, "evb.dashboard", node.id, disclosed);
    return { ...board, organisation, aggregated: false as const };
  });
}
