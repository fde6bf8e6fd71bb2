// Every field a person can get wrong is named for people: each input field of every route (body, query,
// path) carries a Swedish label (`labelled()` in platform/validation.ts, a `title` in the OpenAPI document),
// which refusals print instead of the internal name ("Erbjudanden, rad 2 – Erbjudet datum", not
// "offers.1.date"). Every capability is labelled: a new field without a label fails here.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../platform/db/database.ts";
import { buildApp } from "./server.ts";

type Schema = {
  title?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
};
type Operation = {
  parameters?: { name: string; in: string; schema: Schema }[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
};

let database: Database;
let unlabelled: Map<string, string[]>;

/** The schema's own title, or one of the alternatives' (a nullable field is anyOf [field, null]). */
const titleOf = (s: Schema): string | undefined =>
  s.title ?? [...(s.anyOf ?? []), ...(s.oneOf ?? [])].map(titleOf).find(Boolean);

/** Field paths under `schema` without a label (a labelled field's own sub-fields are checked too). */
function missing(schema: Schema, path: string): string[] {
  const alternatives = [schema, ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
  return alternatives.flatMap((s) => [
    ...Object.entries(s.properties ?? {}).flatMap(([key, field]) => [
      ...(titleOf(field) ? [] : [`${path}${key}`]),
      ...missing(field, `${path}${key}.`),
    ]),
    ...(s.items ? missing(s.items, `${path}[].`) : []),
  ]);
}

beforeAll(async () => {
  database = await openDatabase({ memory: true });
  const app = await buildApp({ database, sessionSecret: "x".repeat(40), logLevel: "silent" });
  const doc = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
    paths: Record<string, Record<string, Operation>>;
  };
  await app.close();
  unlabelled = new Map();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const fields = [
        ...(op.parameters ?? []).filter((p) => !titleOf(p.schema)).map((p) => `${p.in}:${p.name}`),
        ...Object.values(op.requestBody?.content ?? {}).flatMap((c) => (c.schema ? missing(c.schema, "body:") : [])),
      ];
      if (fields.length) unlabelled.set(`${method.toUpperCase()} ${path}`, fields);
    }
  }
});

afterAll(() => database.close());

describe("input fields are labelled for people", () => {
  it("every field of the EVB registration, the worked example, has its label", () => {
    expect(unlabelled.get("POST /api/evb/decisions")).toBeUndefined();
  });

  it("every input field of every route has its label", () => {
    expect([...unlabelled.entries()].map(([route, fields]) => `${route}: ${fields.join(", ")}`)).toEqual([]);
  });
});
