import { forIds, type New } from "../../platform/db/rows.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import type { NamndDB } from "../tables.ts";

type Db = DbOf<NamndDB>;

export const functionsOf = (db: Db, namndId: string) =>
  db
    .selectFrom("namnd_delegation_function")
    .select(["id", "name", "active"])
    .where("org_node_id", "=", namndId)
    .orderBy("name")
    .execute();

/** The ordning in force on a date: the latest the nämnd had adopted by then. */
export const orderInForce = (db: Db, namndId: string, on: string) =>
  db
    .selectFrom("namnd_delegation_order")
    .select(["id", "adopted_on", "paragraph", "diarienummer"])
    .where("org_node_id", "=", namndId)
    .where("adopted_on", "<=", on)
    .orderBy("adopted_on", "desc")
    .limit(1)
    .executeTakeFirst();
export type OrderRow = NonNullable<Awaited<ReturnType<typeof orderInForce>>>;

const pointColumns = [
  "id",
  "code",
  "heading",
  "text",
  "lagrum",
  "limits",
  "subdelegation_allowed",
  "anmalan_required",
  "anmalan_section",
] as const;

export const pointsOf = (db: Db, orderId: string) =>
  db.selectFrom("namnd_delegation_point").select(pointColumns).where("order_id", "=", orderId).execute();
export type PointRow = Awaited<ReturnType<typeof pointsOf>>[number];

export const findPoint = (db: Db, orderId: string, code: string) =>
  db
    .selectFrom("namnd_delegation_point")
    .select(pointColumns)
    .where("order_id", "=", orderId)
    .where("code", "=", code)
    .executeTakeFirst();

export const delegatesOf = (db: Db, pointIds: readonly string[]) =>
  forIds(pointIds, () =>
    db
      .selectFrom("namnd_delegation_delegate as d")
      .leftJoin("namnd_delegation_function as f", "f.id", "d.function_id")
      .select(["d.point_id", "d.kind", "d.function_id", "f.name as function_name"])
      .where("d.point_id", "in", pointIds)
      .orderBy("d.kind", "desc")
      .orderBy("f.name")
      .execute(),
  );

export const subdelegationsOf = (db: Db, pointIds: readonly string[]) =>
  forIds(pointIds, () =>
    db
      .selectFrom("namnd_delegation_subdelegation as s")
      .innerJoin("namnd_delegation_function as f", "f.id", "s.function_id")
      .select([
        "s.point_id",
        "s.function_id",
        "f.name as function_name",
        "s.valid_from",
        "s.valid_until",
        "s.diarienummer",
      ])
      .where("s.point_id", "in", pointIds)
      .orderBy("s.valid_from")
      .execute(),
  );

export const insertFunctions = (db: Db, values: New<NamndDB, "namnd_delegation_function">[]) =>
  db.insertInto("namnd_delegation_function").values(values).returning(["id", "name"]).execute();

export const insertOrder = async (db: Db, values: New<NamndDB, "namnd_delegation_order">) =>
  (await db.insertInto("namnd_delegation_order").values(values).returning("id").executeTakeFirstOrThrow()).id;

export const insertPoints = (db: Db, values: New<NamndDB, "namnd_delegation_point">[]) =>
  db.insertInto("namnd_delegation_point").values(values).returning(["id", "code"]).execute();

export const insertDelegates = (db: Db, values: New<NamndDB, "namnd_delegation_delegate">[]) =>
  db.insertInto("namnd_delegation_delegate").values(values).execute();

export const insertSubdelegation = async (db: Db, values: New<NamndDB, "namnd_delegation_subdelegation">) =>
  (await db.insertInto("namnd_delegation_subdelegation").values(values).returning("id").executeTakeFirstOrThrow()).id;

export const insertDecisions = (db: Db, values: New<NamndDB, "namnd_delegation_decision">[]) =>
  db.insertInto("namnd_delegation_decision").values(values).returning("id").execute();

const decisions = (db: Db) =>
  db
    .selectFrom("namnd_delegation_decision as d")
    .innerJoin("namnd_delegation_point as p", "p.id", "d.point_id")
    .innerJoin("namnd_delegation_order as o", "o.id", "p.order_id")
    .leftJoin("namnd_delegation_function as f", "f.id", "d.decider_function_id")
    .leftJoin("org_node as u", "u.id", "d.unit_id")
    .select([
      "d.id",
      "d.org_node_id",
      "d.diarienummer",
      "d.decided_on",
      "d.decider_kind",
      "f.name as function_name",
      "d.decider_name",
      "d.law",
      "d.subject",
      "d.unit_id",
      "u.name as unit_name",
      "d.provider",
      "d.period_from",
      "d.period_until",
      "p.code as point_code",
      "p.heading as point_heading",
      "p.anmalan_section",
      "p.anmalan_required",
      "o.adopted_on",
      "o.paragraph",
    ]);

export const findDecision = (db: Db, id: string) => decisions(db).where("d.id", "=", id).executeTakeFirst();
export type DecisionRow = NonNullable<Awaited<ReturnType<typeof findDecision>>>;

/** The nämnd's decisions made within a period, in date order. */
export const decisionsBetween = (db: Db, namndId: string, from: string, to: string) =>
  decisions(db)
    .where("d.org_node_id", "=", namndId)
    .where("d.decided_on", ">=", from)
    .where("d.decided_on", "<=", to)
    .orderBy("d.decided_on")
    .orderBy("d.diarienummer")
    .orderBy("d.id")
    .execute();
