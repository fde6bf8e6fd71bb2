// The rules of a lex Sarah case, checked on its whole proposed state before any write. Pure; messages in
// Swedish, keyed by the API's field names.

import { daysBetween } from "../../platform/calendar.ts";
import type { FieldProblem } from "../../platform/validation.ts";
import type { CaseStatus, Consequence, Finding, Outcome } from "./vocabulary.ts";

/**
 * "Snarast" (SoL 14 kap 7 §, no day limit in law or sources): an anmälan to IVO not sent this many days
 * after the decision is flagged overdue. A named constant rather than a kommun setting; change it here.
 */
export const IVO_SNARAST_DAYS = 14;

// ---------------------------------------------------------------- case numbers

/** A case's number as the committee writes it: report year and a three-digit (or longer) serial, 2023-007. */
export const formatCaseNumber = (year: number, number: number) => `${year}-${String(number).padStart(3, "0")}`;

/** "2023-278" (also "2023-0278", spaces around) → { year, number }; anything else → null. */
export function parseCaseNumber(text: string): { year: number; number: number } | null {
  const match = /^\s*(\d{4})-(\d{1,6})\s*$/.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const number = Number(match[2]);
  return number > 0 && year >= 2000 && year <= 2100 ? { year, number } : null;
}

// ---------------------------------------------------------------- the proposed state

export type DecisionState = {
  decidedOn: string;
  outcome: Outcome;
  finding: Finding | null;
  ivoFormDone: boolean;
  ivoInvestigationAttached: boolean;
  ivoSentOn: string | null;
  ivoReference: string | null;
};

export type CaseState = {
  reportedOn: string;
  noticedOn: string;
  occurredOn: string | null;
  gist: string;
  brist: boolean | null;
  consequence: Consequence | null;
  /** Investigation entries written so far. */
  entries: number;
  decision: DecisionState | null;
};

/** Beslutad once decided; under utredning once anything of the investigation is recorded. */
export function statusOf(s: Pick<CaseState, "decision" | "entries" | "brist" | "consequence">): CaseStatus {
  if (s.decision !== null) return "beslutad";
  return s.entries > 0 || s.brist !== null || s.consequence !== null ? "under_utredning" : "rapporterad";
}

export function checkCase(s: CaseState, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  const notFuture = (field: string, date: string | null, what: string) => {
    if (date !== null && date > today) problem(field, `${what} (${date}) ligger i framtiden.`);
  };

  notFuture("reportedOn", s.reportedOn, "Rapportdatumet");
  notFuture("noticedOn", s.noticedOn, "Datumet då missförhållandet upptäcktes");
  notFuture("occurredOn", s.occurredOn, "Datumet då missförhållandet inträffade");
  if (s.occurredOn !== null && s.noticedOn < s.occurredOn) {
    problem(
      "noticedOn",
      `Missförhållandet kan inte ha upptäckts (${s.noticedOn}) innan det inträffade (${s.occurredOn}).`,
    );
  }
  if (s.reportedOn < s.noticedOn) {
    problem("reportedOn", `Rapporten (${s.reportedOn}) kan inte komma före upptäckten (${s.noticedOn}).`);
  }
  if (s.gist.trim() === "") problem("gist", "Ange vad rapporten gäller.");

  const d = s.decision;
  if (d === null) return problems;
  notFuture("decidedOn", d.decidedOn, "Beslutsdatumet");
  if (d.decidedOn < s.reportedOn) {
    problem("decidedOn", `Beslutet (${d.decidedOn}) kan inte fattas före rapporten (${s.reportedOn}).`);
  }
  if (s.brist === null) problem("brist", "Ange om utredningen visar en brist innan ärendet beslutas.");
  if (s.consequence === null) problem("consequence", "Ange konsekvensen för den enskilde innan ärendet beslutas.");
  if (d.outcome === "A" && d.finding === null) {
    problem("finding", "Ett beslut om inget missförhållande (A) ska ange vad utredningen fann.");
  }
  if (d.outcome !== "A" && d.finding !== null) {
    problem("finding", "Bedömningen under A anges bara när inget missförhållande föreligger.");
  }
  const ivo = d.ivoFormDone || d.ivoInvestigationAttached || d.ivoSentOn !== null || d.ivoReference !== null;
  if (d.outcome !== "C" && ivo) problem("ivo", "Bara ett allvarligt missförhållande (C) anmäls till IVO.");
  if (d.ivoSentOn !== null) {
    notFuture("ivoSentOn", d.ivoSentOn, "Datumet då anmälan skickades till IVO");
    if (d.ivoSentOn < d.decidedOn) {
      problem("ivoSentOn", `Anmälan kan inte skickas (${d.ivoSentOn}) före beslutet (${d.decidedOn}).`);
    }
    if (!d.ivoFormDone) problem("ivoFormDone", "Fyll i blanketten ”Anmälan – lex Sarah” innan anmälan skickas.");
    if (!d.ivoInvestigationAttached) {
      problem("ivoInvestigationAttached", "Bifoga den färdiga utredningen innan anmälan skickas.");
    }
  }
  if (d.ivoReference !== null && d.ivoSentOn === null) {
    problem("ivoReference", "IVO:s diarienummer kommer först när anmälan är skickad.");
  }
  return problems;
}

/** Several cases decided together: one nämnd's series; none decided already. */
export function checkTogether(cases: readonly { namndId: string; decided: boolean; number: string }[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const namnder = new Set(cases.map((c) => c.namndId));
  if (namnder.size > 1)
    problems.push({ field: "together", message: "Ärenden under olika nämnder beslutas var för sig." });
  for (const c of cases.filter((c) => c.decided)) {
    problems.push({ field: "together", message: `Ärende ${c.number} är redan beslutat.` });
  }
  return problems;
}

/** An IVO anmälan is overdue when a C decision's package has not been sent within `days` of the decision. */
export function ivoOverdue(
  d: Pick<DecisionState, "outcome" | "decidedOn" | "ivoSentOn">,
  today: string,
  days = IVO_SNARAST_DAYS,
): boolean {
  return d.outcome === "C" && d.ivoSentOn === null && daysBetween(d.decidedOn, today) > days;
}
