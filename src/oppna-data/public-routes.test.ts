// Every route under /api/public, found in the OpenAPI document (so a new public route is covered without
// being listed here), is called with the demo data published: from the routes without parameters, the
// ids and links their answers hold are followed until every public route has answered 200 at least once.
// No answer may hold personal data: a personnummer, an EVB person id (IVO's pseudonymous id), the id,
// username, name or e-mail of an account, or free text from the registers (händelser, lex Sarah, synpunkter,
// EVB reasons). Any public route called with an id that is not published answers 404.
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type TestApp, testApp } from "../app/testing.ts";
import { maskPersonnummer } from "../kvalitet/index.ts";

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ fullDemo: true });
}, 300_000);
afterAll(() => t.close());

/** Field names that would carry a person, whatever their value. */
const PERSONAL_KEY =
  /personnummer|person_?id|e-?mail|epost|username|reviewer|publisher|createdBy|assessedBy|enteredBy|userId/i;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const EMAIL = /[^\s@;"]+@[^\s@;"]+\.[a-z]{2,}/i;

type Forbidden = {
  userIds: Set<string>;
  names: Set<string>;
  emails: Set<string>;
  personIds: string[];
  texts: string[];
};

async function forbiddenValues(): Promise<Forbidden> {
  const db = t.database.db;
  const users = await db.selectFrom("app_user").select(["id", "username", "display_name", "email"]).execute();
  const column = async (table: string, name: string) =>
    (await sql<{ v: string | null }>`select ${sql.ref(name)} as v from ${sql.table(table)}`.execute(db)).rows
      .map((r) => r.v?.trim() ?? "")
      // Short texts ("Ja", a code) say nothing about anyone and would match by chance.
      .filter((v) => v.length >= 20);
  const texts = [
    ...(await column("kvalitet_event", "what_happened")),
    ...(await column("kvalitet_event", "investigation")),
    ...(await column("kvalitet_lex_sarah", "gist")),
    ...(await column("kvalitet_complaint", "summary")),
    ...(await column("evb_decision", "reason_text")),
    ...(await column("evb_interruption", "reason_text")),
  ];
  const personIds = (await db.selectFrom("evb_decision").select("person_id").distinct().execute()).map(
    (r) => r.person_id,
  );
  return {
    userIds: new Set(users.map((u) => u.id)),
    names: new Set(users.flatMap((u) => [u.username, u.display_name])),
    emails: new Set(users.flatMap((u) => (u.email ? [u.email.toLowerCase()] : []))),
    personIds,
    texts,
  };
}

/** What in one answer is personal data, as "where: why" lines. */
function personalDataIn(url: string, body: string, json: unknown, f: Forbidden): string[] {
  const found: string[] = [];
  if (maskPersonnummer(body).count > 0) found.push(`${url}: a personnummer`);
  const email = body.match(EMAIL);
  if (email) found.push(`${url}: an e-mail address ${email[0]}`);
  for (const id of body.match(UUID) ?? []) if (f.userIds.has(id)) found.push(`${url}: the id of an account`);
  for (const p of f.personIds) if (body.includes(p)) found.push(`${url}: the EVB person id ${p}`);
  for (const text of f.texts) if (body.includes(text)) found.push(`${url}: register free text "${text.slice(0, 40)}…"`);
  // A name is personal where it is a whole value (a field or a CSV cell): the masked public protokoll
  // still names the officials acting in it, in running text, which is public.
  const values: string[] = [];
  const walk = (v: unknown, at: string): void => {
    if (typeof v === "string") values.push(v);
    else if (Array.isArray(v)) for (const [i, x] of v.entries()) walk(x, `${at}[${i}]`);
    else if (v && typeof v === "object")
      for (const [k, x] of Object.entries(v)) {
        if (PERSONAL_KEY.test(k)) found.push(`${url}: the field ${at}.${k}`);
        walk(x, `${at}.${k}`);
      }
  };
  if (json === undefined) values.push(...body.split(/\r\n/).flatMap((line) => line.split(";")));
  else walk(json, "");
  for (const v of values) if (f.names.has(v.trim())) found.push(`${url}: the account name "${v}"`);
  return found;
}

it("serves no personal data on any public route, and 404 for what is not published", async () => {
  const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
    paths: Record<string, Record<string, { security?: unknown[] }>>;
  };
  const templates = Object.entries(doc.paths)
    .filter(([path, ops]) => path.startsWith("/api/public") && ops.get)
    .map(([path]) => ({ path, pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, "[^/?]+")}$`), answered: "" }));
  expect(templates.length).toBeGreaterThanOrEqual(7);
  for (const { path } of templates) expect(doc.paths[path]?.get?.security, path).toEqual([]);

  const f = await forbiddenValues();
  expect(f.userIds.size).toBeGreaterThan(5);
  expect(f.personIds.length).toBeGreaterThan(10);
  expect(f.texts.length).toBeGreaterThan(50);

  const ids = new Set<string>();
  const queue = templates.filter((x) => !x.path.includes("{")).map((x) => x.path);
  const called = new Set<string>();
  const bodies = new Map<string, string>();
  const problems: string[] = [];
  const call = async (url: string) => {
    if (called.has(url)) return;
    called.add(url);
    const res = await t.app.inject({ method: "GET", url });
    if (res.statusCode !== 200) return;
    bodies.set(url, res.body);
    const template = templates.find((x) => x.pattern.test(url));
    if (template && !template.answered) template.answered = url;
    const json = /json/.test(String(res.headers["content-type"])) ? res.json() : undefined;
    problems.push(...personalDataIn(url, res.body, json, f));
    for (const id of res.body.match(UUID) ?? []) ids.add(id);
    for (const link of res.body.match(/\/api\/public\/[^"\s;]+/g) ?? []) queue.push(link);
  };
  // Follow links and ids until nothing new turns up.
  for (let round = 0; round < 5; round++) {
    while (queue.length) await call(queue.shift() as string);
    for (const { path } of templates.filter((x) => x.path.includes("{"))) {
      for (const id of ids) await call(path.replace(/\{[^}]+\}/g, id));
    }
    if (!queue.length) break;
  }
  // A route is left unreached only when its list (the longest route without parameters it extends) holds no
  // id at all: nothing of that kind is published in the demo. It is then called with an unknown id below.
  const listOf = (path: string) =>
    templates
      .filter((x) => !x.path.includes("{") && path.startsWith(x.path))
      .sort((a, b) => b.path.length - a.path.length)[0]?.path;
  const unreached = templates.filter((x) => !x.answered);
  const empty = (path: string) => !(bodies.get(listOf(path) ?? "") ?? "").match(UUID);
  expect(unreached.filter((x) => !empty(x.path)).map((x) => x.path)).toEqual([]);
  if (unreached.length) console.warn(`Nothing published in the demo for ${unreached.map((x) => x.path).join(", ")}`);
  expect(problems).toEqual([]);

  // An id that was never published (or was withdrawn) is a 404, on every route that takes one.
  for (const { path, answered } of templates.filter((x) => x.path.includes("{"))) {
    const url = answered ? answered.replace(UUID, randomUUID()) : path.replace(/\{[^}]+\}/g, randomUUID());
    const res = await t.app.inject({ method: "GET", url });
    expect(res.statusCode, path).toBe(404);
  }
}, 300_000);
