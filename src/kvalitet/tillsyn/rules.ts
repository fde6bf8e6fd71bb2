// The rules for an IVO-tillsyn, checked on its whole proposed state before any write, and the overdue
// yttrande rule. Pure; messages in Swedish, keyed by the API's field names.

import type { FieldProblem } from "../../platform/validation.ts";
import { maskPersonnummer } from "../personnummer.ts";
import type { InspectionStatus, YttrandeStatus } from "./vocabulary.ts";

export type YttrandeDates = { yttrandeDueOn: string | null; yttrandeRepliedOn: string | null };

/**
 * Where a requested yttrande stands on `asOf`: due by the deadline, the deadline day included; a reply
 * given after `asOf` is not yet given.
 */
export function yttrandeStatus(s: YttrandeDates, asOf: string): YttrandeStatus {
  if (s.yttrandeDueOn === null) return "inget";
  if (s.yttrandeRepliedOn !== null && s.yttrandeRepliedOn <= asOf) {
    return s.yttrandeRepliedOn <= s.yttrandeDueOn ? "inlamnat" : "inlamnat_sent";
  }
  return asOf > s.yttrandeDueOn ? "forsenat" : "begart";
}

export type InspectionState = YttrandeDates & {
  month: string;
  decisionOn: string | null;
  yttrandeLagrum: string | null;
  status: InspectionStatus;
  closedOn: string | null;
};

/**
 * The day a tillsyn was closed: the day given, else the one stored, else today, while the status is
 * avslutad; none while it is pågående (a reopened tillsyn is open again).
 */
export function closedOnOf(
  status: InspectionStatus,
  given: string | null | undefined,
  stored: string | null,
  today: string,
): string | null {
  return status === "avslutad" ? (given ?? stored ?? today) : null;
}

/** Whether a tillsyn was open at the end of `asOf`: begun by that month and not closed by that day. */
export const inspectionOpenOn = (i: { month: string; closedOn: string | null }, asOf: string) =>
  i.month <= asOf.slice(0, 7) && (i.closedOn === null || i.closedOn > asOf);

export function checkInspection(s: InspectionState, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  if (s.decisionOn !== null && s.decisionOn > today)
    problem("decisionOn", `Beslutsdatumet ${s.decisionOn} ligger i framtiden.`);
  if (s.decisionOn !== null && s.decisionOn.slice(0, 7) < s.month) {
    problem("decisionOn", `Beslutet ${s.decisionOn} kan inte komma före tillsynen (${s.month}).`);
  }
  if ((s.yttrandeLagrum === null) !== (s.yttrandeDueOn === null)) {
    problem(
      s.yttrandeLagrum === null ? "yttrandeLagrum" : "yttrandeDueOn",
      "Ett begärt yttrande behöver både lagrum och sista dag.",
    );
  }
  if (s.yttrandeRepliedOn !== null) {
    if (s.yttrandeDueOn === null) problem("yttrandeRepliedOn", "Inget yttrande är begärt.");
    if (s.yttrandeRepliedOn > today) problem("yttrandeRepliedOn", `Datumet ${s.yttrandeRepliedOn} ligger i framtiden.`);
  }
  if (s.closedOn !== null) {
    if (s.closedOn > today) problem("closedOn", `Datumet ${s.closedOn} ligger i framtiden.`);
    if (s.closedOn.slice(0, 7) < s.month) {
      problem("closedOn", `Tillsynen kan inte avslutas ${s.closedOn}, före tillsynen (${s.month}).`);
    }
  }
  if (s.status === "avslutad" && s.yttrandeDueOn !== null && s.yttrandeRepliedOn === null) {
    problem("status", "Tillsynen kan inte avslutas medan ett begärt yttrande är obesvarat.");
  }
  return problems;
}

/**
 * A tillsyn concerns a unit, not a person, but IVO's findings are copied in as free text where a personnummer
 * can slip in: it is masked, and the answer says so.
 */
export function maskFindings(findings: string | null): { findings: string | null; warnings: string[] } {
  if (findings === null) return { findings, warnings: [] };
  const masked = maskPersonnummer(findings);
  return {
    findings: masked.text,
    warnings:
      masked.count > 0
        ? ["Ett personnummer maskerades i iakttagelserna. En tillsyn gäller enheten: skriv aldrig personnummer i den."]
        : [],
  };
}
