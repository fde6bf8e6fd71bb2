// The typed wire contract, read from the OpenAPI document of the whole application: every route says who
// may call it, and every route of a converted capability says what it answers, with camelCase keys.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../platform/db/database.ts";
import { buildApp } from "./server.ts";

/**
 * Tags whose routes do not declare their response yet. Each entry is checked to still have such a route,
 * so a tag leaves this list as soon as it is converted; the list ends empty and goes away with this test.
 */
const notYetConverted = ["Styrning", "Ej verkställda beslut"];

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

const converted = (tag: string) => !notYetConverted.includes(tag);

describe("the wire contract", () => {
  it("finds the routes of every capability", () => {
    const tags = new Set(operations.map((o) => o.tag));
    for (const tag of ["Ekonomi", "Organisation", "Admin", "Inloggning", ...notYetConverted]) {
      expect(tags, tag).toContain(tag);
    }
  });

  it("names, for every route, the permission it needs or that it is public", () => {
    const unguarded = operations.filter(
      ({ operation }) => !operation["x-permission"] && JSON.stringify(operation.security) !== "[]",
    );
    expect(unguarded.map((o) => o.name)).toEqual([]);
  });

  it("declares the response of every route of a converted tag", () => {
    const missing = operations.filter((o) => converted(o.tag) && !declaresResponse(o.operation));
    expect(missing.map((o) => o.name)).toEqual([]);
  });

  it("sends camelCase keys from every converted route", () => {
    const offending = operations
      .filter((o) => converted(o.tag))
      .flatMap((o) =>
        propertyNames(o.operation.responses).flatMap((key) =>
          /^[a-z][A-Za-z0-9]*$/.test(key) ? [] : [`${o.name}: ${key}`],
        ),
      );
    expect(offending).toEqual([]);
  });

  it("still has unconverted routes under each tag listed as not yet converted", () => {
    const remaining = notYetConverted.map((tag) => ({
      tag,
      routes: operations.filter((o) => o.tag === tag && !declaresResponse(o.operation)).length,
    }));
    console.info(
      `Routes without a declared response: ${remaining.map((r) => `${r.tag} ${r.routes}`).join(", ") || "none"}`,
    );
    expect(remaining.filter((r) => r.routes === 0).map((r) => r.tag)).toEqual([]);
  });
});
