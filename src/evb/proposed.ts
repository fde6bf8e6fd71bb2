import { kommunIdOf } from "../organisation/index.ts";
import { type Actor, requireAccess } from "../platform/auth/access.ts";
import { todayInSweden } from "../platform/calendar.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { DomainError } from "../platform/errors.ts";
import type { BoundAudit } from "../platform/service.ts";
import { type FieldProblem, labelledProblems, validationError } from "../platform/validation.ts";
import type { Sex } from "./person-id.ts";
import * as repo from "./repository.ts";
import { checkDecision } from "./rules.ts";
import { decisionInput } from "./schema.ts";
import type { EvbDB } from "./tables.ts";
import { refreshWaits } from "./waits.ts";

type Db = DbOf<EvbDB>;

/** A decision as proposed by a write, with reason codes as their code strings. */
export type Proposed = {
  orgNodeId: string;
  personId: string;
  sex: Sex | null;
  protectedIdentity: boolean;
  insatsId: string;
  decisionDate: string;
  partsTotal: number;
  partsExecuted: number;
  delayReason: string | null;
  reasonText: string | null;
  interimSupport: string | null;
  executedDate: string | null;
  closedDate: string | null;
  closureReason: string | null;
  offers: ProposedOffer[];
  interruptions: ProposedInterruption[];
};
export type ProposedOffer = { date: string; answer: "ja" | "nej" | null; note: string | null };
export type ProposedInterruption = {
  start: string;
  resumed: string | null;
  reasonCode: string | null;
  reasonText: string | null;
};

export type Codes = Awaited<ReturnType<typeof repo.codesOf>>;
export type Insats = Awaited<ReturnType<typeof repo.insatserOf>>[number];

export type Resolved = { values: repo.DecisionValues; interruptionReasonIds: (string | null)[] };

/** What a check needs of the stored decision when editing (null when the decision is new). */
export type Current = { insats_id: string; delay_code_id: string | null; closure_code_id: string | null } | null;

export type Checked = { ok: true; resolved: Resolved } | { ok: false; problems: FieldProblem[] };

/**
 * Checks a proposed decision against the rules and the kommun's catalogue. `current` is the stored row when
 * editing: an insats or code that has since been deactivated may stay, but not be chosen anew.
 */
export async function resolveProposed(
  db: Db,
  kommunId: string,
  codes: Codes,
  p: Proposed,
  current: Current,
  today: string,
): Promise<Checked> {
  return checkProposed(await repo.findInsats(db, p.insatsId), kommunId, codes, p, current, today);
}

/** resolveProposed with the chosen insats already looked up, so an import checks many rows without a query each. */
export function checkProposed(
  insats: Insats | undefined,
  kommunId: string,
  codes: Codes,
  p: Proposed,
  current: Current,
  today: string,
): Checked {
  const { problems, id } = checkDecision(p, today);
  if (!insats || insats.org_node_id !== kommunId) {
    problems.push({ field: "insatsId", message: "Insatsen finns inte i kommunens katalog." });
  } else if (!insats.active && current?.insats_id !== insats.id) {
    problems.push({ field: "insatsId", message: `Insatsen ${insats.name} är inaktiverad i katalogen.` });
  }
  const codeId = (kind: "delay" | "closure", code: string | null, field: string, currentId: string | null) => {
    if (code === null) return null;
    const found = codes.find((c) => c.kind === kind && c.code === code);
    if (!found) {
      const valid = codes.filter((c) => c.kind === kind && c.active).map((c) => c.code);
      problems.push({ field, message: `Okänd kod ${code}. Giltiga koder: ${valid.join(", ")}.` });
      return null;
    }
    if (!found.active && found.id !== currentId) problems.push({ field, message: `Koden ${code} är inaktiverad.` });
    return found.id;
  };
  const delayId = codeId("delay", p.delayReason, "delayReason", current?.delay_code_id ?? null);
  const closureId = codeId("closure", p.closureReason, "closureReason", current?.closure_code_id ?? null);
  const interruptionReasonIds = p.interruptions.map((x, i) =>
    codeId("delay", x.reasonCode, `interruptions.${i}.reasonCode`, null),
  );
  if (problems.length > 0 || !id) return { ok: false, problems };
  return {
    ok: true,
    resolved: {
      values: {
        org_node_id: p.orgNodeId,
        person_id: id.value,
        sex: p.sex ?? id.sex,
        protected_identity: p.protectedIdentity,
        insats_id: p.insatsId,
        decision_date: p.decisionDate,
        parts_total: p.partsTotal,
        // Kept after full execution too: a report drawn up for an earlier quarter still shows the partial state.
        parts_executed: p.partsExecuted,
        executed_date: p.executedDate,
        closed_date: p.closedDate,
        closure_code_id: closureId,
        delay_code_id: delayId,
        reason_text: p.reasonText,
        interim_support: p.interimSupport,
      },
      interruptionReasonIds,
    },
  };
}

export async function resolveOrThrow(
  db: Db,
  kommunId: string,
  codes: Codes,
  p: Proposed,
  current: repo.DecisionRow | null,
): Promise<Resolved> {
  const result = await resolveProposed(db, kommunId, codes, p, current, todayInSweden());
  if (!result.ok) throw validationError("Beslutet sparades inte", labelledProblems(decisionInput, result.problems));
  return result.resolved;
}

/** Decisions are registered on a unit or an operating area, where the insats is to be executed. */
export function requireDecisionUnit<N extends { kind: string; name: string }>(unit: N): N {
  if (unit.kind !== "enhet" && unit.kind !== "verksamhetsomrade") {
    throw validationError(
      "Beslutet sparades inte",
      labelledProblems(decisionInput, [
        { field: "orgNodeId", message: `Välj en enhet eller ett verksamhetsområde, inte ${unit.name}.` },
      ]),
    );
  }
  return unit;
}

/** Writes a new decision with its offers and interruptions; one audit row per row written. */
export async function insertProposed(trx: Db, audit: BoundAudit, p: Proposed, resolved: Resolved): Promise<string> {
  const taken = await repo.findDecisionByKey(trx, resolved.values.insats_id, resolved.values.person_id, p.decisionDate);
  if (taken) {
    throw new DomainError(
      "conflict",
      `Beslutet för ${resolved.values.person_id} om samma insats den ${p.decisionDate} finns redan i registret.`,
    );
  }
  const row = await repo.insertDecision(trx, resolved.values);
  await audit("evb_decision", row.id, "create", { after: row, orgNodeId: row.org_node_id });
  const at = { decisionId: row.id, orgNodeId: row.org_node_id };
  for (const o of p.offers) await saveOffer(trx, audit, at, o);
  for (const [i, x] of p.interruptions.entries()) {
    await saveInterruption(trx, audit, at, x, resolved.interruptionReasonIds[i] ?? null);
  }
  await refreshWaits(trx, [row.id]);
  return row.id;
}

/** Where an offer or interruption belongs: its decision, and the unit it shares as tenant key. */
type ChildOf = { decisionId: string; orgNodeId: string };

/** Adds an offer, or rewrites `before` with it. */
export async function saveOffer(trx: Db, audit: BoundAudit, at: ChildOf, o: ProposedOffer, before?: repo.OfferRow) {
  const values = { offered_date: o.date, answer: o.answer, note: o.note };
  const after = before
    ? await repo.updateOffer(trx, before.id, values)
    : await repo.insertOffer(trx, { org_node_id: at.orgNodeId, decision_id: at.decisionId, ...values });
  await audit("evb_offer", after.id, before ? "update" : "create", { before, after, orgNodeId: at.orgNodeId });
}

/** Adds an interruption, or rewrites `before` with it; `reasonId` is its reason code resolved to an id. */
export async function saveInterruption(
  trx: Db,
  audit: BoundAudit,
  at: ChildOf,
  x: ProposedInterruption,
  reasonId: string | null,
  before?: repo.InterruptionRow,
) {
  const values = { start_date: x.start, resumed_date: x.resumed, reason_code_id: reasonId, reason_text: x.reasonText };
  const after = before
    ? await repo.updateInterruption(trx, before.id, values)
    : await repo.insertInterruption(trx, { org_node_id: at.orgNodeId, decision_id: at.decisionId, ...values });
  await audit("evb_interruption", after.id, before ? "update" : "create", { before, after, orgNodeId: at.orgNodeId });
}

/** The stored decision with its children, and the same as a Proposed for re-validation after a change. */
export async function loadStored(db: Db, row: repo.DecisionRow, codes: Codes) {
  const offers = await repo.offersOf(db, row.id);
  const interruptions = await repo.interruptionsOf(db, row.id);
  return { offers, interruptions, proposed: storedProposed(row, offers, interruptions, codes) };
}

/** A stored decision and its children (in stored order) as a Proposed, with reason codes as code strings. */
export function storedProposed(
  row: repo.DecisionRow,
  offers: readonly repo.OfferRow[],
  interruptions: readonly repo.InterruptionRow[],
  codes: Codes,
): Proposed {
  const codeOf = (id: string | null) => (id === null ? null : (codes.find((c) => c.id === id)?.code ?? null));
  return {
    orgNodeId: row.org_node_id,
    personId: row.person_id,
    sex: row.sex,
    protectedIdentity: row.protected_identity,
    insatsId: row.insats_id,
    decisionDate: row.decision_date,
    partsTotal: row.parts_total,
    partsExecuted: row.parts_executed,
    delayReason: codeOf(row.delay_code_id),
    reasonText: row.reason_text,
    interimSupport: row.interim_support,
    executedDate: row.executed_date,
    closedDate: row.closed_date,
    closureReason: codeOf(row.closure_code_id),
    offers: offers.map((o) => ({ date: o.offered_date, answer: o.answer, note: o.note })),
    interruptions: interruptions.map((x) => ({
      start: x.start_date,
      resumed: x.resumed_date,
      reasonCode: codeOf(x.reason_code_id),
      reasonText: x.reason_text,
    })),
  };
}

/** A stored decision opened for a change inside the transaction `trx`, whose events `audit` records. */
export type Stored = Awaited<ReturnType<typeof loadStored>> & {
  trx: Db;
  audit: BoundAudit;
  row: repo.DecisionRow;
  kommunId: string;
  codes: Codes;
};

const sameValues = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  Object.keys(b).every((k) => a[k] === b[k]);

/** Writes changed decision fields with one audit row; nothing at all when nothing changed. */
export async function saveDecision(s: Stored, actor: Actor, p: Proposed, action = "update") {
  const resolved = await resolveOrThrow(s.trx, s.kommunId, s.codes, p, s.row);
  if (sameValues(s.row, resolved.values)) return;
  if (resolved.values.org_node_id !== s.row.org_node_id) {
    // The write checked the unit the decision is on; a move needs write access where it goes, too.
    const unit = requireDecisionUnit(await requireAccess(s.trx, actor, "write:evb", resolved.values.org_node_id));
    if (kommunIdOf(unit.path) !== s.kommunId) {
      throw new DomainError("validation", "Ett beslut kan inte flyttas till en annan kommun.");
    }
    await repo.moveChildren(s.trx, s.row.id, unit.id);
  }
  if (
    resolved.values.insats_id !== s.row.insats_id ||
    resolved.values.person_id !== s.row.person_id ||
    resolved.values.decision_date !== s.row.decision_date
  ) {
    const taken = await repo.findDecisionByKey(
      s.trx,
      resolved.values.insats_id,
      resolved.values.person_id,
      resolved.values.decision_date,
    );
    if (taken && taken.id !== s.row.id)
      throw new DomainError("conflict", "Ett likadant beslut finns redan i registret.");
  }
  const after = await repo.updateDecision(s.trx, s.row.id, resolved.values);
  await s.audit("evb_decision", s.row.id, action, { before: s.row, after, orgNodeId: after.org_node_id });
}

/**
 * What a Proposed changes of a stored decision: the decision's own fields, and each offer and interruption by
 * position. The Proposed must list the stored offers and interruptions first and in stored order (as the
 * import's merge does), followed by new ones.
 */
export function changesOf(
  stored: { row: repo.DecisionRow; offers: readonly repo.OfferRow[]; interruptions: readonly repo.InterruptionRow[] },
  p: Proposed,
  resolved: Resolved,
) {
  const decision = !sameValues(stored.row, resolved.values);
  const offers = p.offers.map((o, i) => {
    const s = stored.offers[i];
    return !s || s.offered_date !== o.date || s.answer !== o.answer || s.note !== o.note;
  });
  const interruptions = p.interruptions.map((x, i) => {
    const s = stored.interruptions[i];
    return (
      !s ||
      s.start_date !== x.start ||
      s.resumed_date !== x.resumed ||
      s.reason_code_id !== (resolved.interruptionReasonIds[i] ?? null) ||
      s.reason_text !== x.reasonText
    );
  });
  return { decision, offers, interruptions, any: decision || offers.some(Boolean) || interruptions.some(Boolean) };
}
