import type { Kysely } from "kysely";
import type { z } from "zod";
import { recordAudit } from "../platform/audit/audit.ts";
import { type Actor, can, requireAccess, scopesFor } from "../platform/auth/access.ts";
import type { DB } from "../platform/db/schema.ts";
import { DomainError, forbidden, notFound } from "../platform/errors.ts";
import { type FieldProblem, problemsToText } from "../platform/validation.ts";
import { formatQuarter, parseQuarter, type Quarter, quarterEnd, quarterStart, todayInSweden } from "./calendar.ts";
import {
  becomesReportableWithin,
  type ClockState,
  clockAt,
  EARLY_WARNING_DAYS,
  statusLabels,
  waitingBandLabels,
} from "./clock.ts";
import { type ReportPart, reportTable, reportXlsx, toCsv } from "./export.ts";
import type { Sex } from "./person-id.ts";
import { dashboard, partialText, quarterReport, type RegisterDecision } from "./report.ts";
import * as repo from "./repository.ts";
import { checkDecision } from "./rules.ts";
import type {
  codeInput,
  codePatch,
  DecisionInput,
  DecisionPatch,
  InterruptionInput,
  insatsInput,
  insatsPatch,
  OfferInput,
  RegisterQuery,
  StatusFilter,
} from "./schema.ts";

type Db = Kysely<DB>;

/** The kommun (root node) a node belongs to: the first id of its materialised path. */
export const kommunIdOf = (path: string) => path.split("/")[1] as string;

function validationError(what: string, problems: FieldProblem[]): DomainError {
  return new DomainError("validation", `${what}: ${problemsToText(problems)}`, { problems });
}

// ---------------------------------------------------------------- catalogue

const toInsats = (r: Awaited<ReturnType<typeof repo.insatserOf>>[number]) => ({
  id: r.id,
  code: r.code,
  law: r.law,
  lagrum: r.lagrum,
  name: r.name,
  active: r.active,
  sortOrder: r.sort_order,
});

const toCode = (r: Awaited<ReturnType<typeof repo.codesOf>>[number]) => ({
  id: r.id,
  kind: r.kind,
  code: r.code,
  label: r.label,
  side: r.side,
  active: r.active,
  sortOrder: r.sort_order,
});

async function nodeOrThrow(db: Db, id: string) {
  const node = await repo.nodeById(db, id);
  if (!node) throw notFound("Organisationsenheten");
  return node;
}

/** The kommun's catalogue; anyone who may read the node may read it (it holds no personal data). */
export async function catalogue(db: Db, actor: Actor, orgNodeId: string) {
  const node = await requireAccess(db, actor, "read", orgNodeId);
  const kommunId = kommunIdOf(node.path);
  const insatser = await repo.insatserOf(db, kommunId);
  const codes = await repo.codesOf(db, kommunId);
  return {
    kommunId,
    insatser: insatser.map(toInsats),
    delayReasons: codes.filter((c) => c.kind === "delay").map(toCode),
    closureReasons: codes.filter((c) => c.kind === "closure").map(toCode),
  };
}

/** The catalogue is the kommun's: only an admin of the whole kommun edits it. */
async function requireKommunAdmin(db: Db, actor: Actor, orgNodeId: string): Promise<string> {
  const kommunId = kommunIdOf((await nodeOrThrow(db, orgNodeId)).path);
  await requireAccess(db, actor, "admin", kommunId);
  return kommunId;
}

export async function installStandardCatalogue(db: Db, actor: Actor, orgNodeId: string) {
  return db.transaction().execute(async (trx) => {
    const kommunId = await requireKommunAdmin(trx, actor, orgNodeId);
    const added = await repo.installStandardCatalogue(trx, kommunId);
    if (added.insatser + added.codes > 0) {
      await recordAudit(trx, actor, {
        entity: "evb_catalogue",
        entityId: kommunId,
        orgNodeId: kommunId,
        action: "install",
        after: added,
      });
    }
    return added;
  });
}

export async function createInsats(db: Db, actor: Actor, input: z.infer<typeof insatsInput>) {
  return db.transaction().execute(async (trx) => {
    const kommunId = await requireKommunAdmin(trx, actor, input.orgNodeId);
    const existing = await repo.insatserOf(trx, kommunId);
    if (existing.some((i) => i.code === input.code)) {
      throw new DomainError("conflict", `Koden ${input.code} finns redan i katalogen.`);
    }
    if (existing.some((i) => i.law === input.law && i.name.toLowerCase() === input.name.toLowerCase())) {
      throw new DomainError("conflict", `Insatsen ${input.name} enligt ${input.law} finns redan i katalogen.`);
    }
    const row = await repo.insertInsats(trx, {
      org_node_id: kommunId,
      code: input.code,
      law: input.law,
      lagrum: input.lagrum,
      name: input.name,
      active: input.active,
      sort_order: input.sortOrder,
    });
    await recordAudit(trx, actor, {
      entity: "evb_insats",
      entityId: row.id,
      orgNodeId: kommunId,
      action: "create",
      after: row,
    });
    return toInsats(row);
  });
}

export async function updateInsats(db: Db, actor: Actor, id: string, patch: z.infer<typeof insatsPatch>) {
  return db.transaction().execute(async (trx) => {
    const before = await repo.findInsats(trx, id);
    if (!before) throw notFound("Insatsen");
    await requireAccess(trx, actor, "admin", before.org_node_id);
    const law = patch.law ?? before.law;
    const name = patch.name ?? before.name;
    const clash = (await repo.insatserOf(trx, before.org_node_id)).some(
      (i) => i.id !== id && i.law === law && i.name.toLowerCase() === name.toLowerCase(),
    );
    if (clash) throw new DomainError("conflict", `Insatsen ${name} enligt ${law} finns redan i katalogen.`);
    const after = await repo.updateInsats(trx, id, {
      ...(patch.law !== undefined ? { law: patch.law } : {}),
      ...(patch.lagrum !== undefined ? { lagrum: patch.lagrum } : {}),
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
      ...(patch.sortOrder !== undefined ? { sort_order: patch.sortOrder } : {}),
    });
    await recordAudit(trx, actor, {
      entity: "evb_insats",
      entityId: id,
      orgNodeId: before.org_node_id,
      action: "update",
      before,
      after,
    });
    return toInsats(after);
  });
}

export async function createCode(db: Db, actor: Actor, input: z.infer<typeof codeInput>) {
  return db.transaction().execute(async (trx) => {
    const kommunId = await requireKommunAdmin(trx, actor, input.orgNodeId);
    if (input.side && input.kind !== "delay") {
      throw new DomainError("validation", 'Fältet "side": bara orsaker till dröjsmål har en sida (kommun/enskild).');
    }
    const existing = await repo.codesOf(trx, kommunId);
    if (existing.some((c) => c.kind === input.kind && c.code === input.code)) {
      throw new DomainError("conflict", `Koden ${input.code} finns redan.`);
    }
    const row = await repo.insertCode(trx, {
      org_node_id: kommunId,
      kind: input.kind,
      code: input.code,
      label: input.label,
      side: input.side ?? null,
      active: input.active,
      sort_order: input.sortOrder,
    });
    await recordAudit(trx, actor, {
      entity: "evb_code",
      entityId: row.id,
      orgNodeId: kommunId,
      action: "create",
      after: row,
    });
    return toCode(row);
  });
}

export async function updateCode(db: Db, actor: Actor, id: string, patch: z.infer<typeof codePatch>) {
  return db.transaction().execute(async (trx) => {
    const before = await repo.findCode(trx, id);
    if (!before) throw notFound("Koden");
    await requireAccess(trx, actor, "admin", before.org_node_id);
    if (patch.side && before.kind !== "delay") {
      throw new DomainError("validation", 'Fältet "side": bara orsaker till dröjsmål har en sida (kommun/enskild).');
    }
    const after = await repo.updateCode(trx, id, {
      ...(patch.label !== undefined ? { label: patch.label } : {}),
      ...(patch.side !== undefined ? { side: patch.side ?? null } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
      ...(patch.sortOrder !== undefined ? { sort_order: patch.sortOrder } : {}),
    });
    await recordAudit(trx, actor, {
      entity: "evb_code",
      entityId: id,
      orgNodeId: before.org_node_id,
      action: "update",
      before,
      after,
    });
    return toCode(after);
  });
}

// ---------------------------------------------------------------- the register

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
  offers: { date: string; answer: "ja" | "nej" | null; note: string | null }[];
  interruptions: { start: string; resumed: string | null; reasonCode: string | null; reasonText: string | null }[];
};

type Codes = Awaited<ReturnType<typeof repo.codesOf>>;

export type Resolved = { values: repo.DecisionValues; interruptionReasonIds: (string | null)[] };

/**
 * Checks a proposed decision against the rules and the kommun's catalogue. `current` is the stored row when
 * editing: an insats or code that has since been deactivated may stay, but not be chosen anew.
 */
export async function resolveProposed(
  db: Db,
  kommunId: string,
  codes: Codes,
  p: Proposed,
  current: { insats_id: string; delay_code_id: string | null; closure_code_id: string | null } | null,
  today: string,
): Promise<{ ok: true; resolved: Resolved } | { ok: false; problems: FieldProblem[] }> {
  const { problems, id } = checkDecision(p, today);
  const insats = await repo.findInsats(db, p.insatsId);
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

async function resolveOrThrow(
  db: Db,
  kommunId: string,
  codes: Codes,
  p: Proposed,
  current: repo.DecisionRow | null,
): Promise<Resolved> {
  const result = await resolveProposed(db, kommunId, codes, p, current, todayInSweden());
  if (!result.ok) throw validationError("Beslutet sparades inte", result.problems);
  return result.resolved;
}

/** Decisions are registered on a unit or an operating area, where the insats is to be executed. */
async function requireDecisionUnit(db: Db, actor: Actor, orgNodeId: string) {
  const unit = await requireAccess(db, actor, "write:evb", orgNodeId);
  if (unit.kind !== "enhet" && unit.kind !== "verksamhetsomrade") {
    throw validationError("Beslutet sparades inte", [
      { field: "orgNodeId", message: `Välj en enhet eller ett verksamhetsområde, inte ${unit.name}.` },
    ]);
  }
  return unit;
}

/** Writes a new decision with its offers and interruptions; one audit row per row written. */
export async function insertProposed(trx: Db, actor: Actor, p: Proposed, resolved: Resolved): Promise<string> {
  const taken = await repo.findDecisionByKey(trx, resolved.values.insats_id, resolved.values.person_id, p.decisionDate);
  if (taken) {
    throw new DomainError(
      "conflict",
      `Beslutet för ${resolved.values.person_id} om samma insats den ${p.decisionDate} finns redan i registret.`,
    );
  }
  const row = await repo.insertDecision(trx, resolved.values);
  await recordAudit(trx, actor, {
    entity: "evb_decision",
    entityId: row.id,
    orgNodeId: row.org_node_id,
    action: "create",
    after: row,
  });
  for (const o of p.offers) await writeOffer(trx, actor, row.id, row.org_node_id, o);
  for (const [i, x] of p.interruptions.entries()) {
    await writeInterruption(trx, actor, row.id, row.org_node_id, x, resolved.interruptionReasonIds[i] ?? null);
  }
  return row.id;
}

async function writeOffer(trx: Db, actor: Actor, decisionId: string, orgNodeId: string, o: Proposed["offers"][number]) {
  const row = await repo.insertOffer(trx, {
    org_node_id: orgNodeId,
    decision_id: decisionId,
    offered_date: o.date,
    answer: o.answer,
    note: o.note,
  });
  await recordAudit(trx, actor, { entity: "evb_offer", entityId: row.id, orgNodeId, action: "create", after: row });
  return row;
}

async function writeInterruption(
  trx: Db,
  actor: Actor,
  decisionId: string,
  orgNodeId: string,
  x: Proposed["interruptions"][number],
  reasonId: string | null,
) {
  const row = await repo.insertInterruption(trx, {
    org_node_id: orgNodeId,
    decision_id: decisionId,
    start_date: x.start,
    resumed_date: x.resumed,
    reason_code_id: reasonId,
    reason_text: x.reasonText,
  });
  await recordAudit(trx, actor, {
    entity: "evb_interruption",
    entityId: row.id,
    orgNodeId,
    action: "create",
    after: row,
  });
  return row;
}

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
    offers: input.offers.map((o) => ({ date: o.date, answer: o.answer ?? null, note: o.note ?? null })),
    interruptions: input.interruptions.map((x) => ({
      start: x.start,
      resumed: x.resumed ?? null,
      reasonCode: x.reasonCode ?? null,
      reasonText: x.reasonText ?? null,
    })),
  };
}

export async function createDecision(db: Db, actor: Actor, input: DecisionInput) {
  const id = await db.transaction().execute(async (trx) => {
    const unit = await requireDecisionUnit(trx, actor, input.orgNodeId);
    const kommunId = kommunIdOf(unit.path);
    const p = proposedFromInput(input);
    const resolved = await resolveOrThrow(trx, kommunId, await repo.codesOf(trx, kommunId), p, null);
    return insertProposed(trx, actor, p, resolved);
  });
  return getDecision(db, actor, id);
}

/** The stored decision with its children, and the same as a Proposed for re-validation after a change. */
export async function loadStored(db: Db, row: repo.DecisionRow, codes: Codes) {
  const offers = await repo.offersOf(db, row.id);
  const interruptions = await repo.interruptionsOf(db, row.id);
  const codeOf = (id: string | null) => (id === null ? null : (codes.find((c) => c.id === id)?.code ?? null));
  const proposed: Proposed = {
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
  return { offers, interruptions, proposed };
}

type Stored = Awaited<ReturnType<typeof loadStored>> & {
  trx: Db;
  row: repo.DecisionRow;
  kommunId: string;
  codes: Codes;
};

/** Runs a change to one decision in a transaction, after checking write access on its unit. */
async function changeDecision<T>(db: Db, actor: Actor, id: string, change: (s: Stored) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const row = await repo.findDecision(trx, id);
    if (!row) throw notFound("Beslutet");
    const unit = await requireAccess(trx, actor, "write:evb", row.org_node_id);
    const kommunId = kommunIdOf(unit.path);
    const codes = await repo.codesOf(trx, kommunId);
    return change({ trx, row, kommunId, codes, ...(await loadStored(trx, row, codes)) });
  });
}

const sameValues = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  Object.keys(b).every((k) => a[k] === b[k]);

/** Writes changed decision fields with one audit row; nothing at all when nothing changed. */
async function saveDecision(s: Stored, actor: Actor, p: Proposed, action = "update") {
  const resolved = await resolveOrThrow(s.trx, s.kommunId, s.codes, p, s.row);
  if (sameValues(s.row, resolved.values)) return;
  if (resolved.values.org_node_id !== s.row.org_node_id) {
    const unit = await requireDecisionUnit(s.trx, actor, resolved.values.org_node_id);
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
  await recordAudit(s.trx, actor, {
    entity: "evb_decision",
    entityId: s.row.id,
    orgNodeId: after.org_node_id,
    action,
    before: s.row,
    after,
  });
}

/**
 * Writes a Proposed over a stored decision. The Proposed must list the stored offers and interruptions
 * first and in stored order (as the import's merge does), followed by new ones. Returns whether anything
 * differs; with dryRun nothing is written.
 */
export async function applyProposed(
  trx: Db,
  actor: Actor,
  row: repo.DecisionRow,
  p: Proposed,
  ctx: { kommunId: string; codes: Codes; dryRun: boolean },
): Promise<boolean> {
  const stored = await loadStored(trx, row, ctx.codes);
  const resolved = await resolveOrThrow(trx, ctx.kommunId, ctx.codes, p, row);
  const decisionChanged = !sameValues(row, resolved.values);
  const offerChanged = p.offers.map((o, i) => {
    const s = stored.offers[i];
    return !s || s.offered_date !== o.date || s.answer !== o.answer || s.note !== o.note;
  });
  const interruptionChanged = p.interruptions.map((x, i) => {
    const s = stored.interruptions[i];
    return (
      !s ||
      s.start_date !== x.start ||
      s.resumed_date !== x.resumed ||
      s.reason_code_id !== (resolved.interruptionReasonIds[i] ?? null) ||
      s.reason_text !== x.reasonText
    );
  });
  const changed = decisionChanged || offerChanged.some(Boolean) || interruptionChanged.some(Boolean);
  if (!changed || ctx.dryRun) return changed;
  if (decisionChanged) await saveDecision({ trx, row, kommunId: ctx.kommunId, codes: ctx.codes, ...stored }, actor, p);
  const orgNodeId = resolved.values.org_node_id;
  for (const [i, o] of p.offers.entries()) {
    if (!offerChanged[i]) continue;
    const before = stored.offers[i];
    if (!before) {
      await writeOffer(trx, actor, row.id, orgNodeId, o);
      continue;
    }
    const after = await repo.updateOffer(trx, before.id, { offered_date: o.date, answer: o.answer, note: o.note });
    await recordAudit(trx, actor, {
      entity: "evb_offer",
      entityId: before.id,
      orgNodeId,
      action: "update",
      before,
      after,
    });
  }
  for (const [i, x] of p.interruptions.entries()) {
    if (!interruptionChanged[i]) continue;
    const reasonId = resolved.interruptionReasonIds[i] ?? null;
    const before = stored.interruptions[i];
    if (!before) {
      await writeInterruption(trx, actor, row.id, orgNodeId, x, reasonId);
      continue;
    }
    const after = await repo.updateInterruption(trx, before.id, {
      start_date: x.start,
      resumed_date: x.resumed,
      reason_code_id: reasonId,
      reason_text: x.reasonText,
    });
    await recordAudit(trx, actor, {
      entity: "evb_interruption",
      entityId: before.id,
      orgNodeId,
      action: "update",
      before,
      after,
    });
  }
  return true;
}

const patchValue = <K extends keyof DecisionPatch>(patch: DecisionPatch, key: K, current: unknown) =>
  patch[key] === undefined ? current : (patch[key] ?? null);

export async function updateDecision(db: Db, actor: Actor, id: string, patch: DecisionPatch) {
  await changeDecision(db, actor, id, (s) => {
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
  return getDecision(db, actor, id);
}

export async function executeDecision(db: Db, actor: Actor, id: string, executedDate: string) {
  await changeDecision(db, actor, id, (s) => {
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
  return getDecision(db, actor, id);
}

export async function closeDecision(db: Db, actor: Actor, id: string, closedDate: string, closureReason: string) {
  await changeDecision(db, actor, id, (s) => {
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
  return getDecision(db, actor, id);
}

export async function addOffer(db: Db, actor: Actor, decisionId: string, input: OfferInput) {
  await changeDecision(db, actor, decisionId, async (s) => {
    const offer = { date: input.date, answer: input.answer ?? null, note: input.note ?? null };
    await resolveOrThrow(s.trx, s.kommunId, s.codes, { ...s.proposed, offers: [...s.proposed.offers, offer] }, s.row);
    await writeOffer(s.trx, actor, s.row.id, s.row.org_node_id, offer);
  });
  return getDecision(db, actor, decisionId);
}

async function decisionIdOf(db: Db, table: "evb_offer" | "evb_interruption", id: string, what: string) {
  const row = table === "evb_offer" ? await repo.findOffer(db, id) : await repo.findInterruption(db, id);
  if (!row) throw notFound(what);
  return row.decision_id;
}

export async function updateOffer(db: Db, actor: Actor, offerId: string, patch: Partial<OfferInput>) {
  const decisionId = await decisionIdOf(db, "evb_offer", offerId, "Erbjudandet");
  await changeDecision(db, actor, decisionId, async (s) => {
    const before = s.offers.find((o) => o.id === offerId) as repo.OfferRow;
    const next = {
      date: patch.date ?? before.offered_date,
      answer: patch.answer === undefined ? before.answer : (patch.answer ?? null),
      note: patch.note === undefined ? before.note : (patch.note ?? null),
    };
    const offers = s.offers.map((o) =>
      o.id === offerId ? next : { date: o.offered_date, answer: o.answer, note: o.note },
    );
    await resolveOrThrow(s.trx, s.kommunId, s.codes, { ...s.proposed, offers }, s.row);
    const after = await repo.updateOffer(s.trx, offerId, {
      offered_date: next.date,
      answer: next.answer,
      note: next.note,
    });
    await recordAudit(s.trx, actor, {
      entity: "evb_offer",
      entityId: offerId,
      orgNodeId: s.row.org_node_id,
      action: "update",
      before,
      after,
    });
  });
  return getDecision(db, actor, decisionId);
}

export async function deleteOffer(db: Db, actor: Actor, offerId: string) {
  const decisionId = await decisionIdOf(db, "evb_offer", offerId, "Erbjudandet");
  await changeDecision(db, actor, decisionId, async (s) => {
    const before = s.offers.find((o) => o.id === offerId);
    await repo.deleteOffer(s.trx, offerId);
    await recordAudit(s.trx, actor, {
      entity: "evb_offer",
      entityId: offerId,
      orgNodeId: s.row.org_node_id,
      action: "delete",
      before,
    });
  });
  return getDecision(db, actor, decisionId);
}

export async function addInterruption(db: Db, actor: Actor, decisionId: string, input: InterruptionInput) {
  await changeDecision(db, actor, decisionId, async (s) => {
    const x = {
      start: input.start,
      resumed: input.resumed ?? null,
      reasonCode: input.reasonCode ?? null,
      reasonText: input.reasonText ?? null,
    };
    const interruptions = [...s.proposed.interruptions, x];
    const resolved = await resolveOrThrow(s.trx, s.kommunId, s.codes, { ...s.proposed, interruptions }, s.row);
    await writeInterruption(
      s.trx,
      actor,
      s.row.id,
      s.row.org_node_id,
      x,
      resolved.interruptionReasonIds.at(-1) ?? null,
    );
  });
  return getDecision(db, actor, decisionId);
}

export async function updateInterruption(
  db: Db,
  actor: Actor,
  interruptionId: string,
  patch: Partial<InterruptionInput>,
) {
  const decisionId = await decisionIdOf(db, "evb_interruption", interruptionId, "Avbrottet");
  await changeDecision(db, actor, decisionId, async (s) => {
    const index = s.interruptions.findIndex((x) => x.id === interruptionId);
    const before = s.interruptions[index] as repo.InterruptionRow;
    const current = s.proposed.interruptions[index] as Proposed["interruptions"][number];
    const next = {
      start: patch.start ?? current.start,
      resumed: patch.resumed === undefined ? current.resumed : (patch.resumed ?? null),
      reasonCode: patch.reasonCode === undefined ? current.reasonCode : (patch.reasonCode ?? null),
      reasonText: patch.reasonText === undefined ? current.reasonText : (patch.reasonText ?? null),
    };
    const interruptions = s.proposed.interruptions.map((x, i) => (i === index ? next : x));
    const resolved = await resolveOrThrow(s.trx, s.kommunId, s.codes, { ...s.proposed, interruptions }, s.row);
    const after = await repo.updateInterruption(s.trx, interruptionId, {
      start_date: next.start,
      resumed_date: next.resumed,
      reason_code_id: resolved.interruptionReasonIds[index] ?? null,
      reason_text: next.reasonText,
    });
    await recordAudit(s.trx, actor, {
      entity: "evb_interruption",
      entityId: interruptionId,
      orgNodeId: s.row.org_node_id,
      action: "update",
      before,
      after,
    });
  });
  return getDecision(db, actor, decisionId);
}

export async function deleteInterruption(db: Db, actor: Actor, interruptionId: string) {
  const decisionId = await decisionIdOf(db, "evb_interruption", interruptionId, "Avbrottet");
  await changeDecision(db, actor, decisionId, async (s) => {
    const before = s.interruptions.find((x) => x.id === interruptionId);
    await repo.deleteInterruption(s.trx, interruptionId);
    await recordAudit(s.trx, actor, {
      entity: "evb_interruption",
      entityId: interruptionId,
      orgNodeId: s.row.org_node_id,
      action: "delete",
      before,
    });
  });
  return getDecision(db, actor, decisionId);
}

// ---------------------------------------------------------------- reading the register

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
  return { asOf, decisions: status ? rows.filter((r) => statusMatches[status](r.clock)) : rows };
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
  const unit = await requireAccess(db, actor, "read:personal", row.org_node_id);
  const [d] = await repo.loadRegister(db, { scopes: [unit.path], ids: [id] });
  if (!d) throw notFound("Beslutet");
  const codes = await repo.codesOf(db, kommunIdOf(unit.path));
  const offers = await repo.offersOf(db, id);
  const interruptions = await repo.interruptionsOf(db, id);
  const history = await repo.historyOf(db, [id, ...offers.map((o) => o.id), ...interruptions.map((x) => x.id)]);
  const asOf = todayInSweden();
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
      at: h.created_at,
      actor: h.actor_name,
      entity: h.entity,
      action: h.action,
      changes: changedFields(h.before, h.after).filter((k) => k !== "updated_at" && k !== "created_at"),
    })),
  };
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

/**
 * The quarter's report for a node's subtree. Counts, committee tables and KF statistics need `read`;
 * the IVO list (ids) is included only for readers with `read:personal` on the node, otherwise null.
 */
export async function quarterReportFor(db: Db, actor: Actor, orgNodeId: string, quarterText: string) {
  const quarter = quarterOrThrow(quarterText);
  const node = await requireAccess(db, actor, "read", orgNodeId);
  const decisions = await repo.loadRegister(db, {
    scopes: [node.path],
    decidedOnOrBefore: quarterEnd(quarter),
    notClosedBefore: quarterStart(quarter),
  });
  const report = quarterReport(decisions, quarter);
  return {
    ...report,
    organisation: { id: node.id, name: node.name },
    /** The quarter is not over: facts may still change before its last day. */
    preliminary: report.reportDate >= todayInSweden(),
    ivo: can(actor, "read:personal", node.path) ? report.ivo : null,
  };
}

export async function exportQuarterReport(
  db: Db,
  actor: Actor,
  options: { orgNodeId: string; quarter: string; format: "csv" | "xlsx"; part: ReportPart },
): Promise<{ filename: string; contentType: string; body: Buffer | string }> {
  const report = await quarterReportFor(db, actor, options.orgNodeId, options.quarter);
  if (options.format === "csv" && options.part === "ivo" && !report.ivo) {
    throw forbidden(`Du saknar behörighet att läsa personuppgifter för ${report.organisation.name}.`);
  }
  const base = `evb-${report.quarter}`;
  if (options.format === "xlsx") {
    return {
      filename: `${base}.xlsx`,
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      body: await reportXlsx(report),
    };
  }
  return {
    filename: `${base}-${options.part}.csv`,
    contentType: "text/csv; charset=utf-8",
    body: toCsv(reportTable(report, options.part)),
  };
}

/** Open waits on `asOf` (default today) under a node: aggregates without personal data, so `read` suffices. */
export async function dashboardFor(db: Db, actor: Actor, orgNodeId: string, asOf = todayInSweden()) {
  const node = await requireAccess(db, actor, "read", orgNodeId);
  const decisions = await repo.loadRegister(db, {
    scopes: [node.path],
    decidedOnOrBefore: asOf,
    notClosedBefore: asOf,
  });
  return { ...dashboard(decisions, asOf), organisation: { id: node.id, name: node.name } };
}
