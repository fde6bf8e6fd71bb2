// A synpunkt as a write proposes it, checked against the rules before anything is saved; free text is
// masked for personnummer on the way (the sender's or the brukare's personnummer has no place in it).

import type { FieldProblem } from "../../platform/validation.ts";
import { maskPersonnummer } from "../personnummer.ts";
import type { ComplaintRow, ComplaintValues } from "./repository.ts";
import { type ComplaintState, checkComplaint } from "./rules.ts";
import type { Channel, SenderType } from "./vocabulary.ts";

export type Proposed = ComplaintState & {
  orgNodeId: string;
  channel: Channel;
  senderType: SenderType;
  political: boolean;
  dnr: string | null;
  summary: string;
  answer: string | null;
  measures: string | null;
};

/** Free-text fields, with the words a warning names them by. */
const freeText = [
  ["summary", "sammanfattningen"],
  ["answer", "svaret"],
  ["measures", "åtgärderna"],
] as const;

/** The warning returned with an answer when `fields` had personnummer masked, or null when none. */
export function maskingWarning(fields: readonly string[]): string | null {
  if (fields.length === 0) return null;
  return `Ett personnummer maskerades i ${fields.join(", ")}. Skriv aldrig personnummer i en synpunkt eller ett klagomål.`;
}

export function resolveProposed(
  p: Proposed,
  today: string,
): { ok: true; values: ComplaintValues; warnings: string[] } | { ok: false; problems: FieldProblem[] } {
  const problems = checkComplaint(p, today);
  if (problems.length > 0) return { ok: false, problems };
  const masked: string[] = [];
  const mask = (field: (typeof freeText)[number][0]) => {
    const value = p[field];
    if (value === null) return null;
    const result = maskPersonnummer(value);
    if (result.count > 0) masked.push(freeText.find(([f]) => f === field)?.[1] ?? field);
    return result.text;
  };
  const values: ComplaintValues = {
    org_node_id: p.orgNodeId,
    received_on: p.receivedOn,
    channel: p.channel,
    sender_type: p.senderType,
    complaint_type: p.type,
    category: p.category,
    anonymous: p.anonymous,
    political: p.political,
    dnr: p.dnr,
    summary: mask("summary") ?? "",
    acknowledged_on: p.acknowledgedOn,
    answered_on: p.answeredOn,
    answer: mask("answer"),
    measures: mask("measures"),
    closed_on: p.closedOn,
  };
  const warning = maskingWarning(masked);
  return { ok: true, values, warnings: warning ? [warning] : [] };
}

/** The stored synpunkt as a proposal. */
export const proposedOf = (row: ComplaintRow): Proposed => ({
  orgNodeId: row.org_node_id,
  receivedOn: row.received_on,
  channel: row.channel,
  senderType: row.sender_type,
  type: row.complaint_type,
  category: row.category,
  anonymous: row.anonymous,
  political: row.political,
  dnr: row.dnr,
  summary: row.summary,
  acknowledgedOn: row.acknowledged_on,
  answeredOn: row.answered_on,
  answer: row.answer,
  measures: row.measures,
  closedOn: row.closed_on,
});
