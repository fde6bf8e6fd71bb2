import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import cookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { accessRoutes } from "../access/routes.ts";
import type { AuditLabels } from "../audit/labels.ts";
import { auditRoutes } from "../audit/routes.ts";
import type { Actor } from "../auth/access.ts";
import { type OidcClient, oidcClient } from "../auth/oidc/client.ts";
import { oidcRoutes } from "../auth/oidc/routes.ts";
import type { SignInSettings } from "../auth/oidc/settings.ts";
import { authRoutes, SESSION_COOKIE } from "../auth/routes.ts";
import { SessionCache } from "../auth/session-cache.ts";
import {
  constantTimeEqual,
  type LiveSession,
  purgeExpired,
  type RetentionSettings,
  type SessionActor,
  sessionActor,
  sessionIdOf,
} from "../auth/sessions.ts";
import { VerifiedCookies } from "../auth/verified-cookies.ts";
import type { Database } from "../db/database.ts";
import { databaseVersion } from "../db/health.ts";
import { type ReadReplica, readReplica } from "../db/replica.ts";
import { closePdfBrowser } from "../documents/print-pdf.ts";
import { DomainError } from "../errors.ts";
import { runConfiguredReminders, startReminderJob } from "../reminders/reminder-job.ts";
import { type ReminderOptions, reminderRoutes } from "../reminders/routes.ts";
import { type FieldProblem, validationError } from "../validation.ts";
import { moduleBeside, movable, runInWorker } from "../worker.ts";
import { AnswerCache } from "./answer-cache.ts";
import { CSRF_HEADER, needsCsrf } from "./csrf.ts";
import { OFF_THREAD_JSON_BYTES, parseJsonBody } from "./json-body.ts";
import { type OpenApiRoute, openApiDocument } from "./openapi.ts";
import { rememberWrites } from "./read-routing.ts";
import { healthResponse, openApiResponse } from "./responses.ts";
import { route } from "./route.ts";
import { addSecurityHeaders } from "./security-headers.ts";

declare module "fastify" {
  interface FastifyInstance {
    lots: {
      db: Database;
      /** The read replica for heavy reads (DATABASE_READ_URL), null without one. */
      replica: ReadReplica | null;
      secureCookies: boolean;
      openApiRoutes: OpenApiRoute[];
      sessionIdleMinutes: number;
      /** Sessions read in the last few seconds, dropped on any change notice. */
      sessions: SessionCache<LiveSession>;
      /** Null with a read replica (heavy reads go there, and read-your-writes routing must see each one). */
      answers: AnswerCache | null;
      /** Password login on or off, and single sign-on when configured. */
      signIn: { localLogin: boolean; oidc: OidcClient | null };
    };
  }
  interface FastifyRequest {
    actor: Actor | null;
    session: SessionActor | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session; every route is protected unless it says this. */
    public?: boolean;
    /** A file of the built web UI: public and cacheable. */
    webAsset?: boolean;
  }
}

export type ServerOptions = {
  database: Database;
  /** A streaming replica of `database` that may answer the heavy reads (routes declared `replica`). */
  replica?: Database;
  /** Each capability's routes, registered after the platform's own (the app's composition root passes them). */
  routes: Array<(app: FastifyInstance) => Promise<void>>;
  /** What the audit log calls each entity and column (the composition root merges the capabilities'). */
  auditLabels: AuditLabels;
  sessionSecret: string;
  /** Folder with the built web UI; served with SPA fallback when present. */
  webRoot?: string;
  logLevel?: string;
  /** Secure cookies need HTTPS; on for production behind TLS. */
  secureCookies?: boolean;
  /** Fastify's trustProxy (TRUST_PROXY): which X-Forwarded-For hops to believe for the client address. */
  trustProxy?: boolean | number | string[];
  /** SESSION_IDLE_MINUTES and FAILED_LOGIN_RETENTION_DAYS. */
  retention?: Partial<RetentionSettings>;
  /** Every capability's deadlines and LOTS_SMTP_URL etc.: reminder settings, the job and calendar feeds. */
  reminders?: ReminderOptions;
  /** LOTS_LOCAL_LOGIN and LOTS_OIDC_*: password login only when absent. */
  signIn?: SignInSettings;
};

const PURGE_INTERVAL_MS = 15 * 60_000;
const jsonBodyModule = moduleBeside("./json-body.ts", import.meta.url);

/**
 * SQLSTATE classes 22 (data exception) and 23 (integrity constraint) are the caller's bad data, not our fault;
 * a deadlock or serialization failure (40P01, 40001) left nothing written and may simply be tried again.
 */
type DatabaseError = Error & { severity: string; code: string; column?: string };

function databaseErrorBody(error: DatabaseError) {
  const field = error.column ? `Fältet "${error.column}": ` : "";
  const details = error.column ? { details: { problems: [{ field: error.column }] } } : {};
  if (error.code.startsWith("22")) {
    return {
      status: 400,
      body: {
        code: "validation",
        message: `${field}Ett värde har fel form eller ligger utanför tillåtna gränser.`,
        ...details,
      },
    };
  }
  switch (error.code) {
    // Class 40: two transactions collided (deadlock, serialization); the database undid this one whole.
    case "40P01":
    case "40001":
      return {
        status: 409,
        body: {
          code: "conflict",
          message: "Ändringen krockade med en samtidig ändring och sparades inte. Försök igen.",
        },
      };
    case "23505":
      return { status: 409, body: { code: "conflict", message: "Uppgiften finns redan." } };
    case "23502":
      return {
        status: 400,
        body: { code: "validation", message: `${field}Ett obligatoriskt värde saknas.`, ...details },
      };
    case "23514":
      return { status: 400, body: { code: "validation", message: "Ett värde bryter mot en regel för uppgiften." } };
    default:
      // 23503 and the rest: the row refers to something missing, or is still referred to.
      return {
        status: 409,
        body: { code: "conflict", message: "Ändringen krockar med andra uppgifter som saknas eller hänvisar hit." },
      };
  }
}

// pg's DatabaseError and PGlite's both carry the SQLSTATE in `code` next to `severity`.
const isDatabaseError = (error: unknown): error is DatabaseError =>
  error instanceof Error &&
  "severity" in error &&
  "code" in error &&
  typeof error.code === "string" &&
  /^(2[23][0-9A-Z]{3}|40P01|40001)$/.test(error.code);

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
  if (isDatabaseError(error)) return databaseErrorBody(error);
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
    case "FST_ERR_BAD_URL":
      return { status: 400, body: { code: "validation", message: "Adressen har ogiltig procentkodning." } };
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

/** The first string (value or key) holding U+0000, which PostgreSQL cannot store in text. */
function fieldWithNul(value: unknown): string | null {
  const stack: [unknown, string][] = [[value, ""]];
  while (stack.length) {
    const [item, at] = stack.pop() as [unknown, string];
    if (typeof item === "string") {
      if (item.includes("\u0000")) return at || "(hela värdet)";
    } else if (item && typeof item === "object" && !ArrayBuffer.isView(item)) {
      // Raw uploads (Buffers) are files whose parsers judge their bytes; walking them byte by byte stalls.
      for (const [key, child] of Object.entries(item)) {
        const field = at ? `${at}.${key}` : key;
        if (key.includes("\u0000")) return field;
        stack.push([child, field]);
      }
    }
  }
  return null;
}

function refuseNul(request: FastifyRequest): void {
  for (const [what, value] of [
    ["Sökvägen är ogiltig", request.params],
    ["Frågan är ogiltig", request.query],
    ["Innehållet är ogiltigt", request.body],
  ] as const) {
    const field = fieldWithNul(value);
    if (field === null) continue;
    const problems: FieldProblem[] = [{ field, message: "innehåller ett otillåtet nolltecken (NUL)." }];
    throw validationError(what, problems);
  }
}

/** The path as a router-agnostic client means it, so "/%61pi/" and "//API/" count as the API. */
function looksLikeApi(url: string): boolean {
  const pathname = url.split("?")[0] ?? "";
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // Invalid percent-encoding: judge the raw text.
  }
  const collapsed = decoded.replace(/\/+/g, "/").toLowerCase();
  return collapsed === "/api" || collapsed.startsWith("/api/");
}

/**
 * Fastify 5 treats a bare hop count as "trust nothing" (it cannot check the nearest peer), so a count
 * becomes an explicit rule: believe that many X-Forwarded-For hops. Only safe when Lots is reachable
 * through the proxy alone; an address list is the safer choice.
 */
function trustProxyOption(value: ServerOptions["trustProxy"]) {
  if (typeof value !== "number") return value ?? false;
  return (_address: string, hop: number) => hop < value;
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const retention: RetentionSettings = {
    sessionIdleMinutes: options.retention?.sessionIdleMinutes ?? 60,
    failedLoginRetentionDays: options.retention?.failedLoginRetentionDays ?? 90,
  };
  const app = Fastify({
    logger: { level: options.logLevel ?? "info" },
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    trustProxy: trustProxyOption(options.trustProxy),
    // Errors raised before routing (an invalid percent-escape in the path) get the same Swedish body.
    frameworkErrors: (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
      const { status, body } = errorBody(error);
      reply.code(status).header("cache-control", "no-store").send(body);
    },
  });
  app.decorate("lots", {
    db: options.database,
    replica: options.replica ? readReplica(options.database, options.replica) : null,
    secureCookies: options.secureCookies ?? false,
    openApiRoutes: [],
    sessionIdleMinutes: retention.sessionIdleMinutes,
    sessions: new SessionCache<LiveSession>(options.database.notices),
    answers: options.database.notices && !options.replica ? new AnswerCache(options.database.notices) : null,
    signIn: {
      localLogin: options.signIn?.localLogin ?? true,
      oidc: options.signIn?.oidc ? oidcClient(options.signIn.oidc) : null,
    },
  });
  app.decorateRequest("actor", null);
  app.decorateRequest("session", null);

  addSecurityHeaders(app, {
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
  rememberWrites(app);

  // JSON in UTF-8 only: invalid bytes would otherwise turn silently into U+FFFD and be stored. Large bodies
  // (file uploads) are parsed in a worker thread so the server keeps answering meanwhile.
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (request, body, done) => {
    const charset = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(request.headers["content-type"] ?? "")?.[1];
    if (charset !== undefined && !/^utf-?8$/i.test(charset)) {
      done(new DomainError("validation", `Teckenkodningen "${charset}" stöds inte; skicka innehållet som UTF-8.`));
      return;
    }
    const bytes = body as Buffer;
    if (bytes.length <= OFF_THREAD_JSON_BYTES) {
      try {
        done(null, parseJsonBody(bytes));
      } catch (error) {
        done(error as Error);
      }
      return;
    }
    runInWorker({
      module: jsonBodyModule,
      fn: "parseJsonBody",
      input: bytes,
      transfer: movable(bytes),
      maxHeapMb: 1024,
      tooLargeMessage: "Innehållet är för stort för att läsas.",
    }).then(
      (value) => done(null, value),
      (error: Error) => done(error),
    );
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { status, body } = errorBody(error);
    if (status >= 500) request.log.error(error);
    else if (isDatabaseError(error)) request.log.warn({ err: error }, "database refused the request's data");
    reply.code(status).send(body);
  });

  // Any API answer may carry personal data, errors included; only the web UI's own files may be cached.
  app.addHook("onSend", async (request, reply) => {
    if (!request.routeOptions.config?.webAsset) reply.header("cache-control", "no-store");
  });

  const sessionCookies = new VerifiedCookies((raw) => {
    const unsigned = app.unsignCookie(raw);
    return unsigned.valid && unsigned.value ? sessionIdOf(unsigned.value) : null;
  });
  // Public or protected is decided by the matched route itself, never by the URL text: "/%61pi/…" and
  // "/api/…" reach the same handler. Unmatched URLs fall through to the 404 handler.
  app.addHook("onRequest", async (request) => {
    if (!request.routeOptions.url || request.routeOptions.config?.public) return;
    const raw = request.cookies[SESSION_COOKIE];
    const id = raw ? sessionCookies.sessionId(raw) : null;
    const session = id ? await sessionActor(app.lots.db.db, id, app.lots.sessionIdleMinutes, app.lots.sessions) : null;
    if (!session) throw new DomainError("unauthenticated", "Du är inte inloggad.");
    if (needsCsrf(request.method)) {
      const header = request.headers[CSRF_HEADER];
      if (typeof header !== "string" || !constantTimeEqual(header, session.csrfToken)) {
        throw new DomainError("forbidden", "CSRF-token saknas eller är ogiltig. Ladda om sidan.");
      }
    }
    request.session = session;
    request.actor = session.actor;
  });

  app.addHook("preValidation", async (request) => refuseNul(request));

  // Expired and idle sessions and old failed logins go at start and then every quarter hour.
  let purging: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const purge = () => {
    purging = purgeExpired(app.lots.db.db, retention).catch((error) => app.log.error(error));
    return purging;
  };
  app.addHook("onReady", async () => {
    await purge();
    timer = setInterval(purge, PURGE_INTERVAL_MS);
    timer.unref();
  });
  app.addHook("onClose", async () => {
    clearInterval(timer);
    app.lots.sessions.close();
    app.lots.answers?.close();
    await purging;
    // The PDF printer's browser is launched on the first PDF and ends with the server.
    await closePdfBrowser();
  });

  // Reminders by e-mail: the job runs at start and then on its interval, only while mail is configured.
  const reminderMail = options.reminders?.mail;
  if (options.reminders && reminderMail) {
    const { deadlines } = options.reminders;
    let reminderJob: { stop: () => Promise<void> } | undefined;
    app.addHook("onReady", async () => {
      reminderJob = startReminderJob(
        () => runConfiguredReminders(app.lots.db.db, deadlines, reminderMail),
        reminderMail.intervalMinutes,
        (error) => app.log.error(error),
      );
    });
    app.addHook("onClose", async () => reminderJob?.stop());
  }

  let openApi: ReturnType<typeof openApiDocument> | undefined;
  route(
    app,
    {
      method: "GET",
      url: "/api/openapi.json",
      public: true,
      tag: "Drift",
      summary: "Den här API-beskrivningen (OpenAPI 3.1)",
      response: openApiResponse,
    },
    // Every route is registered before the server listens: the document, built on first request, is final.
    async () => (openApi ??= openApiDocument(app.lots.openApiRoutes, SESSION_COOKIE)),
  );
  route(
    app,
    {
      method: "GET",
      url: "/api/health",
      public: true,
      tag: "Drift",
      summary: "Svarar servern och databasen?",
      response: healthResponse,
    },
    async ({ db }) => ({ status: "ok" as const, engine: app.lots.db.engine, postgres: await databaseVersion(db) }),
  );

  await app.register(authRoutes);
  await app.register(oidcRoutes);
  await app.register(auditRoutes, { labels: options.auditLabels });
  await app.register(accessRoutes);
  if (options.reminders) await app.register(reminderRoutes(options.reminders));
  for (const routes of options.routes) await app.register(routes);

  const webRoot = options.webRoot;
  const indexHtml = webRoot ? path.join(path.resolve(webRoot), "index.html") : null;
  const hasWeb = indexHtml !== null && fs.existsSync(indexHtml);
  if (webRoot && hasWeb) {
    // The web UI's files are the only routes open without a declaration of their own.
    await app.register(async (web) => {
      web.addHook("onRoute", (routeOptions) => {
        routeOptions.config = { ...routeOptions.config, public: true, webAsset: true };
      });
      await web.register(fastifyStatic, { root: path.resolve(webRoot), wildcard: false });
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    if (looksLikeApi(request.url) || !hasWeb || !indexHtml || request.method !== "GET") {
      return reply.code(404).send({ code: "not_found", message: "Adressen finns inte." });
    }
    return reply.type("text/html").send(await fs.promises.readFile(indexHtml));
  });
  return app;
}
