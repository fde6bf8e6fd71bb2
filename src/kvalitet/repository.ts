import { sql } from "kysely";
import { forIds, type New } from "../platform/db/rows.ts";
import type { DbOf } from "../platform/db/schema.ts";
import type { KvalitetDB, KvalitetEventTable } from "./tables.ts";
import { type EventKind, type EventStatus, standardCauses, standardTypes, type TypeGroup } from "./vocabulary.ts";

type Db = DbOf<KvalitetDB>;

// ---------------------------------------------------------------- the kommun's lists

/** Adds the standard types and causes a kommun lacks; existing rows (maybe edited) are left alone. */
export async function installStandardLists(db: Db, kommunId: string): Promise<{ types: number; causes: number }> {
  const types = await db
    .insertInto("kvalitet_event_type")
    .values(
      standardTypes.map((t, index) => ({
        org_node_id: kommunId,
        code: t.code,
        name: t.name,
        type_group: t.group,
        sort_order: index,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .returning("id")
    .execute();
  const causes = await db
    .insertInto("kvalitet_cause")
    .values(
      standardCauses.map((c, index) => ({ org_node_id: kommunId, code: c.code, name: c.name, sort_order: index })),
    )
    .onConflict((oc) => oc.doNothing())
    .returning("id")
    .execute();
  return { types: types.length, causes: causes.length };
}

const typeColumns = ["id", "org_node_id", "code", "name", "type_group", "active", "sort_order"] as const;
const causeColumns = ["id", "org_node_id", "code", "name", "active", "sort_order"] as const;

export type TypeRow = Awaited<ReturnType<typeof typesOf>>[number];
export type CauseRow = Awaited<ReturnType<typeof causesOf>>[number];

export const typesOf = (db: Db, kommunId: string) =>
  db
    .selectFrom("kvalitet_event_type")
    .select(typeColumns)
    .where("org_node_id", "=", kommunId)
    .orderBy("sort_order")
    .orderBy("name")
    .execute();

export const causesOf = (db: Db, kommunId: string) =>
  db
    .selectFrom("kvalitet_cause")
    .select(causeColumns)
    .where("org_node_id", "=", kommunId)
    .orderBy("sort_order")
    .orderBy("name")
    .execute();

export const findType = (db: Db, id: string) =>
  db.selectFrom("kvalitet_event_type").select(typeColumns).where("id", "=", id).executeTakeFirst();

export const findCause = (db: Db, id: string) =>
  db.selectFrom("kvalitet_cause").select(causeColumns).where("id", "=", id).executeTakeFirst();

type ListValues = { org_node_id: string; code: string; name: string; active: boolean; sort_order: number };

export const insertType = (db: Db, values: ListValues & { type_group: TypeGroup }) =>
  db.insertInto("kvalitet_event_type").values(values).returning(typeColumns).executeTakeFirstOrThrow();

export const updateType = (
  db: Db,
  id: string,
  values: Partial<{ name: string; type_group: TypeGroup; active: boolean; sort_order: number }>,
) =>
  db
    .updateTable("kvalitet_event_type")
    .set(values)
    .where("id", "=", id)
    .returning(typeColumns)
    .executeTakeFirstOrThrow();

export const insertCause = (db: Db, values: ListValues) =>
  db.insertInto("kvalitet_cause").values(values).returning(causeColumns).executeTakeFirstOrThrow();

export const updateCause = (
  db: Db,
  id: string,
  values: Partial<{ name: string; active: boolean; sort_order: number }>,
) =>
  db.updateTable("kvalitet_cause").set(values).where("id", "=", id).returning(causeColumns).executeTakeFirstOrThrow();

// ---------------------------------------------------------------- händelser

const eventColumns = [
  "id",
  "org_node_id",
  "kind",
  "category",
  "occurred_on",
  "noticed_on",
  "reported_on",
  "what_happened",
  "immediate_action",
  "status",
  "investigation",
  "measures",
  "handled_on",
  "closed_on",
  "lex_sarah_on",
  "mas_on",
] as const;

export type EventRow = NonNullable<Awaited<ReturnType<typeof findEvent>>>;
export type EventValues = New<KvalitetDB, "kvalitet_event">;

export const findEvent = (db: Db, id: string) =>
  db.selectFrom("kvalitet_event").select(eventColumns).where("id", "=", id).executeTakeFirst();

/**
 * Inserts many händelser in one statement of column arrays (unnest), which a large import or the demo
 * needs: a multi-row VALUES list of thousands of rows is slow to build and to plan. The caller chooses ids.
 */
export async function insertEvents(db: Db, values: readonly (EventValues & { id: string })[]): Promise<void> {
  if (values.length === 0) return;
  const column = <K extends keyof EventValues | "id">(key: K) =>
    values.map((v) => (v as Record<string, unknown>)[key] ?? null);
  await sql`
    INSERT INTO kvalitet_event (id, org_node_id, kind, category, occurred_on, noticed_on, reported_on, what_happened,
      immediate_action, status, investigation, measures, handled_on, closed_on, lex_sarah_on, mas_on)
    SELECT * FROM unnest(${column("id")}::uuid[], ${column("org_node_id")}::uuid[], ${column("kind")}::text[],
      ${column("category")}::text[], ${column("occurred_on")}::date[], ${column("noticed_on")}::date[],
      ${column("reported_on")}::date[], ${column("what_happened")}::text[], ${column("immediate_action")}::text[],
      ${column("status")}::text[], ${column("investigation")}::text[], ${column("measures")}::text[],
      ${column("handled_on")}::date[], ${column("closed_on")}::date[], ${column("lex_sarah_on")}::date[], ${column("mas_on")}::date[])`.execute(
    db,
  );
}

export const updateEvent = (db: Db, id: string, values: Partial<Omit<EventValues, "kind">>) =>
  db.updateTable("kvalitet_event").set(values).where("id", "=", id).returning(eventColumns).executeTakeFirstOrThrow();

export type Link = { event_id: string; list_id: string };

/** The chosen types of the händelser, as (event, type) pairs. */
export const typeLinksOf = (db: Db, eventIds: readonly string[]) =>
  forIds(eventIds, () =>
    db
      .selectFrom("kvalitet_event_type_link")
      .select(["event_id", "type_id as list_id"])
      .where("event_id", "in", eventIds)
      .execute(),
  );

export const causeLinksOf = (db: Db, eventIds: readonly string[]) =>
  forIds(eventIds, () =>
    db
      .selectFrom("kvalitet_event_cause_link")
      .select(["event_id", "cause_id as list_id"])
      .where("event_id", "in", eventIds)
      .execute(),
  );

/** Adds (event, type) pairs in one statement of two arrays. */
export async function insertTypeLinks(db: Db, links: readonly Link[]): Promise<void> {
  if (links.length === 0) return;
  await sql`
    INSERT INTO kvalitet_event_type_link (event_id, type_id)
    SELECT * FROM unnest(${links.map((l) => l.event_id)}::uuid[], ${links.map((l) => l.list_id)}::uuid[])`.execute(db);
}

/** Adds (event, cause) pairs in one statement of two arrays. */
export async function insertCauseLinks(db: Db, links: readonly Link[]): Promise<void> {
  if (links.length === 0) return;
  await sql`
    INSERT INTO kvalitet_event_cause_link (event_id, cause_id)
    SELECT * FROM unnest(${links.map((l) => l.event_id)}::uuid[], ${links.map((l) => l.list_id)}::uuid[])`.execute(db);
}

/** Replaces a händelse's chosen types and causes. */
export async function replaceLinks(db: Db, eventId: string, typeIds: readonly string[], causeIds: readonly string[]) {
  await db.deleteFrom("kvalitet_event_type_link").where("event_id", "=", eventId).execute();
  await db.deleteFrom("kvalitet_event_cause_link").where("event_id", "=", eventId).execute();
  await insertTypeLinks(
    db,
    typeIds.map((id) => ({ event_id: eventId, list_id: id })),
  );
  await insertCauseLinks(
    db,
    causeIds.map((id) => ({ event_id: eventId, list_id: id })),
  );
}

export type EventFilter = {
  under: string;
  kind?: EventKind;
  status?: EventStatus;
  typeId?: string;
  year?: number;
  /** Occurred from and to (both included). */
  periodStart?: string;
  periodEnd?: string;
  limit: number;
  offset: number;
};

/** A page of händelser under a node, newest report first, with the unit's name; and how many match in all. */
export async function listEvents(db: Db, f: EventFilter) {
  let query = db
    .selectFrom("kvalitet_event as e")
    .innerJoin("org_node as n", "n.id", "e.org_node_id")
    .where("n.path", "like", `${f.under}%`);
  if (f.kind) query = query.where("e.kind", "=", f.kind);
  if (f.status) query = query.where("e.status", "=", f.status);
  if (f.year)
    query = query.where("e.occurred_on", ">=", `${f.year}-01-01`).where("e.occurred_on", "<=", `${f.year}-12-31`);
  if (f.periodStart) query = query.where("e.occurred_on", ">=", f.periodStart);
  if (f.periodEnd) query = query.where("e.occurred_on", "<=", f.periodEnd);
  if (f.typeId) {
    const typeId = f.typeId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("kvalitet_event_type_link as l")
          .select("l.event_id")
          .whereRef("l.event_id", "=", "e.id")
          .where("l.type_id", "=", typeId),
      ),
    );
  }
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();
  const rows = await query
    .select([...eventColumns.map((c) => `e.${c}` as const), "n.name as unit_name"])
    .orderBy("e.reported_on", "desc")
    .orderBy("e.occurred_on", "desc")
    .orderBy("e.id")
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { total: Number(total), rows };
}

// ---------------------------------------------------------------- counts for the statistics

const inYear = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const;

/** The newest year in which an avvikelse under the node occurred (undefined when none did). */
export async function latestYear(db: Db, under: string): Promise<number | undefined> {
  const { rows } = await sql<{ year: number | null }>`
    SELECT max(extract(year FROM e.occurred_on))::int AS year
    FROM kvalitet_event e JOIN org_node n ON n.id = e.org_node_id
    WHERE n.path LIKE ${`${under}%`} AND e.kind = 'avvikelse'`.execute(db);
  return rows[0]?.year ?? undefined;
}

/** Avvikelser under the node that occurred in the year, per unit and quarter. */
export async function eventCounts(db: Db, under: string, year: number) {
  const [from, to] = inYear(year);
  const { rows } = await sql<{ unitId: string; quarter: number; count: number }>`
    SELECT e.org_node_id AS "unitId", extract(quarter FROM e.occurred_on)::int AS quarter, count(*)::int AS count
    FROM kvalitet_event e JOIN org_node n ON n.id = e.org_node_id
    WHERE n.path LIKE ${`${under}%`} AND e.kind = 'avvikelse' AND e.occurred_on BETWEEN ${from} AND ${to}
    GROUP BY 1, 2`.execute(db);
  return rows;
}

/** The same avvikelser counted per chosen type (or cause): unit, quarter and the list entry's code. */
export async function listCounts(db: Db, list: "type" | "cause", under: string, year: number) {
  const [from, to] = inYear(year);
  const link = list === "type" ? sql.table("kvalitet_event_type_link") : sql.table("kvalitet_event_cause_link");
  const entries = list === "type" ? sql.table("kvalitet_event_type") : sql.table("kvalitet_cause");
  const linkColumn = list === "type" ? sql.ref("l.type_id") : sql.ref("l.cause_id");
  const { rows } = await sql<{ unitId: string; quarter: number; code: string; count: number }>`
    SELECT e.org_node_id AS "unitId", extract(quarter FROM e.occurred_on)::int AS quarter, t.code, count(*)::int AS count
    FROM kvalitet_event e
    JOIN org_node n ON n.id = e.org_node_id
    JOIN ${link} l ON l.event_id = e.id
    JOIN ${entries} t ON t.id = ${linkColumn}
    WHERE n.path LIKE ${`${under}%`} AND e.kind = 'avvikelse' AND e.occurred_on BETWEEN ${from} AND ${to}
    GROUP BY 1, 2, 3`.execute(db);
  return rows;
}

/** Avvikelser under the node reported by `asOf` and not closed by then, per unit and report date. */
export async function openCounts(db: Db, under: string, asOf: string) {
  const { rows } = await sql<{ unitId: string; reportedOn: string; count: number }>`
    SELECT e.org_node_id AS "unitId", e.reported_on AS "reportedOn", count(*)::int AS count
    FROM kvalitet_event e JOIN org_node n ON n.id = e.org_node_id
    WHERE n.path LIKE ${`${under}%`} AND e.kind = 'avvikelse' AND e.reported_on <= ${asOf}
      AND (e.closed_on IS NULL OR e.closed_on > ${asOf})
    GROUP BY 1, 2`.execute(db);
  return rows;
}

/** Arbetsmiljöhändelser under the node per year (of occurrence) and category. */
export async function workCounts(db: Db, under: string, fromYear: number, toYear: number) {
  const { rows } = await sql<{ year: number; category: NonNullable<KvalitetEventTable["category"]>; count: number }>`
    SELECT extract(year FROM e.occurred_on)::int AS year, e.category, count(*)::int AS count
    FROM kvalitet_event e JOIN org_node n ON n.id = e.org_node_id
    WHERE n.path LIKE ${`${under}%`} AND e.kind = 'arbetsmiljo'
      AND e.occurred_on BETWEEN ${`${fromYear}-01-01`} AND ${`${toYear}-12-31`}
    GROUP BY 1, 2`.execute(db);
  return rows;
}

/** How many händelser under the node have the status (the start page's "to classify": rapporterad). */
export async function countEventsWithStatus(db: Db, under: string, status: EventStatus): Promise<number> {
  const row = await db
    .selectFrom("kvalitet_event as e")
    .innerJoin("org_node as n", "n.id", "e.org_node_id")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("n.path", "like", `${under}%`)
    .where("e.status", "=", status)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---------------------------------------------------------------- counts for the joint view (overview/)

/**
 * Avvikelser under the node that occurred from `from` to `to` (both included), per day and dated
 * transitions (handling begun, closed), from which overview.ts tells the status on any day.
 */
export async function dayTransitionCounts(db: Db, under: string, from: string, to: string) {
  const { rows } = await sql<{ day: string; handledOn: string | null; closedOn: string | null; count: number }>`
    SELECT e.occurred_on AS day, e.handled_on AS "handledOn", e.closed_on AS "closedOn", count(*)::int AS count
    FROM kvalitet_event e JOIN org_node n ON n.id = e.org_node_id
    WHERE n.path LIKE ${`${under}%`} AND e.kind = 'avvikelse' AND e.occurred_on BETWEEN ${from} AND ${to}
    GROUP BY 1, 2, 3`.execute(db);
  return rows;
}

/** The same avvikelser per day and chosen type's code (multi-select). */
export async function dayTypeCounts(db: Db, under: string, from: string, to: string) {
  const { rows } = await sql<{ day: string; code: string; count: number }>`
    SELECT e.occurred_on AS day, t.code, count(*)::int AS count
    FROM kvalitet_event e
    JOIN org_node n ON n.id = e.org_node_id
    JOIN kvalitet_event_type_link l ON l.event_id = e.id
    JOIN kvalitet_event_type t ON t.id = l.type_id
    WHERE n.path LIKE ${`${under}%`} AND e.kind = 'avvikelse' AND e.occurred_on BETWEEN ${from} AND ${to}
    GROUP BY 1, 2`.execute(db);
  return rows;
}

/** The oldest avvikelser under the node open on `asOf` (reported by then, not closed by then), with the unit's name. */
export const openEventsOn = (db: Db, under: string, asOf: string, limit: number) =>
  db
    .selectFrom("kvalitet_event as e")
    .innerJoin("org_node as n", "n.id", "e.org_node_id")
    .select([
      "e.id",
      "e.org_node_id",
      "n.name as unit_name",
      "e.reported_on",
      "e.handled_on",
      "e.closed_on",
      "e.what_happened",
    ])
    .where("n.path", "like", `${under}%`)
    .where("e.kind", "=", "avvikelse")
    .where("e.reported_on", "<=", asOf)
    .where((eb) => eb.or([eb("e.closed_on", "is", null), eb("e.closed_on", ">", asOf)]))
    .orderBy("e.reported_on")
    .orderBy("e.id")
    .limit(limit)
    .execute();
