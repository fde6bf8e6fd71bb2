// Internkontroll's wire contract: a nämnd's year (plan decision, risk- och väsentlighetsanalys, granskningar
// with åtgärder, självskattning) and the follow-up report to KS. Åtgärder are added through the
// kvalitetsplan's /api/kvalitet/atgarder with a granskningId.
import { endpoint } from "../../platform/http/endpoint.ts";
import { idParams } from "../../platform/validation.ts";
import { saved } from "../kvalitetsplan/responses.ts";
import * as res from "./responses.ts";
import {
  granskningInput,
  granskningPatch,
  ikRiskInput,
  ikRiskPatch,
  planDecisionInput,
  selfAssessmentInput,
  yearQuery,
} from "./schema.ts";

const tag = "Internkontroll";

export const year = endpoint({
  method: "GET",
  url: "/api/kvalitet/internkontroll",
  tag,
  summary: "Nämndens internkontroll för ett år: plan, riskanalys, granskningar, åtgärder, självskattning",
  permission: "read",
  query: yearQuery,
  response: res.yearResponse,
});

export const report = endpoint({
  method: "GET",
  url: "/api/kvalitet/internkontroll/rapport",
  tag,
  summary: "Uppföljningsrapporten till KS (kapitel 4.1, 4.2, 5.1, 5.2 och 7)",
  permission: "read",
  query: yearQuery,
  response: res.reportResponse,
});

export const savePlan = endpoint({
  method: "PUT",
  url: "/api/kvalitet/internkontroll/plan",
  tag,
  summary: "Nämndens beslut om planen (diarienummer, antagen, §)",
  permission: "write:kvalitet",
  body: planDecisionInput,
  response: saved,
});

export const addRisk = endpoint({
  method: "POST",
  url: "/api/kvalitet/internkontroll/riskanalys",
  tag,
  summary: "Ny risk i risk- och väsentlighetsanalysen",
  permission: "write:kvalitet",
  body: ikRiskInput,
  response: saved,
});

export const updateRisk = endpoint({
  method: "PATCH",
  url: "/api/kvalitet/internkontroll/riskanalys/:id",
  tag,
  summary: "Ändra en risk (bedömning, till plan eller inte med anledning)",
  permission: "write:kvalitet",
  params: idParams("Riskens id"),
  body: ikRiskPatch,
  response: saved,
});

export const addGranskning = endpoint({
  method: "POST",
  url: "/api/kvalitet/internkontroll/granskningar",
  tag,
  summary: "Ny granskning i planen",
  permission: "write:kvalitet",
  body: granskningInput,
  response: saved,
});

export const updateGranskning = endpoint({
  method: "PATCH",
  url: "/api/kvalitet/internkontroll/granskningar/:id",
  tag,
  summary: "Ändra en granskning eller för in resultat, avvikelser och bedömning",
  permission: "write:kvalitet",
  params: idParams("Granskningens id"),
  body: granskningPatch,
  response: saved,
});

export const saveSelfAssessment = endpoint({
  method: "PUT",
  url: "/api/kvalitet/internkontroll/sjalvskattning",
  tag,
  summary: "Spara svar i självskattningen",
  permission: "write:kvalitet",
  body: selfAssessmentInput,
  response: saved,
});
