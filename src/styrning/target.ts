// Target values as committees write them: "12 %", "<20", "≤ 14", "Färre än 16", "Minst 95 %",
// "Lägre än utfallet 2021", "Ska öka jämfört med föregående år", "Kvinnor och män inom 5 procentenheter",
// "Uppnådd" (a status scale level) or free text. Every form but free text is evaluated against the series.
// A target may also be conditional: in force only while another indicator's outcome in the same period meets
// a condition ("90 % om antalet ärenden är minst 20, annars inget målvärde"). Pure.

import { formatCount, formatNumber, parseSwedishNumber } from "../platform/i18n/format.ts";
import type { Direction } from "./vocabulary.ts";

export const comparators = ["lt", "lte", "gt", "gte", "eq"] as const;
export type Comparator = (typeof comparators)[number];

/** The condition of a conditional target: another indicator's outcome compared with a number. */
export type TargetCondition = { indicatorId: string; indicatorName: string; op: Comparator; value: number };

export type Target =
  | PlainTarget
  /**
   * In force only while the condition holds for the measured period; when it fails the otherwise-target
   * applies, or none (too small a base). Kept in columns beside the target text, never parsed from it.
   */
  | { kind: "conditional"; condition: TargetCondition; whenHolds: PlainTarget; otherwise: PlainTarget | null };

export type PlainTarget =
  /** A bare number: reached when the outcome is at least as good, as the indicator's direction defines. */
  | { kind: "number"; value: number }
  | { kind: "comparator"; op: Comparator; value: number }
  | { kind: "range"; min: number; max: number }
  /** Compared with an earlier outcome; referenceYear null means the year before the measured one. */
  | { kind: "relative"; op: Exclude<Comparator, "eq">; referenceYear: number | null }
  /** At least this level of a status scale (LIKA: "Uppnådd"). */
  | { kind: "status"; code: string; label: string }
  /** Parity: women's and men's outcomes at most this many points (units of the indicator) apart. */
  | { kind: "parity"; maxGap: number }
  | { kind: "text"; text: string };

export const targetKinds = [
  "number",
  "comparator",
  "range",
  "relative",
  "status",
  "parity",
  "text",
  "conditional",
] as const;

export type StatusLevel = { code: string; label: string; rank: number | null };

const NUMBER = String.raw`[-−]?\d{1,3}(?:[ \u00a0\u2009]\d{3})+(?:[,.]\d+)?|[-−]?\d+(?:[,.]\d+)?`;
// One trailing unit word is allowed ("95 procent", "16 personal", "3 e-tjänster"); longer phrases stay text.
const UNIT = String.raw`(?:\s*%|\s+[a-zåäö][a-zåäö-]*)?`;

const symbolOps: Record<string, Comparator> = {
  "<": "lt",
  "<=": "lte",
  "=<": "lte",
  "≤": "lte",
  ">": "gt",
  ">=": "gte",
  "=>": "gte",
  "≥": "gte",
  "=": "eq",
};

const wordOps: [RegExp, Comparator][] = [
  [/^(?:färre|lägre|mindre|kortare|under|understiga)(?:\s+än)?$/, "lt"],
  [/^(?:fler|högre|större|längre|mer|över|överstiga)(?:\s+än)?$/, "gt"],
  [/^(?:högst|max|maximalt|maximum|som mest|inte mer än|högst lika med)$/, "lte"],
  [/^(?:minst|min|minimum|lägst|som minst|inte mindre än)$/, "gte"],
  [/^(?:lika med|exakt)$/, "eq"],
];

function wordOp(words: string): Comparator | null {
  const w = words.trim().replace(/\s+/g, " ");
  for (const [re, op] of wordOps) if (re.test(w)) return op;
  return null;
}

const toNumber = (text: string) => parseSwedishNumber(text.replace(/−/g, "-"));

/**
 * Parses a target as written. Status levels (for status-scale indicators) are matched by label,
 * optionally after "Minst"; anything unrecognised is kept as text — never guessed.
 */
export function parseTarget(input: string, options: { statusLevels?: readonly StatusLevel[] } = {}): PlainTarget {
  const text = input.trim().replace(/\s+/g, " ");
  const lower = text.toLowerCase().replace(/\.$/, "");

  if (options.statusLevels?.length) {
    const label = lower.replace(/^(?:minst|lägst)\s+/, "");
    const level = options.statusLevels.find((l) => l.label.toLowerCase() === label || l.code.toLowerCase() === label);
    if (level) return { kind: "status", code: level.code, label: level.label };
  }

  // "Lägre än utfallet 2021", "Färre än resultatet 2022", "Högre än föregående år", "Minst utfallet 2021"
  const relative =
    /^(.+?)\s+(?:(?:utfallet|utfall|resultatet|värdet)\s+(?:för\s+|år\s+)?(\d{4})|(föregående år|fjolåret|året innan|förra året))$/.exec(
      lower,
    );
  if (relative?.[1]) {
    const op = wordOp(relative[1].replace(/\s+(?:än|samma som)$/, ""));
    if (op && op !== "eq") {
      return { kind: "relative", op, referenceYear: relative[2] ? Number(relative[2]) : null };
    }
  }
  // "Ska öka", "Minska jämfört med föregående års utfall", "Ska öka jämfört med utfallet 2022"
  const sentence =
    /^(?:ska\s+|bör\s+)?(öka|ökning|minska|minskning)(?:\s+jämfört med\s+(?:(föregående år|föregående års utfall|fjolåret|fjolårets utfall|förra året|förra årets utfall)|(?:utfallet|resultatet)\s+(?:för\s+|år\s+)?(\d{4})))?$/.exec(
      lower,
    );
  if (sentence?.[1]) {
    const op = sentence[1].startsWith("ök") ? "gt" : "lt";
    return { kind: "relative", op, referenceYear: sentence[3] ? Number(sentence[3]) : null };
  }

  // "Kvinnor och män inom 5 procentenheter", "Skillnaden mellan kvinnor och män högst 3 procentenheter"
  const parity = new RegExp(
    `^(?:skillnaden mellan\\s+)?(?:kvinnor och män|män och kvinnor|flickor och pojkar|pojkar och flickor)\\s+(?:ska\\s+(?:ligga|vara)\\s+)?(?:inom|högst|max|som mest)\\s+(${NUMBER})(?:\\s*(?:procentenheter|procentenhet|enheter|p\\.?e\\.?))?(?:\\s+från varandra)?$`,
  ).exec(lower);
  if (parity?.[1]) {
    const gap = toNumber(parity[1]);
    if (gap !== null && gap >= 0) return { kind: "parity", maxGap: gap };
  }

  const range =
    new RegExp(`^(${NUMBER})${UNIT}\\s*[-–—]\\s*(${NUMBER})${UNIT}$`).exec(lower) ??
    new RegExp(`^mellan\\s+(${NUMBER})${UNIT}\\s+och\\s+(${NUMBER})${UNIT}$`).exec(lower);
  if (range?.[1] && range[2]) {
    const a = toNumber(range[1]);
    const b = toNumber(range[2]);
    if (a !== null && b !== null && a <= b) return { kind: "range", min: a, max: b };
  }

  const symbol = new RegExp(`^(<=|>=|=<|=>|≤|≥|<|>|=)\\s*(${NUMBER})${UNIT}$`).exec(lower);
  if (symbol?.[1] && symbol[2]) {
    const value = toNumber(symbol[2]);
    const op = symbolOps[symbol[1]];
    if (value !== null && op) return { kind: "comparator", op, value };
  }

  const worded = new RegExp(`^([a-zåäö ]+?)\\s+(${NUMBER})${UNIT}$`).exec(lower);
  if (worded?.[1] && worded[2]) {
    const op = wordOp(worded[1]);
    const value = toNumber(worded[2]);
    if (op && value !== null) return { kind: "comparator", op, value };
  }

  const bare = new RegExp(`^(${NUMBER})${UNIT}$`).exec(lower);
  if (bare?.[1]) {
    const value = toNumber(bare[1]);
    if (value !== null) return { kind: "number", value };
  }

  return { kind: "text", text };
}

/** How a comparator reads in a sentence ("högst 14", "Antal ärenden är minst 20"). */
export const comparatorWords: Record<Comparator, string> = {
  lt: "lägre än",
  lte: "högst",
  gt: "högre än",
  gte: "minst",
  eq: "exakt",
};

/** "Antal ärenden är minst 20". */
export const describeCondition = (c: TargetCondition) =>
  `${c.indicatorName} är ${comparatorWords[c.op]} ${formatNumber(c.value)}`;

/** A short Swedish reading of the target, for explanations ("högst 14", "lägre än utfallet 2021"). */
export function describeTarget(target: Target, direction: Direction): string {
  switch (target.kind) {
    case "conditional":
      return `${describeTarget(target.whenHolds, direction)} om ${describeCondition(target.condition)}, annars ${
        target.otherwise ? describeTarget(target.otherwise, direction) : "inget målvärde"
      }`;
    case "number":
      return direction === "lower"
        ? `högst ${formatNumber(target.value)}`
        : direction === "higher"
          ? `minst ${formatNumber(target.value)}`
          : `exakt ${formatNumber(target.value)}`;
    case "comparator":
      return `${comparatorWords[target.op]} ${formatNumber(target.value)}`;
    case "range":
      return `mellan ${formatNumber(target.min)} och ${formatNumber(target.max)}`;
    case "relative":
      return `${comparatorWords[target.op]} ${target.referenceYear ? `utfallet ${target.referenceYear}` : "föregående år"}`;
    case "status":
      return `minst ${target.label}`;
    case "parity":
      return `kvinnor och män högst ${formatCount(target.maxGap, "enhet", "enheter")} från varandra`;
    case "text":
      return target.text;
  }
}

/** The comparator a target applies; a bare number takes it from the indicator's direction. */
export function effectiveComparator(target: Target, direction: Direction): Comparator | null {
  switch (target.kind) {
    case "number":
      return direction === "higher" ? "gte" : direction === "lower" ? "lte" : "eq";
    case "comparator":
    case "relative":
      return target.op;
    case "conditional":
      return effectiveComparator(target.whenHolds, direction);
    default:
      return null;
  }
}

const compare = (value: number, op: Comparator, threshold: number) => {
  switch (op) {
    case "lt":
      return value < threshold;
    case "lte":
      return value <= threshold;
    case "gt":
      return value > threshold;
    case "gte":
      return value >= threshold;
    case "eq":
      return value === threshold;
  }
};

export type TargetContext = {
  direction: Direction;
  /** The year the measured value belongs to (resolves "föregående år"). */
  year: number;
  /** Outcome of an earlier year for the same row, for relative targets. */
  outcomeOf?: (year: number) => number | null;
  statusLevels?: readonly StatusLevel[];
  /** Outcome of a sex for a year, for parity targets (women and men within N points). */
  outcomeOfGender?: (gender: "K" | "M", year: number) => number | null;
  /** Outcome of a conditional target's condition indicator for a year (same period and breakdown). */
  conditionOutcome?: (year: number) => number | null;
};

export const conditionStates = ["holds", "fails", "unknown"] as const;
export type ConditionState = (typeof conditionStates)[number];
export const conditionStateLabels: Record<ConditionState, string> = {
  holds: "villkoret är uppfyllt",
  fails: "villkoret är inte uppfyllt",
  unknown: "villkoret kan inte prövas än",
};

/** Whether a condition holds for an outcome of its indicator; unknown without one. */
export const conditionState = (condition: TargetCondition, outcome: number | null): ConditionState =>
  outcome === null ? "unknown" : compare(outcome, condition.op, condition.value) ? "holds" : "fails";

/**
 * The target in force for the year: the target itself, or a conditional target's branch by its condition;
 * null when no target applies (the condition fails without an otherwise-target) or the condition's
 * outcome is unknown.
 */
export function targetInForce(
  target: Target,
  ctx: Pick<TargetContext, "year" | "conditionOutcome">,
): PlainTarget | null {
  if (target.kind !== "conditional") return target;
  const state = conditionState(target.condition, ctx.conditionOutcome?.(ctx.year) ?? null);
  return state === "holds" ? target.whenHolds : state === "fails" ? target.otherwise : null;
}

/** Why a conditional target judges nothing for the year (the condition is unknown, or fails without a fallback). */
export function conditionExplanation(
  target: Target,
  ctx: Pick<TargetContext, "year" | "conditionOutcome">,
): string | null {
  if (target.kind !== "conditional") return null;
  const outcome = ctx.conditionOutcome?.(ctx.year) ?? null;
  const state = conditionState(target.condition, outcome);
  if (state === "unknown") {
    return `villkoret kan inte prövas: ${target.condition.indicatorName} saknar utfall för ${ctx.year}`;
  }
  if (state === "fails" && !target.otherwise) {
    return `målvärdet gäller inte ${ctx.year}: ${target.condition.indicatorName} är ${formatNumber(outcome)}, villkoret ${comparatorWords[target.condition.op]} ${formatNumber(target.condition.value)} uppfylls inte`;
  }
  return null;
}

/** The numeric threshold a target resolves to for a year, or null when it has none. */
function resolveThreshold(target: Target, ctx: TargetContext): number | null {
  switch (target.kind) {
    case "number":
    case "comparator":
      return target.value;
    case "relative":
      return ctx.outcomeOf?.(target.referenceYear ?? ctx.year - 1) ?? null;
    default:
      return null;
  }
}

/**
 * Whether a value meets the target: true/false, or null when it cannot be judged
 * (text target, missing reference outcome, unknown status).
 */
export function meetsTarget(target: Target, value: number | string, ctx: TargetContext): boolean | null {
  if (target.kind === "conditional") {
    const inForce = targetInForce(target, ctx);
    return inForce ? meetsTarget(inForce, value, ctx) : null;
  }
  if (target.kind === "text") return null;
  if (target.kind === "parity") {
    const women = ctx.outcomeOfGender?.("K", ctx.year) ?? null;
    const men = ctx.outcomeOfGender?.("M", ctx.year) ?? null;
    // Rounded to the points' hundredths so 70,3 − 65,3 is 5 and not 5,000000000000004.
    return women === null || men === null ? null : Math.round(Math.abs(women - men) * 100) / 100 <= target.maxGap;
  }
  if (target.kind === "status") {
    const rank = (code: string) => ctx.statusLevels?.find((l) => l.code === code)?.rank ?? null;
    const have = typeof value === "string" ? rank(value) : null;
    const want = rank(target.code);
    return have === null || want === null ? null : have >= want;
  }
  if (typeof value !== "number") return null;
  if (target.kind === "range") return value >= target.min && value <= target.max;
  const op = effectiveComparator(target, ctx.direction);
  const threshold = resolveThreshold(target, ctx);
  return op === null || threshold === null ? null : compare(value, op, threshold);
}

/** The band a chart shades as "on target": open ends are null. */
export function targetBand(target: Target, ctx: TargetContext): { low: number | null; high: number | null } | null {
  if (target.kind === "conditional") {
    const inForce = targetInForce(target, ctx);
    return inForce ? targetBand(inForce, ctx) : null;
  }
  if (target.kind === "range") return { low: target.min, high: target.max };
  const op = effectiveComparator(target, ctx.direction);
  const threshold = resolveThreshold(target, ctx);
  if (op === null || threshold === null) return null;
  if (op === "eq") return { low: threshold, high: threshold };
  return op === "lt" || op === "lte" ? { low: null, high: threshold } : { low: threshold, high: null };
}

export type YearEvaluation = { year: number; outcome: number | string | null; met: boolean | null };

/**
 * A target judged against each year of a series, as the indicator page shows it: met, not met, or null
 * when the year has no outcome or the target cannot be judged (free text, missing reference year).
 */
export function evaluateOverYears(
  target: Target,
  years: readonly number[],
  ctx: Omit<TargetContext, "year"> & { outcome: (year: number) => number | string | null },
): YearEvaluation[] {
  return years.map((year) => {
    const outcome = ctx.outcome(year);
    const met =
      targetInForce(target, { ...ctx, year })?.kind === "parity"
        ? meetsTarget(target, 0, { ...ctx, year })
        : outcome === null
          ? null
          : meetsTarget(target, outcome, { ...ctx, year });
    return { year, outcome, met };
  });
}
