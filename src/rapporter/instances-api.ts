// The wire contract of reports as records: a nämnd's reports, one report with its chapters, texts, comments,
// preview and findings; the writers' and the approver's changes; publishing; and the public reads of
// published reports (no login).
import { DOCX_TYPE, PDF_TYPE } from "../platform/documents/media-types.ts";
import { endpoint, fileResponse } from "../platform/http/endpoint.ts";
import { idParams } from "../platform/validation.ts";
import { XLSX_TYPE } from "./formats.ts";
import * as res from "./instances-responses.ts";
import {
  assignInput,
  chapterStatusInput,
  commentInput,
  createInstanceInput,
  instanceFileQuery,
  instanceQuery,
  statusInput,
  textInput,
} from "./instances-schema.ts";

const tag = "Rapporter";
const reportId = idParams("Rapport");

export const instances = endpoint({
  method: "GET",
  url: "/api/rapporter/instanser",
  tag,
  summary: "Nämndernas rapporter under en organisation",
  permission: "read",
  query: instanceQuery,
  response: res.instanceList,
});

export const createInstance = endpoint({
  method: "POST",
  url: "/api/rapporter/instanser",
  tag,
  summary: "Skapa en rapport ur en mall för en nämnd och ett år",
  permission: "write:ekonomi",
  body: createInstanceInput,
  response: res.instanceRef,
});

export const instance = endpoint({
  method: "GET",
  url: "/api/rapporter/instanser/:id",
  tag,
  summary: "En rapport: kapitel, skribenter, texter, kommentarer, förhandsvisning och kontroller",
  permission: "read",
  params: reportId,
  response: res.instance,
});

export const instanceFile = endpoint({
  method: "GET",
  url: "/api/rapporter/instanser/:id/fil",
  tag,
  summary: "Rapporten som HTML, PDF, Word eller Excel (en publicerad ur sin frysta kopia)",
  permission: "read",
  params: reportId,
  query: instanceFileQuery,
  response: fileResponse("text/html; charset=utf-8", PDF_TYPE, DOCX_TYPE, XLSX_TYPE),
});

export const writers = endpoint({
  method: "GET",
  url: "/api/rapporter/skribenter",
  tag,
  summary: "De som kan få skriva ett kapitel i nämndens rapporter",
  permission: "write:ekonomi",
  query: instanceQuery,
  response: res.writers,
});

export const assignChapter = endpoint({
  method: "PUT",
  url: "/api/rapporter/instanser/:id/kapitel",
  tag,
  summary: "Ge ett kapitel skribent och sista dag",
  permission: "write:ekonomi",
  params: reportId,
  body: assignInput,
  response: res.instanceRef,
});

export const saveText = endpoint({
  method: "PUT",
  url: "/api/rapporter/instanser/:id/text",
  tag,
  summary: "Skribentens text i ett textblock (till godkännandet)",
  permission: "read",
  params: reportId,
  body: textInput,
  response: res.savedText,
});

export const chapterStatus = endpoint({
  method: "PUT",
  url: "/api/rapporter/instanser/:id/kapitelstatus",
  tag,
  summary: "Kapitlets status: ej påbörjad, pågår, klar",
  permission: "read",
  params: reportId,
  body: chapterStatusInput,
  response: res.instanceRef,
});

export const addComment = endpoint({
  method: "POST",
  url: "/api/rapporter/instanser/:id/kommentarer",
  tag,
  summary: "Kommentera ett kapitel",
  permission: "read",
  params: reportId,
  body: commentInput,
  response: res.savedText,
});

export const moveStatus = endpoint({
  method: "POST",
  url: "/api/rapporter/instanser/:id/status",
  tag,
  summary: "Till granskning, tillbaka till utkast, godkänn (låser texterna) eller öppna igen",
  permission: "write:ekonomi",
  params: reportId,
  body: statusInput,
  response: res.instanceRef,
});

export const publish = endpoint({
  method: "POST",
  url: "/api/rapporter/instanser/:id/publicera",
  tag,
  summary: "Publicera den godkända rapporten: fryst med kontrollsumma (nekas vid blockerande fel)",
  permission: "write:ekonomi",
  params: reportId,
  response: res.published,
});

export const copyToNextPeriod = endpoint({
  method: "POST",
  url: "/api/rapporter/instanser/:id/kopiera",
  tag,
  summary: "Kopiera rapporten till nästa år: skribenter, sista dagar ett år senare, texterna som utkast",
  permission: "write:ekonomi",
  params: reportId,
  response: res.instanceRef,
});

export const publicReports = endpoint({
  method: "GET",
  url: "/api/public/rapporter",
  tag: "Offentligt",
  summary: "Publicerade rapporter (utan inloggning)",
  public: true,
  response: res.publicReports,
});

export const publicReport = endpoint({
  method: "GET",
  url: "/api/public/rapporter/:id",
  tag: "Offentligt",
  summary: "En publicerad rapport som den publicerades, med kontrollsumma (utan inloggning)",
  public: true,
  params: reportId,
  response: res.publicReport,
});
