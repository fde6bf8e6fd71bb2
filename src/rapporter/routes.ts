import type { FastifyInstance } from "fastify";
import { sendRendered } from "../platform/documents/http.ts";
import { route } from "../platform/http/route.ts";
import * as api from "./api.ts";
import { instanceRoutes } from "./instances-routes.ts";
import { assembleFor, reportFile } from "./report-service.ts";
import { getTemplate, installBuiltInTemplates, listTemplates, saveTemplate } from "./template-service.ts";

const request = (q: { mall: string; namndId: string; period?: string; version?: number }) => ({
  template: q.mall,
  namndId: q.namndId,
  ...(q.period ? { period: q.period } : {}),
  ...(q.version ? { version: q.version } : {}),
});

export async function rapporterRoutes(app: FastifyInstance): Promise<void> {
  route(app, api.templates, ({ db, actor, query }) => listTemplates(db, actor, query.orgNodeId));
  route(app, api.template, ({ db, actor, params, query }) =>
    getTemplate(db, actor, query.orgNodeId, params.code, query.version),
  );
  route(app, api.saveTemplate, ({ db, actor, params, body }) =>
    saveTemplate(db, actor, body.orgNodeId, params.code, body),
  );
  route(app, api.installTemplates, ({ db, actor, body }) => installBuiltInTemplates(db, actor, body.orgNodeId));
  route(app, api.report, ({ db, actor, query }) => assembleFor(db, actor, request(query)), {
    replica: true,
    held: true,
  });
  route(
    app,
    api.reportFile,
    async ({ db, actor, query, reply }) =>
      sendRendered(reply, await reportFile(db, actor, request(query), query.format)),
    { replica: true },
  );
  await instanceRoutes(app);
}
