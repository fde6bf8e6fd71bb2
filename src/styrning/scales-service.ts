import type { Actor } from "../platform/auth/access.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { DomainError, notFound } from "../platform/errors.ts";
import { write, writeRecord } from "../platform/service.ts";
import { assertReadable, canReadStyrning, requireStyrningRead } from "./access.ts";
import { scaleLevelDto } from "./dto.ts";
import * as repo from "./repository.ts";
import type { ScaleInput, ScalePatch } from "./schema.ts";
import type { StyrningDB } from "./tables.ts";
import type { StatusLevel } from "./target.ts";
import type { scaleKinds } from "./vocabulary.ts";

export type ScaleLevel = repo.ScaleLevelRow;

/** Levels per scale id, in order. */
export async function levelsByScale(
  db: DbOf<StyrningDB>,
  scaleIds: (string | null)[],
): Promise<Map<string, ScaleLevel[]>> {
  const ids = [...new Set(scaleIds.filter((id): id is string => Boolean(id)))];
  const rows = await repo.levelsOfScales(db, ids);
  const map = new Map<string, ScaleLevel[]>();
  for (const row of rows) map.set(row.scale_id, [...(map.get(row.scale_id) ?? []), row]);
  return map;
}

export const asStatusLevels = (levels: readonly ScaleLevel[] | undefined): StatusLevel[] =>
  (levels ?? []).map((l) => ({ code: l.code, label: l.label, rank: l.rank }));

export async function listScales(db: DbOf<StyrningDB>, actor: Actor, orgNodeId: string) {
  const node = await requireStyrningRead(db, actor, orgNodeId);
  const scales = (await repo.scalesAround(db, node.path)).filter((s) => canReadStyrning(actor, s.path));
  const levels = await levelsByScale(
    db,
    scales.map((s) => s.id),
  );
  return scales.map((s) => ({
    ...scaleDto(s, levels.get(s.id) ?? []),
    orgNodeName: s.org_node_name,
  }));
}

/** A scale usable at a node: defined on the node or an ancestor, of the wanted kind. */
export async function requireUsableScale(
  db: DbOf<StyrningDB>,
  scaleId: string,
  nodePath: string,
  kind: "assessment" | "status",
) {
  const scale = await repo.findScale(db, scaleId);
  if (!scale) throw notFound("Skalan");
  if (!nodePath.startsWith(scale.path) || scale.kind !== kind) {
    throw new DomainError(
      "validation",
      kind === "status"
        ? "Statusskalan måste vara en statusskala som finns på enheten eller ovanför."
        : "Bedömningsskalan måste vara en bedömningsskala som finns på nämnden eller ovanför.",
    );
  }
  return scale;
}

const scaleDto = (
  s: { id: string; org_node_id: string; kind: string; name: string },
  levels: readonly ScaleLevel[],
) => ({
  id: s.id,
  orgNodeId: s.org_node_id,
  kind: s.kind as (typeof scaleKinds)[number],
  name: s.name,
  levels: levels.map(scaleLevelDto),
});

export async function createScale(db: DbOf<StyrningDB>, actor: Actor, input: ScaleInput) {
  return write(db, actor, "admin", input.orgNodeId, async ({ trx, node, audit }) => {
    const existing = await repo.scalesAround(trx, node.path);
    if (existing.some((s) => s.org_node_id === node.id && s.kind === input.kind && s.name === input.name)) {
      throw new DomainError("conflict", `Det finns redan en skala som heter ${input.name} här.`);
    }
    const scale = await repo.insertScale(trx, { org_node_id: node.id, kind: input.kind, name: input.name });
    await audit("styrning_scale", scale.id, "create", { after: scale });
    const levels = [];
    for (const [position, l] of input.levels.entries()) {
      const level = await repo.insertScaleLevel(trx, {
        org_node_id: node.id,
        scale_id: scale.id,
        position,
        code: l.code,
        label: l.label,
        rank: l.rank ?? null,
        meaning: l.meaning ?? null,
      });
      await audit("styrning_scale_level", level.id, "create", { after: { ...level, org_node_id: node.id } });
      levels.push(level);
    }
    return scaleDto(scale, levels);
  });
}

/**
 * Renames a scale or replaces its levels. Levels are matched by code, so assessments and status
 * values keep pointing at the same level; a level still in use cannot be removed.
 */
export async function updateScale(db: DbOf<StyrningDB>, actor: Actor, id: string, patch: ScalePatch) {
  const readableScale = async (d: DbOf<StyrningDB>) => {
    const scale = await repo.findScale(d, id);
    assertReadable(actor, scale, "Skalan");
    return scale;
  };
  return writeRecord(db, actor, "admin", readableScale, async ({ trx, record: scale, audit }) => {
    if (patch.name && patch.name !== scale.name) {
      await repo.updateScaleName(trx, id, patch.name);
      await audit("styrning_scale", id, "update", { before: scale, after: { ...scale, name: patch.name } });
    }
    if (patch.levels) {
      const current = (await levelsByScale(trx, [id])).get(id) ?? [];
      const wanted = new Map(patch.levels.map((l, position) => [l.code, { ...l, position }]));
      if (scale.kind === "assessment" && patch.levels.some((l) => !l.meaning)) {
        throw new DomainError("validation", "Varje bedömningsnivå behöver en betydelse.");
      }
      for (const level of current) {
        if (!wanted.has(level.code) && (await repo.scaleLevelInUse(trx, level))) {
          throw new DomainError("conflict", `Nivån ${level.label} används och kan inte tas bort.`);
        }
      }
      await repo.shiftScalePositions(trx, id);
      for (const level of current) {
        const next = wanted.get(level.code);
        if (!next) {
          await repo.deleteScaleLevel(trx, level.id);
          await audit("styrning_scale_level", level.id, "delete", { before: level });
          continue;
        }
        const values = {
          position: next.position,
          label: next.label,
          rank: next.rank ?? null,
          meaning: next.meaning ?? null,
        };
        await repo.updateScaleLevel(trx, level.id, values);
        await audit("styrning_scale_level", level.id, "update", { before: level, after: { ...level, ...values } });
      }
      for (const [code, next] of wanted) {
        if (current.some((l) => l.code === code)) continue;
        const level = await repo.insertScaleLevel(trx, {
          org_node_id: scale.org_node_id,
          scale_id: id,
          position: next.position,
          code,
          label: next.label,
          rank: next.rank ?? null,
          meaning: next.meaning ?? null,
        });
        await audit("styrning_scale_level", level.id, "create", {
          after: { ...level, org_node_id: scale.org_node_id },
        });
      }
    }
    const levels = (await levelsByScale(trx, [id])).get(id) ?? [];
    return scaleDto({ ...scale, name: patch.name ?? scale.name }, levels);
  });
}
