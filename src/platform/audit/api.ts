// The audit log's wire contract (see platform/http/endpoint.ts).
import { z } from "zod";
import { endpoint } from "../http/endpoint.ts";
import { labelled } from "../validation.ts";
import { auditEntities, auditPage } from "./responses.ts";

export const auditLog = endpoint({
  method: "GET",
  url: "/api/admin/audit",
  tag: "Admin",
  summary: "Granskningslogg med filter",
  query: z.object({
    entity: labelled(z.string().max(60).optional(), "Objekttyp"),
    entityId: labelled(z.string().max(100).optional(), "Objektets id"),
    action: labelled(z.string().max(40).optional(), "Händelse"),
    actor: labelled(z.string().max(100).optional(), "Utförd av"),
    from: labelled(z.iso.date().optional(), "Från"),
    to: labelled(z.iso.date().optional(), "Till"),
    limit: labelled(z.coerce.number().int().min(1).max(500).default(100), "Antal per sida"),
    offset: labelled(z.coerce.number().int().min(0).default(0), "Hoppa över"),
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
