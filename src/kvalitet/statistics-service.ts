import { kommunIdOf, nodesOfKindUnder, nodesUnder } from "../organisation/index.ts";
import type { Actor } from "../platform/auth/access.ts";
import { todayInSweden } from "../platform/calendar.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { read } from "../platform/service.ts";
import { complaintCounts } from "./klagomal/complaint-statistics-service.ts";
import { lexSarahStatistics } from "./lex-sarah/statistics-service.ts";
import * as repo from "./repository.ts";
import type { StatisticsQuery } from "./schema.ts";
import {
  byArea,
  byCode,
  byUnit,
  type CodeCount,
  openOlderThan,
  quartersOf,
  quietUnits,
  workByYear,
} from "./statistics.ts";
import type { KvalitetDB } from "./tables.ts";

type Db = DbOf<KvalitetDB>;

/** Years of arbetsmiljöhändelser shown beside the chosen one, for the trend. */
const WORK_YEARS = 3;

const totalOf = (rows: readonly { count: number }[]) => rows.reduce((n, r) => n + r.count, 0);

/**
 * Statistics for a node's subtree and a year, for anyone who may read the node: counts only, no free text,
 * so nothing here is logged. Avvikelser by quarter (of occurrence), verksamhetsområde, unit, type and cause;
 * open ones older than `openDays`; units with at most `quietMax`; arbetsmiljöhändelser apart, per year.
 */
export function statistics(db: Db, actor: Actor, q: StatisticsQuery) {
  return read(db, actor, "read", q.orgNodeId, async ({ db, node }) => {
    const kommunId = kommunIdOf(node.path);
    const asOf = q.asOf ?? todayInSweden();
    const year = q.year ?? (await repo.latestYear(db, node.path)) ?? Number(asOf.slice(0, 4));
    const yearEnd = `${year}-12-31`;
    // In the organisation's order, as the units and areas are listed.
    const nodes = (await nodesUnder(db, [node.path])).sort((a, b) => a.sort_order - b.sort_order);
    // Areas under the node, or the one the node lies in.
    const areas = (await nodesOfKindUnder(db, [`/${kommunId}/`], ["verksamhetsomrade"])).filter(
      (a) => a.path.startsWith(node.path) || node.path.startsWith(a.path),
    );
    const [types, causes] = [await repo.typesOf(db, kommunId), await repo.causesOf(db, kommunId)];
    const events = await repo.eventCounts(db, node.path, year);
    const typeCounts = await repo.listCounts(db, "type", node.path, year);
    const causeCounts = await repo.listCounts(db, "cause", node.path, year);
    const previousEvents = await repo.eventCounts(db, node.path, year - 1);
    const previousTypes = await repo.listCounts(db, "type", node.path, year - 1);
    const previousCauses = await repo.listCounts(db, "cause", node.path, year - 1);
    const units = byUnit(areas, nodes, events);
    const withPrevious = (
      rows: CodeCount[],
      previous: CodeCount[],
      listed: readonly { code: string; name: string }[],
    ) => byCode(rows, listed).map((c) => ({ ...c, previousYear: totalOf(previous.filter((p) => p.code === c.code)) }));

    return {
      organisation: { id: node.id, name: node.name },
      year: year,
      asOf,
      avvikelser: {
        total: totalOf(events),
        previousYearTotal: totalOf(previousEvents),
        byQuarter: quartersOf(events),
        openAtYearEnd: totalOf(await repo.openCounts(db, node.path, yearEnd < asOf ? yearEnd : asOf)),
        byArea: byArea(areas, nodes, events, typeCounts, causeCounts),
        byUnit: units,
        byType: withPrevious(typeCounts, previousTypes, types).map((t) => ({
          ...t,
          group: types.find((x) => x.code === t.code)?.type_group ?? "ovrigt",
        })),
        byCause: withPrevious(causeCounts, previousCauses, causes),
      },
      openOlderThan: openOlderThan(await repo.openCounts(db, node.path, asOf), nodes, asOf, q.openDays),
      quietUnits: { max: q.quietMax, units: quietUnits(units, q.quietMax) },
      arbetsmiljo: workByYear(
        await repo.workCounts(db, node.path, year - WORK_YEARS + 1, year),
        year - WORK_YEARS + 1,
        year,
      ),
      klagomal: await complaintCounts(db, node, year, asOf),
      lexSarah: await lexSarahStatistics(db, node.path, year, areas, nodes),
    };
  });
}
