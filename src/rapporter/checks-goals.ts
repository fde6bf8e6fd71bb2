// Pre-publish checks of the goal follow-up: a target that points against its indicator's direction, a goal
// title that is not the goal register's, and warnings for an assessment the indicators contradict and an
// indicator without an outcome for the report year. Pure; the target rules are styrning's own.
import { checkTargetDirection, parseTarget } from "../styrning/index.ts";
import type { Finding } from "./checks.ts";
import type { AssembledGoal, AssembledGoals, AssembledIndicator, AssembledReport, Segment } from "./model.ts";
import { plainText } from "./model.ts";
import { periodOf } from "./period.ts";

type Place = { chapter: string; block: string };
type Direction = Parameters<typeof checkTargetDirection>[0]["direction"];

const goalName = (g: AssembledGoal) => [g.code, g.registerTitle].filter(Boolean).join(" ");

/** The latest outcome of the indicator's first row (the total, when there is one) before `year`. */
function latestBefore(i: AssembledIndicator, year: number) {
  const cells = i.rows[0]?.cells ?? [];
  for (let n = i.years.length - 1; n >= 0; n--) {
    const value = cells[n]?.value;
    if ((i.years[n] as number) < year && value !== null && value !== undefined) {
      return { year: i.years[n] as number, value };
    }
  }
  return null;
}

function checkTargets(goal: AssembledGoal, place: Place): Finding[] {
  return goal.indicators.flatMap((i) => {
    if (!i.target || !["higher", "lower", "none"].includes(i.direction)) return [];
    const problem = checkTargetDirection({
      direction: i.direction as Direction,
      target: parseTarget(i.target.text),
      targetYear: i.target.year,
      latest: latestBefore(i, i.target.year),
    });
    if (!problem) return [];
    // A comparator against the direction is plainly wrong; a slack threshold may be a deliberate choice.
    const against = problem.code === "against_direction";
    return [
      {
        check: against ? ("malriktning" as const) : ("malniva" as const),
        severity: against ? ("blocking" as const) : ("warning" as const),
        ...place,
        row: i.name,
        message: `${goalName(goal)}, ${i.name}: målvärde ${i.target.year} "${i.target.text}". ${problem.message}`,
      },
    ];
  });
}

function checkAssessment(goal: AssembledGoal, place: Place): Finding[] {
  const { assessment, suggestion } = goal;
  if (!assessment?.meaning || !suggestion.meaning || assessment.meaning === suggestion.meaning) return [];
  return [
    {
      check: "bedomning",
      severity: "warning",
      ...place,
      row: goalName(goal),
      message: `Bedömningen "${assessment.label}" motsäger indikatorerna: ${suggestion.explanation} Motivera avvikelsen i kommentaren eller ändra bedömningen.`,
    },
  ];
}

/** An outcome is due for every year the report covers; a row without one for the report year is flagged. */
function checkMissingValues(goal: AssembledGoal, period: number, place: Place): Finding[] {
  return goal.indicators.flatMap((i) => {
    const at = i.years.indexOf(period);
    if (at < 0) return [];
    const missing = i.rows.filter((r) => r.cells[at]?.value === null && r.cells[at]?.text === "–").map((r) => r.label);
    if (!missing.length) return [];
    return [
      {
        check: "saknat-utfall" as const,
        severity: "warning" as const,
        ...place,
        row: i.name,
        message: `${goalName(goal)}, ${i.name}: utfall ${period} saknas (${missing.join(", ")}).`,
      },
    ];
  });
}

// ---------- goal titles ----------

const normal = (s: string) => s.toLocaleLowerCase("sv").replace(/\s+/g, " ").trim();

/** Edit distance between two short texts (titles), for a near-miss quotation. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}

const QUOTED = /[“”"«»]([^“”"«»]{12,300})[“”"«»]/g;

/** A quoted title that is almost, but not exactly, a goal's title in the register ("…och öppen attityd"). */
function nearMisses(segments: Segment[], goals: AssembledGoal[], place: Place): Finding[] {
  const findings: Finding[] = [];
  for (const [, quoted] of plainText(segments).matchAll(QUOTED)) {
    const q = normal(quoted as string);
    if (goals.some((g) => normal(g.registerTitle) === q)) continue;
    const near = goals.find((g) => {
      const d = distance(q, normal(g.registerTitle));
      return d <= Math.max(3, Math.round(0.15 * g.registerTitle.length));
    });
    if (near) {
      findings.push({
        check: "maltitel",
        severity: "blocking",
        ...place,
        row: goalName(near),
        message: `Texten citerar målet som "${quoted}" men målregistret säger "${near.registerTitle}".`,
      });
    }
  }
  return findings;
}

/** Every goal-related finding of the report. `textsOf` gives each block's runs of text, as checks.ts reads them. */
export function checkGoals(
  report: AssembledReport,
  textsOf: (b: AssembledReport["chapters"][number]["blocks"][number]) => Segment[][],
  nameOf: (b: AssembledReport["chapters"][number]["blocks"][number]) => string,
): Finding[] {
  const yearEnded = periodOf(report.periodCode ?? report.period).end.endsWith("-12-31");
  const blocks = report.chapters.flatMap((c) => c.blocks.map((b) => ({ chapter: c.title, b })));
  const goalBlocks = blocks.filter((x): x is { chapter: string; b: AssembledGoals } => x.b.kind === "goals");
  const goals = goalBlocks.flatMap((x) => x.b.goals);
  const findings: Finding[] = [];
  for (const { chapter, b } of goalBlocks) {
    const place = { chapter, block: b.title };
    for (const goal of b.goals) {
      if (normal(goal.title) !== normal(goal.registerTitle)) {
        findings.push({
          check: "maltitel",
          severity: "blocking",
          ...place,
          row: goal.code ?? goal.registerTitle,
          message: `Målet heter "${goal.title}" i rapporten men "${goal.registerTitle}" i målregistret.`,
        });
      }
      findings.push(
        ...checkTargets(goal, place),
        ...checkAssessment(goal, place),
        // A year's outcome is due once the year has ended, not at a tertial or quarter.
        ...(yearEnded ? checkMissingValues(goal, report.period, place) : []),
      );
    }
  }
  if (goals.length) {
    for (const { chapter, b } of blocks) {
      if (b.kind === "goals") continue;
      for (const segments of textsOf(b)) findings.push(...nearMisses(segments, goals, { chapter, block: nameOf(b) }));
    }
  }
  return findings;
}
