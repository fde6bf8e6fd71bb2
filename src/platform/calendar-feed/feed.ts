// A user's deadlines as an iCalendar feed: one all-day event per deadline. Pure. The events carry the
// deadline's Swedish title, its non-personal reference and a link, nothing else.
import ical from "ical-generator";
import { addDays } from "../calendar.ts";
import { type Deadline, reminderKey } from "../reminders/deadline.ts";
import { absoluteUrl } from "../reminders/message.ts";

export const CALENDAR_NAME = "Lots – möten och tidsfrister";

export function calendarText(deadlines: readonly Deadline[], publicUrl: string, host: string): string {
  const calendar = ical({ name: CALENDAR_NAME, prodId: { company: "Lots", product: "Lots", language: "SV" } });
  for (const d of deadlines.toSorted(
    (a, b) => a.due.localeCompare(b.due) || reminderKey(a).localeCompare(reminderKey(b)),
  )) {
    const url = absoluteUrl(publicUrl, d.href);
    calendar.createEvent({
      id: `${reminderKey(d)}@${host}`,
      // Date-only values: the day itself, whatever the reader's time zone.
      start: d.due,
      end: addDays(d.due, 1),
      allDay: true,
      summary: d.reference ? `${d.title} – ${d.reference}` : d.title,
      description: url,
      url,
    });
  }
  return calendar.toString();
}
