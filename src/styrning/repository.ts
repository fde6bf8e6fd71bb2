import { type ExpressionBuilder, sql } from "kysely";
import { forIds, inChunks, isAnyOf, type New, prefixed, type RowOf } from "../platform/db/rows.ts";
import type { DbOf } from "../platform/db/schema.ts";
import type { StyrningDB } from "./tables.ts";

type Db = DbOf<StyrningDB>;

/** Rows whose org node (aliased n) is the given node, one of its ancestors or one of its descendants. */
export const aroundNode = (path: string) => (eb: ExpressionBuilder<StyrningDB & { n: StyrningDB["org_node"] }, "n">) =>
  eb.or([eb("n.path", "like", `${path}%`), sql<boolean>`${path} like n.path || '%'`]);

// ---- scales ---------------------------------------------------------------------------------

const scaleLevelColumns = ["id", "scale_id", "position", "code", "label", "rank", "meaning"] as const;
export type ScaleLevelRow = RowOf<StyrningDB, "styrning_scale_level", typeof scaleLevelColumns>;

export const scalesAround = (db: Db, path: string) =>
  db
    .selectFrom("styrning_scale as s")
    .innerJoin("org_node as n", "n.id", "s.org_node_id")
    .select(["s.id", "s.org_node_id", "s.kind", "s.name", "n.name as org_node_name", "n.path"])
    .where(aroundNode(path))
    .orderBy("s.kind")
    .orderBy("s.name")
    .execute();

export const findScale = (db: Db, id: string) =>
  db
    .selectFrom("styrning_scale as s")
    .innerJoin("org_node as n", "n.id", "s.org_node_id")
    .select(["s.id", "s.org_node_id", "s.kind", "s.name", "n.path"])
    .where("s.id", "=", id)
    .executeTakeFirst();

export const levelsOfScales = (db: Db, scaleIds: string[]): Promise<ScaleLevelRow[]> =>
  forIds(scaleIds, () =>
    db
      .selectFrom("styrning_scale_level")
      .select(scaleLevelColumns)
      .where("scale_id", "in", scaleIds)
      .orderBy("scale_id")
      .orderBy("position")
      .execute(),
  );

export const insertScale = (db: Db, values: New<StyrningDB, "styrning_scale">) =>
  db
    .insertInto("styrning_scale")
    .values(values)
    .returning(["id", "org_node_id", "kind", "name"])
    .executeTakeFirstOrThrow();

export const updateScaleName = (db: Db, id: string, name: string) =>
  db.updateTable("styrning_scale").set({ name }).where("id", "=", id).execute();

export const insertScaleLevel = (db: Db, values: New<StyrningDB, "styrning_scale_level">) =>
  db.insertInto("styrning_scale_level").values(values).returning(scaleLevelColumns).executeTakeFirstOrThrow();

export const updateScaleLevel = (
  db: Db,
  id: string,
  values: Pick<ScaleLevelRow, "position" | "label" | "rank" | "meaning">,
) => db.updateTable("styrning_scale_level").set(values).where("id", "=", id).execute();

export const deleteScaleLevel = (db: Db, id: string) =>
  db.deleteFrom("styrning_scale_level").where("id", "=", id).execute();

/** Moves positions out of the way so a reorder never trips the (scale, position) unique key. */
export const shiftScalePositions = (db: Db, scaleId: string) =>
  db
    .updateTable("styrning_scale_level")
    .set((eb) => ({ position: eb("position", "+", 1000) }))
    .where("scale_id", "=", scaleId)
    .execute();

export async function scaleLevelInUse(db: Db, level: { id: string; scale_id: string; code: string }): Promise<boolean> {
  const assessed = await db
    .selectFrom("goal_assessment")
    .select("id")
    .where("scale_level_id", "=", level.id)
    .limit(1)
    .executeTakeFirst();
  if (assessed) return true;
  const valued = await db
    .selectFrom("indicator_value as v")
    .innerJoin("indicator as i", "i.id", "v.indicator_id")
    .select("v.id")
    .where("i.status_scale_id", "=", level.scale_id)
    .where("v.status_code", "=", level.code)
    .limit(1)
    .executeTakeFirst();
  return Boolean(valued);
}

// ---- goal models ----------------------------------------------------------------------------

const modelColumns = [
  "m.id",
  "m.org_node_id",
  "m.year",
  "m.name",
  "m.assessment_scale_id",
  "n.name as org_node_name",
  "n.path",
] as const;

export const modelsAround = (db: Db, path: string, year?: number) => {
  let q = db
    .selectFrom("goal_model as m")
    .innerJoin("org_node as n", "n.id", "m.org_node_id")
    .select(modelColumns)
    .where(aroundNode(path));
  if (year !== undefined) q = q.where("m.year", "=", year);
  return q.orderBy("n.path").orderBy("m.year", "desc").execute();
};

export const findModel = (db: Db, id: string) =>
  db
    .selectFrom("goal_model as m")
    .innerJoin("org_node as n", "n.id", "m.org_node_id")
    .select(modelColumns)
    .where("m.id", "=", id)
    .executeTakeFirst();

export const modelIsAssessed = async (db: Db, modelId: string) =>
  Boolean(
    await db
      .selectFrom("goal_assessment as a")
      .innerJoin("goal as g", "g.id", "a.goal_id")
      .select("a.id")
      .where("g.model_id", "=", modelId)
      .limit(1)
      .executeTakeFirst(),
  );

export const findModelFor = (db: Db, orgNodeId: string, year: number) =>
  db
    .selectFrom("goal_model")
    .select(["id"])
    .where("org_node_id", "=", orgNodeId)
    .where("year", "=", year)
    .executeTakeFirst();

export const insertModel = (db: Db, values: New<StyrningDB, "goal_model">) =>
  db.insertInto("goal_model").values(values).returningAll().executeTakeFirstOrThrow();

export const updateModel = (db: Db, id: string, values: { name?: string; assessment_scale_id?: string | null }) =>
  db.updateTable("goal_model").set(values).where("id", "=", id).returningAll().executeTakeFirstOrThrow();

const levelColumns = ["id", "model_id", "position", "name", "decided_by", "kind", "assessed"] as const;
export type LevelRow = RowOf<StyrningDB, "goal_level", typeof levelColumns>;

export const levelsOf = (db: Db, modelId: string): Promise<LevelRow[]> =>
  db.selectFrom("goal_level").select(levelColumns).where("model_id", "=", modelId).orderBy("position").execute();

export const findLevel = (db: Db, id: string) =>
  db.selectFrom("goal_level").select(levelColumns).where("id", "=", id).executeTakeFirst();

export const insertLevel = (db: Db, values: New<StyrningDB, "goal_level">) =>
  db.insertInto("goal_level").values(values).returning(levelColumns).executeTakeFirstOrThrow();

export const updateLevel = (db: Db, id: string, values: Omit<LevelRow, "id" | "model_id">) =>
  db.updateTable("goal_level").set(values).where("id", "=", id).execute();

export const shiftLevelPositions = (db: Db, modelId: string) =>
  db
    .updateTable("goal_level")
    .set((eb) => ({ position: eb("position", "+", 1000) }))
    .where("model_id", "=", modelId)
    .execute();

export const deleteLevel = (db: Db, id: string) => db.deleteFrom("goal_level").where("id", "=", id).execute();

export const goalsOnLevel = (db: Db, levelId: string) =>
  db.selectFrom("goal").select("id").where("level_id", "=", levelId).limit(1).executeTakeFirst();

// ---- goals ----------------------------------------------------------------------------------

const goalColumns = [
  "id",
  "org_node_id",
  "model_id",
  "level_id",
  "parent_id",
  "lineage_id",
  "code",
  "title",
  "description",
  "position",
  "decided_by",
] as const;
const goalColsAliased = prefixed("g", goalColumns);
export type GoalRow = RowOf<StyrningDB, "goal", typeof goalColumns>;

export const goalsOf = (db: Db, modelId: string): Promise<GoalRow[]> =>
  db
    .selectFrom("goal as g")
    .select(goalColsAliased)
    .where("g.model_id", "=", modelId)
    .orderBy("g.position")
    .orderBy("g.code")
    .orderBy("g.title")
    .execute();

export const findGoal = (db: Db, id: string): Promise<GoalRow | undefined> =>
  db.selectFrom("goal as g").select(goalColsAliased).where("g.id", "=", id).executeTakeFirst();

export const findGoals = (db: Db, ids: string[]) =>
  forIds(ids, () =>
    db
      .selectFrom("goal as g")
      .innerJoin("goal_model as m", "m.id", "g.model_id")
      .innerJoin("org_node as n", "n.id", "m.org_node_id")
      .select([...goalColsAliased, "m.year", "n.path"])
      .where("g.id", "in", ids)
      .execute(),
  );

export const insertGoal = (db: Db, values: New<StyrningDB, "goal">): Promise<GoalRow> =>
  db.insertInto("goal").values(values).returning(goalColumns).executeTakeFirstOrThrow();

export const updateGoal = (
  db: Db,
  id: string,
  values: Partial<Pick<GoalRow, "parent_id" | "code" | "title" | "description" | "position" | "decided_by">>,
): Promise<GoalRow> =>
  db.updateTable("goal").set(values).where("id", "=", id).returning(goalColumns).executeTakeFirstOrThrow();

export const deleteGoal = (db: Db, id: string) => db.deleteFrom("goal").where("id", "=", id).execute();

export const childGoal = (db: Db, id: string) =>
  db.selectFrom("goal").select("id").where("parent_id", "=", id).limit(1).executeTakeFirst();

/** The same goal in other years (titles change; lineage stays). */
export const lineageOf = (db: Db, lineageId: string) =>
  db
    .selectFrom("goal as g")
    .innerJoin("goal_model as m", "m.id", "g.model_id")
    .select(["g.id", "g.title", "g.code", "m.year"])
    .where("g.lineage_id", "=", lineageId)
    .orderBy("m.year")
    .execute();

export const maxGoalPosition = async (db: Db, modelId: string, levelId: string) => {
  const row = await db
    .selectFrom("goal")
    .select((eb) => eb.fn.max("position").as("max"))
    .where("model_id", "=", modelId)
    .where("level_id", "=", levelId)
    .executeTakeFirst();
  return row?.max ?? -1;
};

// ---- goal ↔ indicator, assessments, comments -------------------------------------------------

export const goalIndicatorsOf = (db: Db, goalIds: string[]) =>
  forIds(goalIds, () =>
    db
      .selectFrom("goal_indicator")
      .select(["id", "goal_id", "indicator_id", "position"])
      .where("goal_id", "in", goalIds)
      .orderBy("goal_id")
      .orderBy("position")
      .execute(),
  );

export const deleteGoalIndicators = (db: Db, goalId: string) =>
  db.deleteFrom("goal_indicator").where("goal_id", "=", goalId).returning(["indicator_id"]).execute();

export const insertGoalIndicator = (db: Db, values: New<StyrningDB, "goal_indicator">) =>
  db.insertInto("goal_indicator").values(values).execute();

const assessmentColumns = [
  "a.id",
  "a.goal_id",
  "a.period",
  "a.scale_level_id",
  "a.comment",
  "a.assessed_by_name",
  "a.updated_at",
  "l.code as level_code",
  "l.label as level_label",
  "l.meaning",
] as const;

export const assessmentsOf = (db: Db, goalIds: string[]) =>
  forIds(goalIds, () =>
    db
      .selectFrom("goal_assessment as a")
      .innerJoin("styrning_scale_level as l", "l.id", "a.scale_level_id")
      .select(assessmentColumns)
      .where("a.goal_id", "in", goalIds)
      .orderBy("a.period")
      .execute(),
  );

export const findAssessment = (db: Db, goalId: string, period: string) =>
  db
    .selectFrom("goal_assessment")
    .selectAll()
    .where("goal_id", "=", goalId)
    .where("period", "=", period)
    .executeTakeFirst();

export const insertAssessment = (db: Db, values: New<StyrningDB, "goal_assessment">) =>
  db.insertInto("goal_assessment").values(values).returningAll().executeTakeFirstOrThrow();

export const updateAssessment = (
  db: Db,
  id: string,
  values: Omit<New<StyrningDB, "goal_assessment">, "org_node_id" | "goal_id" | "period">,
) => db.updateTable("goal_assessment").set(values).where("id", "=", id).returningAll().executeTakeFirstOrThrow();

export const commentsOf = (db: Db, goalId: string) =>
  db
    .selectFrom("goal_comment")
    .select(["id", "period", "text", "author_name", "created_at"])
    .where("goal_id", "=", goalId)
    .orderBy("created_at")
    .execute();

export const insertComment = (db: Db, values: New<StyrningDB, "goal_comment">) =>
  db.insertInto("goal_comment").values(values).returningAll().executeTakeFirstOrThrow();

// ---- indicators -----------------------------------------------------------------------------

const indicatorColumns = [
  "id",
  "org_node_id",
  "name",
  "unit",
  "value_type",
  "status_scale_id",
  "decimals",
  "direction",
  "gender_split",
  "period_type",
  "measurement_window",
  "source_kind",
  "source_note",
  "publication_date",
  "footnote",
  "active",
  "decided_by",
  "kind",
] as const;
const indicatorColsAliased = prefixed("i", indicatorColumns);
export type IndicatorRow = RowOf<StyrningDB, "indicator", typeof indicatorColumns>;

export const indicatorsAround = (db: Db, path: string) =>
  db
    .selectFrom("indicator as i")
    .innerJoin("org_node as n", "n.id", "i.org_node_id")
    .select([...indicatorColsAliased, "n.name as org_node_name", "n.path"])
    .where(aroundNode(path))
    .orderBy("n.path")
    .orderBy("i.name")
    .execute();

export const findIndicators = (db: Db, ids: string[]) =>
  forIds(ids, () =>
    db
      .selectFrom("indicator as i")
      .innerJoin("org_node as n", "n.id", "i.org_node_id")
      .select([...indicatorColsAliased, "n.name as org_node_name", "n.path"])
      .where("i.id", "in", ids)
      .execute(),
  );

export const insertIndicator = (db: Db, values: Omit<New<StyrningDB, "indicator">, "active">): Promise<IndicatorRow> =>
  db.insertInto("indicator").values(values).returning(indicatorColumns).executeTakeFirstOrThrow();

export const updateIndicator = (
  db: Db,
  id: string,
  values: Partial<Omit<IndicatorRow, "id" | "org_node_id">>,
): Promise<IndicatorRow> =>
  db.updateTable("indicator").set(values).where("id", "=", id).returning(indicatorColumns).executeTakeFirstOrThrow();

const definitionColumns = ["id", "indicator_id", "valid_from", "definition"] as const;

export const definitionsOf = (db: Db, indicatorIds: string[]) =>
  forIds(indicatorIds, () =>
    db
      .selectFrom("indicator_definition")
      .select(definitionColumns)
      .where("indicator_id", "in", indicatorIds)
      .orderBy("valid_from")
      .execute(),
  );

export const upsertDefinition = (db: Db, values: New<StyrningDB, "indicator_definition">) =>
  db
    .insertInto("indicator_definition")
    .values(values)
    .onConflict((oc) => oc.columns(["indicator_id", "valid_from"]).doUpdateSet({ definition: values.definition }))
    .returning(definitionColumns)
    .executeTakeFirstOrThrow();

const targetColumns = [
  "id",
  "indicator_id",
  "year",
  "target",
  "footnote",
  "member_ids",
  "condition_indicator_id",
  "condition_op",
  "condition_value",
  "otherwise_target",
] as const;
export type TargetRow = RowOf<StyrningDB, "indicator_target", typeof targetColumns>;

/** A member set as a uuid array parameter (sorted by the caller: the column holds sets in one order). */
const memberSet = (memberIds: readonly string[]) => sql<string[]>`${`{${memberIds.join(",")}}`}::uuid[]`;

export const targetsOf = (db: Db, indicatorIds: string[]) =>
  forIds(indicatorIds, () =>
    db
      .selectFrom("indicator_target")
      .select(targetColumns)
      .where("indicator_id", "in", indicatorIds)
      .orderBy("year")
      .execute(),
  );

/** The year's target for the whole indicator, or for one combination of members of its dimensions. */
export const findTarget = (db: Db, indicatorId: string, year: number, memberIds: readonly string[] = []) =>
  db
    .selectFrom("indicator_target")
    .select(targetColumns)
    .where("indicator_id", "=", indicatorId)
    .where("year", "=", year)
    .where("member_ids", "=", memberSet(memberIds))
    .executeTakeFirst();

/** Every column is given, so an upsert never keeps a stale footnote. */
export const upsertTarget = (db: Db, values: Required<New<StyrningDB, "indicator_target">>) =>
  db
    .insertInto("indicator_target")
    .values(values)
    .onConflict((oc) =>
      oc.columns(["indicator_id", "year", "member_ids"]).doUpdateSet({
        target: values.target,
        footnote: values.footnote,
        condition_indicator_id: values.condition_indicator_id,
        condition_op: values.condition_op,
        condition_value: values.condition_value,
        otherwise_target: values.otherwise_target,
      }),
    )
    .returning(targetColumns)
    .executeTakeFirstOrThrow();

export const deleteTarget = (db: Db, id: string) => db.deleteFrom("indicator_target").where("id", "=", id).execute();

/** Goals (with model year and nämnd) that an indicator follows up. */
export const goalsOfIndicator = (db: Db, indicatorId: string) =>
  db
    .selectFrom("goal_indicator as gi")
    .innerJoin("goal as g", "g.id", "gi.goal_id")
    .innerJoin("goal_model as m", "m.id", "g.model_id")
    .select(["g.id", "g.title", "g.code", "m.year", "m.id as model_id"])
    .where("gi.indicator_id", "=", indicatorId)
    .orderBy("m.year", "desc")
    .execute();

// ---- values, locks, corrections -------------------------------------------------------------

const valueColumns = [
  "id",
  "indicator_id",
  "period",
  "gender",
  "state",
  "value",
  "status_code",
  "source",
  "source_ref",
  "published_at",
  "note",
  "entered_by_name",
  "updated_at",
  "org_node_id",
  "value_kind",
  "member_ids",
] as const;
const valueColsAliased = prefixed("v", valueColumns);
export type ValueRecord = RowOf<StyrningDB, "indicator_value", typeof valueColumns>;

export const valuesOf = (
  db: Db,
  indicatorIds: string[],
  years?: { from: number; to: number },
): Promise<ValueRecord[]> => {
  return forIds(indicatorIds, () => {
    let q = db.selectFrom("indicator_value as v").select(valueColsAliased).where("v.indicator_id", "in", indicatorIds);
    if (years) {
      q = q.where(sql<boolean>`substr(v.period, 1, 4)::int BETWEEN ${years.from} AND ${years.to}`);
    }
    return q.orderBy("v.indicator_id").orderBy("v.period").orderBy("v.gender").execute();
  });
};

/** The stored values of the cells' indicators and periods (every sex, part and kind), in one statement. */
export async function valuesOfCells(
  db: Db,
  cells: readonly { indicatorId: string; period: string }[],
): Promise<ValueRecord[]> {
  const unique = [...new Map(cells.map((c) => [`${c.indicatorId}|${c.period}`, c])).values()];
  if (unique.length === 0) return [];
  const result = await sql<ValueRecord>`
    SELECT ${sql.join(valueColsAliased.map((c) => sql.ref(c)))}
    FROM unnest(${unique.map((c) => c.indicatorId)}::uuid[], ${unique.map((c) => c.period)}::text[]) AS c(indicator_id, period)
    -- Looked up by the cell key's index per cell (OFFSET 0 keeps the planner from hashing the whole table).
    CROSS JOIN LATERAL (
      SELECT * FROM indicator_value v WHERE v.indicator_id = c.indicator_id AND v.period = c.period OFFSET 0
    ) v`.execute(db);
  return result.rows;
}

type ValueWrite = Required<Omit<New<StyrningDB, "indicator_value">, "id" | "created_at" | "updated_at">>;
/** indicator_value's written columns and their SQL types: each becomes one array parameter. */
const valueWriteColumns: readonly (readonly [keyof ValueWrite, string])[] = [
  ["org_node_id", "uuid"],
  ["indicator_id", "uuid"],
  ["period", "text"],
  ["gender", "text"],
  ["member_ids", "text"],
  ["value_kind", "text"],
  ["state", "text"],
  ["value", "numeric"],
  ["status_code", "text"],
  ["note", "text"],
  ["published_at", "date"],
  ["source", "text"],
  ["source_ref", "text"],
  ["entered_by", "uuid"],
  ["entered_by_name", "text"],
];
const cellColumns = new Set(["indicator_id", "org_node_id", "period", "gender", "member_ids", "value_kind"]);

/**
 * Inserts or replaces whole values (every column given, source and note included) in one statement, one array
 * parameter per column; a set of parts travels as its array literal, as unnest flattens arrays of arrays.
 */
export async function upsertValues(db: Db, rows: readonly ValueWrite[]): Promise<ValueRecord[]> {
  if (rows.length === 0) return [];
  const arrays = valueWriteColumns.map(([key, type]) =>
    key === "member_ids"
      ? sql`${rows.map((r) => `{${r.member_ids.join(",")}}`)}::text[]`
      : sql`${rows.map((r) => r[key] ?? null)}::${sql.raw(type)}[]`,
  );
  const names = sql.join(valueWriteColumns.map(([key]) => sql.id(key)));
  const selected = sql.join(
    valueWriteColumns.map(([key]) => (key === "member_ids" ? sql`v.member_ids::uuid[]` : sql.ref(`v.${key}`))),
  );
  const set = sql.join(
    valueWriteColumns
      .filter(([key]) => !cellColumns.has(key))
      .map(([key]) => sql`${sql.id(key)} = excluded.${sql.id(key)}`),
  );
  const result = await sql<ValueRecord>`
    INSERT INTO indicator_value (${names}) SELECT ${selected} FROM unnest(${sql.join(arrays)}) AS v(${names})
    ON CONFLICT (indicator_id, org_node_id, period, gender, member_ids, value_kind) DO UPDATE SET ${set}
    RETURNING ${sql.join(valueColumns.map((c) => sql.id(c)))}`.execute(db);
  return result.rows;
}

export const hasGenderSplitValues = async (db: Db, indicatorId: string) =>
  Boolean(
    await db
      .selectFrom("indicator_value")
      .select("id")
      .where("indicator_id", "=", indicatorId)
      .where("gender", "in", ["K", "M"])
      .limit(1)
      .executeTakeFirst(),
  );

/** Whether any value of the indicator belongs to one of the members (a dimension it would give up). */
export const hasValuesOfMembers = async (db: Db, indicatorId: string, memberIds: readonly string[]) =>
  memberIds.length > 0 &&
  Boolean(
    await db
      .selectFrom("indicator_value")
      .select("id")
      .where("indicator_id", "=", indicatorId)
      .where(sql<boolean>`member_ids && ${memberSet(memberIds)}`)
      .limit(1)
      .executeTakeFirst(),
  );

export const findValue = (db: Db, id: string): Promise<ValueRecord | undefined> =>
  db.selectFrom("indicator_value as v").select(valueColsAliased).where("v.id", "=", id).executeTakeFirst();

export const deleteValue = (db: Db, id: string) => db.deleteFrom("indicator_value").where("id", "=", id).execute();

export const deleteValues = async (db: Db, ids: readonly string[]) => {
  if (ids.length > 0) await db.deleteFrom("indicator_value").where(isAnyOf("id", ids)).execute();
};

type CorrectionWrite = Omit<New<StyrningDB, "indicator_value_correction">, "before" | "after"> & {
  id: string;
  before: unknown;
  after: unknown;
};

/** Inserts corrections in slices of one statement each (they are few: changes to locked periods). */
export const insertCorrections = (db: Db, rows: readonly CorrectionWrite[]) =>
  inChunks(rows, 1000, (chunk) =>
    db
      .insertInto("indicator_value_correction")
      .values(
        chunk.map((values) => ({
          ...values,
          before: values.before === null ? null : JSON.stringify(values.before),
          after: values.after === null ? null : JSON.stringify(values.after),
        })),
      )
      .returning(["id", "indicator_id", "period", "gender", "reason", "corrected_by_name", "created_at"])
      .execute(),
  );

export const correctionsOf = (db: Db, indicatorIds: string[]) =>
  forIds(indicatorIds, () =>
    db
      .selectFrom("indicator_value_correction")
      .select([
        "id",
        "indicator_id",
        "period",
        "gender",
        "before",
        "after",
        "reason",
        "corrected_by_name",
        "created_at",
      ])
      .where("indicator_id", "in", indicatorIds)
      .orderBy("created_at", "desc")
      .execute(),
  );

/** Locks on the node, its ancestors and its descendants. */
/** The locks on the nodes of the paths and every node above them, in one statement. */
export const locksAbove = (db: Db, paths: readonly string[]) =>
  forIds(paths, () =>
    db
      .selectFrom("period_lock as l")
      .innerJoin("org_node as n", "n.id", "l.org_node_id")
      .select(["l.period", "n.name as org_node_name", "n.path"])
      .where(sql<boolean>`EXISTS (SELECT 1 FROM unnest(${paths}::text[]) AS p(path) WHERE p.path LIKE n.path || '%')`)
      .execute(),
  );

export const locksAround = (db: Db, path: string) =>
  db
    .selectFrom("period_lock as l")
    .innerJoin("org_node as n", "n.id", "l.org_node_id")
    .select([
      "l.id",
      "l.org_node_id",
      "l.period",
      "l.locked_by_name",
      "l.created_at",
      "n.name as org_node_name",
      "n.path",
    ])
    .where(aroundNode(path))
    .orderBy("l.period")
    .execute();

export const findLock = (db: Db, id: string) =>
  db.selectFrom("period_lock").selectAll().where("id", "=", id).executeTakeFirst();

export const insertLock = (db: Db, values: New<StyrningDB, "period_lock">) =>
  db.insertInto("period_lock").values(values).returningAll().executeTakeFirstOrThrow();

export const deleteLock = (db: Db, id: string) => db.deleteFrom("period_lock").where("id", "=", id).execute();

// ---- directives -----------------------------------------------------------------------------

const directiveColumns = [
  "id",
  "org_node_id",
  "issued_by",
  "goal_id",
  "title",
  "body",
  "assignments",
  "valid_from",
  "valid_to",
  "handling",
] as const;
const directiveColsAliased = prefixed("d", directiveColumns);

export const directivesAround = (db: Db, path: string, year?: number) => {
  let q = db
    .selectFrom("directive as d")
    .innerJoin("org_node as n", "n.id", "d.org_node_id")
    .select([...directiveColsAliased, "n.name as org_node_name", "n.path"])
    .where(aroundNode(path));
  if (year !== undefined) q = q.where("d.valid_from", "<=", year).where("d.valid_to", ">=", year);
  return q.orderBy("d.issued_by").orderBy("d.title").execute();
};

export const findDirective = (db: Db, id: string) =>
  db
    .selectFrom("directive as d")
    .innerJoin("org_node as n", "n.id", "d.org_node_id")
    .select([...directiveColsAliased, "n.path"])
    .where("d.id", "=", id)
    .executeTakeFirst();

export const insertDirective = (db: Db, values: New<StyrningDB, "directive">) =>
  db.insertInto("directive").values(values).returning(directiveColumns).executeTakeFirstOrThrow();

export const updateDirective = (
  db: Db,
  id: string,
  values: Partial<Omit<New<StyrningDB, "directive">, "org_node_id" | "issued_by">>,
) => db.updateTable("directive").set(values).where("id", "=", id).returning(directiveColumns).executeTakeFirstOrThrow();

export const directiveCommentsOf = (db: Db, directiveIds: string[]) =>
  forIds(directiveIds, () =>
    db
      .selectFrom("directive_comment")
      .select(["id", "directive_id", "period", "text", "author_name", "created_at"])
      .where("directive_id", "in", directiveIds)
      .orderBy("period")
      .orderBy("created_at")
      .execute(),
  );

export const insertDirectiveComment = (db: Db, values: New<StyrningDB, "directive_comment">) =>
  db.insertInto("directive_comment").values(values).returningAll().executeTakeFirstOrThrow();

// ---- activities -----------------------------------------------------------------------------

const activityColumns = [
  "id",
  "org_node_id",
  "year",
  "title",
  "description",
  "responsible_org_node_id",
  "status",
  "start_date",
  "end_date",
  "position",
  "amount",
  "expected_effect",
  "uppdrag_id",
] as const;
const activityColsAliased = prefixed("a", activityColumns);
type ActivityRow = RowOf<StyrningDB, "activity", typeof activityColumns>;

/** Activities of units in the subtree of `path` for a year. */
export const activitiesUnder = (db: Db, path: string, year: number) =>
  db
    .selectFrom("activity as a")
    .innerJoin("org_node as n", "n.id", "a.org_node_id")
    .leftJoin("org_node as r", "r.id", "a.responsible_org_node_id")
    .select([...activityColsAliased, "n.name as org_node_name", "n.path", "r.name as responsible_name"])
    .where("n.path", "like", `${path}%`)
    .where("a.year", "=", year)
    .orderBy("n.path")
    .orderBy("a.position")
    .orderBy("a.title")
    .execute();

export const activitiesOfGoals = (db: Db, goalIds: string[]) =>
  forIds(goalIds, () =>
    db
      .selectFrom("activity_goal as ag")
      .innerJoin("activity as a", "a.id", "ag.activity_id")
      .innerJoin("org_node as n", "n.id", "a.org_node_id")
      .select([...activityColsAliased, "ag.goal_id", "n.name as org_node_name"])
      .where("ag.goal_id", "in", goalIds)
      .orderBy("n.path")
      .orderBy("a.position")
      .execute(),
  );

export const nextActivityPosition = async (db: Db, orgNodeId: string, year: number) => {
  const row = await db
    .selectFrom("activity")
    .select((eb) => eb.fn.max("position").as("max"))
    .where("org_node_id", "=", orgNodeId)
    .where("year", "=", year)
    .executeTakeFirst();
  return (row?.max ?? -1) + 1;
};

export const findActivity = (db: Db, id: string) =>
  db
    .selectFrom("activity as a")
    .innerJoin("org_node as n", "n.id", "a.org_node_id")
    .select([...activityColsAliased, "n.path"])
    .where("a.id", "=", id)
    .executeTakeFirst();

export const insertActivity = (db: Db, values: New<StyrningDB, "activity">): Promise<ActivityRow> =>
  db.insertInto("activity").values(values).returning(activityColumns).executeTakeFirstOrThrow();

export const updateActivity = (
  db: Db,
  id: string,
  values: Partial<Omit<ActivityRow, "id" | "org_node_id" | "year">>,
): Promise<ActivityRow> =>
  db.updateTable("activity").set(values).where("id", "=", id).returning(activityColumns).executeTakeFirstOrThrow();

export const activityGoalsOf = (db: Db, activityIds: string[]) =>
  forIds(activityIds, () =>
    db
      .selectFrom("activity_goal as ag")
      .innerJoin("goal as g", "g.id", "ag.goal_id")
      .select(["ag.activity_id", "g.id", "g.code", "g.title"])
      .where("ag.activity_id", "in", activityIds)
      .orderBy("g.position")
      .execute(),
  );

export const replaceActivityGoals = async (db: Db, orgNodeId: string, activityId: string, goalIds: string[]) => {
  await db.deleteFrom("activity_goal").where("activity_id", "=", activityId).execute();
  if (goalIds.length) {
    await db
      .insertInto("activity_goal")
      .values(goalIds.map((goal_id) => ({ org_node_id: orgNodeId, activity_id: activityId, goal_id })))
      .execute();
  }
};

export const effectsOf = (db: Db, activityIds: string[]) =>
  forIds(activityIds, () =>
    db
      .selectFrom("activity_effect")
      .select(["activity_id", "position", "target_group", "effect"])
      .where("activity_id", "in", activityIds)
      .orderBy("position")
      .execute(),
  );

export const replaceEffects = async (
  db: Db,
  orgNodeId: string,
  activityId: string,
  effects: { group: string; effect: string }[],
) => {
  await db.deleteFrom("activity_effect").where("activity_id", "=", activityId).execute();
  if (effects.length) {
    await db
      .insertInto("activity_effect")
      .values(
        effects.map((e, position) => ({
          org_node_id: orgNodeId,
          activity_id: activityId,
          position,
          target_group: e.group,
          effect: e.effect,
        })),
      )
      .execute();
  }
};

export const followupsOf = (db: Db, activityIds: string[]) =>
  forIds(activityIds, () =>
    db
      .selectFrom("activity_followup")
      .select(["id", "activity_id", "period", "status", "comment", "author_name", "created_at"])
      .where("activity_id", "in", activityIds)
      .orderBy("period")
      .orderBy("created_at")
      .execute(),
  );

export const insertFollowup = (db: Db, values: New<StyrningDB, "activity_followup">) =>
  db.insertInto("activity_followup").values(values).returningAll().executeTakeFirstOrThrow();

/** The latest goal model held on one of `nodeIds` (a node's path: its own and the nämnd's above it). */
export const latestModelAmong = (db: Db, nodeIds: readonly string[]) =>
  db
    .selectFrom("goal_model")
    .select(["id", "year"])
    .where("org_node_id", "in", nodeIds)
    .orderBy("year", "desc")
    .executeTakeFirst();

/** How many active indicators followed up by the model's goals have no value (of any period) in `year`. */
export async function countIndicatorsWithoutValues(db: Db, modelId: string, year: number): Promise<number> {
  const row = await db
    .selectFrom("goal_indicator as gi")
    .innerJoin("goal as g", "g.id", "gi.goal_id")
    .innerJoin("indicator as i", "i.id", "gi.indicator_id")
    .select((eb) => eb.fn.count<number>("gi.indicator_id").distinct().as("n"))
    .where("g.model_id", "=", modelId)
    .where("i.active", "=", true)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("indicator_value as v")
            .select("v.id")
            .whereRef("v.indicator_id", "=", "gi.indicator_id")
            .where((v) => v.or([v("v.period", "=", String(year)), v("v.period", "like", `${year}-%`)])),
        ),
      ),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many activities under the node are still open (a status in `open`) after their end date. */
export async function countOverdueActivities(
  db: Db,
  under: string,
  today: string,
  open: readonly string[],
): Promise<number> {
  const row = await db
    .selectFrom("activity as a")
    .innerJoin("org_node as n", "n.id", "a.org_node_id")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("n.path", "like", `${under}%`)
    .where("a.status", "in", open)
    .where("a.end_date", "<", today)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---- dimensions and relations between indicators -------------------------------------------

const dimensionColumns = ["id", "org_node_id", "kind", "name"] as const;
export type DimensionRow = RowOf<StyrningDB, "indicator_dimension", typeof dimensionColumns>;
const memberColumns = ["id", "dimension_id", "position", "code", "label"] as const;
export type MemberRow = RowOf<StyrningDB, "indicator_dimension_member", typeof memberColumns>;

export const dimensionsAround = (db: Db, path: string) =>
  db
    .selectFrom("indicator_dimension as d")
    .innerJoin("org_node as n", "n.id", "d.org_node_id")
    .select([...prefixed("d", dimensionColumns), "n.name as org_node_name", "n.path"])
    .where(aroundNode(path))
    .orderBy("d.name")
    .execute();

export const findDimension = (db: Db, id: string) =>
  db
    .selectFrom("indicator_dimension as d")
    .innerJoin("org_node as n", "n.id", "d.org_node_id")
    .select([...prefixed("d", dimensionColumns), "n.path"])
    .where("d.id", "=", id)
    .executeTakeFirst();

export const findDimensions = (db: Db, ids: string[]): Promise<DimensionRow[]> =>
  forIds(ids, () => db.selectFrom("indicator_dimension").select(dimensionColumns).where("id", "in", ids).execute());

const linkColumns = ["indicator_id", "dimension_id", "position"] as const;
export type DimensionLinkRow = RowOf<StyrningDB, "indicator_dimension_link", typeof linkColumns>;

/** The dimensions of the indicators, each indicator's in its order. */
export const dimensionLinksOf = (db: Db, indicatorIds: string[]): Promise<DimensionLinkRow[]> =>
  forIds(indicatorIds, () =>
    db
      .selectFrom("indicator_dimension_link")
      .select(linkColumns)
      .where("indicator_id", "in", indicatorIds)
      .orderBy("indicator_id")
      .orderBy("position")
      .execute(),
  );

export async function replaceDimensionLinks(
  db: Db,
  indicator: { id: string; org_node_id: string },
  dimensionIds: readonly string[],
) {
  await db.deleteFrom("indicator_dimension_link").where("indicator_id", "=", indicator.id).execute();
  if (!dimensionIds.length) return;
  await db
    .insertInto("indicator_dimension_link")
    .values(
      dimensionIds.map((dimensionId, position) => ({
        org_node_id: indicator.org_node_id,
        indicator_id: indicator.id,
        dimension_id: dimensionId,
        position,
      })),
    )
    .execute();
}

export const membersOf = (db: Db, dimensionIds: string[]): Promise<MemberRow[]> =>
  forIds(dimensionIds, () =>
    db
      .selectFrom("indicator_dimension_member")
      .select(memberColumns)
      .where("dimension_id", "in", dimensionIds)
      .orderBy("dimension_id")
      .orderBy("position")
      .execute(),
  );

export const insertDimension = (db: Db, values: New<StyrningDB, "indicator_dimension">): Promise<DimensionRow> =>
  db.insertInto("indicator_dimension").values(values).returning(dimensionColumns).executeTakeFirstOrThrow();

export const insertMember = (db: Db, values: New<StyrningDB, "indicator_dimension_member">): Promise<MemberRow> =>
  db.insertInto("indicator_dimension_member").values(values).returning(memberColumns).executeTakeFirstOrThrow();

const relationColumns = ["id", "org_node_id", "whole_id", "part_id", "kind"] as const;
export type RelationRow = RowOf<StyrningDB, "indicator_relation", typeof relationColumns>;

/** Relations in which any of the indicators is the whole or a part. */
export const relationsOf = (db: Db, indicatorIds: string[]): Promise<RelationRow[]> =>
  forIds(indicatorIds, () =>
    db
      .selectFrom("indicator_relation")
      .select(relationColumns)
      .where((eb) => eb.or([eb("whole_id", "in", indicatorIds), eb("part_id", "in", indicatorIds)]))
      .orderBy("created_at")
      .execute(),
  );

export const deleteRelationsOf = (db: Db, wholeId: string, kind: string): Promise<RelationRow[]> =>
  db
    .deleteFrom("indicator_relation")
    .where("whole_id", "=", wholeId)
    .where("kind", "=", kind)
    .returning(relationColumns)
    .execute();

export const insertRelation = (db: Db, values: New<StyrningDB, "indicator_relation">) =>
  db.insertInto("indicator_relation").values(values).execute();
