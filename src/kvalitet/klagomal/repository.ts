import { sql } from "kysely";
import { type New, prefixed } from "../../platform/db/rows.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import type { KvalitetDB } from "../tables.ts";
import type { Channel, ComplaintType } from "./vocabulary.ts";

type Db = DbOf<KvalitetDB>;

const columns = [
  "id",
  "org_node_id",
  "received_on",
  "channel",
  "sender_type",
  "complaint_type",
  "category",
  "anonymous",
  "political",
  "dnr",
  "summary",
  "acknowledged_on",
  "answered_on",
  "answer",
  "measures",
  "closed_on",
] as const;

export type ComplaintRow = NonNullable<Awaited<ReturnType<typeof findComplaint>>>;
export type ComplaintValues = New<KvalitetDB, "kvalitet_complaint">;

export const findComplaint = (db: Db, id: string) =>
  db.selectFrom("kvalitet_complaint").select(columns).where("id", "=", id).executeTakeFirst();

/** Inserts the rows in one statement and answers them as stored, in the order given. */
export const insertComplaints = (db: Db, values: readonly ComplaintValues[]) =>
  values.length === 0
    ? Promise.resolve([])
    : db
        .insertInto("kvalitet_complaint")
        .values([...values])
        .returning(columns)
        .execute();

export const updateComplaint = (db: Db, id: string, values: Partial<Omit<ComplaintValues, "org_node_id">>) =>
  db.updateTable("kvalitet_complaint").set(values).where("id", "=", id).returning(columns).executeTakeFirstOrThrow();

export type ComplaintFilter = {
  under: string;
  year?: number;
  /** Received from and to (both included). */
  periodStart?: string;
  periodEnd?: string;
  type?: ComplaintType;
  channel?: Channel;
  state?: "oppna" | "avslutade";
  limit: number;
  offset: number;
};

/** A page of synpunkter under a node, newest received first, with the unit's name; and how many match. */
export async function listComplaints(db: Db, f: ComplaintFilter) {
  let query = db
    .selectFrom("kvalitet_complaint as c")
    .innerJoin("org_node as n", "n.id", "c.org_node_id")
    .where("n.path", "like", `${f.under}%`);
  if (f.year)
    query = query.where("c.received_on", ">=", `${f.year}-01-01`).where("c.received_on", "<=", `${f.year}-12-31`);
  if (f.periodStart) query = query.where("c.received_on", ">=", f.periodStart);
  if (f.periodEnd) query = query.where("c.received_on", "<=", f.periodEnd);
  if (f.type) query = query.where("c.complaint_type", "=", f.type);
  if (f.channel) query = query.where("c.channel", "=", f.channel);
  if (f.state === "oppna") query = query.where("c.closed_on", "is", null);
  if (f.state === "avslutade") query = query.where("c.closed_on", "is not", null);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();
  const rows = await query
    .select([...prefixed("c", columns), "n.name as unit_name"])
    .orderBy("c.received_on", "desc")
    .orderBy("c.id")
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { total: Number(total), rows };
}

/** Every synpunkt under the node received from `from` to `to` (both included), oldest first, with the unit's name. */
export const receivedBetween = (db: Db, under: string, from: string, to: string) =>
  db
    .selectFrom("kvalitet_complaint as c")
    .innerJoin("org_node as n", "n.id", "c.org_node_id")
    .where("n.path", "like", `${under}%`)
    .where("c.received_on", ">=", from)
    .where("c.received_on", "<=", to)
    .select([...prefixed("c", columns), "n.name as unit_name"])
    .orderBy("c.received_on")
    .orderBy("c.complaint_type")
    .orderBy("c.id")
    .execute();

/** What the statistics count, per synpunkt received under the node from `from` to `to` (both included): no free text. */
export const countedBetween = (db: Db, under: string, from: string, to: string) =>
  db
    .selectFrom("kvalitet_complaint as c")
    .innerJoin("org_node as n", "n.id", "c.org_node_id")
    .where("n.path", "like", `${under}%`)
    .where("c.received_on", ">=", from)
    .where("c.received_on", "<=", to)
    .select([
      "c.org_node_id",
      "c.received_on",
      "c.channel",
      "c.complaint_type",
      "c.category",
      "c.anonymous",
      "c.political",
      "c.acknowledged_on",
      "c.answered_on",
    ])
    .execute();

/** The newest year in which a synpunkt under the node was received (undefined when none was). */
export async function latestYear(db: Db, under: string): Promise<number | undefined> {
  const { rows } = await sql<{ year: number | null }>`
    SELECT max(extract(year FROM c.received_on))::int AS year
    FROM kvalitet_complaint c JOIN org_node n ON n.id = c.org_node_id
    WHERE n.path LIKE ${`${under}%`}`.execute(db);
  return rows[0]?.year ?? undefined;
}

/**
 * How many unanswered, non-anonymous synpunkter under the node had their answer days start (the
 * acknowledgement, else the receipt) before `startedBefore`: the late ones, given the cutoff of start.ts.
 */
export async function countUnansweredStartedBefore(db: Db, under: string, startedBefore: string): Promise<number> {
  const row = await db
    .selectFrom("kvalitet_complaint as c")
    .innerJoin("org_node as n", "n.id", "c.org_node_id")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("n.path", "like", `${under}%`)
    .where("c.answered_on", "is", null)
    .where("c.anonymous", "=", false)
    .where((eb) => eb(eb.fn.coalesce("c.acknowledged_on", "c.received_on"), "<", startedBefore))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
