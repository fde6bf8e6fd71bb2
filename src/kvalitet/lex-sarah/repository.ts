import { sql } from "kysely";
import { forIds, type New } from "../../platform/db/rows.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import type { KvalitetDB } from "../tables.ts";
import { type CaseStatus, listKinds, type Outcome, standardLists } from "./vocabulary.ts";

type Db = DbOf<KvalitetDB>;

// ---------------------------------------------------------------- the kommun's lists

/** Adds the standard entries a kommun lacks; existing rows (maybe edited) are left alone. Returns how many were added. */
export async function installLists(db: Db, kommunId: string): Promise<number> {
  const rows = listKinds.flatMap((list) =>
    standardLists[list].map((e, index) => ({
      org_node_id: kommunId,
      list,
      code: e.code,
      name: e.name,
      sort_order: index,
    })),
  );
  const added = await db
    .insertInto("kvalitet_lex_sarah_list")
    .values(rows)
    .onConflict((oc) => oc.doNothing())
    .returning("id")
    .execute();
  return added.length;
}

export type ListEntryRow = Awaited<ReturnType<typeof listEntriesOf>>[number];
const listEntryColumns = ["id", "org_node_id", "list", "code", "name", "active", "sort_order"] as const;

export const findListEntry = (db: Db, id: string) =>
  db.selectFrom("kvalitet_lex_sarah_list").select(listEntryColumns).where("id", "=", id).executeTakeFirst();

export const insertListEntry = (db: Db, values: New<KvalitetDB, "kvalitet_lex_sarah_list">) =>
  db.insertInto("kvalitet_lex_sarah_list").values(values).returning(listEntryColumns).executeTakeFirstOrThrow();

export const updateListEntry = (
  db: Db,
  id: string,
  values: Partial<{ name: string; active: boolean; sort_order: number }>,
) =>
  db
    .updateTable("kvalitet_lex_sarah_list")
    .set(values)
    .where("id", "=", id)
    .returning(listEntryColumns)
    .executeTakeFirstOrThrow();

export const listEntriesOf = (db: Db, kommunId: string) =>
  db
    .selectFrom("kvalitet_lex_sarah_list")
    .select(["id", "list", "code", "name", "active", "sort_order"])
    .where("org_node_id", "=", kommunId)
    .orderBy("list")
    .orderBy("sort_order")
    .orderBy("name")
    .execute();

// ---------------------------------------------------------------- numbers

/**
 * The next number of the nämnd's series for the report year. The upsert takes the counter row's lock until
 * the transaction ends, so concurrent registrations wait for each other; a rolled-back one gives its number
 * back, so the series has no gaps.
 */
export async function takeNumber(db: Db, namndId: string, year: number): Promise<number> {
  const row = await db
    .insertInto("kvalitet_lex_sarah_counter")
    .values({ namnd_id: namndId, year, last_number: 1 })
    .onConflict((oc) =>
      oc.columns(["namnd_id", "year"]).doUpdateSet({ last_number: sql`kvalitet_lex_sarah_counter.last_number + 1` }),
    )
    .returning("last_number")
    .executeTakeFirstOrThrow();
  return row.last_number;
}

/** Sets the counters to the highest numbers the cases hold (after a bulk load that numbered them itself). */
export async function syncCounters(db: Db): Promise<void> {
  await sql`
    INSERT INTO kvalitet_lex_sarah_counter (namnd_id, year, last_number)
    SELECT namnd_id, report_year, max(number) FROM kvalitet_lex_sarah GROUP BY 1, 2
    ON CONFLICT (namnd_id, year) DO UPDATE SET last_number = greatest(kvalitet_lex_sarah_counter.last_number,
      excluded.last_number)`.execute(db);
}

// ---------------------------------------------------------------- cases

const caseColumns = [
  "id",
  "org_node_id",
  "namnd_id",
  "report_year",
  "number",
  "reported_on",
  "noticed_on",
  "occurred_on",
  "gist",
  "category_id",
  "brist",
  "consequence",
  "recurrence",
  "route",
  "event_id",
  "status",
  "decision_id",
] as const;

export type CaseRow = NonNullable<Awaited<ReturnType<typeof findCase>>>;
export type CaseValues = New<KvalitetDB, "kvalitet_lex_sarah">;

export const findCase = (db: Db, id: string) =>
  db.selectFrom("kvalitet_lex_sarah").select(caseColumns).where("id", "=", id).executeTakeFirst();

export const findCases = (db: Db, ids: readonly string[]) =>
  forIds(ids, () => db.selectFrom("kvalitet_lex_sarah").select(caseColumns).where("id", "in", ids).execute());

export const casesOfDecision = (db: Db, decisionId: string) =>
  db
    .selectFrom("kvalitet_lex_sarah")
    .select(caseColumns)
    .where("decision_id", "=", decisionId)
    .orderBy("report_year")
    .orderBy("number")
    .execute();

export const insertCase = (db: Db, values: CaseValues) =>
  db.insertInto("kvalitet_lex_sarah").values(values).returning(caseColumns).executeTakeFirstOrThrow();

/** Many cases at once (the demo), in chunks that keep under the statement's parameter limit. */
export async function insertCases(db: Db, values: readonly (CaseValues & { id: string })[]): Promise<void> {
  for (let i = 0; i < values.length; i += 500) {
    await db
      .insertInto("kvalitet_lex_sarah")
      .values(values.slice(i, i + 500))
      .execute();
  }
}

export const updateCase = (
  db: Db,
  id: string,
  values: Partial<Omit<CaseValues, "namnd_id" | "report_year" | "number">>,
) =>
  db
    .updateTable("kvalitet_lex_sarah")
    .set(values)
    .where("id", "=", id)
    .returning(caseColumns)
    .executeTakeFirstOrThrow();

/** The chosen causes and measures of the cases, as (case, list entry) pairs. */
export const choicesOf = (db: Db, caseIds: readonly string[]) =>
  forIds(caseIds, () =>
    db
      .selectFrom("kvalitet_lex_sarah_choice")
      .select(["case_id", "entry_id"])
      .where("case_id", "in", caseIds)
      .execute(),
  );

export async function insertChoices(db: Db, rows: readonly { case_id: string; entry_id: string }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto("kvalitet_lex_sarah_choice")
      .values(rows.slice(i, i + 1000))
      .execute();
  }
}

export async function replaceChoices(db: Db, caseId: string, entryIds: readonly string[]): Promise<void> {
  await db.deleteFrom("kvalitet_lex_sarah_choice").where("case_id", "=", caseId).execute();
  await insertChoices(
    db,
    entryIds.map((entry_id) => ({ case_id: caseId, entry_id })),
  );
}

// ---------------------------------------------------------------- investigation entries

const entryColumns = ["id", "case_id", "entry_date", "item_id", "source", "kind", "author", "text"] as const;
export type EntryRow = Awaited<ReturnType<typeof entriesOf>>[number];
export type EntryValues = New<KvalitetDB, "kvalitet_lex_sarah_entry">;

export const entriesOf = (db: Db, caseId: string) =>
  db
    .selectFrom("kvalitet_lex_sarah_entry")
    .select(entryColumns)
    .where("case_id", "=", caseId)
    .orderBy("entry_date")
    .orderBy("created_at")
    .execute();

export async function countEntries(db: Db, caseId: string): Promise<number> {
  const row = await db
    .selectFrom("kvalitet_lex_sarah_entry")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("case_id", "=", caseId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertEntries(db: Db, values: readonly EntryValues[]): Promise<EntryRow[]> {
  const rows: EntryRow[] = [];
  for (let i = 0; i < values.length; i += 500) {
    rows.push(
      ...(await db
        .insertInto("kvalitet_lex_sarah_entry")
        .values(values.slice(i, i + 500))
        .returning(entryColumns)
        .execute()),
    );
  }
  return rows;
}

// ---------------------------------------------------------------- decisions

const decisionColumns = [
  "id",
  "namnd_id",
  "decided_on",
  "outcome",
  "finding",
  "ivo_form_done",
  "ivo_investigation_attached",
  "ivo_sent_on",
  "ivo_reference",
] as const;
export type DecisionRow = NonNullable<Awaited<ReturnType<typeof findDecision>>>;
export type DecisionValues = New<KvalitetDB, "kvalitet_lex_sarah_decision">;

export const findDecision = (db: Db, id: string) =>
  db.selectFrom("kvalitet_lex_sarah_decision").select(decisionColumns).where("id", "=", id).executeTakeFirst();

export async function insertDecisions(db: Db, values: readonly (DecisionValues & { id: string })[]): Promise<void> {
  for (let i = 0; i < values.length; i += 500) {
    await db
      .insertInto("kvalitet_lex_sarah_decision")
      .values(values.slice(i, i + 500))
      .execute();
  }
}

export const updateDecision = (db: Db, id: string, values: Partial<Omit<DecisionValues, "namnd_id">>) =>
  db
    .updateTable("kvalitet_lex_sarah_decision")
    .set(values)
    .where("id", "=", id)
    .returning(decisionColumns)
    .executeTakeFirstOrThrow();

/** Sets the decision on the cases it covers, which thereby become beslutade. */
export const decideCases = (db: Db, caseIds: readonly string[], decisionId: string) =>
  db
    .updateTable("kvalitet_lex_sarah")
    .set({ decision_id: decisionId, status: "beslutad" })
    .where("id", "in", caseIds)
    .execute();

// ---------------------------------------------------------------- the register

export type CaseFilter = {
  under: string;
  year?: number;
  /** Reported from and to (both included). */
  periodStart?: string;
  periodEnd?: string;
  status?: CaseStatus;
  outcome?: Outcome;
  limit: number;
  offset: number;
};

/** A page of cases under a node, newest number first, with unit, category and decision; and how many match. */
export async function listCases(db: Db, f: CaseFilter) {
  let query = db
    .selectFrom("kvalitet_lex_sarah as c")
    .innerJoin("org_node as n", "n.id", "c.org_node_id")
    .innerJoin("kvalitet_lex_sarah_list as k", "k.id", "c.category_id")
    .leftJoin("kvalitet_lex_sarah_decision as d", "d.id", "c.decision_id")
    .where("n.path", "like", `${f.under}%`);
  if (f.year) query = query.where("c.report_year", "=", f.year);
  if (f.periodStart) query = query.where("c.reported_on", ">=", f.periodStart);
  if (f.periodEnd) query = query.where("c.reported_on", "<=", f.periodEnd);
  if (f.status) query = query.where("c.status", "=", f.status);
  if (f.outcome) query = query.where("d.outcome", "=", f.outcome);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();
  const rows = await query
    .select([
      "c.id",
      "c.org_node_id",
      "c.report_year",
      "c.number",
      "c.reported_on",
      "c.gist",
      "c.status",
      "n.name as unit_name",
      "k.name as category_name",
      "d.outcome",
      "d.decided_on",
      "d.ivo_sent_on",
    ])
    .orderBy("c.report_year", "desc")
    .orderBy("c.number", "desc")
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { total: Number(total), rows };
}

// ---------------------------------------------------------------- the memo

/** The report dates of the nämnd's cases reported in the period. */
export async function reportDates(db: Db, namndId: string, from: string, to: string): Promise<string[]> {
  const rows = await db
    .selectFrom("kvalitet_lex_sarah")
    .select("reported_on")
    .where("namnd_id", "=", namndId)
    .where("reported_on", ">=", from)
    .where("reported_on", "<=", to)
    .execute();
  return rows.map((r) => r.reported_on);
}

/** The nämnd's decisions taken in the period, one row per case they cover. */
export const decidedCases = (db: Db, namndId: string, from: string, to: string) =>
  db
    .selectFrom("kvalitet_lex_sarah_decision as d")
    .innerJoin("kvalitet_lex_sarah as c", "c.decision_id", "d.id")
    .select([
      "d.id as decision_id",
      "d.decided_on",
      "d.outcome",
      "d.finding",
      "c.id",
      "c.org_node_id",
      "c.report_year",
      "c.number",
      "c.gist",
      "c.consequence",
    ])
    .where("d.namnd_id", "=", namndId)
    .where("d.decided_on", ">=", from)
    .where("d.decided_on", "<=", to)
    .execute();

// ---------------------------------------------------------------- counts for the statistics

/** Cases under the node per unit reported in the year. */
export async function reportCounts(db: Db, under: string, year: number) {
  const { rows } = await sql<{ unitId: string; count: number }>`
    SELECT c.org_node_id AS "unitId", count(*)::int AS count
    FROM kvalitet_lex_sarah c JOIN org_node n ON n.id = c.org_node_id
    WHERE n.path LIKE ${`${under}%`} AND c.report_year = ${year}
    GROUP BY 1`.execute(db);
  return rows;
}

/** Cases under the node decided in the year (whatever their report year), per unit and outcome. */
export async function decisionCounts(db: Db, under: string, year: number) {
  const { rows } = await sql<{ unitId: string; outcome: Outcome; count: number }>`
    SELECT c.org_node_id AS "unitId", d.outcome, count(*)::int AS count
    FROM kvalitet_lex_sarah c
    JOIN org_node n ON n.id = c.org_node_id
    JOIN kvalitet_lex_sarah_decision d ON d.id = c.decision_id
    WHERE n.path LIKE ${`${under}%`} AND d.decided_on BETWEEN ${`${year}-01-01`} AND ${`${year}-12-31`}
    GROUP BY 1, 2`.execute(db);
  return rows;
}

/** How many lex Sarah cases under the node are not yet decided. */
export async function countOpenCases(db: Db, under: string): Promise<number> {
  const row = await db
    .selectFrom("kvalitet_lex_sarah as c")
    .innerJoin("org_node as n", "n.id", "c.org_node_id")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("n.path", "like", `${under}%`)
    .where("c.status", "<>", "beslutad")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The cases under the node a period's joint view needs: reported by `to` and not decided before `from`,
 * with unit, decision and IVO dispatch, oldest report first.
 */
export const casesTouching = (db: Db, under: string, from: string, to: string) =>
  db
    .selectFrom("kvalitet_lex_sarah as c")
    .innerJoin("org_node as n", "n.id", "c.org_node_id")
    .leftJoin("kvalitet_lex_sarah_decision as d", "d.id", "c.decision_id")
    .select([
      "c.id",
      "c.org_node_id",
      "n.name as unit_name",
      "c.report_year",
      "c.number",
      "c.reported_on",
      "c.gist",
      "c.decision_id",
      "d.decided_on",
      "d.outcome",
      "d.ivo_sent_on",
    ])
    .where("n.path", "like", `${under}%`)
    .where("c.reported_on", "<=", to)
    .where((eb) => eb.or([eb("d.decided_on", "is", null), eb("d.decided_on", ">=", from)]))
    .orderBy("c.reported_on")
    .orderBy("c.report_year")
    .orderBy("c.number")
    .execute();
