import { nodesUnder } from "../../organisation/index.ts";
import type { Actor } from "../../platform/auth/access.ts";
import { todayInSweden } from "../../platform/calendar.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { read, type ServiceNode } from "../../platform/service.ts";
import type { KvalitetDB } from "../tables.ts";
import * as repo from "./repository.ts";
import type { ComplaintStatisticsQuery } from "./schema.ts";
import { type Counted, complaintStatisticsOf } from "./statistics.ts";

type Db = DbOf<KvalitetDB>;

const counted = (db: Db, under: string, year: number) => countedBetween(db, under, `${year}-01-01`, `${year}-12-31`);

/**
 * What the statistics count of each synpunkt under the node received from `from` to `to` (both included):
 * no free text. The caller has checked `read` on the node; Kvalitet's joint view counts the period with it.
 */
export async function countedBetween(db: Db, under: string, from: string, to: string): Promise<Counted[]> {
  return (await repo.countedBetween(db, under, from, to)).map((r) => ({
    orgNodeId: r.org_node_id,
    receivedOn: r.received_on,
    channel: r.channel,
    type: r.complaint_type,
    category: r.category,
    anonymous: r.anonymous,
    political: r.political,
    acknowledgedOn: r.acknowledged_on,
    answeredOn: r.answered_on,
  }));
}

/**
 * The year's synpunkter under a node whose access the caller has checked: counts only, no free text, so
 * nothing is logged. Kvalitet's statistics (and `lots kvalitet statistik`) include it as their klagomål part.
 */
export async function complaintCounts(db: Db, node: Pick<ServiceNode, "path">, year: number, asOf: string) {
  const units = await nodesUnder(db, [node.path]);
  return complaintStatisticsOf(await counted(db, node.path, year), await counted(db, node.path, year - 1), units, asOf);
}

/** Synpunkter statistics for anyone who may read the node. */
export function complaintStatistics(db: Db, actor: Actor, q: ComplaintStatisticsQuery) {
  return read(db, actor, "read", q.orgNodeId, async ({ db, node }) => {
    const asOf = q.asOf ?? todayInSweden();
    const year = q.year ?? (await repo.latestYear(db, node.path)) ?? Number(asOf.slice(0, 4));
    return {
      organisation: { id: node.id, name: node.name },
      year,
      asOf,
      ...(await complaintCounts(db, node, year, asOf)),
    };
  });
}
