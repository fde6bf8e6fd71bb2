// Styrning's deadlines for reminders and calendars: an open uppdrag's report-back month. The mail says only
// "Uppdrag ska återrapporteras" with the uppdrag's code; the title stays in Lots behind the link.
import { addDays, daysInMonth } from "../platform/calendar.ts";
import type { DbOf } from "../platform/db/schema.ts";
import type { Deadline } from "../platform/reminders/deadline.ts";
import { openUppdragReportingBack } from "./reminders-repository.ts";
import type { StyrningDB } from "./tables.ts";

/** How long before the report-back month begins its owners are reminded. */
export const REPORT_BACK_NOTICE_DAYS = 14;

export async function deadlinesFor(db: DbOf<StyrningDB>, _asOf: string): Promise<Deadline[]> {
  return (await openUppdragReportingBack(db)).map((u) => {
    const month = u.report_month as string;
    const [year, monthNumber] = month.split("-").map(Number) as [number, number];
    return {
      kind: "styrning.uppdrag-report-back",
      title: "Uppdrag ska återrapporteras",
      // A report-back moved to another month is a new reminder.
      recordKey: `${u.id}:${month}`,
      reference: u.code,
      nodePath: u.owner_path ?? u.path,
      due: `${month}-${String(daysInMonth(year, monthNumber)).padStart(2, "0")}`,
      remindFrom: addDays(`${month}-01`, -REPORT_BACK_NOTICE_DAYS),
      // Until it is reported back (done or cancelled), however late.
      remindUntil: null,
      href: `/styrning/uppdrag?ar=${u.year}`,
      permission: "read",
      owners: ["controller", "enhetschef"],
    };
  });
}
