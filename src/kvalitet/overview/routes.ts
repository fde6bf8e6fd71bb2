import type { FastifyInstance } from "fastify";
import { route } from "../../platform/http/route.ts";
import * as api from "./api.ts";
import { overviewFor } from "./overview-service.ts";
import { trendsFor } from "./trends-service.ts";

export function overviewRoutes(app: FastifyInstance): void {
  route(app, api.overview, ({ db, actor, query }) => overviewFor(db, actor, query), { replica: true, held: true });
  route(app, api.trends, ({ db, actor, query }) => trendsFor(db, actor, query), { replica: true, held: true });
}
