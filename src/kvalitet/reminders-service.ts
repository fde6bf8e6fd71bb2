// Kvalitet's deadlines for reminders and calendars: lex Sarah investigations open too long, synpunkter
// unanswered after the answer days, åtgärder drawing near their end date. Case numbers and diarienummer are
// the only references: gists, summaries and åtgärd texts may hold personal data and are never read.
import { addDays } from "../platform/calendar.ts";
import type { DbOf } from "../platform/db/schema.ts";
import type { Deadline } from "../platform/reminders/deadline.ts";
import { answerDueOn } from "./klagomal/rules.ts";
import { closedStatuses } from "./kvalitetsplan/vocabulary.ts";
import { formatCaseNumber } from "./lex-sarah/rules.ts";
import { openAtgarderWithDeadline, openLexSarahCases, unansweredComplaints } from "./reminders-repository.ts";
import type { KvalitetDB } from "./tables.ts";

/**
 * Law and sources set no day limit for an investigation; the joint view calls a record open too long after
 * 30 days (its default openDays), and the reminder follows it.
 */
export const LEX_SARAH_OPEN_DAYS = 30;
/** How long before an åtgärd's end date its owners are reminded. */
export const ATGARD_NOTICE_DAYS = 7;

export async function deadlinesFor(db: DbOf<KvalitetDB>, _asOf: string): Promise<Deadline[]> {
  const deadlines: Deadline[] = [];
  for (const c of await openLexSarahCases(db)) {
    const due = addDays(c.reported_on, LEX_SARAH_OPEN_DAYS);
    deadlines.push({
      kind: "kvalitet.lex-sarah-open",
      title: "Lex Sarah-utredning öppen längre än 30 dagar",
      recordKey: c.id,
      reference: formatCaseNumber(c.report_year, c.number),
      nodePath: c.path,
      due,
      remindFrom: addDays(due, 1),
      remindUntil: null,
      href: `/kvalitet/lex-sarah/${c.id}`,
      permission: "read:kvalitet",
      owners: ["kvalitet", "enhetschef"],
    });
  }
  for (const c of await unansweredComplaints(db)) {
    const due = answerDueOn({ receivedOn: c.received_on, acknowledgedOn: c.acknowledged_on });
    deadlines.push({
      kind: "kvalitet.complaint-unanswered",
      title: "Synpunkt obesvarad efter 10 dagar",
      // A later acknowledgement moves the last day: a new reminder then.
      recordKey: `${c.id}:${due}`,
      reference: c.dnr,
      nodePath: c.path,
      due,
      remindFrom: addDays(due, 1),
      remindUntil: null,
      href: `/kvalitet/klagomal/${c.id}`,
      permission: "read:kvalitet",
      owners: ["kvalitet", "enhetschef"],
    });
  }
  for (const a of await openAtgarderWithDeadline(db, closedStatuses)) {
    deadlines.push({
      kind: "kvalitet.atgard-due",
      title: "Åtgärd når sitt slutdatum",
      recordKey: `${a.id}:${a.deadline}`,
      reference: null,
      nodePath: a.path,
      due: a.deadline,
      remindFrom: addDays(a.deadline, -ATGARD_NOTICE_DAYS),
      remindUntil: null,
      href: "/kvalitet/kvalitetsplan/atgarder",
      permission: "read",
      owners: ["kvalitet", "enhetschef"],
    });
  }
  return deadlines;
}
