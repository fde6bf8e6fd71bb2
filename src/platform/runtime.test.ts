import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it, vi } from "vitest";
import { appMigrations } from "../app/capabilities.ts";
import { buildApp } from "../app/server.ts";
import { testDataDir } from "../app/testing.ts";
import { loadConfig } from "./config.ts";
import { openDatabase } from "./db/database.ts";
import { openConfiguredDatabase, secureDataFolder, sessionSecret } from "./runtime.ts";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lots-data-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe("first start from an empty data folder (embedded PGlite)", () => {
  it("creates and migrates the database, reports the engine, and opens the same folder again", async () => {
    // Without fsync (the last test checks the modes). Loading the demo is `lots seed-demo`'s (app/cli.test.ts).
    const config = loadConfig({ DATA_DIR: dataDir, LOTS_DURABILITY: "fast" });
    const database = await openConfiguredDatabase(config, appMigrations);
    expect(database.createdNow).toBe(true);
    expect(database.migrated.length).toBe(Object.keys(appMigrations).length);
    const app = await buildApp({ database, sessionSecret: sessionSecret(config), logLevel: "silent" });
    const health = (await app.inject({ method: "GET", url: "/api/health" })).json();
    expect(health).toMatchObject({ status: "ok", engine: "pglite" });
    await app.close();
    await database.close();

    // Second start: same folder, nothing to migrate, the session secret is stable.
    const again = await openConfiguredDatabase(config, appMigrations);
    expect(again.createdNow).toBe(false);
    expect(again.migrated).toEqual([]);
    expect(sessionSecret(config)).toBe(fs.readFileSync(path.join(dataDir, "session-secret"), "utf8"));
    await again.close();
  }, 180_000);

  it("reports a bad configuration in Swedish, naming the variable", () => {
    expect(() => loadConfig({ PORT: "hundra" })).toThrow(/Ogiltig konfiguration: PORT/);
    expect(() => loadConfig({ LOTS_DURABILITY: "snabb" })).toThrow(/Ogiltig konfiguration: LOTS_DURABILITY/);
    expect(loadConfig({}).durability).toBe("safe");
  });

  it("takes DATABASE_MIGRATE_URL only beside DATABASE_URL (the embedded database migrates itself)", () => {
    const direct = "postgres://lots@db.example:5432/lots";
    expect(loadConfig({ DATABASE_MIGRATE_URL: direct }).migrateUrl).toBeUndefined();
    expect(
      loadConfig({ DATABASE_URL: "postgres://lots@pool:6432/lots", DATABASE_MIGRATE_URL: direct }).migrateUrl,
    ).toBe(direct);
    expect(() => loadConfig({ DATABASE_URL: "postgres://a@b/c", DATABASE_MIGRATE_URL: "primären" })).toThrow(
      /Ogiltig konfiguration: DATABASE_MIGRATE_URL/,
    );
  });

  it("takes DATABASE_READ_URL only beside DATABASE_URL (the embedded database has no replica)", () => {
    const replica = "postgres://lots@replica.example:5432/lots";
    expect(loadConfig({ DATABASE_READ_URL: replica }).readUrl).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: "postgres://lots@db:5432/lots", DATABASE_READ_URL: replica }).readUrl).toBe(
      replica,
    );
    expect(() => loadConfig({ DATABASE_URL: "postgres://a@b/c", DATABASE_READ_URL: "repliken" })).toThrow(
      /Ogiltig konfiguration: DATABASE_READ_URL/,
    );
  });

  it("tightens an existing data folder to the owner and keeps its files owner-only", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lots-perm-"));
    try {
      // An existing folder (unpacked from the run's snapshot: creating one is tested above).
      await testDataDir(dir, "organisation");
      fs.chmodSync(dir, 0o755);
      fs.writeFileSync(path.join(dir, "session-secret"), "s".repeat(48), { mode: 0o644 });
      const database = await openConfiguredDatabase(
        loadConfig({ DATA_DIR: dir, LOTS_DURABILITY: "fast" }),
        appMigrations,
      );
      await database.close();
      expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
      expect(fs.statSync(path.join(dir, "session-secret")).mode & 0o777).toBe(0o600);

      // Files deep in a folder written under a looser umask (the CLI sets 077) are tightened at open.
      const deep = path.join(dir, "pglite", "PG_VERSION");
      fs.chmodSync(deep, 0o644);
      fs.chmodSync(path.join(dir, "pglite", "base"), 0o755);
      await (
        await openConfiguredDatabase(loadConfig({ DATA_DIR: dir, LOTS_DURABILITY: "fast" }), appMigrations)
      ).close();
      expect(fs.statSync(deep).mode & 0o777).toBe(0o600);
      expect(fs.statSync(path.join(dir, "pglite", "base")).mode & 0o777).toBe(0o700);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  // Both with small shared buffers: the folder's pages are in the kernel's cache already (BENCHMARKS.md, start).
  it("starts PostgreSQL with fsync reaching the disk in safe mode, and without in fast mode", async () => {
    const settings = async (durability: "safe" | "fast") => {
      const folder = path.join(dataDir, `mode-${durability}`);
      await testDataDir(folder, "organisation");
      const database = await openDatabase({ dataDir: path.join(folder, "pglite"), durability });
      const row = await sql<{ fsync: string; method: string; buffers: string }>`
        SELECT current_setting('fsync') AS fsync, current_setting('wal_sync_method') AS method,
          current_setting('shared_buffers') AS buffers`.execute(database.db);
      await database.close();
      return row.rows[0];
    };
    expect(await settings("safe")).toEqual({ fsync: "on", method: "fsync", buffers: "32MB" });
    expect(await settings("fast")).toEqual({ fsync: "off", method: "fdatasync", buffers: "32MB" });
  }, 120_000);
});

describe("tightening the data folder", () => {
  it("skips a file another process removed between listing and touching it", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lots-perm-"));
    try {
      fs.writeFileSync(path.join(dir, "kvar"), "x", { mode: 0o644 });
      fs.chmodSync(path.join(dir, "kvar"), 0o644);
      const readdir = fs.readdirSync;
      // The listing still names a lock attempt's temp file that its process has already removed.
      const spy = vi
        .spyOn(fs, "readdirSync")
        .mockImplementation(((entry: fs.PathLike) => [
          ...(readdir(entry) as string[]),
          "pglite.lock.1.borta.tmp",
        ]) as typeof fs.readdirSync);
      try {
        expect(() => secureDataFolder(dir)).not.toThrow();
      } finally {
        spy.mockRestore();
      }
      expect(fs.statSync(path.join(dir, "kvar")).mode & 0o777).toBe(0o600);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
