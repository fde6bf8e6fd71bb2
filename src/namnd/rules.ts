// The rules for a case (ärende), checked on its whole proposed state before any write (HTTP, import). Pure;
// messages in Swedish, keyed by the API's field names.
//
// Status flow: a case is registered öppet. It may be set vilande (waiting on someone else: a court, a
// ministry, Socialstyrelsen) and öppet again. It is avslutat with a closing date, on or after the day it was
// registered and not in the future; reopening (öppet or vilande) clears the closing date.

import type { FieldProblem } from "../platform/validation.ts";
import type { CaseStatus } from "./vocabulary.ts";

export type CaseState = {
  title: string;
  registeredOn: string;
  receivedOn: string | null;
  status: CaseStatus;
  closedOn: string | null;
};

export function checkCase(c: CaseState, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  if (c.title.trim() === "") add("title", "Ange ärendets rubrik.");
  if (c.receivedOn !== null) {
    if (c.receivedOn > today) add("receivedOn", "Ett ärende kan inte ha kommit in i framtiden.");
    else if (c.receivedOn > c.registeredOn) {
      add("receivedOn", `Ärendet registrerades ${c.registeredOn}; det kan inte ha kommit in senare.`);
    }
  }
  if (c.status === "avslutat") {
    if (c.closedOn === null) add("closedOn", "Ange datum då ärendet avslutades.");
    else if (c.closedOn > today) add("closedOn", "Ett ärende kan inte avslutas i framtiden.");
    else if (c.closedOn < c.registeredOn)
      add("closedOn", `Ärendet registrerades ${c.registeredOn}, avslut kan inte ske före.`);
  } else if (c.closedOn !== null) {
    add("closedOn", "Bara ett avslutat ärende har avslutsdatum; sätt status avslutat eller ta bort datumet.");
  }
  return problems;
}

/** Links are symmetric and stored once, the smaller id first; a case is never linked to itself. */
export function linkPair(a: string, b: string): { case_id: string; linked_id: string } | null {
  if (a === b) return null;
  return a < b ? { case_id: a, linked_id: b } : { case_id: b, linked_id: a };
}
