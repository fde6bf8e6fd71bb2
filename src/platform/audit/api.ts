// The audit log's wire contract (see platform/http/endpoint.ts).
import { z } from "zod";
import { endpoint } from "../http/endpoint.ts";
import { auditEntities, auditPage } from "./responses.ts";

export const auditLog = endpoint({
  method: "GET",
  url: "/api/admin/audit",
  tag: "Admin",
  summary: "Granskningslogg med filter",
  query: z.object({
    entity: z.string().max(60).optional(),
    entityId: z.string().max(100).optional(),
    action: z.string().max(40).optional(),
    actor: z.string().max(100).optional(),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  }),
  permission: "admin",
  response: auditPage,
});

export const auditEntityList = endpoint({
  method: "GET",
  url: "/api/admin/audit/entities",
  tag: "Admin",
  summary: "Granskningsloggens objekttyper med svenska namn",
  permission: "admin",
  response: auditEntities,
});
