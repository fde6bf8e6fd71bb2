// The quarter report in SQL over the stored waits (evb_wait): its lines counted by group, and the keys of one
// page of each of its lists in the list's order. No row per line leaves SQL beyond the pages asked for.

import { sql } from "kysely";
import type { DbOf } from "../platform/db/schema.ts";
import type { EpisodeKind, ReportKind } from "./clock.ts";
import type { Law } from "./report.ts";
import { bandIndexOn, reportKindIn, subquery } from "./repository.ts";
import type { EvbDB } from "./tables.ts";

type Db = DbOf<EvbDB>;
type Period = { start: string; end: string };

/**
 * The waits under `path` the quarter's report carries, with the report kind and the days since the decision
 * to the wait's end in the quarter or its last day: from what each wait stores of its decision (0320),
 * without joining the decisions.
 */
function reportedWaits(db: Db, path: string, period: Period) {
  return db
    .selectFrom("evb_wait as w")
    .innerJoin("org_node as n", "n.id", "w.org_node_id")
    .where("n.path", "like", `${path}%`)
    .where("w.start_date", "<=", period.end)
    .where((eb) => eb.or([eb("w.end_date", "is", null), eb("w.end_date", ">=", period.start)]))
    .where(sql<boolean>`${reportKindIn(period)} IS NOT NULL`)
    .select([
      reportKindIn(period).as("report_kind"),
      sql<number>`(CASE WHEN w.end_date <= ${period.end} THEN w.end_date ELSE ${period.end}::date END)
                   - w.decision_date`.as("days_since_decision"),
    ]);
}

/**
 * The report's lines under `path` counted by report.ts ReportGroup's dimensions: one GROUP BY, over ids and
 * small values (sorting by names costs a collation per comparison), named afterwards.
 */
export async function reportGroups(db: Db, path: string, period: Period) {
  const lines = reportedWaits(subquery(db), path, period).select([
    "w.kind as type",
    "w.insats_id",
    "w.org_node_id",
    "w.sex",
    bandIndexOn(period.end).as("band"),
    "w.reason_code_id",
  ]);
  const dimensions = ["report_kind", "type", "insats_id", "org_node_id", "sex", "band", "reason_code_id"] as const;
  const counted = subquery(db)
    .selectFrom(lines.as("l"))
    .select((eb) => [
      ...dimensions,
      eb.fn.countAll<string>().as("count"),
      eb.fn.sum<string>("days_since_decision").as("days_sum"),
      eb.fn.max("days_since_decision").as("days_max"),
    ])
    .groupBy([...dimensions]);
  const rows = await db
    .selectFrom(counted.as("g"))
    .innerJoin("evb_insats as i", "i.id", "g.insats_id")
    .innerJoin("org_node as n", "n.id", "g.org_node_id")
    .leftJoin("evb_code as c", "c.id", "g.reason_code_id")
    .select([
      "g.report_kind",
      "g.type",
      "i.law",
      "i.name as insats",
      "i.lagrum",
      "n.name as unit",
      "g.sex",
      "g.band",
      "c.code as reason_code",
      "c.label as reason_label",
      "g.count",
      "g.days_sum",
      "g.days_max",
    ])
    .execute();
  // Units or insatser that share a name give rows of their own; the report adds them up by name.
  return rows.map((r) => ({
    kind: r.report_kind as ReportKind,
    type: r.type,
    law: r.law as Law,
    insats: r.insats,
    lagrum: r.lagrum,
    unit: r.unit,
    sex: r.sex,
    band: Number(r.band),
    reasonCode: r.reason_code,
    reasonLabel: r.reason_label,
    count: Number(r.count),
    daysSinceDecisionSum: Number(r.days_sum),
    daysSinceDecisionMax: Number(r.days_max),
  }));
}

export type ReportList = "ivo" | "committee" | "openRows" | "finishedRows";

export type ReportPages = {
  limit: number;
  /** The first line of the page of the IVO list, the committee's tables, and the KF rows of the open and the finished. */
  offsets: Record<ReportList, number>;
};

/**
 * The keys (decision, wait kind, wait start) of one page of each of the report's lists, in one statement and
 * in each list's order (report.ts quarterReport): the reported waits read once, with the ranks of their kind,
 * unit and insats; then per list the page by ORDER BY … LIMIT, which PostgreSQL sorts keeping only the rows up
 * to the page's end. `order` gives the units and the insatser in the report's (Swedish alphabetical) order,
 * which SQL collations do not.
 */
export async function reportLinePages(
  db: Db,
  path: string,
  period: Period,
  order: { units: string[]; insatser: string[] },
  pages: ReportPages,
) {
  // The register's order of the lines' decisions, then the decision's waits in time (beslut first).
  const registerOrder = sql`decision_date, person_id, decision_id, type = 'avbrott', start_date`;
  const byInsats = sql`law, insats_rank, days_since_decision DESC, kind_rank, unit_rank, ${registerOrder}`;
  const lists: [ReportList, where: ReturnType<typeof sql>, orderBy: ReturnType<typeof sql>][] = [
    ["ivo", sql`true`, sql`kind_rank, unit_rank, ${registerOrder}`],
    ["committee", sql`true`, sql`unit_rank, finished, decision_date, kind_rank, ${registerOrder}`],
    ["openRows", sql`NOT finished`, byInsats],
    ["finishedRows", sql`finished`, byInsats],
  ];
  const branches = lists.map(
    ([list, where, orderBy]) => sql`
      SELECT ${list}::text AS list, decision_id, type, start_date, row_number() OVER () AS position
      FROM (SELECT * FROM l WHERE ${where} ORDER BY ${orderBy} LIMIT ${pages.limit} OFFSET ${pages.offsets[list]}) page`,
  );
  const { rows } = await sql<{ list: ReportList; decision_id: string; type: EpisodeKind; start_date: string }>`
    WITH l AS MATERIALIZED (
      SELECT r.decision_id, r.kind AS type, r.start_date, r.decision_date, r.person_id, i.law, r.days_since_decision,
             array_position(ARRAY['ny','aterrapportering','verkstalld','avslutad'], r.report_kind) AS kind_rank,
             r.report_kind IN ('verkstalld','avslutad') AS finished, u.rank AS unit_rank, s.rank AS insats_rank
      FROM (${reportedWaits(subquery(db), path, period).select(["w.decision_id", "w.kind", "w.start_date", "w.decision_date", "w.person_id", "w.insats_id", "n.name as unit"])}) r
      JOIN evb_insats i ON i.id = r.insats_id
      JOIN unnest(${order.units}::text[]) WITH ORDINALITY u(name, rank) ON u.name = r.unit
      JOIN unnest(${order.insatser}::text[]) WITH ORDINALITY s(name, rank) ON s.name = i.name
    )
    ${sql.join(branches, sql` UNION ALL `)}
    ORDER BY list, position`.execute(db);
  const page = (list: ReportList) =>
    rows.filter((r) => r.list === list).map((r) => ({ decisionId: r.decision_id, type: r.type, start: r.start_date }));
  return {
    ivo: page("ivo"),
    committee: page("committee"),
    openRows: page("openRows"),
    finishedRows: page("finishedRows"),
  };
}
