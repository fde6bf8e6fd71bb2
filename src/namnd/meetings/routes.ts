import type { FastifyInstance } from "fastify";
import { sendRendered } from "../../platform/documents/http.ts";
import { route } from "../../platform/http/route.ts";
import * as api from "./api.ts";
import { protocolExtractFile } from "./extract-service.ts";
import { kallelseFile } from "./kallelse-service.ts";
import * as reads from "./meeting-read-service.ts";
import * as writes from "./meeting-write-service.ts";

export async function meetingRoutes(app: FastifyInstance): Promise<void> {
  route(app, api.bodies, ({ db, actor, query }) => reads.listBodies(db, actor, query.orgNodeId));
  route(app, api.createBody, ({ db, actor, body }) => writes.createBody(db, actor, body));
  route(app, api.setParagraphSeries, ({ db, actor, params, body }) =>
    writes.setParagraphSeries(db, actor, params.id, body),
  );
  route(app, api.meetings, ({ db, actor, query }) => reads.listMeetings(db, actor, query));
  route(app, api.createMeeting, ({ db, actor, body }) => writes.createMeeting(db, actor, body));
  route(app, api.meeting, ({ db, actor, params }) => reads.getMeeting(db, actor, params.id));
  route(app, api.updateMeeting, ({ db, actor, params, body }) => writes.updateMeeting(db, actor, params.id, body));
  route(app, api.deleteMeeting, ({ db, actor, params }) => writes.deleteMeeting(db, actor, params.id));
  route(app, api.cancelMeeting, ({ db, actor, params, body }) => writes.cancelMeeting(db, actor, params.id, body));
  route(app, api.addItem, ({ db, actor, params, body }) => writes.addItem(db, actor, params.id, body));
  route(app, api.addStandingItems, ({ db, actor, params }) => writes.addStandingItems(db, actor, params.id));
  route(app, api.moveItem, ({ db, actor, params, body }) => writes.moveItem(db, actor, params.id, body));
  route(app, api.removeItem, ({ db, actor, params, query }) => writes.removeItem(db, actor, params.id, query.itemId));
  route(app, api.setRoster, ({ db, actor, params, body }) => writes.setRoster(db, actor, params.id, body));
  route(app, api.changeStatus, ({ db, actor, params, body }) => writes.changeStatus(db, actor, params.id, body));
  route(app, api.recordProtocol, ({ db, actor, params, body }) => writes.recordProtocol(db, actor, params.id, body));
  route(app, api.kallelse, async ({ db, actor, params, query, reply }) =>
    sendRendered(reply, await kallelseFile(db, actor, params.id, query.format)),
  );
  route(app, api.extract, async ({ db, actor, params, query, reply }) => {
    const file = await protocolExtractFile(db, actor, params.id, query);
    reply
      .header("content-type", file.contentType)
      .header("content-disposition", `attachment; filename="${file.fileName}"`)
      .header("x-content-type-options", "nosniff")
      .header("cache-control", "no-store");
    return file.body;
  });
}
