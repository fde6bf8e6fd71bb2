/**
 * Test helpers over the OpenAPI document: the operations with their declared permission, JSON schema →
 * fast-check arbitraries (valid values and hostile ones), and real record ids for `{id}` path parameters.
 * Used by the role × route test and the fuzz test; new routes join both through the document.
 */
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { type Kysely, sql } from "kysely";
import type { RoutePermission } from "../platform/http/endpoint.ts";
import type { AppDB } from "./capabilities.ts";

export type JsonSchema = {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
};

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export type ApiParameter = { name: string; in: "path" | "query"; required: boolean; schema: JsonSchema };
export type ApiOperation = {
  method: Method;
  path: string;
  label: string;
  tag: string;
  public: boolean;
  /** Undefined when a route forgot to declare it (the role test fails on that). */
  permission: RoutePermission | undefined;
  parameters: ApiParameter[];
  body: JsonSchema | undefined;
};

type RawOperation = {
  tags?: string[];
  security?: unknown[];
  "x-permission"?: RoutePermission;
  parameters?: ApiParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};

export async function apiOperations(app: FastifyInstance): Promise<ApiOperation[]> {
  const doc = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
    paths: Record<string, Record<string, RawOperation>>;
  };
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase() as Method,
      path,
      label: `${method.toUpperCase()} ${path}`,
      tag: op.tags?.[0] ?? "",
      public: op.security?.length === 0,
      permission: op["x-permission"],
      parameters: op.parameters ?? [],
      body: op.requestBody?.content?.["application/json"]?.schema,
    })),
  );
}

// ---------------------------------------------------------------- records behind {id}

/** The table of the record a `{id}` names, keyed by the path segment before it. A new kind of record goes here. */
const recordTables: Record<string, keyof AppDB & string> = {
  nodes: "org_node",
  users: "app_user",
  roles: "role_assignment",
  scales: "styrning_scale",
  models: "goal_model",
  goals: "goal",
  indicators: "indicator",
  locks: "period_lock",
  directives: "directive",
  activities: "activity",
  insatser: "evb_insats",
  codes: "evb_code",
  decisions: "evb_decision",
  offers: "evb_offer",
  interruptions: "evb_interruption",
  levels: "ekonomi_level",
  mappings: "ekonomi_code_mapping",
  forecasts: "ekonomi_forecast",
  figures: "ekonomi_figure",
  investments: "ekonomi_investment",
  reallocations: "ekonomi_reallocation",
  entries: "ekonomi_fund_entry",
  typer: "kvalitet_event_type",
  orsaker: "kvalitet_cause",
  handelser: "kvalitet_event",
  risker: "kvalitet_plan_risk",
  egenkontroller: "kvalitet_egenkontroll",
  atgarder: "kvalitet_atgard",
  riskanalys: "kvalitet_ik_risk",
  granskningar: "kvalitet_ik_granskning",
  "lex-sarah": "kvalitet_lex_sarah",
  klagomal: "kvalitet_complaint",
  tillsyner: "kvalitet_inspection",
  processer: "kvalitet_process",
  arenden: "namnd_case",
  dokument: "namnd_document",
  organ: "namnd_body",
  sammantraden: "namnd_meeting",
  publiceringar: "namnd_publication",
  namnd: "org_node",
  domar: "namnd_ruling",
  skrivelser: "namnd_letter",
  motioner: "namnd_motion",
  uppdrag: "namnd_assignment",
  revision: "namnd_audit",
  tjansteskrivelser: "namnd_memo",
  foreningsbidrag: "namnd_grant_year",
  bidragsansokningar: "namnd_grant_application",
  instanser: "rapport_instance",
  rapporter: "rapport_instance",
  "oppna-data": "open_data_publication",
};

/** Where two capabilities use the same segment, the capability's own table (by the path's start). */
const recordTablesByPrefix: Record<string, keyof AppDB & string> = {
  "/api/styrning/uppdrag/": "styrning_uppdrag",
  "/api/kvalitet/lex-sarah/lists/": "kvalitet_lex_sarah_list",
  "/api/kvalitet/tillsyner/typer/": "kvalitet_inspection_type",
};

export function recordTable(path: string): string | undefined {
  const prefixed = Object.entries(recordTablesByPrefix).find(([prefix]) => path.startsWith(prefix));
  if (prefixed) return prefixed[1];
  const segment = /\/([^/]+)\/\{id\}/.exec(path)?.[1];
  return segment ? recordTables[segment] : undefined;
}

export type RecordRef = { id: string; path: string };

/**
 * Records of `table` with the path of the node each belongs to (org_node is its own node), deepest first.
 * `exclude` keeps records the caller must not change (the test's own accounts and organisation).
 */
export async function recordsOf(
  db: Kysely<AppDB>,
  table: string,
  options: { under?: string; exclude?: string[]; limit?: number } = {},
): Promise<RecordRef[]> {
  const node = table === "org_node" ? sql.ref("t.id") : sql.ref("t.org_node_id");
  const exclude = options.exclude?.length ? options.exclude : ["00000000-0000-0000-0000-000000000000"];
  const result = await sql<RecordRef>`
    select t.id::text as id, n.path from ${sql.table(table)} t join org_node n on n.id = ${node}
    where n.path like ${`${options.under ?? "/"}%`} and t.id::text not in (${sql.join(exclude)})
    order by length(n.path) desc, t.id limit ${options.limit ?? 1}`.execute(db);
  return result.rows;
}

// ---------------------------------------------------------------- values from schemas

const dateText = fc
  .date({ min: new Date("2015-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const nullable = (schema: JsonSchema) => schema.anyOf?.find((s) => s.type !== "null") ?? schema;

/** Values the schema accepts (zod refinements the JSON schema cannot express aside). */
export function validArbitrary(schema: JsonSchema, options: { requiredOnly?: boolean } = {}): fc.Arbitrary<unknown> {
  const valid = (s: JsonSchema) => validArbitrary(s, options);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.anyOf || schema.oneOf) return fc.oneof(...(schema.anyOf ?? schema.oneOf ?? []).map(valid));
  if (schema.allOf?.[0]) return valid(schema.allOf[0]);
  switch (schema.type) {
    case "string": {
      if (schema.format === "date") return dateText;
      if (schema.format === "date-time") return dateText.map((d) => `${d}T12:00:00Z`);
      if (schema.format === "uuid") return fc.uuid({ version: 4 });
      // zod's e-mail pattern uses lookaheads, which fast-check cannot generate from.
      if (schema.format === "email") return fc.constantFrom("a@example.org", "fornamn.efternamn@kommun.se");
      if (schema.pattern) {
        const max = schema.maxLength ?? 200;
        return fc
          .stringMatching(new RegExp(schema.pattern))
          .filter((v) => v.length >= (schema.minLength ?? 0) && v.length <= max);
      }
      return fc.string({
        minLength: Math.max(schema.minLength ?? 0, 1),
        maxLength: Math.min(schema.maxLength ?? 40, 40),
      });
    }
    case "integer":
      return fc.integer({
        min: Math.max(schema.minimum ?? -1_000_000, Number.MIN_SAFE_INTEGER),
        max: Math.min(schema.maximum ?? 1_000_000, Number.MAX_SAFE_INTEGER),
      });
    case "number":
      return fc.double({
        min: schema.minimum ?? schema.exclusiveMinimum ?? -1e6,
        max: schema.maximum ?? schema.exclusiveMaximum ?? 1e6,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(schema.items ? valid(schema.items) : fc.constant(null), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 3, Math.max(schema.minItems ?? 0, 3)),
      });
    case "object": {
      const required = new Set(schema.required ?? []);
      const entries = Object.entries(schema.properties ?? {}).filter(([k]) => !options.requiredOnly || required.has(k));
      return fc.record(Object.fromEntries(entries.map(([k, s]) => [k, valid(s)])), {
        requiredKeys: entries.map(([k]) => k).filter((k) => required.has(k) || options.requiredOnly),
      });
    }
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

export type SampleOptions = {
  /** Values for properties and parameters by name, at any depth (real ids, the demo year). */
  byName: Record<string, unknown>;
  /** The date for every date field. */
  date: string;
};

/** Properties a PATCH sample sets when its schema requires none (an empty patch is refused); else its first. */
const patchFields = ["title", "name", "displayName", "label", "comment", "note"];

/** One valid value for a schema, the same on every run: required properties only, first enum values. */
export function sampleValue(schema: JsonSchema, options: SampleOptions, name?: string): unknown {
  if (name && name in options.byName) return options.byName[name];
  const s = nullable(schema);
  if (s.type === "object" && s.properties) {
    const props = Object.keys(s.properties);
    const known = props.filter((k) => patchFields.includes(k));
    const wanted = new Set(s.required?.length ? s.required : (known.length ? known : props).slice(0, 1));
    return Object.fromEntries(
      Object.entries(s.properties)
        .filter(([k]) => wanted.has(k) || k in options.byName)
        .map(([k, p]) => [k, sampleValue(p, options, k)]),
    );
  }
  if (s.type === "array" && s.items) {
    return Array.from({ length: Math.max(s.minItems ?? 0, 1) }, () => sampleValue(s.items as JsonSchema, options));
  }
  if (s.default !== undefined) return s.default;
  if (s.enum) return s.enum[0];
  if (s.format === "date") return options.date;
  return fc.sample(validArbitrary(s, { requiredOnly: true }), { seed: 7, numRuns: 1 })[0];
}

// Hostile leaves: wrong types, control and odd unicode characters, huge and tiny numbers, impossible dates.
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    0,
    -1,
    -0,
    1.5,
    1e308,
    -1e308,
    2 ** 53 + 2,
    2 ** 31,
    "",
    " ",
    "\u0000",
    "a\u0000b",
    "\uD800",
    "\uFFFF",
    "\u202Eevil",
    "😀",
    "Å".repeat(300),
    "x".repeat(70_000),
    "2023-02-30",
    "2023-13-01",
    "0000-00-00",
    "9999-12-31",
    "-1",
    "1e400",
    "NaN",
    "Infinity",
    "__proto__",
    "'; drop table org_node; --",
    "%00",
    "../../etc/passwd",
    "2023Q9",
    "2023-T9",
    "00000000-0000-0000-0000-000000000000",
    [],
    {},
    [null],
  ),
  fc.uuid(),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 2 }),
);

/**
 * Mostly well-formed values with hostile ones mixed in at every depth, missing and extra properties included.
 * `known` gives real values for properties by name (existing node ids), so requests also reach past validation.
 */
export function fuzzArbitrary(
  schema: JsonSchema,
  known: Record<string, fc.Arbitrary<unknown>> = {},
  depth = 0,
): fc.Arbitrary<unknown> {
  const s = nullable(schema);
  let shaped: fc.Arbitrary<unknown>;
  if (s.type === "object" && s.properties && depth < 4) {
    const props = Object.entries(s.properties);
    const field = (name: string, p: JsonSchema) => {
      const fuzzed = fuzzArbitrary(p, known, depth + 1);
      const real = known[name];
      return real ? fc.oneof({ weight: 3, arbitrary: real }, { weight: 1, arbitrary: fuzzed }) : fuzzed;
    };
    shaped = fc
      .tuple(
        fc.oneof(
          fc.record(Object.fromEntries(props.map(([k, p]) => [k, field(k, p)])), { requiredKeys: s.required ?? [] }),
          fc.record(Object.fromEntries(props.map(([k, p]) => [k, field(k, p)])), { requiredKeys: [] }),
          fc.constant({}),
        ),
        fc.dictionary(fc.string({ maxLength: 12 }), hostile, { maxKeys: 2 }),
        fc.boolean(),
      )
      .map(([fields, extra, addExtra]) => (addExtra ? { ...extra, ...fields } : fields));
  } else if (s.type === "array" && s.items && depth < 4) {
    shaped = fc.array(fuzzArbitrary(s.items, known, depth + 1), { maxLength: 4 });
  } else {
    shaped = validArbitrary(s);
  }
  return fc.oneof({ weight: 4, arbitrary: shaped }, { weight: 1, arbitrary: hostile });
}

/** The only routes reachable without logging in: the API description, the health check and the login. */
export const publicRoutes = [
  "GET /api/openapi.json",
  "GET /api/health",
  "POST /api/auth/login",
  "GET /api/auth/methods",
  "GET /api/auth/oidc/start",
  "GET /api/auth/oidc/callback",
  "GET /api/calendar/{file}",
  "GET /api/public/namnd",
  "GET /api/public/namnd/{id}",
  "GET /api/public/namnd/publiceringar/{id}",
  "GET /api/public/rapporter",
  "GET /api/public/rapporter/{id}",
  "GET /api/public/oppna-data",
  "GET /api/public/oppna-data/{id}",
  "GET /api/public/oppna-data/{id}/csv/{table}",
  "GET /api/public/oppna-data/{id}/kolada",
];
