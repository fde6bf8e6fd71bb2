import type { FastifyInstance } from "fastify";
import { route } from "../platform/http/route.ts";
import * as api from "./api.ts";
import * as reads from "./event-read-service.ts";
import * as writes from "./event-write-service.ts";
import { importEventsCsv, MAX_IMPORT_BYTES, previewEventsCsv } from "./import-service.ts";
import { internkontrollRoutes } from "./internkontroll/routes.ts";
import { klagomalRoutes } from "./klagomal/routes.ts";
import { kvalitetsplanRoutes } from "./kvalitetsplan/routes.ts";
import { lexSarahRoutes } from "./lex-sarah/routes.ts";
import * as lists from "./lists-service.ts";
import { overviewRoutes } from "./overview/routes.ts";
import { statistics } from "./statistics-service.ts";
import { tillsynRoutes } from "./tillsyn/routes.ts";

export async function kvalitetRoutes(app: FastifyInstance): Promise<void> {
  // A händelse file arrives as the raw CSV; this parser is scoped to the Kvalitet plugin.
  app.addContentTypeParser(["text/csv", "application/octet-stream"], { parseAs: "buffer" }, (_req, body, done) =>
    done(null, body),
  );
  route(app, api.lists, ({ db, actor, query }) => lists.lists(db, actor, query.orgNodeId));
  route(app, api.installLists, ({ db, actor, body }) => lists.installStandardLists(db, actor, body.orgNodeId));
  route(app, api.createType, ({ db, actor, body }) => lists.createType(db, actor, body));
  route(app, api.updateType, ({ db, actor, params, body }) => lists.updateType(db, actor, params.id, body));
  route(app, api.createCause, ({ db, actor, body }) => lists.createCause(db, actor, body));
  route(app, api.updateCause, ({ db, actor, params, body }) => lists.updateCause(db, actor, params.id, body));

  route(app, api.reportEvent, ({ db, actor, body }) => writes.reportEvent(db, actor, body));
  route(app, api.events, ({ db, actor, query }) => reads.listEvents(db, actor, query));
  route(app, api.event, ({ db, actor, params }) => reads.getEvent(db, actor, params.id));
  route(app, api.updateEvent, ({ db, actor, params, body }) => writes.updateEvent(db, actor, params.id, body));
  route(app, api.closeEvent, ({ db, actor, params, body }) => writes.closeEvent(db, actor, params.id, body.closedOn));

  // The preview and the import take the same raw file; twice the file limit, so a file somewhat over it
  // reaches the import and gets the message naming the limit.
  const fileLimit = { bodyLimit: 2 * MAX_IMPORT_BYTES };
  const importOptions = (orgNodeId: string, body: unknown) => ({
    scopeNodeId: orgNodeId,
    content: Buffer.isBuffer(body) || typeof body === "string" ? body : "",
  });
  route(
    app,
    api.previewEventImport,
    ({ db, actor, query, request }) => previewEventsCsv(db, actor, importOptions(query.orgNodeId, request.body)),
    fileLimit,
  );
  route(
    app,
    api.importEvents,
    ({ db, actor, query, request }) => importEventsCsv(db, actor, importOptions(query.orgNodeId, request.body)),
    fileLimit,
  );

  route(app, api.statistics, ({ db, actor, query }) => statistics(db, actor, query), { replica: true, held: true });
  await lexSarahRoutes(app);
  klagomalRoutes(app);
  tillsynRoutes(app);
  kvalitetsplanRoutes(app);
  internkontrollRoutes(app);
  overviewRoutes(app);
}
