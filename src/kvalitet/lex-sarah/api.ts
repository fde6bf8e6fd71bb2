// Lex Sarah's wire contract (see platform/http/endpoint.ts): the kommun's lists, the register (read:kvalitet,
// every read logged), registration, investigation entries, decisions, the IVO anmälan and the nämnd's memo.
import { endpoint } from "../../platform/http/endpoint.ts";
import { idParams } from "../../platform/validation.ts";
import { nodeQuery } from "../schema.ts";
import * as res from "./responses.ts";
import {
  casePatch,
  casesQuery,
  decideInput,
  entryInput,
  ivoPatch,
  listEntryInput,
  listEntryPatch,
  memoQuery,
  registerInput,
} from "./schema.ts";

const tag = "Kvalitet";
const caseId = idParams("Ärendets id");

export const lists = endpoint({
  method: "GET",
  url: "/api/kvalitet/lex-sarah/lists",
  tag,
  summary: "Kommunens listor för lex Sarah: kategorier, orsaker, åtgärder, utredningspunkter",
  permission: "read",
  query: nodeQuery,
  response: res.listsResponse,
});

export const createListEntry = endpoint({
  method: "POST",
  url: "/api/kvalitet/lex-sarah/lists",
  tag,
  summary: "Ny post i en av kommunens lex Sarah-listor",
  permission: "admin",
  body: listEntryInput,
  response: res.listEntryResponse,
});

export const updateListEntry = endpoint({
  method: "PATCH",
  url: "/api/kvalitet/lex-sarah/lists/:id",
  tag,
  summary: "Byt namn på, flytta eller inaktivera en post i en lex Sarah-lista (poster tas aldrig bort)",
  permission: "admin",
  params: idParams("Postens id"),
  body: listEntryPatch,
  response: res.listEntryResponse,
});

export const cases = endpoint({
  method: "GET",
  url: "/api/kvalitet/lex-sarah",
  tag,
  summary: "Lex Sarah-registret under en enhet, filtrerat (loggas)",
  permission: "read:kvalitet",
  query: casesQuery,
  response: res.casesResponse,
});

export const memo = endpoint({
  method: "GET",
  url: "/api/kvalitet/lex-sarah/memo",
  tag,
  summary: "Information till nämnden om lex Sarah: rapporter per månad och beslut lista A och B (loggas)",
  permission: "read:kvalitet",
  query: memoQuery,
  response: res.memoResponse,
});

export const register = endpoint({
  method: "POST",
  url: "/api/kvalitet/lex-sarah",
  tag,
  summary: "Registrera en lex Sarah-rapport (får nästa nummer i nämndens serie för rapportåret)",
  permission: "write:kvalitet",
  body: registerInput,
  response: res.caseResponse,
});

export const lexSarahCase = endpoint({
  method: "GET",
  url: "/api/kvalitet/lex-sarah/:id",
  tag,
  summary: "Ett lex Sarah-ärende med utredning, beslut och IVO-anmälan (loggas)",
  permission: "read:kvalitet",
  params: caseId,
  response: res.caseResponse,
});

export const update = endpoint({
  method: "PATCH",
  url: "/api/kvalitet/lex-sarah/:id",
  tag,
  summary: "Rätta eller komplettera ett ej beslutat lex Sarah-ärende",
  permission: "write:kvalitet",
  params: caseId,
  body: casePatch,
  response: res.caseResponse,
});

export const addEntry = endpoint({
  method: "POST",
  url: "/api/kvalitet/lex-sarah/:id/utredning",
  tag,
  summary: "Ny daterad uppgift i utredningen (SOSFS 2011:5)",
  permission: "write:kvalitet",
  params: caseId,
  body: entryInput,
  response: res.caseResponse,
});

export const decide = endpoint({
  method: "POST",
  url: "/api/kvalitet/lex-sarah/:id/beslut",
  tag,
  summary: "Besluta ärendet (A, B eller C), ensamt eller tillsammans med andra",
  permission: "write:kvalitet",
  params: caseId,
  body: decideInput,
  response: res.caseResponse,
});

export const ivo = endpoint({
  method: "PATCH",
  url: "/api/kvalitet/lex-sarah/:id/ivo",
  tag,
  summary: "IVO-anmälan för ett allvarligt missförhållande: blankett, utredning, skickad, IVO:s diarienummer",
  permission: "write:kvalitet",
  params: caseId,
  body: ivoPatch,
  response: res.caseResponse,
});
