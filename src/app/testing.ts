import crypto from "node:crypto";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import type { Kysely } from "kysely";
import pg from "pg";
import { type DemoOrganisation, seedDemoOrganisation } from "../organisation/index.ts";
import { type Database, openDatabase } from "../platform/db/database.ts";
import { migrateToLatest } from "../platform/db/migrate.ts";
import type { AppDB } from "./capabilities.ts";
import { appMigrations } from "./capabilities.ts";
import { seedDemo } from "./seed.ts";
import { buildApp } from "./server.ts";

export const DEMO_PASSWORD = "test-password-123";

/**
 * A fresh, migrated database for one test file: PGlite in memory, or a new PostgreSQL
 * database on the TEST_DATABASE_URL server (dropped again on close).
 */
export async function testDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const database = await openDatabase({ memory: true });
    await migrateToLatest(database.db, appMigrations);
    return database;
  }
  const name = `lots_test_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ url: target.toString() });
  await migrateToLatest(database.db, appMigrations);
  return {
    ...database,
    close: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/** A test database holding just the demo organisation and users (no capability demo data). */
export async function testDatabaseWithOrganisation(): Promise<{
  database: Database;
  demo: DemoOrganisation;
}> {
  const database = await testDatabase();
  const demo = await database.db.transaction().execute((trx) => seedDemoOrganisation(trx, DEMO_PASSWORD));
  return { database, demo };
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
  /** Logs in a demo user once (the client is reused) (admin, controller, kvalitet, sekreterare, enhetschef, handlaggare, fortroendevald). */
  as: (username: string) => Promise<TestClient>;
  close: () => Promise<void>;
};

/** The HTTP server over a fresh database with the demo organisation; `fullDemo` also loads every capability's demo data. */
export async function testApp(options: { fullDemo?: boolean } = {}): Promise<TestApp> {
  const database = await testDatabase();
  let demo: DemoOrganisation;
  if (options.fullDemo) {
    demo = await seedDemo(database.db, DEMO_PASSWORD);
  } else {
    demo = await database.db.transaction().execute((trx) => seedDemoOrganisation(trx, DEMO_PASSWORD));
  }
  const app = await buildApp({ database, sessionSecret: "x".repeat(40), logLevel: "silent" });
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
