import type { FastifyInstance } from "fastify";
import { route } from "../../platform/http/route.ts";
import * as api from "./api.ts";
import * as service from "./inspection-service.ts";
import * as types from "./types-service.ts";

export function tillsynRoutes(app: FastifyInstance): void {
  route(app, api.inspectionTypes, ({ db, actor, query }) => types.inspectionTypes(db, actor, query.orgNodeId));
  route(app, api.createInspectionType, ({ db, actor, body }) => types.createInspectionType(db, actor, body));
  route(app, api.updateInspectionType, ({ db, actor, params, body }) =>
    types.updateInspectionType(db, actor, params.id, body),
  );
  route(app, api.inspections, ({ db, actor, query }) => service.listInspections(db, actor, query));
  route(app, api.inspection, ({ db, actor, params }) => service.getInspection(db, actor, params.id));
  route(app, api.createInspection, ({ db, actor, body }) => service.createInspection(db, actor, body));
  route(app, api.updateInspection, ({ db, actor, params, body }) =>
    service.updateInspection(db, actor, params.id, body),
  );
}
