import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { fileResponse, type RoutePermission, type RouteResponse } from "../platform/http/endpoint.ts";
import { type AnswerOf, type RouteInput, route } from "../platform/http/route.ts";
import * as catalogue from "./catalogue-service.ts";
import { reportMediaTypes, reportParts } from "./export.ts";
import { importDecisionsCsv, MAX_IMPORT_BYTES } from "./import-service.ts";
import * as reads from "./register-read-service.ts";
import * as writes from "./register-write-service.ts";
import * as res from "./responses.ts";
import {
  closeInput,
  codeInput,
  codePatch,
  decisionInput,
  decisionPatch,
  executeInput,
  insatsInput,
  insatsPatch,
  interruptionInput,
  interruptionPatch,
  isoDate,
  offerInput,
  offerPatch,
  quarterParam,
  registerQuery,
} from "./schema.ts";

const tag = "Ej verkställda beslut";
const idParams = z.object({ id: z.uuid() });
const nodeQuery = z.object({ orgNodeId: z.uuid() });

export async function evbRoutes(app: FastifyInstance): Promise<void> {
  // CSV arrives as the raw file; this parser is scoped to the EVB plugin.
  app.addContentTypeParser(["text/csv", "application/octet-stream"], { parseAs: "buffer" }, (_req, body, done) =>
    done(null, body),
  );

  /** A route on one record, named by the id in its path. */
  const onRecord = <R extends RouteResponse, B extends z.ZodType = z.ZodUndefined>(
    spec: {
      method: "GET" | "POST" | "PATCH" | "DELETE";
      url: string;
      summary: string;
      permission: RoutePermission;
      response: R;
      body?: B;
    },
    handler: (input: RouteInput<z.infer<B>, undefined, { id: string }>) => Promise<AnswerOf<R>>,
  ) => route(app, { ...spec, tag, params: idParams }, handler as never);

  route(
    app,
    {
      method: "GET",
      url: "/api/evb/catalogue",
      tag,
      summary: "Insatskatalog och orsakskoder",
      permission: "read",
      response: res.catalogueResponse,
      query: nodeQuery,
    },
    ({ db, actor, query }) => catalogue.catalogue(db, actor, query.orgNodeId),
  );
  route(
    app,
    {
      method: "POST",
      url: "/api/evb/catalogue/install",
      tag,
      summary: "Lägg till standardkatalogen för kommunen",
      permission: "admin",
      response: res.catalogueInstalled,
      body: nodeQuery,
    },
    ({ db, actor, body }) => catalogue.installStandardCatalogue(db, actor, body.orgNodeId),
  );
  route(
    app,
    {
      method: "POST",
      url: "/api/evb/catalogue/insatser",
      tag,
      summary: "Ny insats i katalogen",
      permission: "admin",
      response: res.insats,
      body: insatsInput,
    },
    ({ db, actor, body }) => catalogue.createInsats(db, actor, body),
  );
  onRecord(
    {
      method: "PATCH",
      url: "/api/evb/catalogue/insatser/:id",
      summary: "Ändra insats i katalogen",
      permission: "admin",
      response: res.insats,
      body: insatsPatch,
    },
    ({ db, actor, params, body }) => catalogue.updateInsats(db, actor, params.id, body),
  );
  route(
    app,
    {
      method: "POST",
      url: "/api/evb/catalogue/codes",
      tag,
      summary: "Ny orsaks- eller avslutskod",
      permission: "admin",
      response: res.code,
      body: codeInput,
    },
    ({ db, actor, body }) => catalogue.createCode(db, actor, body),
  );
  onRecord(
    {
      method: "PATCH",
      url: "/api/evb/catalogue/codes/:id",
      summary: "Ändra orsaks- eller avslutskod",
      permission: "admin",
      response: res.code,
      body: codePatch,
    },
    ({ db, actor, params, body }) => catalogue.updateCode(db, actor, params.id, body),
  );

  route(
    app,
    {
      method: "GET",
      url: "/api/evb/decisions",
      tag,
      summary: "Registret, filtrerat",
      permission: "read:personal",
      response: res.registerResponse,
      query: registerQuery,
    },
    ({ db, actor, query }) => reads.register(db, actor, query),
  );
  route(
    app,
    {
      method: "POST",
      url: "/api/evb/decisions",
      tag,
      summary: "Registrera beslut",
      permission: "write:evb",
      response: res.decisionResponse,
      body: decisionInput,
    },
    ({ db, actor, body }) => writes.createDecision(db, actor, body),
  );
  onRecord(
    {
      method: "GET",
      url: "/api/evb/decisions/:id",
      summary: "Ett beslut med erbjudanden, avbrott och historik",
      permission: "read:personal",
      response: res.decisionResponse,
    },
    ({ db, actor, params }) => reads.getDecision(db, actor, params.id),
  );
  onRecord(
    {
      method: "PATCH",
      url: "/api/evb/decisions/:id",
      summary: "Ändra beslut (loggas)",
      permission: "write:evb",
      response: res.decisionResponse,
      body: decisionPatch,
    },
    ({ db, actor, params, body }) => writes.updateDecision(db, actor, params.id, body),
  );
  onRecord(
    {
      method: "POST",
      url: "/api/evb/decisions/:id/execute",
      summary: "Markera beslutet verkställt",
      permission: "write:evb",
      response: res.decisionResponse,
      body: executeInput,
    },
    ({ db, actor, params, body }) => writes.executeDecision(db, actor, params.id, body.executedDate),
  );
  onRecord(
    {
      method: "POST",
      url: "/api/evb/decisions/:id/close",
      summary: "Avsluta beslutet utan verkställighet",
      permission: "write:evb",
      response: res.decisionResponse,
      body: closeInput,
    },
    ({ db, actor, params, body }) => writes.closeDecision(db, actor, params.id, body.closedDate, body.closureReason),
  );
  onRecord(
    {
      method: "POST",
      url: "/api/evb/decisions/:id/offers",
      summary: "Lägg till erbjudande",
      permission: "write:evb",
      response: res.decisionResponse,
      body: offerInput,
    },
    ({ db, actor, params, body }) => writes.addOffer(db, actor, params.id, body),
  );
  onRecord(
    {
      method: "PATCH",
      url: "/api/evb/offers/:id",
      summary: "Ändra erbjudande",
      permission: "write:evb",
      response: res.decisionResponse,
      body: offerPatch,
    },
    ({ db, actor, params, body }) => writes.updateOffer(db, actor, params.id, body),
  );
  onRecord(
    {
      method: "DELETE",
      url: "/api/evb/offers/:id",
      summary: "Ta bort erbjudande",
      permission: "write:evb",
      response: res.decisionResponse,
    },
    ({ db, actor, params }) => writes.deleteOffer(db, actor, params.id),
  );
  onRecord(
    {
      method: "POST",
      url: "/api/evb/decisions/:id/interruptions",
      summary: "Registrera avbrott",
      permission: "write:evb",
      response: res.decisionResponse,
      body: interruptionInput,
    },
    ({ db, actor, params, body }) => writes.addInterruption(db, actor, params.id, body),
  );
  onRecord(
    {
      method: "PATCH",
      url: "/api/evb/interruptions/:id",
      summary: "Ändra avbrott (t.ex. återupptaget)",
      permission: "write:evb",
      response: res.decisionResponse,
      body: interruptionPatch,
    },
    ({ db, actor, params, body }) => writes.updateInterruption(db, actor, params.id, body),
  );
  onRecord(
    {
      method: "DELETE",
      url: "/api/evb/interruptions/:id",
      summary: "Ta bort avbrott",
      permission: "write:evb",
      response: res.decisionResponse,
    },
    ({ db, actor, params }) => writes.deleteInterruption(db, actor, params.id),
  );

  route(
    app,
    {
      method: "POST",
      url: "/api/evb/import",
      tag,
      summary: "Importera beslut från CSV (allt eller inget); skicka filen som text/csv",
      permission: "write:evb",
      response: res.importResultResponse,
      query: z.object({ orgNodeId: z.uuid(), dryRun: z.stringbool().default(false) }),
      // Twice the file limit, so a file somewhat over it reaches the import and gets the message naming the limit.
      bodyLimit: 2 * MAX_IMPORT_BYTES,
    },
    ({ db, actor, query, request }) => {
      const content = Buffer.isBuffer(request.body)
        ? request.body
        : typeof request.body === "string"
          ? request.body
          : "";
      return importDecisionsCsv(db, actor, { scopeNodeId: query.orgNodeId, content, dryRun: query.dryRun });
    },
  );

  route(
    app,
    {
      method: "GET",
      url: "/api/evb/reports/:quarter",
      tag,
      summary: "Kvartalsrapport: IVO-lista, nämndtabeller, KF-statistik",
      permission: "read",
      response: res.quarterReportResponse,
      params: quarterParam,
      query: nodeQuery,
    },
    ({ db, actor, params, query }) => reads.quarterReportFor(db, actor, query.orgNodeId, params.quarter),
  );
  route(
    app,
    {
      method: "GET",
      url: "/api/evb/reports/:quarter/export",
      tag,
      summary: "Ladda ned kvartalsrapporten som CSV (en del) eller XLSX (alla delar du får se)",
      permission: "read",
      response: fileResponse(reportMediaTypes.xlsx, reportMediaTypes.csv),
      params: quarterParam,
      query: nodeQuery.extend({
        format: z.enum(["csv", "xlsx"]).default("xlsx"),
        part: z.enum(reportParts).default("ivo"),
      }),
    },
    async ({ db, actor, params, query, reply }) => {
      const file = await reads.exportQuarterReport(db, actor, { ...query, quarter: params.quarter });
      reply
        .header("content-type", file.contentType)
        .header("content-disposition", `attachment; filename="${file.filename}"`)
        .header("cache-control", "no-store");
      return file.body;
    },
  );
  route(
    app,
    {
      method: "GET",
      url: "/api/evb/dashboard",
      tag,
      summary: "Öppna beslut per väntetid, tidig varning, längst väntan",
      permission: "read",
      response: res.dashboardResponse,
      query: nodeQuery.extend({ asOf: isoDate.optional() }),
    },
    ({ db, actor, query }) => reads.dashboardFor(db, actor, query.orgNodeId, query.asOf),
  );
}
