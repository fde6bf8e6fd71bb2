import type { FastifyInstance } from "fastify";
import { sendRendered } from "../../platform/documents/http.ts";
import { route } from "../../platform/http/route.ts";
import * as api from "./api.ts";
import * as applications from "./application-service.ts";
import * as grants from "./grant-service.ts";

export async function grantRoutes(app: FastifyInstance): Promise<void> {
  route(app, api.years, ({ db, actor, query }) => grants.listYears(db, actor, query.orgNodeId));
  route(app, api.createYear, ({ db, actor, body }) => grants.createYear(db, actor, body));
  route(app, api.getYear, ({ db, actor, params }) => grants.getYear(db, actor, params.id));
  route(app, api.updateYear, ({ db, actor, params, body }) => grants.updateYear(db, actor, params.id, body));
  route(app, api.drawSample, ({ db, actor, params, body }) => grants.drawYearSample(db, actor, params.id, body));
  route(app, api.memoFile, async ({ db, actor, params, query, reply }) =>
    sendRendered(reply, await grants.memoFile(db, actor, params.id, query.format)),
  );
  route(app, api.registerApplication, ({ db, actor, params, body }) =>
    applications.registerApplication(db, actor, params.id, body),
  );
  route(app, api.getApplication, ({ db, actor, params }) => applications.getApplication(db, actor, params.id));
  route(app, api.takeStep, ({ db, actor, params, body }) => applications.takeStep(db, actor, params.id, body));
}
