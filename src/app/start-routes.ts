import type { FastifyInstance } from "fastify";
import { route } from "../platform/http/route.ts";
import { start } from "./start-api.ts";
import { startPage } from "./start-service.ts";

/** The start page's route: a composition over every capability, so it lives in the composition root. */
export async function startRoutes(app: FastifyInstance): Promise<void> {
  route(app, start, ({ db, actor, query }) => startPage(db, actor, query.orgNodeId));
}
