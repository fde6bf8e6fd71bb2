import type { FastifyInstance } from "fastify";
import { route } from "../../platform/http/route.ts";
import * as api from "./api.ts";
import * as reads from "./ik-read-service.ts";
import * as writes from "./ik-write-service.ts";

export function internkontrollRoutes(app: FastifyInstance): void {
  route(app, api.year, ({ db, actor, query }) => reads.yearView(db, actor, query.orgNodeId, query.year));
  route(app, api.report, ({ db, actor, query }) => reads.report(db, actor, query.orgNodeId, query.year));
  route(app, api.savePlan, ({ db, actor, body }) => writes.savePlanDecision(db, actor, body));
  route(app, api.addRisk, ({ db, actor, body }) => writes.addIkRisk(db, actor, body));
  route(app, api.updateRisk, ({ db, actor, params, body }) => writes.updateIkRisk(db, actor, params.id, body));
  route(app, api.addGranskning, ({ db, actor, body }) => writes.addGranskning(db, actor, body));
  route(app, api.updateGranskning, ({ db, actor, params, body }) =>
    writes.updateGranskning(db, actor, params.id, body),
  );
  route(app, api.saveSelfAssessment, ({ db, actor, body }) => writes.saveSelfAssessment(db, actor, body));
}
