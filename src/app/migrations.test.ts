import { describe, expect, it } from "vitest";
import { openDatabase } from "../platform/db/database.ts";
import { migrateToLatest } from "../platform/db/migrate.ts";
import { appMigrations } from "./capabilities.ts";

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
});
