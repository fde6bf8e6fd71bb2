// The access log's wire contract (see platform/http/endpoint.ts).
import { z } from "zod";
import { endpoint, fileResponse } from "../http/endpoint.ts";
import { labelled } from "../validation.ts";
import { accessPage } from "./responses.ts";

const tag = "Admin";
const filters = z.object({
  user: labelled(z.string().max(100).optional(), "Användare (namn eller id)"),
  from: labelled(z.iso.date().optional(), "Från"),
  to: labelled(z.iso.date().optional(), "Till"),
  recordId: labelled(z.string().max(100).optional(), "Post-id"),
  personId: labelled(z.string().max(40).optional(), "Person-id"),
  operation: labelled(z.string().max(60).optional(), "Åtgärd"),
});

export const accessLog = endpoint({
  method: "GET",
  url: "/api/admin/access-log",
  tag,
  summary: "Logg över läsning av personuppgifter, med filter",
  query: filters.extend({
    limit: labelled(z.coerce.number().int().min(1).max(500).default(50), "Antal per sida"),
    offset: labelled(z.coerce.number().int().min(0).default(0), "Hoppa över"),
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
