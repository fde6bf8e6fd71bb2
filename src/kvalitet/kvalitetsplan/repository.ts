// The kvalitetsplan's SQL: risk scales, processes, and the risks, egenkontroller and åtgärder of a plan.
import { forIds, type New } from "../../platform/db/rows.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import type { RiskScaleKind } from "../risk/risk.ts";
import type { KvalitetDB } from "../tables.ts";
import type { AtgardStatus } from "./vocabulary.ts";
import { standardProcesses } from "./vocabulary.ts";

type Db = DbOf<KvalitetDB>;

// ---------------------------------------------------------------- scales

const scaleColumns = [
  "id",
  "org_node_id",
  "kind",
  "name",
  "likelihood_name",
  "likelihood_labels",
  "consequence_name",
  "consequence_labels",
  "levels",
] as const;

export type ScaleRow = NonNullable<Awaited<ReturnType<typeof findScale>>>;
export type ScaleValues = New<KvalitetDB, "kvalitet_risk_scale">;

export const findScale = (db: Db, kommunId: string, kind: RiskScaleKind) =>
  db
    .selectFrom("kvalitet_risk_scale")
    .select(scaleColumns)
    .where("org_node_id", "=", kommunId)
    .where("kind", "=", kind)
    .executeTakeFirst();

export const upsertScale = (db: Db, values: ScaleValues) =>
  db
    .insertInto("kvalitet_risk_scale")
    .values(values)
    .onConflict((oc) =>
      oc.columns(["org_node_id", "kind"]).doUpdateSet((eb) => ({
        name: eb.ref("excluded.name"),
        likelihood_name: eb.ref("excluded.likelihood_name"),
        likelihood_labels: eb.ref("excluded.likelihood_labels"),
        consequence_name: eb.ref("excluded.consequence_name"),
        consequence_labels: eb.ref("excluded.consequence_labels"),
        levels: eb.ref("excluded.levels"),
      })),
    )
    .returning(scaleColumns)
    .executeTakeFirstOrThrow();

// ---------------------------------------------------------------- processes

const processColumns = ["id", "org_node_id", "process", "activity", "active", "sort_order"] as const;
export type ProcessRow = Awaited<ReturnType<typeof processesOf>>[number];

export const processesOf = (db: Db, kommunId: string) =>
  db
    .selectFrom("kvalitet_process")
    .select(processColumns)
    .where("org_node_id", "=", kommunId)
    .orderBy("sort_order")
    .orderBy("process")
    .orderBy("activity")
    .execute();

/** Adds the standard processes a kommun lacks; existing rows are left alone. Answers how many were added. */
export async function installStandardProcesses(db: Db, kommunId: string): Promise<number> {
  const added = await db
    .insertInto("kvalitet_process")
    .values(standardProcesses.map((p, i) => ({ org_node_id: kommunId, ...p, sort_order: i })))
    .onConflict((oc) => oc.doNothing())
    .returning("id")
    .execute();
  return added.length;
}

export const insertProcess = (
  db: Db,
  values: { org_node_id: string; process: string; activity: string; sort_order: number },
) => db.insertInto("kvalitet_process").values(values).returning(processColumns).executeTakeFirstOrThrow();

export const findProcess = (db: Db, id: string) =>
  db.selectFrom("kvalitet_process").select(processColumns).where("id", "=", id).executeTakeFirst();

export const updateProcess = (
  db: Db,
  id: string,
  values: Partial<{ process: string; activity: string; active: boolean }>,
) =>
  db
    .updateTable("kvalitet_process")
    .set(values)
    .where("id", "=", id)
    .returning(processColumns)
    .executeTakeFirstOrThrow();

// ---------------------------------------------------------------- risks

const riskColumns = [
  "id",
  "org_node_id",
  "year",
  "nr",
  "process_id",
  "description",
  "likelihood",
  "consequence",
  "comment",
] as const;
export type RiskRow = NonNullable<Awaited<ReturnType<typeof findRisk>>>;
export type RiskValues = New<KvalitetDB, "kvalitet_plan_risk">;

export const findRisk = (db: Db, id: string) =>
  db.selectFrom("kvalitet_plan_risk").select(riskColumns).where("id", "=", id).executeTakeFirst();

export const risksOf = (db: Db, orgNodeId: string, year: number) =>
  db
    .selectFrom("kvalitet_plan_risk")
    .select(riskColumns)
    .where("org_node_id", "=", orgNodeId)
    .where("year", "=", year)
    .orderBy("nr")
    .execute();

/** The next free number in a plan. */
export async function nextRiskNr(db: Db, orgNodeId: string, year: number): Promise<number> {
  const row = await db
    .selectFrom("kvalitet_plan_risk")
    .select((eb) => eb.fn.max("nr").as("nr"))
    .where("org_node_id", "=", orgNodeId)
    .where("year", "=", year)
    .executeTakeFirst();
  return Number(row?.nr ?? 0) + 1;
}

/** An empty list inserts nothing (and VALUES () is not valid SQL). */
export const insertRisks = (db: Db, values: RiskValues[]) =>
  forIds(values, () => db.insertInto("kvalitet_plan_risk").values(values).returning(riskColumns).execute());

export const updateRisk = (db: Db, id: string, values: Partial<RiskValues>) =>
  db
    .updateTable("kvalitet_plan_risk")
    .set(values)
    .where("id", "=", id)
    .returning(riskColumns)
    .executeTakeFirstOrThrow();

// ---------------------------------------------------------------- egenkontroller

const egenkontrollColumns = [
  "id",
  "org_node_id",
  "year",
  "process_id",
  "risk_id",
  "what",
  "method",
  "sample",
  "performed_on",
  "numerator",
  "denominator",
  "comment",
] as const;
export type EgenkontrollRow = NonNullable<Awaited<ReturnType<typeof findEgenkontroll>>>;
export type EgenkontrollValues = New<KvalitetDB, "kvalitet_egenkontroll">;

export const findEgenkontroll = (db: Db, id: string) =>
  db.selectFrom("kvalitet_egenkontroll").select(egenkontrollColumns).where("id", "=", id).executeTakeFirst();

export const egenkontrollerOf = (db: Db, orgNodeId: string, year: number) =>
  db
    .selectFrom("kvalitet_egenkontroll")
    .select(egenkontrollColumns)
    .where("org_node_id", "=", orgNodeId)
    .where("year", "=", year)
    .orderBy("performed_on")
    .orderBy("what")
    .execute();

/** An empty list inserts nothing (and VALUES () is not valid SQL). */
export const insertEgenkontroller = (db: Db, values: EgenkontrollValues[]) =>
  forIds(values, () => db.insertInto("kvalitet_egenkontroll").values(values).returning(egenkontrollColumns).execute());

export const updateEgenkontroll = (db: Db, id: string, values: Partial<EgenkontrollValues>) =>
  db
    .updateTable("kvalitet_egenkontroll")
    .set(values)
    .where("id", "=", id)
    .returning(egenkontrollColumns)
    .executeTakeFirstOrThrow();

// ---------------------------------------------------------------- åtgärder

const atgardColumns = [
  "a.id",
  "a.org_node_id",
  "a.year",
  "a.risk_id",
  "a.egenkontroll_id",
  "a.granskning_id",
  "a.text",
  "a.owner",
  "a.deadline",
  "a.status",
  "a.status_on",
  "a.comment",
  "a.created_on",
] as const;
export type AtgardRow = NonNullable<Awaited<ReturnType<typeof findAtgard>>>;
export type AtgardValues = New<KvalitetDB, "kvalitet_atgard">;

export const findAtgard = (db: Db, id: string) =>
  db.selectFrom("kvalitet_atgard as a").select(atgardColumns).where("a.id", "=", id).executeTakeFirst();

export const atgarderOfPlan = (db: Db, orgNodeId: string, year: number) =>
  db
    .selectFrom("kvalitet_atgard as a")
    .select(atgardColumns)
    .where("a.org_node_id", "=", orgNodeId)
    .where("a.year", "=", year)
    .orderBy("a.created_on")
    .orderBy("a.text")
    .execute();

/** The åtgärder answering these internkontroll granskningar. */
export const atgarderOfGranskningar = (db: Db, granskningIds: readonly string[]) =>
  forIds(granskningIds, () =>
    db
      .selectFrom("kvalitet_atgard as a")
      .select(atgardColumns)
      .where("a.granskning_id", "in", granskningIds)
      .orderBy("a.created_on")
      .orderBy("a.text")
      .execute(),
  );

/** Åtgärder on every unit under a node (its path), with the unit's name; oldest first. */
export function atgarderUnder(db: Db, f: { under: string; year?: number; statuses?: readonly AtgardStatus[] }) {
  let q = db
    .selectFrom("kvalitet_atgard as a")
    .innerJoin("org_node as n", "n.id", "a.org_node_id")
    .select([...atgardColumns, "n.name as unit_name"])
    .where("n.path", "like", `${f.under}%`);
  if (f.year !== undefined) q = q.where("a.year", "=", f.year);
  if (f.statuses) q = q.where("a.status", "in", f.statuses);
  return q.orderBy("a.deadline").orderBy("a.created_on").limit(1000).execute();
}

/**
 * Åtgärder on every unit under a node that were open at the end of `asOf`: created by then and not given
 * one of the `closed` statuses by then (a closed åtgärd is never changed again).
 */
export const atgarderOpenOn = (db: Db, under: string, asOf: string, closed: readonly AtgardStatus[]) =>
  db
    .selectFrom("kvalitet_atgard as a")
    .innerJoin("org_node as n", "n.id", "a.org_node_id")
    .select([...atgardColumns, "n.name as unit_name"])
    .where("n.path", "like", `${under}%`)
    .where("a.created_on", "<=", asOf)
    .where((eb) => eb.or([eb("a.status", "not in", closed), eb("a.status_on", ">", asOf)]))
    .orderBy("a.deadline")
    .orderBy("a.created_on")
    .limit(1000)
    .execute();

export const insertAtgarder = (db: Db, values: AtgardValues[]) =>
  db.insertInto("kvalitet_atgard").values(values).returning("id").execute();

export const updateAtgard = (db: Db, id: string, values: Partial<AtgardValues>) =>
  db.updateTable("kvalitet_atgard").set(values).where("id", "=", id).returning("id").executeTakeFirstOrThrow();

export const risksByIds = (db: Db, ids: readonly string[]) =>
  forIds(ids, () => db.selectFrom("kvalitet_plan_risk").select(riskColumns).where("id", "in", ids).execute());

export const egenkontrollerByIds = (db: Db, ids: readonly string[]) =>
  forIds(ids, () =>
    db.selectFrom("kvalitet_egenkontroll").select(egenkontrollColumns).where("id", "in", ids).execute(),
  );

/** How many åtgärder under the node are in none of `closed` and had a deadline before `today`. */
export async function countOverdueAtgarder(
  db: Db,
  under: string,
  today: string,
  closed: readonly AtgardStatus[],
): Promise<number> {
  const row = await db
    .selectFrom("kvalitet_atgard as a")
    .innerJoin("org_node as n", "n.id", "a.org_node_id")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("n.path", "like", `${under}%`)
    .where("a.status", "not in", closed)
    .where("a.deadline", "<", today)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The risks of every plan under a node (its path) for the year, with the unit's name. */
export const risksUnder = (db: Db, under: string, year: number) =>
  db
    .selectFrom("kvalitet_plan_risk as r")
    .innerJoin("org_node as n", "n.id", "r.org_node_id")
    .select(["r.id", "r.org_node_id", "n.name as unit_name", "r.nr", "r.description", "r.likelihood", "r.consequence"])
    .where("n.path", "like", `${under}%`)
    .where("r.year", "=", year)
    .orderBy("n.name")
    .orderBy("r.nr")
    .execute();

/** The egenkontroller of every plan under a node for a year, with their unit's name (the kvalitetsberättelse's table). */
export const egenkontrollerUnder = (db: Db, under: string, year: number) =>
  db
    .selectFrom("kvalitet_egenkontroll as e")
    .innerJoin("org_node as n", "n.id", "e.org_node_id")
    .select([
      "e.id",
      "n.name as unit_name",
      "e.what",
      "e.method",
      "e.sample",
      "e.performed_on",
      "e.numerator",
      "e.denominator",
      "e.comment",
    ])
    .where("n.path", "like", `${under}%`)
    .where("e.year", "=", year)
    .orderBy("e.performed_on")
    .orderBy("e.what")
    .execute();
