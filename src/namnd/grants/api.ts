// Föreningsbidrag's wire contract: grant years (frame, criteria, sums, the memo list, internkontroll samples)
// and applications through their cycle. Reading needs read on the nämnd; writing needs write:namnd
// (nämndsekreterare, admin).
import { DOCX_TYPE, PDF_TYPE } from "../../platform/documents/http.ts";
import { endpoint, fileResponse } from "../../platform/http/endpoint.ts";
import * as res from "./responses.ts";
import {
  applicationInput,
  idParams,
  memoFileQuery,
  sampleInput,
  stepInput,
  yearFields,
  yearInput,
  yearsQuery,
} from "./schema.ts";

const tag = "Nämnd";

export const years = endpoint({
  method: "GET",
  url: "/api/namnd/foreningsbidrag",
  tag,
  summary: "Föreningsbidragens år med anslag, sökt, beviljat och kvar av anslaget",
  permission: "read",
  query: yearsQuery,
  response: res.yearsResponse,
});

export const createYear = endpoint({
  method: "POST",
  url: "/api/namnd/foreningsbidrag",
  tag,
  summary: "Öppna ett bidragsår med anslag, återrapportdatum och kriterier",
  permission: "write:namnd",
  body: yearInput,
  response: res.yearResponse,
});

export const getYear = endpoint({
  method: "GET",
  url: "/api/namnd/foreningsbidrag/:id",
  tag,
  summary: "Ett bidragsår: kriterier, ansökningar, summor, listan till nämnden och stickprov",
  permission: "read",
  params: idParams,
  response: res.yearResponse,
});

export const updateYear = endpoint({
  method: "PUT",
  url: "/api/namnd/foreningsbidrag/:id",
  tag,
  summary: "Ändra anslag, återrapportdatum och kriterier (anslaget aldrig under det beviljade)",
  permission: "write:namnd",
  params: idParams,
  body: yearFields,
  response: res.yearResponse,
});

export const registerApplication = endpoint({
  method: "POST",
  url: "/api/namnd/foreningsbidrag/:id/ansokningar",
  tag,
  summary: "Registrera en ansökan (andra omgången bara för kvarvarande medel)",
  permission: "write:namnd",
  params: idParams,
  body: applicationInput,
  response: res.applicationResponse,
});

export const drawSample = endpoint({
  method: "POST",
  url: "/api/namnd/foreningsbidrag/:id/stickprov",
  tag,
  summary: "Dra ett stickprov av årets ansökningar för internkontroll (sparas med frö, vem och när)",
  permission: "write:namnd",
  params: idParams,
  body: sampleInput,
  response: res.yearResponse,
});

export const memoFile = endpoint({
  method: "GET",
  url: "/api/namnd/foreningsbidrag/:id/underlag",
  tag,
  summary: "Listan till nämnden (förening, sökt, beviljat, andel, motivering) i Word eller PDF",
  permission: "read",
  params: idParams,
  query: memoFileQuery,
  response: fileResponse(DOCX_TYPE, PDF_TYPE),
});

export const getApplication = endpoint({
  method: "GET",
  url: "/api/namnd/bidragsansokningar/:id",
  tag,
  summary: "En ansökan om föreningsbidrag med bedömning och beslut",
  permission: "read",
  params: idParams,
  response: res.applicationResponse,
});

export const takeStep = endpoint({
  method: "POST",
  url: "/api/namnd/bidragsansokningar/:id/steg",
  tag,
  summary: "Nästa steg: komplettering, bedömning, beslut (inom anslaget), utbetalning, återrapport",
  permission: "write:namnd",
  params: idParams,
  body: stepInput,
  response: res.applicationResponse,
});
