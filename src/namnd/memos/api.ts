// The tjänsteskrivelse's wire contract: a case's memos, one memo, writing and locking it, and its downloads
// as Word and PDF. Reading needs read on the nämnd; writing needs write:namnd.
import { DOCX_TYPE, PDF_TYPE } from "../../platform/documents/media-types.ts";
import { endpoint, fileResponse } from "../../platform/http/endpoint.ts";
import { idParams } from "../../platform/validation.ts";
import * as res from "./responses.ts";
import { memoInput } from "./schema.ts";

const tag = "Nämnd";
const caseId = idParams("Ärendets id");
const memoId = idParams("Tjänsteskrivelsens id");

export const caseMemos = endpoint({
  method: "GET",
  url: "/api/namnd/arenden/:id/tjansteskrivelser",
  tag,
  summary: "Ärendets tjänsteskrivelser, alla versioner",
  permission: "read",
  params: caseId,
  response: res.memosResponse,
});

export const createMemo = endpoint({
  method: "POST",
  url: "/api/namnd/arenden/:id/tjansteskrivelser",
  tag,
  summary: "Skriv en tjänsteskrivelse i ärendet (sparas som utkast)",
  permission: "write:namnd",
  params: caseId,
  body: memoInput,
  response: res.memoResponse,
});

export const memo = endpoint({
  method: "GET",
  url: "/api/namnd/tjansteskrivelser/:id",
  tag,
  summary: "En tjänsteskrivelse med beslutssatser och beslutsunderlag som de skrivs ut",
  permission: "read",
  params: memoId,
  response: res.memoResponse,
});

export const updateMemo = endpoint({
  method: "PUT",
  url: "/api/namnd/tjansteskrivelser/:id",
  tag,
  summary: "Ändra ett utkast till tjänsteskrivelse (hela innehållet ersätts); en klar skrivelse är låst",
  permission: "write:namnd",
  params: memoId,
  body: memoInput,
  response: res.memoResponse,
});

export const completeMemo = endpoint({
  method: "POST",
  url: "/api/namnd/tjansteskrivelser/:id/klar",
  tag,
  summary: "Markera tjänsteskrivelsen klar; den låses",
  permission: "write:namnd",
  params: memoId,
  response: res.memoResponse,
});

export const newMemoVersion = endpoint({
  method: "POST",
  url: "/api/namnd/tjansteskrivelser/:id/ny-version",
  tag,
  summary: "Skapa en ny version (utkast) av en klar tjänsteskrivelse för att ändra den",
  permission: "write:namnd",
  params: memoId,
  response: res.memoResponse,
});

export const memoDocx = endpoint({
  method: "GET",
  url: "/api/namnd/tjansteskrivelser/:id/docx",
  tag,
  summary: "Tjänsteskrivelsen som Word-fil",
  permission: "read",
  params: memoId,
  response: fileResponse(DOCX_TYPE),
});

export const memoPdf = endpoint({
  method: "GET",
  url: "/api/namnd/tjansteskrivelser/:id/pdf",
  tag,
  summary: "Tjänsteskrivelsen som PDF (utskriven i Chromium)",
  permission: "read",
  params: memoId,
  response: fileResponse(PDF_TYPE),
});
