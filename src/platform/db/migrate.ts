import type { Kysely } from "kysely";
import { type Migration, type MigrationProvider, Migrator } from "kysely/migration";
import { capabilities } from "../../capabilities.ts";
import * as platformFunctions from "./migrations/0001_platform_functions.ts";
import * as authAudit from "./migrations/0020_auth_audit.ts";
import * as auditChain from "./migrations/1000_audit_chain.ts";
import * as loginAttempts from "./migrations/1001_login_attempts.ts";
import * as accessLog from "./migrations/1002_access_log.ts";
import type { DB } from "./schema.ts";

/** All migrations, platform first, then each capability's own; names sort in run order. */
export function allMigrations(): Record<string, Migration> {
  const all: Record<string, Migration> = {
    "0001_platform_functions": platformFunctions,
    "0020_auth_audit": authAudit,
  };
  for (const capability of capabilities) {
    for (const [name, migration] of Object.entries(capability.migrations)) {
      if (all[name]) throw new Error(`Duplicate migration name ${name}`);
      all[name] = migration;
    }
  }
  // Platform migrations that need capability tables sort after them by name.
  all["1000_audit_chain"] = auditChain;
  all["1001_login_attempts"] = loginAttempts;
  all["1002_access_log"] = accessLog;
  return all;
}

const provider: MigrationProvider = { getMigrations: async () => allMigrations() };

export async function migrateToLatest(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
