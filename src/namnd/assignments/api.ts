// Uppdrag och uppföljning's wire contract: initiativärenden and motions with their steps and referees,
// uppdrag to "fullgjort", revisionsgranskningar with the answer memo. Reading needs read on the nämnd;
// writing needs write:namnd.
import { z } from "zod";
import { DOCX_TYPE, PDF_TYPE } from "../../platform/documents/http.ts";
import { endpoint, fileResponse } from "../../platform/http/endpoint.ts";
import { labelled } from "../../platform/validation.ts";
import * as res from "./responses.ts";
import {
  assignmentIdParams,
  assignmentInput,
  assignmentPatch,
  assignmentsQuery,
  auditFields,
  auditIdParams,
  auditInput,
  auditsQuery,
  motionIdParams,
  motionInput,
  motionPatch,
  motionsQuery,
  refereeAnswerInput,
  stepInput,
} from "./schema.ts";

const tag = "Nämnd";

export const motions = endpoint({
  method: "GET",
  url: "/api/namnd/motioner",
  tag,
  summary: "Initiativärenden och motioner med steg och remissinstanser",
  permission: "read",
  query: motionsQuery,
  response: res.motionsResponse,
});

export const registerMotion = endpoint({
  method: "POST",
  url: "/api/namnd/motioner",
  tag,
  summary: "Registrera ett inkommet initiativärende eller en motion",
  permission: "write:namnd",
  body: motionInput,
  response: res.motionResponse,
});

export const getMotion = endpoint({
  method: "GET",
  url: "/api/namnd/motioner/:id",
  tag,
  summary: "Ett initiativärende eller en motion",
  permission: "read",
  params: motionIdParams,
  response: res.motionResponse,
});

export const updateMotion = endpoint({
  method: "PATCH",
  url: "/api/namnd/motioner/:id",
  tag,
  summary: "Ändra rubrik, inlämnare, datum, diarienummer eller förslag",
  permission: "write:namnd",
  params: motionIdParams,
  body: motionPatch,
  response: res.motionResponse,
});

export const takeStep = endpoint({
  method: "POST",
  url: "/api/namnd/motioner/:id/steg",
  tag,
  summary: "Nästa steg: anmäld, remitterad (med remissinstanser), besvarad, beslutad — inget steg hoppas över",
  permission: "write:namnd",
  params: motionIdParams,
  body: stepInput,
  response: res.motionResponse,
});

export const answerReferral = endpoint({
  method: "POST",
  url: "/api/namnd/motioner/:id/svar",
  tag,
  summary: "En remissinstans svar",
  permission: "write:namnd",
  params: motionIdParams,
  body: refereeAnswerInput,
  response: res.motionResponse,
});

export const assignments = endpoint({
  method: "GET",
  url: "/api/namnd/uppdrag",
  tag,
  summary: "Uppdrag från nämndens beslut, med försenade markerade",
  permission: "read",
  query: assignmentsQuery,
  response: res.assignmentsResponse,
});

export const registerAssignment = endpoint({
  method: "POST",
  url: "/api/namnd/uppdrag",
  tag,
  summary: "Registrera ett uppdrag ur ett beslut",
  permission: "write:namnd",
  body: assignmentInput,
  response: res.assignmentResponse,
});

export const getAssignment = endpoint({
  method: "GET",
  url: "/api/namnd/uppdrag/:id",
  tag,
  summary: "Ett uppdrag",
  permission: "read",
  params: assignmentIdParams,
  response: res.assignmentResponse,
});

export const updateAssignment = endpoint({
  method: "PATCH",
  url: "/api/namnd/uppdrag/:id",
  tag,
  summary: "Ändra ett uppdrag eller förklara det fullgjort (datum och §)",
  permission: "write:namnd",
  params: assignmentIdParams,
  body: assignmentPatch,
  response: res.assignmentResponse,
});

export const audits = endpoint({
  method: "GET",
  url: "/api/namnd/revision",
  tag,
  summary: "Revisionsgranskningar med svarsdatum (försenade markerade)",
  permission: "read",
  query: auditsQuery,
  response: res.auditsResponse,
});

export const registerAudit = endpoint({
  method: "POST",
  url: "/api/namnd/revision",
  tag,
  summary: "Registrera en revisionsgranskning med frågor, bedömningar, rekommendationer och åtgärder",
  permission: "write:namnd",
  body: auditInput,
  response: res.auditResponse,
});

export const getAudit = endpoint({
  method: "GET",
  url: "/api/namnd/revision/:id",
  tag,
  summary: "En revisionsgranskning i sin helhet",
  permission: "read",
  params: auditIdParams,
  response: res.auditResponse,
});

export const updateAudit = endpoint({
  method: "PUT",
  url: "/api/namnd/revision/:id",
  tag,
  summary: "Ersätt en revisionsgranskning i sin helhet (t.ex. med nämndens åtgärder)",
  permission: "write:namnd",
  params: auditIdParams,
  body: auditFields,
  response: res.auditResponse,
});

export const auditReply = endpoint({
  method: "GET",
  url: "/api/namnd/revision/:id/svar",
  tag,
  summary: 'Svaret till revisionen: åtgärder, när och vem ("saknas" där uppgift fattas)',
  permission: "read",
  params: auditIdParams,
  response: res.replyResponse,
});

export const auditReplyFile = endpoint({
  method: "GET",
  url: "/api/namnd/revision/:id/svar/fil",
  tag,
  summary: "Svaret till revisionen som tjänsteskrivelse i Word eller PDF",
  permission: "read",
  params: auditIdParams,
  query: z.object({ format: labelled(z.enum(["docx", "pdf"]).default("docx"), "Format") }),
  response: fileResponse(DOCX_TYPE, PDF_TYPE),
});
