import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import type {
  Kysely,
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  Transaction,
  UnknownRow,
} from "kysely";
import pg from "pg";
import {
  createNode,
  createUser,
  type DemoKommunVariant,
  type DemoOrganisation,
  seedDemoOrganisation,
} from "../organisation/index.ts";
import { systemActor } from "../platform/auth/access.ts";
import type { SignInSettings } from "../platform/auth/oidc/settings.ts";
import type { Role } from "../platform/auth/roles.ts";
import { type Database, openDatabase } from "../platform/db/database.ts";
import { migrateToLatest } from "../platform/db/migrate.ts";
import type { AppDB } from "./capabilities.ts";
import { appMigrations, capabilities } from "./capabilities.ts";
import { runCli } from "./commands.ts";
import { seedDemo } from "./seed.ts";
import { buildApp } from "./server.ts";

export const DEMO_PASSWORD = "test-password-123";

/** What a test database holds when a test gets it. */
export type TestStart = "migrated" | "organisation" | "fullDemo";
const starts: TestStart[] = ["migrated", "organisation", "fullDemo"];

/**
 * Builds a database's starting state: migrations, then the demo organisation or every capability's demo
 * data. Returns the demo organisation's ids.
 */
async function fill(database: Database, start: TestStart): Promise<DemoOrganisation | null> {
  await migrateToLatest(database.db, appMigrations);
  if (start === "organisation") {
    return database.db.transaction().execute((trx) => seedDemoOrganisation(trx, DEMO_PASSWORD));
  }
  return start === "fullDemo" ? seedDemo(database.db, DEMO_PASSWORD) : null;
}

/** One statement on the TEST_DATABASE_URL server's maintenance connection (CREATE/DROP DATABASE). */
export async function onServer(url: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** Creates database `name` on the server (a copy of `template` if given) and opens it. */
async function createServerDatabase(url: string, name: string, template?: string): Promise<Database> {
  await onServer(url, `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  return openDatabase({ url: target.toString() });
}

const dropServerDatabase = (url: string, name: string) => onServer(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);

/** A new database on the TEST_DATABASE_URL server, optionally a copy of `template`; dropped again on close. */
async function serverDatabase(url: string, template?: string): Promise<Database> {
  const name = `lots_test_${crypto.randomBytes(6).toString("hex")}`;
  const database = await createServerDatabase(url, name, template);
  return {
    ...database,
    close: async () => {
      await database.close();
      await dropServerDatabase(url, name);
    },
  };
}

/**
 * Where the run's global setup (`prepareTestTemplates`) left one ready database per starting state:
 * a PGlite snapshot file, or a template database on the server, and the demo organisation's ids.
 */
type Templates = Record<TestStart, { file?: string; database?: string; demo: DemoOrganisation | null }>;
const TEMPLATES_ENV = "LOTS_TEST_TEMPLATES";

/**
 * A fresh database for one test file in the given state: PGlite in memory, or a new database on the
 * TEST_DATABASE_URL server. Copied from the run's ready-made template when there is one (creating and
 * migrating a database per file took seconds), built from scratch otherwise.
 */
async function startDatabase(start: TestStart): Promise<{ database: Database; demo: DemoOrganisation | null }> {
  const url = process.env.TEST_DATABASE_URL;
  const listed = process.env[TEMPLATES_ENV];
  const template = listed ? (JSON.parse(fs.readFileSync(listed, "utf8")) as Templates)[start] : undefined;
  if (template?.file) {
    const from = new Blob([fs.readFileSync(template.file)]);
    return { database: await openDatabase({ memory: true, from }), demo: template.demo };
  }
  if (template?.database && url) return { database: await serverDatabase(url, template.database), demo: template.demo };
  const database = url ? await serverDatabase(url) : await openDatabase({ memory: true });
  return { database, demo: await fill(database, start) };
}

/**
 * A new database on the TEST_DATABASE_URL server in the given state, by its address: for tests that run Lots as
 * separate processes (PostgreSQL runs only). `drop` removes it, closing whatever still holds a connection.
 */
export async function testServerDatabaseUrl(start: TestStart) {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("testServerDatabaseUrl: only with TEST_DATABASE_URL.");
  const listed = process.env[TEMPLATES_ENV];
  const template = listed ? (JSON.parse(fs.readFileSync(listed, "utf8")) as Templates)[start] : undefined;
  const name = `lots_test_${crypto.randomBytes(6).toString("hex")}`;
  const database = await createServerDatabase(url, name, template?.database);
  const demo = template?.database ? template.demo : await fill(database, start);
  await database.close();
  const address = new URL(url);
  address.pathname = `/${name}`;
  return { url: address.toString(), demo, drop: () => dropServerDatabase(url, name) };
}

/**
 * Fills `dataDir` (a DATA_DIR for `lots` commands, which keep the embedded database in DATA_DIR/pglite) with a
 * database in the given state, then lets `add` write on top in one transaction (e.g. one capability's demo
 * data). The state is unpacked from the run's PGlite snapshot when there is one (migrating and seeding a
 * folder on disk took 10–20 s per test file) and built in place otherwise (a PostgreSQL run's templates are
 * server databases, and the commands under test use the embedded one).
 */
export async function testDataDir(
  dataDir: string,
  start: "organisation" | "fullDemo",
  add?: (trx: Transaction<AppDB>, demo: DemoOrganisation) => Promise<unknown>,
): Promise<DemoOrganisation> {
  const listed = process.env[TEMPLATES_ENV];
  const template = listed ? (JSON.parse(fs.readFileSync(listed, "utf8")) as Templates)[start] : undefined;
  const at = path.join(dataDir, "pglite");
  const from = template?.file ? new Blob([fs.readFileSync(template.file)]) : undefined;
  // Without fsync: a test's folder need not survive a power cut, and fsyncing each unpacked file took seconds.
  const database = await openDatabase({ dataDir: at, durability: "fast", ...(from ? { from } : {}) });
  try {
    const demo = from && template?.demo ? template.demo : await fill(database, start);
    if (!demo) throw new Error(`The ${start} state holds the demo organisation.`);
    if (add) await (database.db as Kysely<AppDB>).transaction().execute((trx) => add(trx, demo));
    return demo;
  } finally {
    await database.close();
  }
}

/**
 * Vitest global setup (vitest.config.ts): one database per starting state, built once per run, which every
 * test file then copies. Returns the teardown.
 */
export async function prepareTestTemplates(): Promise<() => Promise<void>> {
  const url = process.env.TEST_DATABASE_URL;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lots-test-templates-"));
  const templates = {} as Templates;
  const serverTemplates: string[] = [];
  for (const start of starts) {
    if (url) {
      const name = `lots_template_${crypto.randomBytes(4).toString("hex")}_${start.toLowerCase()}`;
      const database = await createServerDatabase(url, name);
      serverTemplates.push(name);
      const demo = await fill(database, start);
      await database.close(); // a template must have no connections while it is copied
      templates[start] = { database: name, demo };
    } else {
      const database = await openDatabase({ memory: true });
      const demo = await fill(database, start);
      const file = path.join(dir, `${start}.tar`);
      if (!database.snapshot) throw new Error("An embedded database can always be snapshot.");
      fs.writeFileSync(file, Buffer.from(await (await database.snapshot()).arrayBuffer()));
      await database.close();
      templates[start] = { file, demo };
    }
  }
  const listed = path.join(dir, "templates.json");
  fs.writeFileSync(listed, JSON.stringify(templates));
  process.env[TEMPLATES_ENV] = listed;
  return async () => {
    if (url) for (const name of serverTemplates) await dropServerDatabase(url, name);
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

/** A fresh database for one test file, migrated and, if asked, holding the demo (see startDatabase). */
export async function testDatabase(start: TestStart = "migrated"): Promise<Database> {
  return (await startDatabase(start)).database;
}

/** A test database holding just the demo organisation and users (no capability demo data). */
export async function testDatabaseWithOrganisation(): Promise<{
  database: Database;
  demo: DemoOrganisation;
}> {
  const { database, demo } = await startDatabase("organisation");
  return { database, demo: demo as DemoOrganisation };
}

export type TestClient = {
  csrfToken: string;
  request: (options: InjectOptions) => Promise<LightMyRequestResponse>;
  get: (url: string) => Promise<LightMyRequestResponse>;
  post: (url: string, payload?: unknown) => Promise<LightMyRequestResponse>;
  patch: (url: string, payload?: unknown) => Promise<LightMyRequestResponse>;
  put: (url: string, payload?: unknown) => Promise<LightMyRequestResponse>;
  delete: (url: string) => Promise<LightMyRequestResponse>;
};

export type TestApp = {
  app: FastifyInstance;
  database: Database;
  demo: DemoOrganisation;
  /** How many SQL statements the app has sent so far (a guard of statements per request, not a timing). */
  statements: () => number;
  /** Logs in a demo user once (the client is reused) (admin, controller, kvalitet, sekreterare, enhetschef, handlaggare, fortroendevald, medarbetare). */
  as: (username: string) => Promise<TestClient>;
  close: () => Promise<void>;
};

/** Counts every statement compiled through Kysely (query builders and `sql` alike). */
export class StatementCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count++;
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/** The HTTP server over a fresh database with the demo organisation; `fullDemo` also loads every capability's demo data. */
export async function testApp(options: { fullDemo?: boolean; signIn?: SignInSettings } = {}): Promise<TestApp> {
  const started = await startDatabase(options.fullDemo ? "fullDemo" : "organisation");
  const { database } = started;
  const demo = started.demo as DemoOrganisation;
  const counter = new StatementCounter();
  const app = await buildApp({
    database: { ...database, db: database.db.withPlugin(counter) },
    sessionSecret: "x".repeat(40),
    logLevel: "silent",
    signIn: options.signIn,
  });
  await app.ready();
  const clients = new Map<string, TestClient>();
  const as = async (username: string): Promise<TestClient> => {
    const cached = clients.get(username);
    if (cached) return cached;
    const res = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username, password: DEMO_PASSWORD },
    });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === "lots_session");
    if (!cookie) throw new Error("no session cookie");
    const csrfToken = (res.json() as { csrfToken: string }).csrfToken;
    const request = (o: InjectOptions) =>
      app.inject({
        ...o,
        cookies: { lots_session: cookie.value },
        headers: { "x-csrf-token": csrfToken, ...o.headers },
      });
    const client: TestClient = {
      csrfToken,
      request,
      get: (url) => request({ method: "GET", url }),
      post: (url, payload) => request({ method: "POST", url, payload: payload as InjectOptions["payload"] }),
      patch: (url, payload) => request({ method: "PATCH", url, payload: payload as InjectOptions["payload"] }),
      put: (url, payload) => request({ method: "PUT", url, payload: payload as InjectOptions["payload"] }),
      delete: (url) => request({ method: "DELETE", url }),
    };
    clients.set(username, client);
    return client;
  };
  return {
    app,
    database,
    demo,
    statements: () => counter.count,
    as,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** How many rows a table holds: tests compare it before and after a write that must leave nothing behind. */
export async function countRows(db: Kysely<AppDB>, table: keyof AppDB): Promise<number> {
  const row = await db
    .selectFrom(table as "audit_log")
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export type CliRun = { code: number; stdout: string; stderr: string };

/**
 * Runs a `lots` command line in this process (no compile-and-start per command), on the given
 * environment over the test's own, with the embedded database unless DATABASE_URL is given, or on
 * `database` when given (see testCli).
 */
export async function runLots(args: string[], env: Record<string, string> = {}, database?: Database): Promise<CliRun> {
  const out = { stdout: "", stderr: "" };
  const sink = (to: keyof typeof out) => ({
    write: (chunk: string | Uint8Array) => {
      out[to] += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
      return true;
    },
  });
  const code = await runCli(args, {
    // Without fsync unless a test asks (LOTS_DURABILITY): its folder need not survive a power cut.
    env: { ...process.env, DATABASE_URL: "", LOG_LEVEL: "silent", NODE_ENV: "", LOTS_DURABILITY: "fast", ...env },
    stdout: sink("stdout"),
    stderr: sink("stderr"),
    ...(database ? { database } : {}),
  });
  return { code, ...out };
}

/** runLots for a command expected to succeed: a failure rejects with its output. */
export async function lots(args: string[], env: Record<string, string> = {}, database?: Database): Promise<CliRun> {
  const run = await runLots(args, env, database);
  if (run.code !== 0) throw Object.assign(new Error(`lots ${args.join(" ")} avslutades med ${run.code}`), run);
  return run;
}

/**
 * `lots` commands of one test file on a database of its own in the given state plus what `add` writes (in
 * memory, or on the TEST_DATABASE_URL server): the commands' own work, without starting an embedded
 * database per command. `start` and `close` go to beforeAll and afterAll. Opening the data folder, its lock
 * and the other process-level behaviour are tested in src/app/cli.test.ts.
 */
export function testCli(
  start: "organisation" | "fullDemo",
  add?: (trx: Transaction<AppDB>, demo: DemoOrganisation) => Promise<unknown>,
) {
  let database: Database | undefined;
  const open = () => {
    if (!database) throw new Error("testCli: call start in beforeAll first.");
    return database;
  };
  return {
    start: async () => {
      const started = await startDatabase(start);
      database = started.database;
      const demo = started.demo;
      if (!demo) throw new Error(`The ${start} state holds the demo organisation.`);
      if (add) await (database.db as Kysely<AppDB>).transaction().execute((trx) => add(trx, demo));
    },
    close: () => database?.close(),
    /** The commands' database, for a test that changes data between commands. */
    database: open,
    lots: (args: string[], env: Record<string, string> = {}) => lots(args, env, open()),
    runLots: (args: string[], env: Record<string, string> = {}) => runLots(args, env, open()),
  };
}

let made = 0;
/** A name no other made record has: tests in one file never collide, whatever order they run in. */
const fresh = (prefix: string) => `${prefix}${++made}-${crypto.randomBytes(3).toString("hex")}`;

/**
 * Factories: a test builds the records it asserts on, through the services (rules checked, audited), on
 * top of the demo organisation it started from. Each returns what the test needs to use the record.
 */
export const make = {
  /** A unit (or other node) under `parentId`. */
  node: async (t: TestApp, parentId: string, fields: { kind?: "enhet" | "verksamhetsomrade"; name?: string } = {}) =>
    createNode(t.database.db, systemActor(), {
      parentId,
      kind: fields.kind ?? "enhet",
      name: fields.name ?? fresh("Enhet "),
      sortOrder: 0,
    }),

  /** An account with one role on `orgNodeId`, signed in: its client is ready for requests. */
  user: async (t: TestApp, role: Role, orgNodeId: string, fields: { username?: string; validUntil?: string } = {}) => {
    const username = fields.username ?? fresh(`${role}.`);
    const created = await createUser(t.database.db, systemActor(), {
      username,
      displayName: `Test ${username}`,
      orgNodeId,
      password: DEMO_PASSWORD,
      roles: [{ role, orgNodeId, validUntil: fields.validUntil ?? null }],
    });
    return { id: created.id, username: created.username, client: () => t.as(created.username) };
  },
  /**
   * A second kommun beside the demo one: the demo organisation again under another root, with every
   * capability's demo data, and accounts named `<usernamePrefix><demo username>` (same demo password).
   */
  kommun: (t: TestApp, variant: DemoKommunVariant): Promise<DemoOrganisation> =>
    t.database.db.transaction().execute(async (trx) => {
      const demo = await seedDemoOrganisation(trx, DEMO_PASSWORD, variant);
      for (const capability of capabilities) await capability.seedDemo?.(trx, demo);
      return demo;
    }),
};
