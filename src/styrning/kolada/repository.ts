import { sql } from "kysely";
import { forIds, type New } from "../../platform/db/rows.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { aroundNode } from "../repository.ts";
import type { StyrningDB } from "../tables.ts";

type Db = DbOf<StyrningDB>;

export const kpisOf = (db: Db, orgNodeId: string) =>
  db.selectFrom("kolada_kpi").selectAll().where("org_node_id", "=", orgNodeId).orderBy("kpi_id").execute();

export const kpisAround = (db: Db, path: string) =>
  db
    .selectFrom("kolada_kpi as k")
    .innerJoin("org_node as n", "n.id", "k.org_node_id")
    .select([
      "k.kpi_id",
      "k.title",
      "k.description",
      "k.is_divided_by_gender",
      "k.publication_date",
      "k.operating_area",
      "n.path",
    ])
    .where(aroundNode(path))
    .orderBy("k.kpi_id")
    .execute();

export const upsertKpi = (db: Db, values: Required<New<StyrningDB, "kolada_kpi">>) => {
  const { org_node_id: _o, kpi_id: _k, ...changes } = values;
  return db
    .insertInto("kolada_kpi")
    .values(values)
    .onConflict((oc) => oc.columns(["org_node_id", "kpi_id"]).doUpdateSet(changes))
    .returning(["id", "org_node_id", "kpi_id", "title", "publication_date"])
    .executeTakeFirstOrThrow();
};

export const municipalitiesOf = (db: Db, orgNodeId: string) =>
  db.selectFrom("kolada_municipality").selectAll().where("org_node_id", "=", orgNodeId).execute();

export const municipalitiesAround = (db: Db, path: string) =>
  db
    .selectFrom("kolada_municipality as m")
    .innerJoin("org_node as n", "n.id", "m.org_node_id")
    .select(["m.municipality_id", "m.title", "m.type"])
    .where(aroundNode(path))
    .execute();

export const upsertMunicipality = (db: Db, values: Required<New<StyrningDB, "kolada_municipality">>) =>
  db
    .insertInto("kolada_municipality")
    .values(values)
    .onConflict((oc) =>
      oc.columns(["org_node_id", "municipality_id"]).doUpdateSet({ title: values.title, type: values.type }),
    )
    .returning(["id", "org_node_id", "municipality_id", "title"])
    .executeTakeFirstOrThrow();

export const groupsOf = (db: Db, orgNodeId: string) =>
  db.selectFrom("kolada_group").selectAll().where("org_node_id", "=", orgNodeId).execute();

export const groupsAround = (db: Db, path: string) =>
  db
    .selectFrom("kolada_group as g")
    .innerJoin("org_node as n", "n.id", "g.org_node_id")
    .select(["g.group_id", "g.title", "g.members", "g.org_node_id", "n.path"])
    .where(aroundNode(path))
    .orderBy("g.title")
    .execute();

export const upsertGroup = (db: Db, values: Required<New<StyrningDB, "kolada_group">>) =>
  db
    .insertInto("kolada_group")
    .values(values)
    .onConflict((oc) =>
      oc.columns(["org_node_id", "group_id"]).doUpdateSet({ title: values.title, members: values.members }),
    )
    .returning(["id", "org_node_id", "group_id", "title", "members"])
    .executeTakeFirstOrThrow();

/** Published values for a KPI stored on the node or above it, newest write first. */
export const valuesAround = (db: Db, path: string, kpiId: string, municipalities: string[]) =>
  forIds(municipalities, () =>
    db
      .selectFrom("kolada_value as v")
      .innerJoin("org_node as n", "n.id", "v.org_node_id")
      .select(["v.municipality_id", "v.year", "v.gender", "v.value", "v.status", "v.updated_at"])
      .where(aroundNode(path))
      .where("v.kpi_id", "=", kpiId)
      .where("v.municipality_id", "in", municipalities)
      .orderBy("v.updated_at", "desc")
      .execute(),
  );

export type KoladaValueWrite = {
  kpi_id: string;
  municipality_id: string;
  year: number;
  gender: string;
  value: number | null;
  status: string | null;
};
/** A value of a batch that is new on the node (id null) or differs from the stored one: its place in the batch and what is stored. */
export type KoladaValueChange = { ord: number; id: string | null; value: number | null; status: string | null };

/** The batch's six columns as array parameters, one per column, for unnest(…). */
const valueArrays = (rows: readonly KoladaValueWrite[]) => {
  const column = (key: keyof KoladaValueWrite, type: string) => sql`${rows.map((r) => r[key])}::${sql.raw(type)}[]`;
  return sql`${column("kpi_id", "text")}, ${column("municipality_id", "text")}, ${column("year", "int")},
    ${column("gender", "text")}, ${column("value", "numeric")}, ${column("status", "text")}`;
};
const valueNames = sql`kpi_id, municipality_id, year, gender, value, status`;

/**
 * The values of a batch that are new on the node or differ from what is stored there, in one statement.
 * Unchanged values are not answered, so importing a file again costs this one read per batch.
 */
export async function changedValues(
  db: Db,
  orgNodeId: string,
  rows: readonly KoladaValueWrite[],
): Promise<KoladaValueChange[]> {
  if (rows.length === 0) return [];
  // A lookup by the unique key per value: as a plain join the planner hashed all the node's stored values
  // for every batch, so each batch cost more than the one before.
  const result = await sql<KoladaValueChange>`
    SELECT v.ord - 1 AS ord, k.id, k.value, k.status
    FROM unnest(${valueArrays(rows)}) WITH ORDINALITY AS v(${valueNames}, ord)
    LEFT JOIN LATERAL (
      SELECT k.id, k.value, k.status FROM kolada_value k WHERE k.org_node_id = ${orgNodeId} AND k.kpi_id = v.kpi_id
        AND k.municipality_id = v.municipality_id AND k.year = v.year AND k.gender = v.gender LIMIT 1
    ) k ON true
    WHERE k.id IS NULL OR k.value IS DISTINCT FROM v.value OR k.status IS DISTINCT FROM v.status`.execute(db);
  return result.rows;
}

/**
 * Inserts new values (their ids chosen by the caller) in one statement. A plain INSERT: an upsert that found
 * them itself and answered their ids took twice as long on PostgreSQL.
 */
export async function insertValues(
  db: Db,
  orgNodeId: string,
  rows: readonly (KoladaValueWrite & { id: string })[],
): Promise<void> {
  if (rows.length === 0) return;
  await sql`INSERT INTO kolada_value (id, org_node_id, ${valueNames})
    SELECT v.id, ${orgNodeId}, ${valueNames}
    FROM unnest(${rows.map((r) => r.id)}::uuid[], ${valueArrays(rows)}) AS v(id, ${valueNames})`.execute(db);
}

/** Rewrites the value and status of stored values found by id, in one statement. */
export async function updateValues(
  db: Db,
  rows: readonly { id: string; value: number | null; status: string | null }[],
): Promise<void> {
  if (rows.length === 0) return;
  await sql`UPDATE kolada_value AS k SET value = v.value, status = v.status
    FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.value)}::numeric[],
      ${rows.map((r) => r.status)}::text[]) AS v(id, value, status)
    WHERE k.id = v.id`.execute(db);
}

export const mappingsAround = (db: Db, path: string) =>
  db
    .selectFrom("kolada_mapping as m")
    .innerJoin("indicator as i", "i.id", "m.indicator_id")
    .innerJoin("org_node as n", "n.id", "i.org_node_id")
    .select([
      "m.id",
      "m.org_node_id",
      "m.indicator_id",
      "m.kpi_id",
      "m.municipality_id",
      "i.name as indicator_name",
      "i.gender_split",
      "i.period_type",
      "n.name as org_node_name",
      "n.path",
    ])
    .where(aroundNode(path))
    .orderBy("m.kpi_id")
    .orderBy("n.path")
    .execute();

export const mappingsOf = (db: Db, indicatorIds: string[]) =>
  forIds(indicatorIds, () =>
    db
      .selectFrom("kolada_mapping")
      .select(["indicator_id", "kpi_id", "municipality_id"])
      .where("indicator_id", "in", indicatorIds)
      .execute(),
  );

export const findMapping = (db: Db, indicatorId: string) =>
  db.selectFrom("kolada_mapping").selectAll().where("indicator_id", "=", indicatorId).executeTakeFirst();

export const upsertMapping = (db: Db, values: New<StyrningDB, "kolada_mapping">) =>
  db
    .insertInto("kolada_mapping")
    .values(values)
    .onConflict((oc) =>
      oc.column("indicator_id").doUpdateSet({ kpi_id: values.kpi_id, municipality_id: values.municipality_id }),
    )
    .returning(["id", "org_node_id", "indicator_id", "kpi_id", "municipality_id"])
    .executeTakeFirstOrThrow();

export const deleteMapping = (db: Db, id: string) => db.deleteFrom("kolada_mapping").where("id", "=", id).execute();
