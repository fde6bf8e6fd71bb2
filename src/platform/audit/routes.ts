import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { scopesFor } from "../auth/access.ts";
import { route } from "../http/route.ts";
import { auditEntries } from "./repository.ts";
import { auditPage } from "./responses.ts";

const auditQuery = z.object({
  entity: z.string().max(60).optional(),
  entityId: z.string().max(100).optional(),
  action: z.string().max(40).optional(),
  actor: z.string().max(100).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  route(
    app,
    {
      method: "GET",
      url: "/api/admin/audit",
      tag: "Admin",
      summary: "Granskningslogg med filter",
      query: auditQuery,
      permission: "admin",
      response: auditPage,
    },
    async ({ query, actor, db }) => {
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
          before: r.before,
          after: r.after,
          orgNodeName: r.org_node_name,
        })),
      };
    },
  );
}
