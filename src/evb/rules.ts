// Consistency rules for a decision and its offers and interruptions, checked on the whole proposed state
// before any write (HTTP, import, CLI). Pure; messages in Swedish, keyed by the API's field names.

import type { FieldProblem } from "../platform/validation.ts";
import { type PersonId, parsePersonId, type Sex, sexMismatch } from "./person-id.ts";

export type DecisionState = {
  personId: string;
  sex: Sex | null | undefined;
  decisionDate: string;
  executedDate: string | null;
  closedDate: string | null;
  closureReason: string | null;
  partsTotal: number;
  partsExecuted: number;
  offers: readonly { date: string }[];
  interruptions: readonly { start: string; resumed: string | null }[];
};

export type CheckedDecision = { problems: FieldProblem[]; id: PersonId | null };

export function checkDecision(s: DecisionState, today: string): CheckedDecision {
  const problems: FieldProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  const notFuture = (field: string, date: string | null, what: string) => {
    if (date !== null && date > today) problem(field, `${what} ${date} ligger i framtiden.`);
  };

  const parsed = parsePersonId(s.personId, today);
  const id = parsed.ok ? parsed.id : null;
  if (!parsed.ok) problem("personId", parsed.message);
  if (id && s.sex) {
    const mismatch = sexMismatch(id, s.sex);
    if (mismatch) problem("sex", mismatch);
  }
  if (id && s.decisionDate < id.birthDate) problem("decisionDate", "Beslutsdatum ligger före födelsedatumet i id.");

  notFuture("decisionDate", s.decisionDate, "Beslutsdatum");
  notFuture("executedDate", s.executedDate, "Verkställighetsdatum");
  notFuture("closedDate", s.closedDate, "Avslutsdatum");
  if (s.executedDate !== null && s.executedDate < s.decisionDate) {
    problem(
      "executedDate",
      `Beslutet kan inte vara verkställt (${s.executedDate}) före beslutsdatum ${s.decisionDate}.`,
    );
  }
  if (s.closedDate !== null && s.closedDate < s.decisionDate) {
    problem("closedDate", `Beslutet kan inte vara avslutat (${s.closedDate}) före beslutsdatum ${s.decisionDate}.`);
  }
  if (s.closedDate !== null && s.closureReason === null)
    problem("closureReason", "Ange avslutsorsak när beslutet är avslutat.");
  if (s.closedDate === null && s.closureReason !== null)
    problem("closedDate", "Ange avslutsdatum när avslutsorsak är angiven.");

  if (s.partsExecuted > s.partsTotal) {
    problem("partsExecuted", `Antal verkställda insatser (${s.partsExecuted}) är fler än beslutets ${s.partsTotal}.`);
  } else if (s.executedDate === null && s.partsExecuted === s.partsTotal) {
    problem("executedDate", "Alla insatser är verkställda: ange verkställighetsdatum.");
  }

  s.offers.forEach((o, i) => {
    if (o.date < s.decisionDate)
      problem(`offers.${i}.date`, `Erbjudandet ${o.date} ligger före beslutsdatum ${s.decisionDate}.`);
    notFuture(`offers.${i}.date`, o.date, "Erbjudandet");
  });

  const ordered = s.interruptions.map((x, i) => ({ ...x, i })).toSorted((a, b) => a.start.localeCompare(b.start));
  ordered.forEach((x, n) => {
    const field = `interruptions.${x.i}`;
    if (s.executedDate === null)
      problem(`${field}.start`, "Ett avbrott förutsätter att beslutet först har verkställts.");
    else if (x.start < s.executedDate) {
      problem(`${field}.start`, `Avbrottet ${x.start} ligger före verkställigheten ${s.executedDate}.`);
    }
    notFuture(`${field}.start`, x.start, "Avbrottet");
    notFuture(`${field}.resumed`, x.resumed, "Återupptagandet");
    if (x.resumed !== null && x.resumed < x.start) {
      problem(`${field}.resumed`, `Återupptagandet ${x.resumed} ligger före avbrottet ${x.start}.`);
    }
    if (s.closedDate !== null && x.start > s.closedDate) {
      problem(`${field}.start`, `Avbrottet ${x.start} ligger efter avslutet ${s.closedDate}.`);
    }
    const previous = ordered[n - 1];
    if (previous && (previous.resumed === null || previous.resumed > x.start)) {
      problem(`${field}.start`, `Avbrottet ${x.start} börjar innan avbrottet ${previous.start} har återupptagits.`);
    }
  });
  return { problems, id };
}
