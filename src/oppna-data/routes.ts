import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyReply } from "fastify";
import { attachment } from "../platform/documents/http.ts";
import { route } from "../platform/http/route.ts";
import * as api from "./api.ts";
import * as publicReads from "./public-read-service.ts";
import * as service from "./publication-service.ts";

/** Published data changes only when it is published again; five minutes keeps that news fresh enough. */
const PUBLIC_MAX_AGE = 300;

const lastModified = (reply: FastifyReply, publishedAt: Date | string) =>
  reply.header("last-modified", new Date(publishedAt).toUTCString());

/**
 * The public answers are cacheable: Cache-Control public and an ETag that is the sha256 of the body sent, so
 * a client holding it gets 304 Not Modified until the data is published again. (The platform's own hook,
 * which runs first, marks every API answer no-store; this plugin's routes override it.)
 */
function cacheable(app: FastifyInstance): void {
  app.addHook("onSend", async (request, reply, payload) => {
    if (!request.url.startsWith("/api/public/") || reply.statusCode !== 200) return payload;
    if (typeof payload !== "string" && !Buffer.isBuffer(payload)) return payload;
    const etag = `"${createHash("sha256").update(payload).digest("hex")}"`;
    reply.header("cache-control", `public, max-age=${PUBLIC_MAX_AGE}`).header("etag", etag);
    const wanted = request.headers["if-none-match"];
    if (wanted?.split(",").some((tag) => tag.trim() === etag || tag.trim() === "*")) {
      reply.code(304);
      return "";
    }
    return payload;
  });
}

export async function oppnaDataRoutes(app: FastifyInstance): Promise<void> {
  cacheable(app);
  route(app, api.publications, ({ db, actor, query }) => service.listPublications(db, actor, query.orgNodeId));
  route(app, api.publish, ({ db, actor, body }) => service.publish(db, actor, body));
  route(app, api.withdraw, ({ db, actor, params }) => service.withdraw(db, actor, params.id));
  route(app, api.publicCatalogue, ({ db }) => publicReads.catalogue(db));
  route(app, api.publicDataset, async ({ db, params, reply }) => {
    const dataset = await publicReads.dataset(db, params.id);
    lastModified(reply, dataset.publishedAt);
    return dataset;
  });
  route(app, api.publicCsv, async ({ db, params, reply }) => {
    const file = await publicReads.datasetCsv(db, params.id, params.table);
    lastModified(reply, file.publishedAt)
      .header("content-type", "text/csv; charset=utf-8")
      .header("content-disposition", attachment(file.fileName).replace(/^attachment/, "inline"));
    return file.csv;
  });
  route(app, api.publicKolada, async ({ db, params, reply }) => {
    const { publishedAt, document } = await publicReads.datasetKolada(db, params.id);
    lastModified(reply, publishedAt);
    return document as never;
  });
}
