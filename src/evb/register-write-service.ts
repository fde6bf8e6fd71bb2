import { kommunIdOf } from "../organisation/index.ts";
import type { Actor } from "../platform/auth/access.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { DomainError, notFound } from "../platform/errors.ts";
import { write } from "../platform/service.ts";
import {
  insertProposed,
  loadStored,
  type Proposed,
  type ProposedInterruption,
  type ProposedOffer,
  requireDecisionUnit,
  resolveOrThrow,
  type Stored,
  saveDecision,
  saveInterruption,
  saveOffer,
} from "./proposed.ts";
import { getDecision } from "./register-read-service.ts";
import * as repo from "./repository.ts";
import type { DecisionInput, DecisionPatch, InterruptionInput, OfferInput } from "./schema.ts";
import type { EvbDB } from "./tables.ts";
import { refreshWaits } from "./waits.ts";

type Db = DbOf<EvbDB>;

const toOffer = (o: OfferInput): ProposedOffer => ({ date: o.date, answer: o.answer ?? null, note: o.note ?? null });

const toInterruption = (x: InterruptionInput): ProposedInterruption => ({
  start: x.start,
  resumed: x.resumed ?? null,
  reasonCode: x.reasonCode ?? null,
  reasonText: x.reasonText ?? null,
});

function proposedFromInput(input: DecisionInput): Proposed {
  return {
    orgNodeId: input.orgNodeId,
    personId: input.personId,
    sex: input.sex ?? null,
    protectedIdentity: input.protectedIdentity,
    insatsId: input.insatsId,
    decisionDate: input.decisionDate,
    partsTotal: input.partsTotal,
    partsExecuted: input.partsExecuted,
    delayReason: input.delayReason ?? null,
    reasonText: input.reasonText ?? null,
    interimSupport: input.interimSupport ?? null,
    executedDate: input.executedDate ?? null,
    closedDate: input.closedDate ?? null,
    closureReason: input.closureReason ?? null,
    offers: input.offers.map(toOffer),
    interruptions: input.interruptions.map(toInterruption),
  };
}

export async function createDecision(db: Db, actor: Actor, input: DecisionInput) {
  const id = await write(db, actor, "write:evb", input.orgNodeId, async ({ trx, node, audit }) => {
    const kommunId = kommunIdOf(requireDecisionUnit(node).path);
    const p = proposedFromInput(input);
    const resolved = await resolveOrThrow(trx, kommunId, await repo.codesOf(trx, kommunId), p, null);
    return insertProposed(trx, audit, p, resolved);
  });
  return getDecision(db, actor, id);
}

/** Runs a change to one decision as a write on its unit, and reads the decision afterwards. */
async function changeDecision(db: Db, actor: Actor, id: string, change: (s: Stored) => Promise<void>) {
  const located = await repo.findDecision(db, id);
  if (!located) throw notFound("Beslutet");
  await write(db, actor, "write:evb", located.org_node_id, async ({ trx, node: unit, audit }) => {
    // Read again under the write's lock, so checks such as "already executed" see every earlier write.
    const row = await repo.findDecision(trx, id);
    if (!row) throw notFound("Beslutet");
    if (row.org_node_id !== unit.id) {
      throw new DomainError(
        "conflict",
        "Beslutet flyttades till en annan enhet medan du ändrade det. Läs in det igen.",
      );
    }
    const kommunId = kommunIdOf(unit.path);
    const codes = await repo.codesOf(trx, kommunId);
    await change({ trx, audit, row, kommunId, codes, ...(await loadStored(trx, row, codes)) });
    await refreshWaits(trx, [id]);
  });
  return getDecision(db, actor, id);
}

const patchValue = <K extends keyof DecisionPatch>(patch: DecisionPatch, key: K, current: unknown) =>
  patch[key] === undefined ? current : (patch[key] ?? null);

export function updateDecision(db: Db, actor: Actor, id: string, patch: DecisionPatch) {
  return changeDecision(db, actor, id, (s) => {
    const c = s.proposed;
    const p: Proposed = {
      ...c,
      orgNodeId: patch.orgNodeId ?? c.orgNodeId,
      personId: patch.personId ?? c.personId,
      // A new id without a stated sex takes its sex from the id.
      sex: patch.sex !== undefined ? (patch.sex ?? null) : patch.personId !== undefined ? null : c.sex,
      protectedIdentity: patch.protectedIdentity ?? c.protectedIdentity,
      insatsId: patch.insatsId ?? c.insatsId,
      decisionDate: patch.decisionDate ?? c.decisionDate,
      partsTotal: patch.partsTotal ?? c.partsTotal,
      partsExecuted: patch.partsExecuted ?? c.partsExecuted,
      delayReason: patchValue(patch, "delayReason", c.delayReason) as string | null,
      reasonText: patchValue(patch, "reasonText", c.reasonText) as string | null,
      interimSupport: patchValue(patch, "interimSupport", c.interimSupport) as string | null,
      executedDate: patchValue(patch, "executedDate", c.executedDate) as string | null,
      closedDate: patchValue(patch, "closedDate", c.closedDate) as string | null,
      closureReason: patchValue(patch, "closureReason", c.closureReason) as string | null,
    };
    // Clearing the execution of a decision reopens it fully.
    if (patch.executedDate === null && patch.partsExecuted === undefined && c.executedDate !== null)
      p.partsExecuted = 0;
    return saveDecision(s, actor, p);
  });
}

export function executeDecision(db: Db, actor: Actor, id: string, executedDate: string) {
  return changeDecision(db, actor, id, (s) => {
    if (s.row.executed_date) {
      throw new DomainError(
        "conflict",
        `Beslutet är redan verkställt ${s.row.executed_date}. Ändra datumet i stället.`,
      );
    }
    if (s.row.closed_date) {
      throw new DomainError("conflict", `Beslutet avslutades ${s.row.closed_date} och kan inte verkställas.`);
    }
    return saveDecision(s, actor, { ...s.proposed, executedDate }, "execute");
  });
}

export function closeDecision(db: Db, actor: Actor, id: string, closedDate: string, closureReason: string) {
  return changeDecision(db, actor, id, (s) => {
    if (s.row.closed_date) throw new DomainError("conflict", `Beslutet är redan avslutat ${s.row.closed_date}.`);
    // Closing matters to the clock only while something waits: before execution or during an interruption.
    if (s.row.executed_date && !s.proposed.interruptions.some((x) => x.resumed === null)) {
      throw new DomainError(
        "conflict",
        `Beslutet verkställdes ${s.row.executed_date} och har inget pågående avbrott; det finns inget att avsluta.`,
      );
    }
    return saveDecision(s, actor, { ...s.proposed, closedDate, closureReason }, "close");
  });
}

export function addOffer(db: Db, actor: Actor, decisionId: string, input: OfferInput) {
  return changeDecision(db, actor, decisionId, async (s) => {
    const offer = toOffer(input);
    await resolveOrThrow(s.trx, s.kommunId, s.codes, { ...s.proposed, offers: [...s.proposed.offers, offer] }, s.row);
    await saveOffer(s.trx, s.audit, { decisionId: s.row.id, orgNodeId: s.row.org_node_id }, offer);
  });
}

export function addInterruption(db: Db, actor: Actor, decisionId: string, input: InterruptionInput) {
  return changeDecision(db, actor, decisionId, async (s) => {
    const x = toInterruption(input);
    const interruptions = [...s.proposed.interruptions, x];
    const resolved = await resolveOrThrow(s.trx, s.kommunId, s.codes, { ...s.proposed, interruptions }, s.row);
    const at = { decisionId: s.row.id, orgNodeId: s.row.org_node_id };
    await saveInterruption(s.trx, s.audit, at, x, resolved.interruptionReasonIds.at(-1) ?? null);
  });
}

/** Offers and interruptions are changed by their own id, as a change to the decision they belong to. */
const children = {
  evb_offer: { what: "Erbjudandet", find: repo.findOffer, remove: repo.deleteOffer, of: (s: Stored) => s.offers },
  evb_interruption: {
    what: "Avbrottet",
    find: repo.findInterruption,
    remove: repo.deleteInterruption,
    of: (s: Stored) => s.interruptions,
  },
};
type Child = keyof typeof children;

/** Runs `change` on the decision the child belongs to, with the child's index among the stored ones. */
async function changeChild(
  db: Db,
  actor: Actor,
  entity: Child,
  childId: string,
  change: (s: Stored, index: number) => Promise<void>,
) {
  const { what, find, of } = children[entity];
  const child = await find(db, childId);
  if (!child) throw notFound(what);
  return changeDecision(db, actor, child.decision_id, (s) => {
    const index = of(s).findIndex((x) => x.id === childId);
    if (index < 0) throw notFound(what);
    return change(s, index);
  });
}

export function updateOffer(db: Db, actor: Actor, offerId: string, patch: Partial<OfferInput>) {
  return changeChild(db, actor, "evb_offer", offerId, async (s, index) => {
    const before = s.offers[index] as repo.OfferRow;
    const next = {
      date: patch.date ?? before.offered_date,
      answer: patch.answer === undefined ? before.answer : (patch.answer ?? null),
      note: patch.note === undefined ? before.note : (patch.note ?? null),
    };
    const offers = s.proposed.offers.map((o, i) => (i === index ? next : o));
    await resolveOrThrow(s.trx, s.kommunId, s.codes, { ...s.proposed, offers }, s.row);
    await saveOffer(s.trx, s.audit, { decisionId: s.row.id, orgNodeId: s.row.org_node_id }, next, before);
  });
}

export function updateInterruption(db: Db, actor: Actor, interruptionId: string, patch: Partial<InterruptionInput>) {
  return changeChild(db, actor, "evb_interruption", interruptionId, async (s, index) => {
    const current = s.proposed.interruptions[index] as ProposedInterruption;
    const next = {
      start: patch.start ?? current.start,
      resumed: patch.resumed === undefined ? current.resumed : (patch.resumed ?? null),
      reasonCode: patch.reasonCode === undefined ? current.reasonCode : (patch.reasonCode ?? null),
      reasonText: patch.reasonText === undefined ? current.reasonText : (patch.reasonText ?? null),
    };
    const interruptions = s.proposed.interruptions.map((x, i) => (i === index ? next : x));
    const resolved = await resolveOrThrow(s.trx, s.kommunId, s.codes, { ...s.proposed, interruptions }, s.row);
    const at = { decisionId: s.row.id, orgNodeId: s.row.org_node_id };
    const reasonId = resolved.interruptionReasonIds[index] ?? null;
    await saveInterruption(s.trx, s.audit, at, next, reasonId, s.interruptions[index] as repo.InterruptionRow);
  });
}

function deleteChild(db: Db, actor: Actor, entity: Child, childId: string) {
  return changeChild(db, actor, entity, childId, async (s, index) => {
    await children[entity].remove(s.trx, childId);
    await s.audit(entity, childId, "delete", { before: children[entity].of(s)[index] });
  });
}

export const deleteOffer = (db: Db, actor: Actor, offerId: string) => deleteChild(db, actor, "evb_offer", offerId);

export const deleteInterruption = (db: Db, actor: Actor, interruptionId: string) =>
  deleteChild(db, actor, "evb_interruption", interruptionId);
