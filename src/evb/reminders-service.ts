// EVB's deadlines for reminders and calendars: each open wait's three-month date, without personal data (the
// mail and the feed say only "Beslut passerar tre månader" and link to the decision).
import { addDays } from "../platform/calendar.ts";
import type { DbOf } from "../platform/db/schema.ts";
import type { Deadline } from "../platform/reminders/deadline.ts";
import { clockAt, EARLY_WARNING_DAYS } from "./clock.ts";
import { openDecisions } from "./repository.ts";
import type { EvbDB } from "./tables.ts";

export async function deadlinesFor(db: DbOf<EvbDB>, asOf: string): Promise<Deadline[]> {
  const deadlines: Deadline[] = [];
  for (const decision of await openDecisions(db, "/", asOf)) {
    const open = clockAt(decision.facts, asOf).open;
    if (!open) continue;
    deadlines.push({
      kind: "evb.three-months",
      title: "Beslut passerar tre månader",
      // A new clock (an interruption) is a new reminder.
      recordKey: `${decision.id}:${open.start}`,
      reference: null,
      nodePath: decision.nodePath,
      due: open.deadline,
      // As the start page warns: from the early-warning days before it becomes reportable.
      remindFrom: addDays(open.overdueFrom, -EARLY_WARNING_DAYS),
      remindUntil: null,
      href: `/evb/register/${decision.id}`,
      permission: "read:personal",
      owners: ["handlaggare", "enhetschef"],
    });
  }
  return deadlines;
}
