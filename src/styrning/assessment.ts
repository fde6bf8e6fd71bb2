// A suggested assessment of a goal from its indicators, and the flag when a person's assessment
// disagrees with it. Pure: the service gathers the outcomes, these rules judge them.

import { formatNumber } from "../platform/i18n/format.ts";
import {
  conditionExplanation,
  describeTarget,
  meetsTarget,
  type StatusLevel,
  type Target,
  targetInForce,
} from "./target.ts";
import { type Direction, type Gender, type Meaning, meaningLabels } from "./vocabulary.ts";

export type IndicatorStatus = "met" | "improving" | "not_met" | "no_data" | "not_assessable";

export const indicatorStatusLabels: Record<IndicatorStatus, string> = {
  met: "Når målvärdet",
  improving: "Når inte målvärdet men förbättras",
  not_met: "Når inte målvärdet",
  no_data: "Utfall saknas",
  not_assessable: "Kan inte bedömas mot målvärdet",
};

export type RowOutcome = {
  gender: Gender;
  /** Outcome for the assessed period; a number, a status code, or null when there is none. */
  current: number | string | null;
  /** Same period a year earlier, for the trend. */
  previous: number | string | null;
};

export type IndicatorEvaluationInput = {
  name: string;
  direction: Direction;
  year: number;
  target: Target | null;
  statusLevels?: readonly StatusLevel[];
  rows: RowOutcome[];
  /** Earlier outcome of a row, for targets such as "Lägre än utfallet 2021". */
  outcomeOf?: (gender: Gender, year: number) => number | null;
  /** The outcome of a conditional target's condition indicator for a year. */
  conditionOutcome?: (year: number) => number | null;
};

export type IndicatorEvaluation = {
  name: string;
  status: IndicatorStatus;
  rows: { gender: Gender; status: IndicatorStatus }[];
  explanation: string;
};

const statusOrder: IndicatorStatus[] = ["not_met", "improving", "met"];

function trendImproves(
  current: number | string,
  previous: number | string | null,
  direction: Direction,
  levels: readonly StatusLevel[] | undefined,
): boolean {
  if (previous === null || direction === "none") return false;
  if (typeof current === "string" || typeof previous === "string") {
    const rank = (v: number | string) =>
      typeof v === "string" ? (levels?.find((l) => l.code === v)?.rank ?? null) : null;
    const a = rank(current);
    const b = rank(previous);
    return a !== null && b !== null && a > b;
  }
  return direction === "higher" ? current > previous : current < previous;
}

function evaluateRow(input: IndicatorEvaluationInput, row: RowOutcome): IndicatorStatus {
  if (row.current === null) return "no_data";
  if (!input.target) return "not_assessable";
  const met = meetsTarget(input.target, row.current, {
    direction: input.direction,
    year: input.year,
    outcomeOf: (y) => input.outcomeOf?.(row.gender, y) ?? null,
    outcomeOfGender: (g, y) => input.outcomeOf?.(g, y) ?? null,
    statusLevels: input.statusLevels,
    conditionOutcome: input.conditionOutcome,
  });
  if (met === null) return "not_assessable";
  if (met) return "met";
  return trendImproves(row.current, row.previous, input.direction, input.statusLevels) ? "improving" : "not_met";
}

export function evaluateIndicator(input: IndicatorEvaluationInput): IndicatorEvaluation {
  // The total speaks for the indicator when it exists; otherwise each gender row must carry its own weight.
  const total = input.rows.find((r) => r.gender === "T" && r.current !== null);
  const rows = (total ? [total] : input.rows.filter((r) => r.gender !== "T")).map((row) => ({
    gender: row.gender,
    status: evaluateRow(input, row),
  }));
  const judged = rows.filter((r) => r.status !== "no_data");
  let status: IndicatorStatus;
  if (judged.length === 0) status = "no_data";
  else if (judged.some((r) => r.status === "not_assessable")) status = "not_assessable";
  else status = statusOrder[Math.min(...judged.map((r) => statusOrder.indexOf(r.status)))] ?? "not_met";

  // A conditional target is named by the branch in force, or explained when none is.
  const inForce = input.target ? targetInForce(input.target, input) : null;
  const target = inForce ? describeTarget(inForce, input.direction) : null;
  const notInForce = input.target ? conditionExplanation(input.target, input) : null;
  const values = (total ? [total] : input.rows.filter((r) => r.gender !== "T" && r.current !== null))
    .map((r) => (typeof r.current === "number" ? formatNumber(r.current) : r.current))
    .join(" / ");
  let explanation: string;
  switch (status) {
    case "no_data":
      explanation = `${input.name}: utfall för ${input.year} saknas.`;
      break;
    case "not_assessable":
      explanation = notInForce
        ? `${input.name}: ${notInForce}.`
        : target
          ? `${input.name}: målvärdet "${target}" kan inte jämföras med utfallet.`
          : `${input.name}: målvärde för ${input.year} saknas.`;
      break;
    default:
      explanation = `${input.name}: utfallet ${values} ${
        status === "met" ? "når" : status === "improving" ? "når inte men närmar sig" : "når inte"
      } målvärdet ${target}.`;
  }
  return { name: input.name, status, rows, explanation };
}

export type Suggestion = {
  meaning: Meaning | null;
  counts: Record<IndicatorStatus, number>;
  explanation: string;
};

/**
 * All judged indicators meet their targets → achieved; at least half meet or improve → on track;
 * otherwise off track. Without a single judged indicator there is no suggestion.
 */
export function suggestAssessment(evaluations: readonly IndicatorEvaluation[]): Suggestion {
  const counts: Record<IndicatorStatus, number> = { met: 0, improving: 0, not_met: 0, no_data: 0, not_assessable: 0 };
  for (const e of evaluations) counts[e.status] += 1;
  const judged = counts.met + counts.improving + counts.not_met;
  if (judged === 0) {
    return {
      meaning: null,
      counts,
      explanation:
        evaluations.length === 0
          ? "Målet har inga indikatorer; bedömningen görs utan förslag."
          : "Inga indikatorer har både utfall och jämförbart målvärde; bedömningen görs utan förslag.",
    };
  }
  const meaning: Meaning =
    counts.met === judged ? "achieved" : (counts.met + counts.improving) * 2 >= judged ? "on_track" : "off_track";
  const parts = [`${counts.met} av ${judged} bedömbara indikatorer når målvärdet`];
  if (counts.improving) parts.push(`${counts.improving} förbättras`);
  if (counts.not_met) parts.push(`${counts.not_met} når inte och förbättras inte`);
  const unjudged = counts.no_data + counts.not_assessable;
  if (unjudged) parts.push(`${unjudged} saknar utfall eller jämförbart målvärde`);
  return { meaning, counts, explanation: `${parts.join(", ")}. Förslag: ${meaningLabels[meaning]}.` };
}

export type Contradiction = { message: string };

/** A manual assessment that differs from the suggestion is flagged, not blocked: people may know more. */
export function contradiction(manual: Meaning | null, suggestion: Suggestion): Contradiction | null {
  if (!manual || !suggestion.meaning || manual === suggestion.meaning) return null;
  return {
    message: `Bedömningen "${meaningLabels[manual]}" avviker från förslaget "${meaningLabels[suggestion.meaning]}" (${suggestion.explanation.replace(/\. Förslag:.*$/, "")}). Motivera avvikelsen i kommentaren.`,
  };
}
