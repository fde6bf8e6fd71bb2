import type { Kysely } from "kysely";
import type { z } from "zod";
import { recordAudit } from "../platform/audit/audit.ts";
import { type Actor, can, requireAccess, scopesFor } from "../platform/auth/access.ts";
import type { DB } from "../platform/db/schema.ts";
import { DomainError, notFound } from "../platform/errors.ts";
import { krToTkr, percentOf, sumKronor } from "./arithmetic.ts";
import { checkTextFigures, checkTextPercent, checkUnitLabel, type Issue, type NamedFigure } from "./consistency.ts";
import { granularityOf, isValidPeriod, type Period, type PeriodType } from "./periods.ts";
import {
  buildBudgetSplit,
  buildFollowUp,
  buildForecastAccuracy,
  buildFundLedger,
  buildInvestmentReport,
  buildSummary,
  disposalProblem,
  type FigureKind,
  type FollowUp,
  type FundEntryKind,
  figureKindLabels,
  type InvestmentCategory,
  usageProblem,
  type YearData,
} from "./reports.ts";
import * as repo from "./repository.ts";
import type {
  copyLevelsInput,
  FigureInput,
  FundEntryInput,
  forecastInput,
  forecastPatch,
  frameInput,
  InvestmentInput,
  investmentPatch,
  LevelInput,
  levelPatch,
  mappingInput,
  ReallocationInput,
  reallocationDecision,
  reallocationPatch,
} from "./schema.ts";
import { mkrText, resultSentence, tkrText } from "./text.ts";

type Db = Kysely<DB>;
type Namnd = { id: string; path: string; name: string; kind: string };

/** Money is followed per committee: the node must be a nämnd and the actor must hold the permission there. */
export async function requireNamnd(
  db: Db,
  actor: Actor,
  permission: "read" | "write:ekonomi",
  namndId: string,
): Promise<Namnd> {
  const node = await requireAccess(db, actor, permission, namndId);
  if (node.kind !== "namnd") {
    throw new DomainError("validation", `${node.name} är ingen nämnd; ekonomin följs upp per nämnd.`);
  }
  return node;
}

const audit = (
  trx: Db,
  actor: Actor,
  entity: string,
  entityId: string,
  orgNodeId: string,
  action: "create" | "update" | "delete",
  before?: unknown,
  after?: unknown,
) => recordAudit(trx, actor, { entity, entityId, orgNodeId, action, before, after });

/** Runs a write and turns a unique-key collision into a Swedish conflict message. */
async function unique<T>(write: Promise<T>, message: string): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if ((error as { code?: string }).code === "23505") throw new DomainError("conflict", message);
    throw error;
  }
}

const validation = (field: string, message: string) =>
  new DomainError("validation", `Fältet "${field}": ${message}`, { problems: [{ field, message }] });

// ---------- DTOs ----------

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

const forecastDto = (f: { id: string; year: number; name: string; as_of: string }) => ({
  id: f.id,
  year: f.year,
  name: f.name,
  asOf: f.as_of,
});

const figureDto = (f: repo.FigureRow) => ({
  id: f.id,
  levelId: f.level_id,
  kind: f.kind,
  forecastId: f.forecast_id,
  periodType: f.period_type,
  periodNo: f.period_no,
  amountKr: f.amount_kr,
  importId: f.import_id,
});

const investmentDto = (i: repo.InvestmentRow) => ({
  id: i.id,
  year: i.year,
  category: i.category as InvestmentCategory,
  name: i.name,
  projectCode: i.project_code,
  budgetInkomsterKr: i.budget_inkomster_kr,
  budgetUtgifterKr: i.budget_utgifter_kr,
  bokslutInkomsterKr: i.bokslut_inkomster_kr,
  bokslutUtgifterKr: i.bokslut_utgifter_kr,
  note: i.note,
  sortOrder: i.sort_order,
});

const fundEntryDto = (e: repo.FundEntryRow) => ({
  id: e.id,
  year: e.year,
  kind: e.kind as FundEntryKind,
  amountKr: e.amount_kr,
  decisionRef: e.decision_ref,
  decidedOn: e.decided_on,
  decidedBy: e.decided_by,
  note: e.note,
  reallocationId: e.reallocation_id,
});

// ---------- loading ----------

/** Everything stored for the committee in the given years, as the pure report modules want it. */
async function loadYears(db: Db, namndId: string, years: number[]): Promise<Map<number, YearData>> {
  const [levels, figures, forecasts, frames] = await Promise.all([
    repo.levelsOfYears(db, namndId, years),
    repo.figuresOf(db, namndId, years),
    repo.forecastsOf(db, namndId, years),
    repo.framesOf(db, namndId, years),
  ]);
  const result = new Map<number, YearData>();
  for (const year of years) {
    result.set(year, {
      year,
      levels: levels
        .filter((l) => l.year === year)
        .map((l) => ({
          id: l.id,
          name: l.name,
          code: l.code,
          targetOrgNodeId: l.target_org_node_id,
          sortOrder: l.sort_order,
        })),
      figures: figures
        .filter((f) => f.year === year)
        .map((f) => ({
          levelId: f.level_id,
          kind: f.kind as FigureKind,
          forecastId: f.forecast_id,
          periodType: f.period_type as PeriodType,
          periodNo: f.period_no,
          amountKr: f.amount_kr,
        })),
      forecasts: forecasts.filter((f) => f.year === year).map((f) => ({ id: f.id, name: f.name, asOf: f.as_of })),
      frameKr: frames.find((f) => f.year === year)?.amount_kr ?? null,
      decidedReallocations: (await repo.decidedLinesOf(db, namndId, year)).map((l) => ({
        levelId: l.level_id,
        amountKr: l.amount_kr,
      })),
    });
  }
  return result;
}

async function loadYear(db: Db, namndId: string, year: number): Promise<YearData> {
  return (await loadYears(db, namndId, [year])).get(year) as YearData;
}

// ---------- committees and structure ----------

/** The committees the actor can read, with the years that have levels and whether the actor may write. */
export async function namnder(db: Db, actor: Actor) {
  const nodes = await repo.namnderUnder(db, scopesFor(actor, "read"));
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
  const namnd = await requireNamnd(db, actor, "read", namndId);
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
  importedAt: i.updated_at,
});

async function checkTarget(db: Db, namnd: Namnd, orgNodeId: string | null | undefined) {
  if (!orgNodeId) return;
  const node = await repo.findOrgNode(db, orgNodeId);
  if (!node?.path.startsWith(namnd.path) || node.id === namnd.id) {
    throw validation("orgNodeId", `Organisationsenheten ska ligga under ${namnd.name}.`);
  }
}

const levelConflict = "Det finns redan en nivå med samma namn, kod eller organisationsenhet det året.";

export async function createLevel(db: Db, actor: Actor, namndId: string, year: number, input: LevelInput) {
  return db.transaction().execute(async (trx) => {
    const namnd = await requireNamnd(trx, actor, "write:ekonomi", namndId);
    await checkTarget(trx, namnd, input.orgNodeId);
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
    await audit(trx, actor, "ekonomi_level", row.id, namndId, "create", undefined, row);
    return levelDto(row);
  });
}

async function levelForWrite(trx: Db, actor: Actor, id: string) {
  const level = await repo.findLevel(trx, id);
  if (!level) throw notFound("Uppföljningsnivån");
  const namnd = await requireNamnd(trx, actor, "write:ekonomi", level.org_node_id);
  return { level, namnd };
}

export async function updateLevel(db: Db, actor: Actor, id: string, patch: z.infer<typeof levelPatch>) {
  return db.transaction().execute(async (trx) => {
    const { level, namnd } = await levelForWrite(trx, actor, id);
    await checkTarget(trx, namnd, patch.orgNodeId);
    const after = await unique(
      repo.updateLevel(trx, id, {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.code !== undefined ? { code: patch.code ?? null } : {}),
        ...(patch.orgNodeId !== undefined ? { target_org_node_id: patch.orgNodeId ?? null } : {}),
        ...(patch.sortOrder !== undefined ? { sort_order: patch.sortOrder } : {}),
      }),
      levelConflict,
    );
    await audit(trx, actor, "ekonomi_level", id, level.org_node_id, "update", level, after);
    return levelDto(after);
  });
}

export async function deleteLevel(db: Db, actor: Actor, id: string) {
  await db.transaction().execute(async (trx) => {
    const { level } = await levelForWrite(trx, actor, id);
    const figures = await repo.countFiguresOfLevel(trx, id);
    if (figures > 0) {
      throw new DomainError("conflict", `${level.name} har ${figures} belopp; ta bort dem innan nivån tas bort.`);
    }
    if ((await repo.countLinesOfLevel(trx, id)) > 0) {
      throw new DomainError("conflict", `${level.name} ingår i en ombudgetering och kan inte tas bort.`);
    }
    for (const m of await repo.mappingsOfLevel(trx, id)) {
      await repo.deleteMapping(trx, m.id);
      await audit(trx, actor, "ekonomi_code_mapping", m.id, level.org_node_id, "delete", m);
    }
    await repo.deleteLevel(trx, id);
    await audit(trx, actor, "ekonomi_level", id, level.org_node_id, "delete", level);
  });
}

/**
 * The default structure: one level per verksamhetsområde under the committee. Existing levels are kept;
 * a level already named like an area is linked to it instead of duplicated.
 */
export async function createDefaultLevels(db: Db, actor: Actor, namndId: string, year: number) {
  return db.transaction().execute(async (trx) => {
    const namnd = await requireNamnd(trx, actor, "write:ekonomi", namndId);
    const areas = await repo.operatingAreasUnder(trx, namnd.path);
    const existing = await repo.levelsOf(trx, namndId, year);
    for (const [index, area] of areas.entries()) {
      if (existing.some((l) => l.target_org_node_id === area.id)) continue;
      const sameName = existing.find((l) => l.name === area.name && !l.target_org_node_id);
      if (sameName) {
        const after = await repo.updateLevel(trx, sameName.id, { target_org_node_id: area.id });
        await audit(trx, actor, "ekonomi_level", sameName.id, namndId, "update", sameName, after);
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
      await audit(trx, actor, "ekonomi_level", row.id, namndId, "create", undefined, row);
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
  if (input.fromYear === year) throw validation("fromYear", "Välj ett annat år att kopiera från.");
  return db.transaction().execute(async (trx) => {
    await requireNamnd(trx, actor, "write:ekonomi", namndId);
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
      await audit(trx, actor, "ekonomi_level", row.id, namndId, "create", undefined, row);
      for (const m of sourceMappings.filter((x) => x.level_id === level.id)) {
        if (taken.has(`${m.dimension}|${m.pattern}`)) continue;
        const mapping = await repo.insertMapping(trx, {
          org_node_id: namndId,
          year,
          level_id: row.id,
          dimension: m.dimension,
          pattern: m.pattern,
        });
        await audit(trx, actor, "ekonomi_code_mapping", mapping.id, namndId, "create", undefined, mapping);
      }
    }
    return (await repo.levelsOf(trx, namndId, year)).map(levelDto);
  });
}

export async function addMapping(db: Db, actor: Actor, levelId: string, input: z.infer<typeof mappingInput>) {
  return db.transaction().execute(async (trx) => {
    const { level } = await levelForWrite(trx, actor, levelId);
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
    await audit(trx, actor, "ekonomi_code_mapping", row.id, level.org_node_id, "create", undefined, row);
    return mappingDto(row);
  });
}

export async function deleteMapping(db: Db, actor: Actor, id: string) {
  await db.transaction().execute(async (trx) => {
    const mapping = await repo.findMapping(trx, id);
    if (!mapping) throw notFound("Kodmappningen");
    await requireNamnd(trx, actor, "write:ekonomi", mapping.org_node_id);
    await repo.deleteMapping(trx, id);
    await audit(trx, actor, "ekonomi_code_mapping", id, mapping.org_node_id, "delete", mapping);
  });
}

export async function setFrame(db: Db, actor: Actor, namndId: string, year: number, input: z.infer<typeof frameInput>) {
  return db.transaction().execute(async (trx) => {
    await requireNamnd(trx, actor, "write:ekonomi", namndId);
    const [before] = await repo.framesOf(trx, namndId, [year]);
    const values = { amount_kr: input.amountKr, decision_ref: input.decisionRef ?? null };
    const after = before
      ? await repo.updateFrame(trx, before.id, values)
      : await repo.insertFrame(trx, { org_node_id: namndId, year, ...values });
    await audit(trx, actor, "ekonomi_frame", after.id, namndId, before ? "update" : "create", before, after);
    return { amountKr: after.amount_kr, decisionRef: after.decision_ref };
  });
}

// ---------- forecasts ----------

const forecastConflict = "Det finns redan en prognos med det namnet det året.";

export async function createForecast(
  db: Db,
  actor: Actor,
  namndId: string,
  year: number,
  input: z.infer<typeof forecastInput>,
) {
  if (!input.asOf.startsWith(`${year}-`) && !input.asOf.startsWith(`${year + 1}-`)) {
    throw validation("asOf", `Prognosdatumet ska ligga under ${year} (eller i bokslutsarbetet ${year + 1}).`);
  }
  return db.transaction().execute(async (trx) => {
    await requireNamnd(trx, actor, "write:ekonomi", namndId);
    const row = await unique(
      repo.insertForecast(trx, { org_node_id: namndId, year, name: input.name, as_of: input.asOf }),
      forecastConflict,
    );
    await audit(trx, actor, "ekonomi_forecast", row.id, namndId, "create", undefined, row);
    return forecastDto(row);
  });
}

async function forecastForWrite(trx: Db, actor: Actor, id: string) {
  const forecast = await repo.findForecast(trx, id);
  if (!forecast) throw notFound("Prognosen");
  await requireNamnd(trx, actor, "write:ekonomi", forecast.org_node_id);
  return forecast;
}

export async function updateForecast(db: Db, actor: Actor, id: string, patch: z.infer<typeof forecastPatch>) {
  return db.transaction().execute(async (trx) => {
    const before = await forecastForWrite(trx, actor, id);
    const after = await unique(
      repo.updateForecast(trx, id, {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.asOf !== undefined ? { as_of: patch.asOf } : {}),
      }),
      forecastConflict,
    );
    await audit(trx, actor, "ekonomi_forecast", id, before.org_node_id, "update", before, after);
    return forecastDto(after);
  });
}

/** Removes the forecast with its figures and import records (each removal audited). */
export async function deleteForecast(db: Db, actor: Actor, id: string) {
  await db.transaction().execute(async (trx) => {
    const forecast = await forecastForWrite(trx, actor, id);
    for (const f of await repo.figuresOf(trx, forecast.org_node_id, [forecast.year], { forecastId: id })) {
      await repo.deleteFigure(trx, f.id);
      await audit(trx, actor, "ekonomi_figure", f.id, forecast.org_node_id, "delete", f);
    }
    for (const i of (await repo.importsOf(trx, forecast.org_node_id, forecast.year)).filter(
      (x) => x.forecast_id === id,
    )) {
      await repo.deleteImport(trx, i.id);
      await audit(trx, actor, "ekonomi_import", i.id, forecast.org_node_id, "delete", i);
    }
    await repo.deleteForecast(trx, id);
    await audit(trx, actor, "ekonomi_forecast", id, forecast.org_node_id, "delete", forecast);
  });
}

// ---------- figures ----------

export type FigureWrite = Period & { levelId: string; kind: FigureKind; forecastId: string | null; amountKr: number };

const figureKey = (f: {
  levelId: string;
  kind: string;
  forecastId: string | null;
  periodType: string;
  periodNo: number;
}) => `${f.levelId}|${f.kind}|${f.forecastId ?? ""}|${f.periodType}|${f.periodNo}`;

const granularityLabel: Record<PeriodType, string> = { month: "månad", tertial: "tertial", year: "år" };

/**
 * Writes amounts (insert or change; unchanged ones are left alone) after checking that each level and
 * kind keeps a single granularity. One audit event per changed figure. Returns how many changed.
 */
export async function applyFigures(
  trx: Db,
  actor: Actor,
  namndId: string,
  year: number,
  writes: FigureWrite[],
  importId: string | null,
): Promise<number> {
  const levels = new Map((await repo.levelsOf(trx, namndId, year)).map((l) => [l.id, l]));
  const existing = await repo.figuresOf(trx, namndId, [year]);
  const byKey = new Map(
    existing.map((f) => [
      figureKey({
        levelId: f.level_id,
        kind: f.kind,
        forecastId: f.forecast_id,
        periodType: f.period_type,
        periodNo: f.period_no,
      }),
      f,
    ]),
  );

  const groups = new Map<string, { level: string; kind: FigureKind; periods: Period[] }>();
  for (const w of writes) {
    const level = levels.get(w.levelId);
    if (!level) throw validation("levelId", `Nivån ${w.levelId} hör inte till nämndens nivåer för ${year}.`);
    const key = `${w.levelId}|${w.kind}|${w.forecastId ?? ""}`;
    const group = groups.get(key) ?? { level: level.name, kind: w.kind, periods: [] };
    group.periods.push(w);
    groups.set(key, group);
  }
  for (const [key, group] of groups) {
    const stored = existing
      .filter((f) => `${f.level_id}|${f.kind}|${f.forecast_id ?? ""}` === key)
      .map((f) => ({ periodType: f.period_type as PeriodType, periodNo: f.period_no }));
    const storedType = granularityOf(stored);
    const newType = granularityOf(group.periods);
    if (newType === "mixed") {
      throw new DomainError(
        "validation",
        `${group.level}: ${figureKindLabels[group.kind].toLowerCase()} kan inte anges per både månad, tertial och år samtidigt.`,
      );
    }
    if (storedType && storedType !== "mixed" && newType && storedType !== newType) {
      throw new DomainError(
        "conflict",
        `${group.level}: ${figureKindLabels[group.kind].toLowerCase()} finns redan per ${granularityLabel[storedType]}; ta bort dem innan du lägger in per ${granularityLabel[newType]}.`,
      );
    }
  }

  let changed = 0;
  for (const w of writes) {
    const current = byKey.get(figureKey(w));
    if (current) {
      if (current.amount_kr === w.amountKr) continue;
      const after = await repo.updateFigure(trx, current.id, { amount_kr: w.amountKr, import_id: importId });
      await audit(trx, actor, "ekonomi_figure", current.id, namndId, "update", current, after);
    } else {
      const after = await repo.insertFigure(trx, {
        org_node_id: namndId,
        level_id: w.levelId,
        kind: w.kind,
        forecast_id: w.forecastId,
        period_type: w.periodType,
        period_no: w.periodNo,
        amount_kr: w.amountKr,
        import_id: importId,
      });
      await audit(trx, actor, "ekonomi_figure", after.id, namndId, "create", undefined, after);
    }
    changed += 1;
  }
  return changed;
}

export async function listFigures(
  db: Db,
  actor: Actor,
  namndId: string,
  year: number,
  filter: { kind?: string; forecastId?: string; levelId?: string },
) {
  await requireNamnd(db, actor, "read", namndId);
  return (await repo.figuresOf(db, namndId, [year], filter)).map(figureDto);
}

/** Typed-in figures (a budget grid, a forecast): all in one transaction. */
export async function saveFigures(db: Db, actor: Actor, namndId: string, year: number, figures: FigureInput[]) {
  const seen = new Set<string>();
  for (const [i, f] of figures.entries()) {
    if (!isValidPeriod(f)) {
      throw validation(`figures.${i}.periodNo`, `Ogiltig period ${f.periodNo} för ${granularityLabel[f.periodType]}.`);
    }
    const key = figureKey({ ...f, forecastId: f.forecastId ?? null });
    if (seen.has(key)) throw validation(`figures.${i}`, "Samma nivå, slag och period förekommer två gånger.");
    seen.add(key);
  }
  return db.transaction().execute(async (trx) => {
    await requireNamnd(trx, actor, "write:ekonomi", namndId);
    const forecasts = new Set((await repo.forecastsOf(trx, namndId, [year])).map((f) => f.id));
    for (const [i, f] of figures.entries()) {
      if (f.forecastId && !forecasts.has(f.forecastId)) {
        throw validation(`figures.${i}.forecastId`, `Prognosen hör inte till ${year}.`);
      }
    }
    const changed = await applyFigures(
      trx,
      actor,
      namndId,
      year,
      figures.map((f) => ({ ...f, forecastId: f.forecastId ?? null })),
      null,
    );
    return { changed };
  });
}

/** Removes figures of a kind (optionally one forecast or level), e.g. before re-entering them per month. */
export async function deleteFigures(
  db: Db,
  actor: Actor,
  namndId: string,
  year: number,
  filter: { kind?: string; forecastId?: string; levelId?: string },
) {
  return db.transaction().execute(async (trx) => {
    await requireNamnd(trx, actor, "write:ekonomi", namndId);
    const rows = await repo.figuresOf(trx, namndId, [year], filter);
    for (const f of rows) {
      await repo.deleteFigure(trx, f.id);
      await audit(trx, actor, "ekonomi_figure", f.id, namndId, "delete", f);
    }
    return { deleted: rows.length };
  });
}

export async function deleteFigure(db: Db, actor: Actor, id: string) {
  await db.transaction().execute(async (trx) => {
    const figure = await repo.findFigure(trx, id);
    if (!figure) throw notFound("Beloppet");
    await requireNamnd(trx, actor, "write:ekonomi", figure.org_node_id);
    await repo.deleteFigure(trx, id);
    await audit(trx, actor, "ekonomi_figure", id, figure.org_node_id, "delete", figure);
  });
}

// ---------- reports ----------

/** Sentences for the report text, rendered from the same kronor as the table. */
function followUpTexts(subject: string, f: FollowUp): string[] {
  const texts: string[] = [];
  if (f.complete && f.total.avvikelseKr !== null) {
    texts.push(resultSentence(subject, f.year, krToTkr(f.total.avvikelseKr)));
  }
  if (f.forecast && f.total.prognosAvvikelseKr !== null) {
    const tkr = krToTkr(f.total.prognosAvvikelseKr);
    const direction = tkr > 0 ? "ett överskott" : tkr < 0 ? "ett underskott" : "ett resultat i nivå med budget";
    const amount = tkr === 0 ? "" : ` på ${mkrText(Math.abs(tkr))} (${tkrText(tkr, true)})`;
    texts.push(
      `Prognosen ${f.forecast.name.toLocaleLowerCase("sv-SE")} visar ${direction}${amount} mot budget för helåret ${f.year}.`,
    );
  }
  // With a single level the committee sentence already says it all.
  for (const row of f.rows.length > 1 ? f.rows : []) {
    const deviation = f.complete ? row.avvikelseKr : row.prognosAvvikelseKr;
    if (deviation === null || krToTkr(deviation) === 0) continue;
    const tkr = krToTkr(deviation);
    texts.push(
      `${row.name}: ${tkr > 0 ? "överskott" : "underskott"} ${mkrText(Math.abs(tkr))} (${tkrText(tkr, true)})${f.complete ? "" : " enligt prognos"}.`,
    );
  }
  return texts;
}

export async function followUp(
  db: Db,
  actor: Actor,
  namndId: string,
  year: number,
  options: { forecastId?: string; throughMonth?: number },
) {
  const namnd = await requireNamnd(db, actor, "read", namndId);
  const data = await loadYears(db, namndId, [year - 1, year]);
  const current = data.get(year) as YearData;
  if (options.forecastId && !current.forecasts.some((f) => f.id === options.forecastId)) throw notFound("Prognosen");
  const result = buildFollowUp(current, data.get(year - 1) ?? null, options);
  return {
    namnd: { id: namnd.id, name: namnd.name },
    forecasts: current.forecasts,
    ...result,
    texts: followUpTexts("Nämnden", result),
  };
}

async function defaultRange(db: Db, namndId: string, range: { from?: number; to?: number }, span: number) {
  const years = await repo.yearsOf(db, namndId);
  const to = range.to ?? years[0] ?? new Date().getFullYear();
  const from = range.from ?? to - span;
  if (from > to) throw validation("from", "Startåret ligger efter slutåret.");
  if (to - from > 20) throw validation("from", "Välj högst 20 år.");
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** The annual report's economic summary (default: the three latest years). */
export async function summary(db: Db, actor: Actor, namndId: string, range: { from?: number; to?: number }) {
  const namnd = await requireNamnd(db, actor, "read", namndId);
  const years = await defaultRange(db, namndId, range, 2);
  const data = await loadYears(db, namndId, years);
  const investments = await repo.investmentsOf(db, namndId, years);
  const investmentNetto = new Map(
    years.map((y) => {
      const own = investments.filter((i) => i.year === y).map(investmentDto);
      return [y, own.length ? buildInvestmentReport(own).total.bokslutNettoKr : null];
    }),
  );
  const withLevels = [...data.values()].filter((d) => d.levels.length > 0);
  return { namnd: { id: namnd.id, name: namnd.name }, ...buildSummary(withLevels, investmentNetto) };
}

/** Prognossäkerhet per year: each forecast against the final outcome. */
export async function forecastAccuracy(db: Db, actor: Actor, namndId: string, range: { from?: number; to?: number }) {
  const namnd = await requireNamnd(db, actor, "read", namndId);
  const years = await defaultRange(db, namndId, range, 4);
  const data = await loadYears(db, namndId, years);
  return {
    namnd: { id: namnd.id, name: namnd.name },
    years: [...data.values()].filter((d) => d.forecasts.length > 0).map(buildForecastAccuracy),
  };
}

export async function budgetSplit(db: Db, actor: Actor, namndId: string, year: number, basis: "original" | "revised") {
  const namnd = await requireNamnd(db, actor, "read", namndId);
  return { namnd: { id: namnd.id, name: namnd.name }, ...buildBudgetSplit(await loadYear(db, namndId, year), basis) };
}

/**
 * Checks a draft text against the year's figures: every money figure in the text must render from a
 * table value, and percentages must match the deviation shares they describe.
 */
export async function checkText(
  db: Db,
  actor: Actor,
  namndId: string,
  year: number,
  input: { text: string; tables: Array<{ caption: string; unit: string; values: number[] }> },
) {
  const { text } = input;
  await requireNamnd(db, actor, "read", namndId);
  const data = await loadYears(db, namndId, [year - 1, year]);
  const f = buildFollowUp(data.get(year) as YearData, data.get(year - 1) ?? null);
  const figures: NamedFigure[] = [];
  const add = (label: string, kr: number | null) => {
    if (kr !== null) figures.push({ label, tkr: krToTkr(kr) });
  };
  for (const row of [...f.rows, f.total]) {
    const name = row === f.total ? "nämnden totalt" : row.name;
    add(`Budget ${name}`, row.budgetKr);
    add(`Bokslut ${name}`, row.nettoKr);
    add(`Avvikelse ${name}`, row.avvikelseKr);
    add(`Prognos ${name}`, row.prognosKr);
    add(`Prognosavvikelse ${name}`, row.prognosAvvikelseKr);
    add(`Bokslut ${year - 1} ${name}`, row.bokslutPrevKr);
  }
  const issues: Issue[] = checkTextFigures(text, figures);
  if (f.complete && f.total.avvikelseKr !== null && f.total.budgetKr) {
    const percent = percentOf(f.total.avvikelseKr, Math.abs(f.total.budgetKr), 3) ?? 0;
    // Only a sentence about the deviation against budget describes this percentage; other percentages are left alone.
    for (const sentence of text.split(/(?<=[.!?])\s+/).filter((s) => /avvikelse/i.test(s) && /budget/i.test(s))) {
      issues.push(...checkTextPercent(sentence, "avvikelsen i procent av budget", percent));
    }
  }
  // The committee's budget is the yardstick for whether a table's numbers are kr, tkr or mkr.
  const reference = Math.abs(f.total.budgetKr ?? 0);
  for (const table of input.tables) issues.push(...checkUnitLabel(table.caption, table.unit, table.values, reference));
  return { issues, figures: figures.length };
}

// ---------- investments ----------

export async function investments(db: Db, actor: Actor, namndId: string, year: number) {
  await requireNamnd(db, actor, "read", namndId);
  return buildInvestmentReport((await repo.investmentsOf(db, namndId, [year])).map(investmentDto));
}

const investmentConflict = "Det finns redan en investering med det namnet det året.";

export async function createInvestment(db: Db, actor: Actor, namndId: string, year: number, input: InvestmentInput) {
  return db.transaction().execute(async (trx) => {
    await requireNamnd(trx, actor, "write:ekonomi", namndId);
    const row = await unique(
      repo.insertInvestment(trx, {
        org_node_id: namndId,
        year,
        category: input.category,
        name: input.name,
        project_code: input.projectCode ?? null,
        budget_inkomster_kr: input.budgetInkomsterKr ?? null,
        budget_utgifter_kr: input.budgetUtgifterKr ?? null,
        bokslut_inkomster_kr: input.bokslutInkomsterKr ?? null,
        bokslut_utgifter_kr: input.bokslutUtgifterKr ?? null,
        note: input.note ?? null,
        sort_order: input.sortOrder ?? 0,
      }),
      investmentConflict,
    );
    await audit(trx, actor, "ekonomi_investment", row.id, namndId, "create", undefined, row);
    return investmentDto(row);
  });
}

export async function updateInvestment(db: Db, actor: Actor, id: string, patch: z.infer<typeof investmentPatch>) {
  return db.transaction().execute(async (trx) => {
    const before = await repo.findInvestment(trx, id);
    if (!before) throw notFound("Investeringen");
    await requireNamnd(trx, actor, "write:ekonomi", before.org_node_id);
    const set = <K extends keyof typeof patch>(key: K) => patch[key] !== undefined;
    const after = await unique(
      repo.updateInvestment(trx, id, {
        ...(set("category") ? { category: patch.category } : {}),
        ...(set("name") ? { name: patch.name } : {}),
        ...(set("projectCode") ? { project_code: patch.projectCode ?? null } : {}),
        ...(set("budgetInkomsterKr") ? { budget_inkomster_kr: patch.budgetInkomsterKr ?? null } : {}),
        ...(set("budgetUtgifterKr") ? { budget_utgifter_kr: patch.budgetUtgifterKr ?? null } : {}),
        ...(set("bokslutInkomsterKr") ? { bokslut_inkomster_kr: patch.bokslutInkomsterKr ?? null } : {}),
        ...(set("bokslutUtgifterKr") ? { bokslut_utgifter_kr: patch.bokslutUtgifterKr ?? null } : {}),
        ...(set("note") ? { note: patch.note ?? null } : {}),
        ...(set("sortOrder") ? { sort_order: patch.sortOrder } : {}),
      }),
      investmentConflict,
    );
    await audit(trx, actor, "ekonomi_investment", id, before.org_node_id, "update", before, after);
    return investmentDto(after);
  });
}

export async function deleteInvestment(db: Db, actor: Actor, id: string) {
  await db.transaction().execute(async (trx) => {
    const before = await repo.findInvestment(trx, id);
    if (!before) throw notFound("Investeringen");
    await requireNamnd(trx, actor, "write:ekonomi", before.org_node_id);
    await repo.deleteInvestment(trx, id);
    await audit(trx, actor, "ekonomi_investment", id, before.org_node_id, "delete", before);
  });
}

// ---------- ombudgetering ----------

async function reallocationsWithLines(db: Db, rows: repo.ReallocationRow[]) {
  const lines = await repo.linesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const own = lines.filter((l) => l.reallocation_id === r.id);
    return {
      id: r.id,
      year: r.year,
      title: r.title,
      reason: r.reason,
      financing: r.financing,
      status: r.status,
      caseRef: r.case_ref,
      decisionRef: r.decision_ref,
      decidedOn: r.decided_on,
      lines: own.map((l) => ({ levelId: l.level_id, levelName: l.level_name, amountKr: l.amount_kr })),
      sumKr: sumKronor(own.map((l) => l.amount_kr)) ?? 0,
    };
  });
}

export async function reallocations(db: Db, actor: Actor, namndId: string, year: number) {
  await requireNamnd(db, actor, "read", namndId);
  return reallocationsWithLines(db, await repo.reallocationsOf(db, namndId, year));
}

const showTkr = (kr: number) => tkrText(krToTkr(kr), true);

/** Moves within the committee net to zero; money from the fund or the council adds to the frame. */
function checkFinancing(financing: string, lines: Array<{ amountKr: number }>) {
  const sum = lines.reduce((t, l) => t + l.amountKr, 0);
  if (financing === "inom_namnd" && sum !== 0) {
    throw validation(
      "lines",
      `En ombudgetering inom nämnden ska summera till 0 kr; raderna summerar till ${showTkr(sum)}.`,
    );
  }
  if (financing === "resultatfond" && sum <= 0) {
    throw validation(
      "lines",
      "En ombudgetering finansierad ur resultatfonden ska tillföra nivåerna pengar (summa över 0 kr).",
    );
  }
  if (financing === "tillaggsanslag" && sum === 0) {
    throw validation("lines", "Ett tilläggsanslag ska ändra nämndens ram (summan kan inte vara 0 kr).");
  }
}

async function checkLineLevels(trx: Db, namndId: string, year: number, lines: Array<{ levelId: string }>) {
  const levels = new Set((await repo.levelsOf(trx, namndId, year)).map((l) => l.id));
  for (const [i, line] of lines.entries()) {
    if (!levels.has(line.levelId)) {
      throw validation(`lines.${i}.levelId`, `Nivån hör inte till nämndens nivåer för ${year}.`);
    }
  }
}

export async function createReallocation(
  db: Db,
  actor: Actor,
  namndId: string,
  year: number,
  input: ReallocationInput,
) {
  checkFinancing(input.financing, input.lines);
  return db.transaction().execute(async (trx) => {
    await requireNamnd(trx, actor, "write:ekonomi", namndId);
    await checkLineLevels(trx, namndId, year, input.lines);
    const row = await repo.insertReallocation(trx, {
      org_node_id: namndId,
      year,
      title: input.title,
      reason: input.reason ?? null,
      financing: input.financing,
      case_ref: input.caseRef ?? null,
    });
    await repo.insertLines(trx, namndId, row.id, input.lines);
    const [after] = await reallocationsWithLines(trx, [row]);
    await audit(trx, actor, "ekonomi_reallocation", row.id, namndId, "create", undefined, after);
    return after;
  });
}

async function proposalForWrite(trx: Db, actor: Actor, id: string) {
  const row = await repo.findReallocation(trx, id);
  if (!row) throw notFound("Ombudgeteringen");
  await requireNamnd(trx, actor, "write:ekonomi", row.org_node_id);
  return row;
}

export async function updateReallocation(db: Db, actor: Actor, id: string, patch: z.infer<typeof reallocationPatch>) {
  return db.transaction().execute(async (trx) => {
    const row = await proposalForWrite(trx, actor, id);
    if (row.status !== "forslag") {
      throw new DomainError("conflict", "Ombudgeteringen är redan avgjord och kan inte ändras.");
    }
    const [before] = await reallocationsWithLines(trx, [row]);
    if (!before) throw notFound("Ombudgeteringen");
    const lines = patch.lines ?? before.lines;
    checkFinancing(patch.financing ?? row.financing, lines);
    await checkLineLevels(trx, row.org_node_id, row.year, lines);
    const updated = await repo.updateReallocation(trx, id, {
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.reason !== undefined ? { reason: patch.reason ?? null } : {}),
      ...(patch.financing !== undefined ? { financing: patch.financing } : {}),
      ...(patch.caseRef !== undefined ? { case_ref: patch.caseRef ?? null } : {}),
    });
    if (patch.lines) {
      await repo.deleteLines(trx, id);
      await repo.insertLines(trx, row.org_node_id, id, patch.lines);
    }
    const [after] = await reallocationsWithLines(trx, [updated]);
    await audit(trx, actor, "ekonomi_reallocation", id, row.org_node_id, "update", before, after);
    return after;
  });
}

/**
 * Records the committee's decision. A decided reallocation changes each level's budget after
 * ombudgetering (created from the original budget the first time) and, when the fund pays, takes the
 * money from the result fund — all in the same transaction as the decision.
 */
export async function decideReallocation(
  db: Db,
  actor: Actor,
  id: string,
  input: z.infer<typeof reallocationDecision>,
) {
  return db.transaction().execute(async (trx) => {
    const row = await proposalForWrite(trx, actor, id);
    if (row.status !== "forslag") throw new DomainError("conflict", "Ombudgeteringen är redan avgjord.");
    const [before] = await reallocationsWithLines(trx, [row]);
    if (!before) throw notFound("Ombudgeteringen");
    if (input.outcome === "beslutad") {
      const data = await loadYear(trx, row.org_node_id, row.year);
      const writes: FigureWrite[] = before.lines.map((line) => {
        const own = data.figures.filter((f) => f.levelId === line.levelId);
        const revised = own.filter((f) => f.kind === "budget_revised");
        if (revised.some((f) => f.periodType !== "year")) {
          throw new DomainError(
            "conflict",
            `${line.levelName}: budget efter ombudgetering är registrerad per period; för in ombudgeteringen i ekonomisystemet och importera budgeten.`,
          );
        }
        const base = revised.length
          ? sumKronor(revised.map((f) => f.amountKr))
          : sumKronor(own.filter((f) => f.kind === "budget").map((f) => f.amountKr));
        if (base === null) throw new DomainError("conflict", `${line.levelName} saknar budget att ombudgetera.`);
        // A frame increase makes the (negative) netto budget larger in size.
        return {
          levelId: line.levelId,
          kind: "budget_revised",
          forecastId: null,
          periodType: "year",
          periodNo: 0,
          amountKr: base - line.amountKr,
        };
      });
      await applyFigures(trx, actor, row.org_node_id, row.year, writes, null);
      if (row.financing === "resultatfond") {
        const balance = (await repo.fundEntriesOf(trx, row.org_node_id)).reduce((t, e) => t + e.amount_kr, 0);
        const problem = usageProblem(balance, -before.sumKr);
        if (problem) throw new DomainError("conflict", problem);
        const entry = await repo.insertFundEntry(trx, {
          org_node_id: row.org_node_id,
          year: row.year,
          kind: "ianspraktagande",
          amount_kr: -before.sumKr,
          decision_ref: input.decisionRef,
          decided_on: input.decidedOn,
          decided_by: "Nämnden",
          note: row.title,
          reallocation_id: row.id,
        });
        await audit(trx, actor, "ekonomi_fund_entry", entry.id, row.org_node_id, "create", undefined, entry);
      }
    }
    const updated = await repo.updateReallocation(trx, id, {
      status: input.outcome,
      decision_ref: input.decisionRef,
      decided_on: input.decidedOn,
    });
    const [after] = await reallocationsWithLines(trx, [updated]);
    await audit(trx, actor, "ekonomi_reallocation", id, row.org_node_id, "update", before, after);
    return after;
  });
}

export async function deleteReallocation(db: Db, actor: Actor, id: string) {
  await db.transaction().execute(async (trx) => {
    const row = await proposalForWrite(trx, actor, id);
    if (row.status === "beslutad") throw new DomainError("conflict", "En beslutad ombudgetering kan inte tas bort.");
    const [before] = await reallocationsWithLines(trx, [row]);
    await repo.deleteLines(trx, id);
    await repo.deleteReallocation(trx, id);
    await audit(trx, actor, "ekonomi_reallocation", id, row.org_node_id, "delete", before);
  });
}

// ---------- resultatfond ----------

/** Each year's result against budget (null until the year is closed). */
async function yearResults(db: Db, namndId: string) {
  const years = await repo.yearsOf(db, namndId);
  const data = await loadYears(db, namndId, years);
  return buildSummary([...data.values()], new Map()).years.map((y) => ({
    year: y.year,
    resultKr: y.complete ? y.avvikelseKr : null,
  }));
}

export async function resultFund(db: Db, actor: Actor, namndId: string) {
  const namnd = await requireNamnd(db, actor, "read", namndId);
  const entries = (await repo.fundEntriesOf(db, namndId)).map(fundEntryDto);
  return { namnd: { id: namnd.id, name: namnd.name }, ...buildFundLedger(await yearResults(db, namndId), entries) };
}

export async function addFundEntry(db: Db, actor: Actor, namndId: string, input: FundEntryInput) {
  return db.transaction().execute(async (trx) => {
    await requireNamnd(trx, actor, "write:ekonomi", namndId);
    if (input.kind === "disposition") {
      const result = (await yearResults(trx, namndId)).find((r) => r.year === input.year)?.resultKr ?? null;
      const problem = disposalProblem(result, input.amountKr);
      if (problem) throw validation("amountKr", problem);
    } else if (input.amountKr === 0) {
      throw validation("amountKr", "Ett belopp på 0 kr ändrar inte fonden.");
    }
    const entry = await unique(
      repo.insertFundEntry(trx, {
        org_node_id: namndId,
        year: input.year,
        kind: input.kind,
        amount_kr: input.amountKr,
        decision_ref: input.decisionRef,
        decided_on: input.decidedOn,
        decided_by: input.decidedBy,
        note: input.note ?? null,
        reallocation_id: null,
      }),
      input.kind === "disposition"
        ? `Resultatet ${input.year} är redan disponerat.`
        : "Resultatfonden har redan en ingående balans.",
    );
    await audit(trx, actor, "ekonomi_fund_entry", entry.id, namndId, "create", undefined, entry);
    return fundEntryDto(entry);
  });
}

export async function deleteFundEntry(db: Db, actor: Actor, id: string) {
  await db.transaction().execute(async (trx) => {
    const entry = await repo.findFundEntry(trx, id);
    if (!entry) throw notFound("Fondposten");
    await requireNamnd(trx, actor, "write:ekonomi", entry.org_node_id);
    if (entry.reallocation_id) {
      throw new DomainError("conflict", "Posten hör till en beslutad ombudgetering och kan inte tas bort för sig.");
    }
    await repo.deleteFundEntry(trx, id);
    await audit(trx, actor, "ekonomi_fund_entry", id, entry.org_node_id, "delete", entry);
  });
}
