// Lex Sarah counts for the statistics: reports by report year, decisions (with outcome) by decision year,
// per verksamhetsområde. Pure; on counts the database has grouped (repository.ts).

import { areaOf, type Node } from "../statistics.ts";
import { type Outcome, outcomes } from "./vocabulary.ts";

export type UnitCount = { unitId: string; count: number };
export type UnitOutcomeCount = UnitCount & { outcome: Outcome };

const sum = (rows: readonly { count: number }[]) => rows.reduce((n, r) => n + r.count, 0);
const byOutcome = (rows: readonly UnitOutcomeCount[]) =>
  outcomes.map((outcome) => ({ outcome, count: sum(rows.filter((r) => r.outcome === outcome)) }));

export function lexSarahCounts(
  year: number,
  areas: readonly Node[],
  units: readonly Node[],
  reports: readonly UnitCount[],
  previousReports: readonly UnitCount[],
  decided: readonly UnitOutcomeCount[],
) {
  const areaIdOf = new Map(units.map((u) => [u.id, areaOf(u, areas)?.id ?? null]));
  const groups: { id: string | null; name: string }[] = areas.map((a) => ({ id: a.id, name: a.name }));
  if ([...reports, ...decided].some((r) => (areaIdOf.get(r.unitId) ?? null) === null)) {
    groups.push({ id: null, name: "Övrigt" });
  }
  const inArea = <R extends { unitId: string }>(rows: readonly R[], id: string | null) =>
    rows.filter((r) => (areaIdOf.get(r.unitId) ?? null) === id);
  return {
    year,
    reports: sum(reports),
    previousYearReports: sum(previousReports),
    decided: sum(decided),
    byOutcome: byOutcome(decided),
    byArea: groups.map((g) => ({
      id: g.id,
      name: g.name,
      reports: sum(inArea(reports, g.id)),
      decided: sum(inArea(decided, g.id)),
      byOutcome: byOutcome(inArea(decided, g.id)),
    })),
  };
}
