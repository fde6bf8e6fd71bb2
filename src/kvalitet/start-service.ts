// Kvalitet's items on the start page: händelser to classify, open lex Sarah cases, synpunkter answered
// late and overdue åtgärder, counted under the node.
import { type Actor, can } from "../platform/auth/access.ts";
import { todayInSweden } from "../platform/calendar.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { formatCount } from "../platform/i18n/format.ts";
import { read } from "../platform/service.ts";
import { lateIfAny, type StartItem } from "../platform/start-item.ts";
import { countUnansweredStartedBefore } from "./klagomal/repository.ts";
import { ANSWER_DAYS } from "./klagomal/rules.ts";
import { countOverdueAtgarder } from "./kvalitetsplan/repository.ts";
import { closedStatuses } from "./kvalitetsplan/vocabulary.ts";
import { countOpenCases } from "./lex-sarah/repository.ts";
import { countEventsWithStatus } from "./repository.ts";
import { lateIfStartedBefore } from "./start.ts";
import type { KvalitetDB } from "./tables.ts";

/**
 * Needs `read` on the node, like the kvalitetsplan whose overdue åtgärder everyone may see. The counts of
 * the sensitive registers (händelser, lex Sarah, synpunkter) are for readers with read:kvalitet there.
 */
export function startItemsFor(
  db: DbOf<KvalitetDB>,
  actor: Actor,
  orgNodeId: string,
  today = todayInSweden(),
): Promise<StartItem[]> {
  return read(db, actor, "read", orgNodeId, async ({ db, node }) => {
    const items: StartItem[] = [];
    if (can(actor, "read:kvalitet", node.path)) {
      const toClassify = await countEventsWithStatus(db, node.path, "rapporterad");
      const openCases = await countOpenCases(db, node.path);
      const late = await countUnansweredStartedBefore(db, node.path, lateIfStartedBefore(today));
      items.push(
        {
          key: "kvalitet.events-to-classify",
          label: `${formatCount(toClassify, "händelse", "händelser")} att klassificera`,
          count: toClassify,
          figure: null,
          href: "/kvalitet/handelser",
          tone: toClassify > 0 ? "warning" : "info",
        },
        {
          key: "kvalitet.lex-sarah-open",
          label: `${formatCount(openCases, "lex Sarah-ärende", "lex Sarah-ärenden")} under utredning`,
          count: openCases,
          figure: null,
          href: "/kvalitet/lex-sarah",
          tone: "info",
        },
        {
          key: "kvalitet.complaints-late",
          label: `${formatCount(late, "synpunkt obesvarad", "synpunkter obesvarade")} efter ${formatCount(ANSWER_DAYS, "dag", "dagar")}`,
          count: late,
          figure: null,
          href: "/kvalitet/klagomal",
          tone: lateIfAny(late),
        },
      );
    }
    const overdue = await countOverdueAtgarder(db, node.path, today, closedStatuses);
    items.push({
      key: "kvalitet.atgarder-overdue",
      label: `${formatCount(overdue, "åtgärd", "åtgärder")} har passerat sitt slutdatum`,
      count: overdue,
      figure: null,
      href: "/kvalitet/kvalitetsplan/atgarder",
      tone: lateIfAny(overdue),
    });
    return items;
  });
}
