// The rules for a synpunkt or klagomål, checked on its whole proposed state before any write, and the
// 10-day answer rule. Pure; messages in Swedish, keyed by the API's field names.
//
// The 10-day rule (Kommentaren's, applied to every channel): an answer is due 10 calendar days after the
// acknowledgement of receipt ("obesvarade 10 dagar efter bekräftelse"). Without an acknowledgement the days
// run from the receipt, so a missing acknowledgement never postpones the answer. Calendar days, not
// working days: the source counts days, and the platform has no holiday calendar.

import { addDays } from "../../platform/calendar.ts";
import type { FieldProblem } from "../../platform/validation.ts";
import {
  type AnswerStatus,
  type Category,
  type ComplaintType,
  categorisedTypes,
  complaintTypeLabels,
} from "./vocabulary.ts";

export const ANSWER_DAYS = 10;

export type AnswerDates = {
  receivedOn: string;
  acknowledgedOn: string | null;
  answeredOn: string | null;
  anonymous: boolean;
};

/** The last day for an answer in time. */
export const answerDueOn = (s: Pick<AnswerDates, "receivedOn" | "acknowledgedOn">): string =>
  addDays(s.acknowledgedOn ?? s.receivedOn, ANSWER_DAYS);

/**
 * Where the answer stands on `asOf`: an answer given later than `asOf` is not yet given. An anonymous sender
 * cannot be answered, so an unanswered anonymous one is never late.
 */
export function answerStatus(s: AnswerDates, asOf: string): AnswerStatus {
  const due = answerDueOn(s);
  if (s.answeredOn !== null && s.answeredOn <= asOf) return s.answeredOn <= due ? "besvarad_i_tid" : "besvarad_sent";
  if (s.anonymous) return "anonym";
  return asOf > due ? "forsenad" : "obesvarad";
}

/** Not answered within the rule's days: answered late, or unanswered after the last day. */
export const answeredLate = (status: AnswerStatus) => status === "besvarad_sent" || status === "forsenad";

export type ComplaintState = AnswerDates & {
  type: ComplaintType;
  category: Category | null;
  closedOn: string | null;
};

export function checkComplaint(s: ComplaintState, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  const dated = (field: string, date: string | null, what: string) => {
    if (date === null) return;
    if (date > today) problem(field, `${what} ${date} ligger i framtiden.`);
    else if (date < s.receivedOn) problem(field, `${what} ${date} ligger före mottagandet ${s.receivedOn}.`);
  };

  if (s.receivedOn > today) problem("receivedOn", `Mottagningsdatumet ${s.receivedOn} ligger i framtiden.`);
  dated("acknowledgedOn", s.acknowledgedOn, "Bekräftelsen");
  dated("answeredOn", s.answeredOn, "Svaret");
  dated("closedOn", s.closedOn, "Avslutet");
  if (s.acknowledgedOn !== null && s.answeredOn !== null && s.answeredOn < s.acknowledgedOn) {
    problem("answeredOn", `Svaret ${s.answeredOn} kan inte komma före bekräftelsen ${s.acknowledgedOn}.`);
  }
  if (s.category === null && categorisedTypes.includes(s.type)) {
    problem("category", `Ange en kategori: ${complaintTypeLabels[s.type].toLowerCase()} ska kategoriseras.`);
  }
  if (s.closedOn !== null) {
    if (s.answeredOn === null && !s.anonymous) {
      problem(
        "closedOn",
        "Ange när svaret gavs innan ärendet avslutas (bara en anonym avsändare kan lämnas utan svar).",
      );
    } else if (s.answeredOn !== null && s.closedOn < s.answeredOn) {
      problem("closedOn", `Ärendet kan inte avslutas (${s.closedOn}) före svaret (${s.answeredOn}).`);
    }
  }
  return problems;
}
