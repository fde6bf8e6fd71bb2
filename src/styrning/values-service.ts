// Writing indicator values: every row checked first (period type, sex, status scale, access, locks), then
// written in a few statements per batch (one array parameter per column), all or nothing.

import { randomUUID } from "node:crypto";
import { nodeOrThrow } from "../organisation/index.ts";
import {
  type AuditEvent,
  type BulkRowChange,
  bulkEvent,
  bulkRowChange,
  recordAudits,
} from "../platform/audit/audit.ts";
import type { Actor } from "../platform/auth/access.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { DomainError, forbidden } from "../platform/errors.ts";
import { formatCount } from "../platform/i18n/format.ts";
import { transaction } from "../platform/service.ts";
import type { FieldProblem } from "../platform/validation.ts";
import { canWriteStyrning } from "./access.ts";
import { combinationOf, memberSetKey, resolveMembers } from "./combinations.ts";
import { dimensionsOf } from "./indicators-service.ts";
import { lockCovering, type PeriodType, periodLabel, periodMatchesType } from "./period.ts";
import * as repo from "./repository.ts";
import { levelsByScale } from "./scales-service.ts";
import type { ValueInput } from "./schema.ts";
import type { StyrningDB } from "./tables.ts";
import { type GenderSplit, gendersFor, type ValueKind, type ValueSource } from "./vocabulary.ts";

type Db = DbOf<StyrningDB>;

const periodTypeWords: Record<PeriodType, string> = {
  year: "år",
  window: "år (mätfönster)",
  tertial: "tertial",
  quarter: "kvartal",
  month: "månad",
  ytd: "månad (ackumulerat hittills i år)",
};

export type ValueRequest = Omit<ValueInput, "valueKind"> & Partial<Pick<ValueInput, "valueKind">> & { row: number };

/** One stored cell: indicator, reporting node, period, sex, combination of parts and outcome or forecast. */
const cellKey = (v: {
  indicatorId: string;
  owner: string;
  period: string;
  gender: string;
  memberIds: readonly string[];
  valueKind: string;
}) => [v.indicatorId, v.owner, v.period, v.gender, memberSetKey(v.memberIds), v.valueKind].join("|");
const storedCellKey = (v: repo.ValueRecord) =>
  cellKey({
    indicatorId: v.indicator_id,
    owner: v.org_node_id,
    period: v.period,
    gender: v.gender,
    memberIds: v.member_ids,
    valueKind: v.value_kind,
  });
export type SaveResult = { received: number; changed: number; unchanged: number; corrections: number };

type Snapshot = {
  state: string;
  value: number | null;
  status_code: string | null;
  note: string | null;
  published_at: string | null;
};
const snapshot = (v: Snapshot | undefined | null): Snapshot | null =>
  v ? { state: v.state, value: v.value, status_code: v.status_code, note: v.note, published_at: v.published_at } : null;
const same = (a: Snapshot | null, b: Snapshot | null) => JSON.stringify(a) === JSON.stringify(b);

type Context = { source: ValueSource; sourceRef?: string | null; reason?: string | null };

type Planned = {
  request: ValueRequest;
  indicator: repo.IndicatorRow & { path: string };
  owner: string;
  memberIds: string[];
  valueKind: ValueKind;
  before: repo.ValueRecord | undefined;
  after: Snapshot | null;
  lock: string | null;
  reason: string | null;
  /** How the audit log names the cell. */
  label: string;
  /** The id of its correction, when it corrects a locked period. */
  correctionId: string;
};

/**
 * Writes indicator values of the given indicators batch by batch inside the caller's transaction (an import
 * of any length: the indicators, scales, dimensions and locks are read once, each batch's stored cells in one
 * statement). Every row is checked; once one has failed nothing more is written, and `finish` rejects the
 * whole import with row-level reasons (the caller's transaction undoes the batches written). A change to a
 * locked period needs a reason and is logged as a correction.
 */
export async function valueWriter(trx: Db, actor: Actor, indicatorIds: readonly string[], context: Context) {
  const ids = [...new Set(indicatorIds)];
  const indicators = new Map((await repo.findIndicators(trx, ids)).map((i) => [i.id, i]));
  const levels = await levelsByScale(
    trx,
    [...indicators.values()].map((i) => i.status_scale_id),
  );
  const dimensionsFor = await dimensionsOf(trx, ids);
  const owners = new Map<string, { id: string; name: string; path: string }>();
  const locks = await repo.locksAbove(trx, [...new Set([...indicators.values()].map((i) => i.path))]);
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  const denied = new Set<string>();
  const result: SaveResult = { received: 0, changed: 0, unchanged: 0, corrections: 0 };

  async function plan(requests: readonly ValueRequest[]): Promise<Planned[]> {
    const cells = requests.filter((r) => indicators.has(r.indicatorId));
    const existing = new Map((await repo.valuesOfCells(trx, cells)).map((v) => [storedCellKey(v), v]));
    const planned: Planned[] = [];
    for (const request of requests) {
      const problem = (field: string, message: string) => problems.push({ row: request.row, field, message });
      const indicator = indicators.get(request.indicatorId);
      if (!indicator) {
        problem("indicatorId", "Indikatorn finns inte.");
        continue;
      }
      // A definition shared by several nämnder: each reports its own values, on its own node below it.
      let owner = { id: indicator.org_node_id, name: indicator.org_node_name, path: indicator.path };
      if (request.orgNodeId && request.orgNodeId !== indicator.org_node_id) {
        const node = owners.get(request.orgNodeId) ?? (await nodeOrThrow(trx, request.orgNodeId));
        owners.set(node.id, node);
        if (!node.path.startsWith(indicator.path)) {
          problem(
            "orgNodeId",
            `${node.name} ligger inte under ${indicator.org_node_name}, som äger ${indicator.name}.`,
          );
          continue;
        }
        owner = node;
      }
      if (!canWriteStyrning(actor, owner.path)) {
        denied.add(owner.name);
        continue;
      }
      const dimensions = dimensionsFor(indicator.id);
      const resolved = resolveMembers(dimensions, [
        ...(request.members ?? []),
        ...(request.member ? [request.member] : []),
      ]);
      if ("problem" in resolved) {
        problem("members", `${indicator.name} ${resolved.problem}`);
        continue;
      }
      const { memberIds } = resolved;
      const parts = memberIds.length ? `, ${combinationOf(dimensions, memberIds)?.label}` : "";
      const valueKind = request.valueKind ?? "outcome";
      const key = cellKey({
        indicatorId: request.indicatorId,
        owner: owner.id,
        period: request.period,
        gender: request.gender,
        memberIds,
        valueKind,
      });
      if (seen.has(key)) {
        problem(
          "period",
          `${indicator.name} ${periodLabel(request.period)} (${request.gender}${parts}) förekommer två gånger.`,
        );
        continue;
      }
      seen.add(key);
      if (!periodMatchesType(request.period, indicator.period_type as PeriodType)) {
        problem(
          "period",
          `Perioden ${request.period} passar inte ${indicator.name}, som mäts per ${periodTypeWords[indicator.period_type as PeriodType]}.`,
        );
        continue;
      }
      if (!gendersFor(indicator.gender_split as GenderSplit).includes(request.gender)) {
        problem("gender", `${indicator.name} redovisas inte per kön; ange T (totalt).`);
        continue;
      }
      let statusCode: string | null = null;
      let value: number | null = null;
      if (request.state === "value") {
        if (indicator.value_type === "status") {
          const scale = levels.get(indicator.status_scale_id ?? "") ?? [];
          const wanted = (request.statusCode ?? "").toLowerCase();
          const level = scale.find((l) => l.code === wanted || l.label.toLowerCase() === wanted);
          if (!level) {
            problem("statusCode", `Ange en av ${scale.map((l) => l.label).join(", ")}.`);
            continue;
          }
          statusCode = level.code;
        } else {
          if (request.value === null || request.value === undefined) {
            problem("value", `${indicator.name} är numerisk; ange ett tal.`);
            continue;
          }
          value = request.value;
        }
      }
      const before = existing.get(key);
      const after: Snapshot | null =
        request.state === "empty"
          ? null
          : {
              state: request.state,
              value,
              status_code: statusCode,
              // An import that does not mention a note or publication date keeps the recorded one.
              note: request.note ?? before?.note ?? null,
              published_at: request.publishedAt ?? before?.published_at ?? null,
            };
      const label = `${indicator.name} ${periodLabel(request.period)} (${request.gender}${parts})`;
      const cell = { request, indicator, owner: owner.id, memberIds, valueKind, before, after, label };
      if (same(snapshot(before), after)) {
        planned.push({ ...cell, lock: null, reason: null, correctionId: "" });
        continue;
      }
      const lock = lockCovering(
        request.period,
        locks.filter((l) => indicator.path.startsWith(l.path)),
      );
      const reason = request.reason ?? context.reason ?? null;
      if (lock && !reason) {
        problem(
          "reason",
          `${periodLabel(lock.period)} är låst för ${lock.org_node_name}; ange orsak till rättelsen av ${indicator.name} ${periodLabel(request.period)}.`,
        );
        continue;
      }
      planned.push({ ...cell, lock: lock?.period ?? null, reason: lock ? reason : null, correctionId: randomUUID() });
    }
    return planned;
  }

  return {
    /** Whether a row has failed (the import will be rejected: later batches are only checked). */
    failed: () => problems.length > 0 || denied.size > 0,
    async add(requests: readonly ValueRequest[]): Promise<void> {
      result.received += requests.length;
      const planned = await plan(requests);
      if (problems.length === 0 && denied.size === 0) await writePlanned(trx, actor, planned, context, result);
    },
    finish(): SaveResult {
      if (denied.size) throw forbidden(`Du saknar skrivbehörighet för indikatorer i ${[...denied].join(", ")}.`);
      if (problems.length) {
        const rejected = new Set(problems.map((p) => p.row)).size;
        throw new DomainError(
          "validation",
          `Inget sparades: ${rejected} av ${formatCount(result.received, "rad", "rader")} har fel.`,
          { problems, accepted: 0, rejected },
        );
      }
      return result;
    },
  };
}

/** Writes indicator values all-or-nothing inside the caller's transaction: one batch of valueWriter. */
export async function saveValues(
  trx: Db,
  actor: Actor,
  requests: readonly ValueRequest[],
  context: Context,
): Promise<SaveResult> {
  const writer = await valueWriter(
    trx,
    actor,
    requests.map((r) => r.indicatorId),
    context,
  );
  await writer.add(requests);
  return writer.finish();
}

/** A batch may hold indicators of several units: saveValues checks and audits each on its own node. */
export function saveValuesBatch(db: Db, actor: Actor, values: ValueInput[], reason: string | null) {
  return transaction(db, (trx) =>
    saveValues(
      trx,
      actor,
      values.map((v, i) => ({ ...v, row: i + 1 })),
      { source: "manual", reason },
    ),
  );
}

/**
 * Writes the checked cells that change in a few statements: removals, upserts, corrections, then the audit.
 * A person's save logs one event per value (its history reads them); an import one event per unit and table
 * (bulkEvent), as a log row per value held the embedded database for seconds.
 */
async function writePlanned(
  trx: Db,
  actor: Actor,
  planned: readonly Planned[],
  context: Context,
  result: SaveResult,
): Promise<void> {
  const changed = planned.filter((p) => !same(snapshot(p.before), p.after));
  result.unchanged += planned.length - changed.length;
  result.changed += changed.length;
  if (changed.length === 0) return;
  const removed = changed.flatMap((p) => (p.after === null && p.before ? [p.before] : []));
  await repo.deleteValues(
    trx,
    removed.map((v) => v.id),
  );
  const kept = changed.filter((p) => p.after !== null);
  const rows = await repo.upsertValues(
    trx,
    kept.map((p) => ({
      org_node_id: p.owner,
      indicator_id: p.indicator.id,
      period: p.request.period,
      gender: p.request.gender,
      member_ids: p.memberIds,
      value_kind: p.valueKind,
      ...(p.after as Snapshot),
      source: context.source,
      source_ref: context.sourceRef ?? null,
      entered_by: actor.id,
      entered_by_name: actor.displayName,
    })),
  );
  const written = new Map(rows.map((r) => [storedCellKey(r), r]));
  const rowOf = (p: Planned) =>
    written.get(
      cellKey({
        indicatorId: p.indicator.id,
        owner: p.owner,
        period: p.request.period,
        gender: p.request.gender,
        memberIds: p.memberIds,
        valueKind: p.valueKind,
      }),
    ) as repo.ValueRecord;
  const corrected = changed.filter((p) => p.lock && p.reason);
  const corrections = await repo.insertCorrections(
    trx,
    corrected.map((p) => ({
      id: p.correctionId,
      org_node_id: p.owner,
      indicator_id: p.indicator.id,
      period: p.request.period,
      gender: p.request.gender,
      before: snapshot(p.before),
      after: p.after,
      reason: p.reason as string,
      corrected_by: actor.id,
      corrected_by_name: actor.displayName,
    })),
  );
  result.corrections += corrections.length;

  const events: AuditEvent[] = [];
  const bulk = new Map<string, { entity: string; owner: string; rows: BulkRowChange[] }>();
  const bulkRows = (entity: string, owner: string) => {
    const key = `${entity}|${owner}`;
    const entry = bulk.get(key) ?? { entity, owner, rows: [] };
    bulk.set(key, entry);
    return entry.rows;
  };
  const sourceOf = (v: { source: string; source_ref: string | null }) => ({
    source: v.source,
    source_ref: v.source_ref,
  });
  for (const p of changed) {
    const row = p.after === null ? null : rowOf(p);
    const correction = p.reason ? { correction_reason: p.reason } : {};
    if (context.source === "manual") {
      events.push(
        row
          ? {
              entity: "indicator_value",
              entityId: row.id,
              orgNodeId: p.owner,
              action: p.before ? "update" : "create",
              before: p.before,
              after: { ...row, ...correction },
            }
          : {
              entity: "indicator_value",
              entityId: p.before?.id ?? null,
              orgNodeId: p.owner,
              action: "delete",
              before: p.before,
            },
      );
    } else if (row) {
      const before = p.before ? { ...snapshot(p.before), ...sourceOf(p.before) } : undefined;
      bulkRows("indicator_value", p.owner).push(
        bulkRowChange(row.id, p.label, before, { ...p.after, ...sourceOf(row), ...correction }),
      );
    } else if (p.before) {
      const before = { ...snapshot(p.before), ...sourceOf(p.before) };
      bulkRows("indicator_value", p.owner).push({ id: p.before.id, label: p.label, column: null, before, after: null });
    }
  }
  const correctionById = new Map(corrections.map((c) => [c.id, c]));
  for (const p of corrected) {
    const correction = correctionById.get(p.correctionId) as (typeof corrections)[number];
    const after = { ...correction, org_node_id: p.owner };
    if (context.source === "manual") {
      events.push({
        entity: "indicator_value_correction",
        entityId: correction.id,
        orgNodeId: p.owner,
        action: "create",
        after,
      });
    } else {
      bulkRows("indicator_value_correction", p.owner).push(bulkRowChange(correction.id, p.label, undefined, after));
    }
  }
  for (const { entity, owner, rows: changes } of bulk.values()) {
    events.push(bulkEvent(entity, owner, changes, { source: context.source, source_ref: context.sourceRef ?? null }));
  }
  await recordAudits(trx, actor, events);
}
