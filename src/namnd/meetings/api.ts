// Sammanträden's wire contract: the bodies that meet, the meeting calendar, one meeting with its agenda
// (standing items filled from the registers for the reader), närvaro, the status steps (kallelse, genomfört,
// justering), one §'s protokoll and the protokollsutdrag. Reading needs read on the nämnd; every change
// needs write:namnd.
import { DOCX_TYPE, PDF_TYPE } from "../../platform/documents/media-types.ts";
import { endpoint, fileResponse } from "../../platform/http/endpoint.ts";
import * as res from "./responses.ts";
import {
  bodiesQuery,
  bodyInput,
  cancelInput,
  extractQuery,
  idParams,
  itemInput,
  itemQuery,
  kallelseQuery,
  meetingInput,
  meetingPatch,
  meetingsQuery,
  moveInput,
  paragraphSeriesInput,
  protocolInput,
  rosterInput,
  statusInput,
} from "./schema.ts";

const tag = "Nämnd";

export const bodies = endpoint({
  method: "GET",
  url: "/api/namnd/organ",
  tag,
  summary: "Nämndens organ som sammanträder: nämnden och utskotten",
  permission: "read",
  query: bodiesQuery,
  response: res.bodiesResponse,
});

export const createBody = endpoint({
  method: "POST",
  url: "/api/namnd/organ",
  tag,
  summary: "Lägg till ett organ (nämnd eller utskott) med egen paragrafserie",
  permission: "write:namnd",
  body: bodyInput,
  response: res.bodyResponse,
});

export const setParagraphSeries = endpoint({
  method: "PUT",
  url: "/api/namnd/organ/:id/paragrafer",
  tag,
  summary: "Ange senast utfärdade § för ett år (paragrafer från protokoll som fördes före Lots); bara framåt",
  permission: "write:namnd",
  params: idParams,
  body: paragraphSeriesInput,
  response: res.paragraphSeriesResponse,
});

export const meetings = endpoint({
  method: "GET",
  url: "/api/namnd/sammantraden",
  tag,
  summary: "Sammanträdeskalendern: organens sammanträden i datumordning",
  permission: "read",
  query: meetingsQuery,
  response: res.meetingsResponse,
});

export const createMeeting = endpoint({
  method: "POST",
  url: "/api/namnd/sammantraden",
  tag,
  summary: "Planera ett sammanträde (perioden för stående punkter: från förra periodens slut till dagen före)",
  permission: "write:namnd",
  body: meetingInput,
  response: res.meetingResponse,
});

export const meeting = endpoint({
  method: "GET",
  url: "/api/namnd/sammantraden/:id",
  tag,
  summary: "Ett sammanträde: föredragningslista med stående punkter ur registren, närvaro och protokoll",
  permission: "read",
  params: idParams,
  response: res.meetingResponse,
});

export const updateMeeting = endpoint({
  method: "PATCH",
  url: "/api/namnd/sammantraden/:id",
  tag,
  summary: "Ändra datum, tid, plats eller period innan sammanträdet är genomfört",
  permission: "write:namnd",
  params: idParams,
  body: meetingPatch,
  response: res.meetingResponse,
});

export const deleteMeeting = endpoint({
  method: "DELETE",
  url: "/api/namnd/sammantraden/:id",
  tag,
  summary: "Ta bort ett planerat sammanträde (ingen kallelse skickad, inga § utfärdade)",
  permission: "write:namnd",
  params: idParams,
  response: res.deletedResponse,
});

export const cancelMeeting = endpoint({
  method: "POST",
  url: "/api/namnd/sammantraden/:id/installt",
  tag,
  summary: "Ställ in ett kallat sammanträde med skäl; föredragningslistans punkter släpps och inga § utfärdas",
  permission: "write:namnd",
  params: idParams,
  body: cancelInput,
  response: res.meetingResponse,
});

export const addItem = endpoint({
  method: "POST",
  url: "/api/namnd/sammantraden/:id/punkter",
  tag,
  summary: "Lägg till ett ärende (diarienummer), en informationspunkt eller en stående punkt sist på listan",
  permission: "write:namnd",
  params: idParams,
  body: itemInput,
  response: res.meetingResponse,
});

export const addStandingItems = endpoint({
  method: "POST",
  url: "/api/namnd/sammantraden/:id/staende",
  tag,
  summary: "Lägg till de stående punkter som saknas, i fast ordning",
  permission: "write:namnd",
  params: idParams,
  response: res.meetingResponse,
});

export const moveItem = endpoint({
  method: "PUT",
  url: "/api/namnd/sammantraden/:id/punkter",
  tag,
  summary: "Flytta en punkt till en plats på föredragningslistan",
  permission: "write:namnd",
  params: idParams,
  body: moveInput,
  response: res.meetingResponse,
});

export const removeItem = endpoint({
  method: "DELETE",
  url: "/api/namnd/sammantraden/:id/punkter",
  tag,
  summary: "Ta bort en punkt från föredragningslistan",
  permission: "write:namnd",
  params: idParams,
  query: itemQuery,
  response: res.meetingResponse,
});

export const setRoster = endpoint({
  method: "PUT",
  url: "/api/namnd/sammantraden/:id/narvaro",
  tag,
  summary: "Närvarolistan: ledamöter, ersättare (tjänstgörande för vem), tjänstepersoner och justerare",
  permission: "write:namnd",
  params: idParams,
  body: rosterInput,
  response: res.meetingResponse,
});

export const changeStatus = endpoint({
  method: "POST",
  url: "/api/namnd/sammantraden/:id/status",
  tag,
  summary: "Nästa steg: kallat (stående punkter frysta), genomfört (§ utfärdas), justerat (protokollet låses)",
  permission: "write:namnd",
  params: idParams,
  body: statusInput,
  response: res.meetingResponse,
});

export const recordProtocol = endpoint({
  method: "PUT",
  url: "/api/namnd/sammantraden/:id/protokoll",
  tag,
  summary: "Protokollet för en §: beslut, yrkanden, jäv, reservationer och vart beslutet skickas",
  permission: "write:namnd",
  params: idParams,
  body: protocolInput,
  response: res.meetingResponse,
});

export const extract = endpoint({
  method: "GET",
  url: "/api/namnd/sammantraden/:id/utdrag",
  tag,
  summary: "Protokollsutdrag för en § ur ett justerat protokoll (Word, PDF eller HTML), ställt till en mottagare",
  permission: "read",
  params: idParams,
  query: extractQuery,
  response: fileResponse(
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/pdf",
    "text/html",
  ),
});

export const kallelse = endpoint({
  method: "GET",
  url: "/api/namnd/sammantraden/:id/kallelse",
  tag,
  summary: "Kallelsen med föredragningslistan och de stående punkternas antal som vid kallelsen (Word eller PDF)",
  permission: "read",
  params: idParams,
  query: kallelseQuery,
  response: fileResponse(DOCX_TYPE, PDF_TYPE),
});
