// Uppdrag och uppföljning's rules, pure: a motion's steps (none skipped, referees each answering), an
// uppdrag's closing, a revisionsgranskning checked whole, and the deadlines read against today.
import type { FieldProblem } from "../../platform/validation.ts";
import type { AuditFields } from "./schema.ts";
import { type MotionStatus, motionStatuses, motionStatusLabels } from "./vocabulary.ts";

export type MotionState = {
  status: MotionStatus;
  /** The date of the latest step. */
  lastStepOn: string;
  referees: { referee: string; answeredOn: string | null }[];
};

export type ProposedStep = { status: MotionStatus; occurredOn: string; referees: string[] };

const label = (s: MotionStatus) => motionStatusLabels[s].toLowerCase();
const sameName = (a: string, b: string) => a.toLocaleLowerCase("sv") === b.toLocaleLowerCase("sv");

/**
 * The problems with taking a step: only the next one in inkommen → anmäld → remitterad → besvarad → beslutad,
 * on or after the latest step and not in the future; a referral names its referees (each once), and an
 * answer waits for every referee's.
 */
export function stepProblems(state: MotionState, step: ProposedStep, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const current = motionStatuses.indexOf(state.status);
  const next = motionStatuses[current + 1];
  if (motionStatuses.indexOf(step.status) !== current + 1) {
    problems.push({
      field: "status",
      message: next
        ? `Ärendet är ${label(state.status)}; nästa steg är ${label(next)}, inte ${label(step.status)}.`
        : `Ärendet är redan ${label(state.status)}.`,
    });
  }
  if (step.occurredOn > today)
    problems.push({ field: "occurredOn", message: `Datumet ${step.occurredOn} ligger i framtiden.` });
  if (step.occurredOn < state.lastStepOn) {
    problems.push({
      field: "occurredOn",
      message: `Datumet kan inte ligga före föregående steg (${state.lastStepOn}).`,
    });
  }
  if (step.status === "remitterad") {
    if (step.referees.length === 0) problems.push({ field: "referees", message: "Ange minst en remissinstans." });
    const twice = step.referees.find((r, i) => step.referees.findIndex((o) => sameName(o, r)) !== i);
    if (twice) problems.push({ field: "referees", message: `${twice} står två gånger.` });
  } else if (step.referees.length > 0) {
    problems.push({ field: "referees", message: "Remissinstanser anges när ärendet remitteras." });
  }
  if (step.status === "besvarad") {
    const waiting = state.referees.filter((r) => !r.answeredOn).map((r) => r.referee);
    if (waiting.length > 0) {
      problems.push({ field: "status", message: `Svar saknas från ${waiting.join(", ")}.` });
    }
  }
  return problems;
}

/** The problems with recording a referee's answer: a referee of the matter, still waiting, not before the referral. */
export function answerProblems(
  state: MotionState & { referredOn: string | null },
  answer: { referee: string; answeredOn: string },
  today: string,
): FieldProblem[] {
  const referee = state.referees.find((r) => sameName(r.referee, answer.referee));
  if (!referee) {
    const names = state.referees.map((r) => r.referee).join(", ") || "inga";
    return [{ field: "referee", message: `${answer.referee} är inte remissinstans (remissinstanser: ${names}).` }];
  }
  const problems: FieldProblem[] = [];
  if (referee.answeredOn)
    problems.push({ field: "referee", message: `${referee.referee} svarade redan ${referee.answeredOn}.` });
  if (answer.answeredOn > today)
    problems.push({ field: "answeredOn", message: `Datumet ${answer.answeredOn} ligger i framtiden.` });
  if (state.referredOn && answer.answeredOn < state.referredOn) {
    problems.push({ field: "answeredOn", message: `Svaret kan inte ligga före remissen (${state.referredOn}).` });
  }
  return problems;
}

export type ProposedAssignment = {
  decidedOn: string;
  dueOn: string | null;
  status: "pagaende" | "fullgjort";
  closedOn: string | null;
  closingReference: string | null;
};

/** An uppdrag: due after it was given; fullgjort exactly when a closing date and § are given, not before it was given. */
export function assignmentProblems(a: ProposedAssignment, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (a.decidedOn > today)
    problems.push({ field: "decidedOn", message: `Beslutsdatumet ${a.decidedOn} ligger i framtiden.` });
  if (a.dueOn && a.dueOn < a.decidedOn)
    problems.push({ field: "dueOn", message: "Uppdraget kan inte ha sitt slutdatum före beslutet." });
  if (a.status === "fullgjort") {
    if (!a.closedOn) problems.push({ field: "closedOn", message: "Ange när nämnden förklarade uppdraget fullgjort." });
    else if (a.closedOn > today)
      problems.push({ field: "closedOn", message: `Datumet ${a.closedOn} ligger i framtiden.` });
    else if (a.closedOn < a.decidedOn)
      problems.push({ field: "closedOn", message: "Uppdraget kan inte fullgöras före beslutet." });
    if (!a.closingReference)
      problems.push({ field: "closingReference", message: "Ange beslutet (§) som förklarade uppdraget fullgjort." });
  } else if (a.closedOn || a.closingReference) {
    problems.push({ field: "status", message: "Ett pågående uppdrag har inget avslutsdatum eller avslutande §." });
  }
  return problems;
}

/** A pågående uppdrag past its due date. */
export const assignmentOverdue = (a: { status: string; dueOn: string | null }, today: string) =>
  a.status === "pagaende" && a.dueOn !== null && a.dueOn < today;

/** An audit not yet answered after its reply deadline. */
export const auditOverdue = (a: { replyDeadline: string; repliedOn: string | null }, today: string) =>
  a.repliedOn === null && a.replyDeadline < today;

/**
 * A revisionsgranskning checked whole: the report not after its registration, nothing in the future, the
 * memo and answer not before the registration; each question's bodies once; actions only on recommendations
 * to the nämnd, each ending on or after it starts.
 */
export function auditProblems(a: AuditFields, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  if (a.reportDate > a.registeredOn) add("registeredOn", "Registreringen kan inte ligga före rapportens datum.");
  for (const field of ["registeredOn", "memoOn", "repliedOn"] as const) {
    const value = a[field];
    if (value && value > today) add(field, `Datumet ${value} ligger i framtiden.`);
    if (value && field !== "registeredOn" && value < a.registeredOn) {
      add(field, `Datumet kan inte ligga före registreringen (${a.registeredOn}).`);
    }
  }
  if (a.replyDeadline < a.reportDate) add("replyDeadline", "Svarsdatumet kan inte ligga före rapportens datum.");
  a.questions.forEach((q, i) => {
    const twice = q.assessments.find((x, j) => q.assessments.findIndex((o) => sameName(o.body, x.body)) !== j);
    if (twice) add(`questions.${i}.assessments`, `${twice.body} bedöms två gånger i samma fråga.`);
  });
  a.recommendations.forEach((r, i) => {
    if (!r.toNamnd && r.actions.length > 0) {
      add(`recommendations.${i}.actions`, "Åtgärder anges för rekommendationer riktade till nämnden.");
    }
    r.actions.forEach((x, j) => {
      if (x.startsOn && x.endsOn && x.endsOn < x.startsOn) {
        add(`recommendations.${i}.actions.${j}.endsOn`, "Slutdatumet kan inte ligga före startdatumet.");
      }
    });
  });
  return problems;
}
