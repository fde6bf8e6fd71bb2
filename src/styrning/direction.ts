// Flags a target that points against its goal: a comparator opposite to the indicator's direction
// ("Minst 20" where lower is better), or a threshold that allows a worse outcome than the latest one
// (målvärde 12 % personalomsättning after an outcome of 11,85 %). Pure.

import { formatNumber } from "../platform/i18n/format.ts";
import { effectiveComparator, type Target } from "./target.ts";
import type { Direction } from "./vocabulary.ts";

export type DirectionProblem = {
  code: "against_direction" | "less_ambitious";
  message: string;
};

export type DirectionCheckInput = {
  direction: Direction;
  target: Target;
  targetYear: number;
  /** The latest known outcome before the target year (total row, or the row checked). */
  latest?: { year: number; value: number } | null;
};

const better = (direction: Direction) => (direction === "lower" ? "lägre" : "högre");

export function checkTargetDirection({
  direction,
  target: written,
  targetYear,
  latest,
}: DirectionCheckInput): DirectionProblem | null {
  if (direction === "none") return null;
  // A conditional target is checked by the target it sets while its condition holds.
  const target = written.kind === "conditional" ? written.whenHolds : written;
  const op = effectiveComparator(target, direction);
  if (op === null || op === "eq") return null;
  const pointsDown = op === "lt" || op === "lte";
  if ((direction === "higher" && pointsDown) || (direction === "lower" && !pointsDown)) {
    return {
      code: "against_direction",
      message: `Målvärdet pekar åt fel håll: indikatorn ska bli ${better(direction)} men målet anger ${
        pointsDown ? "ett tak" : "ett golv"
      }.`,
    };
  }
  if (target.kind !== "number" && target.kind !== "comparator") return null;
  if (!latest || latest.year >= targetYear) return null;
  const threshold = target.value;
  // A strict comparator at the latest outcome still demands improvement; only a threshold past it is slack.
  const slack = direction === "lower" ? threshold > latest.value : threshold < latest.value;
  if (!slack) return null;
  return {
    code: "less_ambitious",
    message: `Målvärdet ${formatNumber(threshold)} för ${targetYear} är sämre än utfallet ${formatNumber(
      latest.value,
    )} för ${latest.year}, fast ${better(direction)} är bättre.`,
  };
}
