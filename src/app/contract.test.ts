// The typed wire contract, read from the OpenAPI document of the whole application: every route says who
// may call it, and every route of a converted capability says what it answers, with camelCase keys.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../platform/db/database.ts";
import { buildApp } from "./server.ts";

type Operation = {
  tags: string[];
  security?: unknown[];
  "x-permission"?: string;
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
};

let database: Database;
let operations: Array<{ name: string; tag: string; operation: Operation }>;

beforeAll(async () => {
  // Registering the routes reads no table, so an empty in-memory database will do.
  database = await openDatabase({ memory: true });
  const app = await buildApp({ database, sessionSecret: "x".repeat(40), logLevel: "silent" });
  const doc = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
    paths: Record<string, Record<string, Operation>>;
  };
  await app.close();
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      name: `${method.toUpperCase()} ${path}`,
      tag: operation.tags[0] ?? "",
      operation,
    })),
  );
});

afterAll(() => database.close());

/** A JSON body with its schema, no content (204), or a file. */
function declaresResponse(operation: Operation): boolean {
  if (operation.responses["204"]) return true;
  const content = operation.responses["200"]?.content;
  return content !== undefined && Object.values(content).every((c) => c.schema !== undefined);
}

/** Every property name in a JSON schema, wherever it is nested. */
function propertyNames(schema: unknown): string[] {
  if (Array.isArray(schema)) return schema.flatMap(propertyNames);
  if (!schema || typeof schema !== "object") return [];
  const own = "properties" in schema && schema.properties ? Object.keys(schema.properties) : [];
  return [...own, ...Object.values(schema).flatMap(propertyNames)];
}

describe("the wire contract", () => {
  it("finds the routes of every capability", () => {
    const tags = new Set(operations.map((o) => o.tag));
    for (const tag of ["Ekonomi", "Organisation", "Admin", "Inloggning", "Styrning", "Ej verkställda beslut"]) {
      expect(tags, tag).toContain(tag);
    }
  });

  it("names, for every route, the permission it needs or that it is public", () => {
    const unguarded = operations.filter(
      ({ operation }) => !operation["x-permission"] && JSON.stringify(operation.security) !== "[]",
    );
    expect(unguarded.map((o) => o.name)).toEqual([]);
  });

  it("declares the response of every route", () => {
    const missing = operations.filter((o) => !declaresResponse(o.operation));
    expect(missing.map((o) => o.name)).toEqual([]);
  });

  it("sends camelCase keys from every route", () => {
    // Indicator values in Kolada's format keep Kolada's own keys (next_url), as Kolada's clients read them.
    const ours = operations.filter((o) => !o.name.endsWith("/kolada"));
    const offending = ours.flatMap((o) =>
      propertyNames(o.operation.responses).flatMap((key) =>
        /^[a-z][A-Za-z0-9]*$/.test(key) ? [] : [`${o.name}: ${key}`],
      ),
    );
    expect(offending).toEqual([]);
  });
});
