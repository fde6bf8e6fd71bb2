// Kvalitet's wire contract (see platform/http/endpoint.ts): the kommun's lists of händelse types and
// causes, händelser (reported by anyone on their unit, handled by the enhetschef) and the statistics.

import { endpoint } from "../platform/http/endpoint.ts";
import { idParams } from "../platform/validation.ts";
import * as res from "./responses.ts";
import {
  causeInput,
  causePatch,
  closeInput,
  eventPatch,
  eventsQuery,
  nodeQuery,
  reportInput,
  statisticsQuery,
  typeInput,
  typePatch,
} from "./schema.ts";

const tag = "Kvalitet";

// ---------- the kommun's lists ----------

export const lists = endpoint({
  method: "GET",
  url: "/api/kvalitet/lists",
  tag,
  summary: "Kommunens händelsetyper och orsaker",
  permission: "read",
  query: nodeQuery,
  response: res.listsResponse,
});

export const installLists = endpoint({
  method: "POST",
  url: "/api/kvalitet/lists/install",
  tag,
  summary: "Lägg till standardlistorna för kommunen",
  permission: "admin",
  body: nodeQuery,
  response: res.listsInstalled,
});

export const createType = endpoint({
  method: "POST",
  url: "/api/kvalitet/typer",
  tag,
  summary: "Ny händelsetyp",
  permission: "admin",
  body: typeInput,
  response: res.eventType,
});

export const updateType = endpoint({
  method: "PATCH",
  url: "/api/kvalitet/typer/:id",
  tag,
  summary: "Ändra eller inaktivera händelsetyp",
  permission: "admin",
  params: idParams("Typens id"),
  body: typePatch,
  response: res.eventType,
});

export const createCause = endpoint({
  method: "POST",
  url: "/api/kvalitet/orsaker",
  tag,
  summary: "Ny orsak",
  permission: "admin",
  body: causeInput,
  response: res.cause,
});

export const updateCause = endpoint({
  method: "PATCH",
  url: "/api/kvalitet/orsaker/:id",
  tag,
  summary: "Ändra eller inaktivera orsak",
  permission: "admin",
  params: idParams("Orsakens id"),
  body: causePatch,
  response: res.cause,
});

// ---------- händelser ----------

// Anyone reports where they may read (every role reads its own unit); the service checks the unit.
export const reportEvent = endpoint({
  method: "POST",
  url: "/api/kvalitet/handelser",
  tag,
  summary: "Rapportera en händelse (avvikelse eller arbetsmiljöhändelse)",
  permission: "read",
  body: reportInput,
  response: res.reportedResponse,
});

export const events = endpoint({
  method: "GET",
  url: "/api/kvalitet/handelser",
  tag,
  summary: "Händelser under en enhet, filtrerade (loggas)",
  permission: "read:kvalitet",
  query: eventsQuery,
  response: res.eventsResponse,
});

export const event = endpoint({
  method: "GET",
  url: "/api/kvalitet/handelser/:id",
  tag,
  summary: "En händelse (loggas)",
  permission: "read:kvalitet",
  params: idParams("Händelsens id"),
  response: res.eventResponse,
});

export const updateEvent = endpoint({
  method: "PATCH",
  url: "/api/kvalitet/handelser/:id",
  tag,
  summary: "Klassificera, utred, eskalera eller rätta en öppen händelse",
  permission: "write:kvalitet",
  params: idParams("Händelsens id"),
  body: eventPatch,
  response: res.eventResponse,
});

export const closeEvent = endpoint({
  method: "POST",
  url: "/api/kvalitet/handelser/:id/close",
  tag,
  summary: "Avsluta händelsen som utredd (kräver klassificering, utredning och orsak)",
  permission: "write:kvalitet",
  params: idParams("Händelsens id"),
  body: closeInput,
  response: res.eventResponse,
});

// ---------- import of a file ----------
// The CSV travels as the raw file (as EVB's import); the preview and the import carry the same file. The
// route needs write:kvalitet somewhere; each row's unit is checked for it.

const csvUpload = ["text/csv", "application/octet-stream"] as const;

export const previewEventImport = endpoint({
  method: "POST",
  url: "/api/kvalitet/handelser/import/preview",
  tag,
  summary: "Förhandsgranska en CSV-fil med händelser: godkända och avvisade rader (inget sparas)",
  permission: "write:kvalitet",
  query: nodeQuery,
  upload: csvUpload,
  response: res.importPreviewResponse,
});

export const importEvents = endpoint({
  method: "POST",
  url: "/api/kvalitet/handelser/import",
  tag,
  summary: "Importera händelser från en CSV-fil (allt eller inget)",
  permission: "write:kvalitet",
  query: nodeQuery,
  upload: csvUpload,
  response: res.importResultResponse,
});

// ---------- statistics ----------

export const statistics = endpoint({
  method: "GET",
  url: "/api/kvalitet/statistik",
  tag,
  summary: "Händelsestatistik per kvartal, verksamhetsområde, enhet, typ och orsak; arbetsmiljö för sig",
  permission: "read",
  query: statisticsQuery,
  response: res.statisticsResponse,
});
