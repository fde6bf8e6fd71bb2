// Queries of the audit log; what an event holds is decided in audit.ts, who sees it in routes.ts.
import { sql } from "kysely";
import { endOfDay, inChunks, type New, startOfDay } from "../db/rows.ts";
import type { PlatformDb, PlatformTables } from "../db/schema.ts";

// 8 parameters an event, well under Postgres' 65 535 a statement.
const EVENTS_PER_STATEMENT = 1000;

/** Inserts in the order given (the chain trigger links the events in that order), in few statements. */
export async function insertAuditEvents(db: PlatformDb, rows: New<PlatformTables, "audit_log">[]): Promise<void> {
  await inChunks(rows, EVENTS_PER_STATEMENT, async (chunk) => {
    await db.insertInto("audit_log").values(chunk).execute();
    return [];
  });
}

export type ChainLink = {
  chain_seq: number;
  id: number;
  created_at: Date;
  prev_hash: string;
  hash: string;
  /** The link's hash recomputed by lots_audit_hash, the function the insert trigger uses. */
  computed: string;
};

/** Up to `limit` links after `afterSeq`, in chain order. */
export async function chainLinks(db: PlatformDb, afterSeq: number, limit: number): Promise<ChainLink[]> {
  const result = await sql<ChainLink>`
    SELECT a.chain_seq, a.id, a.created_at, a.prev_hash, a.hash, lots_audit_hash(a.prev_hash, a) AS computed
    FROM audit_log a WHERE a.chain_seq > ${afterSeq} ORDER BY a.chain_seq LIMIT ${limit}`.execute(db);
  return result.rows;
}

export type AuditFilter = {
  entity?: string;
  entityId?: string;
  action?: string;
  /** Part of the actor's name. */
  actor?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
};

/**
 * One page of events, newest first, and how many match in all: events on nodes under the path prefixes
 * `scopes`, and events without a node if `withoutNode`.
 */
export async function auditEntries(db: PlatformDb, scope: { scopes: string[]; withoutNode: boolean }, f: AuditFilter) {
  let q = db
    .selectFrom("audit_log as a")
    .leftJoin("org_node as n", "n.id", "a.org_node_id")
    .where((eb) =>
      eb.or([
        ...(scope.withoutNode ? [eb("a.org_node_id", "is", null)] : []),
        ...scope.scopes.map((p) => eb("n.path", "like", `${p}%`)),
      ]),
    );
  if (f.entity) q = q.where("a.entity", "=", f.entity);
  if (f.entityId) q = q.where("a.entity_id", "=", f.entityId);
  if (f.action) q = q.where("a.action", "=", f.action);
  if (f.actor) q = q.where("a.actor_name", "ilike", `%${f.actor}%`);
  if (f.from) q = q.where("a.created_at", ">=", startOfDay(f.from));
  if (f.to) q = q.where("a.created_at", "<", endOfDay(f.to));
  const [rows, total] = await Promise.all([
    q
      .select([
        "a.id",
        "a.created_at",
        "a.actor_name",
        "a.entity",
        "a.entity_id",
        "a.action",
        "a.before",
        "a.after",
        "n.name as org_node_name",
      ])
      .orderBy("a.id", "desc")
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { total: Number(total.n), rows };
}

/**
 * Takes the audit chain's lock (the one its insert trigger takes) for the rest of the transaction. A write
 * transaction that takes it first can never hold a row lock another writer waits for while waiting for it.
 */
export async function lockAuditChain(trx: PlatformDb): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(7428930211)`.execute(trx);
}
