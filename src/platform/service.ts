// The service kit: how every capability's service function reads and writes on a node of the organisation.
// A write opens a transaction (or joins the caller's), checks the permission on the node, and gets an
// audit function bound to that transaction, actor and node; a read checks the permission and gets the node.
import type { Transaction } from "kysely";
import { type AuditEvent, recordAudits } from "./audit/audit.ts";
import { lockAuditChain } from "./audit/repository.ts";
import { type Actor, requireAccess } from "./auth/access.ts";
import type { Permission } from "./auth/roles.ts";
import type { DbOf, PlatformDb, PlatformTables } from "./db/schema.ts";

export type ServiceNode = { id: string; path: string; name: string; kind: string };

/**
 * Records one change: what, which record, and the row before and after. The event belongs to the write's
 * node unless `orgNodeId` names another (a node created under it).
 */
export type BoundAudit = (
  entity: string,
  entityId: string | null,
  action: AuditEvent["action"],
  change?: { before?: unknown; after?: unknown; orgNodeId?: string },
) => Promise<void>;

/** Records a bulk change's events in a few statements, in the order given; node as for BoundAudit. */
export type BoundAuditMany = (events: AuditEvent[]) => Promise<void>;

export type WriteContext<D> = { trx: DbOf<D>; node: ServiceNode; audit: BoundAudit; auditMany: BoundAuditMany };

/**
 * Runs `work` in a transaction (the caller's when `db` is one), after checking `permission` on the node.
 * A transaction opened here takes the audit chain's lock first, so two writers cannot deadlock over it.
 */
export async function write<D extends PlatformTables, T>(
  db: DbOf<D>,
  actor: Actor,
  permission: Permission,
  nodeId: string,
  work: (context: WriteContext<D>) => Promise<T>,
): Promise<T> {
  const run = async (trx: DbOf<D>) => {
    const platform = trx as unknown as PlatformDb; // D includes the platform's tables
    const node = await requireAccess(platform, actor, permission, nodeId);
    const auditMany: BoundAuditMany = (events) =>
      recordAudits(
        platform,
        actor,
        events.map((event) => ({ orgNodeId: node.id, ...event })),
      );
    const audit: BoundAudit = (entity, entityId, action, change = {}) =>
      auditMany([{ entity, entityId, action, ...change }]);
    return work({ trx, node, audit, auditMany });
  };
  return transaction(db, run);
}

/**
 * Runs `work` in a transaction, the caller's when `db` is one; a new one takes the audit chain's lock first.
 * For a change spanning several nodes, each checked by a `write` that joins it; `write` runs in one itself.
 */
export async function transaction<D extends PlatformTables, T>(
  db: DbOf<D>,
  work: (trx: DbOf<D>) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return work(db);
  return db.transaction().execute(async (trx: Transaction<D>) => {
    await lockAuditChain(trx as unknown as PlatformDb);
    return work(trx);
  });
}

/**
 * A write on one stored record, on the record's node. `find` (which throws when the record is missing or
 * hidden) runs first to learn that node, and again inside the transaction, after the audit lock, so `work`
 * sees the record as no concurrent writer can change it any more.
 */
export async function writeRecord<D extends PlatformTables, R extends { org_node_id: string }, T>(
  db: DbOf<D>,
  actor: Actor,
  permission: Permission,
  find: (db: DbOf<D>) => Promise<R>,
  work: (context: WriteContext<D> & { record: R }) => Promise<T>,
): Promise<T> {
  const { org_node_id } = await find(db);
  return write(db, actor, permission, org_node_id, async (context) =>
    work({ ...context, record: await find(context.trx) }),
  );
}

/** Runs `work` after checking `permission` (read or read:personal) on the node. */
export async function read<D extends PlatformTables, T>(
  db: DbOf<D>,
  actor: Actor,
  permission: Extract<Permission, "read" | "read:personal" | "read:kvalitet">,
  nodeId: string,
  work: (context: { db: DbOf<D>; node: ServiceNode }) => Promise<T>,
): Promise<T> {
  const node = await requireAccess(db as unknown as PlatformDb, actor, permission, nodeId);
  return work({ db, node });
}
