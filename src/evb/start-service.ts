// EVB's items on the start page: decisions past three months and those about to pass, under the node.
import { type Actor, can } from "../platform/auth/access.ts";
import { todayInSweden } from "../platform/calendar.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { formatCount, formatNumber } from "../platform/i18n/format.ts";
import { read } from "../platform/service.ts";
import { type StartItem, warningIfAny } from "../platform/start-item.ts";
import { EARLY_WARNING_DAYS } from "./clock.ts";
import { suppressGroup } from "./report.ts";
import * as repo from "./repository.ts";
import { evbStartCounts } from "./start.ts";
import type { EvbDB } from "./tables.ts";

/**
 * Needs `read` on the node. Readers with read:personal there (who register and execute the decisions) get
 * both counts; others get the reportable count with a small one withheld, as in the aggregated dashboard.
 */
export function startItemsFor(
  db: DbOf<EvbDB>,
  actor: Actor,
  orgNodeId: string,
  asOf = todayInSweden(),
): Promise<StartItem[]> {
  return read(db, actor, "read", orgNodeId, async ({ db, node }) => {
    const counts = evbStartCounts(await repo.openClockFacts(db, node.path, asOf), asOf);
    // Readers of the register get links to it, filtered; others the aggregated dashboard.
    const reportable = (count: number | null, href: string): StartItem => ({
      key: "evb.reportable",
      label:
        count === null
          ? "Färre än 3 rapporteringspliktiga beslut"
          : formatCount(count, "rapporteringspliktigt beslut", "rapporteringspliktiga beslut"),
      count,
      figure: null,
      href,
      // A withheld count is 1 or 2: late all the same.
      tone: count === 0 ? "info" : "late",
    });
    if (!can(actor, "read:personal", node.path))
      return [reportable(suppressGroup([counts.reportable])[0] ?? null, "/evb")];
    return [
      reportable(counts.reportable, "/evb/register?status=rapporteringspliktiga"),
      {
        key: "evb.soon-reportable",
        label: `${formatNumber(counts.soonReportable)} passerar tre månader inom ${formatCount(EARLY_WARNING_DAYS, "dag", "dagar")}`,
        count: counts.soonReportable,
        figure: null,
        href: "/evb/register?status=snart",
        tone: warningIfAny(counts.soonReportable),
      },
    ];
  });
}
