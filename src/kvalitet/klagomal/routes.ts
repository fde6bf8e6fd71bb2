import type { FastifyInstance } from "fastify";
import { route } from "../../platform/http/route.ts";
import * as api from "./api.ts";
import * as reads from "./complaint-read-service.ts";
import { complaintStatistics } from "./complaint-statistics-service.ts";
import * as writes from "./complaint-write-service.ts";

export function klagomalRoutes(app: FastifyInstance): void {
  route(app, api.registerComplaint, ({ db, actor, body }) => writes.registerComplaint(db, actor, body));
  route(app, api.complaints, ({ db, actor, query }) => reads.listComplaints(db, actor, query));
  route(app, api.complaintPeriod, ({ db, actor, query }) => reads.complaintsForPeriod(db, actor, query));
  route(app, api.complaintStatistics, ({ db, actor, query }) => complaintStatistics(db, actor, query), {
    replica: true,
    held: true,
  });
  route(app, api.complaint, ({ db, actor, params }) => reads.getComplaint(db, actor, params.id));
  route(app, api.updateComplaint, ({ db, actor, params, body }) => writes.updateComplaint(db, actor, params.id, body));
  route(app, api.closeComplaint, ({ db, actor, params, body }) =>
    writes.closeComplaint(db, actor, params.id, body.closedOn),
  );
}
