// A lex Sarah case as a write proposes it, checked against the rules and the kommun's lists before anything
// is saved; the gist is masked for personnummer on the way.

import type { FieldProblem } from "../../platform/validation.ts";
import { maskingWarning, maskPersonnummer } from "../personnummer.ts";
import type { ListEntryRow } from "./repository.ts";
import { type CaseState, checkCase, statusOf } from "./rules.ts";
import type { CaseStatus, Consequence, ListKind, RecurrenceRisk, ReportRoute } from "./vocabulary.ts";

export type ProposedCase = CaseState & {
  category: string;
  route: ReportRoute;
  recurrence: RecurrenceRisk | null;
  consequence: Consequence | null;
  causes: readonly string[];
  measures: readonly string[];
  eventId: string | null;
};

export type ResolvedCase = {
  values: {
    reported_on: string;
    noticed_on: string;
    occurred_on: string | null;
    gist: string;
    category_id: string;
    brist: boolean | null;
    consequence: Consequence | null;
    recurrence: RecurrenceRisk | null;
    route: ReportRoute;
    event_id: string | null;
    status: CaseStatus;
  };
  /** The chosen causes and measures. */
  choiceIds: string[];
  warnings: string[];
};

const listWords: Record<ListKind, string> = {
  kategori: "kategori",
  orsak: "orsak",
  atgard: "åtgärd",
  utredningspunkt: "utredningspunkt",
};

/**
 * The ids of the chosen codes of one list. An unknown code is refused naming the valid ones; a deactivated
 * entry may stay where it was chosen (`current`) but not be chosen anew.
 */
export function resolveCodes(
  codes: readonly string[],
  entries: readonly ListEntryRow[],
  list: ListKind,
  current: readonly string[],
  field: string,
  problems: FieldProblem[],
): string[] {
  const inList = entries.filter((e) => e.list === list);
  const ids: string[] = [];
  for (const code of new Set(codes)) {
    const entry = inList.find((e) => e.code === code);
    if (!entry) {
      const valid = inList.filter((e) => e.active).map((e) => e.code);
      problems.push({
        field,
        message: `Okänd ${listWords[list]} ${code}. Giltiga: ${valid.join(", ") || "(listan är tom)"}.`,
      });
    } else if (!entry.active && !current.includes(entry.id)) {
      problems.push({ field, message: `${entry.name} är inaktiverad i listan.` });
    } else ids.push(entry.id);
  }
  return ids;
}

/** Masks personnummer in free text, naming the fields masked. */
export function masked(text: string, field: string, maskedFields: string[]): string {
  const result = maskPersonnummer(text);
  if (result.count > 0) maskedFields.push(field);
  return result.text;
}

export const warningsOf = (maskedFields: string[]) => {
  const warning = maskingWarning(maskedFields);
  return warning ? [warning] : [];
};

export function resolveCase(
  p: ProposedCase,
  lists: readonly ListEntryRow[],
  current: readonly string[],
  today: string,
): { ok: true; resolved: ResolvedCase } | { ok: false; problems: FieldProblem[] } {
  const problems = checkCase(p, today);
  const [categoryId] = resolveCodes([p.category], lists, "kategori", current, "category", problems);
  const causeIds = resolveCodes(p.causes, lists, "orsak", current, "causes", problems);
  const measureIds = resolveCodes(p.measures, lists, "atgard", current, "measures", problems);
  if (problems.length > 0 || !categoryId) return { ok: false, problems };
  const maskedFields: string[] = [];
  return {
    ok: true,
    resolved: {
      values: {
        reported_on: p.reportedOn,
        noticed_on: p.noticedOn,
        occurred_on: p.occurredOn,
        gist: masked(p.gist, "vad rapporten gäller", maskedFields),
        category_id: categoryId,
        brist: p.brist,
        consequence: p.consequence,
        recurrence: p.recurrence,
        route: p.route,
        event_id: p.eventId,
        status: statusOf(p),
      },
      choiceIds: [...causeIds, ...measureIds],
      warnings: warningsOf(maskedFields),
    },
  };
}
