import type { FastifyInstance } from "fastify";
import { DomainError } from "../platform/errors.ts";
import { route } from "../platform/http/route.ts";
import * as activities from "./activities-service.ts";
import * as api from "./api.ts";
import * as dimensions from "./dimensions-service.ts";
import * as directives from "./directives-service.ts";
import * as goals from "./goals-service.ts";
import * as indicators from "./indicators-service.ts";
import { koladaBaseUrl } from "./kolada/client.ts";
import * as kolada from "./kolada/kolada-service.ts";
import * as models from "./models-service.ts";
import * as scales from "./scales-service.ts";
import * as uppdrag from "./uppdrag-service.ts";
import * as values from "./values-service.ts";
import { XLSX_TYPE } from "./vocabulary.ts";
import { exportValuesXlsx, importValuesXlsx, MAX_VALUES_FILE_BYTES } from "./xlsx-service.ts";

// Twice the Excel file limit, so a file somewhat over it reaches the import and gets the message naming the limit.
const FILE_LIMIT = 2 * MAX_VALUES_FILE_BYTES;

export async function styrningRoutes(app: FastifyInstance): Promise<void> {
  // Excel files arrive as raw bodies (the web client's upload); parsed here only, as buffers.
  for (const type of api.importValuesXlsx.upload) {
    if (!app.hasContentTypeParser(type)) {
      app.addContentTypeParser(type, { parseAs: "buffer", bodyLimit: FILE_LIMIT }, (_request, body, done) =>
        done(null, body),
      );
    }
  }

  // ---- scales
  route(app, api.scales, ({ db, actor, query }) => scales.listScales(db, actor, query.orgNodeId));
  route(app, api.createScale, ({ db, actor, body }) => scales.createScale(db, actor, body));
  route(app, api.updateScale, ({ db, actor, params, body }) => scales.updateScale(db, actor, params.id, body));

  // ---- goal models
  route(app, api.models, ({ db, actor, query }) => models.listModels(db, actor, query.orgNodeId, query.year));
  route(app, api.createModel, ({ db, actor, body }) => models.createModel(db, actor, body));
  route(app, api.updateModel, ({ db, actor, params, body }) => models.updateModel(db, actor, params.id, body));
  route(app, api.copyModel, ({ db, actor, params, body }) => models.copyModel(db, actor, params.id, body.year));
  route(app, api.modelTree, ({ db, actor, params }) => models.modelTree(db, actor, params.id), { held: true });
  route(app, api.createGoal, ({ db, actor, params, body }) => models.createGoal(db, actor, params.id, body));

  // ---- goals
  route(app, api.goalPage, ({ db, actor, params, query }) => goals.goalPage(db, actor, params.id, query.period));
  route(app, api.updateGoal, ({ db, actor, params, body }) => models.updateGoal(db, actor, params.id, body));
  route(app, api.deleteGoal, ({ db, actor, params }) => models.deleteGoal(db, actor, params.id));
  route(app, api.setGoalIndicators, ({ db, actor, params, body }) =>
    goals.setGoalIndicators(db, actor, params.id, body.indicatorIds),
  );
  route(app, api.setAssessment, ({ db, actor, params, body }) =>
    goals.setAssessment(db, actor, params.id, params.period, body),
  );
  route(app, api.addGoalComment, ({ db, actor, params, body }) => goals.addGoalComment(db, actor, params.id, body));

  // ---- indicators
  route(app, api.indicators, ({ db, actor, query }) => indicators.listIndicators(db, actor, query.orgNodeId));
  route(app, api.createIndicator, ({ db, actor, body }) => indicators.createIndicator(db, actor, body));
  route(app, api.indicator, ({ db, actor, params, query }) =>
    indicators.getIndicator(db, actor, params.id, query.year ?? new Date().getFullYear(), query.reportedBy),
  );
  route(app, api.updateIndicator, ({ db, actor, params, body }) =>
    indicators.updateIndicator(db, actor, params.id, body),
  );
  route(app, api.setIndicatorRelations, ({ db, actor, params, body }) =>
    dimensions.setRelations(db, actor, params.id, body),
  );
  route(app, api.dimensions, ({ db, actor, query }) => dimensions.listDimensions(db, actor, query.orgNodeId));
  route(app, api.createDimension, ({ db, actor, body }) => dimensions.createDimension(db, actor, body));
  route(app, api.setTarget, ({ db, actor, params, body }) =>
    indicators.setTarget(db, actor, params.id, params.year, body),
  );
  route(app, api.removeTarget, ({ db, actor, params, query }) =>
    indicators.removeTarget(db, actor, params.id, params.year, query.members?.split(",") ?? []),
  );
  route(app, api.removeForecast, ({ db, actor, params }) =>
    indicators.removeForecast(db, actor, params.id, params.forecastId),
  );
  route(app, api.setKoladaMapping, ({ db, actor, params, body }) => kolada.setMapping(db, actor, params.id, body));
  route(app, api.removeKoladaMapping, ({ db, actor, params }) => kolada.removeMapping(db, actor, params.id));
  route(app, api.koladaComparison, ({ db, actor, params, query }) =>
    kolada.compareWithGroup(db, actor, params.id, query.groupId),
  );

  // ---- values and locks
  route(app, api.saveValues, ({ db, actor, body }) => values.saveValuesBatch(db, actor, body.values, body.reason));
  route(app, api.valueGrid, ({ db, actor, query }) => indicators.valueGrid(db, actor, query.orgNodeId, query.year));
  route(app, api.exportValuesXlsx, async ({ db, actor, query, reply }) => {
    const file = await exportValuesXlsx(db, actor, query.orgNodeId, query.from, query.to);
    reply.header("content-type", XLSX_TYPE);
    reply.header("content-disposition", `attachment; filename="indikatorvarden-${query.from}-${query.to}.xlsx"`);
    return file;
  });
  route(
    app,
    api.importValuesXlsx,
    ({ db, actor, query, request }) => {
      if (!Buffer.isBuffer(request.body)) {
        throw new DomainError("validation", `Skicka Excel-filen som ${XLSX_TYPE}.`);
      }
      return importValuesXlsx(db, actor, query.orgNodeId, request.body, query.reason);
    },
    { bodyLimit: FILE_LIMIT },
  );
  route(app, api.locks, ({ db, actor, query }) => indicators.listLocks(db, actor, query.orgNodeId));
  route(app, api.lockPeriod, ({ db, actor, body }) => indicators.lockPeriod(db, actor, body.orgNodeId, body.period));
  route(app, api.unlockPeriod, ({ db, actor, params }) => indicators.unlockPeriod(db, actor, params.id));

  // ---- directives
  route(app, api.directives, ({ db, actor, query }) =>
    directives.listDirectives(db, actor, query.orgNodeId, query.year),
  );
  route(app, api.createDirective, ({ db, actor, body }) => directives.createDirective(db, actor, body));
  route(app, api.updateDirective, ({ db, actor, params, body }) =>
    directives.updateDirective(db, actor, params.id, body),
  );
  route(app, api.addDirectiveComment, ({ db, actor, params, body }) =>
    directives.addDirectiveComment(db, actor, params.id, body),
  );

  // ---- activities
  route(app, api.activities, ({ db, actor, query }) =>
    activities.listActivities(db, actor, query.orgNodeId, query.year),
  );
  route(app, api.createActivity, ({ db, actor, body }) => activities.createActivity(db, actor, body));
  route(app, api.updateActivity, ({ db, actor, params, body }) =>
    activities.updateActivity(db, actor, params.id, body),
  );
  route(app, api.addFollowup, ({ db, actor, params, body }) => activities.addFollowup(db, actor, params.id, body));

  // ---- uppdrag
  route(app, api.uppdragList, ({ db, actor, query }) => uppdrag.listUppdrag(db, actor, query.orgNodeId, query.year));
  route(app, api.createUppdrag, ({ db, actor, body }) => uppdrag.createUppdrag(db, actor, body));
  route(app, api.updateUppdrag, ({ db, actor, params, body }) => uppdrag.updateUppdrag(db, actor, params.id, body));
  route(app, api.addUppdragFollowup, ({ db, actor, params, body }) =>
    uppdrag.addUppdragFollowup(db, actor, params.id, body),
  );

  // ---- Kolada
  route(app, api.kolada, ({ db, actor, query }) => kolada.listMappings(db, actor, query.orgNodeId));
  route(
    app,
    api.importKolada,
    ({ db, actor, query, body }) => kolada.importKoladaFile(db, actor, query.orgNodeId, body, { reason: query.reason }),
    { bodyLimit: kolada.MAX_KOLADA_FILE_BYTES },
  );
  route(app, api.fetchKolada, ({ db, actor, body }) =>
    kolada.fetchFromKolada(db, actor, body.orgNodeId, body, { baseUrl: koladaBaseUrl() }),
  );
  route(app, api.exportKolada, ({ db, actor, query }) =>
    kolada.exportKolada(
      db,
      actor,
      query.orgNodeId,
      query.version,
      query.from !== undefined && query.to !== undefined ? { from: query.from, to: query.to } : undefined,
    ),
  );
}
