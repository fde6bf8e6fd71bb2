import { randomUUID } from "node:crypto";
import { kommunIdOf } from "../organisation/index.ts";
import type { Actor } from "../platform/auth/access.ts";
import { todayInSweden } from "../platform/calendar.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { DomainError } from "../platform/errors.ts";
import { write, writeRecord } from "../platform/service.ts";
import { labelledProblems, validationError } from "../platform/validation.ts";
import { chosenOf, describeEvent, eventOrThrow, listsOf } from "./event-read-service.ts";
import { type Proposed, proposedOf, resolveProposed } from "./proposed.ts";
import * as repo from "./repository.ts";
import { unhandled } from "./rules.ts";
import { type EventPatch, eventPatch, type ReportInput, reportInput } from "./schema.ts";
import type { KvalitetDB } from "./tables.ts";

type Db = DbOf<KvalitetDB>;

/** Händelser happen on a unit or in an operating area, not on a nämnd or the kommun as a whole. */
export function requireEventUnit<N extends { kind: string; name: string }>(unit: N): N {
  if (unit.kind !== "enhet" && unit.kind !== "verksamhetsomrade") {
    throw validationError(
      "Händelsen sparades inte",
      labelledProblems(reportInput, [
        { field: "orgNodeId", message: `Välj den enhet där händelsen inträffade, inte ${unit.name}.` },
      ]),
    );
  }
  return unit;
}

/**
 * A report from anyone who may read the unit (staff report where they work). The answer is not the record:
 * a reporter without read:kvalitet may not read händelser, their own included. Who reported stays in the
 * audit log only.
 */
export async function reportEvent(db: Db, actor: Actor, input: ReportInput) {
  return write(db, actor, "read", input.orgNodeId, async ({ trx, node, audit }) => {
    const unit = requireEventUnit(node);
    const today = todayInSweden();
    const p: Proposed = {
      orgNodeId: unit.id,
      kind: input.kind,
      category: input.category ?? null,
      occurredOn: input.occurredOn,
      noticedOn: input.noticedOn,
      reportedOn: today,
      whatHappened: input.whatHappened,
      immediateAction: input.immediateAction ?? null,
      ...unhandled(),
    };
    const result = resolveProposed(p, await listsOf(trx, kommunIdOf(unit.path)), null, today);
    if (!result.ok) throw validationError("Händelsen sparades inte", labelledProblems(eventPatch, result.problems));
    const id = randomUUID();
    await repo.insertEvents(trx, [{ ...result.resolved.values, id }]);
    const row = await eventOrThrow(trx, id);
    await audit("kvalitet_event", row.id, "create", { after: row });
    return { id: row.id, reportedOn: row.reported_on, status: row.status, warnings: result.resolved.warnings };
  });
}

/** A change to one händelse by someone with write:kvalitet on its unit; answers it as it now stands. */
async function changeEvent(db: Db, actor: Actor, id: string, change: (p: Proposed) => Proposed, action: string) {
  return writeRecord(
    db,
    actor,
    "write:kvalitet",
    (db) => eventOrThrow(db, id),
    async ({ trx, node, record, audit }) => {
      if (record.closed_on !== null) {
        throw new DomainError("conflict", `Händelsen är utredd och avslutad ${record.closed_on} och kan inte ändras.`);
      }
      const { lists, ...current } = await chosenOf(trx, id, kommunIdOf(node.path));
      const today = todayInSweden();
      const result = resolveProposed(change(proposedOf(record, lists, current)), lists, current, today);
      if (!result.ok) throw validationError("Händelsen sparades inte", labelledProblems(eventPatch, result.problems));
      const { org_node_id: _unit, kind: _kind, ...values } = result.resolved.values;
      const after = await repo.updateEvent(trx, id, values);
      await repo.replaceLinks(trx, id, result.resolved.typeIds, result.resolved.causeIds);
      await audit("kvalitet_event", id, action, {
        before: { ...record, types: current.typeIds, causes: current.causeIds },
        after: { ...after, types: result.resolved.typeIds, causes: result.resolved.causeIds },
      });
      const chosen = { lists, typeIds: result.resolved.typeIds, causeIds: result.resolved.causeIds };
      return describeEvent(trx, actor, after, node, chosen, result.resolved.warnings);
    },
  );
}

const patched = <T>(value: T | undefined, current: T): T => (value === undefined ? current : value);

/** Classifies, investigates, escalates or corrects an open händelse. */
export function updateEvent(db: Db, actor: Actor, id: string, patch: EventPatch) {
  return changeEvent(
    db,
    actor,
    id,
    (c) => ({
      ...c,
      category: patched(patch.category, c.category),
      occurredOn: patch.occurredOn ?? c.occurredOn,
      noticedOn: patch.noticedOn ?? c.noticedOn,
      whatHappened: patch.whatHappened ?? c.whatHappened,
      immediateAction: patched(patch.immediateAction, c.immediateAction),
      types: patch.types ?? c.types,
      causes: patch.causes ?? c.causes,
      investigation: patched(patch.investigation, c.investigation),
      measures: patched(patch.measures, c.measures),
      lexSarahOn: patched(patch.lexSarahOn, c.lexSarahOn),
      masOn: patched(patch.masOn, c.masOn),
    }),
    "update",
  );
}

/** "Utredd och avslutad": needs classification, investigation and a cause (rules.ts says which are missing). */
export function closeEvent(db: Db, actor: Actor, id: string, closedOn = todayInSweden()) {
  return changeEvent(db, actor, id, (c) => ({ ...c, closedOn }), "close");
}
