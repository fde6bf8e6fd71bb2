import type { RateLimitOptions } from "@fastify/rate-limit";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Actor } from "../auth/access.ts";
import type { DB } from "../db/schema.ts";
import { parseInput } from "../validation.ts";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type RouteSpec<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType> = {
  method: Method;
  url: string;
  summary: string;
  tag: string;
  body?: B;
  query?: Q;
  params?: P;
  /** Public routes skip authentication (login, health); everything else needs a session. */
  public?: boolean;
  bodyLimit?: number;
  rateLimit?: RateLimitOptions;
};

export type RouteInput<B, Q, P> = {
  body: B;
  query: Q;
  params: P;
  actor: Actor;
  db: Kysely<DB>;
  request: FastifyRequest;
  reply: FastifyReply;
};

type OpenApiOperation = Record<string, unknown>;
export type OpenApiPaths = Record<string, Record<string, OpenApiOperation>>;

const toJsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { unrepresentable: "any", io: "input" });

function describe(spec: RouteSpec<z.ZodType, z.ZodType, z.ZodType>): OpenApiOperation {
  const parameters: unknown[] = [];
  for (const [where, schema] of [
    ["path", spec.params],
    ["query", spec.query],
  ] as const) {
    if (!schema) continue;
    const json = toJsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, propSchema] of Object.entries(json.properties ?? {})) {
      parameters.push({
        name,
        in: where,
        required: json.required?.includes(name) ?? false,
        schema: propSchema,
      });
    }
  }
  return {
    summary: spec.summary,
    tags: [spec.tag],
    ...(parameters.length ? { parameters } : {}),
    ...(spec.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: toJsonSchema(spec.body) } },
          },
        }
      : {}),
    ...(spec.public ? { security: [] } : {}),
    responses: { "200": { description: "OK" }, "4XX": { $ref: "#/components/responses/Error" } },
  };
}

export function openApiDocument(app: FastifyInstance) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Lots API",
      version: "0.1.0",
      description: "Styrning och uppföljning för socialtjänstens nämnd.",
    },
    components: {
      securitySchemes: { session: { type: "apiKey", in: "cookie", name: "lots_session" } },
      responses: {
        Error: {
          description: "Fel med svensk förklaring",
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["code", "message"],
                properties: { code: { type: "string" }, message: { type: "string" }, details: {} },
              },
            },
          },
        },
      },
    },
    security: [{ session: [] }],
    paths: app.lots.openApiPaths,
  };
}

const openApiPath = (url: string) => url.replace(/:([A-Za-z_]+)/g, "{$1}");

/**
 * Registers a route whose params, query and body are parsed by zod before the handler runs,
 * and records it in the OpenAPI document.
 */
export function route<
  B extends z.ZodType = z.ZodUndefined,
  Q extends z.ZodType = z.ZodUndefined,
  P extends z.ZodType = z.ZodUndefined,
>(
  app: FastifyInstance,
  spec: RouteSpec<B, Q, P>,
  handler: (input: RouteInput<z.infer<B>, z.infer<Q>, z.infer<P>>) => Promise<unknown>,
): void {
  // Shared by every plugin context (decorated object), so routes from all capabilities land in one document.
  const paths = app.lots.openApiPaths;
  const path = openApiPath(spec.url);
  paths[path] = { ...paths[path], [spec.method.toLowerCase()]: describe(spec) };

  app.route({
    method: spec.method,
    url: spec.url,
    ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
    config: { public: spec.public ?? false, ...(spec.rateLimit ? { rateLimit: spec.rateLimit } : {}) },
    handler: async (request, reply) => {
      const params = spec.params ? parseInput(spec.params, request.params, "Sökvägen") : undefined;
      const query = spec.query ? parseInput(spec.query, request.query, "Frågan") : undefined;
      const body = spec.body ? parseInput(spec.body, request.body, "Innehållet") : undefined;
      const result = await handler({
        body: body as z.infer<B>,
        query: query as z.infer<Q>,
        params: params as z.infer<P>,
        actor: request.actor as Actor,
        db: app.lots.db.db,
        request,
        reply,
      });
      return result === undefined ? reply.code(204).send() : result;
    },
  });
}
