// Checks a series against the relations between indicators: A is the sum of B and C, and a subset B of A
// never exceeds A. Compared per period, sex and combination of dimension parts (the whole, or an age group in
// a unit when the indicators share those dimensions) wherever every indicator involved has an outcome. Pure.

import { formatNumber } from "../platform/i18n/format.ts";
import { periodLabel } from "./period.ts";
import type { RelationKind } from "./vocabulary.ts";

export type Relation = { wholeId: string; partId: string; kind: RelationKind };

export type RelatedIndicator = { id: string; name: string; decimals: number };

/**
 * An outcome of one indicator for a period and sex: of the whole, or of the parts named by `members` (a key
 * of the member set, equal for indicators sharing the dimensions) and shown as `membersLabel`.
 */
export type RelatedValue = {
  indicatorId: string;
  period: string;
  gender: string;
  value: number;
  members?: string;
  membersLabel?: string;
};

export type RelationProblem = {
  indicatorId: string;
  period: string;
  gender: string;
  /** The member set's key; empty for the whole. */
  members: string;
  kind: RelationKind;
  message: string;
};

const names = new Intl.ListFormat("sv-SE", { type: "conjunction" });

const genderWords: Record<string, string> = { T: "", K: " (kvinnor)", M: " (män)" };

/**
 * Figures kept with decimals are rounded, so each may miss by half a unit of its last decimal and a
 * difference within that is no contradiction; whole numbers (counts) must add up exactly.
 */
const tolerance = (decimals: number, figures: number) => (decimals === 0 ? 0 : 0.5 * 10 ** -decimals * figures) + 1e-9;

export function checkRelations(
  relations: readonly Relation[],
  indicators: readonly RelatedIndicator[],
  values: readonly RelatedValue[],
): RelationProblem[] {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const keyOf = (indicatorId: string, v: Pick<RelatedValue, "period" | "gender" | "members">) =>
    `${indicatorId}|${v.period}|${v.gender}|${v.members ?? ""}`;
  const outcomeAt = new Map(values.map((v) => [keyOf(v.indicatorId, v), v.value]));
  const problems: RelationProblem[] = [];
  const wholes = [...new Set(relations.map((r) => r.wholeId))];

  for (const wholeId of wholes) {
    const whole = byId.get(wholeId);
    if (!whole) continue;
    const own = relations.filter((r) => r.wholeId === wholeId);
    const sumParts = own.filter((r) => r.kind === "sum").flatMap((r) => byId.get(r.partId) ?? []);
    const subsets = own.filter((r) => r.kind === "subset").flatMap((r) => byId.get(r.partId) ?? []);
    const cells = values
      .filter((v) => v.indicatorId === wholeId)
      .sort(
        (a, b) =>
          a.period.localeCompare(b.period) ||
          a.gender.localeCompare(b.gender) ||
          (a.members ?? "").localeCompare(b.members ?? ""),
      );

    for (const cell of cells) {
      const at = (id: string) => outcomeAt.get(keyOf(id, cell));
      const parts = cell.membersLabel ? `, ${cell.membersLabel}` : "";
      const where = `${whole.name} ${periodLabel(cell.period)}${genderWords[cell.gender] ?? ""}${parts}`;
      const problem = (kind: RelationKind, message: string) =>
        problems.push({
          indicatorId: wholeId,
          period: cell.period,
          gender: cell.gender,
          members: cell.members ?? "",
          kind,
          message,
        });

      const partValues = sumParts.map((p) => at(p.id));
      if (sumParts.length > 0 && partValues.every((v) => v !== undefined)) {
        const sum = partValues.reduce<number>((total, v) => total + (v ?? 0), 0);
        const decimals = Math.max(whole.decimals, ...sumParts.map((p) => p.decimals));
        if (Math.abs(sum - cell.value) > tolerance(decimals, sumParts.length + 1)) {
          problem(
            "sum",
            `${where}: summan av ${names.format(sumParts.map((p) => p.name))} är ${formatNumber(sum, decimals)}, men ${whole.name} är ${formatNumber(cell.value, whole.decimals)}.`,
          );
        }
      }
      for (const part of subsets) {
        const value = at(part.id);
        if (value === undefined) continue;
        if (value - cell.value > tolerance(Math.max(whole.decimals, part.decimals), 2)) {
          problem(
            "subset",
            `${where}: ${part.name} (${formatNumber(value, part.decimals)}) är en del av ${whole.name} men större än den (${formatNumber(cell.value, whole.decimals)}).`,
          );
        }
      }
    }
  }
  return problems;
}
