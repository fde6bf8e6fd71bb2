// A händelse as a write proposes it, checked against the rules and the kommun's lists before anything is
// saved; free text is masked for personnummer on the way. Shared by the HTTP writes and the CSV import.

import type { FieldProblem } from "../platform/validation.ts";
import { maskingWarning, maskPersonnummer } from "./personnummer.ts";
import type * as repo from "./repository.ts";
import { checkEvent, type EventState, handledOnOf, statusOf } from "./rules.ts";

/** `handledOn` is the stored händelse's (a new one has none); the saved one follows from the status. */
export type Proposed = EventState & { orgNodeId: string; immediateAction: string | null; handledOn?: string | null };
export type Lists = { types: readonly repo.TypeRow[]; causes: readonly repo.CauseRow[] };
/** The stored händelse's chosen entries: a since deactivated one may stay, but not be chosen anew. */
export type Current = { typeIds: readonly string[]; causeIds: readonly string[] } | null;

export type Resolved = {
  values: repo.EventValues;
  typeIds: string[];
  causeIds: string[];
  warnings: string[];
};

/** Free-text fields, with the words a warning names them by. */
const freeText = [
  ["whatHappened", "vad som hände"],
  ["immediateAction", "omedelbar åtgärd"],
  ["investigation", "utredningen"],
  ["measures", "åtgärderna"],
] as const;

function resolveCodes(
  codes: readonly string[],
  entries: readonly { id: string; code: string; name: string; active: boolean }[],
  current: readonly string[],
  field: string,
  what: string,
  problems: FieldProblem[],
): string[] {
  const ids: string[] = [];
  for (const code of new Set(codes)) {
    const entry = entries.find((e) => e.code === code);
    if (!entry) {
      const valid = entries.filter((e) => e.active).map((e) => e.code);
      problems.push({ field, message: `Okänd ${what} ${code}. Giltiga: ${valid.join(", ") || "(listan är tom)"}.` });
    } else if (!entry.active && !current.includes(entry.id)) {
      problems.push({ field, message: `${what[0]?.toUpperCase()}${what.slice(1)}en ${entry.name} är inaktiverad.` });
    } else ids.push(entry.id);
  }
  return ids;
}

export function resolveProposed(
  p: Proposed,
  lists: Lists,
  current: Current,
  today: string,
): { ok: true; resolved: Resolved } | { ok: false; problems: FieldProblem[] } {
  const problems = checkEvent(p, today);
  const typeIds = resolveCodes(p.types, lists.types, current?.typeIds ?? [], "types", "typ", problems);
  const causeIds = resolveCodes(p.causes, lists.causes, current?.causeIds ?? [], "causes", "orsak", problems);
  if (problems.length > 0) return { ok: false, problems };

  const maskedFields: string[] = [];
  const mask = (field: (typeof freeText)[number][0]) => {
    const value = p[field];
    if (value === null) return null;
    const masked = maskPersonnummer(value);
    if (masked.count > 0) maskedFields.push(freeText.find(([f]) => f === field)?.[1] ?? field);
    return masked.text;
  };
  const values: repo.EventValues = {
    org_node_id: p.orgNodeId,
    kind: p.kind,
    category: p.category,
    occurred_on: p.occurredOn,
    noticed_on: p.noticedOn,
    reported_on: p.reportedOn,
    what_happened: mask("whatHappened") ?? "",
    immediate_action: mask("immediateAction"),
    status: statusOf(p),
    investigation: mask("investigation"),
    measures: mask("measures"),
    handled_on: handledOnOf(statusOf(p), p.handledOn ?? null, p.closedOn, today),
    closed_on: p.closedOn,
    lex_sarah_on: p.lexSarahOn,
    mas_on: p.masOn,
  };
  const warning = maskingWarning(maskedFields);
  return { ok: true, resolved: { values, typeIds, causeIds, warnings: warning ? [warning] : [] } };
}

/** The stored händelse as a proposal, with its chosen entries as codes. */
export function proposedOf(row: repo.EventRow, lists: Lists, current: NonNullable<Current>): Proposed {
  const codesOf = (ids: readonly string[], entries: readonly { id: string; code: string }[]) =>
    entries.filter((e) => ids.includes(e.id)).map((e) => e.code);
  return {
    orgNodeId: row.org_node_id,
    kind: row.kind,
    category: row.category,
    occurredOn: row.occurred_on,
    noticedOn: row.noticed_on,
    reportedOn: row.reported_on,
    whatHappened: row.what_happened,
    immediateAction: row.immediate_action,
    types: codesOf(current.typeIds, lists.types),
    causes: codesOf(current.causeIds, lists.causes),
    investigation: row.investigation,
    measures: row.measures,
    handledOn: row.handled_on,
    closedOn: row.closed_on,
    lexSarahOn: row.lex_sarah_on,
    masOn: row.mas_on,
  };
}
