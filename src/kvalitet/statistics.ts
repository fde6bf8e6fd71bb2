// The arithmetic of Kvalitet's statistics, on counts the database has grouped (see repository.ts). Pure.
// Avvikelser and arbetsmiljöhändelser arrive as separate inputs and are never added together. Types and
// causes are multi-select: their counts do not sum to the number of händelser.

import { daysBetween } from "../platform/calendar.ts";
import { type WorkCategory, workCategories } from "./vocabulary.ts";

export type Node = { id: string; name: string; path: string; kind: string };
/** Avvikelser of one unit in one quarter (1–4) of the year; `code` is a type's or cause's code. */
export type UnitQuarterCount = { unitId: string; quarter: number; count: number };
export type CodeCount = UnitQuarterCount & { code: string };
export type Listed = { code: string; name: string };

/** Four quarters' counts. */
export type Quarters = [number, number, number, number];
const noQuarters = (): Quarters => [0, 0, 0, 0];
const sum = (ns: readonly number[]) => ns.reduce((a, b) => a + b, 0);

/** Age in whole days from the report date to `asOf`: a händelse reported today is 0 days old. */
export const ageInDays = (reportedOn: string, asOf: string) => daysBetween(reportedOn, asOf);

/** The verksamhetsområde a unit belongs to (itself when it is one), or null above or beside them. */
export function areaOf(unit: Pick<Node, "path">, areas: readonly Node[]): Node | null {
  return areas.find((a) => unit.path.startsWith(a.path)) ?? null;
}

/** The counts per quarter. */
export function quartersOf(rows: readonly UnitQuarterCount[]): Quarters {
  const q = noQuarters();
  for (const r of rows) q[r.quarter - 1] = (q[r.quarter - 1] ?? 0) + r.count;
  return q;
}

/** Per listed code (a type or cause, in list order, unused ones too): count and quarters. */
export function byCode(rows: readonly CodeCount[], listed: readonly Listed[]) {
  return listed.map((l) => {
    const byQuarter = quartersOf(rows.filter((r) => r.code === l.code));
    return { code: l.code, name: l.name, count: sum(byQuarter), byQuarter };
  });
}

const countsByCode = (rows: readonly CodeCount[]) => {
  const out: Record<string, number> = {};
  for (const r of rows) out[r.code] = (out[r.code] ?? 0) + r.count;
  return out;
};

/**
 * Per verksamhetsområde under the node (in the organisation's order): händelser per quarter, and per type
 * and cause. Händelser on a node above the areas are gathered under "Övrigt" (id null).
 */
export function byArea(
  areas: readonly Node[],
  units: readonly Node[],
  events: readonly UnitQuarterCount[],
  types: readonly CodeCount[],
  causes: readonly CodeCount[],
) {
  const areaIdOf = new Map(units.map((u) => [u.id, areaOf(u, areas)?.id ?? null]));
  const groups: { id: string | null; name: string }[] = [...areas.map((a) => ({ id: a.id, name: a.name }))];
  if (events.some((e) => (areaIdOf.get(e.unitId) ?? null) === null)) groups.push({ id: null, name: "Övrigt" });
  const inArea = <R extends { unitId: string }>(rows: readonly R[], id: string | null) =>
    rows.filter((r) => (areaIdOf.get(r.unitId) ?? null) === id);
  return groups.map((g) => {
    const byQuarter = quartersOf(inArea(events, g.id));
    return {
      id: g.id,
      name: g.name,
      count: sum(byQuarter),
      byQuarter,
      byType: countsByCode(inArea(types, g.id)),
      byCause: countsByCode(inArea(causes, g.id)),
    };
  });
}

/** Per unit (enheter only, in the organisation's order, those without händelser too). */
export function byUnit(areas: readonly Node[], units: readonly Node[], events: readonly UnitQuarterCount[]) {
  return units
    .filter((u) => u.kind === "enhet")
    .map((u) => ({
      id: u.id,
      name: u.name,
      area: areaOf(u, areas)?.name ?? null,
      count: sum(events.filter((e) => e.unitId === u.id).map((e) => e.count)),
    }));
}

/** Units that report almost nothing: enheter with at most `max` avvikelser in the period. */
export function quietUnits(units: ReturnType<typeof byUnit>, max: number) {
  return units.filter((u) => u.count <= max).map(({ id, name, area, count }) => ({ id, name, area, count }));
}

/** Open avvikelser of one unit reported on one day. */
export type OpenCount = { unitId: string; reportedOn: string; count: number };

/** Open avvikelser older than `days` days on `asOf`: how many, and per unit with the oldest one's age. */
export function openOlderThan(rows: readonly OpenCount[], units: readonly Node[], asOf: string, days: number) {
  const old = rows.filter((r) => ageInDays(r.reportedOn, asOf) > days);
  const perUnit = new Map<string, { count: number; oldestDays: number }>();
  for (const r of old) {
    const age = ageInDays(r.reportedOn, asOf);
    const seen = perUnit.get(r.unitId) ?? { count: 0, oldestDays: 0 };
    perUnit.set(r.unitId, { count: seen.count + r.count, oldestDays: Math.max(seen.oldestDays, age) });
  }
  return {
    days,
    asOf,
    count: sum(old.map((r) => r.count)),
    byUnit: units
      .filter((u) => perUnit.has(u.id))
      .map((u) => ({ id: u.id, name: u.name, ...(perUnit.get(u.id) as { count: number; oldestDays: number }) })),
  };
}

/** Arbetsmiljöhändelser of one year and category. */
export type WorkCount = { year: number; category: WorkCategory; count: number };

/** Per year from `from` to `to`: each category and the total. */
export function workByYear(rows: readonly WorkCount[], from: number, to: number) {
  const years: { year: number; total: number; byCategory: Record<WorkCategory, number> }[] = [];
  for (let year = from; year <= to; year++) {
    const byCategory = Object.fromEntries(
      workCategories.map((c) => [c, sum(rows.filter((r) => r.year === year && r.category === c).map((r) => r.count))]),
    ) as Record<WorkCategory, number>;
    years.push({ year, total: sum(Object.values(byCategory)), byCategory });
  }
  return years;
}
