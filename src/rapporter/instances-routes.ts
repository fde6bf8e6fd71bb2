import type { FastifyInstance } from "fastify";
import { sendRendered } from "../platform/documents/http.ts";
import { route } from "../platform/http/route.ts";
import * as api from "./instances-api.ts";
import { getInstance, instanceFile, listInstances, writerCandidates } from "./instances-service.ts";
import { publicReport, publicReports, publishInstance } from "./publish-service.ts";
import * as workflow from "./workflow-service.ts";

export async function instanceRoutes(app: FastifyInstance): Promise<void> {
  route(app, api.instances, ({ db, actor, query }) => listInstances(db, actor, query.orgNodeId));
  route(app, api.createInstance, ({ db, actor, body }) => workflow.createInstance(db, actor, body));
  route(app, api.instance, ({ db, actor, params }) => getInstance(db, actor, params.id));
  route(app, api.instanceFile, async ({ db, actor, params, query, reply }) =>
    sendRendered(reply, await instanceFile(db, actor, params.id, query.format)),
  );
  route(app, api.writers, ({ db, actor, query }) => writerCandidates(db, actor, query.orgNodeId));
  route(app, api.assignChapter, ({ db, actor, params, body }) => workflow.assignChapter(db, actor, params.id, body));
  route(app, api.saveText, ({ db, actor, params, body }) => workflow.saveText(db, actor, params.id, body));
  route(app, api.chapterStatus, ({ db, actor, params, body }) => workflow.setChapterStatus(db, actor, params.id, body));
  route(app, api.addComment, ({ db, actor, params, body }) => workflow.addComment(db, actor, params.id, body));
  route(app, api.moveStatus, ({ db, actor, params, body }) => workflow.moveStatus(db, actor, params.id, body.status));
  route(app, api.publish, ({ db, actor, params }) => publishInstance(db, actor, params.id));
  route(app, api.copyToNextPeriod, ({ db, actor, params }) => workflow.copyToNextPeriod(db, actor, params.id));
  route(app, api.publicReports, ({ db }) => publicReports(db));
  route(app, api.publicReport, ({ db, params }) => publicReport(db, params.id));
}
