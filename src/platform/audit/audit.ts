import type { Kysely } from "kysely";
import type { Actor } from "../auth/access.ts";
import type { DB } from "../db/schema.ts";

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
export async function recordAudit(trx: Kysely<DB>, actor: Actor | null, event: AuditEvent): Promise<void> {
  await trx
    .insertInto("audit_log")
    .values({
      actor_id: actor?.id ?? null,
      actor_name: actor?.displayName ?? "system",
      org_node_id: event.orgNodeId ?? null,
      entity: event.entity,
      entity_id: event.entityId,
      action: event.action,
      before: snapshot(event.before),
      after: snapshot(event.after),
    })
    .execute();
}
