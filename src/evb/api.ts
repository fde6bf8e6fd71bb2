// EVB's wire contract (see platform/http/endpoint.ts): the catalogue, the register and its decisions, the
// CSV import, and the quarter report and dashboard.
import { z } from "zod";
import { endpoint, fileResponse } from "../platform/http/endpoint.ts";
import { idParams, labelled } from "../platform/validation.ts";
import { reportMediaTypes, reportParts } from "./report-formats.ts";
import * as res from "./responses.ts";
import {
  closeInput,
  codeInput,
  codePatch,
  decisionInput,
  decisionPatch,
  executeInput,
  insatsInput,
  insatsPatch,
  interruptionInput,
  interruptionPatch,
  isoDate,
  offerInput,
  offerPatch,
  quarterParam,
  registerQuery,
} from "./schema.ts";

const tag = "Ej verkställda beslut";
const nodeQuery = z.object({ orgNodeId: labelled(z.uuid(), "Organisation") });
const decisionId = idParams("Beslutets id");
const offerId = idParams("Erbjudandets id");
const interruptionId = idParams("Avbrottets id");

// ---------- catalogue ----------

export const catalogue = endpoint({
  method: "GET",
  url: "/api/evb/catalogue",
  tag,
  summary: "Insatskatalog och orsakskoder",
  permission: "read",
  query: nodeQuery,
  response: res.catalogueResponse,
});

export const installCatalogue = endpoint({
  method: "POST",
  url: "/api/evb/catalogue/install",
  tag,
  summary: "Lägg till standardkatalogen för kommunen",
  permission: "admin",
  body: nodeQuery,
  response: res.catalogueInstalled,
});

export const createInsats = endpoint({
  method: "POST",
  url: "/api/evb/catalogue/insatser",
  tag,
  summary: "Ny insats i katalogen",
  permission: "admin",
  body: insatsInput,
  response: res.insats,
});

export const updateInsats = endpoint({
  method: "PATCH",
  url: "/api/evb/catalogue/insatser/:id",
  tag,
  summary: "Ändra insats i katalogen",
  permission: "admin",
  params: idParams("Insatsens id"),
  body: insatsPatch,
  response: res.insats,
});

export const createCode = endpoint({
  method: "POST",
  url: "/api/evb/catalogue/codes",
  tag,
  summary: "Ny orsaks- eller avslutskod",
  permission: "admin",
  body: codeInput,
  response: res.code,
});

export const updateCode = endpoint({
  method: "PATCH",
  url: "/api/evb/catalogue/codes/:id",
  tag,
  summary: "Ändra orsaks- eller avslutskod",
  permission: "admin",
  params: idParams("Kodens id"),
  body: codePatch,
  response: res.code,
});

// ---------- the register ----------

export const register = endpoint({
  method: "GET",
  url: "/api/evb/decisions",
  tag,
  summary: "Registret, filtrerat",
  permission: "read:personal",
  query: registerQuery,
  response: res.registerResponse,
});

export const createDecision = endpoint({
  method: "POST",
  url: "/api/evb/decisions",
  tag,
  summary: "Registrera beslut",
  permission: "write:evb",
  body: decisionInput,
  response: res.decisionResponse,
});

export const decision = endpoint({
  method: "GET",
  url: "/api/evb/decisions/:id",
  tag,
  summary: "Ett beslut med erbjudanden, avbrott och historik",
  permission: "read:personal",
  params: decisionId,
  response: res.decisionResponse,
});

export const updateDecision = endpoint({
  method: "PATCH",
  url: "/api/evb/decisions/:id",
  tag,
  summary: "Ändra beslut (loggas)",
  permission: "write:evb",
  params: decisionId,
  body: decisionPatch,
  response: res.decisionResponse,
});

export const executeDecision = endpoint({
  method: "POST",
  url: "/api/evb/decisions/:id/execute",
  tag,
  summary: "Markera beslutet verkställt",
  permission: "write:evb",
  params: decisionId,
  body: executeInput,
  response: res.decisionResponse,
});

export const closeDecision = endpoint({
  method: "POST",
  url: "/api/evb/decisions/:id/close",
  tag,
  summary: "Avsluta beslutet utan verkställighet",
  permission: "write:evb",
  params: decisionId,
  body: closeInput,
  response: res.decisionResponse,
});

// Offers and interruptions are changed by their own id; each change answers the whole decision.

export const addOffer = endpoint({
  method: "POST",
  url: "/api/evb/decisions/:id/offers",
  tag,
  summary: "Lägg till erbjudande",
  permission: "write:evb",
  params: decisionId,
  body: offerInput,
  response: res.decisionResponse,
});

export const updateOffer = endpoint({
  method: "PATCH",
  url: "/api/evb/offers/:id",
  tag,
  summary: "Ändra erbjudande",
  permission: "write:evb",
  params: offerId,
  body: offerPatch,
  response: res.decisionResponse,
});

export const deleteOffer = endpoint({
  method: "DELETE",
  url: "/api/evb/offers/:id",
  tag,
  summary: "Ta bort erbjudande",
  permission: "write:evb",
  params: offerId,
  response: res.decisionResponse,
});

export const addInterruption = endpoint({
  method: "POST",
  url: "/api/evb/decisions/:id/interruptions",
  tag,
  summary: "Registrera avbrott",
  permission: "write:evb",
  params: decisionId,
  body: interruptionInput,
  response: res.decisionResponse,
});

export const updateInterruption = endpoint({
  method: "PATCH",
  url: "/api/evb/interruptions/:id",
  tag,
  summary: "Ändra avbrott (t.ex. återupptaget)",
  permission: "write:evb",
  params: interruptionId,
  body: interruptionPatch,
  response: res.decisionResponse,
});

export const deleteInterruption = endpoint({
  method: "DELETE",
  url: "/api/evb/interruptions/:id",
  tag,
  summary: "Ta bort avbrott",
  permission: "write:evb",
  params: interruptionId,
  response: res.decisionResponse,
});

export const importDecisions = endpoint({
  method: "POST",
  url: "/api/evb/import",
  tag,
  summary: "Importera beslut från CSV (allt eller inget); skicka filen som text/csv",
  permission: "write:evb",
  query: nodeQuery.extend({ dryRun: labelled(z.stringbool(), "Provkörning").default(false) }),
  upload: ["text/csv", "application/octet-stream"],
  response: res.importResultResponse,
});

// ---------- reports ----------

export const quarterReport = endpoint({
  method: "GET",
  url: "/api/evb/reports/:quarter",
  tag,
  summary:
    "Kvartalsrapport: antal och KF-statistik; IVO-lista, nämndtabeller och KF-rader en sida i taget (limit rader från respektive offset), med totalerna",
  permission: "read",
  params: quarterParam,
  query: nodeQuery.extend({
    limit: labelled(z.coerce.number().int().min(1).max(500).default(100), "Antal per sida"),
    offset: labelled(z.coerce.number().int().min(0).default(0), "Hoppa över"),
    committeeOffset: labelled(z.coerce.number().int().min(0).default(0), "Hoppa över (nämndens tabeller)"),
    openRowsOffset: labelled(z.coerce.number().int().min(0).default(0), "Hoppa över (KF-rader, ej verkställda)"),
    finishedRowsOffset: labelled(z.coerce.number().int().min(0).default(0), "Hoppa över (KF-rader, verkställda)"),
  }),
  response: res.quarterReportResponse,
});

export const exportQuarterReport = endpoint({
  method: "GET",
  url: "/api/evb/reports/:quarter/export",
  tag,
  summary: "Ladda ned kvartalsrapporten som CSV (en del) eller XLSX (alla delar du får se)",
  permission: "read",
  params: quarterParam,
  query: nodeQuery.extend({
    format: labelled(z.enum(["csv", "xlsx"]), "Filformat").default("xlsx"),
    part: labelled(z.enum(reportParts), "Del av rapporten").default("ivo"),
  }),
  response: fileResponse(reportMediaTypes.xlsx, reportMediaTypes.csv),
});

export const reportQuarters = endpoint({
  method: "GET",
  url: "/api/evb/reports",
  tag,
  summary: "Kvartal som det finns beslut för, nyast först",
  permission: "read",
  query: nodeQuery,
  response: res.reportQuartersResponse,
});

export const dashboard = endpoint({
  method: "GET",
  url: "/api/evb/dashboard",
  tag,
  summary: "Öppna beslut per väntetid, tidig varning, längst väntan",
  permission: "read",
  query: nodeQuery.extend({ asOf: labelled(isoDate, "Läget den").optional() }),
  response: res.dashboardResponse,
});
