import type { RateLimitOptions } from "@fastify/rate-limit";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import { logPersonalDataAccess, noteAccess } from "../access/log.ts";
import { type Actor, canAnywhere } from "../auth/access.ts";
import type { Permission } from "../auth/roles.ts";
import { todayInSweden } from "../calendar.ts";
import type { AnyDb } from "../db/database.ts";
import { DomainError } from "../errors.ts";
import { parseInput, strictInput } from "../validation.ts";
import { type Endpoint, isSchema, type noContent, type RouteResponse } from "./endpoint.ts";
import { onReadSource } from "./read-routing.ts";

/** Completes "Du saknar behörighet att …" for the refusal of a caller without the permission anywhere. */
const permissionText: Record<Permission, string> = {
  read: "läsa uppgifterna",
  "read:personal": "läsa personuppgifter",
  "read:kvalitet": "läsa avvikelser och lex Sarah-ärenden",
  "write:styrning": "ändra styrningen (mål, indikatorer, aktiviteter)",
  "write:ekonomi": "ändra ekonomin",
  "write:evb": "ändra registret över ej verkställda beslut",
  "write:kvalitet": "ändra kvalitetsarbetet",
  "write:namnd": "ändra nämndadministrationen",
  admin: "administrera organisation och användare",
};

/**
 * Server-side settings of a route that are no part of the wire contract. `replica`: a heavy read (report,
 * statistics, export) that the read replica may answer; its handler must not write (the access log excepted).
 * `held`: a heavy read with a JSON answer that depends on nothing but the data, the caller, the URL and the day
 * (no clock time, no headers set): the answer is held in memory until data changes (answer-cache.ts).
 */
export type RouteOptions = { bodyLimit?: number; rateLimit?: RateLimitOptions; replica?: boolean; held?: boolean };

/** What the handler of a route with response `R` returns. */
// biome-ignore lint/suspicious/noConfusingVoidType: a handler's result; a service declared Promise<void> (a delete) must fit noContent.
export type AnswerOf<R> = R extends z.ZodType ? z.input<R> : R extends typeof noContent ? void : unknown;

/** A part of the input after parsing (defaults applied, strings coerced). */
type Parsed<E, K extends "params" | "query" | "body"> = E extends { [P in K]: infer S extends z.ZodType }
  ? z.infer<S>
  : undefined;

export type RouteInput<B, Q, P> = {
  body: B;
  query: Q;
  params: P;
  actor: Actor;
  db: AnyDb;
  request: FastifyRequest;
  reply: FastifyReply;
};

/** Whether a held read's answer was computed for this request or given out from memory (for operators, tests). */
export const HELD_HEADER = "x-lots-answer";
const JSON_TYPE = "application/json; charset=utf-8";

/**
 * Registers a route whose params, query and body are parsed by zod before the handler runs,
 * and records it in the OpenAPI document. Input objects are strict (strictInput): a field the
 * endpoint does not declare is refused by name, never dropped silently.
 */
export function route<E extends Endpoint>(
  app: FastifyInstance,
  spec: E,
  handler: (
    input: RouteInput<Parsed<E, "body">, Parsed<E, "query">, Parsed<E, "params">>,
  ) => Promise<AnswerOf<E["response"]>>,
  options: RouteOptions = {},
): void {
  // Shared by every plugin context (decorated object), so routes from all capabilities land in one document.
  app.lots.openApiRoutes.push({ spec, replica: options.replica ?? false });
  const params = spec.params && strictInput(spec.params);
  const query = spec.query && strictInput(spec.query);
  const body = spec.body && strictInput(spec.body);
  if ((options.replica || options.held) && spec.method !== "GET")
    throw new Error(`${spec.method} ${spec.url}: only a GET may read the replica or be held`);

  app.route({
    method: spec.method,
    url: spec.url,
    ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}),
    config: { public: spec.public ?? false, ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}) },
    handler: async (request, reply) => {
      const actor = request.actor;
      if (!spec.public) {
        if (!actor) throw new DomainError("unauthenticated", "Du är inte inloggad.");
        // Refused before the input is read: a caller without the right anywhere learns nothing about the data.
        if (spec.permission !== "authenticated" && !canAnywhere(actor, spec.permission)) {
          throw new DomainError("forbidden", `Du saknar behörighet att ${permissionText[spec.permission]}.`);
        }
      }
      const parsedParams = params && parseInput(params, request.params, "Sökvägen är ogiltig");
      const parsedQuery = query && parseInput(query, request.query, "Frågan är ogiltig");
      if (body && request.body === undefined) {
        throw new DomainError("validation", "Innehållet saknas: skicka uppgifterna som JSON (application/json).");
      }
      const parsedBody = body && parseInput(body, request.body, "Innehållet är ogiltigt");
      const run = (db: AnyDb) =>
        handler({
          body: parsedBody as Parsed<E, "body">,
          query: parsedQuery as Parsed<E, "query">,
          params: parsedParams as Parsed<E, "params">,
          actor: actor as Actor,
          db,
          request,
          reply,
        });
      const answers = app.lots.answers;
      if (options.held && actor && answers) {
        const read = async () => {
          const { result, entries } = await noteAccess(() => run(app.lots.db.db));
          if (CHECK_ANSWERS) checkAnswer(spec, result);
          return { payload: JSON.stringify(result), entries };
        };
        const key = `${actor.id}\n${todayInSweden()}\n${request.url}`;
        const held = answers.get(key);
        const { answer, fresh } = held ? { answer: held, fresh: false } : await answers.load(key, read);
        for (const entry of fresh ? [] : answer.entries) await logPersonalDataAccess(app.lots.db.db, actor, entry);
        return reply
          .header(HELD_HEADER, fresh ? "computed" : "held")
          .type(JSON_TYPE)
          .send(answer.payload);
      }
      const result = options.replica ? await onReadSource(app, request, reply, run) : await run(app.lots.db.db);
      if (CHECK_ANSWERS) checkAnswer(spec, result);
      return result === undefined ? reply.code(204).send() : result;
    },
  });
}

// Under test every answer is held against its declared schema, so the OpenAPI document cannot drift
// from what the routes really send. In production the check would only cost time.
const CHECK_ANSWERS = Boolean(process.env.VITEST);

/** Throws (a 500 in the test that called the route) when an answer does not match its declared response. */
function checkAnswer(spec: { method: string; url: string; response: RouteResponse }, result: unknown): void {
  const { response } = spec;
  const where = `${spec.method} ${spec.url}`;
  if (!isSchema(response)) {
    if (response.kind === "noContent" && result !== undefined)
      throw new Error(`${where}: answered a body, declared none`);
    return;
  }
  const wire: unknown = result === undefined ? undefined : JSON.parse(JSON.stringify(result));
  const parsed = response.safeParse(wire);
  if (!parsed.success)
    throw new Error(`${where}: the answer does not match its response schema: ${parsed.error.message}`);
  const extra = undeclaredKey(wire, parsed.data, "");
  if (extra !== null)
    throw new Error(`${where}: the answer has a field its response schema does not declare: ${extra}`);
}

/** The first key of `sent` that parsing dropped (zod strips unknown keys): a field the schema does not declare. */
function undeclaredKey(sent: unknown, kept: unknown, at: string): string | null {
  if (Array.isArray(sent) && Array.isArray(kept)) {
    for (let i = 0; i < sent.length; i++) {
      const found = undeclaredKey(sent[i], kept[i], `${at}[${i}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (sent && typeof sent === "object" && kept && typeof kept === "object") {
    for (const [key, value] of Object.entries(sent)) {
      if (!(key in kept)) return `${at}.${key}`;
      const found = undeclaredKey(value, (kept as Record<string, unknown>)[key], `${at}.${key}`);
      if (found !== null) return found;
    }
  }
  return null;
}
