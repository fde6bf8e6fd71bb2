// IVO-tillsyn's wire contract: read with read:kvalitet, kept by those with write:kvalitet; the kommun's list of
// kinds of tillsyn read by anyone, edited by the kommun's admin.
import { endpoint } from "../../platform/http/endpoint.ts";
import { idParams } from "../../platform/validation.ts";
import { nodeQuery } from "../schema.ts";
import * as res from "./responses.ts";
import {
  inspectionInput,
  inspectionPatch,
  inspectionsQuery,
  inspectionTypeInput,
  inspectionTypePatch,
} from "./schema.ts";

const tag = "Kvalitet";
const inspectionId = idParams("Tillsynens id");

export const inspectionTypes = endpoint({
  method: "GET",
  url: "/api/kvalitet/tillsyner/typer",
  tag,
  summary: "Kommunens lista över IVO:s slag av tillsyn",
  permission: "read",
  query: nodeQuery,
  response: res.inspectionTypesResponse,
});

export const createInspectionType = endpoint({
  method: "POST",
  url: "/api/kvalitet/tillsyner/typer",
  tag,
  summary: "Nytt slag av tillsyn i kommunens lista",
  permission: "admin",
  body: inspectionTypeInput,
  response: res.inspectionType,
});

export const updateInspectionType = endpoint({
  method: "PATCH",
  url: "/api/kvalitet/tillsyner/typer/:id",
  tag,
  summary: "Byt namn på, flytta eller inaktivera ett slag av tillsyn (tas aldrig bort)",
  permission: "admin",
  params: idParams("Slagets id"),
  body: inspectionTypePatch,
  response: res.inspectionType,
});

export const inspections = endpoint({
  method: "GET",
  url: "/api/kvalitet/tillsyner",
  tag,
  summary: "IVO-tillsyner av enheterna under en nod, nyast först",
  permission: "read:kvalitet",
  query: inspectionsQuery,
  response: res.inspectionsResponse,
});

export const inspection = endpoint({
  method: "GET",
  url: "/api/kvalitet/tillsyner/:id",
  tag,
  summary: "En IVO-tillsyn",
  permission: "read:kvalitet",
  params: inspectionId,
  response: res.inspectionResponse,
});

export const createInspection = endpoint({
  method: "POST",
  url: "/api/kvalitet/tillsyner",
  tag,
  summary: "Registrera en IVO-tillsyn",
  permission: "write:kvalitet",
  body: inspectionInput,
  response: res.inspectionSaved,
});

export const updateInspection = endpoint({
  method: "PATCH",
  url: "/api/kvalitet/tillsyner/:id",
  tag,
  summary: "Ändra en IVO-tillsyn: beslut, iakttagelser, begärt yttrande, status",
  permission: "write:kvalitet",
  params: inspectionId,
  body: inspectionPatch,
  response: res.inspectionSaved,
});
