import type { FastifyInstance } from "fastify";
import { scopesFor } from "../auth/access.ts";
import { route } from "../http/route.ts";
import * as api from "./api.ts";
import { describeEvent, entityOptions, withoutHidden } from "./describe.ts";
import type { AuditLabels } from "./labels.ts";
import { auditEntries } from "./repository.ts";

/** `labels`: every entity's Swedish words, merged by the composition root (the platform names no capability). */
export async function auditRoutes(app: FastifyInstance, options: { labels: AuditLabels }): Promise<void> {
  const { labels } = options;
  route(app, api.auditLog, async ({ query, actor, db }) => {
    const scopes = scopesFor(actor, "admin");
    // Events without a node (backup, restore, system work) concern the whole installation, so only an
    // admin of a top-level node sees them; a sub-tree admin sees the events of their sub-tree.
    const topLevel = scopes.some((p) => p.split("/").filter(Boolean).length <= 1);
    const { total, rows } = await auditEntries(db, { scopes, withoutNode: topLevel }, query);
    return {
      total,
      rows: rows.map((r) => ({
        // bigint: a string from PostgreSQL, a number from PGlite.
        id: Number(r.id),
        createdAt: r.created_at.toISOString(),
        actorName: r.actor_name,
        entity: r.entity,
        entityId: r.entity_id,
        action: r.action,
        before: withoutHidden(r.before),
        after: withoutHidden(r.after),
        orgNodeName: r.org_node_name,
        ...describeEvent(labels, r),
      })),
    };
  });

  route(app, api.auditEntityList, async () => ({ entities: entityOptions(labels) }));
}
