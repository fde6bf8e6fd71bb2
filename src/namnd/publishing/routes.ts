import type { FastifyInstance } from "fastify";
import { route } from "../../platform/http/route.ts";
import * as api from "./api.ts";
import * as publicReads from "./public-read-service.ts";
import * as service from "./publication-service.ts";

export async function publishingRoutes(app: FastifyInstance): Promise<void> {
  route(app, api.review, ({ db, actor, params, query }) => service.reviewPublication(db, actor, params.id, query.kind));
  route(app, api.publish, ({ db, actor, params, body }) => service.publish(db, actor, params.id, body));
  route(app, api.publications, ({ db, actor, query }) => service.listPublications(db, actor, query.orgNodeId));
  route(app, api.publication, ({ db, actor, params }) => service.getPublication(db, actor, params.id));
  route(app, api.publicNamnder, ({ db }) => publicReads.publicNamnder(db));
  route(app, api.publicNamnd, ({ db, params }) => publicReads.publicNamnd(db, params.id));
  route(app, api.publicPublication, ({ db, params }) => publicReads.publicPublication(db, params.id));
}
