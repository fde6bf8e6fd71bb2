// The rules for a händelse, checked on its whole proposed state before any write (HTTP, import). Pure;
// messages in Swedish, keyed by the API's field names.

import type { FieldProblem } from "../platform/validation.ts";
import type { EventKind, EventStatus, WorkCategory } from "./vocabulary.ts";

export type EventState = {
  kind: EventKind;
  category: WorkCategory | null;
  occurredOn: string;
  noticedOn: string;
  reportedOn: string;
  whatHappened: string;
  types: readonly string[];
  causes: readonly string[];
  investigation: string | null;
  measures: string | null;
  closedOn: string | null;
  lexSarahOn: string | null;
  masOn: string | null;
};

/** What a händelse holds when it is reported, before anyone has handled it (fresh lists, free to fill). */
export const unhandled = () => ({
  types: [] as string[],
  causes: [] as string[],
  investigation: null,
  measures: null,
  closedOn: null,
  lexSarahOn: null,
  masOn: null,
});

/** Where a händelse stands: closed when it has a closing date, under investigation once anyone has worked on it. */
export function statusOf(
  s: Pick<EventState, "closedOn" | "types" | "causes" | "investigation" | "measures">,
): EventStatus {
  if (s.closedOn !== null) return "avslutad";
  const worked = s.types.length > 0 || s.causes.length > 0 || s.investigation !== null || s.measures !== null;
  return worked ? "under_utredning" : "rapporterad";
}

/**
 * The day handling began, kept once known: none while the händelse is rapporterad; otherwise the day it
 * already had, or else today (the day the change is saved), but never after its closing day (a händelse
 * closed on an earlier day, as an import or a back-dated closing records it, was handled by then).
 */
export function handledOnOf(
  status: EventStatus,
  previous: string | null,
  closedOn: string | null,
  today: string,
): string | null {
  if (status === "rapporterad") return null;
  const day = previous ?? today;
  return closedOn !== null && closedOn < day ? closedOn : day;
}

/** A händelse's dated transitions after its report: handling begun, closed. */
export type EventDates = { handledOn: string | null; closedOn: string | null };

/**
 * Where a händelse stood at the end of `asOf`: closed on or before it, handled on or before it, or else
 * rapporterad (also when it was reported only later: it had happened, but no one had handled it).
 */
export function statusOn(e: EventDates, asOf: string): EventStatus {
  if (e.closedOn !== null && e.closedOn <= asOf) return "avslutad";
  if (e.handledOn !== null && e.handledOn <= asOf) return "under_utredning";
  return "rapporterad";
}

export function checkEvent(s: EventState, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  const notFuture = (field: string, date: string | null, what: string) => {
    if (date !== null && date > today) problem(field, `${what} ${date} ligger i framtiden.`);
  };

  notFuture("occurredOn", s.occurredOn, "Datumet då händelsen inträffade,");
  notFuture("noticedOn", s.noticedOn, "Datumet då händelsen upptäcktes,");
  if (s.noticedOn < s.occurredOn) {
    problem("noticedOn", `Händelsen kan inte ha upptäckts (${s.noticedOn}) innan den inträffade (${s.occurredOn}).`);
  }
  // A discovery in the future is refused above; the report date (today) would only repeat it.
  if (s.noticedOn <= today && s.reportedOn < s.noticedOn) {
    problem(
      "reportedOn",
      `Händelsen kan inte ha rapporterats (${s.reportedOn}) innan den upptäcktes (${s.noticedOn}).`,
    );
  }
  if (s.whatHappened.trim() === "") problem("whatHappened", "Beskriv vad som hände.");

  if (s.kind === "arbetsmiljo") {
    if (s.category === null)
      problem("category", "Ange om arbetsmiljöhändelsen är riskobservation, tillbud eller olycksfall.");
    if (s.types.length > 0)
      problem("types", "En arbetsmiljöhändelse klassificeras med kategori, inte med avvikelsetyper.");
    if (s.lexSarahOn !== null) problem("lexSarahOn", "En arbetsmiljöhändelse rapporteras inte enligt lex Sarah.");
    if (s.masOn !== null) problem("masOn", "En arbetsmiljöhändelse går inte till MAS som vårdskada.");
  } else if (s.category !== null) {
    problem("category", "Kategori (riskobservation, tillbud, olycksfall) gäller bara arbetsmiljöhändelser.");
  }

  for (const [field, date, what] of [
    ["lexSarahOn", s.lexSarahOn, "Lex Sarah-rapporten"],
    ["masOn", s.masOn, "Rapporten till MAS"],
  ] as const) {
    if (date === null) continue;
    notFuture(field, date, `${what}s datum`);
    if (date < s.noticedOn) problem(field, `${what} (${date}) kan inte ligga före upptäckten (${s.noticedOn}).`);
  }

  if (s.closedOn !== null) {
    notFuture("closedOn", s.closedOn, "Avslutsdatumet");
    if (s.closedOn < s.reportedOn) {
      problem("closedOn", `Händelsen kan inte avslutas (${s.closedOn}) före rapporteringen (${s.reportedOn}).`);
    }
    if (s.kind === "avvikelse" && s.types.length === 0) {
      problem("types", "Klassificera händelsen med minst en typ innan den avslutas.");
    }
    if (s.investigation === null) problem("investigation", "Skriv utredningen innan händelsen avslutas.");
    if (s.kind === "avvikelse" && s.causes.length === 0) {
      problem("causes", "Ange minst en orsak innan händelsen avslutas.");
    }
  }
  return problems;
}
