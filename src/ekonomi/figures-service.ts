import { type BulkRowChange, bulkEvent } from "../platform/audit/audit.ts";
import type { Actor } from "../platform/auth/access.ts";
import { DomainError } from "../platform/errors.ts";
import { read, type WriteContext, write } from "../platform/service.ts";
import { granularityOf, isValidPeriod, type Period, type PeriodType, periodName } from "./periods.ts";
import { type FigureKind, figureKindLabels } from "./reports.ts";
import * as repo from "./repository.ts";
import { type FigureInput, figureQuery, figuresInput } from "./schema.ts";
import { type Db, namndOf, validation, writeStored } from "./shared-service.ts";
import type { EkonomiDB } from "./tables.ts";

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

export type FigureWrite = Period & { levelId: string; kind: FigureKind; forecastId: string | null; amountKr: number };

const figureKey = (f: {
  levelId: string;
  kind: string;
  forecastId: string | null;
  periodType: string;
  periodNo: number;
}) => `${f.levelId}|${f.kind}|${f.forecastId ?? ""}|${f.periodType}|${f.periodNo}`;

const rowKey = (f: repo.FigureRow) =>
  figureKey({
    levelId: f.level_id,
    kind: f.kind,
    forecastId: f.forecast_id,
    periodType: f.period_type,
    periodNo: f.period_no,
  });

const granularityLabel: Record<PeriodType, string> = { month: "månad", tertial: "tertial", year: "år" };

/**
 * Writes amounts on the write's nämnd (insert or change; unchanged ones are left alone) after checking that
 * each level and kind keeps a single granularity. One audit event lists every changed figure (bulkEvent).
 * Returns how many changed.
 */
export async function applyFigures(
  { trx, node, auditMany }: WriteContext<EkonomiDB>,
  year: number,
  writes: FigureWrite[],
  importId: string | null,
): Promise<number> {
  const namndId = node.id;
  const levels = new Map((await repo.levelsOf(trx, namndId, year)).map((l) => [l.id, l]));
  const existing = await repo.figuresOf(trx, namndId, [year]);
  const byKey = new Map(existing.map((f) => [rowKey(f), f]));

  const groups = new Map<string, { level: string; kind: FigureKind; periods: Period[] }>();
  for (const w of writes) {
    const level = levels.get(w.levelId);
    if (!level)
      throw validation(figureQuery, "levelId", `Nivån ${w.levelId} hör inte till nämndens nivåer för ${year}.`);
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

  // Split into changes and new figures, then write each kind in bulk and log them in the writes' order.
  const changes: Array<{ id: string; amount_kr: number; import_id: string | null }> = [];
  const inserts: Array<Parameters<typeof repo.insertFigures>[1][number]> = [];
  const order: Array<{ update: string } | { insert: string }> = [];
  for (const w of writes) {
    const current = byKey.get(figureKey(w));
    if (current) {
      if (current.amount_kr === w.amountKr) continue;
      changes.push({ id: current.id, amount_kr: w.amountKr, import_id: importId });
      order.push({ update: current.id });
    } else {
      inserts.push({
        org_node_id: namndId,
        level_id: w.levelId,
        kind: w.kind,
        forecast_id: w.forecastId,
        period_type: w.periodType,
        period_no: w.periodNo,
        amount_kr: w.amountKr,
        import_id: importId,
      });
      order.push({ insert: figureKey(w) });
    }
  }
  const updated = new Map((await repo.updateFigureAmounts(trx, changes)).map((f) => [f.id, f]));
  const inserted = new Map((await repo.insertFigures(trx, inserts)).map((f) => [rowKey(f), f]));
  const before = new Map(existing.map((f) => [f.id, f.amount_kr]));
  const written = (row: repo.FigureRow | undefined) => {
    if (!row) throw new Error("En skriven siffra kom inte tillbaka från databasen.");
    return row;
  };
  if (order.length === 0) return 0;
  const rows = order.map((o): BulkRowChange => {
    const after = written("update" in o ? updated.get(o.update) : inserted.get(o.insert));
    const level = levels.get(after.level_id)?.name ?? after.level_id;
    const period = { periodType: after.period_type as PeriodType, periodNo: after.period_no };
    return {
      id: after.id,
      label: `${level}, ${figureKindLabels[after.kind as FigureKind].toLowerCase()}, ${periodName(period, year)}`,
      column: "amount_kr",
      before: before.get(after.id) ?? null,
      after: after.amount_kr,
    };
  });
  await auditMany([bulkEvent("ekonomi_figure", node.id, rows, { year, import_id: importId })]);
  return order.length;
}

export async function listFigures(
  db: Db,
  actor: Actor,
  namndId: string,
  year: number,
  filter: { kind?: string; forecastId?: string; levelId?: string },
) {
  return read(db, actor, "read", namndId, async ({ node }) => {
    namndOf(node);
    return (await repo.figuresOf(db, namndId, [year], filter)).map(figureDto);
  });
}

/** Typed-in figures (a budget grid, a forecast): all in one transaction. */
export async function saveFigures(db: Db, actor: Actor, namndId: string, year: number, figures: FigureInput[]) {
  const seen = new Set<string>();
  for (const [i, f] of figures.entries()) {
    if (!isValidPeriod(f)) {
      throw validation(
        figuresInput,
        `figures.${i}.periodNo`,
        `Ogiltig period ${f.periodNo} för ${granularityLabel[f.periodType]}.`,
      );
    }
    const key = figureKey({ ...f, forecastId: f.forecastId ?? null });
    if (seen.has(key))
      throw validation(figuresInput, `figures.${i}`, "Samma nivå, slag och period förekommer två gånger.");
    seen.add(key);
  }
  return write(db, actor, "write:ekonomi", namndId, async (context) => {
    const { trx } = context;
    namndOf(context.node);
    const forecasts = new Set((await repo.forecastsOf(trx, namndId, [year])).map((f) => f.id));
    for (const [i, f] of figures.entries()) {
      if (f.forecastId && !forecasts.has(f.forecastId)) {
        throw validation(figuresInput, `figures.${i}.forecastId`, `Prognosen hör inte till ${year}.`);
      }
    }
    const changed = await applyFigures(
      context,
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
  return write(db, actor, "write:ekonomi", namndId, async ({ trx, node, audit }) => {
    namndOf(node);
    const rows = await repo.figuresOf(trx, namndId, [year], filter);
    for (const f of rows) {
      await repo.deleteFigure(trx, f.id);
      await audit("ekonomi_figure", f.id, "delete", { before: f });
    }
    return { deleted: rows.length };
  });
}

export async function deleteFigure(db: Db, actor: Actor, id: string) {
  await writeStored(
    db,
    actor,
    "Beloppet",
    (d) => repo.findFigure(d, id),
    async ({ trx, audit }, before) => {
      await repo.deleteFigure(trx, id);
      await audit("ekonomi_figure", id, "delete", { before });
    },
  );
}
