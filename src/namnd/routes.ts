import type { FastifyInstance } from "fastify";
import { attachment } from "../platform/documents/http.ts";
import { route } from "../platform/http/route.ts";
import * as api from "./api.ts";
import { assignmentRoutes } from "./assignments/routes.ts";
import * as reads from "./case-read-service.ts";
import * as writes from "./case-write-service.ts";
import { delegationRoutes } from "./delegation/routes.ts";
import * as documents from "./document-service.ts";
import { grantRoutes } from "./grants/routes.ts";
import { incomingRoutes } from "./incoming/routes.ts";
import { meetingRoutes } from "./meetings/routes.ts";
import { memoRoutes } from "./memos/routes.ts";
import { publishingRoutes } from "./publishing/routes.ts";
import { MAX_DOCUMENT_BYTES } from "./vocabulary.ts";

// Somewhat over the document limit, so a file a little too large reaches the service and gets the message
// naming the limit; far larger ones are cut off by the server unread.
const UPLOAD_LIMIT = MAX_DOCUMENT_BYTES + 4 * 1024 * 1024;

export async function namndRoutes(app: FastifyInstance): Promise<void> {
  // Documents arrive as raw bodies, read as bytes whatever type the client declared (scoped to this plugin;
  // Fastify's own text/plain parser would decode and alter them).
  for (const type of api.uploadDocument.upload) {
    if (app.hasContentTypeParser(type)) app.removeContentTypeParser(type);
    app.addContentTypeParser(type, { parseAs: "buffer", bodyLimit: UPLOAD_LIMIT }, (_request, body, done) =>
      done(null, body),
    );
  }

  route(app, api.lists, ({ db, actor, query }) => reads.lists(db, actor, query.orgNodeId));
  route(app, api.handlers, ({ db, actor, query }) => reads.handlers(db, actor, query.orgNodeId));
  route(app, api.cases, ({ db, actor, query }) => reads.listCases(db, actor, query));
  route(app, api.registerCase, ({ db, actor, body }) => writes.registerCase(db, actor, body));
  route(app, api.getCase, ({ db, actor, params }) => reads.getCase(db, actor, params.id));
  route(app, api.updateCase, ({ db, actor, params, body }) => writes.updateCase(db, actor, params.id, body));
  route(app, api.linkCase, ({ db, actor, params, body }) => writes.linkCase(db, actor, params.id, body.diarienummer));
  route(app, api.unlinkCase, ({ db, actor, params, query }) => writes.unlinkCase(db, actor, params.id, query.caseId));
  route(app, api.addReference, ({ db, actor, params, body }) => writes.addReference(db, actor, params.id, body));
  route(app, api.removeReference, ({ db, actor, params, query }) =>
    writes.removeReference(db, actor, params.id, query.referenceId),
  );
  route(app, api.createStanding, ({ db, actor, body }) =>
    writes.createStandingCases(db, actor, body.orgNodeId, body.year),
  );

  route(
    app,
    api.uploadDocument,
    ({ db, actor, params, query, request }) =>
      documents.uploadDocument(db, actor, params.id, query, Buffer.isBuffer(request.body) ? request.body : null),
    { bodyLimit: UPLOAD_LIMIT },
  );
  route(app, api.downloadDocument, async ({ db, actor, params, query, reply }) => {
    const file = await documents.downloadDocument(db, actor, params.id, query.documentId);
    reply
      .header("content-type", file.contentType === "text/plain" ? "text/plain; charset=utf-8" : file.contentType)
      .header("content-disposition", attachment(file.fileName))
      .header("x-content-type-options", "nosniff")
      .header("cache-control", "no-store");
    return file.body;
  });
  route(app, api.updateDocument, ({ db, actor, params, body }) => documents.updateDocument(db, actor, params.id, body));
  await delegationRoutes(app);
  await memoRoutes(app);
  await incomingRoutes(app);
  await assignmentRoutes(app);
  await grantRoutes(app);
  await meetingRoutes(app);
  await publishingRoutes(app);
}
