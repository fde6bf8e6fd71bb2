// Writes a checked batch of the import: new and changed decisions, offers and interruptions in a few
// statements, and one audit event per table listing each written row before and after (bulkEvent).
import { randomUUID } from "node:crypto";
import { type BulkRowChange, bulkEvent, bulkRowChange } from "../platform/audit/audit.ts";
import type { DbOf } from "../platform/db/schema.ts";
import type { BoundAuditMany } from "../platform/service.ts";
import * as importRepo from "./import-repository.ts";
import type { changesOf, Insats, Proposed, Resolved } from "./proposed.ts";
import type { DecisionRow, InterruptionRow, OfferRow } from "./repository.ts";
import type { EvbDB } from "./tables.ts";
import { refreshWaits } from "./waits.ts";

/** A checked row: what it proposes, resolved to stored values, and what it changes of a stored decision. */
export type Plan = {
  proposed: Proposed;
  resolved: Resolved;
  insats: Insats;
  stored: { row: DecisionRow; offers: readonly OfferRow[]; interruptions: readonly InterruptionRow[] } | null;
  /** Null for a new decision. */
  changes: ReturnType<typeof changesOf> | null;
};

/**
 * Writes the batch's plans. A decision's label names its date and insats, not the person (as the audit
 * labels' titles do); the person stays in the row.
 */
export async function writeBatch(
  trx: DbOf<EvbDB>,
  auditMany: BoundAuditMany,
  scopeId: string,
  plans: readonly Plan[],
): Promise<void> {
  const newDecisions: importRepo.NewDecision[] = [];
  const changedDecisions: importRepo.NewDecision[] = [];
  const moves: { id: string; org_node_id: string }[] = [];
  const newOffers: importRepo.OfferWrite[] = [];
  const changedOffers: importRepo.OfferWrite[] = [];
  const newInterruptions: importRepo.InterruptionWrite[] = [];
  const changedInterruptions: importRepo.InterruptionWrite[] = [];
  const audited: Record<"evb_decision" | "evb_offer" | "evb_interruption", BulkRowChange[]> = {
    evb_decision: [],
    evb_offer: [],
    evb_interruption: [],
  };

  const touched: string[] = [];
  for (const { proposed: p, resolved, insats, stored, changes } of plans) {
    if (changes && !changes.any) continue;
    const values = resolved.values;
    const decisionId = stored?.row.id ?? randomUUID();
    touched.push(decisionId);
    const label = `Beslut ${values.decision_date} (${insats.name})`;
    if (!stored || changes?.decision) {
      const row = { id: decisionId, ...values };
      (stored ? changedDecisions : newDecisions).push(row);
      audited.evb_decision.push(bulkRowChange(decisionId, label, stored?.row, row));
      if (stored && stored.row.org_node_id !== values.org_node_id) {
        moves.push({ id: decisionId, org_node_id: values.org_node_id });
      }
    }
    const at = { org_node_id: values.org_node_id, decision_id: decisionId };
    for (const [i, o] of p.offers.entries()) {
      if (changes && !changes.offers[i]) continue;
      const before = stored?.offers[i];
      const row = { id: before?.id ?? randomUUID(), ...at, offered_date: o.date, answer: o.answer, note: o.note };
      (before ? changedOffers : newOffers).push(row);
      audited.evb_offer.push(bulkRowChange(row.id, `${label}, erbjudande ${o.date}`, before, row));
    }
    for (const [i, x] of p.interruptions.entries()) {
      if (changes && !changes.interruptions[i]) continue;
      const before = stored?.interruptions[i];
      const row = {
        id: before?.id ?? randomUUID(),
        ...at,
        start_date: x.start,
        resumed_date: x.resumed,
        reason_code_id: resolved.interruptionReasonIds[i] ?? null,
        reason_text: x.reasonText,
      };
      (before ? changedInterruptions : newInterruptions).push(row);
      audited.evb_interruption.push(bulkRowChange(row.id, `${label}, avbrott ${x.start}`, before, row));
    }
  }

  await importRepo.insertDecisions(trx, newDecisions);
  await importRepo.updateDecisions(trx, changedDecisions);
  await importRepo.moveChildrenOf(trx, moves);
  await importRepo.insertOffers(trx, newOffers);
  await importRepo.updateOffers(trx, changedOffers);
  await importRepo.insertInterruptions(trx, newInterruptions);
  await importRepo.updateInterruptions(trx, changedInterruptions);
  // The dashboard counts the stored waits (evb_wait): each written decision's are computed anew.
  await refreshWaits(trx, touched);
  await auditMany(
    Object.entries(audited)
      .filter(([, rows]) => rows.length > 0)
      .map(([entity, rows]) => bulkEvent(entity, scopeId, rows, { source: "import" })),
  );
}
