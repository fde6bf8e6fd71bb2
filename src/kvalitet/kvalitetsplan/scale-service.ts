// The kommun's risk scales and processes: configuration every reader may see and only the kommun's admin
// changes. A kommun that has saved no scale of its own uses the standard one (risk.ts).
import type { z } from "zod";
import { kommunIdOf, nodeOrThrow } from "../../organisation/index.ts";
import type { Actor } from "../../platform/auth/access.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { read, write } from "../../platform/service.ts";
import { labelledProblems, validationError } from "../../platform/validation.ts";
import { checkScale, type RiskScale, type RiskScaleKind, riskScaleKinds, standardScales } from "../risk/risk.ts";
import type { KvalitetDB } from "../tables.ts";
import * as repo from "./repository.ts";
import { type processInput, type processPatch, type ScaleInput, scaleInput } from "./schema.ts";

type Db = DbOf<KvalitetDB>;
export type KommunScale = RiskScale & { kind: RiskScaleKind; standard: boolean };

const fromRow = (r: repo.ScaleRow): KommunScale => ({
  kind: r.kind,
  standard: false,
  name: r.name,
  likelihoodName: r.likelihood_name,
  likelihoodLabels: r.likelihood_labels,
  consequenceName: r.consequence_name,
  consequenceLabels: r.consequence_labels,
  levels: r.levels,
});

/** The scale a kommun uses (no access check: callers have checked their node). */
export async function scaleOf(db: Db, kommunId: string, kind: RiskScaleKind): Promise<KommunScale> {
  const row = await repo.findScale(db, kommunId, kind);
  return row ? fromRow(row) : { kind, standard: true, ...standardScales[kind] };
}

export function scales(db: Db, actor: Actor, orgNodeId: string) {
  return read(db, actor, "read", orgNodeId, async ({ db, node }) => {
    const kommunId = kommunIdOf(node.path);
    return { kommunId, scales: await Promise.all(riskScaleKinds.map((kind) => scaleOf(db, kommunId, kind))) };
  });
}

/** Replaces the kommun's scale of this kind; refused whole when a cut-off or colour is wrong. */
export async function saveScale(db: Db, actor: Actor, input: ScaleInput) {
  const kommunId = kommunIdOf((await nodeOrThrow(db, input.orgNodeId)).path);
  return write(db, actor, "admin", kommunId, async ({ trx, audit }) => {
    const { orgNodeId: _, kind, ...proposed } = input;
    const problems = checkScale(proposed);
    if (problems.length > 0) throw validationError("Riskskalan sparades inte", labelledProblems(scaleInput, problems));
    const before = await repo.findScale(trx, kommunId, kind);
    const row = await repo.upsertScale(trx, {
      org_node_id: kommunId,
      kind,
      name: proposed.name,
      likelihood_name: proposed.likelihoodName,
      likelihood_labels: JSON.stringify(proposed.likelihoodLabels),
      consequence_name: proposed.consequenceName,
      consequence_labels: JSON.stringify(proposed.consequenceLabels),
      levels: JSON.stringify(proposed.levels),
    });
    await audit("kvalitet_risk_scale", row.id, before ? "update" : "create", { before, after: row });
    return fromRow(row);
  });
}

export const toProcess = (p: repo.ProcessRow) => ({
  id: p.id,
  process: p.process,
  activity: p.activity,
  active: p.active,
});

export function processes(db: Db, actor: Actor, orgNodeId: string) {
  return read(db, actor, "read", orgNodeId, async ({ db, node }) => {
    const kommunId = kommunIdOf(node.path);
    return { kommunId, processes: (await repo.processesOf(db, kommunId)).map(toProcess) };
  });
}

/** A process–activity pair is named once in the kommun's list. */
function checkProcessFree(existing: readonly repo.ProcessRow[], p: { id?: string; process: string; activity: string }) {
  if (existing.some((e) => e.process === p.process && e.activity === p.activity && e.id !== p.id)) {
    throw new DomainError("conflict", `${p.process} – ${p.activity} finns redan.`);
  }
}

export async function addProcess(db: Db, actor: Actor, input: z.infer<typeof processInput>) {
  const kommunId = kommunIdOf((await nodeOrThrow(db, input.orgNodeId)).path);
  return write(db, actor, "admin", kommunId, async ({ trx, audit }) => {
    const existing = await repo.processesOf(trx, kommunId);
    checkProcessFree(existing, input);
    const row = await repo.insertProcess(trx, {
      org_node_id: kommunId,
      process: input.process,
      activity: input.activity,
      sort_order: existing.length,
    });
    await audit("kvalitet_process", row.id, "create", { after: row });
    return toProcess(row);
  });
}

/**
 * Renames a process or activity, or (de)activates it. A deactivated one is no longer offered for new risks and
 * egenkontroller but stays on those that have it; a renamed one shows its new name on them.
 */
export async function updateProcess(db: Db, actor: Actor, id: string, patch: z.infer<typeof processPatch>) {
  const before = await repo.findProcess(db, id);
  if (!before) throw notFound("Processen");
  return write(db, actor, "admin", before.org_node_id, async ({ trx, audit }) => {
    const process = patch.process ?? before.process;
    const activity = patch.activity ?? before.activity;
    checkProcessFree(await repo.processesOf(trx, before.org_node_id), { id, process, activity });
    const after = await repo.updateProcess(trx, id, {
      process,
      activity,
      ...(patch.active !== undefined ? { active: patch.active } : {}),
    });
    await audit("kvalitet_process", id, "update", { before, after });
    return toProcess(after);
  });
}
