import { type Actor, scopesFor } from "../auth/access.ts";
import { csvDocument } from "../csv.ts";
import type { PlatformDb } from "../db/schema.ts";
import { type AccessOperation, accessOperations } from "./operations.ts";

export type { AccessOperation };

/** One record a read disclosed: `personId` is the registered person's pseudonymous id when there is one. */
export type DisclosedRecord = { entity: string; id: string; orgNodeId: string | null; personId?: string | null };

export type AccessEntry = {
  operation: AccessOperation;
  /** The node the read was made on: the chosen nämnd or unit, or the record's own unit. */
  orgNodeId: string | null;
  records: readonly DisclosedRecord[];
};

/**
 * Records one read of personal data. Call it right after the read, before the data leaves the server:
 * if the entry cannot be written the read fails. A read that disclosed no records is not logged.
 */
export async function logPersonalDataAccess(db: PlatformDb, actor: Actor, entry: AccessEntry): Promise<void> {
  const unique = new Map(entry.records.map((r) => [`${r.entity}:${r.id}`, r]));
  if (unique.size === 0) return;
  const write = async (trx: PlatformDb) => {
    const { id } = await trx
      .insertInto("access_log")
      .values({
        actor_id: actor.id,
        actor_name: actor.displayName,
        org_node_id: entry.orgNodeId,
        operation: entry.operation,
        purpose: accessOperations[entry.operation],
        record_count: unique.size,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("access_log_record")
      .values(
        [...unique.values()].map((r) => ({
          access_id: id,
          org_node_id: r.orgNodeId,
          entity: r.entity,
          record_id: r.id,
          person_id: r.personId ?? null,
        })),
      )
      .execute();
  };
  await (db.isTransaction ? write(db) : db.transaction().execute(write));
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
const DAY_MS = 86_400_000;

/**
 * Entries an admin may see: the read was made on a node in the admin's scope, or disclosed a record
 * there. Filters on records (record id, person id) match entries that disclosed such a record.
 */
function scopedEntries(db: PlatformDb, actor: Actor, f: AccessFilter) {
  const scopes = scopesFor(actor, "admin");
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
  if (f.from) q = q.where("a.created_at", ">=", new Date(`${f.from}T00:00:00`));
  if (f.to) q = q.where("a.created_at", "<", new Date(new Date(`${f.to}T00:00:00`).getTime() + DAY_MS));
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

/** Records shown per entry in the list; the entry's record_count says how many it disclosed in all. */
const RECORDS_SHOWN = 20;

export async function listAccess(db: PlatformDb, actor: Actor, f: AccessFilter & { limit: number; offset: number }) {
  const q = scopedEntries(db, actor, f);
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
  const ids = entries.map((e) => e.id);
  const records = ids.length
    ? await db
        .selectFrom("access_log_record as r")
        .leftJoin("org_node as n", "n.id", "r.org_node_id")
        .select(["r.access_id", "r.entity", "r.record_id", "r.person_id", "n.name as org_node_name"])
        .where("r.access_id", "in", ids)
        .orderBy("r.id")
        .execute()
    : [];
  return {
    total: Number(total.n),
    rows: entries.map((e) => ({
      ...e,
      id: Number(e.id),
      records: records
        .filter((r) => String(r.access_id) === String(e.id))
        .slice(0, RECORDS_SHOWN)
        .map(({ access_id: _a, ...r }) => r),
    })),
  };
}

/**
 * Every disclosure of the matching records (one line per entry and record), oldest first: what a
 * registered person is entitled to see under GDPR art. 15, as CSV with formulas neutralised (platform/csv.ts).
 */
export async function exportAccessCsv(db: PlatformDb, actor: Actor, f: AccessFilter): Promise<string> {
  const entryIds = scopedEntries(db, actor, f).select("a.id");
  let q = db
    .selectFrom("access_log_record as r")
    .innerJoin("access_log as a", "a.id", "r.access_id")
    .leftJoin("org_node as n", "n.id", "a.org_node_id")
    .where("r.access_id", "in", entryIds);
  if (f.recordId) q = q.where("r.record_id", "=", f.recordId.trim());
  if (f.personId) q = q.where((eb) => eb(eb.fn("upper", ["r.person_id"]), "=", f.personId?.trim().toUpperCase()));
  const rows = await q
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
  const header = [
    "Tid (UTC)",
    "Användare",
    "Användar-id",
    "Åtgärd",
    "Syfte",
    "Organisation",
    "Posttyp",
    "Post-id",
    "Person-id",
  ];
  const lines = rows.map((r) => [
    new Date(r.created_at).toISOString(),
    r.actor_name,
    r.actor_id,
    r.operation,
    r.purpose,
    r.org_node_name,
    r.entity,
    r.record_id,
    r.person_id,
  ]);
  return csvDocument([header, ...lines]);
}
