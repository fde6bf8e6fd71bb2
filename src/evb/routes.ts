import type { FastifyInstance } from "fastify";
import { route } from "../platform/http/route.ts";
import * as api from "./api.ts";
import * as catalogue from "./catalogue-service.ts";
import { importDecisionsCsv, MAX_IMPORT_BYTES } from "./import-service.ts";
import * as reads from "./register-read-service.ts";
import * as writes from "./register-write-service.ts";

export async function evbRoutes(app: FastifyInstance): Promise<void> {
  // CSV arrives as the raw file; this parser is scoped to the EVB plugin.
  app.addContentTypeParser(["text/csv", "application/octet-stream"], { parseAs: "buffer" }, (_req, body, done) =>
    done(null, body),
  );

  route(app, api.catalogue, ({ db, actor, query }) => catalogue.catalogue(db, actor, query.orgNodeId));
  route(app, api.installCatalogue, ({ db, actor, body }) =>
    catalogue.installStandardCatalogue(db, actor, body.orgNodeId),
  );
  route(app, api.createInsats, ({ db, actor, body }) => catalogue.createInsats(db, actor, body));
  route(app, api.updateInsats, ({ db, actor, params, body }) => catalogue.updateInsats(db, actor, params.id, body));
  route(app, api.createCode, ({ db, actor, body }) => catalogue.createCode(db, actor, body));
  route(app, api.updateCode, ({ db, actor, params, body }) => catalogue.updateCode(db, actor, params.id, body));

  route(app, api.register, ({ db, actor, query }) => reads.register(db, actor, query));
  route(app, api.createDecision, ({ db, actor, body }) => writes.createDecision(db, actor, body));
  route(app, api.decision, ({ db, actor, params }) => reads.getDecision(db, actor, params.id));
  route(app, api.updateDecision, ({ db, actor, params, body }) => writes.updateDecision(db, actor, params.id, body));
  route(app, api.executeDecision, ({ db, actor, params, body }) =>
    writes.executeDecision(db, actor, params.id, body.executedDate),
  );
  route(app, api.closeDecision, ({ db, actor, params, body }) =>
    writes.closeDecision(db, actor, params.id, body.closedDate, body.closureReason),
  );
  route(app, api.addOffer, ({ db, actor, params, body }) => writes.addOffer(db, actor, params.id, body));
  route(app, api.updateOffer, ({ db, actor, params, body }) => writes.updateOffer(db, actor, params.id, body));
  route(app, api.deleteOffer, ({ db, actor, params }) => writes.deleteOffer(db, actor, params.id));
  route(app, api.addInterruption, ({ db, actor, params, body }) => writes.addInterruption(db, actor, params.id, body));
  route(app, api.updateInterruption, ({ db, actor, params, body }) =>
    writes.updateInterruption(db, actor, params.id, body),
  );
  route(app, api.deleteInterruption, ({ db, actor, params }) => writes.deleteInterruption(db, actor, params.id));

  route(
    app,
    api.importDecisions,
    ({ db, actor, query, request }) => {
      const content = Buffer.isBuffer(request.body)
        ? request.body
        : typeof request.body === "string"
          ? request.body
          : "";
      return importDecisionsCsv(db, actor, { scopeNodeId: query.orgNodeId, content, dryRun: query.dryRun });
    },
    // Twice the file limit, so a file somewhat over it reaches the import and gets the message naming the limit.
    { bodyLimit: 2 * MAX_IMPORT_BYTES },
  );

  route(
    app,
    api.quarterReport,
    ({ db, actor, params, query }) =>
      reads.quarterReportPage(db, actor, query.orgNodeId, params.quarter, {
        limit: query.limit,
        offsets: {
          ivo: query.offset,
          committee: query.committeeOffset,
          openRows: query.openRowsOffset,
          finishedRows: query.finishedRowsOffset,
        },
      }),
    { replica: true, held: true },
  );
  route(
    app,
    api.exportQuarterReport,
    async ({ db, actor, params, query, reply }) => {
      const file = await reads.exportQuarterReport(db, actor, { ...query, quarter: params.quarter });
      reply
        .header("content-type", file.contentType)
        .header("content-disposition", `attachment; filename="${file.filename}"`)
        .header("cache-control", "no-store");
      return file.body;
    },
    { replica: true },
  );
  route(app, api.reportQuarters, ({ db, actor, query }) => reads.reportQuarters(db, actor, query.orgNodeId));
  route(app, api.dashboard, ({ db, actor, query }) => reads.dashboardFor(db, actor, query.orgNodeId, query.asOf), {
    replica: true,
    held: true,
  });
}
