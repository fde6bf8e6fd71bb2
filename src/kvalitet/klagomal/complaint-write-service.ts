import type { Actor } from "../../platform/auth/access.ts";
import { todayInSweden } from "../../platform/calendar.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { DomainError } from "../../platform/errors.ts";
import { write, writeRecord } from "../../platform/service.ts";
import { type FieldProblem, labelledProblems, validationError } from "../../platform/validation.ts";
import type { KvalitetDB } from "../tables.ts";
import { complaintOrThrow, describeComplaint } from "./complaint-read-service.ts";
import { type Proposed, proposedOf, resolveProposed } from "./proposed.ts";
import * as repo from "./repository.ts";
import { type ComplaintPatch, complaintFields, type RegisterInput } from "./schema.ts";

type Db = DbOf<KvalitetDB>;

const REFUSED = "Synpunkten sparades inte";

/** A refusal by the rules, naming each field as the form does. */
const refused = (problems: FieldProblem[]) => validationError(REFUSED, labelledProblems(complaintFields, problems));

/** A synpunkt concerns a unit, an operating area or the förvaltning's ledning, not a nämnd or the kommun. */
export function requireComplaintUnit<N extends { kind: string; name: string }>(unit: N): N {
  if (!["enhet", "verksamhetsomrade", "forvaltning"].includes(unit.kind)) {
    throw refused([
      {
        field: "orgNodeId",
        message: `Välj den enhet eller det verksamhetsområde synpunkten gäller, inte ${unit.name}.`,
      },
    ]);
  }
  return unit;
}

/**
 * A synpunkt taken in by anyone who may read the unit (staff take complaints where they work). The answer is
 * not the record: without read:kvalitet one may not read synpunkter, one's own registration included.
 */
export function registerComplaint(db: Db, actor: Actor, input: RegisterInput) {
  return write(db, actor, "read", input.orgNodeId, async ({ trx, node, audit }) => {
    const unit = requireComplaintUnit(node);
    const result = resolveProposed(
      {
        orgNodeId: unit.id,
        receivedOn: input.receivedOn,
        channel: input.channel,
        senderType: input.senderType,
        type: input.type,
        category: input.category ?? null,
        anonymous: input.anonymous,
        political: input.political,
        dnr: input.dnr ?? null,
        summary: input.summary,
        acknowledgedOn: input.acknowledgedOn ?? null,
        answeredOn: null,
        answer: null,
        measures: null,
        closedOn: null,
      },
      todayInSweden(),
    );
    if (!result.ok) throw refused(result.problems);
    const [row] = await repo.insertComplaints(trx, [result.values]);
    if (!row) throw new Error("The synpunkt was not stored");
    await audit("kvalitet_complaint", row.id, "create", { after: row });
    return { id: row.id, receivedOn: row.received_on, warnings: result.warnings };
  });
}

/** A change to one open synpunkt by someone with write:kvalitet on its unit; answers it as it now stands. */
function changeComplaint(db: Db, actor: Actor, id: string, change: (p: Proposed) => Proposed, action: string) {
  return writeRecord(
    db,
    actor,
    "write:kvalitet",
    (db) => complaintOrThrow(db, id),
    async ({ trx, node, record, audit }) => {
      if (record.closed_on !== null) {
        throw new DomainError("conflict", `Synpunkten avslutades ${record.closed_on} och kan inte ändras.`);
      }
      const result = resolveProposed(change(proposedOf(record)), todayInSweden());
      if (!result.ok) throw refused(result.problems);
      const { org_node_id: _unit, ...values } = result.values;
      const after = await repo.updateComplaint(trx, id, values);
      await audit("kvalitet_complaint", id, action, { before: record, after });
      return describeComplaint(trx, actor, after, node, result.warnings);
    },
  );
}

const patched = <T>(value: T | undefined, current: T): T => (value === undefined ? current : value);

/** Acknowledges, answers, records measures or corrects an open synpunkt. */
export function updateComplaint(db: Db, actor: Actor, id: string, patch: ComplaintPatch) {
  return changeComplaint(
    db,
    actor,
    id,
    (c) => ({
      ...c,
      receivedOn: patch.receivedOn ?? c.receivedOn,
      channel: patch.channel ?? c.channel,
      senderType: patch.senderType ?? c.senderType,
      type: patch.type ?? c.type,
      category: patched(patch.category, c.category),
      anonymous: patch.anonymous ?? c.anonymous,
      political: patch.political ?? c.political,
      dnr: patched(patch.dnr, c.dnr),
      summary: patch.summary ?? c.summary,
      acknowledgedOn: patched(patch.acknowledgedOn, c.acknowledgedOn),
      answeredOn: patched(patch.answeredOn, c.answeredOn),
      answer: patched(patch.answer, c.answer),
      measures: patched(patch.measures, c.measures),
    }),
    "update",
  );
}

/** Closes an answered synpunkt (an anonymous one may close unanswered). */
export function closeComplaint(db: Db, actor: Actor, id: string, closedOn = todayInSweden()) {
  return changeComplaint(db, actor, id, (c) => ({ ...c, closedOn }), "close");
}
