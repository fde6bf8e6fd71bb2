import type { FastifyInstance } from "fastify";
import { route } from "../../platform/http/route.ts";
import * as api from "./api.ts";
import * as reads from "./delegation-read-service.ts";
import * as writes from "./delegation-write-service.ts";

export async function delegationRoutes(app: FastifyInstance): Promise<void> {
  route(app, api.order, ({ db, actor, query }) => reads.getOrder(db, actor, query.orgNodeId, query.on));
  route(app, api.adoptOrder, ({ db, actor, body }) => writes.adoptOrder(db, actor, body));
  route(app, api.decisions, ({ db, actor, query }) => reads.listDecisions(db, actor, query));
  route(app, api.registerDecision, ({ db, actor, body }) => writes.registerDecision(db, actor, body));
  route(app, api.addSubdelegation, ({ db, actor, body }) => writes.addSubdelegation(db, actor, body));
  route(app, api.anmalan, ({ db, actor, query }) => reads.delegationReport(db, actor, query));
}
