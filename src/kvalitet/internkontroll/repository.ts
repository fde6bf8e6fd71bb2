// Internkontroll's SQL: the plan decision, risks, granskningar with their risks, questions and answers.
import { sql } from "kysely";
import { forIds, type New } from "../../platform/db/rows.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import type { KvalitetDB } from "../tables.ts";
import { standardQuestions } from "./vocabulary.ts";

type Db = DbOf<KvalitetDB>;
type Year = { orgNodeId: string; year: number };

// ---------------------------------------------------------------- plan

const planColumns = ["id", "org_node_id", "year", "diarienummer", "adopted_on", "decision_ref"] as const;
export type PlanRow = NonNullable<Awaited<ReturnType<typeof findPlan>>>;

export const findPlan = (db: Db, y: Year) =>
  db
    .selectFrom("kvalitet_ik_plan")
    .select(planColumns)
    .where("org_node_id", "=", y.orgNodeId)
    .where("year", "=", y.year)
    .executeTakeFirst();

export const upsertPlan = (db: Db, values: New<KvalitetDB, "kvalitet_ik_plan">) =>
  db
    .insertInto("kvalitet_ik_plan")
    .values(values)
    .onConflict((oc) =>
      oc.columns(["org_node_id", "year"]).doUpdateSet((eb) => ({
        diarienummer: eb.ref("excluded.diarienummer"),
        adopted_on: eb.ref("excluded.adopted_on"),
        decision_ref: eb.ref("excluded.decision_ref"),
      })),
    )
    .returning(planColumns)
    .executeTakeFirstOrThrow();

// ---------------------------------------------------------------- risks

const riskColumns = [
  "id",
  "org_node_id",
  "year",
  "nr",
  "category",
  "description",
  "common",
  "likelihood",
  "consequence",
  "to_plan",
  "reason",
] as const;
export type IkRiskRow = NonNullable<Awaited<ReturnType<typeof findRisk>>>;
export type IkRiskValues = New<KvalitetDB, "kvalitet_ik_risk">;

export const findRisk = (db: Db, id: string) =>
  db.selectFrom("kvalitet_ik_risk").select(riskColumns).where("id", "=", id).executeTakeFirst();

export const risksOf = (db: Db, y: Year) =>
  db
    .selectFrom("kvalitet_ik_risk")
    .select(riskColumns)
    .where("org_node_id", "=", y.orgNodeId)
    .where("year", "=", y.year)
    .orderBy("nr")
    .execute();

export const insertRisks = (db: Db, values: IkRiskValues[]) =>
  forIds(values, () => db.insertInto("kvalitet_ik_risk").values(values).returning(riskColumns).execute());

export const updateRisk = (db: Db, id: string, values: Partial<IkRiskValues>) =>
  db.updateTable("kvalitet_ik_risk").set(values).where("id", "=", id).returning(riskColumns).executeTakeFirstOrThrow();

// ---------------------------------------------------------------- granskningar

const granskningColumns = [
  "id",
  "org_node_id",
  "year",
  "nr",
  "title",
  "method",
  "frequency",
  "responsible",
  "result",
  "deviations",
  "verdict",
] as const;
export type GranskningRow = NonNullable<Awaited<ReturnType<typeof findGranskning>>>;
export type GranskningValues = New<KvalitetDB, "kvalitet_ik_granskning">;

export const findGranskning = (db: Db, id: string) =>
  db.selectFrom("kvalitet_ik_granskning").select(granskningColumns).where("id", "=", id).executeTakeFirst();

/** Ordered by their numbers as numbers (5.1.2 before 5.1.10). */
export const granskningarOf = (db: Db, y: Year) =>
  db
    .selectFrom("kvalitet_ik_granskning")
    .select(granskningColumns)
    .where("org_node_id", "=", y.orgNodeId)
    .where("year", "=", y.year)
    .orderBy(sql`string_to_array(nr, '.')::int[]`)
    .execute();

export const granskningarByIds = (db: Db, ids: readonly string[]) =>
  forIds(ids, () => db.selectFrom("kvalitet_ik_granskning").select(granskningColumns).where("id", "in", ids).execute());

export const insertGranskningar = (db: Db, values: GranskningValues[]) =>
  forIds(values, () => db.insertInto("kvalitet_ik_granskning").values(values).returning(granskningColumns).execute());

export const updateGranskning = (db: Db, id: string, values: Partial<GranskningValues>) =>
  db
    .updateTable("kvalitet_ik_granskning")
    .set(values)
    .where("id", "=", id)
    .returning(granskningColumns)
    .executeTakeFirstOrThrow();

export const riskLinksOf = (db: Db, granskningIds: readonly string[]) =>
  forIds(granskningIds, () =>
    db
      .selectFrom("kvalitet_ik_granskning_risk")
      .select(["granskning_id", "risk_id"])
      .where("granskning_id", "in", granskningIds)
      .execute(),
  );

export async function replaceRiskLinks(db: Db, granskningId: string, riskIds: readonly string[]) {
  await db.deleteFrom("kvalitet_ik_granskning_risk").where("granskning_id", "=", granskningId).execute();
  await insertRiskLinks(
    db,
    riskIds.map((risk_id) => ({ granskning_id: granskningId, risk_id })),
  );
}

export const insertRiskLinks = (db: Db, links: { granskning_id: string; risk_id: string }[]) =>
  forIds(links, () => db.insertInto("kvalitet_ik_granskning_risk").values(links).returning("risk_id").execute());

// ---------------------------------------------------------------- självskattning

const questionColumns = ["id", "nr", "area", "text", "active"] as const;
export type QuestionRow = Awaited<ReturnType<typeof questionsOf>>[number];

export const questionsOf = (db: Db, kommunId: string) =>
  db
    .selectFrom("kvalitet_ik_question")
    .select(questionColumns)
    .where("org_node_id", "=", kommunId)
    .orderBy("nr")
    .execute();

/** Adds the standard questions a kommun lacks (by number); existing ones are left alone. */
export async function installStandardQuestions(db: Db, kommunId: string): Promise<number> {
  const added = await db
    .insertInto("kvalitet_ik_question")
    .values(standardQuestions.map((q, i) => ({ org_node_id: kommunId, nr: i + 1, area: q.area, text: q.text })))
    .onConflict((oc) => oc.doNothing())
    .returning("id")
    .execute();
  return added.length;
}

export const answersOf = (db: Db, y: Year) =>
  db
    .selectFrom("kvalitet_ik_answer")
    .select(["question_id", "answer", "comment"])
    .where("org_node_id", "=", y.orgNodeId)
    .where("year", "=", y.year)
    .execute();

export const upsertAnswers = (db: Db, values: New<KvalitetDB, "kvalitet_ik_answer">[]) =>
  forIds(values, () =>
    db
      .insertInto("kvalitet_ik_answer")
      .values(values)
      .onConflict((oc) =>
        oc
          .columns(["org_node_id", "year", "question_id"])
          .doUpdateSet((eb) => ({ answer: eb.ref("excluded.answer"), comment: eb.ref("excluded.comment") })),
      )
      .returning("question_id")
      .execute(),
  );
