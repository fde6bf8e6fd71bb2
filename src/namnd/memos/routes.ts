import type { FastifyInstance } from "fastify";
import { sendRendered } from "../../platform/documents/http.ts";
import { route } from "../../platform/http/route.ts";
import * as api from "./api.ts";
import * as reads from "./memo-read-service.ts";
import * as writes from "./memo-write-service.ts";

export async function memoRoutes(app: FastifyInstance): Promise<void> {
  route(app, api.caseMemos, ({ db, actor, params }) => reads.listMemos(db, actor, params.id));
  route(app, api.createMemo, ({ db, actor, params, body }) => writes.createMemo(db, actor, params.id, body));
  route(app, api.memo, ({ db, actor, params }) => reads.getMemo(db, actor, params.id));
  route(app, api.updateMemo, ({ db, actor, params, body }) => writes.updateMemo(db, actor, params.id, body));
  route(app, api.completeMemo, ({ db, actor, params }) => writes.completeMemo(db, actor, params.id));
  route(app, api.newMemoVersion, ({ db, actor, params }) => writes.newMemoVersion(db, actor, params.id));
  route(app, api.memoDocx, async ({ db, actor, params, reply }) =>
    sendRendered(reply, await reads.memoFile(db, actor, params.id, "docx")),
  );
  route(app, api.memoPdf, async ({ db, actor, params, reply }) =>
    sendRendered(reply, await reads.memoFile(db, actor, params.id, "pdf")),
  );
}
