import type { FastifyInstance } from "fastify";
import { route } from "../http/route.ts";
import * as api from "./api.ts";
import { exportAccessCsv, listAccess } from "./log.ts";

export async function accessRoutes(app: FastifyInstance): Promise<void> {
  route(app, api.accessLog, async ({ db, actor, query }) => {
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
  });
  route(app, api.accessLogExport, async ({ db, actor, query, reply }) => {
    const csv = await exportAccessCsv(db, actor, query);
    const name = (query.personId ?? query.recordId ?? "").trim().replace(/[^A-Za-z0-9-]/g, "_");
    reply
      .header("content-type", "text/csv; charset=utf-8")
      .header("content-disposition", `attachment; filename="atkomstlogg-${name}.csv"`);
    return csv;
  });
}
