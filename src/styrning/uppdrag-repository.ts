// The uppdrag register's SQL: uppdrag around a nämnd for a year, their follow-ups, and the count the start
// page shows.
import { forIds, type New, prefixed, type RowOf } from "../platform/db/rows.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { aroundNode } from "./repository.ts";
import type { StyrningDB } from "./tables.ts";
import { openUppdragStatuses } from "./vocabulary.ts";

type Db = DbOf<StyrningDB>;

const uppdragColumns = [
  "id",
  "org_node_id",
  "year",
  "goal_id",
  "code",
  "title",
  "description",
  "decided_by",
  "owner_org_node_id",
  "owner_name",
  "report_month",
  "report_form",
  "report_to",
  "status",
  "start_date",
  "end_date",
  "position",
] as const;
const uppdragColsAliased = prefixed("u", uppdragColumns);
export type UppdragRow = RowOf<StyrningDB, "styrning_uppdrag", typeof uppdragColumns>;

/**
 * Uppdrag on the node, above it or below it that run in `year`: from the plan year they were given in to
 * their end date's year; without an end date, in their own year and for as long as they are open.
 */
export const uppdragAround = (db: Db, path: string, year: number) =>
  db
    .selectFrom("styrning_uppdrag as u")
    .innerJoin("org_node as n", "n.id", "u.org_node_id")
    .leftJoin("org_node as o", "o.id", "u.owner_org_node_id")
    .leftJoin("goal as g", "g.id", "u.goal_id")
    .select([
      ...uppdragColsAliased,
      "n.name as org_node_name",
      "n.path",
      "o.name as owner_org_node_name",
      "g.code as goal_code",
      "g.title as goal_title",
    ])
    .where(aroundNode(path))
    .where("u.year", "<=", year)
    .where((eb) =>
      eb.or([
        eb("u.end_date", ">=", `${year}-01-01`),
        eb.and([
          eb("u.end_date", "is", null),
          eb.or([eb("u.year", "=", year), eb("u.status", "in", [...openUppdragStatuses])]),
        ]),
      ]),
    )
    .orderBy("u.decided_by")
    .orderBy("u.position")
    .orderBy("u.code")
    .orderBy("u.title")
    .execute();

/** The uppdrag linked to any of the goals (the tree places them under their goal). */
export const uppdragOfGoals = (db: Db, goalIds: string[]) =>
  forIds(goalIds, () =>
    db
      .selectFrom("styrning_uppdrag as u")
      .innerJoin("org_node as n", "n.id", "u.org_node_id")
      .select([...uppdragColsAliased, "n.path"])
      .where("u.goal_id", "in", goalIds)
      .orderBy("u.position")
      .orderBy("u.code")
      .execute(),
  );

export const findUppdrag = (db: Db, id: string) =>
  db
    .selectFrom("styrning_uppdrag as u")
    .innerJoin("org_node as n", "n.id", "u.org_node_id")
    .select([...uppdragColsAliased, "n.path"])
    .where("u.id", "=", id)
    .executeTakeFirst();

export const nextUppdragPosition = async (db: Db, orgNodeId: string, year: number) => {
  const row = await db
    .selectFrom("styrning_uppdrag")
    .select((eb) => eb.fn.max("position").as("max"))
    .where("org_node_id", "=", orgNodeId)
    .where("year", "=", year)
    .executeTakeFirst();
  return (row?.max ?? -1) + 1;
};

export const insertUppdrag = (db: Db, values: New<StyrningDB, "styrning_uppdrag">): Promise<UppdragRow> =>
  db.insertInto("styrning_uppdrag").values(values).returning(uppdragColumns).executeTakeFirstOrThrow();

export const updateUppdrag = (
  db: Db,
  id: string,
  values: Partial<Omit<UppdragRow, "id" | "org_node_id" | "year">>,
): Promise<UppdragRow> =>
  db
    .updateTable("styrning_uppdrag")
    .set(values)
    .where("id", "=", id)
    .returning(uppdragColumns)
    .executeTakeFirstOrThrow();

export const uppdragFollowupsOf = (db: Db, uppdragIds: string[]) =>
  forIds(uppdragIds, () =>
    db
      .selectFrom("styrning_uppdrag_followup")
      .select(["id", "uppdrag_id", "dated_on", "status", "text", "author_name", "created_at"])
      .where("uppdrag_id", "in", uppdragIds)
      .orderBy("dated_on")
      .orderBy("created_at")
      .execute(),
  );

export const insertUppdragFollowup = (db: Db, values: New<StyrningDB, "styrning_uppdrag_followup">) =>
  db.insertInto("styrning_uppdrag_followup").values(values).returningAll().executeTakeFirstOrThrow();

/** Open uppdrag on the node or above it that report back in one of the months (YYYY-MM). */
export async function countUppdragReportingIn(db: Db, path: string, months: readonly string[]): Promise<number> {
  const row = await db
    .selectFrom("styrning_uppdrag as u")
    .innerJoin("org_node as n", "n.id", "u.org_node_id")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where(aroundNode(path))
    .where("u.report_month", "in", [...months])
    .where("u.status", "in", [...openUppdragStatuses])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
