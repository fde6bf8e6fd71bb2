// Rapporter's deadlines for reminders and calendars: chapters not klar by their deadline in reports not yet
// approved. The reference is the report's name and period; texts and writers are never read.
import { addDays } from "../platform/calendar.ts";
import type { DbOf } from "../platform/db/schema.ts";
import type { Deadline } from "../platform/reminders/deadline.ts";
import { openChapterDeadlines } from "./instances-repository.ts";
import { periodOf } from "./period.ts";
import type { RapporterDB } from "./tables.ts";

/** How long before a chapter's deadline the reminder goes out. */
export const CHAPTER_NOTICE_DAYS = 7;

export async function deadlinesFor(db: DbOf<RapporterDB>, _asOf: string): Promise<Deadline[]> {
  return (await openChapterDeadlines(db)).flatMap((c) =>
    c.deadline === null
      ? []
      : [
          {
            kind: "rapporter.chapter",
            title: "Kapitel i rapport ska vara klart",
            // A moved deadline is a new reminder.
            recordKey: `${c.id}:${c.deadline}`,
            reference: `${c.template_name} ${periodOf(c.period).label}, kapitel ${c.chapter}`,
            nodePath: c.path,
            due: c.deadline,
            remindFrom: addDays(c.deadline, -CHAPTER_NOTICE_DAYS),
            remindUntil: null,
            href: `/rapporter/${c.instance_id}`,
            permission: "read",
            // The approver coordinates the writers (a deadline names roles, not the writer).
            owners: ["controller"],
          } satisfies Deadline,
        ],
  );
}
