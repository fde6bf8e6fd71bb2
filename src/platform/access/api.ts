// The access log's wire contract (see platform/http/endpoint.ts).
import { z } from "zod";
import { endpoint, fileResponse } from "../http/endpoint.ts";
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

export const accessLog = endpoint({
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
});

export const accessLogExport = endpoint({
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
});
