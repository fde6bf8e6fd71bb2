import type { Updateable } from "kysely";
import { forIds, type New } from "../../platform/db/rows.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import type { NamndDB } from "../tables.ts";
import type { AssignmentStatus, MotionKind, MotionStatus } from "./vocabulary.ts";

type Db = DbOf<NamndDB>;

// ---------------------------------------------------------------- initiativärenden and motions

const motionColumns = [
  "id",
  "org_node_id",
  "kind",
  "title",
  "submitted_by",
  "dated_on",
  "diarienummer",
  "status",
  "proposal",
] as const;

export const findMotion = (db: Db, id: string) =>
  db.selectFrom("namnd_motion").select(motionColumns).where("id", "=", id).executeTakeFirst();
export type MotionRow = NonNullable<Awaited<ReturnType<typeof findMotion>>>;

export const motionsOf = (db: Db, namndId: string, f: { kind?: MotionKind; status?: MotionStatus }) => {
  let query = db.selectFrom("namnd_motion").select(motionColumns).where("org_node_id", "=", namndId);
  if (f.kind) query = query.where("kind", "=", f.kind);
  if (f.status) query = query.where("status", "=", f.status);
  return query.orderBy("created_at", "desc").orderBy("id").execute();
};

export const stepsOf = (db: Db, motionIds: readonly string[]) =>
  forIds(motionIds, () =>
    db
      .selectFrom("namnd_motion_step")
      .select(["motion_id", "status", "occurred_on", "reference", "note"])
      .where("motion_id", "in", motionIds)
      .orderBy("occurred_on")
      .orderBy("created_at")
      .execute(),
  );
export type StepRow = Awaited<ReturnType<typeof stepsOf>>[number];

export const refereesOf = (db: Db, motionIds: readonly string[]) =>
  forIds(motionIds, () =>
    db
      .selectFrom("namnd_motion_referee")
      .select(["id", "motion_id", "referee", "status", "answered_on", "reference"])
      .where("motion_id", "in", motionIds)
      .orderBy("created_at")
      .orderBy("referee")
      .execute(),
  );
export type RefereeRow = Awaited<ReturnType<typeof refereesOf>>[number];

export const insertMotion = async (db: Db, values: New<NamndDB, "namnd_motion">) =>
  (await db.insertInto("namnd_motion").values(values).returning("id").executeTakeFirstOrThrow()).id;

export const updateMotion = (db: Db, id: string, values: Updateable<NamndDB["namnd_motion"]>) =>
  db.updateTable("namnd_motion").set(values).where("id", "=", id).execute();

export const insertSteps = (db: Db, values: New<NamndDB, "namnd_motion_step">[]) =>
  db.insertInto("namnd_motion_step").values(values).execute();

export const insertReferees = (db: Db, values: New<NamndDB, "namnd_motion_referee">[]) =>
  values.length === 0 ? Promise.resolve() : db.insertInto("namnd_motion_referee").values(values).execute();

export const answerReferee = (db: Db, id: string, answeredOn: string, reference: string | null) =>
  db
    .updateTable("namnd_motion_referee")
    .set({ status: "besvarad", answered_on: answeredOn, reference })
    .where("id", "=", id)
    .execute();

// ---------------------------------------------------------------- uppdrag

const assignmentColumns = [
  "a.id",
  "a.org_node_id",
  "a.title",
  "a.decided_on",
  "a.decision_reference",
  "a.owner",
  "a.due_on",
  "a.due_note",
  "a.diarienummer",
  "a.motion_id",
  "m.title as motion_title",
  "a.status",
  "a.closed_on",
  "a.closing_reference",
] as const;

const assignments = (db: Db) =>
  db.selectFrom("namnd_assignment as a").leftJoin("namnd_motion as m", "m.id", "a.motion_id").select(assignmentColumns);

export const findAssignment = (db: Db, id: string) => assignments(db).where("a.id", "=", id).executeTakeFirst();
export type AssignmentRow = NonNullable<Awaited<ReturnType<typeof findAssignment>>>;

export const assignmentsOf = (db: Db, namndId: string, status?: AssignmentStatus) => {
  let query = assignments(db).where("a.org_node_id", "=", namndId);
  if (status) query = query.where("a.status", "=", status);
  return query.orderBy("a.decided_on", "desc").orderBy("a.id").execute();
};

export const insertAssignment = async (db: Db, values: New<NamndDB, "namnd_assignment">) =>
  (await db.insertInto("namnd_assignment").values(values).returning("id").executeTakeFirstOrThrow()).id;

export const updateAssignment = (db: Db, id: string, values: Updateable<NamndDB["namnd_assignment"]>) =>
  db.updateTable("namnd_assignment").set(values).where("id", "=", id).execute();

// ---------------------------------------------------------------- revisionsgranskningar

const auditColumns = [
  "id",
  "org_node_id",
  "title",
  "auditor",
  "report_date",
  "registered_on",
  "reply_deadline",
  "diarienummer",
  "memo_on",
  "replied_on",
] as const;

export const findAudit = (db: Db, id: string) =>
  db.selectFrom("namnd_audit").select(auditColumns).where("id", "=", id).executeTakeFirst();
export type AuditRow = NonNullable<Awaited<ReturnType<typeof findAudit>>>;

export const auditsOf = (db: Db, namndId: string) =>
  db
    .selectFrom("namnd_audit")
    .select(auditColumns)
    .where("org_node_id", "=", namndId)
    .orderBy("registered_on", "desc")
    .orderBy("id")
    .execute();

export const questionsOf = (db: Db, auditId: string) =>
  db
    .selectFrom("namnd_audit_question")
    .select(["id", "position", "text"])
    .where("audit_id", "=", auditId)
    .orderBy("position")
    .execute();

export const assessmentsOf = (db: Db, questionIds: readonly string[]) =>
  forIds(questionIds, () =>
    db
      .selectFrom("namnd_audit_assessment")
      .select(["question_id", "body", "assessment"])
      .where("question_id", "in", questionIds)
      .execute(),
  );

export const recommendationsOf = (db: Db, auditId: string) =>
  db
    .selectFrom("namnd_audit_recommendation")
    .select(["id", "position", "recipient", "to_namnd", "text"])
    .where("audit_id", "=", auditId)
    .orderBy("position")
    .execute();

export const actionsOf = (db: Db, recommendationIds: readonly string[]) =>
  forIds(recommendationIds, () =>
    db
      .selectFrom("namnd_audit_action")
      .select(["recommendation_id", "position", "text", "responsible", "starts_on", "ends_on", "timing_note", "status"])
      .where("recommendation_id", "in", recommendationIds)
      .orderBy("position")
      .execute(),
  );

export const insertAudit = async (db: Db, values: New<NamndDB, "namnd_audit">) =>
  (await db.insertInto("namnd_audit").values(values).returning("id").executeTakeFirstOrThrow()).id;

export const updateAudit = (db: Db, id: string, values: Updateable<NamndDB["namnd_audit"]>) =>
  db.updateTable("namnd_audit").set(values).where("id", "=", id).execute();

/** Removes an audit's questions and recommendations (their assessments and actions go with them). */
export async function clearAuditParts(db: Db, auditId: string) {
  await db.deleteFrom("namnd_audit_question").where("audit_id", "=", auditId).execute();
  await db.deleteFrom("namnd_audit_recommendation").where("audit_id", "=", auditId).execute();
}

export const insertQuestion = async (db: Db, values: New<NamndDB, "namnd_audit_question">) =>
  (await db.insertInto("namnd_audit_question").values(values).returning("id").executeTakeFirstOrThrow()).id;

export const insertAssessments = (db: Db, values: New<NamndDB, "namnd_audit_assessment">[]) =>
  values.length === 0 ? Promise.resolve() : db.insertInto("namnd_audit_assessment").values(values).execute();

export const insertRecommendation = async (db: Db, values: New<NamndDB, "namnd_audit_recommendation">) =>
  (await db.insertInto("namnd_audit_recommendation").values(values).returning("id").executeTakeFirstOrThrow()).id;

export const insertActions = (db: Db, values: New<NamndDB, "namnd_audit_action">[]) =>
  values.length === 0 ? Promise.resolve() : db.insertInto("namnd_audit_action").values(values).execute();
