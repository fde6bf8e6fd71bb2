import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyError, type FastifyInstance } from "fastify";
import { sql } from "kysely";
import { capabilities } from "../../capabilities.ts";
import { auditRoutes } from "../audit/routes.ts";
import type { Actor } from "../auth/access.ts";
import { authRoutes, SESSION_COOKIE } from "../auth/routes.ts";
import { constantTimeEqual, type SessionActor, sessionActor } from "../auth/sessions.ts";
import type { Database } from "../db/database.ts";
import { DomainError } from "../errors.ts";
import { type OpenApiPaths, openApiDocument } from "./route.ts";

declare module "fastify" {
  interface FastifyInstance {
    lots: { db: Database; secureCookies: boolean; openApiPaths: OpenApiPaths };
  }
  interface FastifyRequest {
    actor: Actor | null;
    session: SessionActor | null;
  }
  interface FastifyContextConfig {
    public?: boolean;
  }
}

export type ServerOptions = {
  database: Database;
  sessionSecret: string;
  /** Folder with the built web UI; served with SPA fallback when present. */
  webRoot?: string;
  logLevel?: string;
  /** Secure cookies need HTTPS; on for production behind TLS. */
  secureCookies?: boolean;
};

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function errorBody(error: FastifyError | DomainError): { status: number; body: Record<string, unknown> } {
  if (error instanceof DomainError) {
    return {
      status: error.status,
      body: {
        code: error.code,
        message: error.messageSv,
        ...(error.details ? { details: error.details } : {}),
      },
    };
  }
  switch (error.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return { status: 413, body: { code: "payload_too_large", message: "Innehållet är för stort." } };
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return {
        status: 415,
        body: { code: "validation", message: "Innehållstypen stöds inte; skicka application/json." },
      };
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return { status: 400, body: { code: "validation", message: "Innehållet är tomt men ska vara JSON." } };
  }
  if (error instanceof SyntaxError || error.code === "FST_ERR_CTP_INVALID_JSON_BODY") {
    return { status: 400, body: { code: "validation", message: "Innehållet är inte giltig JSON." } };
  }
  if (error.statusCode === 429) {
    return { status: 429, body: { code: "rate_limited", message: "För många försök. Vänta en stund." } };
  }
  if (error.statusCode && error.statusCode < 500) {
    return { status: error.statusCode, body: { code: "validation", message: "Begäran är ogiltig." } };
  }
  return { status: 500, body: { code: "internal", message: "Ett oväntat fel inträffade. Försök igen." } };
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel ?? "info" },
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
  });
  app.decorate("lots", {
    db: options.database,
    secureCookies: options.secureCookies ?? false,
    openApiPaths: {},
  });
  app.decorateRequest("actor", null);
  app.decorateRequest("session", null);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
      },
    },
  });
  await app.register(cookie, { secret: options.sessionSecret });
  await app.register(rateLimit, { global: false });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { status, body } = errorBody(error);
    if (status >= 500) request.log.error(error);
    reply.code(status).send(body);
  });

  // Every /api route needs a session unless it declares itself public; writes also need the CSRF token.
  app.addHook("onRequest", async (request) => {
    if (!request.url.startsWith("/api/") || request.routeOptions.config?.public) return;
    if (!request.routeOptions.url) return; // unknown route: let the 404 handler answer
    const raw = request.cookies[SESSION_COOKIE];
    const unsigned = raw ? request.unsignCookie(raw) : null;
    const session = unsigned?.valid && unsigned.value ? await sessionActor(app.lots.db.db, unsigned.value) : null;
    if (!session) throw new DomainError("unauthenticated", "Du är inte inloggad.");
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers["x-csrf-token"];
      if (typeof header !== "string" || !constantTimeEqual(header, session.csrfToken)) {
        throw new DomainError("forbidden", "CSRF-token saknas eller är ogiltig. Ladda om sidan.");
      }
    }
    request.session = session;
    request.actor = session.actor;
  });

  app.get("/api/openapi.json", { config: { public: true } }, async () => openApiDocument(app));
  app.get("/api/health", { config: { public: true } }, async () => {
    const row = await sql<{ version: string }>`select version() as version`.execute(app.lots.db.db);
    return { status: "ok", engine: app.lots.db.engine, postgres: row.rows[0]?.version ?? null };
  });

  await app.register(authRoutes);
  await app.register(auditRoutes);
  for (const capability of capabilities) {
    if (capability.routes) await app.register(capability.routes);
  }

  const webRoot = options.webRoot;
  const indexHtml = webRoot && fs.existsSync(path.join(webRoot, "index.html"));
  if (webRoot && indexHtml) {
    await app.register(fastifyStatic, { root: path.resolve(webRoot), wildcard: false });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith("/api/") || !indexHtml || request.method !== "GET") {
      return reply.code(404).send({ code: "not_found", message: "Adressen finns inte." });
    }
    return reply.type("text/html").sendFile("index.html");
  });
  return app;
}
