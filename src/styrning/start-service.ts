// Styrning's items on the start page: indicators still without values for the goal model's year, and
// activities left open after their end date in the plans under the node, and open uppdrag that report back
// this month or next.
import type { Actor } from "../platform/auth/access.ts";
import { addMonths, todayInSweden } from "../platform/calendar.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { formatCount } from "../platform/i18n/format.ts";
import type { StartItem } from "../platform/start-item.ts";
import { lateIfAny, warningIfAny } from "../platform/start-item.ts";
import { requireStyrningRead } from "./access.ts";
import * as repo from "./repository.ts";
import type { StyrningDB } from "./tables.ts";
import { countUppdragReportingIn } from "./uppdrag-repository.ts";
import type { ActivityStatus } from "./vocabulary.ts";

const openActivity: readonly ActivityStatus[] = ["ej_paborjad", "pagar"];

/**
 * Needs styrning's read rule on the node (a unit's reader also reads the nämnd's goals above it). The
 * goal model is the latest one held on the node or above it.
 */
export async function startItemsFor(
  db: DbOf<StyrningDB>,
  actor: Actor,
  orgNodeId: string,
  today = todayInSweden(),
): Promise<StartItem[]> {
  const node = await requireStyrningRead(db, actor, orgNodeId);
  const model = await repo.latestModelAmong(db, node.path.split("/").filter(Boolean));
  if (!model) return [];
  const missing = await repo.countIndicatorsWithoutValues(db, model.id, model.year);
  const overdue = await repo.countOverdueActivities(db, node.path, today, openActivity);
  const months = [today.slice(0, 7), addMonths(today, 1).slice(0, 7)];
  const reporting = await countUppdragReportingIn(db, node.path, months);
  return [
    {
      key: "styrning.missing-values",
      label: `Värden saknas för ${model.year} på ${formatCount(missing, "indikator", "indikatorer")}`,
      count: missing,
      figure: null,
      href: `/styrning/varden?ar=${model.year}`,
      tone: warningIfAny(missing),
    },
    {
      key: "styrning.activities-overdue",
      label: `${formatCount(overdue, "aktivitet", "aktiviteter")} pågår efter sitt slutdatum`,
      count: overdue,
      figure: null,
      href: `/styrning/aktiviteter?ar=${model.year}&visa=forsenade`,
      tone: lateIfAny(overdue),
    },
    {
      key: "styrning.uppdrag-report-back",
      label: `${formatCount(reporting, "uppdrag", "uppdrag")} ska återrapporteras denna eller nästa månad`,
      count: reporting,
      figure: null,
      href: `/styrning/uppdrag?ar=${today.slice(0, 4)}`,
      tone: warningIfAny(reporting),
    },
  ];
}
