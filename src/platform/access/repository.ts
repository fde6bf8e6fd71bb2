// Queries of the access log; what is logged and who may see it are decided in log.ts.
import { endOfDay, forIds, inChunks, type New, startOfDay } from "../db/rows.ts";
import type { PlatformDb, PlatformTables } from "../db/schema.ts";

export async function insertAccessEntry(
  db: PlatformDb,
  entry: New<PlatformTables, "access_log">,
  records: Omit<New<PlatformTables, "access_log_record">, "access_id">[],
): Promise<void> {
  const { id } = await db.insertInto("access_log").values(entry).returning("id").executeTakeFirstOrThrow();
  // A quarter report can disclose tens of thousands of decisions: five parameters a record, in slices.
  await inChunks(records, 10_000, async (chunk) => {
    await db
      .insertInto("access_log_record")
      .values(chunk.map((r) => ({ ...r, access_id: id })))
      .execute();
    return [];
  });
}

export type AccessFilter = {
  /** Part of the reader's name, or the reader's user id. */
  user?: string;
  from?: string;
  to?: string;
  recordId?: string;
  personId?: string;
  operation?: string;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Entries made on a node under one of the path prefixes `scopes`, or that disclosed a record there.
 * Filters on records (record id, person id) match entries that disclosed such a record.
 */
function scopedEntries(db: PlatformDb, scopes: string[], f: AccessFilter) {
  let q = db
    .selectFrom("access_log as a")
    .leftJoin("org_node as n", "n.id", "a.org_node_id")
    .where((eb) =>
      eb.or([
        ...scopes.map((p) => eb("n.path", "like", `${p}%`)),
        eb.exists(
          eb
            .selectFrom("access_log_record as r")
            .innerJoin("org_node as rn", "rn.id", "r.org_node_id")
            .select("r.id")
            .whereRef("r.access_id", "=", "a.id")
            .where((inner) => inner.or(scopes.map((p) => inner("rn.path", "like", `${p}%`)))),
        ),
      ]),
    );
  if (f.user) {
    const user = f.user.trim();
    q = UUID.test(user) ? q.where("a.actor_id", "=", user) : q.where("a.actor_name", "ilike", `%${user}%`);
  }
  if (f.operation) q = q.where("a.operation", "=", f.operation);
  if (f.from) q = q.where("a.created_at", ">=", startOfDay(f.from));
  if (f.to) q = q.where("a.created_at", "<", endOfDay(f.to));
  if (f.recordId || f.personId) {
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom("access_log_record as m")
          .select("m.id")
          .whereRef("m.access_id", "=", "a.id")
          .$if(Boolean(f.recordId), (s) => s.where("m.record_id", "=", (f.recordId as string).trim()))
          .$if(Boolean(f.personId), (s) =>
            s.where((eb) => eb(eb.fn("upper", ["m.person_id"]), "=", (f.personId as string).trim().toUpperCase())),
          ),
      ),
    );
  }
  return q;
}

/** One page of entries, newest first, and how many match in all. */
export async function accessEntries(
  db: PlatformDb,
  scopes: string[],
  f: AccessFilter & { limit: number; offset: number },
) {
  const q = scopedEntries(db, scopes, f);
  const [entries, total] = await Promise.all([
    q
      .select([
        "a.id",
        "a.created_at",
        "a.actor_id",
        "a.actor_name",
        "a.operation",
        "a.purpose",
        "a.record_count",
        "n.name as org_node_name",
      ])
      .orderBy("a.id", "desc")
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { entries, total: Number(total.n) };
}

export const recordsOfEntries = (db: PlatformDb, accessIds: number[]) =>
  forIds(accessIds, () =>
    db
      .selectFrom("access_log_record as r")
      .leftJoin("org_node as n", "n.id", "r.org_node_id")
      .select(["r.access_id", "r.entity", "r.record_id", "r.person_id", "n.name as org_node_name"])
      .where("r.access_id", "in", accessIds)
      .orderBy("r.id")
      .execute(),
  );

/** Every disclosure of the matching records (one row per entry and record), oldest first. */
export function disclosures(db: PlatformDb, scopes: string[], f: AccessFilter) {
  let q = db
    .selectFrom("access_log_record as r")
    .innerJoin("access_log as a", "a.id", "r.access_id")
    .leftJoin("org_node as n", "n.id", "a.org_node_id")
    .where("r.access_id", "in", scopedEntries(db, scopes, f).select("a.id"));
  if (f.recordId) q = q.where("r.record_id", "=", f.recordId.trim());
  if (f.personId) q = q.where((eb) => eb(eb.fn("upper", ["r.person_id"]), "=", f.personId?.trim().toUpperCase()));
  return q
    .select([
      "a.created_at",
      "a.actor_id",
      "a.actor_name",
      "a.operation",
      "a.purpose",
      "n.name as org_node_name",
      "r.entity",
      "r.record_id",
      "r.person_id",
    ])
    .orderBy("a.id")
    .orderBy("r.id")
    .execute();
}
