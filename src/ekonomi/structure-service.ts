import type { z } from "zod";
import { findNode, nodesOfKindUnder } from "../organisation/index.ts";
import { type Actor, can, scopesFor } from "../platform/auth/access.ts";
import { DomainError } from "../platform/errors.ts";
import { read, type ServiceNode, write } from "../platform/service.ts";
import { forecastDto } from "./forecast-service.ts";
import * as repo from "./repository.ts";
import {
  copyLevelsInput,
  type frameInput,
  type LevelInput,
  levelInput,
  type levelPatch,
  type mappingInput,
} from "./schema.ts";
import { type Db, namndOf, unique, validation, writeStored } from "./shared-service.ts";

const levelDto = (l: repo.LevelRow) => ({
  id: l.id,
  namndId: l.org_node_id,
  year: l.year,
  name: l.name,
  code: l.code,
  orgNodeId: l.target_org_node_id,
  sortOrder: l.sort_order,
});

const mappingDto = (m: { id: string; level_id: string; dimension: string; pattern: string }) => ({
  id: m.id,
  levelId: m.level_id,
  dimension: m.dimension,
  pattern: m.pattern,
});

/** The committees the actor can read, with the years that have levels and whether the actor may write. */
export async function namnder(db: Db, actor: Actor) {
  const nodes = await nodesOfKindUnder(db, scopesFor(actor, "read"), ["namnd"]);
  return Promise.all(
    nodes.map(async (n) => ({
      id: n.id,
      name: n.name,
      years: await repo.yearsOf(db, n.id),
      canWrite: can(actor, "write:ekonomi", n.path),
    })),
  );
}

export async function yearOverview(db: Db, actor: Actor, namndId: string, year: number) {
  return read(db, actor, "read", namndId, async ({ node }) => {
    const namnd = namndOf(node);
    const [levels, mappings, forecasts, frames, imports, years] = await Promise.all([
      repo.levelsOf(db, namndId, year),
      repo.mappingsOf(db, namndId, year),
      repo.forecastsOf(db, namndId, [year]),
      repo.framesOf(db, namndId, [year]),
      repo.importsOf(db, namndId, year),
      repo.yearsOf(db, namndId),
    ]);
    const frame = frames[0];
    return {
      namnd: { id: namnd.id, name: namnd.name },
      year,
      years,
      canWrite: can(actor, "write:ekonomi", namnd.path),
      levels: levels.map((l) => ({
        ...levelDto(l),
        mappings: mappings.filter((m) => m.level_id === l.id).map(mappingDto),
      })),
      forecasts: forecasts.map(forecastDto),
      frame: frame ? { amountKr: frame.amount_kr, decisionRef: frame.decision_ref } : null,
      imports: imports.map(importDto),
    };
  });
}

export const importDto = (i: Awaited<ReturnType<typeof repo.importsOf>>[number]) => ({
  id: i.id,
  year: i.year,
  format: i.format,
  fileName: i.file_name,
  kind: i.kind,
  forecastId: i.forecast_id,
  settings: i.settings,
  rowsRead: i.rows_read,
  rowsUsed: i.rows_used,
  rowsSkipped: i.rows_skipped,
  figuresChanged: i.figures_changed,
  importedAt: i.updated_at.toISOString(),
});

async function checkTarget(db: Db, namnd: ServiceNode, orgNodeId: string | null | undefined) {
  if (!orgNodeId) return;
  const node = await findNode(db, orgNodeId);
  if (!node?.path.startsWith(namnd.path) || node.id === namnd.id) {
    throw validation(levelInput, "orgNodeId", `Organisationsenheten ska ligga under ${namnd.name}.`);
  }
}

const levelConflict = "Det finns redan en nivå med samma namn, kod eller organisationsenhet det året.";

export async function createLevel(db: Db, actor: Actor, namndId: string, year: number, input: LevelInput) {
  return write(db, actor, "write:ekonomi", namndId, async ({ trx, node, audit }) => {
    await checkTarget(trx, namndOf(node), input.orgNodeId);
    const row = await unique(
      repo.insertLevel(trx, {
        org_node_id: namndId,
        year,
        name: input.name,
        code: input.code ?? null,
        target_org_node_id: input.orgNodeId ?? null,
        sort_order: input.sortOrder ?? 0,
      }),
      levelConflict,
    );
    await audit("ekonomi_level", row.id, "create", { after: row });
    return levelDto(row);
  });
}

const findLevel = (id: string) => (db: Db) => repo.findLevel(db, id);

export async function updateLevel(db: Db, actor: Actor, id: string, patch: z.infer<typeof levelPatch>) {
  return writeStored(db, actor, "Uppföljningsnivån", findLevel(id), async ({ trx, node, audit }, level) => {
    await checkTarget(trx, node, patch.orgNodeId);
    const after = await unique(
      repo.updateLevel(trx, id, {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.code !== undefined ? { code: patch.code ?? null } : {}),
        ...(patch.orgNodeId !== undefined ? { target_org_node_id: patch.orgNodeId ?? null } : {}),
        ...(patch.sortOrder !== undefined ? { sort_order: patch.sortOrder } : {}),
      }),
      levelConflict,
    );
    await audit("ekonomi_level", id, "update", { before: level, after });
    return levelDto(after);
  });
}

export async function deleteLevel(db: Db, actor: Actor, id: string) {
  await writeStored(db, actor, "Uppföljningsnivån", findLevel(id), async ({ trx, audit }, level) => {
    const figures = await repo.countFiguresOfLevel(trx, id);
    if (figures > 0) {
      throw new DomainError("conflict", `${level.name} har ${figures} belopp; ta bort dem innan nivån tas bort.`);
    }
    if ((await repo.countLinesOfLevel(trx, id)) > 0) {
      throw new DomainError("conflict", `${level.name} ingår i en ombudgetering och kan inte tas bort.`);
    }
    for (const m of await repo.mappingsOfLevel(trx, id)) {
      await repo.deleteMapping(trx, m.id);
      await audit("ekonomi_code_mapping", m.id, "delete", { before: m });
    }
    await repo.deleteLevel(trx, id);
    await audit("ekonomi_level", id, "delete", { before: level });
  });
}

/**
 * The default structure: one level per verksamhetsområde under the committee. Existing levels are kept;
 * a level already named like an area is linked to it instead of duplicated.
 */
export async function createDefaultLevels(db: Db, actor: Actor, namndId: string, year: number) {
  return write(db, actor, "write:ekonomi", namndId, async ({ trx, node, audit }) => {
    const namnd = namndOf(node);
    const areas = await nodesOfKindUnder(trx, [namnd.path], ["verksamhetsomrade"]);
    const existing = await repo.levelsOf(trx, namndId, year);
    for (const [index, area] of areas.entries()) {
      if (existing.some((l) => l.target_org_node_id === area.id)) continue;
      const sameName = existing.find((l) => l.name === area.name && !l.target_org_node_id);
      if (sameName) {
        const after = await repo.updateLevel(trx, sameName.id, { target_org_node_id: area.id });
        await audit("ekonomi_level", sameName.id, "update", { before: sameName, after });
        continue;
      }
      const row = await unique(
        repo.insertLevel(trx, {
          org_node_id: namndId,
          year,
          name: area.name,
          code: null,
          target_org_node_id: area.id,
          sort_order: index,
        }),
        levelConflict,
      );
      await audit("ekonomi_level", row.id, "create", { after: row });
    }
    return (await repo.levelsOf(trx, namndId, year)).map(levelDto);
  });
}

/** Carries last year's levels and code mappings into a new year (levels that already exist are left alone). */
export async function copyLevels(
  db: Db,
  actor: Actor,
  namndId: string,
  year: number,
  input: z.infer<typeof copyLevelsInput>,
) {
  if (input.fromYear === year) throw validation(copyLevelsInput, "fromYear", "Välj ett annat år att kopiera från.");
  return write(db, actor, "write:ekonomi", namndId, async ({ trx, node, audit }) => {
    namndOf(node);
    const source = await repo.levelsOf(trx, namndId, input.fromYear);
    if (source.length === 0) {
      throw new DomainError("validation", `Det finns inga nivåer för ${input.fromYear} att kopiera.`);
    }
    const existing = await repo.levelsOf(trx, namndId, year);
    const sourceMappings = await repo.mappingsOf(trx, namndId, input.fromYear);
    const taken = new Set((await repo.mappingsOf(trx, namndId, year)).map((m) => `${m.dimension}|${m.pattern}`));
    for (const level of source) {
      const clash = existing.some(
        (l) =>
          l.name === level.name ||
          (level.code && l.code === level.code) ||
          (level.target_org_node_id && l.target_org_node_id === level.target_org_node_id),
      );
      if (clash) continue;
      const { id: _sourceId, ...copy } = level;
      const row = await repo.insertLevel(trx, { ...copy, year });
      await audit("ekonomi_level", row.id, "create", { after: row });
      for (const m of sourceMappings.filter((x) => x.level_id === level.id)) {
        if (taken.has(`${m.dimension}|${m.pattern}`)) continue;
        const mapping = await repo.insertMapping(trx, {
          org_node_id: namndId,
          year,
          level_id: row.id,
          dimension: m.dimension,
          pattern: m.pattern,
        });
        await audit("ekonomi_code_mapping", mapping.id, "create", { after: mapping });
      }
    }
    return (await repo.levelsOf(trx, namndId, year)).map(levelDto);
  });
}

export async function addMapping(db: Db, actor: Actor, levelId: string, input: z.infer<typeof mappingInput>) {
  return writeStored(db, actor, "Uppföljningsnivån", findLevel(levelId), async ({ trx, audit }, level) => {
    const clash = (await repo.mappingsOf(trx, level.org_node_id, level.year)).find(
      (m) => m.dimension === input.dimension && m.pattern === input.pattern,
    );
    if (clash) {
      const owner = await repo.findLevel(trx, clash.level_id);
      throw new DomainError(
        "conflict",
        `${input.dimension} ${input.pattern} är redan mappad till ${owner?.name ?? "en annan nivå"}.`,
      );
    }
    const row = await unique(
      repo.insertMapping(trx, {
        org_node_id: level.org_node_id,
        year: level.year,
        level_id: level.id,
        dimension: input.dimension,
        pattern: input.pattern,
      }),
      `${input.dimension} ${input.pattern} är redan mappad.`,
    );
    await audit("ekonomi_code_mapping", row.id, "create", { after: row });
    return mappingDto(row);
  });
}

export async function deleteMapping(db: Db, actor: Actor, id: string) {
  await writeStored(
    db,
    actor,
    "Kodmappningen",
    (d) => repo.findMapping(d, id),
    async ({ trx, audit }, mapping) => {
      await repo.deleteMapping(trx, id);
      await audit("ekonomi_code_mapping", id, "delete", { before: mapping });
    },
  );
}

export async function setFrame(db: Db, actor: Actor, namndId: string, year: number, input: z.infer<typeof frameInput>) {
  return write(db, actor, "write:ekonomi", namndId, async ({ trx, node, audit }) => {
    namndOf(node);
    const [before] = await repo.framesOf(trx, namndId, [year]);
    const values = { amount_kr: input.amountKr, decision_ref: input.decisionRef ?? null };
    const after = before
      ? await repo.updateFrame(trx, before.id, values)
      : await repo.insertFrame(trx, { org_node_id: namndId, year, ...values });
    await audit("ekonomi_frame", after.id, before ? "update" : "create", { before, after });
    return { amountKr: after.amount_kr, decisionRef: after.decision_ref };
  });
}
