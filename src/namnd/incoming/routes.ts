import type { FastifyInstance } from "fastify";
import { route } from "../../platform/http/route.ts";
import * as api from "./api.ts";
import * as reads from "./incoming-read-service.ts";
import * as writes from "./incoming-write-service.ts";

export async function incomingRoutes(app: FastifyInstance): Promise<void> {
  route(app, api.rulings, ({ db, actor, query }) => reads.listRulings(db, actor, query));
  route(app, api.rulingsForPeriod, ({ db, actor, query }) => reads.rulingsForPeriod(db, actor, query));
  route(app, api.registerRuling, ({ db, actor, body }) => writes.registerRuling(db, actor, body));
  route(app, api.getRuling, ({ db, actor, params }) => reads.getRuling(db, actor, params.id));
  route(app, api.updateRuling, ({ db, actor, params, body }) => writes.updateRuling(db, actor, params.id, body));
  route(app, api.letters, ({ db, actor, query }) => reads.listLetters(db, actor, query));
  route(app, api.lettersForPeriod, ({ db, actor, query }) => reads.lettersForPeriod(db, actor, query));
  route(app, api.registerLetter, ({ db, actor, body }) => writes.registerLetter(db, actor, body));
  route(app, api.getLetter, ({ db, actor, params }) => reads.getLetter(db, actor, params.id));
  route(app, api.updateLetter, ({ db, actor, params, body }) => writes.updateLetter(db, actor, params.id, body));
}
