// The quarter report in SQL over the stored waits (evb_wait): its lines counted by group, and the keys of one
// page of each of its lists in the list's order. No row per line leaves SQL beyond the pages asked for.

import { sql } from "kysely";
import type { DbOf } from "../platform/db/schema.ts";
import type { EpisodeKind, ReportKind } from "./clock.ts";
import type { Law } from "./report.ts";
import { bandIndexOn, reportKindIn } from "./repository.ts";
import type { EvbDB } from "./tables.ts";

type Db = DbOf<EvbDB>;
type Period = { start: string; end: string };

/**
 * The waits under `path` the quarter's report carries, with the report kind, the decision, insats and unit,
 * the reason (the interruption's own, if it gives one, else the decision's) and the days since the decision
 * to the wait's end in the quarter or its last day.
 */
function reportedWaits(db: Db, path: string, period: Period) {
  return db
    .selectFrom("evb_wait as w")
    .innerJoin("org_node as n", "n.id", "w.org_node_id")
    .innerJoin("evb_decision as d", "d.id", "w.decision_id")
    .innerJoin("evb_insats as i", "i.id", "d.insats_id")
    .leftJoin("evb_interruption as x", (j) =>
      j
        .onRef("x.decision_id", "=", "w.decision_id")
        .onRef("x.start_date", "=", "w.start_date")
        .on("w.kind", "=", "avbrott"),
    )
    .leftJoin("evb_code as xc", "xc.id", "x.reason_code_id")
    .leftJoin("evb_code as dc", "dc.id", "d.delay_code_id")
    .where("n.path", "like", `${path}%`)
    .where("w.start_date", "<=", period.end)
    .where((eb) => eb.or([eb("w.end_date", "is", null), eb("w.end_date", ">=", period.start)]))
    .where(sql<boolean>`${reportKindIn(period)} IS NOT NULL`)
    .select([
      reportKindIn(period).as("report_kind"),
      "w.kind as type",
      "i.law",
      "i.name as insats",
      "i.lagrum",
      "n.name as unit",
      "d.sex",
      bandIndexOn(period.end).as("band"),
      sql<string | null>`CASE WHEN ${ownReason} THEN xc.code ELSE dc.code END`.as("reason_code"),
      sql<string | null>`CASE WHEN ${ownReason} THEN xc.label ELSE dc.label END`.as("reason_label"),
      sql<number>`(CASE WHEN w.end_date <= ${period.end} THEN w.end_date ELSE ${period.end}::date END)
                   - d.decision_date`.as("days_since_decision"),
    ]);
}

/**
 * A builder for a subquery: plugins transform the statement it ends up in as a whole, so they are left off
 * here (else they would see it once more, as if it were a statement of its own).
 */
const subquery = (db: Db) => db.withoutPlugins();

/** The interruption gives a reason of its own (report.ts reasonOf): a code, or text. */
const ownReason = sql`(x.reason_code_id IS NOT NULL OR coalesce(x.reason_text, '') <> '')`;

/** The report's lines under `path` counted by report.ts ReportGroup's dimensions: one GROUP BY. */
export async function reportGroups(db: Db, path: string, period: Period) {
  const rows = await db
    .selectFrom(reportedWaits(subquery(db), path, period).as("l"))
    .select((eb) => [
      "l.report_kind",
      "l.type",
      "l.law",
      "l.insats",
      "l.lagrum",
      "l.unit",
      "l.sex",
      "l.band",
      "l.reason_code",
      "l.reason_label",
      eb.fn.countAll<string>().as("count"),
      eb.fn.sum<string>("l.days_since_decision").as("days_sum"),
      eb.fn.max("l.days_since_decision").as("days_max"),
    ])
    .groupBy([
      "l.report_kind",
      "l.type",
      "l.law",
      "l.insats",
      "l.lagrum",
      "l.unit",
      "l.sex",
      "l.band",
      "l.reason_code",
      "l.reason_label",
    ])
    .execute();
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

export type ReportPages = {
  limit: number;
  /** The first line of the page of the IVO list, the committee's tables, and the KF rows of the open and the finished. */
  offsets: Record<"ivo" | "committee" | "openRows" | "finishedRows", number>;
};

/**
 * The keys (decision, wait kind, wait start) of one page of each of the report's lists, in one statement:
 * the lines numbered in each list's order (report.ts quarterReport), the pages' numbers kept. `order` gives
 * the units and the insatser in the report's (Swedish alphabetical) order, which SQL collations do not.
 */
export async function reportLinePages(
  db: Db,
  path: string,
  period: Period,
  order: { units: string[]; insatser: string[] },
  pages: ReportPages,
) {
  const kindOrder = sql`array_position(ARRAY['ny','aterrapportering','verkstalld','avslutad'], l.report_kind)`;
  const unitRank = sql`array_position(${order.units}::text[], l.unit)`;
  const insatsRank = sql`array_position(${order.insatser}::text[], l.insats)`;
  const finished = sql`l.report_kind IN ('verkstalld','avslutad')`;
  // The register's order of the lines' decisions, then the decision's waits in time (beslut first).
  const registerOrder = sql`l.decision_date, l.person_id, l.decision_id, l.type = 'avbrott', l.start_date`;
  const numbered = subquery(db)
    .selectFrom(
      reportedWaits(subquery(db), path, period)
        .select(["w.decision_id", "w.start_date", "d.decision_date", "d.person_id"])
        .as("l"),
    )
    .select([
      "l.decision_id",
      "l.type",
      "l.start_date",
      sql<boolean>`${finished}`.as("finished"),
      sql<string>`row_number() OVER (ORDER BY ${kindOrder}, ${unitRank}, ${registerOrder}) - 1`.as("ivo"),
      sql<string>`row_number() OVER (ORDER BY ${unitRank}, ${finished}, l.decision_date, ${kindOrder},
                                              ${unitRank}, ${registerOrder}) - 1`.as("committee"),
      sql<string>`row_number() OVER (PARTITION BY ${finished} ORDER BY l.law, ${insatsRank},
                    l.days_since_decision DESC, ${kindOrder}, ${unitRank}, ${registerOrder}) - 1`.as("kf"),
    ]);
  const within = (column: string, offset: number) =>
    sql<boolean>`${sql.ref(column)} >= ${offset} AND ${sql.ref(column)} < ${offset + pages.limit}`;
  const { offsets } = pages;
  const rows = await db
    .selectFrom(numbered.as("p"))
    .selectAll()
    .where((eb) =>
      eb.or([
        within("p.ivo", offsets.ivo),
        within("p.committee", offsets.committee),
        eb.and([eb("p.finished", "=", false), within("p.kf", offsets.openRows)]),
        eb.and([eb("p.finished", "=", true), within("p.kf", offsets.finishedRows)]),
      ]),
    )
    .execute();
  const page = (position: (r: (typeof rows)[number]) => number | null) =>
    rows
      .map((r) => ({ r, at: position(r) }))
      .filter((p): p is { r: (typeof rows)[number]; at: number } => p.at !== null)
      .sort((a, b) => a.at - b.at)
      .map(({ r }) => ({ decisionId: r.decision_id, type: r.type as EpisodeKind, start: r.start_date }));
  const at = (value: string, offset: number) => {
    const n = Number(value);
    return n >= offset && n < offset + pages.limit ? n : null;
  };
  return {
    ivo: page((r) => at(r.ivo, offsets.ivo)),
    committee: page((r) => at(r.committee, offsets.committee)),
    openRows: page((r) => (r.finished ? null : at(r.kf, offsets.openRows))),
    finishedRows: page((r) => (r.finished ? at(r.kf, offsets.finishedRows) : null)),
  };
}
