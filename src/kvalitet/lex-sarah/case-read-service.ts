import { kommunIdOf, nodeOrThrow, nodesOfKindUnder } from "../../organisation/index.ts";
import { type AccessOperation, logPersonalDataAccess } from "../../platform/access/log.ts";
import { type Actor, can } from "../../platform/auth/access.ts";
import { addDays, todayInSweden } from "../../platform/calendar.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { notFound } from "../../platform/errors.ts";
import { read, type ServiceNode } from "../../platform/service.ts";
import { validationError } from "../../platform/validation.ts";
import { areaOf } from "../statistics.ts";
import type { KvalitetDB } from "../tables.ts";
import { buildMemo, type MemoDecision } from "./memo.ts";
import * as repo from "./repository.ts";
import { formatCaseNumber, IVO_SNARAST_DAYS, ivoOverdue } from "./rules.ts";
import type { CasesQuery, MemoQuery } from "./schema.ts";

type Db = DbOf<KvalitetDB>;

const ENTITY = "kvalitet_lex_sarah";

/** Logs that the cases (with what they concern) were disclosed to the actor. */
function logCases(
  db: Db,
  actor: Actor,
  operation: AccessOperation,
  orgNodeId: string,
  cases: readonly { id: string; org_node_id: string }[],
) {
  return logPersonalDataAccess(db, actor, {
    operation,
    orgNodeId,
    records: cases.map((c) => ({ entity: ENTITY, id: c.id, orgNodeId: c.org_node_id })),
  });
}

const numberOf = (c: { report_year: number; number: number }) => formatCaseNumber(c.report_year, c.number);

/** The nämnd a node lies under (itself when it is one); a kommun or a node beside the nämnder has none. */
export async function namndOf(db: Db, node: Pick<ServiceNode, "path" | "name">): Promise<ServiceNode> {
  const namnder = await nodesOfKindUnder(db, [`/${kommunIdOf(node.path)}/`], ["namnd"]);
  const namnd = namnder.find((n) => node.path.startsWith(n.path));
  if (!namnd) {
    throw validationError("Ingen nämnd", [
      { field: "orgNodeId", message: `${node.name} ligger inte under någon nämnd. Välj en nämnd eller en enhet.` },
    ]);
  }
  return namnd;
}

/** A page of the register under a node for readers with read:kvalitet there; every read is in the access log. */
export function listCases(db: Db, actor: Actor, q: CasesQuery) {
  return read(db, actor, "read:kvalitet", q.orgNodeId, async ({ db, node }) => {
    const { total, rows } = await repo.listCases(db, { ...q, under: node.path });
    await logCases(db, actor, "kvalitet.lex-sarah-register", node.id, rows);
    const today = todayInSweden();
    return {
      total,
      cases: rows.map((r) => ({
        id: r.id,
        number: numberOf(r),
        unit: { id: r.org_node_id, name: r.unit_name },
        reportedOn: r.reported_on,
        gist: r.gist,
        category: r.category_name,
        status: r.status,
        outcome: r.outcome,
        decidedOn: r.decided_on,
        ivoOverdue:
          r.outcome !== null && r.decided_on !== null
            ? ivoOverdue({ outcome: r.outcome, decidedOn: r.decided_on, ivoSentOn: r.ivo_sent_on }, today)
            : false,
      })),
    };
  });
}

export async function caseOrThrow(db: Db, id: string): Promise<repo.CaseRow> {
  const row = await repo.findCase(db, id);
  if (!row) throw notFound("Lex Sarah-ärendet");
  return row;
}

/** One case in full for a reader with read:kvalitet on its unit (logged). */
export async function getCase(db: Db, actor: Actor, id: string) {
  const row = await caseOrThrow(db, id);
  return read(db, actor, "read:kvalitet", row.org_node_id, ({ db, node }) => describeCase(db, actor, row, node, []));
}

/**
 * A case in full, logged as disclosed. The caller has checked access on `unit`: read:kvalitet for a read,
 * write:kvalitet for the answer to a change (whoever may change it sees what they changed).
 */
export async function describeCase(db: Db, actor: Actor, row: repo.CaseRow, unit: ServiceNode, warnings: string[]) {
  const kommunId = kommunIdOf(unit.path);
  const areas = await nodesOfKindUnder(db, [`/${kommunId}/`], ["verksamhetsomrade"]);
  const area = areaOf(unit, areas);
  const namnd = await nodeOrThrow(db, row.namnd_id);
  const entries = await repo.listEntriesOf(db, kommunId);
  const named = (id: string) => {
    const e = entries.find((x) => x.id === id);
    return { code: e?.code ?? "", name: e?.name ?? "" };
  };
  const choices = (await repo.choicesOf(db, [row.id])).map((c) => c.entry_id);
  const chosen = (list: repo.ListEntryRow["list"]) =>
    entries.filter((e) => e.list === list && choices.includes(e.id)).map((e) => ({ code: e.code, name: e.name }));
  const decision = row.decision_id ? await repo.findDecision(db, row.decision_id) : undefined;
  const together = decision ? await repo.casesOfDecision(db, decision.id) : [];
  await logCases(db, actor, "kvalitet.lex-sarah", unit.id, [row]);
  return {
    id: row.id,
    number: numberOf(row),
    reportYear: row.report_year,
    namnd: { id: namnd.id, name: namnd.name },
    unit: { id: unit.id, name: unit.name },
    area: area ? { id: area.id, name: area.name } : null,
    reportedOn: row.reported_on,
    noticedOn: row.noticed_on,
    occurredOn: row.occurred_on,
    gist: row.gist,
    category: named(row.category_id),
    route: row.route,
    brist: row.brist,
    consequence: row.consequence,
    recurrence: row.recurrence,
    causes: chosen("orsak"),
    measures: chosen("atgard"),
    eventId: row.event_id,
    status: row.status,
    entries: (await repo.entriesOf(db, row.id)).map((e) => ({
      id: e.id,
      entryDate: e.entry_date,
      item: named(e.item_id),
      source: e.source,
      kind: e.kind,
      author: e.author,
      text: e.text,
    })),
    decision: decision
      ? {
          id: decision.id,
          decidedOn: decision.decided_on,
          outcome: decision.outcome,
          finding: decision.finding,
          cases: together.map((c) => ({ id: c.id, number: numberOf(c) })),
          ivo:
            decision.outcome === "C"
              ? {
                  formDone: decision.ivo_form_done,
                  investigationAttached: decision.ivo_investigation_attached,
                  sentOn: decision.ivo_sent_on,
                  reference: decision.ivo_reference,
                  dueBy: addDays(decision.decided_on, IVO_SNARAST_DAYS),
                  overdue: ivoOverdue(
                    { outcome: decision.outcome, decidedOn: decision.decided_on, ivoSentOn: decision.ivo_sent_on },
                    todayInSweden(),
                  ),
                }
              : null,
        }
      : null,
    canWrite: can(actor, "write:kvalitet", unit.path),
    warnings,
  };
}

/**
 * The standing memo to the nämnd for a period: reports per month and the decisions taken, lists A and B.
 * For readers with read:kvalitet on the nämnd (a node under it leads to it); the cases listed are logged
 * as disclosed.
 */
export const lexSarahMemo = (db: Db, actor: Actor, q: MemoQuery) => readLexSarahMemo(db, actor, q, "read:kvalitet");

/**
 * The memo for readers with `permission` on the nämnd: the register's readers (read:kvalitet), or everyone who
 * reads the nämnd for the committee's own standing item (read; Nämnd's kallelse, committee-memo-service.ts).
 */
export async function readLexSarahMemo(db: Db, actor: Actor, q: MemoQuery, permission: "read" | "read:kvalitet") {
  const namnd = await namndOf(db, await nodeOrThrow(db, q.orgNodeId));
  return read(db, actor, permission, namnd.id, async ({ db }) => {
    const reports = await repo.reportDates(db, namnd.id, q.periodStart, q.periodEnd);
    const rows = await repo.decidedCases(db, namnd.id, q.periodStart, q.periodEnd);
    const decisions = new Map<string, MemoDecision>();
    for (const r of rows) {
      const d = decisions.get(r.decision_id) ?? {
        decidedOn: r.decided_on,
        outcome: r.outcome,
        finding: r.finding,
        cases: [],
      };
      d.cases.push({ year: r.report_year, number: r.number, gist: r.gist, consequence: r.consequence });
      decisions.set(r.decision_id, d);
    }
    const memo = buildMemo(q.periodStart, q.periodEnd, reports, [...decisions.values()]);
    // The listed cases were disclosed; the C cases are only counted.
    await logCases(
      db,
      actor,
      "kvalitet.lex-sarah-memo",
      namnd.id,
      rows.filter((r) => r.outcome !== "C"),
    );
    return { namnd: { id: namnd.id, name: namnd.name }, ...memo };
  });
}
