// Nämnd's wire contract (see platform/http/endpoint.ts): the diarium of ärenden, their links, foreign
// references and documents. Reading the diarium needs read on the nämnd; a document marked sekretess needs
// read:personal (and every download of one is logged); writing needs write:namnd.
import { endpoint, fileResponse } from "../platform/http/endpoint.ts";
import { idParams } from "../platform/validation.ts";
import * as res from "./responses.ts";
import {
  caseInput,
  casePatch,
  casesQuery,
  documentPatch,
  downloadQuery,
  linkInput,
  namndQuery,
  referenceInput,
  referenceQuery,
  standingInput,
  unlinkQuery,
  uploadQuery,
} from "./schema.ts";
import { documentTypes } from "./vocabulary.ts";

const tag = "Nämnd";
const caseId = idParams("Ärendets id");

export const lists = endpoint({
  method: "GET",
  url: "/api/namnd/diarium",
  tag,
  summary: "Nämndens diarium: ärendetyper, lagrum för sekretess, nummerserier och stående ärenden",
  permission: "read",
  query: namndQuery,
  response: res.listsResponse,
});

export const handlers = endpoint({
  method: "GET",
  url: "/api/namnd/handlaggare",
  tag,
  summary: "De som kan vara handläggare för nämndens ärenden",
  permission: "write:namnd",
  query: namndQuery,
  response: res.handlersResponse,
});

export const cases = endpoint({
  method: "GET",
  url: "/api/namnd/arenden",
  tag,
  summary: "Ärenden i diariet; sök på rubrik eller diarienummer i valfri skrivform",
  permission: "read",
  query: casesQuery,
  response: res.casesResponse,
});

export const registerCase = endpoint({
  method: "POST",
  url: "/api/namnd/arenden",
  tag,
  summary: "Registrera ett ärende (får nästa diarienummer i nämndens serie för året)",
  permission: "write:namnd",
  body: caseInput,
  response: res.caseResponse,
});

export const getCase = endpoint({
  method: "GET",
  url: "/api/namnd/arenden/:id",
  tag,
  summary: "Ett ärende med länkar, referenser och handlingar",
  permission: "read",
  params: caseId,
  response: res.caseResponse,
});

export const updateCase = endpoint({
  method: "PATCH",
  url: "/api/namnd/arenden/:id",
  tag,
  summary: "Ändra rubrik, typ, handläggare, inkomstdatum eller status (avslutat kräver avslutsdatum)",
  permission: "write:namnd",
  params: caseId,
  body: casePatch,
  response: res.caseResponse,
});

export const linkCase = endpoint({
  method: "POST",
  url: "/api/namnd/arenden/:id/lankar",
  tag,
  summary: "Länka ärendet till ett annat ärende i samma diarium (länken gäller åt båda hållen)",
  permission: "write:namnd",
  params: caseId,
  body: linkInput,
  response: res.caseResponse,
});

export const unlinkCase = endpoint({
  method: "DELETE",
  url: "/api/namnd/arenden/:id/lankar",
  tag,
  summary: "Ta bort en länk mellan två ärenden",
  permission: "write:namnd",
  params: caseId,
  query: unlinkQuery,
  response: res.caseResponse,
});

export const addReference = endpoint({
  method: "POST",
  url: "/api/namnd/arenden/:id/referenser",
  tag,
  summary: "Lägg till en annan myndighets beteckning (mål nr, IVO, IMY, departement, annat diarienummer)",
  permission: "write:namnd",
  params: caseId,
  body: referenceInput,
  response: res.caseResponse,
});

export const removeReference = endpoint({
  method: "DELETE",
  url: "/api/namnd/arenden/:id/referenser",
  tag,
  summary: "Ta bort en referens",
  permission: "write:namnd",
  params: caseId,
  query: referenceQuery,
  response: res.caseResponse,
});

export const uploadDocument = endpoint({
  method: "POST",
  url: "/api/namnd/arenden/:id/dokument",
  tag,
  summary: "Lägg till en handling (PDF, docx, xlsx, odt, text, PNG, JPEG; filtypen avgörs av innehållet)",
  permission: "write:namnd",
  params: caseId,
  query: uploadQuery,
  upload: ["application/octet-stream", ...documentTypes],
  response: res.documentResponse,
});

// The document is named in the query, so access is checked on the case first: a document marked sekretess
// is refused without read:personal, and every download of one is logged.
export const downloadDocument = endpoint({
  method: "GET",
  url: "/api/namnd/arenden/:id/dokument/fil",
  tag,
  summary: "Hämta en handling (sekretessmarkerad kräver behörighet till personuppgifter och loggas)",
  permission: "read",
  params: caseId,
  query: downloadQuery,
  response: fileResponse(...documentTypes),
});

export const updateDocument = endpoint({
  method: "PATCH",
  url: "/api/namnd/dokument/:id",
  tag,
  summary: "Ändra en handlings rubrik, riktning, datum eller sekretessmarkering",
  permission: "write:namnd",
  params: idParams("Handlingens id"),
  body: documentPatch,
  response: res.documentResponse,
});

export const createStanding = endpoint({
  method: "POST",
  url: "/api/namnd/staende",
  tag,
  summary: "Skapa årets stående ärenden (en per serie som nämnden har haft)",
  permission: "write:namnd",
  body: standingInput,
  response: res.standingResponse,
});
