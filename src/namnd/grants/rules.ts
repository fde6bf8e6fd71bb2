// Föreningsbidrag's rules, pure: the frame the granted sums never exceed, the steps of an application, the
// second round for remaining funds only, the share granted, and the missing återrapport.

import { formatKr } from "../../platform/i18n/format.ts";
import type { FieldProblem } from "../../platform/validation.ts";
import {
  type ApplicationStatus,
  applicationStatusLabels,
  decidedStatuses,
  grantedStatuses,
  nextStatuses,
} from "./vocabulary.ts";

/** What the year's frame has left once the granted sums are taken out. */
export const remainingOf = (frameKronor: number, grantedKronor: number) => frameKronor - grantedKronor;

/**
 * The frame rule: granting `proposed` on top of what is already granted (other applications) may not take
 * the sum past the frame. Checked when a grant is decided and when the frame is lowered.
 */
export function frameProblem(frameKronor: number, grantedElsewhere: number, proposed: number): FieldProblem | null {
  const remaining = remainingOf(frameKronor, grantedElsewhere);
  if (proposed <= remaining) return null;
  return {
    field: "amountGranted",
    message: `Beviljat belopp ${formatKr(proposed)} överstiger det som återstår av anslaget (${formatKr(remaining)} av ${formatKr(frameKronor)}).`,
  };
}

/** The ansökningstid: both days or neither, the last not before the first. */
export function applicationPeriodProblems(openOn: string | null, closeOn: string | null): FieldProblem[] {
  if (openOn && !closeOn) return [{ field: "applicationsCloseOn", message: "Ange sista ansökningsdag." }];
  if (closeOn && !openOn) return [{ field: "applicationsOpenOn", message: "Ange när ansökningstiden börjar." }];
  if (openOn && closeOn && closeOn < openOn) {
    return [{ field: "applicationsCloseOn", message: `Sista ansökningsdag kan inte ligga före ${openOn}.` }];
  }
  return [];
}

/**
 * A first-round application comes in within the year's ansökningstid (when the year has one); one outside it
 * may come in the second round, for remaining funds.
 */
export function receivedProblem(
  period: { openOn: string | null; closeOn: string | null },
  round: 1 | 2,
  receivedOn: string,
): FieldProblem | null {
  if (round !== 1 || !period.openOn || !period.closeOn) return null;
  if (receivedOn >= period.openOn && receivedOn <= period.closeOn) return null;
  return {
    field: "receivedOn",
    message: `Ansökan inkom ${receivedOn}, utanför ansökningstiden ${period.openOn}–${period.closeOn}; den kan tas upp i andra omgången.`,
  };
}

/** The share of the amount applied that was granted, in per cent with one decimal (80 000 of 120 000 → 66.7). */
export const shareOf = (applied: number, granted: number | null): number | null =>
  granted === null ? null : Math.round((granted / applied) * 1000) / 10;

/** The sum granted by applications in a granting status. */
export const grantedSum = (applications: readonly { status: ApplicationStatus; amountGranted: number | null }[]) =>
  applications.filter((a) => grantedStatuses.includes(a.status)).reduce((sum, a) => sum + (a.amountGranted ?? 0), 0);

/**
 * A second-round application may only come once round 1 is decided, and only while funds remain: the second
 * round shares what the first left.
 */
export function secondRoundProblem(
  firstRound: readonly { status: ApplicationStatus }[],
  remaining: number,
): FieldProblem | null {
  const open = firstRound.filter((a) => !decidedStatuses.includes(a.status)).length;
  if (open > 0) {
    return {
      field: "round",
      message: `Andra omgången öppnar när första omgången är beslutad (${open} ansökningar väntar på beslut).`,
    };
  }
  if (remaining <= 0)
    return { field: "round", message: "Anslaget är fördelat; inga medel återstår till en andra omgång." };
  return null;
}

export type ApplicationState = {
  status: ApplicationStatus;
  amountApplied: number;
  /** The date of the latest step (received, komplettering, assessment, decision, payment). */
  lastStepOn: string;
};

export type ProposedStep = {
  status: ApplicationStatus;
  on: string;
  note?: string | null;
  assessments: { criterionId: string }[];
  amountGranted?: number | null;
  reasons?: string | null;
  decisionReference?: string | null;
};

const label = (s: ApplicationStatus) => applicationStatusLabels[s].toLowerCase();

/**
 * The problems with taking a step: only a step that may follow the current status, dated on or after the
 * latest step and not in the future; komplettering says what is missing; bedömning covers every criterion
 * once; a decision gives amount (0 for avslag, 1..applied for beviljad), reasons and the § it was taken in.
 * The frame is checked apart (frameProblem), with the year's sums read in the same transaction.
 */
export function stepProblems(
  state: ApplicationState,
  step: ProposedStep,
  criterionIds: readonly string[],
  today: string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const allowed = nextStatuses[state.status];
  if (!allowed.includes(step.status)) {
    problems.push({
      field: "status",
      message:
        allowed.length === 0
          ? `Ansökan är ${label(state.status)}; inga fler steg finns.`
          : `Ansökan är ${label(state.status)}; nästa steg är ${allowed.map(label).join(" eller ")}, inte ${label(step.status)}.`,
    });
  }
  if (step.on > today) problems.push({ field: "on", message: `Datumet ${step.on} ligger i framtiden.` });
  if (step.on < state.lastStepOn) {
    problems.push({ field: "on", message: `Datumet kan inte ligga före föregående steg (${state.lastStepOn}).` });
  }
  if (step.status === "komplettering_begard" && !step.note) {
    problems.push({ field: "note", message: "Ange vad föreningen ska komplettera med." });
  }
  if (step.status === "bedomd") {
    const given = step.assessments.map((a) => a.criterionId);
    const missing = criterionIds.filter((id) => !given.includes(id)).length;
    if (missing > 0) problems.push({ field: "assessments", message: `Bedöm alla kriterier (${missing} saknas).` });
    if (given.some((id) => !criterionIds.includes(id))) {
      problems.push({ field: "assessments", message: "Ett kriterium hör inte till årets kriterier." });
    }
    if (new Set(given).size !== given.length) {
      problems.push({ field: "assessments", message: "Ett kriterium är bedömt två gånger." });
    }
  } else if (step.assessments.length > 0) {
    problems.push({ field: "assessments", message: "Kriterierna bedöms i steget bedömd." });
  }
  const deciding = step.status === "beviljad" || step.status === "avslagen";
  if (deciding) {
    const amount = step.amountGranted;
    if (amount === null || amount === undefined) {
      problems.push({ field: "amountGranted", message: "Ange beviljat belopp (0 kr vid avslag)." });
    } else if (step.status === "avslagen" && amount !== 0) {
      problems.push({ field: "amountGranted", message: "En avslagen ansökan beviljas 0 kr." });
    } else if (step.status === "beviljad" && amount < 1) {
      problems.push({ field: "amountGranted", message: "Ett beviljat bidrag är minst 1 kr; annars avslå ansökan." });
    } else if (amount > state.amountApplied) {
      problems.push({
        field: "amountGranted",
        message: `Beviljat belopp kan inte vara större än det sökta (${formatKr(state.amountApplied)}).`,
      });
    }
    if (!step.reasons) problems.push({ field: "reasons", message: "Ange skälen för beslutet." });
    if (!step.decisionReference) {
      problems.push({ field: "decisionReference", message: "Ange beslutet: organ, datum och § (IF 2024-03-14 § 32)." });
    }
  } else if (step.amountGranted !== null && step.amountGranted !== undefined) {
    problems.push({ field: "amountGranted", message: "Belopp anges när nämnden beslutar." });
  }
  return problems;
}

/** Names compared as people write them: case, spacing and a trailing period do not make a new association. */
export const associationKey = (name: string) =>
  name.toLocaleLowerCase("sv").replace(/\s+/g, " ").replace(/\.$/, "").trim();

/**
 * An association applying for `year` whose grant of the year before was paid or granted but never
 * återrapporterad: the application is flagged for the assessor.
 */
export function missingReport(
  association: string,
  previousYear: readonly { association: string; status: ApplicationStatus }[],
): boolean {
  const key = associationKey(association);
  return previousYear.some(
    (a) => associationKey(a.association) === key && (a.status === "beviljad" || a.status === "utbetald"),
  );
}
