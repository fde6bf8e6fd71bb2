// Nämnd's deadlines for reminders and calendars: answers to revisionsgranskningar and the bodies' meetings.
// References are the diarienummer and the body's name; titles and attendees are never read.
import { addDays } from "../platform/calendar.ts";
import type { DbOf } from "../platform/db/schema.ts";
import type { Deadline } from "../platform/reminders/deadline.ts";
import { meetingsFrom, unrepliedAudits } from "./reminders-repository.ts";
import type { NamndDB } from "./tables.ts";

/** How long before the last day of an answer the secretaries are reminded. */
export const AUDIT_REPLY_NOTICE_DAYS = 14;
/** How long before a meeting its members and secretaries are reminded. */
export const MEETING_NOTICE_DAYS = 7;
/** How far back a calendar shows past meetings. */
const PAST_MEETING_DAYS = 90;

export async function deadlinesFor(db: DbOf<NamndDB>, asOf: string): Promise<Deadline[]> {
  const deadlines: Deadline[] = [];
  for (const a of await unrepliedAudits(db)) {
    deadlines.push({
      kind: "namnd.audit-reply",
      title: "Svar på revisionsgranskning ska lämnas",
      recordKey: `${a.id}:${a.reply_deadline}`,
      reference: a.diarienummer,
      nodePath: a.path,
      due: a.reply_deadline,
      remindFrom: addDays(a.reply_deadline, -AUDIT_REPLY_NOTICE_DAYS),
      remindUntil: null,
      href: `/namnd/uppfoljning/revision/${a.id}`,
      permission: "read",
      owners: ["namndsekreterare"],
    });
  }
  for (const m of await meetingsFrom(db, addDays(asOf, -PAST_MEETING_DAYS))) {
    deadlines.push({
      kind: "namnd.meeting",
      title: "Sammanträde",
      // A moved meeting is a new reminder.
      recordKey: `${m.id}:${m.meeting_date}`,
      reference: m.body,
      nodePath: m.path,
      due: m.meeting_date,
      remindFrom: addDays(m.meeting_date, -MEETING_NOTICE_DAYS),
      remindUntil: m.meeting_date,
      href: `/namnd/sammantraden/${m.id}`,
      permission: "read",
      owners: ["namndsekreterare", "fortroendevald"],
    });
  }
  return deadlines;
}
