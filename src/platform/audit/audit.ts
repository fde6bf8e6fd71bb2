import type { Actor } from "../auth/access.ts";
import { inChunks } from "../db/rows.ts";
import type { PlatformDb } from "../db/schema.ts";

export type AuditEvent = {
  entity: string;
  entityId: string | null;
  action: "create" | "update" | "delete" | "login" | "logout" | "login_failed" | string;
  orgNodeId?: string | null;
  before?: unknown;
  after?: unknown;
};

/** Serialises a row for the log; never stores credential material. */
function snapshot(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (key, v) => (key === "password_hash" || key === "csrf_token" ? (v ? "[dold]" : v) : v));
}

/** Call inside the same transaction as the change it records. */
export function recordAudit(trx: PlatformDb, actor: Actor | null, event: AuditEvent): Promise<void> {
  return recordAudits(trx, actor, [event]);
}

// 8 parameters an event, well under Postgres' 65 535 a statement.
const EVENTS_PER_STATEMENT = 1000;

/**
 * Many events of one change in a few statements, in the order given (the chain trigger links them in
 * that order). A bulk change recorded one statement per event held the embedded database for seconds.
 */
export async function recordAudits(trx: PlatformDb, actor: Actor | null, events: AuditEvent[]): Promise<void> {
  await inChunks(events, EVENTS_PER_STATEMENT, async (chunk) => {
    await trx
      .insertInto("audit_log")
      .values(
        chunk.map((event) => ({
          actor_id: actor?.id ?? null,
          actor_name: actor?.displayName ?? "system",
          org_node_id: event.orgNodeId ?? null,
          entity: event.entity,
          entity_id: event.entityId,
          action: event.action,
          before: snapshot(event.before),
          after: snapshot(event.after),
        })),
      )
      .execute();
    return [];
  });
}
