// Rapporter's wire contract: the kommun's templates (read by anyone in it, saved by its admin as new
// versions), a report assembled for a nämnd and year with its pre-publish findings, and the report as a file.

import { DOCX_TYPE, PDF_TYPE } from "../platform/documents/media-types.ts";
import { endpoint, fileResponse } from "../platform/http/endpoint.ts";
import { XLSX_TYPE } from "./formats.ts";
import * as res from "./responses.ts";
import { codeParams, fileQuery, orgQuery, reportQuery, templateInput, templateQuery } from "./schema.ts";

const tag = "Rapporter";

export const templates = endpoint({
  method: "GET",
  url: "/api/rapporter/mallar",
  tag,
  summary: "Kommunens rapportmallar",
  permission: "read",
  query: orgQuery,
  response: res.templateList,
});

export const template = endpoint({
  method: "GET",
  url: "/api/rapporter/mallar/:code",
  tag,
  summary: "En rapportmall (senaste eller angiven version)",
  permission: "read",
  params: codeParams,
  query: templateQuery,
  response: res.template,
});

export const saveTemplate = endpoint({
  method: "PUT",
  url: "/api/rapporter/mallar/:code",
  tag,
  summary: "Spara rapportmallen som en ny version",
  permission: "admin",
  params: codeParams,
  body: templateInput,
  response: res.savedTemplate,
});

export const installTemplates = endpoint({
  method: "POST",
  url: "/api/rapporter/mallar-installera",
  tag,
  summary: "Lägg till de inbyggda mallarna som kommunen saknar",
  permission: "admin",
  body: orgQuery,
  response: res.installed,
});

export const report = endpoint({
  method: "GET",
  url: "/api/rapporter/rapport",
  tag,
  summary: "Rapporten för en nämnd och ett år, med kontrollerna före publicering",
  permission: "read",
  query: reportQuery,
  response: res.assembled,
});

export const reportFile = endpoint({
  method: "GET",
  url: "/api/rapporter/fil",
  tag,
  summary: "Rapporten som HTML, PDF, Word eller Excel",
  permission: "read",
  query: fileQuery,
  response: fileResponse("text/html; charset=utf-8", PDF_TYPE, DOCX_TYPE, XLSX_TYPE),
});
