// The kvalitetsplan's rules, pure: each check takes the whole proposed record and answers every problem,
// naming its field, so a write with any problem writes nothing. Also the arithmetic the pages show: an
// egenkontroll's share and an åtgärd's age and lateness.
import { daysBetween } from "../../platform/calendar.ts";
import type { FieldProblem } from "../../platform/validation.ts";
import { maskPersonnummer } from "../personnummer.ts";
import { type AtgardStatus, atgardStatusLabels, isClosedStatus } from "./vocabulary.ts";

const yearOf = (date: string) => Number(date.slice(0, 4));

/** A plan may be written for years up to next year (next year's plan is made in the autumn). */
export function checkPlanYear(year: number, today: string): FieldProblem[] {
  return year > yearOf(today) + 1
    ? [{ field: "year", message: `En plan kan göras för senast ${yearOf(today) + 1}.` }]
    : [];
}

export type ProposedEgenkontroll = {
  year: number;
  performedOn: string | null;
  numerator: number | null;
  denominator: number | null;
};

export function checkEgenkontroll(p: ProposedEgenkontroll, today: string): FieldProblem[] {
  const problems = checkPlanYear(p.year, today);
  if (p.performedOn !== null) {
    if (p.performedOn > today) {
      problems.push({ field: "performedOn", message: "Kontrollen kan inte vara gjord ett datum som inte har varit." });
    } else if (yearOf(p.performedOn) !== p.year) {
      problems.push({
        field: "performedOn",
        message: `Kontrollen i ${p.year} års plan ska vara gjord under ${p.year}.`,
      });
    }
  }
  if ((p.numerator === null) !== (p.denominator === null)) {
    const field = p.numerator === null ? "numerator" : "denominator";
    problems.push({ field, message: "Ange både antalet som uppfyllde kravet och antalet granskade." });
  } else if (p.numerator !== null && p.denominator !== null) {
    if (p.denominator < 1) problems.push({ field: "denominator", message: "Minst ett granskat." });
    else if (p.numerator > p.denominator) {
      problems.push({
        field: "numerator",
        message: `Fler uppfyllde kravet (${p.numerator}) än som granskades (${p.denominator}).`,
      });
    }
    if (p.performedOn === null) {
      problems.push({ field: "performedOn", message: "Ange när kontrollen gjordes när den har ett utfall." });
    }
  }
  return problems;
}

/** The share that passed, 0–1, or null before the control has a result. */
export const shareOf = (numerator: number | null, denominator: number | null) =>
  numerator === null || denominator === null || denominator === 0 ? null : numerator / denominator;

export type ProposedAtgard = {
  createdOn: string;
  deadline: string | null;
  status: AtgardStatus;
  statusOn: string;
  comment: string | null;
};

/** A closed åtgärd is not changed again; the caller says so (a conflict) before asking this. */
export function checkAtgard(p: ProposedAtgard, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (p.statusOn > today) {
    problems.push({ field: "statusOn", message: "Statusdatumet kan inte vara ett datum som inte har varit." });
  } else if (p.statusOn < p.createdOn) {
    problems.push({
      field: "statusOn",
      message: `Statusdatumet kan inte vara före ${p.createdOn}, då åtgärden lades till.`,
    });
  }
  if (p.deadline !== null && p.deadline < p.createdOn) {
    problems.push({
      field: "deadline",
      message: `Slutdatumet kan inte vara före ${p.createdOn}, då åtgärden lades till.`,
    });
  }
  if (isClosedStatus(p.status) && p.comment === null) {
    problems.push({
      field: "comment",
      message: `Beskriv i kommentaren vad åtgärden gav innan den sätts till "${atgardStatusLabels[p.status]}".`,
    });
  }
  return problems;
}

export type AtgardAge = { ageDays: number; overdue: boolean; daysOverdue: number };

/**
 * How long an åtgärd has been (or was) open, and whether it is past its deadline: open ones age until
 * `today`, closed ones stopped on their closing status date and are never overdue.
 */
export function atgardAge(
  a: { createdOn: string; deadline: string | null; status: AtgardStatus; statusOn: string },
  today: string,
): AtgardAge {
  const closed = isClosedStatus(a.status);
  const ageDays = Math.max(0, daysBetween(a.createdOn, closed ? a.statusOn : today));
  const daysOverdue = !closed && a.deadline !== null && a.deadline < today ? daysBetween(a.deadline, today) : 0;
  return { ageDays, overdue: daysOverdue > 0, daysOverdue };
}

/**
 * An åtgärd open at the end of `asOf` as it stood then: the status it had, when the stored one was set by
 * then; a later status replaced an earlier one the record does not keep (null), which was open, since a
 * closed åtgärd is never changed again. Age and lateness are counted to `asOf`.
 */
export function atgardOn(
  a: { createdOn: string; deadline: string | null; status: AtgardStatus; statusOn: string },
  asOf: string,
): AtgardAge & { status: AtgardStatus | null } {
  if (a.statusOn <= asOf) return { status: a.status, ...atgardAge(a, asOf) };
  return { status: null, ...atgardAge({ ...a, status: "pagaende" }, asOf) };
}

/**
 * Free text in a plan holds no personal data by intent, but a personnummer can slip in: it is masked and the
 * answer says where. `fields` maps each field to the words the warning names it by.
 */
export function maskFreeText<T extends Record<string, unknown>>(
  values: T,
  fields: Partial<Record<keyof T, string>>,
): { values: T; warnings: string[] } {
  const masked: string[] = [];
  const out: Record<string, unknown> = { ...values };
  for (const [field, words] of Object.entries(fields) as [string, string][]) {
    const value = values[field];
    if (typeof value !== "string") continue;
    const result = maskPersonnummer(value);
    if (result.count > 0) masked.push(words);
    out[field] = result.text;
  }
  const warnings =
    masked.length > 0
      ? [`Ett personnummer maskerades i ${masked.join(", ")}. Planen ska inte innehålla personuppgifter.`]
      : [];
  return { values: out as T, warnings };
}
