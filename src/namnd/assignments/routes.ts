import type { FastifyInstance } from "fastify";
import { sendRendered } from "../../platform/documents/http.ts";
import { route } from "../../platform/http/route.ts";
import * as api from "./api.ts";
import * as assignments from "./assignment-service.ts";
import * as audits from "./audit-service.ts";
import * as motions from "./motion-service.ts";

export async function assignmentRoutes(app: FastifyInstance): Promise<void> {
  route(app, api.motions, ({ db, actor, query }) => motions.listMotions(db, actor, query));
  route(app, api.registerMotion, ({ db, actor, body }) => motions.registerMotion(db, actor, body));
  route(app, api.getMotion, ({ db, actor, params }) => motions.getMotion(db, actor, params.id));
  route(app, api.updateMotion, ({ db, actor, params, body }) => motions.updateMotion(db, actor, params.id, body));
  route(app, api.takeStep, ({ db, actor, params, body }) => motions.takeStep(db, actor, params.id, body));
  route(app, api.answerReferral, ({ db, actor, params, body }) => motions.answerReferral(db, actor, params.id, body));

  route(app, api.assignments, ({ db, actor, query }) => assignments.listAssignments(db, actor, query));
  route(app, api.registerAssignment, ({ db, actor, body }) => assignments.registerAssignment(db, actor, body));
  route(app, api.getAssignment, ({ db, actor, params }) => assignments.getAssignment(db, actor, params.id));
  route(app, api.updateAssignment, ({ db, actor, params, body }) =>
    assignments.updateAssignment(db, actor, params.id, body),
  );

  route(app, api.audits, ({ db, actor, query }) => audits.listAudits(db, actor, query.orgNodeId));
  route(app, api.registerAudit, ({ db, actor, body }) => audits.registerAudit(db, actor, body));
  route(app, api.getAudit, ({ db, actor, params }) => audits.getAudit(db, actor, params.id));
  route(app, api.updateAudit, ({ db, actor, params, body }) => audits.updateAudit(db, actor, params.id, body));
  route(app, api.auditReply, ({ db, actor, params }) => audits.auditReply(db, actor, params.id));
  route(app, api.auditReplyFile, async ({ db, actor, params, query, reply }) =>
    sendRendered(reply, await audits.auditReplyFile(db, actor, params.id, query.format)),
  );
}
