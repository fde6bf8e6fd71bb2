/**
 * Every operation in the OpenAPI document × every demo principal. The expected status is derived from the
 * route's declared permission and the demo organisation; the route is then called for real:
 * anonymous → 401 on every non-public route; a user without the permission anywhere → 403; where the
 * request names its node (an org node parameter or a record whose node is looked up), a user without the
 * permission there → 403 and a user with it → neither 401/403 nor 5xx. A route without a declaration or
 * without a resolver for one of its path parameters fails the test, so new routes join by themselves.
 *
 * Two kommuner: a second kommun (the demo organisation and all demo data again, under its own root) sits
 * beside the demo one. Every GET route, called by every demo principal (all in the first kommun), answers
 * with none of the second kommun's ids, and refuses when the request names a node or record there; an
 * account granted a role in both kommuner sees both.
 */

import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, type DemoOrganisation } from "../organisation/index.ts";
import { type Actor, can, canAnywhere, systemActor } from "../platform/auth/access.ts";
import type { Role } from "../platform/auth/roles.ts";
import { canReadStyrning } from "../styrning/index.ts";
import {
  type ApiOperation,
  apiOperations,
  publicRoutes,
  recordsOf,
  recordTable,
  type SampleOptions,
  sampleValue,
} from "./api-testing.ts";
import { DEMO_PASSWORD, make, type TestApp, testApp } from "./testing.ts";

let t: TestApp;
let operations: ApiOperation[];
const actors = new Map<string, Actor>();
/** Ids the account routes must not change: the principals themselves, their roles and the demo tree. */
let protectedIds: string[] = [];
/** The second kommun, and every id of a record on its nodes (its nodes and accounts too). */
let other: DemoOrganisation;
let otherIds: Set<string>;
/** The side a request is aimed at: the IFO nämnd of the demo kommun, or of the second kommun. */
type Side = { node: { id: string; path: string }; levelId: string };
let home: Side;
let away: Side;
/** Routes whose record the demo data lacks when they are called (reported, asserted on permission only). */
const withoutRecord: string[] = [];

beforeAll(async () => {
  t = await testApp({ fullDemo: true });
  operations = await apiOperations(t.app);
  const db = t.database.db;
  const roles = await db
    .selectFrom("role_assignment as r")
    .innerJoin("org_node as n", "n.id", "r.org_node_id")
    .innerJoin("app_user as u", "u.id", "r.user_id")
    .select(["r.id", "u.id as userId", "u.username", "r.role", "r.org_node_id", "n.path"])
    .execute();
  for (const [username, id] of Object.entries(t.demo.users)) {
    actors.set(username, {
      id,
      username,
      displayName: username,
      assignments: roles
        .filter((r) => r.userId === id)
        .map((r) => ({ role: r.role as Role, orgNodeId: r.org_node_id, path: r.path })),
    });
  }
  protectedIds = [...Object.values(t.demo.users), ...Object.values(t.demo.nodes).map((n) => n.id)];
  protectedIds.push(...roles.map((r) => r.id));
  home = await sideOf(target());
  other = await make.kommun(t, { name: "Exempelby kommun", code: "9999", usernamePrefix: "b." });
  const otherIfo = other.nodes.ifo;
  if (!otherIfo) throw new Error("the second kommun has no ifo");
  away = await sideOf(otherIfo);
  otherIds = await idsUnder(otherIfo.path.split("/").slice(0, 2).join("/").concat("/"));
  // A unit and an account of the test's own, for the routes that move nodes, reset passwords and remove roles.
  const unit = await make.node(t, t.demo.nodes["ifo-forv"]?.id as string, { name: "Rolltestenheten" });
  await make.user(t, "handlaggare", unit.id, { username: "rolltest" });
}, 300_000);

/** An ekonomi level of the IFO nämnd's demo year (for figures and reallocations) beside the nämnd. */
async function sideOf(node: { id: string; path: string }): Promise<Side> {
  const level = await t.database.db
    .selectFrom("ekonomi_level")
    .select("id")
    .where("org_node_id", "=", node.id)
    .where("year", "=", YEAR)
    .executeTakeFirstOrThrow();
  return { node, levelId: level.id };
}

/**
 * Every id under a kommun: its nodes, the accounts homed or holding roles there, and each row of every
 * table with an org_node_id there (read from the catalogue, so new tables join by themselves).
 */
async function idsUnder(kommunPath: string): Promise<Set<string>> {
  const db = t.database.db;
  const tables = await sql<{ table_name: string }>`
    select c.table_name from information_schema.columns c
    join information_schema.columns i on i.table_name = c.table_name and i.table_schema = c.table_schema
      and i.column_name = 'id'
    where c.table_schema = current_schema() and c.column_name = 'org_node_id'`.execute(db);
  const ids = new Set<string>();
  for (const { table_name } of tables.rows) {
    const rows = await sql<{ id: string }>`
      select t.id::text as id from ${sql.table(table_name)} t join org_node n on n.id = t.org_node_id
      where n.path like ${`${kommunPath}%`}`.execute(db);
    for (const r of rows.rows) ids.add(r.id);
  }
  const nodes = await db.selectFrom("org_node").select("id").where("path", "like", `${kommunPath}%`).execute();
  for (const n of nodes) ids.add(n.id);
  return ids;
}

afterAll(async () => {
  await t?.close();
});

const YEAR = 2023;
const uuids = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

function target() {
  const ifo = t.demo.nodes.ifo;
  if (!ifo) throw new Error("the demo organisation has no ifo");
  return ifo;
}

/** Values for parameters and body fields by name: the IFO nämnd as the node, its demo year and periods. */
function overrides(side: Side = home): SampleOptions {
  const node = side.node.id;
  const levelId = side.levelId;
  const date = `${YEAR}-06-15`;
  const byName = {
    orgNodeId: node,
    parentId: node,
    namndId: node,
    year: YEAR,
    from: YEAR,
    to: YEAR,
    fromYear: YEAR - 1,
    period: `${YEAR}-T2`,
    quarter: `${YEAR}Q4`,
    asOf: `${YEAR}-12-31`,
    personId: "19850312-T123",
    // A calendar feed's secret address (no such token: the public feed answers 404).
    file: `${"A".repeat(43)}.ics`,
    // A report template's code: the built-in årsberättelse.
    code: "arsberattelse",
    // An open-data dataset's table (public: any name answers, 404 when the dataset has no such table).
    table: "varden",
    // Fields whose combinations zod refines: a plain yearly count.
    unit: "antal",
    periodType: "year",
    periodNo: 0,
    financing: "tillaggsanslag",
    levelId,
    // EVB's dates are refined strings, not JSON-schema dates.
    ...Object.fromEntries(["date", "start", "decisionDate", "executedDate", "closedDate"].map((k) => [k, date])),
  };
  return { byName, date };
}

/**
 * Routes that take a file as their raw body. The test sends none, so the route refuses the input before
 * it looks at the node; for these only the permission-anywhere rule is asserted.
 */
const fileRoutes = new Set(["POST /api/styrning/values/import.xlsx", "POST /api/evb/import"]);

type Call = { url: string; payload?: unknown; nodePath?: string };

const forecastUnder = (path: string) =>
  t.database.db
    .selectFrom("indicator_value as v")
    .innerJoin("org_node as n", "n.id", "v.org_node_id")
    .select(["v.id", "v.indicator_id", "n.path"])
    .where("v.value_kind", "=", "forecast")
    .where("n.path", "like", `${path}%`)
    .orderBy("v.id")
    .executeTakeFirst();

/**
 * A request the route would accept where feasible, and the path of the node it touches when that is known.
 * Aimed at the demo kommun's IFO nämnd, or at another side: then a record is only taken from under it.
 */
async function requestFor(op: ApiOperation, side: Side = home): Promise<Call> {
  const values = overrides(side);
  let nodePath: string | undefined;
  let url = op.path;
  // A forecast is addressed under its indicator: both ids from one demo forecast, judged on the node that reported it.
  const forecast = op.path.includes("{forecastId}") ? await forecastUnder(side.node.path) : undefined;
  for (const name of [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string)) {
    let value: string;
    if (forecast && (name === "id" || name === "forecastId")) {
      value = name === "id" ? forecast.indicator_id : forecast.id;
      nodePath = forecast.path;
    } else if (name === "id") {
      const table = recordTable(op.path);
      if (!table) throw new Error(`no resolver for {id} in ${op.label}: add its table to recordTables`);
      const db = t.database.db;
      const [record] = [
        ...(await recordsOf(db, table, { under: side.node.path, exclude: protectedIds })),
        ...(side === home ? await recordsOf(db, table, { exclude: protectedIds }) : []),
      ];
      // No such record in the demo data: an unknown id, so only the permission-anywhere rule can be asserted.
      value = record?.id ?? "00000000-0000-4000-8000-000000000000";
      if (!record && side === home) withoutRecord.push(op.label);
      nodePath = record?.path;
    } else if (name in values.byName) {
      value = String(values.byName[name]);
      if (name === "namndId") nodePath = side.node.path;
    } else {
      throw new Error(`no resolver for path parameter {${name}} in ${op.label}`);
    }
    url = url.replace(`{${name}}`, encodeURIComponent(value));
  }
  const query = new URLSearchParams();
  for (const p of op.parameters.filter((p) => p.in === "query" && (p.required || p.name in values.byName))) {
    query.set(p.name, String(sampleValue(p.schema, values, p.name)));
    // A required node names the request's target; an optional one only filters a list to what one may see.
    if ((p.name === "orgNodeId" || p.name === "namndId") && p.required) nodePath ??= side.node.path;
  }
  const payload = op.body ? sampleValue(op.body, values) : undefined;
  if (
    payload &&
    typeof payload === "object" &&
    ("orgNodeId" in payload || "parentId" in payload || "namndId" in payload)
  ) {
    nodePath ??= side.node.path;
  }
  if (fileRoutes.has(op.label)) nodePath = undefined;
  return { url: query.size ? `${url}?${query}` : url, payload, nodePath };
}

type Expected = "open" | 401 | 403 | "allowed";

function expected(op: ApiOperation, actor: Actor | undefined, nodePath: string | undefined): Expected {
  if (op.public) return "open";
  if (!actor) return 401;
  const permission = op.permission;
  if (!permission) throw new Error(`${op.label} declares no permission`);
  if (permission === "authenticated") return "allowed";
  if (!canAnywhere(actor, permission)) return 403;
  // The sign-in rules serve the whole installation: only an admin of every kommun edits them, and the test
  // installation holds a second kommun the demo admin does not administer.
  if (op.path.startsWith("/api/admin/oidc/rules")) return 403;
  if (nodePath === undefined) return "allowed";
  // Styrning is adopted in public: reading reaches the nämnd above one's unit too (styrning/access.ts).
  const reach =
    op.tag === "Styrning" && permission === "read"
      ? canReadStyrning(actor, nodePath)
      : can(actor, permission, nodePath);
  return reach ? "allowed" : 403;
}

/** Reads first, then writes, deletions and last logging out, so a write that succeeds spoils no later call. */
const phase = (op: ApiOperation) =>
  op.path === "/api/auth/logout" ? 4 : op.method === "GET" ? 0 : op.method === "DELETE" ? 2 : 1;

describe("role × route", () => {
  it("every route declares its permission or is public", () => {
    expect(operations.length).toBeGreaterThan(100);
    expect(operations.filter((o) => !o.public && !o.permission).map((o) => o.label)).toEqual([]);
    expect(operations.filter((o) => o.public).map((o) => o.label)).toEqual(publicRoutes);
  });

  it("gives a role in one kommun nothing of another kommun on any GET route", async () => {
    expect(otherIds.size).toBeGreaterThan(1000);
    const leaked = (body: string) => [...new Set(body.match(uuids))].filter((id) => otherIds.has(id)).length;
    const failures: string[] = [];
    let refusals = 0;
    for (const op of operations.filter((o) => o.method === "GET" && !o.public)) {
      const [here, there] = [await requestFor(op), await requestFor(op, away)];
      for (const name of Object.keys(t.demo.users)) {
        const client = await t.as(name);
        const res = await client.get(here.url);
        if (leaked(res.body)) failures.push(`${op.label} as ${name}: ${leaked(res.body)} ids of the other kommun`);
        // Aimed at the other kommun: the widest role of the first kommun stands for all of them.
        if (!there.nodePath || name !== "admin") continue;
        const refused = await client.get(there.url);
        refusals++;
        if (![403, 404].includes(refused.statusCode) || leaked(refused.body)) {
          failures.push(
            `${op.label} aimed at the other kommun as ${name}: ${refused.statusCode} ${refused.body.slice(0, 200)}`,
          );
        }
      }
    }
    expect(refusals).toBeGreaterThan(50);
    expect(failures).toEqual([]);
    // The check sees the other kommun where it is granted: its own admin's tree is all its ids.
    const theirs = await (await t.as("b.admin")).get("/api/org/tree");
    expect(leaked(theirs.body)).toBe(Object.keys(other.nodes).length);
  }, 300_000);

  it("shows an account with roles in both kommuner both", async () => {
    const otherIfo = away.node.id;
    const roles = [target().id, otherIfo].map((orgNodeId) => ({ role: "admin" as const, orgNodeId }));
    const account = { username: "tva.kommuner", displayName: "Två kommuner", orgNodeId: target().id, roles };
    // The demo kommun's admin administers nothing in the second kommun: a role there is refused.
    const refused = await (await t.as("admin")).post("/api/admin/users", account);
    expect(refused.statusCode).toBe(403);
    await createUser(t.database.db, systemActor(), { ...account, password: DEMO_PASSWORD });
    const client = await t.as("tva.kommuner");
    const tree = (await client.get("/api/org/tree")).json() as Array<{ id: string }>;
    expect(tree.map((n) => n.id)).toEqual(expect.arrayContaining([target().id, otherIfo]));
    const models = await client.get(`/api/styrning/models?orgNodeId=${otherIfo}&year=${YEAR}`);
    expect(models.statusCode).toBe(200);
    expect((models.json() as unknown[]).length).toBeGreaterThan(0);
    const users = ((await client.get("/api/admin/users")).json() as Array<{ username: string }>).map((u) => u.username);
    expect(users).toEqual(expect.arrayContaining(["handlaggare", "b.handlaggare"]));
    // Only the IFO nämnder are granted: the accounts of each kommun's other nämnd stay out of sight.
    expect(users.filter((u) => u.endsWith("vo-controller"))).toEqual([]);
  });

  it("answers every demo principal as the declarations and the organisation say", async () => {
    const principals = ["anonymous", ...Object.keys(t.demo.users)];
    expect(principals.length).toBe(10);
    const failures: string[] = [];
    let calls = 0;
    for (const op of [...operations].sort((a, b) => phase(a) - phase(b))) {
      const call = await requestFor(op);
      const plan = principals.map((name) => ({ name, expect: expected(op, actors.get(name), call.nodePath) }));
      // Refusals before the allowed calls: an allowed write may delete the record the others are refused on.
      plan.sort((a, b) => Number(a.expect === "allowed") - Number(b.expect === "allowed"));
      for (const { name, expect: want } of plan) {
        const request = {
          method: op.method,
          url: call.url,
          ...(call.payload === undefined ? {} : { payload: call.payload as object }),
        };
        const res = name === "anonymous" ? await t.app.inject(request) : await (await t.as(name)).request(request);
        calls++;
        const got = res.statusCode;
        const ok = got < 500 && (want === "open" || (want === "allowed" ? got !== 401 && got !== 403 : got === want));
        if (!ok) failures.push(`${op.label} as ${name}: expected ${want}, got ${got} ${res.body.slice(0, 200)}`);
      }
    }
    if (withoutRecord.length) console.info(`No record to target for: ${withoutRecord.join(", ")}`);
    expect(calls).toBe(operations.length * principals.length);
    expect(failures).toEqual([]);
  }, 300_000);
});
