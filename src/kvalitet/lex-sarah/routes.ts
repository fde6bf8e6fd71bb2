import type { FastifyInstance } from "fastify";
import { route } from "../../platform/http/route.ts";
import * as api from "./api.ts";
import * as reads from "./case-read-service.ts";
import * as writes from "./case-write-service.ts";
import * as listsService from "./lists-service.ts";

export async function lexSarahRoutes(app: FastifyInstance): Promise<void> {
  route(app, api.lists, ({ db, actor, query }) => listsService.lists(db, actor, query.orgNodeId));
  route(app, api.createListEntry, ({ db, actor, body }) => listsService.createListEntry(db, actor, body));
  route(app, api.updateListEntry, ({ db, actor, params, body }) =>
    listsService.updateListEntry(db, actor, params.id, body),
  );
  route(app, api.cases, ({ db, actor, query }) => reads.listCases(db, actor, query));
  route(app, api.memo, ({ db, actor, query }) => reads.lexSarahMemo(db, actor, query));
  route(app, api.register, ({ db, actor, body }) => writes.registerCase(db, actor, body));
  route(app, api.lexSarahCase, ({ db, actor, params }) => reads.getCase(db, actor, params.id));
  route(app, api.update, ({ db, actor, params, body }) => writes.updateCase(db, actor, params.id, body));
  route(app, api.addEntry, ({ db, actor, params, body }) => writes.addEntry(db, actor, params.id, body));
  route(app, api.decide, ({ db, actor, params, body }) => writes.decideCase(db, actor, params.id, body));
  route(app, api.ivo, ({ db, actor, params, body }) => writes.updateIvo(db, actor, params.id, body));
}
