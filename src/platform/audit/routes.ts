import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { scopesFor } from "../auth/access.ts";
import { route } from "../http/route.ts";

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
    },
    async ({ query, actor, db }) => {
      const scopes = scopesFor(actor, "admin");
      // Events without a node (backup, restore, system work) concern the whole installation, so only an
      // admin of a top-level node sees them; a sub-tree admin sees the events of their sub-tree.
      const topLevel = scopes.some((p) => p.split("/").filter(Boolean).length <= 1);
      let q = db
        .selectFrom("audit_log as a")
        .leftJoin("org_node as n", "n.id", "a.org_node_id")
        .where((eb) =>
          eb.or([
            ...(topLevel ? [eb("a.org_node_id", "is", null)] : []),
            ...scopes.map((p) => eb("n.path", "like", `${p}%`)),
          ]),
        );
      if (query.entity) q = q.where("a.entity", "=", query.entity);
      if (query.entityId) q = q.where("a.entity_id", "=", query.entityId);
      if (query.action) q = q.where("a.action", "=", query.action);
      if (query.actor) q = q.where("a.actor_name", "ilike", `%${query.actor}%`);
      if (query.from) q = q.where("a.created_at", ">=", new Date(`${query.from}T00:00:00`));
      if (query.to) q = q.where("a.created_at", "<", new Date(new Date(`${query.to}T00:00:00`).getTime() + 86_400_000));
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
          .limit(query.limit)
          .offset(query.offset)
          .execute(),
        q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return { total: Number(total.n), rows };
    },
  );
}
