// Styrning's wire contract (see platform/http/endpoint.ts): scales, goal models and goals, indicators and
// their values, locks, directives, activities and Kolada.
import { z } from "zod";
import { endpoint, fileResponse, noContent } from "../platform/http/endpoint.ts";
import { idParams, labelled } from "../platform/validation.ts";
import * as res from "./responses.ts";
import {
  activityInput,
  activityPatch,
  assessmentInput,
  commentInput,
  copyModelInput,
  dimensionInput,
  directiveInput,
  directivePatch,
  followupInput,
  goalIndicatorsInput,
  goalInput,
  goalPatch,
  indicatorInput,
  indicatorPatch,
  koladaMappingInput,
  lockInput,
  modelInput,
  modelPatch,
  periodKey,
  relationInput,
  scaleInput,
  scalePatch,
  targetInput,
  uppdragFollowupInput,
  uppdragInput,
  uppdragPatch,
  valuesBatch,
  year,
  yearQuery,
} from "./schema.ts";
import { XLSX_TYPE } from "./vocabulary.ts";

const tag = "Styrning";
const base = "/api/styrning";
const orgNodeId = labelled(z.uuid(), "Organisation");
const yearFilter = labelled(yearQuery, "År");
const nodeQuery = z.object({ orgNodeId });
const nodeYearQuery = z.object({ orgNodeId, year: yearFilter });
const nodeOptionalYearQuery = z.object({ orgNodeId, year: yearFilter.optional() });
const targetParams = z.object({
  id: labelled(z.uuid(), "Indikatorns id"),
  year: labelled(z.coerce.number().pipe(year), "År"),
});
const forecastParams = z.object({
  id: labelled(z.uuid(), "Indikatorns id"),
  forecastId: labelled(z.uuid(), "Prognosens id"),
});
const groupId = labelled(z.string().trim().min(1).max(40), "Kommungrupp");
const optionalReason = z
  .string()
  .trim()
  .max(2000)
  .optional()
  .transform((v) => v || null);
const importQuery = z.object({ orgNodeId, reason: labelled(optionalReason, "Orsak om låsta perioder ändras") });

// ---- scales

export const scales = endpoint({
  method: "GET",
  url: `${base}/scales`,
  tag,
  summary: "Bedömnings- och statusskalor",
  permission: "read",
  query: nodeQuery,
  response: res.scalesResponse,
});

export const createScale = endpoint({
  method: "POST",
  url: `${base}/scales`,
  tag,
  summary: "Skapa skala (admin)",
  permission: "admin",
  body: scaleInput,
  response: res.scale,
});

export const updateScale = endpoint({
  method: "PATCH",
  url: `${base}/scales/:id`,
  tag,
  summary: "Ändra skala (admin)",
  permission: "admin",
  params: idParams("Skalans id"),
  body: scalePatch,
  response: res.scale,
});

// ---- goal models

export const models = endpoint({
  method: "GET",
  url: `${base}/models`,
  tag,
  summary: "Målmodeller runt en organisationsenhet",
  permission: "read",
  query: nodeOptionalYearQuery,
  response: res.modelsResponse,
});

export const createModel = endpoint({
  method: "POST",
  url: `${base}/models`,
  tag,
  summary: "Skapa målmodell med nivåer (admin)",
  permission: "admin",
  body: modelInput,
  response: res.model,
});

export const updateModel = endpoint({
  method: "PATCH",
  url: `${base}/models/:id`,
  tag,
  summary: "Ändra målmodell och nivåer (admin)",
  permission: "admin",
  params: idParams("Modellens id"),
  body: modelPatch,
  response: res.model,
});

export const copyModel = endpoint({
  method: "POST",
  url: `${base}/models/:id/copy`,
  tag,
  summary: "Kopiera målmodellen till ett nytt år",
  permission: "admin",
  params: idParams("Modellens id"),
  body: copyModelInput,
  response: res.model,
});

export const modelTree = endpoint({
  method: "GET",
  url: `${base}/models/:id/tree`,
  tag,
  summary: "Målträdet för ett år",
  permission: "read",
  params: idParams("Modellens id"),
  response: res.modelTreeResponse,
});

export const createGoal = endpoint({
  method: "POST",
  url: `${base}/models/:id/goals`,
  tag,
  summary: "Skapa mål",
  permission: "write:styrning",
  params: idParams("Modellens id"),
  body: goalInput,
  response: res.goal,
});

// ---- goals

export const goalPage = endpoint({
  method: "GET",
  url: `${base}/goals/:id`,
  tag,
  summary: "Målsidan: indikatorer, förslag, bedömning, kommentarer",
  permission: "read",
  params: idParams("Målets id"),
  query: z.object({ period: labelled(periodKey, "Uppföljningsperiod").optional() }),
  response: res.goalPageResponse,
});

export const updateGoal = endpoint({
  method: "PATCH",
  url: `${base}/goals/:id`,
  tag,
  summary: "Ändra mål",
  permission: "write:styrning",
  params: idParams("Målets id"),
  body: goalPatch,
  response: res.goal,
});

export const deleteGoal = endpoint({
  method: "DELETE",
  url: `${base}/goals/:id`,
  tag,
  summary: "Ta bort mål",
  permission: "write:styrning",
  params: idParams("Målets id"),
  response: noContent,
});

export const setGoalIndicators = endpoint({
  method: "PUT",
  url: `${base}/goals/:id/indicators`,
  tag,
  summary: "Målets indikatorer",
  permission: "write:styrning",
  params: idParams("Målets id"),
  body: goalIndicatorsInput,
  response: res.goalIndicatorsResponse,
});

export const setAssessment = endpoint({
  method: "PUT",
  url: `${base}/goals/:id/assessments/:period`,
  tag,
  summary: "Bedöm målet för en period",
  permission: "write:styrning",
  params: z.object({ id: labelled(z.uuid(), "Målets id"), period: labelled(periodKey, "Period") }),
  body: assessmentInput,
  response: res.assessment,
});

export const addGoalComment = endpoint({
  method: "POST",
  url: `${base}/goals/:id/comments`,
  tag,
  summary: "Kommentera målet",
  permission: "write:styrning",
  params: idParams("Målets id"),
  body: commentInput,
  response: res.comment,
});

// ---- indicators

export const indicators = endpoint({
  method: "GET",
  url: `${base}/indicators`,
  tag,
  summary: "Indikatorer runt en organisationsenhet",
  permission: "read",
  query: nodeQuery,
  response: res.indicatorsResponse,
});

export const createIndicator = endpoint({
  method: "POST",
  url: `${base}/indicators`,
  tag,
  summary: "Skapa indikator",
  permission: "write:styrning",
  body: indicatorInput,
  response: res.indicator,
});

export const indicator = endpoint({
  method: "GET",
  url: `${base}/indicators/:id`,
  tag,
  summary: "Indikator med definitioner, målvärden, värden och rättelser",
  permission: "read",
  params: idParams("Indikatorns id"),
  query: z.object({
    year: yearFilter.optional(),
    /** A nämnd sharing the indicator's definition, to read the values it reported. */
    reportedBy: labelled(z.uuid().optional(), "Redovisas av"),
  }),
  response: res.indicatorResponse,
});

export const setIndicatorRelations = endpoint({
  method: "PUT",
  url: `${base}/indicators/:id/relations`,
  tag,
  summary: "Ange vilka indikatorer indikatorn är summan av, eller vilka delmängder den rymmer",
  permission: "write:styrning",
  params: idParams("Indikatorns id"),
  body: relationInput,
  response: res.relationsResponse,
});

export const dimensions = endpoint({
  method: "GET",
  url: `${base}/dimensions`,
  tag,
  summary: "Indelningar (åldersgrupper, målgrupper, enheter) runt en organisationsenhet",
  permission: "read",
  query: nodeQuery,
  response: res.dimensionsResponse,
});

export const createDimension = endpoint({
  method: "POST",
  url: `${base}/dimensions`,
  tag,
  summary: "Skapa indelning med delar",
  permission: "write:styrning",
  body: dimensionInput,
  response: res.dimension,
});

export const updateIndicator = endpoint({
  method: "PATCH",
  url: `${base}/indicators/:id`,
  tag,
  summary: "Ändra indikator (ny definitionsversion vid ändrad definition)",
  permission: "write:styrning",
  params: idParams("Indikatorns id"),
  body: indicatorPatch,
  response: res.indicator,
});

export const setTarget = endpoint({
  method: "PUT",
  url: `${base}/indicators/:id/targets/:year`,
  tag,
  summary: "Sätt målvärde för ett år",
  permission: "write:styrning",
  params: targetParams,
  body: targetInput,
  response: res.target,
});

export const removeTarget = endpoint({
  method: "DELETE",
  url: `${base}/indicators/:id/targets/:year`,
  tag,
  summary: "Ta bort målvärde",
  permission: "write:styrning",
  params: targetParams,
  /** The codes of the parts whose target goes, comma-separated ("13-17,utredning"); none: the whole's. */
  query: z.object({ members: labelled(z.string().trim().max(300).optional(), "Delar") }),
  response: noContent,
});

export const removeForecast = endpoint({
  method: "DELETE",
  url: `${base}/indicators/:id/forecasts/:forecastId`,
  tag,
  summary: "Ta bort prognos",
  permission: "write:styrning",
  params: forecastParams,
  response: noContent,
});

export const setKoladaMapping = endpoint({
  method: "PUT",
  url: `${base}/indicators/:id/kolada`,
  tag,
  summary: "Koppla indikatorn till ett Kolada-KPI",
  permission: "write:styrning",
  params: idParams("Indikatorns id"),
  body: koladaMappingInput,
  response: res.koladaMapping,
});

export const removeKoladaMapping = endpoint({
  method: "DELETE",
  url: `${base}/indicators/:id/kolada`,
  tag,
  summary: "Ta bort Kolada-kopplingen",
  permission: "write:styrning",
  params: idParams("Indikatorns id"),
  response: noContent,
});

export const koladaComparison = endpoint({
  method: "GET",
  url: `${base}/indicators/:id/kolada/compare`,
  tag,
  summary: "Jämför med liknande kommuner",
  permission: "read",
  params: idParams("Indikatorns id"),
  query: z.object({ groupId }),
  response: res.koladaComparison,
});

// ---- values and locks

export const saveValues = endpoint({
  method: "PUT",
  url: `${base}/values`,
  tag,
  summary: "Spara värden (allt eller inget)",
  permission: "write:styrning",
  body: valuesBatch,
  response: res.saveResult,
});

export const valueGrid = endpoint({
  method: "GET",
  url: `${base}/values/grid`,
  tag,
  summary: "Inmatningsrutnät för ett år",
  permission: "read",
  query: nodeYearQuery,
  response: res.valueGridResponse,
});

export const exportValuesXlsx = endpoint({
  method: "GET",
  url: `${base}/values/export.xlsx`,
  tag,
  summary: "Exportera värden och inmatningsmall (xlsx)",
  permission: "read",
  query: z
    .object({ orgNodeId, from: labelled(yearQuery, "Från år"), to: labelled(yearQuery, "Till år") })
    .refine((q) => q.to >= q.from && q.to - q.from <= 20, {
      path: ["to"],
      message: "Ange högst 20 år, från och med till.",
    }),
  response: fileResponse(XLSX_TYPE),
});

export const importValuesXlsx = endpoint({
  method: "POST",
  url: `${base}/values/import.xlsx`,
  tag,
  summary: "Importera värden från xlsx (allt eller inget, fel per rad)",
  permission: "write:styrning",
  query: importQuery,
  upload: [XLSX_TYPE, "application/octet-stream"],
  response: res.importResult,
});

export const locks = endpoint({
  method: "GET",
  url: `${base}/locks`,
  tag,
  summary: "Låsta perioder",
  permission: "read",
  query: nodeQuery,
  response: res.locksResponse,
});

export const lockPeriod = endpoint({
  method: "POST",
  url: `${base}/locks`,
  tag,
  summary: "Lås en period",
  permission: "write:styrning",
  body: lockInput,
  response: res.lock,
});

export const unlockPeriod = endpoint({
  method: "DELETE",
  url: `${base}/locks/:id`,
  tag,
  summary: "Lås upp en period (admin)",
  permission: "admin",
  params: idParams("Låsningens id"),
  response: noContent,
});

// ---- directives

export const directives = endpoint({
  method: "GET",
  url: `${base}/directives`,
  tag,
  summary: "KF- och nämnddirektiv",
  permission: "read",
  query: nodeOptionalYearQuery,
  response: res.directivesResponse,
});

export const createDirective = endpoint({
  method: "POST",
  url: `${base}/directives`,
  tag,
  summary: "Skapa direktiv",
  permission: "write:styrning",
  body: directiveInput,
  response: res.directive,
});

export const updateDirective = endpoint({
  method: "PATCH",
  url: `${base}/directives/:id`,
  tag,
  summary: "Ändra direktiv",
  permission: "write:styrning",
  params: idParams("Direktivets id"),
  body: directivePatch,
  response: res.directive,
});

export const addDirectiveComment = endpoint({
  method: "POST",
  url: `${base}/directives/:id/comments`,
  tag,
  summary: "Kommentera direktivet för en period",
  permission: "write:styrning",
  params: idParams("Direktivets id"),
  body: commentInput,
  response: res.comment,
});

// ---- activities

export const activities = endpoint({
  method: "GET",
  url: `${base}/activities`,
  tag,
  summary: "Aktiviteter i enheternas genomförandeplaner",
  permission: "read",
  query: nodeYearQuery,
  response: res.activitiesResponse,
});

export const createActivity = endpoint({
  method: "POST",
  url: `${base}/activities`,
  tag,
  summary: "Skapa aktivitet",
  permission: "write:styrning",
  body: activityInput,
  response: res.activity,
});

export const updateActivity = endpoint({
  method: "PATCH",
  url: `${base}/activities/:id`,
  tag,
  summary: "Ändra aktivitet",
  permission: "write:styrning",
  params: idParams("Aktivitetens id"),
  body: activityPatch,
  response: res.activity,
});

export const addFollowup = endpoint({
  method: "POST",
  url: `${base}/activities/:id/followups`,
  tag,
  summary: "Följ upp aktiviteten",
  permission: "write:styrning",
  params: idParams("Aktivitetens id"),
  body: followupInput,
  response: res.followup,
});

// ---- uppdrag

export const uppdragList = endpoint({
  method: "GET",
  url: `${base}/uppdrag`,
  tag,
  summary: "Uppdrag i verksamhetsplanen med återrapportering och uppföljning",
  permission: "read",
  query: nodeYearQuery,
  response: res.uppdragListResponse,
});

export const createUppdrag = endpoint({
  method: "POST",
  url: `${base}/uppdrag`,
  tag,
  summary: "Skapa uppdrag",
  permission: "write:styrning",
  body: uppdragInput,
  response: res.uppdrag,
});

export const updateUppdrag = endpoint({
  method: "PATCH",
  url: `${base}/uppdrag/:id`,
  tag,
  summary: "Ändra uppdrag",
  permission: "write:styrning",
  params: idParams("Uppdragets id"),
  body: uppdragPatch,
  response: res.uppdrag,
});

export const addUppdragFollowup = endpoint({
  method: "POST",
  url: `${base}/uppdrag/:id/followups`,
  tag,
  summary: "Följ upp uppdraget",
  permission: "write:styrning",
  params: idParams("Uppdragets id"),
  body: uppdragFollowupInput,
  response: res.uppdragFollowup,
});

// ---- Kolada

export const kolada = endpoint({
  method: "GET",
  url: `${base}/kolada`,
  tag,
  summary: "Kolada-kopplingar, KPI:er och kommungrupper",
  permission: "read",
  query: nodeQuery,
  response: res.koladaResponse,
});

/** A saved Kolada file, sent as the JSON it holds; its shape is checked by the import, row by row. */
export const importKolada = endpoint({
  method: "POST",
  url: `${base}/kolada/import`,
  tag,
  summary: "Importera en sparad Kolada-fil (v2 eller v3)",
  permission: "write:styrning",
  query: importQuery,
  body: z.unknown(),
  response: res.koladaImportResult,
});

export const fetchKolada = endpoint({
  method: "POST",
  url: `${base}/kolada/fetch`,
  tag,
  summary: "Hämta kopplade KPI:er från Koladas API (KOLADA_BASE_URL)",
  permission: "write:styrning",
  body: z.object({
    orgNodeId,
    years: labelled(z.array(year).min(1).max(20), "År"),
    groupId: groupId.nullish(),
    reason: labelled(optionalReason, "Orsak om låsta perioder ändras"),
  }),
  response: res.koladaImportResult,
});

/** Kolada's own format (its keys, next_page or next_url), to be saved as a file: outside Lots' camelCase contract. */
export const exportKolada = endpoint({
  method: "GET",
  url: `${base}/kolada/export`,
  tag,
  summary: "Exportera värden i Koladas format",
  permission: "read",
  query: z.object({
    orgNodeId,
    version: labelled(z.enum(["v2", "v3"]), "Koladas version").default("v3"),
    from: labelled(yearQuery, "Från år").optional(),
    to: labelled(yearQuery, "Till år").optional(),
  }),
  response: fileResponse("application/json"),
});
