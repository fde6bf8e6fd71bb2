import { type New, prefixed } from "../../platform/db/rows.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import type { KvalitetDB } from "../tables.ts";
import { type InspectionStatus, standardInspectionTypes } from "./vocabulary.ts";

type Db = DbOf<KvalitetDB>;

const columns = [
  "id",
  "org_node_id",
  "type_id",
  "month",
  "ivo_dnr",
  "decision_on",
  "findings",
  "yttrande_lagrum",
  "yttrande_due_on",
  "yttrande_replied_on",
  "status",
  "closed_on",
] as const;

export type InspectionRow = NonNullable<Awaited<ReturnType<typeof findInspection>>>;
export type InspectionValues = New<KvalitetDB, "kvalitet_inspection">;
// ---------------------------------------------------------------- the kommun's kinds of tillsyn

export type TypeRow = Awaited<ReturnType<typeof inspectionTypesOf>>[number];
const typeColumns = ["id", "org_node_id", "code", "name", "active", "sort_order"] as const;

/** Adds the standard kinds a kommun lacks; existing rows (maybe edited) are left alone. Returns how many were added. */
export async function installInspectionTypes(db: Db, kommunId: string): Promise<number> {
  const added = await db
    .insertInto("kvalitet_inspection_type")
    .values(standardInspectionTypes.map((t, index) => ({ org_node_id: kommunId, ...t, sort_order: index })))
    .onConflict((oc) => oc.doNothing())
    .returning("id")
    .execute();
  return added.length;
}

export const inspectionTypesOf = (db: Db, kommunId: string) =>
  db
    .selectFrom("kvalitet_inspection_type")
    .select(typeColumns)
    .where("org_node_id", "=", kommunId)
    .orderBy("sort_order")
    .orderBy("name")
    .execute();

export const findInspectionType = (db: Db, id: string) =>
  db.selectFrom("kvalitet_inspection_type").select(typeColumns).where("id", "=", id).executeTakeFirst();

export const insertInspectionType = (db: Db, values: New<KvalitetDB, "kvalitet_inspection_type">) =>
  db.insertInto("kvalitet_inspection_type").values(values).returning(typeColumns).executeTakeFirstOrThrow();

export const updateInspectionType = (
  db: Db,
  id: string,
  values: Partial<{ name: string; active: boolean; sort_order: number }>,
) =>
  db
    .updateTable("kvalitet_inspection_type")
    .set(values)
    .where("id", "=", id)
    .returning(typeColumns)
    .executeTakeFirstOrThrow();

// ---------------------------------------------------------------- tillsyner

export const findInspection = (db: Db, id: string) =>
  db.selectFrom("kvalitet_inspection").select(columns).where("id", "=", id).executeTakeFirst();

export const insertInspections = (db: Db, values: readonly InspectionValues[]) =>
  db
    .insertInto("kvalitet_inspection")
    .values([...values])
    .returning(columns)
    .execute();

export const updateInspection = (db: Db, id: string, values: Partial<Omit<InspectionValues, "org_node_id">>) =>
  db.updateTable("kvalitet_inspection").set(values).where("id", "=", id).returning(columns).executeTakeFirstOrThrow();

/**
 * The tillsyner of units under the node, newest month first, with the unit's name and path; of one year's
 * months and with one status today when given.
 */
export function inspectionsUnder(db: Db, under: string, filters: { year?: number; status?: InspectionStatus } = {}) {
  let query = db
    .selectFrom("kvalitet_inspection as i")
    .innerJoin("org_node as n", "n.id", "i.org_node_id")
    .where("n.path", "like", `${under}%`);
  if (filters.year) query = query.where("i.month", "like", `${filters.year}-%`);
  if (filters.status) query = query.where("i.status", "=", filters.status);
  return query
    .select([...prefixed("i", columns), "n.name as unit_name", "n.path as unit_path"])
    .orderBy("i.month", "desc")
    .orderBy("n.name")
    .orderBy("i.id")
    .execute();
}
