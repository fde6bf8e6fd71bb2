// Internkontroll's rules, pure: each check answers every problem with its field, so a write with any
// problem writes nothing; and the självskattning's tally.
import type { FieldProblem } from "../../platform/validation.ts";
import { type Answer, answers } from "./vocabulary.ts";

/** A risk left out of the plan must say why (the follow-up report's chapter 4.2 prints it). */
export function checkIkRisk(r: { toPlan: boolean; reason: string | null }): FieldProblem[] {
  return !r.toPlan && r.reason === null
    ? [{ field: "reason", message: "Ange anledningen till att risken inte tas till planen." }]
    : [];
}

/** Whether a granskning found deviations is said together with what it found. */
export function checkGranskning(g: { result: string | null; deviations: boolean | null }): FieldProblem[] {
  return g.deviations !== null && g.result === null
    ? [{ field: "result", message: "Beskriv resultatet när du anger om granskningen fann avvikelser." }]
    : [];
}

/** The plan is adopted before or during its year, never on a day still to come. */
export function checkPlanDecision(p: { year: number; adoptedOn: string | null }, today: string): FieldProblem[] {
  if (p.adoptedOn === null) return [];
  if (p.adoptedOn > today)
    return [{ field: "adoptedOn", message: "Planen kan inte vara antagen ett datum som inte har varit." }];
  if (Number(p.adoptedOn.slice(0, 4)) > p.year) {
    return [{ field: "adoptedOn", message: `Planen för ${p.year} antas före eller under ${p.year}.` }];
  }
  return [];
}

/** Answers must name questions of the kommun's set, each once. */
export function checkAnswers(questionIds: readonly string[], given: readonly { questionId: string }[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  given.forEach((a, i) => {
    if (!questionIds.includes(a.questionId)) {
      problems.push({ field: `answers.${i}.questionId`, message: "Frågan finns inte i kommunens självskattning." });
    } else if (seen.has(a.questionId)) {
      problems.push({ field: `answers.${i}.questionId`, message: "Frågan besvaras två gånger." });
    }
    seen.add(a.questionId);
  });
  return problems;
}

export type Tally = Record<Answer, number> & { unanswered: number; questions: number };

const emptyTally = (): Tally => ({ omhandertaget: 0, delvis: 0, ej: 0, unanswered: 0, questions: 0 });

/** Answers per area in the question set's order, and in total. */
export function tallyAnswers(
  questions: readonly { id: string; area: string }[],
  given: ReadonlyMap<string, Answer>,
): { areas: ({ area: string } & Tally)[]; total: Tally } {
  const areas = new Map<string, Tally>();
  const total = emptyTally();
  for (const q of questions) {
    const tally = areas.get(q.area) ?? emptyTally();
    areas.set(q.area, tally);
    const answer = given.get(q.id);
    for (const t of [tally, total]) {
      t.questions += 1;
      if (answer && answers.includes(answer)) t[answer] += 1;
      else t.unanswered += 1;
    }
  }
  return { areas: [...areas].map(([area, t]) => ({ area, ...t })), total };
}
