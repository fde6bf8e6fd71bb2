// Nämnd's items on the start page: the next sammanträde, the diarium's open cases and those the user handles.
import { type Actor, can } from "../platform/auth/access.ts";
import { todayInSweden } from "../platform/calendar.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { formatCount, formatDate } from "../platform/i18n/format.ts";
import { read } from "../platform/service.ts";
import type { StartItem } from "../platform/start-item.ts";
import * as repo from "./repository.ts";
import type { NamndDB } from "./tables.ts";

/** Needs `read` on the node; the diarium is the nämnd's, so the items are for readers of the nämnd at or above it. */
export function startItemsFor(
  db: DbOf<NamndDB>,
  actor: Actor,
  orgNodeId: string,
  today = todayInSweden(),
): Promise<StartItem[]> {
  return read(db, actor, "read", orgNodeId, async ({ db, node }) => {
    const namnd = await repo.namndOfPath(db, node.path);
    if (!namnd || !can(actor, "read", namnd.path)) return [];
    const { open, mine } = await repo.countOpenCases(db, namnd.id, actor.id);
    const meeting = await repo.nextMeeting(db, namnd.id, today);
    const next: StartItem[] = meeting
      ? [
          {
            key: "namnd.next-meeting",
            label: `Nästa sammanträde: ${meeting.body_name} ${formatDate(meeting.meeting_date)}${meeting.status === "planerat" ? ", kallelsen är inte skickad" : ""}`,
            count: null,
            figure: null,
            href: `/namnd/sammantraden/${meeting.id}`,
            // Not yet called: the kallelse is the work left before the meeting.
            tone: meeting.status === "planerat" ? "warning" : "info",
          },
        ]
      : [];
    return [
      ...next,
      {
        key: "namnd.my-cases",
        label: `${formatCount(mine, "öppet ärende", "öppna ärenden")} där du är handläggare`,
        count: mine,
        figure: null,
        href: `/namnd?status=oppet&handlerId=${actor.id}`,
        tone: mine > 0 ? "warning" : "info",
      },
      {
        key: "namnd.open-cases",
        label: `${formatCount(open, "öppet ärende", "öppna ärenden")} i diariet`,
        count: open,
        figure: null,
        href: "/namnd?status=oppet",
        tone: "info",
      },
    ];
  });
}
