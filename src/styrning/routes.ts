import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { DomainError } from "../platform/errors.ts";
import { fileResponse, noContent } from "../platform/http/endpoint.ts";
import { route } from "../platform/http/route.ts";
import * as activities from "./activities-service.ts";
import * as directives from "./directives-service.ts";
import * as goals from "./goals-service.ts";
import * as indicators from "./indicators-service.ts";
import { koladaBaseUrl } from "./kolada/client.ts";
import * as kolada from "./kolada/kolada-service.ts";
import * as models from "./models-service.ts";
import * as res from "./responses.ts";
import * as scales from "./scales-service.ts";
import {
  activityInput,
  activityPatch,
  assessmentInput,
  commentInput,
  copyModelInput,
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
  scaleInput,
  scalePatch,
  targetInput,
  valuesBatch,
  year,
  yearQuery,
} from "./schema.ts";
import { exportValuesXlsx, importValuesXlsx, MAX_VALUES_FILE_BYTES, XLSX_TYPE } from "./xlsx-service.ts";

const tag = "Styrning";
const base = "/api/styrning";
const idParams = z.object({ id: z.uuid() });
const nodeQuery = z.object({ orgNodeId: z.uuid() });
const nodeYearQuery = z.object({ orgNodeId: z.uuid(), year: yearQuery });
const optionalReason = z
  .string()
  .trim()
  .max(2000)
  .optional()
  .transform((v) => v || null);
// Kolada's own format (its keys, next_page or next_url), to be saved as a file: outside Lots' camelCase contract.
const koladaFile = fileResponse("application/json");
// Twice the Excel file limit, so a file somewhat over it reaches the import and gets the message naming the limit.
const FILE_LIMIT = 2 * MAX_VALUES_FILE_BYTES;

export async function styrningRoutes(app: FastifyInstance): Promise<void> {
  // Excel files arrive as raw bodies (the web client's api.upload); parsed here only, as buffers.
  for (const type of [XLSX_TYPE, "application/octet-stream"]) {
    if (!app.hasContentTypeParser(type)) {
      app.addContentTypeParser(type, { parseAs: "buffer", bodyLimit: FILE_LIMIT }, (_request, body, done) =>
        done(null, body),
      );
    }
  }

  // ---- scales
  route(
    app,
    {
      method: "GET",
      url: `${base}/scales`,
      tag,
      summary: "Bedömnings- och statusskalor",
      permission: "read",
      response: res.scalesResponse,
      query: nodeQuery,
    },
    ({ db, actor, query }) => scales.listScales(db, actor, query.orgNodeId),
  );
  route(
    app,
    {
      method: "POST",
      url: `${base}/scales`,
      tag,
      summary: "Skapa skala (admin)",
      permission: "admin",
      response: res.scale,
      body: scaleInput,
    },
    ({ db, actor, body }) => scales.createScale(db, actor, body),
  );
  route(
    app,
    {
      method: "PATCH",
      url: `${base}/scales/:id`,
      tag,
      summary: "Ändra skala (admin)",
      permission: "admin",
      response: res.scale,
      params: idParams,
      body: scalePatch,
    },
    ({ db, actor, params, body }) => scales.updateScale(db, actor, params.id, body),
  );

  // ---- goal models
  route(
    app,
    {
      method: "GET",
      url: `${base}/models`,
      tag,
      summary: "Målmodeller runt en organisationsenhet",
      permission: "read",
      response: res.modelsResponse,
      query: z.object({ orgNodeId: z.uuid(), year: yearQuery.optional() }),
    },
    ({ db, actor, query }) => models.listModels(db, actor, query.orgNodeId, query.year),
  );
  route(
    app,
    {
      method: "POST",
      url: `${base}/models`,
      tag,
      summary: "Skapa målmodell med nivåer (admin)",
      permission: "admin",
      response: res.model,
      body: modelInput,
    },
    ({ db, actor, body }) => models.createModel(db, actor, body),
  );
  route(
    app,
    {
      method: "PATCH",
      url: `${base}/models/:id`,
      tag,
      summary: "Ändra målmodell och nivåer (admin)",
      permission: "admin",
      response: res.model,
      params: idParams,
      body: modelPatch,
    },
    ({ db, actor, params, body }) => models.updateModel(db, actor, params.id, body),
  );
  route(
    app,
    {
      method: "POST",
      url: `${base}/models/:id/copy`,
      tag,
      summary: "Kopiera målmodellen till ett nytt år",
      permission: "admin",
      response: res.model,
      params: idParams,
      body: copyModelInput,
    },
    ({ db, actor, params, body }) => models.copyModel(db, actor, params.id, body.year),
  );
  route(
    app,
    {
      method: "GET",
      url: `${base}/models/:id/tree`,
      tag,
      summary: "Målträdet för ett år",
      permission: "read",
      response: res.modelTreeResponse,
      params: idParams,
    },
    ({ db, actor, params }) => models.modelTree(db, actor, params.id),
  );
  route(
    app,
    {
      method: "POST",
      url: `${base}/models/:id/goals`,
      tag,
      summary: "Skapa mål",
      permission: "write:styrning",
      response: res.goal,
      params: idParams,
      body: goalInput,
    },
    ({ db, actor, params, body }) => models.createGoal(db, actor, params.id, body),
  );

  // ---- goals
  route(
    app,
    {
      method: "GET",
      url: `${base}/goals/:id`,
      tag,
      summary: "Målsidan: indikatorer, förslag, bedömning, kommentarer",
      permission: "read",
      response: res.goalPageResponse,
      params: idParams,
      query: z.object({ period: periodKey.optional() }),
    },
    ({ db, actor, params, query }) => goals.goalPage(db, actor, params.id, query.period),
  );
  route(
    app,
    {
      method: "PATCH",
      url: `${base}/goals/:id`,
      tag,
      summary: "Ändra mål",
      permission: "write:styrning",
      response: res.goal,
      params: idParams,
      body: goalPatch,
    },
    ({ db, actor, params, body }) => models.updateGoal(db, actor, params.id, body),
  );
  route(
    app,
    {
      method: "DELETE",
      url: `${base}/goals/:id`,
      tag,
      summary: "Ta bort mål",
      permission: "write:styrning",
      response: noContent,
      params: idParams,
    },
    ({ db, actor, params }) => models.deleteGoal(db, actor, params.id),
  );
  route(
    app,
    {
      method: "PUT",
      url: `${base}/goals/:id/indicators`,
      tag,
      summary: "Målets indikatorer",
      permission: "write:styrning",
      response: res.goalIndicatorsResponse,
      params: idParams,
      body: goalIndicatorsInput,
    },
    ({ db, actor, params, body }) => goals.setGoalIndicators(db, actor, params.id, body.indicatorIds),
  );
  route(
    app,
    {
      method: "PUT",
      url: `${base}/goals/:id/assessments/:period`,
      tag,
      summary: "Bedöm målet för en period",
      permission: "write:styrning",
      response: res.assessment,
      params: z.object({ id: z.uuid(), period: periodKey }),
      body: assessmentInput,
    },
    ({ db, actor, params, body }) => goals.setAssessment(db, actor, params.id, params.period, body),
  );
  route(
    app,
    {
      method: "POST",
      url: `${base}/goals/:id/comments`,
      tag,
      summary: "Kommentera målet",
      permission: "write:styrning",
      response: res.comment,
      params: idParams,
      body: commentInput,
    },
    ({ db, actor, params, body }) => goals.addGoalComment(db, actor, params.id, body),
  );

  // ---- indicators
  route(
    app,
    {
      method: "GET",
      url: `${base}/indicators`,
      tag,
      summary: "Indikatorer runt en organisationsenhet",
      permission: "read",
      response: res.indicatorsResponse,
      query: nodeQuery,
    },
    ({ db, actor, query }) => indicators.listIndicators(db, actor, query.orgNodeId),
  );
  route(
    app,
    {
      method: "POST",
      url: `${base}/indicators`,
      tag,
      summary: "Skapa indikator",
      permission: "write:styrning",
      response: res.indicator,
      body: indicatorInput,
    },
    ({ db, actor, body }) => indicators.createIndicator(db, actor, body),
  );
  route(
    app,
    {
      method: "GET",
      url: `${base}/indicators/:id`,
      tag,
      summary: "Indikator med definitioner, målvärden, värden och rättelser",
      permission: "read",
      response: res.indicatorResponse,
      params: idParams,
      query: z.object({ year: yearQuery.optional() }),
    },
    ({ db, actor, params, query }) =>
      indicators.getIndicator(db, actor, params.id, query.year ?? new Date().getFullYear()),
  );
  route(
    app,
    {
      method: "PATCH",
      url: `${base}/indicators/:id`,
      tag,
      summary: "Ändra indikator (ny definitionsversion vid ändrad definition)",
      permission: "write:styrning",
      response: res.indicator,
      params: idParams,
      body: indicatorPatch,
    },
    ({ db, actor, params, body }) => indicators.updateIndicator(db, actor, params.id, body),
  );
  const targetParams = z.object({ id: z.uuid(), year: z.coerce.number().pipe(year) });
  route(
    app,
    {
      method: "PUT",
      url: `${base}/indicators/:id/targets/:year`,
      tag,
      summary: "Sätt målvärde för ett år",
      permission: "write:styrning",
      response: res.target,
      params: targetParams,
      body: targetInput,
    },
    ({ db, actor, params, body }) => indicators.setTarget(db, actor, params.id, params.year, body),
  );
  route(
    app,
    {
      method: "DELETE",
      url: `${base}/indicators/:id/targets/:year`,
      tag,
      summary: "Ta bort målvärde",
      permission: "write:styrning",
      response: noContent,
      params: targetParams,
    },
    ({ db, actor, params }) => indicators.removeTarget(db, actor, params.id, params.year),
  );
  route(
    app,
    {
      method: "PUT",
      url: `${base}/indicators/:id/kolada`,
      tag,
      summary: "Koppla indikatorn till ett Kolada-KPI",
      permission: "write:styrning",
      response: res.koladaMapping,
      params: idParams,
      body: koladaMappingInput,
    },
    ({ db, actor, params, body }) => kolada.setMapping(db, actor, params.id, body),
  );
  route(
    app,
    {
      method: "DELETE",
      url: `${base}/indicators/:id/kolada`,
      tag,
      summary: "Ta bort Kolada-kopplingen",
      permission: "write:styrning",
      response: noContent,
      params: idParams,
    },
    ({ db, actor, params }) => kolada.removeMapping(db, actor, params.id),
  );
  route(
    app,
    {
      method: "GET",
      url: `${base}/indicators/:id/kolada/compare`,
      tag,
      summary: "Jämför med liknande kommuner",
      permission: "read",
      response: res.koladaComparison,
      params: idParams,
      query: z.object({ groupId: z.string().trim().min(1).max(40) }),
    },
    ({ db, actor, params, query }) => kolada.compareWithGroup(db, actor, params.id, query.groupId),
  );

  // ---- values and locks
  route(
    app,
    {
      method: "PUT",
      url: `${base}/values`,
      tag,
      summary: "Spara värden (allt eller inget)",
      permission: "write:styrning",
      response: res.saveResult,
      body: valuesBatch,
    },
    ({ db, actor, body }) => indicators.saveValuesBatch(db, actor, body.values, body.reason),
  );
  route(
    app,
    {
      method: "GET",
      url: `${base}/values/grid`,
      tag,
      summary: "Inmatningsrutnät för ett år",
      permission: "read",
      response: res.valueGridResponse,
      query: nodeYearQuery,
    },
    ({ db, actor, query }) => indicators.valueGrid(db, actor, query.orgNodeId, query.year),
  );
  const rangeQuery = z
    .object({ orgNodeId: z.uuid(), from: yearQuery, to: yearQuery })
    .refine((q) => q.to >= q.from && q.to - q.from <= 20, {
      path: ["to"],
      message: "Ange högst 20 år, från och med till.",
    });
  route(
    app,
    {
      method: "GET",
      url: `${base}/values/export.xlsx`,
      tag,
      summary: "Exportera värden och inmatningsmall (xlsx)",
      permission: "read",
      response: fileResponse(XLSX_TYPE),
      query: rangeQuery,
    },
    async ({ db, actor, query, reply }) => {
      const file = await exportValuesXlsx(db, actor, query.orgNodeId, query.from, query.to);
      reply.header("content-type", XLSX_TYPE);
      reply.header("content-disposition", `attachment; filename="indikatorvarden-${query.from}-${query.to}.xlsx"`);
      return file;
    },
  );
  route(
    app,
    {
      method: "POST",
      url: `${base}/values/import.xlsx`,
      tag,
      summary: "Importera värden från xlsx (allt eller inget, fel per rad)",
      permission: "write:styrning",
      response: res.importResult,
      query: z.object({ orgNodeId: z.uuid(), reason: optionalReason }),
      bodyLimit: FILE_LIMIT,
    },
    ({ db, actor, query, request }) => {
      if (!Buffer.isBuffer(request.body)) {
        throw new DomainError("validation", `Skicka Excel-filen som ${XLSX_TYPE}.`);
      }
      return importValuesXlsx(db, actor, query.orgNodeId, request.body, query.reason);
    },
  );
  route(
    app,
    {
      method: "GET",
      url: `${base}/locks`,
      tag,
      summary: "Låsta perioder",
      permission: "read",
      response: res.locksResponse,
      query: nodeQuery,
    },
    ({ db, actor, query }) => indicators.listLocks(db, actor, query.orgNodeId),
  );
  route(
    app,
    {
      method: "POST",
      url: `${base}/locks`,
      tag,
      summary: "Lås en period",
      permission: "write:styrning",
      response: res.lock,
      body: lockInput,
    },
    ({ db, actor, body }) => indicators.lockPeriod(db, actor, body.orgNodeId, body.period),
  );
  route(
    app,
    {
      method: "DELETE",
      url: `${base}/locks/:id`,
      tag,
      summary: "Lås upp en period (admin)",
      permission: "admin",
      response: noContent,
      params: idParams,
    },
    ({ db, actor, params }) => indicators.unlockPeriod(db, actor, params.id),
  );

  // ---- directives
  route(
    app,
    {
      method: "GET",
      url: `${base}/directives`,
      tag,
      summary: "KF- och nämnddirektiv",
      permission: "read",
      response: res.directivesResponse,
      query: z.object({ orgNodeId: z.uuid(), year: yearQuery.optional() }),
    },
    ({ db, actor, query }) => directives.listDirectives(db, actor, query.orgNodeId, query.year),
  );
  route(
    app,
    {
      method: "POST",
      url: `${base}/directives`,
      tag,
      summary: "Skapa direktiv",
      permission: "write:styrning",
      response: res.directive,
      body: directiveInput,
    },
    ({ db, actor, body }) => directives.createDirective(db, actor, body),
  );
  route(
    app,
    {
      method: "PATCH",
      url: `${base}/directives/:id`,
      tag,
      summary: "Ändra direktiv",
      permission: "write:styrning",
      response: res.directive,
      params: idParams,
      body: directivePatch,
    },
    ({ db, actor, params, body }) => directives.updateDirective(db, actor, params.id, body),
  );
  route(
    app,
    {
      method: "POST",
      url: `${base}/directives/:id/comments`,
      tag,
      summary: "Kommentera direktivet för en period",
      permission: "write:styrning",
      response: res.comment,
      params: idParams,
      body: commentInput,
    },
    ({ db, actor, params, body }) => directives.addDirectiveComment(db, actor, params.id, body),
  );

  // ---- activities
  route(
    app,
    {
      method: "GET",
      url: `${base}/activities`,
      tag,
      summary: "Aktiviteter i enheternas genomförandeplaner",
      permission: "read",
      response: res.activitiesResponse,
      query: nodeYearQuery,
    },
    ({ db, actor, query }) => activities.listActivities(db, actor, query.orgNodeId, query.year),
  );
  route(
    app,
    {
      method: "POST",
      url: `${base}/activities`,
      tag,
      summary: "Skapa aktivitet",
      permission: "write:styrning",
      response: res.activity,
      body: activityInput,
    },
    ({ db, actor, body }) => activities.createActivity(db, actor, body),
  );
  route(
    app,
    {
      method: "PATCH",
      url: `${base}/activities/:id`,
      tag,
      summary: "Ändra aktivitet",
      permission: "write:styrning",
      response: res.activity,
      params: idParams,
      body: activityPatch,
    },
    ({ db, actor, params, body }) => activities.updateActivity(db, actor, params.id, body),
  );
  route(
    app,
    {
      method: "POST",
      url: `${base}/activities/:id/followups`,
      tag,
      summary: "Följ upp aktiviteten",
      permission: "write:styrning",
      response: res.followup,
      params: idParams,
      body: followupInput,
    },
    ({ db, actor, params, body }) => activities.addFollowup(db, actor, params.id, body),
  );

  // ---- Kolada
  route(
    app,
    {
      method: "GET",
      url: `${base}/kolada`,
      tag,
      summary: "Kolada-kopplingar, KPI:er och kommungrupper",
      permission: "read",
      response: res.koladaResponse,
      query: nodeQuery,
    },
    ({ db, actor, query }) => kolada.listMappings(db, actor, query.orgNodeId),
  );
  route(
    app,
    {
      method: "POST",
      url: `${base}/kolada/import`,
      tag,
      summary: "Importera en sparad Kolada-fil (v2 eller v3)",
      permission: "write:styrning",
      response: res.koladaImportResult,
      query: z.object({ orgNodeId: z.uuid(), reason: optionalReason }),
      body: z.unknown(),
      bodyLimit: kolada.MAX_KOLADA_FILE_BYTES,
    },
    ({ db, actor, query, body }) => kolada.importKoladaFile(db, actor, query.orgNodeId, body, query.reason),
  );
  route(
    app,
    {
      method: "POST",
      url: `${base}/kolada/fetch`,
      tag,
      summary: "Hämta kopplade KPI:er från Koladas API (KOLADA_BASE_URL)",
      permission: "write:styrning",
      response: res.koladaImportResult,
      body: z.object({
        orgNodeId: z.uuid(),
        years: z.array(year).min(1).max(20),
        groupId: z.string().trim().min(1).max(40).nullish(),
        reason: optionalReason,
      }),
    },
    ({ db, actor, body }) => kolada.fetchFromKolada(db, actor, body.orgNodeId, body, { baseUrl: koladaBaseUrl() }),
  );
  route(
    app,
    {
      method: "GET",
      url: `${base}/kolada/export`,
      tag,
      summary: "Exportera värden i Koladas format",
      permission: "read",
      response: koladaFile,
      query: z.object({
        orgNodeId: z.uuid(),
        version: z.enum(["v2", "v3"]).default("v3"),
        from: yearQuery.optional(),
        to: yearQuery.optional(),
      }),
    },
    ({ db, actor, query }) =>
      kolada.exportKolada(
        db,
        actor,
        query.orgNodeId,
        query.version,
        query.from !== undefined && query.to !== undefined ? { from: query.from, to: query.to } : undefined,
      ),
  );
}
