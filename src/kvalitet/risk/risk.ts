// Risk scales and levels, shared by the kvalitetsplan and internkontroll. Pure and browser-safe: the matrix
// view colours its cells with these. A risk is scored sannolikhet 1–4 × konsekvens (allvarlighetsgrad) 1–4;
// its riskvärde is the product (1–16) and its level the last one whose lower bound the value reaches. The
// brief prints neither formula nor cut-offs, so both standard scales below are configuration a kommun's
// admin may change.
import type { FieldProblem } from "../../platform/validation.ts";

export const riskScaleKinds = ["kvalitetsplan", "internkontroll"] as const;
export type RiskScaleKind = (typeof riskScaleKinds)[number];

/** Scores on each axis. */
export const SCORE_MIN = 1;
export const SCORE_MAX = 4;
/** The highest riskvärde: 4 × 4. */
export const RISK_VALUE_MAX = SCORE_MAX * SCORE_MAX;

export type RiskLevel = { name: string; min: number; colour: string };

/** The four labels of an axis, for the scores 1, 2, 3 and 4. */
export type AxisLabels = [string, string, string, string];

export type RiskScale = {
  name: string;
  likelihoodName: string;
  likelihoodLabels: AxisLabels;
  consequenceName: string;
  consequenceLabels: AxisLabels;
  /** Ordered by `min`: the first starts at 1; each covers its `min` up to the next one's. */
  levels: RiskLevel[];
};

const likelihood: AxisLabels = [
  "Osannolik – 1/10 år",
  "Mindre vanligt – 1/år",
  "Vanligt – 1/månad",
  "Mycket vanligt – 1/vecka",
];

/** Cut-offs chosen so the brief's counts come out (KB 2023: 2 Hög + 3 Medium; IK 2023: 8 Hög + 5 Medel). */
const cutOffs = { low: 1, medium: 4, high: 8, critical: 12 };
const colours = { low: "#a5d6a7", medium: "#fff59d", high: "#ffb74d", critical: "#e57373" };

/** The standard scales (brief A5), used by a kommun until its admin saves its own. */
export const standardScales: Record<RiskScaleKind, RiskScale> = {
  kvalitetsplan: {
    name: "Kvalitetsplan",
    likelihoodName: "Sannolikhet",
    likelihoodLabels: likelihood,
    consequenceName: "Allvarlighetsgrad",
    consequenceLabels: [
      "Mindre (obetydlig)",
      "Måttlig (ej bestående)",
      "Betydande (bestående, får ej upprepas)",
      "Mycket allvarlig (får inte inträffa)",
    ],
    levels: [
      { name: "Låg", min: cutOffs.low, colour: colours.low },
      { name: "Medium", min: cutOffs.medium, colour: colours.medium },
      { name: "Hög", min: cutOffs.high, colour: colours.high },
      { name: "Kritisk", min: cutOffs.critical, colour: colours.critical },
    ],
  },
  internkontroll: {
    name: "Internkontroll",
    likelihoodName: "Sannolikhet",
    likelihoodLabels: likelihood,
    consequenceName: "Konsekvens",
    consequenceLabels: ["Försumbar", "Lindrig", "Kännbar", "Allvarlig/stor inverkan"],
    levels: [
      { name: "Låg", min: cutOffs.low, colour: colours.low },
      { name: "Medel", min: cutOffs.medium, colour: colours.medium },
      { name: "Hög", min: cutOffs.high, colour: colours.high },
      { name: "Kritisk", min: cutOffs.critical, colour: colours.critical },
    ],
  },
};

export const isScore = (n: number) => Number.isInteger(n) && n >= SCORE_MIN && n <= SCORE_MAX;

/** The riskvärde of a scored risk; a score outside 1–4 is a programming error here (input is checked before). */
export function riskValue(likelihood: number, consequence: number): number {
  if (!isScore(likelihood) || !isScore(consequence)) {
    throw new RangeError(`Poängen ska vara heltal 1–4, fick ${likelihood} och ${consequence}.`);
  }
  return likelihood * consequence;
}

/** The level a riskvärde falls in: the last level whose lower bound it reaches. */
export function levelOfValue(value: number, scale: Pick<RiskScale, "levels">): RiskLevel {
  let found: RiskLevel | undefined;
  for (const level of scale.levels) if (value >= level.min) found = level;
  if (!found) throw new RangeError(`Riskvärdet ${value} ligger under skalans lägsta nivå.`);
  return found;
}

export type Assessed = { value: number; level: RiskLevel };

export function assess(likelihood: number, consequence: number, scale: Pick<RiskScale, "levels">): Assessed {
  const value = riskValue(likelihood, consequence);
  return { value, level: levelOfValue(value, scale) };
}

export type MatrixCell<R> = { likelihood: number; consequence: number; value: number; level: RiskLevel; risks: R[] };

/**
 * The matrix with each risk placed in its cell: rows from sannolikhet 4 (top) down to 1, columns from
 * konsekvens 1 to 4, as the plans draw it.
 */
export function riskMatrix<R extends { likelihood: number; consequence: number }>(
  scale: Pick<RiskScale, "levels">,
  risks: readonly R[] = [],
): MatrixCell<R>[][] {
  const scores = Array.from({ length: SCORE_MAX }, (_, i) => i + SCORE_MIN);
  return [...scores].reverse().map((l) =>
    scores.map((c) => ({
      likelihood: l,
      consequence: c,
      ...assess(l, c, scale),
      risks: risks.filter((r) => r.likelihood === l && r.consequence === c),
    })),
  );
}

/** How many risks fall in each level, in the scale's order (levels without risks count 0). */
export function countByLevel(
  scale: Pick<RiskScale, "levels">,
  risks: readonly { likelihood: number; consequence: number }[],
): { level: string; count: number }[] {
  return scale.levels.map((level) => ({
    level: level.name,
    count: risks.filter((r) => assess(r.likelihood, r.consequence, scale).level.name === level.name).length,
  }));
}

// ---------------------------------------------------------------- colours

const channel = (hex: string, at: number) => {
  const c = Number.parseInt(hex.slice(at, at + 2), 16) / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

/** WCAG relative luminance of a #rrggbb colour. */
export const luminance = (hex: string) =>
  0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);

/** WCAG contrast ratio of two #rrggbb colours (1–21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The matrix and the level badges write in this colour on the level's colour. */
export const RISK_TEXT_COLOUR = "#000000";
/** WCAG AA for normal text. */
export const MIN_CONTRAST = 4.5;

const HEX = /^#[0-9a-f]{6}$/i;

/** Every problem with a scale an admin proposes, naming its field; empty when it may be saved. */
export function checkScale(scale: RiskScale): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { levels } = scale;
  if (levels.length < 2) problems.push({ field: "levels", message: "Skalan behöver minst två nivåer." });
  if (levels[0] && levels[0].min !== 1) {
    problems.push({ field: "levels.0.min", message: "Den lägsta nivån ska börja på riskvärde 1." });
  }
  levels.forEach((level, i) => {
    const previous = levels[i - 1];
    if (!Number.isInteger(level.min) || level.min < 1 || level.min > RISK_VALUE_MAX) {
      problems.push({ field: `levels.${i}.min`, message: `Gränsen ska vara ett heltal 1–${RISK_VALUE_MAX}.` });
    } else if (previous && level.min <= previous.min) {
      problems.push({
        field: `levels.${i}.min`,
        message: `Gränsen för ${level.name} ska vara högre än för ${previous.name} (${previous.min}).`,
      });
    }
    if (!HEX.test(level.colour)) {
      problems.push({ field: `levels.${i}.colour`, message: "Ange färgen som #rrggbb." });
    } else if (contrastRatio(level.colour, RISK_TEXT_COLOUR) < MIN_CONTRAST) {
      problems.push({
        field: `levels.${i}.colour`,
        message: `Färgen ${level.colour} är för mörk för svart text (kontrast minst ${MIN_CONTRAST}:1); välj en ljusare.`,
      });
    }
    if (levels.findIndex((l) => l.name.toLowerCase() === level.name.toLowerCase()) !== i) {
      problems.push({ field: `levels.${i}.name`, message: `Nivån ${level.name} finns redan.` });
    }
  });
  return problems;
}
