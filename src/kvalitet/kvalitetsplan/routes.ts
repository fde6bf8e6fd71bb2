import type { FastifyInstance } from "fastify";
import { route } from "../../platform/http/route.ts";
import * as api from "./api.ts";
import * as reads from "./plan-read-service.ts";
import * as writes from "./plan-write-service.ts";
import * as config from "./scale-service.ts";

export function kvalitetsplanRoutes(app: FastifyInstance): void {
  route(app, api.scales, ({ db, actor, query }) => config.scales(db, actor, query.orgNodeId));
  route(app, api.saveScale, ({ db, actor, body }) => config.saveScale(db, actor, body));
  route(app, api.processes, ({ db, actor, query }) => config.processes(db, actor, query.orgNodeId));
  route(app, api.addProcess, ({ db, actor, body }) => config.addProcess(db, actor, body));
  route(app, api.updateProcess, ({ db, actor, params, body }) => config.updateProcess(db, actor, params.id, body));

  route(app, api.plan, ({ db, actor, query }) => reads.plan(db, actor, query.orgNodeId, query.year));
  route(app, api.addRisk, ({ db, actor, body }) => writes.addRisk(db, actor, body));
  route(app, api.updateRisk, ({ db, actor, params, body }) => writes.updateRisk(db, actor, params.id, body));
  route(app, api.addEgenkontroll, ({ db, actor, body }) => writes.addEgenkontroll(db, actor, body));
  route(app, api.updateEgenkontroll, ({ db, actor, params, body }) =>
    writes.updateEgenkontroll(db, actor, params.id, body),
  );

  route(app, api.atgarder, ({ db, actor, query }) => reads.atgarder(db, actor, query));
  route(app, api.addAtgard, ({ db, actor, body }) => writes.addAtgard(db, actor, body));
  route(app, api.updateAtgard, ({ db, actor, params, body }) => writes.updateAtgard(db, actor, params.id, body));
}
