import type { Actor } from "../auth/access.ts";
import type { PlatformDb } from "../db/schema.ts";
import { insertAuditEvents } from "./repository.ts";

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

/**
 * Many events of one change in a few statements, in the order given (the chain trigger links them in
 * that order). A bulk change recorded one statement per event held the embedded database for seconds.
 */
export function recordAudits(trx: PlatformDb, actor: Actor | null, events: AuditEvent[]): Promise<void> {
  return insertAuditEvents(
    trx,
    events.map((event) => ({
      actor_id: actor?.id ?? null,
      actor_name: actor?.displayName ?? "system",
      org_node_id: event.orgNodeId ?? null,
      entity: event.entity,
      entity_id: event.entityId,
      action: event.action,
      before: snapshot(event.before),
      after: snapshot(event.after),
    })),
  );
}
