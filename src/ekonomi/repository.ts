import { type Selectable, sql } from "kysely";
import { forIds, inChunks, type New, prefixed, type RowOf } from "../platform/db/rows.ts";
import type { DbOf } from "../platform/db/schema.ts";
import type { EkonomiDB } from "./tables.ts";

type Db = DbOf<EkonomiDB>;

const levelColumns = ["id", "org_node_id", "year", "name", "code", "target_org_node_id", "sort_order"] as const;
export type LevelRow = RowOf<EkonomiDB, "ekonomi_level", typeof levelColumns>;

export const levelsOf = (db: Db, namndId: string, year: number) =>
  db
    .selectFrom("ekonomi_level")
    .select(levelColumns)
    .where("org_node_id", "=", namndId)
    .where("year", "=", year)
    .orderBy("sort_order")
    .orderBy("name")
    .execute();

export const levelsOfYears = (db: Db, namndId: string, years: number[]) =>
  forIds(years, () =>
    db
      .selectFrom("ekonomi_level")
      .select(levelColumns)
      .where("org_node_id", "=", namndId)
      .where("year", "in", years)
      .execute(),
  );

export const findLevel = (db: Db, id: string) =>
  db.selectFrom("ekonomi_level").select(levelColumns).where("id", "=", id).executeTakeFirst();

export const insertLevel = (db: Db, values: Omit<LevelRow, "id">) =>
  db.insertInto("ekonomi_level").values(values).returning(levelColumns).executeTakeFirstOrThrow();

export const updateLevel = (db: Db, id: string, values: Partial<Omit<LevelRow, "id" | "org_node_id" | "year">>) =>
  db.updateTable("ekonomi_level").set(values).where("id", "=", id).returning(levelColumns).executeTakeFirstOrThrow();

export const deleteLevel = (db: Db, id: string) => db.deleteFrom("ekonomi_level").where("id", "=", id).execute();

/** Years for which the committee has levels, newest first. */
export const yearsOf = async (db: Db, namndId: string) =>
  (
    await db
      .selectFrom("ekonomi_level")
      .select("year")
      .distinct()
      .where("org_node_id", "=", namndId)
      .orderBy("year", "desc")
      .execute()
  ).map((r) => r.year);

const mappingColumns = ["id", "org_node_id", "year", "level_id", "dimension", "pattern"] as const;

export const mappingsOf = (db: Db, namndId: string, year: number) =>
  db
    .selectFrom("ekonomi_code_mapping")
    .select(mappingColumns)
    .where("org_node_id", "=", namndId)
    .where("year", "=", year)
    .orderBy("dimension")
    .orderBy("pattern")
    .execute();

export const mappingsOfLevel = (db: Db, levelId: string) =>
  db.selectFrom("ekonomi_code_mapping").select(mappingColumns).where("level_id", "=", levelId).execute();

export const findMapping = (db: Db, id: string) =>
  db.selectFrom("ekonomi_code_mapping").select(mappingColumns).where("id", "=", id).executeTakeFirst();

export const insertMapping = (db: Db, values: New<EkonomiDB, "ekonomi_code_mapping">) =>
  db.insertInto("ekonomi_code_mapping").values(values).returning(mappingColumns).executeTakeFirstOrThrow();

export const deleteMapping = (db: Db, id: string) =>
  db.deleteFrom("ekonomi_code_mapping").where("id", "=", id).execute();

const forecastColumns = ["id", "org_node_id", "year", "name", "as_of"] as const;

export const forecastsOf = (db: Db, namndId: string, years: number[]) =>
  forIds(years, () =>
    db
      .selectFrom("ekonomi_forecast")
      .select(forecastColumns)
      .where("org_node_id", "=", namndId)
      .where("year", "in", years)
      .orderBy("as_of")
      .execute(),
  );

export const findForecast = (db: Db, id: string) =>
  db.selectFrom("ekonomi_forecast").select(forecastColumns).where("id", "=", id).executeTakeFirst();

export const insertForecast = (db: Db, values: New<EkonomiDB, "ekonomi_forecast">) =>
  db.insertInto("ekonomi_forecast").values(values).returning(forecastColumns).executeTakeFirstOrThrow();

export const updateForecast = (db: Db, id: string, values: { name?: string; as_of?: string }) =>
  db
    .updateTable("ekonomi_forecast")
    .set(values)
    .where("id", "=", id)
    .returning(forecastColumns)
    .executeTakeFirstOrThrow();

export const deleteForecast = (db: Db, id: string) => db.deleteFrom("ekonomi_forecast").where("id", "=", id).execute();

const frameColumns = ["id", "org_node_id", "year", "amount_kr", "decision_ref"] as const;

export const framesOf = (db: Db, namndId: string, years: number[]) =>
  forIds(years, () =>
    db
      .selectFrom("ekonomi_frame")
      .select(frameColumns)
      .where("org_node_id", "=", namndId)
      .where("year", "in", years)
      .execute(),
  );

export const insertFrame = (db: Db, values: New<EkonomiDB, "ekonomi_frame">) =>
  db.insertInto("ekonomi_frame").values(values).returning(frameColumns).executeTakeFirstOrThrow();

export const updateFrame = (db: Db, id: string, values: { amount_kr: number; decision_ref: string | null }) =>
  db.updateTable("ekonomi_frame").set(values).where("id", "=", id).returning(frameColumns).executeTakeFirstOrThrow();

const figureRowColumns = [
  "id",
  "level_id",
  "period_type",
  "period_no",
  "kind",
  "forecast_id",
  "amount_kr",
  "import_id",
] as const;
const figureColumns = prefixed("f", figureRowColumns);
export type FigureRow = RowOf<EkonomiDB, "ekonomi_figure", typeof figureRowColumns>;

/** Figures of the committee's levels for the given years (a level belongs to one year). */
export const figuresOf = (
  db: Db,
  namndId: string,
  years: number[],
  filter: { kind?: string; forecastId?: string; levelId?: string } = {},
): Promise<Array<FigureRow & { year: number }>> => {
  if (years.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom("ekonomi_figure as f")
    .innerJoin("ekonomi_level as l", "l.id", "f.level_id")
    .select([...figureColumns, "l.year"])
    .where("l.org_node_id", "=", namndId)
    .where("l.year", "in", years);
  if (filter.kind) query = query.where("f.kind", "=", filter.kind);
  if (filter.forecastId) query = query.where("f.forecast_id", "=", filter.forecastId);
  if (filter.levelId) query = query.where("f.level_id", "=", filter.levelId);
  return query.orderBy("l.sort_order").orderBy("f.kind").orderBy("f.period_type").orderBy("f.period_no").execute();
};

export const findFigure = (db: Db, id: string) =>
  db
    .selectFrom("ekonomi_figure as f")
    .innerJoin("ekonomi_level as l", "l.id", "f.level_id")
    .select([...figureColumns, "l.year", "l.org_node_id"])
    .where("f.id", "=", id)
    .executeTakeFirst();

// A slice per statement: 8 parameters a figure, well under Postgres' 65 535.
const FIGURES_PER_STATEMENT = 1000;

/** Inserts many figures in a few statements (an import writes hundreds; one statement each held the server). */
export const insertFigures = (db: Db, rows: Array<Omit<FigureRow, "id"> & { org_node_id: string }>) =>
  inChunks(rows, FIGURES_PER_STATEMENT, (chunk) =>
    db.insertInto("ekonomi_figure").values(chunk).returningAll().execute(),
  );

/** Sets new amounts on many figures in a few statements; returns the changed rows. */
export const updateFigureAmounts = (
  db: Db,
  changes: Array<{ id: string; amount_kr: number; import_id: string | null }>,
) =>
  inChunks(changes, FIGURES_PER_STATEMENT, async (chunk) => {
    const values = sql.join(chunk.map((c) => sql`(${c.id}::uuid, ${c.amount_kr}::bigint, ${c.import_id}::uuid)`));
    const result = await sql<Selectable<EkonomiDB["ekonomi_figure"]>>`
      UPDATE ekonomi_figure AS f SET amount_kr = v.amount_kr, import_id = v.import_id
      FROM (VALUES ${values}) AS v(id, amount_kr, import_id)
      WHERE f.id = v.id RETURNING f.*`.execute(db);
    return result.rows;
  });

export const deleteFigure = (db: Db, id: string) => db.deleteFrom("ekonomi_figure").where("id", "=", id).execute();

export const countFiguresOfLevel = async (db: Db, levelId: string) =>
  Number(
    (
      await db
        .selectFrom("ekonomi_figure")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("level_id", "=", levelId)
        .executeTakeFirstOrThrow()
    ).n,
  );

const importColumns = [
  "id",
  "org_node_id",
  "year",
  "format",
  "file_name",
  "file_hash",
  "kind",
  "forecast_id",
  "settings",
  "rows_read",
  "rows_used",
  "rows_skipped",
  "figures_changed",
  "imported_by",
  "created_at",
  "updated_at",
] as const;

export const importsOf = (db: Db, namndId: string, year: number) =>
  db
    .selectFrom("ekonomi_import")
    .select(importColumns)
    .where("org_node_id", "=", namndId)
    .where("year", "=", year)
    .orderBy("created_at", "desc")
    .execute();

export const findImportByHash = (
  db: Db,
  namndId: string,
  year: number,
  kind: string,
  forecastId: string | null,
  hash: string,
) => {
  let query = db
    .selectFrom("ekonomi_import")
    .select(importColumns)
    .where("org_node_id", "=", namndId)
    .where("year", "=", year)
    .where("kind", "=", kind)
    .where("file_hash", "=", hash);
  query = forecastId ? query.where("forecast_id", "=", forecastId) : query.where("forecast_id", "is", null);
  return query.executeTakeFirst();
};

export const insertImport = (db: Db, values: New<EkonomiDB, "ekonomi_import">) =>
  db.insertInto("ekonomi_import").values(values).returning(importColumns).executeTakeFirstOrThrow();

export const updateImport = (
  db: Db,
  id: string,
  values: Omit<
    New<EkonomiDB, "ekonomi_import">,
    "org_node_id" | "year" | "format" | "file_hash" | "kind" | "forecast_id"
  >,
) =>
  db.updateTable("ekonomi_import").set(values).where("id", "=", id).returning(importColumns).executeTakeFirstOrThrow();

const investmentColumns = [
  "id",
  "org_node_id",
  "year",
  "category",
  "name",
  "project_code",
  "budget_inkomster_kr",
  "budget_utgifter_kr",
  "bokslut_inkomster_kr",
  "bokslut_utgifter_kr",
  "note",
  "sort_order",
] as const;
export type InvestmentRow = RowOf<EkonomiDB, "ekonomi_investment", typeof investmentColumns>;

export const investmentsOf = (db: Db, namndId: string, years: number[]) =>
  forIds(years, () =>
    db
      .selectFrom("ekonomi_investment")
      .select(investmentColumns)
      .where("org_node_id", "=", namndId)
      .where("year", "in", years)
      .orderBy("year")
      .orderBy("category")
      .orderBy("sort_order")
      .orderBy("name")
      .execute(),
  );

export const findInvestment = (db: Db, id: string) =>
  db.selectFrom("ekonomi_investment").select(investmentColumns).where("id", "=", id).executeTakeFirst();

export const insertInvestment = (db: Db, values: Omit<InvestmentRow, "id">) =>
  db.insertInto("ekonomi_investment").values(values).returning(investmentColumns).executeTakeFirstOrThrow();

export const updateInvestment = (
  db: Db,
  id: string,
  values: Partial<Omit<InvestmentRow, "id" | "org_node_id" | "year">>,
) =>
  db
    .updateTable("ekonomi_investment")
    .set(values)
    .where("id", "=", id)
    .returning(investmentColumns)
    .executeTakeFirstOrThrow();

export const deleteInvestment = (db: Db, id: string) =>
  db.deleteFrom("ekonomi_investment").where("id", "=", id).execute();

const reallocationColumns = [
  "id",
  "org_node_id",
  "year",
  "title",
  "reason",
  "financing",
  "status",
  "case_ref",
  "decision_ref",
  "decided_on",
] as const;
export type ReallocationRow = RowOf<EkonomiDB, "ekonomi_reallocation", typeof reallocationColumns>;

export const reallocationsOf = (db: Db, namndId: string, year: number) =>
  db
    .selectFrom("ekonomi_reallocation")
    .select(reallocationColumns)
    .where("org_node_id", "=", namndId)
    .where("year", "=", year)
    .orderBy("created_at")
    .execute();

export const findReallocation = (db: Db, id: string) =>
  db.selectFrom("ekonomi_reallocation").select(reallocationColumns).where("id", "=", id).executeTakeFirst();

export const insertReallocation = (
  db: Db,
  values: Omit<ReallocationRow, "id" | "status" | "decision_ref" | "decided_on">,
) =>
  db
    .insertInto("ekonomi_reallocation")
    .values({ ...values, status: "forslag" })
    .returning(reallocationColumns)
    .executeTakeFirstOrThrow();

export const updateReallocation = (
  db: Db,
  id: string,
  values: Partial<Omit<ReallocationRow, "id" | "org_node_id" | "year">>,
) =>
  db
    .updateTable("ekonomi_reallocation")
    .set(values)
    .where("id", "=", id)
    .returning(reallocationColumns)
    .executeTakeFirstOrThrow();

export const deleteReallocation = (db: Db, id: string) =>
  db.deleteFrom("ekonomi_reallocation").where("id", "=", id).execute();

export const linesOf = (db: Db, reallocationIds: string[]) =>
  forIds(reallocationIds, () =>
    db
      .selectFrom("ekonomi_reallocation_line as r")
      .innerJoin("ekonomi_level as l", "l.id", "r.level_id")
      .select(["r.id", "r.reallocation_id", "r.level_id", "r.amount_kr", "l.name as level_name"])
      .where("r.reallocation_id", "in", reallocationIds)
      .orderBy("l.sort_order")
      .execute(),
  );

export const insertLines = (
  db: Db,
  orgNodeId: string,
  reallocationId: string,
  lines: Array<{ levelId: string; amountKr: number }>,
) =>
  db
    .insertInto("ekonomi_reallocation_line")
    .values(
      lines.map((l) => ({
        org_node_id: orgNodeId,
        reallocation_id: reallocationId,
        level_id: l.levelId,
        amount_kr: l.amountKr,
      })),
    )
    .execute();

export const deleteLines = (db: Db, reallocationId: string) =>
  db.deleteFrom("ekonomi_reallocation_line").where("reallocation_id", "=", reallocationId).execute();

export const countLinesOfLevel = async (db: Db, levelId: string) =>
  Number(
    (
      await db
        .selectFrom("ekonomi_reallocation_line")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("level_id", "=", levelId)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Lines of decided reallocations of a year: what the revised budget must reflect. */
export const decidedLinesOf = (db: Db, namndId: string, year: number) =>
  db
    .selectFrom("ekonomi_reallocation_line as r")
    .innerJoin("ekonomi_reallocation as a", "a.id", "r.reallocation_id")
    .select(["r.level_id", "r.amount_kr"])
    .where("a.org_node_id", "=", namndId)
    .where("a.year", "=", year)
    .where("a.status", "=", "beslutad")
    .execute();

const fundColumns = [
  "id",
  "org_node_id",
  "year",
  "kind",
  "amount_kr",
  "decision_ref",
  "decided_on",
  "decided_by",
  "note",
  "reallocation_id",
] as const;
export type FundEntryRow = RowOf<EkonomiDB, "ekonomi_fund_entry", typeof fundColumns>;

export const fundEntriesOf = (db: Db, namndId: string) =>
  db
    .selectFrom("ekonomi_fund_entry")
    .select(fundColumns)
    .where("org_node_id", "=", namndId)
    .orderBy("year")
    .orderBy("decided_on")
    .execute();

export const findFundEntry = (db: Db, id: string) =>
  db.selectFrom("ekonomi_fund_entry").select(fundColumns).where("id", "=", id).executeTakeFirst();

export const insertFundEntry = (db: Db, values: Omit<FundEntryRow, "id">) =>
  db.insertInto("ekonomi_fund_entry").values(values).returning(fundColumns).executeTakeFirstOrThrow();

export const deleteFundEntry = (db: Db, id: string) =>
  db.deleteFrom("ekonomi_fund_entry").where("id", "=", id).execute();

export const deleteImport = (db: Db, id: string) => db.deleteFrom("ekonomi_import").where("id", "=", id).execute();

/** The nämnd among `nodeIds` (a node's path) that has ekonomi levels, with its latest year; undefined if none. */
export const latestYearAmong = (db: Db, nodeIds: readonly string[]) =>
  db
    .selectFrom("ekonomi_level")
    .select(["org_node_id", (eb) => eb.fn.max("year").as("year")])
    .where("org_node_id", "in", nodeIds)
    .groupBy("org_node_id")
    .executeTakeFirst();
