// Synpunkter och klagomål's wire contract (see platform/http/endpoint.ts): taken in by anyone on the unit,
// read (logged) and handled by those with read:kvalitet / write:kvalitet, counted for every reader.
import { endpoint } from "../../platform/http/endpoint.ts";
import { idParams } from "../../platform/validation.ts";
import * as res from "./responses.ts";
import {
  closeInput,
  complaintPatch,
  complaintStatisticsQuery,
  complaintsQuery,
  periodQuery,
  registerInput,
} from "./schema.ts";

const tag = "Kvalitet";
const complaintId = idParams("Synpunktens id");

// Anyone registers where they may read (staff take complaints); the service checks the unit.
export const registerComplaint = endpoint({
  method: "POST",
  url: "/api/kvalitet/klagomal",
  tag,
  summary: "Registrera en synpunkt, ett klagomål, beröm eller ett förslag",
  permission: "read",
  body: registerInput,
  response: res.registeredResponse,
});

export const complaints = endpoint({
  method: "GET",
  url: "/api/kvalitet/klagomal",
  tag,
  summary: "Synpunkter och klagomål under en enhet, filtrerade (loggas)",
  permission: "read:kvalitet",
  query: complaintsQuery,
  response: res.complaintsResponse,
});

export const complaintPeriod = endpoint({
  method: "GET",
  url: "/api/kvalitet/klagomal/period",
  tag,
  summary: "Nämndens lista över synpunkter och klagomål som kommit in under en period (loggas)",
  permission: "read:kvalitet",
  query: periodQuery,
  response: res.periodResponse,
});

export const complaintStatistics = endpoint({
  method: "GET",
  url: "/api/kvalitet/klagomal/statistik",
  tag,
  summary: "Klagomål per enhet och kategori, typ, kanal och svar inom 10 dagar; Kommentaren för sig",
  permission: "read",
  query: complaintStatisticsQuery,
  response: res.complaintStatisticsResponse,
});

export const complaint = endpoint({
  method: "GET",
  url: "/api/kvalitet/klagomal/:id",
  tag,
  summary: "En synpunkt eller ett klagomål (loggas)",
  permission: "read:kvalitet",
  params: complaintId,
  response: res.complaintResponse,
});

export const updateComplaint = endpoint({
  method: "PATCH",
  url: "/api/kvalitet/klagomal/:id",
  tag,
  summary: "Bekräfta, besvara, ange åtgärder eller rätta en öppen synpunkt",
  permission: "write:kvalitet",
  params: complaintId,
  body: complaintPatch,
  response: res.complaintResponse,
});

export const closeComplaint = endpoint({
  method: "POST",
  url: "/api/kvalitet/klagomal/:id/close",
  tag,
  summary: "Avsluta synpunkten (kräver svar, utom när avsändaren är anonym)",
  permission: "write:kvalitet",
  params: complaintId,
  body: closeInput,
  response: res.complaintResponse,
});
