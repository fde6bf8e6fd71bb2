import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { fileResponse, route } from "../http/route.ts";
import { exportAccessCsv, listAccess } from "./log.ts";
import { accessPage } from "./responses.ts";

const tag = "Admin";

const filters = z.object({
  user: z.string().max(100).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  recordId: z.string().max(100).optional(),
  personId: z.string().max(40).optional(),
  operation: z.string().max(60).optional(),
});

export async function accessRoutes(app: FastifyInstance): Promise<void> {
  route(
    app,
    {
      method: "GET",
      url: "/api/admin/access-log",
      tag,
      summary: "Logg över läsning av personuppgifter, med filter",
      query: filters.extend({
        limit: z.coerce.number().int().min(1).max(500).default(50),
        offset: z.coerce.number().int().min(0).default(0),
      }),
      permission: "admin",
      response: accessPage,
    },
    async ({ db, actor, query }) => {
      const { total, rows } = await listAccess(db, actor, query);
      return {
        total,
        rows: rows.map((e) => ({
          id: e.id,
          createdAt: e.created_at.toISOString(),
          actorId: e.actor_id,
          actorName: e.actor_name,
          operation: e.operation,
          purpose: e.purpose,
          recordCount: e.record_count,
          orgNodeName: e.org_node_name,
          records: e.records.map((r) => ({
            entity: r.entity,
            recordId: r.record_id,
            personId: r.person_id,
            orgNodeName: r.org_node_name,
          })),
        })),
      };
    },
  );
  route(
    app,
    {
      method: "GET",
      url: "/api/admin/access-log/export",
      tag,
      summary: "All läsning av en registrerads uppgifter som CSV (registerutdrag enligt GDPR art. 15)",
      query: filters.refine((f) => Boolean(f.personId?.trim() || f.recordId?.trim()), {
        message: "Ange person-id eller post-id för utdraget.",
        path: ["personId"],
      }),
      permission: "admin",
      response: fileResponse("text/csv"),
    },
    async ({ db, actor, query, reply }) => {
      const csv = await exportAccessCsv(db, actor, query);
      const name = (query.personId ?? query.recordId ?? "").trim().replace(/[^A-Za-z0-9-]/g, "_");
      reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="atkomstlogg-${name}.csv"`);
      return csv;
    },
  );
}
