import type { Updateable } from "kysely";
import { forIds, type New } from "../../platform/db/rows.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import type { NamndDB } from "../tables.ts";

type Db = DbOf<NamndDB>;

// ---------------------------------------------------------------- years and criteria

const yearColumns = [
  "id",
  "org_node_id",
  "year",
  "frame_kronor",
  "report_due_on",
  "applications_open_on",
  "applications_close_on",
] as const;

export const yearsOf = (db: Db, namndId: string) =>
  db
    .selectFrom("namnd_grant_year")
    .select(yearColumns)
    .where("org_node_id", "=", namndId)
    .orderBy("year", "desc")
    .execute();

export const findYear = (db: Db, id: string) =>
  db.selectFrom("namnd_grant_year").select(yearColumns).where("id", "=", id).executeTakeFirst();
export type YearRow = NonNullable<Awaited<ReturnType<typeof findYear>>>;

export const findYearOf = (db: Db, namndId: string, year: number) =>
  db
    .selectFrom("namnd_grant_year")
    .select(yearColumns)
    .where("org_node_id", "=", namndId)
    .where("year", "=", year)
    .executeTakeFirst();

/**
 * The year's row, locked until the transaction ends: decisions on one year's frame queue on it, so two
 * grants decided at once cannot both take the last of the frame.
 */
export const lockYear = (db: Db, id: string) =>
  db.selectFrom("namnd_grant_year").select(yearColumns).where("id", "=", id).forUpdate().executeTakeFirstOrThrow();

export const insertYear = async (db: Db, values: New<NamndDB, "namnd_grant_year">) =>
  (await db.insertInto("namnd_grant_year").values(values).returning("id").executeTakeFirstOrThrow()).id;

export const updateYear = (db: Db, id: string, values: Updateable<NamndDB["namnd_grant_year"]>) =>
  db.updateTable("namnd_grant_year").set(values).where("id", "=", id).execute();

export const criteriaOf = (db: Db, yearIds: readonly string[]) =>
  forIds(yearIds, () =>
    db
      .selectFrom("namnd_grant_criterion")
      .select(["id", "year_id", "position", "text"])
      .where("year_id", "in", yearIds)
      .orderBy("position")
      .execute(),
  );

export const insertCriteria = (db: Db, values: New<NamndDB, "namnd_grant_criterion">[]) =>
  values.length === 0 ? Promise.resolve() : db.insertInto("namnd_grant_criterion").values(values).execute();

export const updateCriterion = (db: Db, id: string, text: string) =>
  db.updateTable("namnd_grant_criterion").set({ text }).where("id", "=", id).execute();

export const deleteCriteria = (db: Db, ids: readonly string[]) =>
  ids.length === 0 ? Promise.resolve() : db.deleteFrom("namnd_grant_criterion").where("id", "in", ids).execute();

/** Criteria some application has been assessed against: they can no longer be removed. */
export const assessedCriteria = async (db: Db, ids: readonly string[]) =>
  (
    await forIds(ids, () =>
      db
        .selectFrom("namnd_grant_assessment")
        .select("criterion_id")
        .distinct()
        .where("criterion_id", "in", ids)
        .execute(),
    )
  ).map((r) => r.criterion_id);

// ---------------------------------------------------------------- applications

const applicationColumns = [
  "id",
  "year_id",
  "number",
  "round",
  "association",
  "purpose",
  "amount_applied",
  "received_on",
  "diarienummer",
  "status",
  "completion_requested_on",
  "completion_note",
  "assessed_on",
  "assessment_note",
  "decided_on",
  "decision_reference",
  "amount_granted",
  "reasons",
  "paid_on",
  "reported_on",
] as const;

export const applicationsOf = (db: Db, yearIds: readonly string[]) =>
  forIds(yearIds, () =>
    db
      .selectFrom("namnd_grant_application")
      .select(applicationColumns)
      .where("year_id", "in", yearIds)
      .orderBy("number")
      .execute(),
  );

export const findApplication = (db: Db, id: string) =>
  db.selectFrom("namnd_grant_application").select(applicationColumns).where("id", "=", id).executeTakeFirst();
export type ApplicationRow = NonNullable<Awaited<ReturnType<typeof findApplication>>>;

/** The next number of the year's applications (call with the year locked). */
export const nextApplicationNumber = async (db: Db, yearId: string) =>
  Number(
    (
      await db
        .selectFrom("namnd_grant_application")
        .select((eb) => eb.fn.max("number").as("last"))
        .where("year_id", "=", yearId)
        .executeTakeFirst()
    )?.last ?? 0,
  ) + 1;

export const insertApplication = async (db: Db, values: New<NamndDB, "namnd_grant_application">) =>
  (await db.insertInto("namnd_grant_application").values(values).returning("id").executeTakeFirstOrThrow()).id;

export const updateApplication = (db: Db, id: string, values: Updateable<NamndDB["namnd_grant_application"]>) =>
  db.updateTable("namnd_grant_application").set(values).where("id", "=", id).execute();

export const assessmentsOf = (db: Db, applicationId: string) =>
  db
    .selectFrom("namnd_grant_assessment")
    .select(["criterion_id", "fulfilment", "note"])
    .where("application_id", "=", applicationId)
    .execute();

export const insertAssessments = (db: Db, values: NamndDB["namnd_grant_assessment"][]) =>
  values.length === 0 ? Promise.resolve() : db.insertInto("namnd_grant_assessment").values(values).execute();

// ---------------------------------------------------------------- internkontroll samples

export const samplesOf = (db: Db, yearId: string) =>
  db
    .selectFrom("namnd_grant_sample as s")
    .leftJoin("app_user as u", "u.id", "s.drawn_by")
    .select(["s.id", "s.seed", "s.size", "s.drawn_at", "u.display_name as drawn_by_name"])
    .where("s.year_id", "=", yearId)
    .orderBy("s.drawn_at", "desc")
    .orderBy("s.id")
    .execute();

export const sampleItemsOf = (db: Db, sampleIds: readonly string[]) =>
  forIds(sampleIds, () =>
    db
      .selectFrom("namnd_grant_sample_item")
      .select(["sample_id", "position", "application_id"])
      .where("sample_id", "in", sampleIds)
      .orderBy("position")
      .execute(),
  );

export const insertSample = async (db: Db, values: New<NamndDB, "namnd_grant_sample">) =>
  (await db.insertInto("namnd_grant_sample").values(values).returning("id").executeTakeFirstOrThrow()).id;

export const insertSampleItems = (db: Db, values: NamndDB["namnd_grant_sample_item"][]) =>
  values.length === 0 ? Promise.resolve() : db.insertInto("namnd_grant_sample_item").values(values).execute();
