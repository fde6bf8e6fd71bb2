import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { route } from "../platform/http/route.ts";
import { reportParts } from "./export.ts";
import { importDecisionsCsv } from "./import.ts";
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
import * as service from "./service.ts";

const tag = "Ej verkställda beslut";
const idParams = z.object({ id: z.uuid() });
const nodeQuery = z.object({ orgNodeId: z.uuid() });
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export async function evbRoutes(app: FastifyInstance): Promise<void> {
  // CSV arrives as the raw file; this parser is scoped to the EVB plugin.
  app.addContentTypeParser(["text/csv", "application/octet-stream"], { parseAs: "buffer" }, (_req, body, done) =>
    done(null, body),
  );

  route(
    app,
    { method: "GET", url: "/api/evb/catalogue", tag, summary: "Insatskatalog och orsakskoder", query: nodeQuery },
    ({ db, actor, query }) => service.catalogue(db, actor, query.orgNodeId),
  );
  route(
    app,
    {
      method: "POST",
      url: "/api/evb/catalogue/install",
      tag,
      summary: "Lägg till standardkatalogen för kommunen",
      body: nodeQuery,
    },
    ({ db, actor, body }) => service.installStandardCatalogue(db, actor, body.orgNodeId),
  );
  route(
    app,
    { method: "POST", url: "/api/evb/catalogue/insatser", tag, summary: "Ny insats i katalogen", body: insatsInput },
    ({ db, actor, body }) => service.createInsats(db, actor, body),
  );
  route(
    app,
    {
      method: "PATCH",
      url: "/api/evb/catalogue/insatser/:id",
      tag,
      summary: "Ändra insats i katalogen",
      params: idParams,
      body: insatsPatch,
    },
    ({ db, actor, params, body }) => service.updateInsats(db, actor, params.id, body),
  );
  route(
    app,
    { method: "POST", url: "/api/evb/catalogue/codes", tag, summary: "Ny orsaks- eller avslutskod", body: codeInput },
    ({ db, actor, body }) => service.createCode(db, actor, body),
  );
  route(
    app,
    {
      method: "PATCH",
      url: "/api/evb/catalogue/codes/:id",
      tag,
      summary: "Ändra orsaks- eller avslutskod",
      params: idParams,
      body: codePatch,
    },
    ({ db, actor, params, body }) => service.updateCode(db, actor, params.id, body),
  );

  route(
    app,
    { method: "GET", url: "/api/evb/decisions", tag, summary: "Registret, filtrerat", query: registerQuery },
    ({ db, actor, query }) => service.register(db, actor, query),
  );
  route(
    app,
    { method: "POST", url: "/api/evb/decisions", tag, summary: "Registrera beslut", body: decisionInput },
    ({ db, actor, body }) => service.createDecision(db, actor, body),
  );
  route(
    app,
    {
      method: "GET",
      url: "/api/evb/decisions/:id",
      tag,
      summary: "Ett beslut med erbjudanden, avbrott och historik",
      params: idParams,
    },
    ({ db, actor, params }) => service.getDecision(db, actor, params.id),
  );
  route(
    app,
    {
      method: "PATCH",
      url: "/api/evb/decisions/:id",
      tag,
      summary: "Ändra beslut (loggas)",
      params: idParams,
      body: decisionPatch,
    },
    ({ db, actor, params, body }) => service.updateDecision(db, actor, params.id, body),
  );
  route(
    app,
    {
      method: "POST",
      url: "/api/evb/decisions/:id/execute",
      tag,
      summary: "Markera beslutet verkställt",
      params: idParams,
      body: executeInput,
    },
    ({ db, actor, params, body }) => service.executeDecision(db, actor, params.id, body.executedDate),
  );
  route(
    app,
    {
      method: "POST",
      url: "/api/evb/decisions/:id/close",
      tag,
      summary: "Avsluta beslutet utan verkställighet",
      params: idParams,
      body: closeInput,
    },
    ({ db, actor, params, body }) => service.closeDecision(db, actor, params.id, body.closedDate, body.closureReason),
  );
  route(
    app,
    {
      method: "POST",
      url: "/api/evb/decisions/:id/offers",
      tag,
      summary: "Lägg till erbjudande",
      params: idParams,
      body: offerInput,
    },
    ({ db, actor, params, body }) => service.addOffer(db, actor, params.id, body),
  );
  route(
    app,
    {
      method: "PATCH",
      url: "/api/evb/offers/:id",
      tag,
      summary: "Ändra erbjudande",
      params: idParams,
      body: offerPatch,
    },
    ({ db, actor, params, body }) => service.updateOffer(db, actor, params.id, body),
  );
  route(
    app,
    { method: "DELETE", url: "/api/evb/offers/:id", tag, summary: "Ta bort erbjudande", params: idParams },
    ({ db, actor, params }) => service.deleteOffer(db, actor, params.id),
  );
  route(
    app,
    {
      method: "POST",
      url: "/api/evb/decisions/:id/interruptions",
      tag,
      summary: "Registrera avbrott",
      params: idParams,
      body: interruptionInput,
    },
    ({ db, actor, params, body }) => service.addInterruption(db, actor, params.id, body),
  );
  route(
    app,
    {
      method: "PATCH",
      url: "/api/evb/interruptions/:id",
      tag,
      summary: "Ändra avbrott (t.ex. återupptaget)",
      params: idParams,
      body: interruptionPatch,
    },
    ({ db, actor, params, body }) => service.updateInterruption(db, actor, params.id, body),
  );
  route(
    app,
    { method: "DELETE", url: "/api/evb/interruptions/:id", tag, summary: "Ta bort avbrott", params: idParams },
    ({ db, actor, params }) => service.deleteInterruption(db, actor, params.id),
  );

  route(
    app,
    {
      method: "POST",
      url: "/api/evb/import",
      tag,
      summary: "Importera beslut från CSV (allt eller inget); skicka filen som text/csv",
      query: z.object({ orgNodeId: z.uuid(), dryRun: z.stringbool().default(false) }),
      bodyLimit: MAX_IMPORT_BYTES,
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
      params: quarterParam,
      query: nodeQuery,
    },
    ({ db, actor, params, query }) => service.quarterReportFor(db, actor, query.orgNodeId, params.quarter),
  );
  route(
    app,
    {
      method: "GET",
      url: "/api/evb/reports/:quarter/export",
      tag,
      summary: "Ladda ned kvartalsrapporten som CSV (en del) eller XLSX (alla delar du får se)",
      params: quarterParam,
      query: nodeQuery.extend({
        format: z.enum(["csv", "xlsx"]).default("xlsx"),
        part: z.enum(reportParts).default("ivo"),
      }),
    },
    async ({ db, actor, params, query, reply }) => {
      const file = await service.exportQuarterReport(db, actor, { ...query, quarter: params.quarter });
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
      query: nodeQuery.extend({ asOf: isoDate.optional() }),
    },
    ({ db, actor, query }) => service.dashboardFor(db, actor, query.orgNodeId, query.asOf),
  );
}
