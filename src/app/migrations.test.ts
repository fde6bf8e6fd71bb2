import { describe, expect, it } from "vitest";
import { openDatabase } from "../platform/db/database.ts";
import { migrateToLatest } from "../platform/db/migrate.ts";
import { appMigrations } from "./capabilities.ts";
import { StatementCounter } from "./testing.ts";

describe("upgrading an installation", () => {
  it("runs a capability's new migration that sorts before platform migrations already applied", async () => {
    const names = Object.keys(appMigrations).sort();
    // The newest capability migration (below the platform's 1000s) arrives with a later release.
    const newest = names.filter((n) => n < "1000").at(-1) ?? "";
    const older = Object.fromEntries(Object.entries(appMigrations).filter(([name]) => name !== newest));
    const database = await openDatabase({ memory: true });
    try {
      const first = await migrateToLatest(database.db, older);
      expect(first).toContain("1002_access_log");
      expect(await migrateToLatest(database.db, appMigrations)).toEqual([newest]);
      expect(await migrateToLatest(database.db, appMigrations)).toEqual([]);
    } finally {
      await database.close();
    }
  }, 120_000);

  it("starts an up-to-date database with a look at the applied names, and refuses one a later version migrated", async () => {
    const database = await openDatabase({ memory: true });
    try {
      await migrateToLatest(database.db, appMigrations);
      const counter = new StatementCounter();
      expect(await migrateToLatest(database.db.withPlugin(counter), appMigrations)).toEqual([]);
      // Kysely's migrator would read the catalogue's tables and columns several times and take its lock.
      expect(counter.count).toBeLessThanOrEqual(3);
      const { [Object.keys(appMigrations).sort().at(-1) ?? ""]: _latest, ...earlier } = appMigrations;
      await expect(migrateToLatest(database.db, earlier)).rejects.toThrow(/corrupted migrations/);
    } finally {
      await database.close();
    }
  }, 120_000);
});
