// The OpenAPI 3.1 document: each route describes itself when registered (route()), and the document adds
// how a caller authenticates: the session cookie from login, and the CSRF header on every change.
import { z } from "zod";
import { login, me } from "../auth/api.ts";
import { strictInput } from "../validation.ts";
import { CSRF_HEADER, needsCsrf } from "./csrf.ts";
import { type Endpoint, isSchema, type RouteResponse } from "./endpoint.ts";

type OpenApiOperation = Record<string, unknown>;
type OpenApiPaths = Record<string, Record<string, OpenApiOperation>>;
/** A registered route, described when the document is first asked for: converting every schema at start took
 * a tenth of a second's start for a document few callers read. */
export type OpenApiRoute = { spec: Endpoint; replica: boolean };

/** The names of the security schemes, as operations refer to them. */
export const SESSION_SCHEME = "session";
export const CSRF_SCHEME = "csrf";

/**
 * A schema's JSON Schema, converted once per process: the route schemas are module constants, and converting
 * them again for every app built (each test file builds one) was most of the time it took. Read-only.
 */
function converter(io: "input" | "output", prepare: (schema: z.ZodType) => z.ZodType = (schema) => schema) {
  const converted = new WeakMap<z.ZodType, Record<string, unknown>>();
  return (schema: z.ZodType) => {
    let json = converted.get(schema);
    if (!json) {
      json = z.toJSONSchema(prepare(schema), { unrepresentable: "any", io }) as Record<string, unknown>;
      converted.set(schema, json);
    }
    return json;
  };
}
// Inputs are described as the server parses them: objects refuse fields they do not declare.
const toJsonSchema = converter("input", strictInput);
const outputJsonSchema = converter("output");

function describeResponse(response: RouteResponse): Record<string, unknown> {
  if (isSchema(response)) {
    const schema = outputJsonSchema(response);
    return { description: "OK", content: { "application/json": { schema } } };
  }
  if (response.kind === "file") {
    const file = { schema: { type: "string", format: "binary" } };
    return { description: "Fil", content: Object.fromEntries(response.mediaTypes.map((type) => [type, file])) };
  }
  return { description: "Inget innehåll" };
}

/** What an operation demands: nothing when public, else the session, and for a change the CSRF header too. */
function security(spec: Endpoint) {
  if (spec.public) return [];
  return [needsCsrf(spec.method) ? { [SESSION_SCHEME]: [], [CSRF_SCHEME]: [] } : { [SESSION_SCHEME]: [] }];
}

function describeOperation(spec: Endpoint): OpenApiOperation {
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
    ...(spec.upload
      ? {
          requestBody: {
            required: true,
            content: Object.fromEntries(
              spec.upload.map((type) => [type, { schema: { type: "string", format: "binary" } }]),
            ),
          },
        }
      : {}),
    security: security(spec),
    ...(spec.public ? {} : { "x-permission": spec.permission }),
    responses: {
      [!isSchema(spec.response) && spec.response.kind === "noContent" ? "204" : "200"]: describeResponse(spec.response),
      "4XX": { $ref: "#/components/responses/Error" },
    },
  };
}

const openApiPath = (url: string) => url.replace(/:([A-Za-z_]+)/g, "{$1}");

function describePaths(routes: readonly OpenApiRoute[]): OpenApiPaths {
  const paths: OpenApiPaths = {};
  for (const { spec, replica } of routes) {
    const path = openApiPath(spec.url);
    // The extension tells API users (and the replica test) which reads a replica may answer.
    const operation = { ...describeOperation(spec), ...(replica ? { "x-lots-read": "replica" } : {}) };
    paths[path] = { ...paths[path], [spec.method.toLowerCase()]: operation };
  }
  return paths;
}

/** The whole document; `sessionCookie` names the cookie login sets. */
export function openApiDocument(routes: readonly OpenApiRoute[], sessionCookie: string) {
  const paths = describePaths(routes);
  return {
    openapi: "3.1.0",
    info: {
      title: "Lots API",
      version: "0.1.0",
      description:
        "Styrning och uppföljning för socialtjänstens nämnd.\n\n" +
        `Inloggning: POST ${login.url} med användarnamn och lösenord. Svaret sätter sessionscookien ` +
        `${sessionCookie} och innehåller csrfToken. Skicka cookien med varje anrop, och på varje anrop som ` +
        `ändrar något (POST, PUT, PATCH, DELETE) även csrfToken i huvudet ${CSRF_HEADER}. ` +
        `GET ${me.url} svarar samma csrfToken för en pågående session.\n\n` +
        "Fält som ett anrop inte känner till avvisas med 400 och ett meddelande som namnger fältet.",
    },
    components: {
      securitySchemes: {
        [SESSION_SCHEME]: {
          type: "apiKey",
          in: "cookie",
          name: sessionCookie,
          description: `Sessionscookien som POST ${login.url} sätter.`,
        },
        [CSRF_SCHEME]: {
          type: "apiKey",
          in: "header",
          name: CSRF_HEADER,
          description:
            `csrfToken ur svaret från POST ${login.url} (eller GET ${me.url}); ` +
            "krävs på anrop som ändrar något (POST, PUT, PATCH, DELETE).",
        },
      },
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
    security: [{ [SESSION_SCHEME]: [] }],
    paths,
  };
}
