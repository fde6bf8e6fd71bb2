import { sql } from "kysely";
import { forIds, type New } from "../platform/db/rows.ts";
import type { DbOf } from "../platform/db/schema.ts";
import type { NamndDB } from "./tables.ts";
import { type CaseStatus, standardCaseTypes } from "./vocabulary.ts";

type Db = DbOf<NamndDB>;

// ---------------------------------------------------------------- the nämnd and its people

/** The nämnd a node belongs to (the node itself or the nearest one above it), with its diarium prefix. */
export function namndOfPath(db: Db, path: string) {
  const ids = path.split("/").filter(Boolean);
  return db
    .selectFrom("org_node")
    .select(["id", "name", "path", "diarium_prefix"])
    .where("kind", "=", "namnd")
    .where("id", "in", ids)
    .orderBy(sql`length(path)`, "desc")
    .executeTakeFirst();
}

/** Active accounts with a current role on the nämnd or under it: who may be a case's handläggare. */
export const handlersUnder = (db: Db, path: string, today: string) =>
  db
    .selectFrom("app_user as u")
    .select(["u.id", "u.username", "u.display_name"])
    .where("u.active", "=", true)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("role_assignment as r")
          .innerJoin("org_node as n", "n.id", "r.org_node_id")
          .select("r.id")
          .whereRef("r.user_id", "=", "u.id")
          .where("n.path", "like", `${path}%`)
          .where((w) => w.or([w("r.valid_until", "is", null), w("r.valid_until", ">=", today)])),
      ),
    )
    .orderBy("u.display_name")
    .execute();

// ---------------------------------------------------------------- lists

export const caseTypesOf = (db: Db, kommunId: string) =>
  db
    .selectFrom("namnd_case_type")
    .select(["id", "code", "name", "active", "sort_order"])
    .where("org_node_id", "=", kommunId)
    .orderBy("sort_order")
    .orderBy("name")
    .execute();
export type CaseTypeRow = Awaited<ReturnType<typeof caseTypesOf>>[number];

/** Adds the standard case types a kommun lacks; existing rows (maybe edited) are left alone. */
export async function installStandardCaseTypes(db: Db, kommunId: string): Promise<void> {
  await db
    .insertInto("namnd_case_type")
    .values(
      standardCaseTypes.map((t, index) => ({ org_node_id: kommunId, code: t.code, name: t.name, sort_order: index })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export const lagrumList = (db: Db) =>
  db
    .selectFrom("namnd_lagrum")
    .select(["id", "code", "reference", "description", "active"])
    .orderBy("reference")
    .execute();
export type LagrumRow = Awaited<ReturnType<typeof lagrumList>>[number];

// ---------------------------------------------------------------- numbering

/**
 * The next number of the nämnd's series for the year. The upsert takes the series row's lock until the
 * caller's transaction ends, so concurrent registrations queue here and no number is skipped or issued twice
 * (a rolled-back registration rolls its number back too).
 */
export async function nextNumber(db: Db, namndId: string, year: number): Promise<number> {
  const { rows } = await sql<{ last_number: number }>`
    INSERT INTO namnd_diarium_series (org_node_id, year, last_number) VALUES (${namndId}, ${year}, 1)
    ON CONFLICT (org_node_id, year) DO UPDATE SET last_number = namnd_diarium_series.last_number + 1
    RETURNING last_number`.execute(db);
  return rows[0]?.last_number as number;
}

/** Moves the series past numbers that were imported as written, so the next one issued follows them. */
export async function raiseSeries(db: Db, namndId: string, year: number, atLeast: number): Promise<void> {
  await sql`
    INSERT INTO namnd_diarium_series (org_node_id, year, last_number) VALUES (${namndId}, ${year}, ${atLeast})
    ON CONFLICT (org_node_id, year) DO UPDATE
      SET last_number = greatest(namnd_diarium_series.last_number, excluded.last_number)`.execute(db);
}

export const seriesOf = (db: Db, namndId: string) =>
  db
    .selectFrom("namnd_diarium_series")
    .select(["year", "last_number"])
    .where("org_node_id", "=", namndId)
    .orderBy("year", "desc")
    .execute();

// ---------------------------------------------------------------- cases

export type CaseValues = New<NamndDB, "namnd_case">;

const caseColumns = [
  "c.id",
  "c.org_node_id",
  "c.prefix",
  "c.year",
  "c.number",
  "c.title",
  "c.case_type_id",
  "t.code as type_code",
  "t.name as type_name",
  "c.registered_on",
  "c.received_on",
  "c.handler_id",
  "u.display_name as handler_name",
  "c.status",
  "c.closed_on",
  "c.standing_series",
] as const;

const cases = (db: Db) =>
  db
    .selectFrom("namnd_case as c")
    .innerJoin("namnd_case_type as t", "t.id", "c.case_type_id")
    .leftJoin("app_user as u", "u.id", "c.handler_id");

export const findCase = (db: Db, id: string) => cases(db).select(caseColumns).where("c.id", "=", id).executeTakeFirst();
export type CaseRow = NonNullable<Awaited<ReturnType<typeof findCase>>>;

export const findCaseByNumber = (db: Db, namndId: string, n: { year: number; number: number }) =>
  cases(db)
    .select(caseColumns)
    .where("c.org_node_id", "=", namndId)
    .where("c.year", "=", n.year)
    .where("c.number", "=", n.number)
    .executeTakeFirst();

/** Inserts cases in one statement; an import chooses their ids, so its audit need not rely on row order. */
export async function insertCases(db: Db, values: readonly (CaseValues & { id?: string })[]): Promise<string[]> {
  if (values.length === 0) return [];
  const rows = await db
    .insertInto("namnd_case")
    .values([...values])
    .returning("id")
    .execute();
  return rows.map((r) => r.id);
}

export const updateCase = (
  db: Db,
  id: string,
  values: Partial<Omit<CaseValues, "org_node_id" | "prefix" | "year" | "number">>,
) => db.updateTable("namnd_case").set(values).where("id", "=", id).execute();

/** Which of these numbers the nämnd's diarium holds already. */
export const existingNumbers = (db: Db, namndId: string, years: readonly number[]) =>
  forIds(years, () =>
    db
      .selectFrom("namnd_case")
      .select(["year", "number"])
      .where("org_node_id", "=", namndId)
      .where("year", "in", years)
      .execute(),
  );

export type CaseFilter = {
  namndId: string;
  /** Free text over the title, the number as written (canonical) and the foreign references. */
  text?: string;
  /** A whole diarienummer: that case only (besides title matches of the same text). */
  number?: { year: number; number: number };
  year?: number;
  status?: CaseStatus;
  typeCode?: string;
  standing?: boolean;
  handlerId?: string;
  limit: number;
  offset: number;
};

const canonicalSql = sql<string>`c.prefix || '-' || c.year || '-' || lpad(c.number::text, 5, '0')`;

/** A page of the nämnd's cases, newest number first; and how many match in all. */
export async function listCases(db: Db, f: CaseFilter) {
  let query = cases(db).where("c.org_node_id", "=", f.namndId);
  if (f.year) query = query.where("c.year", "=", f.year);
  if (f.status) query = query.where("c.status", "=", f.status);
  if (f.typeCode) query = query.where("t.code", "=", f.typeCode);
  if (f.standing !== undefined) query = query.where("c.standing_series", f.standing ? "is not" : "is", null);
  if (f.handlerId) query = query.where("c.handler_id", "=", f.handlerId);
  const { text, number } = f;
  if (text !== undefined || number !== undefined) {
    query = query.where((eb) => {
      const any = [];
      if (number) any.push(eb.and([eb("c.year", "=", number.year), eb("c.number", "=", number.number)]));
      if (text !== undefined) {
        const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        any.push(
          eb("c.title", "ilike", pattern),
          eb(canonicalSql, "ilike", pattern),
          eb.exists(
            eb
              .selectFrom("namnd_case_reference as r")
              .select("r.id")
              .whereRef("r.case_id", "=", "c.id")
              .where("r.value", "ilike", pattern),
          ),
        );
      }
      return eb.or(any);
    });
  }
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();
  const rows = await query
    .select(caseColumns)
    .select((eb) =>
      eb
        .selectFrom("namnd_document as d")
        .select((d) => d.fn.countAll<number>().as("n"))
        .whereRef("d.case_id", "=", "c.id")
        .as("document_count"),
    )
    .orderBy("c.year", "desc")
    .orderBy("c.number", "desc")
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { total: Number(total), rows };
}

/** The standing series the nämnd has kept, each with the newest year it has a case for. */
export const standingSeriesOf = (db: Db, namndId: string) =>
  db
    .selectFrom("namnd_case as c")
    .innerJoin("namnd_case_type as t", "t.id", "c.case_type_id")
    .select(["c.standing_series as series", "t.code as type_code", (eb) => eb.fn.max("c.year").as("year")])
    .where("c.org_node_id", "=", namndId)
    .where("c.standing_series", "is not", null)
    .groupBy(["c.standing_series", "t.code"])
    .orderBy("c.standing_series")
    .execute();

// ---------------------------------------------------------------- links and references

/** The cases linked to one, either way round. */
export async function linkedCases(db: Db, caseId: string) {
  const ids = await db
    .selectFrom("namnd_case_link")
    .select(sql<string>`CASE WHEN case_id = ${caseId} THEN linked_id ELSE case_id END`.as("id"))
    .where((eb) => eb.or([eb("case_id", "=", caseId), eb("linked_id", "=", caseId)]))
    .execute();
  return forIds(ids, () =>
    cases(db)
      .select(caseColumns)
      .where(
        "c.id",
        "in",
        ids.map((r) => r.id),
      )
      .orderBy("c.year")
      .orderBy("c.number")
      .execute(),
  );
}

export const insertLink = (db: Db, pair: { case_id: string; linked_id: string }) =>
  db
    .insertInto("namnd_case_link")
    .values(pair)
    .onConflict((oc) => oc.doNothing())
    .execute();

export const deleteLink = async (db: Db, pair: { case_id: string; linked_id: string }) =>
  (
    await db
      .deleteFrom("namnd_case_link")
      .where("case_id", "=", pair.case_id)
      .where("linked_id", "=", pair.linked_id)
      .executeTakeFirst()
  ).numDeletedRows > 0n;

export const referencesOf = (db: Db, caseId: string) =>
  db
    .selectFrom("namnd_case_reference")
    .select(["id", "case_id", "kind", "value", "note"])
    .where("case_id", "=", caseId)
    .orderBy("kind")
    .orderBy("value")
    .execute();

export const insertReference = (db: Db, values: New<NamndDB, "namnd_case_reference">) =>
  db
    .insertInto("namnd_case_reference")
    .values(values)
    .returning(["id", "case_id", "kind", "value", "note"])
    .executeTakeFirstOrThrow();

export const deleteReference = (db: Db, caseId: string, id: string) =>
  db
    .deleteFrom("namnd_case_reference")
    .where("case_id", "=", caseId)
    .where("id", "=", id)
    .returning(["id", "case_id", "kind", "value", "note"])
    .executeTakeFirst();

// ---------------------------------------------------------------- documents

const documentColumns = [
  "d.id",
  "d.case_id",
  "d.org_node_id",
  "d.title",
  "d.file_name",
  "d.content_type",
  "d.size_bytes",
  "d.sha256",
  "d.direction",
  "d.document_date",
  "d.registered_on",
  "d.lagrum_id",
  "l.reference as lagrum_reference",
] as const;

const documents = (db: Db) => db.selectFrom("namnd_document as d").leftJoin("namnd_lagrum as l", "l.id", "d.lagrum_id");

/** A case's documents without their bytes, in the order they were registered. */
export const documentsOf = (db: Db, caseId: string) =>
  documents(db)
    .select(documentColumns)
    .where("d.case_id", "=", caseId)
    .orderBy("d.created_at")
    .orderBy("d.id")
    .execute();
export type DocumentRow = Awaited<ReturnType<typeof documentsOf>>[number];

export const findDocument = (db: Db, id: string) =>
  documents(db).select(documentColumns).where("d.id", "=", id).executeTakeFirst();

export const documentContent = async (db: Db, id: string) =>
  (await db.selectFrom("namnd_document").select("content").where("id", "=", id).executeTakeFirstOrThrow()).content;

export const insertDocument = async (db: Db, values: New<NamndDB, "namnd_document">) =>
  (await db.insertInto("namnd_document").values(values).returning("id").executeTakeFirstOrThrow()).id;

export const updateDocument = (
  db: Db,
  id: string,
  values: Partial<{
    title: string;
    direction: New<NamndDB, "namnd_document">["direction"];
    document_date: string | null;
    lagrum_id: string | null;
  }>,
) => db.updateTable("namnd_document").set(values).where("id", "=", id).execute();

/** How many of the nämnd's cases are open, and how many of those have `handlerId` as handläggare. */
export async function countOpenCases(db: Db, namndId: string, handlerId: string | null) {
  const row = await db
    .selectFrom("namnd_case")
    .select((eb) => [
      eb.fn.countAll<number>().as("open"),
      eb.fn
        .countAll<number>()
        .filterWhere("handler_id", "=", handlerId ?? "00000000-0000-0000-0000-000000000000")
        .as("mine"),
    ])
    .where("org_node_id", "=", namndId)
    .where("status", "=", "oppet")
    .executeTakeFirstOrThrow();
  return { open: Number(row.open), mine: Number(row.mine) };
}

/** The nämnd's first sammanträde on or after `from` not yet held (planned or called), with its body's name. */
export const nextMeeting = (db: Db, namndId: string, from: string) =>
  db
    .selectFrom("namnd_meeting as m")
    .innerJoin("namnd_body as b", "b.id", "m.body_id")
    .select(["m.id", "m.meeting_date", "m.status", "b.name as body_name"])
    .where("m.org_node_id", "=", namndId)
    .where("m.meeting_date", ">=", from)
    .where("m.status", "in", ["planerat", "kallat"])
    .orderBy("m.meeting_date")
    .orderBy("m.start_time")
    .executeTakeFirst();
