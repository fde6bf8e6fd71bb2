import { kommunIdOf, nodesOfKindUnder } from "../../organisation/index.ts";
import { type AccessOperation, logPersonalDataAccess } from "../../platform/access/log.ts";
import { type Actor, can } from "../../platform/auth/access.ts";
import { todayInSweden } from "../../platform/calendar.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { notFound } from "../../platform/errors.ts";
import { read, type ServiceNode } from "../../platform/service.ts";
import { parseInput } from "../../platform/validation.ts";
import { areaOf } from "../statistics.ts";
import type { KvalitetDB } from "../tables.ts";
import * as repo from "./repository.ts";
import { answerDueOn, answerStatus } from "./rules.ts";
import { type ComplaintsQuery, periodQuery } from "./schema.ts";

type Db = DbOf<KvalitetDB>;

/** Logs that the synpunkter (with their free text) were disclosed to the actor. */
function logComplaints(
  db: Db,
  actor: Actor,
  operation: AccessOperation,
  orgNodeId: string,
  rows: readonly Pick<repo.ComplaintRow, "id" | "org_node_id">[],
) {
  return logPersonalDataAccess(db, actor, {
    operation,
    orgNodeId,
    records: rows.map((r) => ({ entity: "kvalitet_complaint", id: r.id, orgNodeId: r.org_node_id })),
  });
}

/** The fields every listing shows, the answer's status on `asOf`. */
function listed(r: repo.ComplaintRow & { unit_name: string }, asOf: string) {
  const dates = {
    receivedOn: r.received_on,
    acknowledgedOn: r.acknowledged_on,
    answeredOn: r.answered_on,
    anonymous: r.anonymous,
  };
  return {
    id: r.id,
    unit: { id: r.org_node_id, name: r.unit_name },
    receivedOn: r.received_on,
    channel: r.channel,
    senderType: r.sender_type,
    type: r.complaint_type,
    category: r.category,
    anonymous: r.anonymous,
    political: r.political,
    dnr: r.dnr,
    summary: r.summary,
    answeredOn: r.answered_on,
    closedOn: r.closed_on,
    answerDueOn: answerDueOn(dates),
    answerStatus: answerStatus(dates, asOf),
  };
}

/** A page of synpunkter under a node for readers with read:kvalitet there; every read is in the access log. */
export function listComplaints(db: Db, actor: Actor, q: ComplaintsQuery) {
  return read(db, actor, "read:kvalitet", q.orgNodeId, async ({ db, node }) => {
    const { total, rows } = await repo.listComplaints(db, { ...q, under: node.path });
    await logComplaints(db, actor, "kvalitet.klagomal-lista", node.id, rows);
    const today = todayInSweden();
    return { total, complaints: rows.map((r) => listed(r, today)) };
  });
}

/**
 * The nämnd's standing item "synpunkter och klagomål": every one received under the node (the nämnd) from
 * `periodStart` to `periodEnd`, both days included, oldest first, for a reader with read:kvalitet there (logged). The
 * Nämnd capability calls this through Kvalitet's index.
 */
export async function complaintsForPeriod(
  db: Db,
  actor: Actor,
  input: { orgNodeId: string; periodStart: string; periodEnd: string },
) {
  const q = parseInput(periodQuery, input, "Perioden är ogiltig");
  return read(db, actor, "read:kvalitet", q.orgNodeId, async ({ db, node }) => {
    const rows = await repo.receivedBetween(db, node.path, q.periodStart, q.periodEnd);
    await logComplaints(db, actor, "kvalitet.klagomal-period", node.id, rows);
    const today = todayInSweden();
    return {
      organisation: { id: node.id, name: node.name },
      periodStart: q.periodStart,
      periodEnd: q.periodEnd,
      complaints: rows.map((r) => ({ ...listed(r, today), answer: r.answer })),
    };
  });
}

/** Finds a synpunkt or says it does not exist. */
export async function complaintOrThrow(db: Db, id: string): Promise<repo.ComplaintRow> {
  const row = await repo.findComplaint(db, id);
  if (!row) throw notFound("Synpunkten");
  return row;
}

/** One synpunkt in full for a reader with read:kvalitet on its unit (logged). */
export async function getComplaint(db: Db, actor: Actor, id: string) {
  const row = await complaintOrThrow(db, id);
  return read(db, actor, "read:kvalitet", row.org_node_id, ({ db, node }) =>
    describeComplaint(db, actor, row, node, []),
  );
}

/**
 * A synpunkt in full, logged as disclosed. The caller has checked access on `unit`: read:kvalitet for a
 * read, write:kvalitet for the answer to a change.
 */
export async function describeComplaint(
  db: Db,
  actor: Actor,
  row: repo.ComplaintRow,
  unit: ServiceNode,
  warnings: string[],
) {
  const areas = await nodesOfKindUnder(db, [`/${kommunIdOf(unit.path)}/`], ["verksamhetsomrade"]);
  const area = areaOf(unit, areas);
  await logComplaints(db, actor, "kvalitet.klagomal", unit.id, [row]);
  return {
    ...listed({ ...row, unit_name: unit.name }, todayInSweden()),
    area: area ? { id: area.id, name: area.name } : null,
    acknowledgedOn: row.acknowledged_on,
    answer: row.answer,
    measures: row.measures,
    canWrite: can(actor, "write:kvalitet", unit.path),
    warnings,
  };
}
