import { type Kysely, sql } from "kysely";
import { type Migration, Migrator } from "kysely/migration";
import { ensureDataChangeNotices } from "./data-change-notices.ts";
import * as platformFunctions from "./migrations/0001_platform_functions.ts";
import * as organisation from "./migrations/0010_organisation.ts";
import * as authAudit from "./migrations/0020_auth_audit.ts";
import * as auditChain from "./migrations/1000_audit_chain.ts";
import * as loginAttempts from "./migrations/1001_login_attempts.ts";
import * as accessLog from "./migrations/1002_access_log.ts";
import * as oidcSignIn from "./migrations/1010_oidc_sign_in.ts";
import * as reminders from "./migrations/1011_reminders.ts";
import * as kommunerUtskott from "./migrations/1020_kommuner_utskott.ts";
import * as authChangeNotices from "./migrations/1030_auth_change_notices.ts";
import type { PlatformTables } from "./schema.ts";

/** Migrations by name; names sort in run order across the platform and every capability. */
export type Migrations = Record<string, Migration>;

/**
 * The platform's own migrations. The app adds each capability's; those numbered 1000 and up run after
 * the capabilities' tables exist (the audit chain and access log reference them).
 */
export const platformMigrations: Migrations = {
  "0001_platform_functions": platformFunctions,
  "0010_organisation": organisation,
  "0020_auth_audit": authAudit,
  "1000_audit_chain": auditChain,
  "1001_login_attempts": loginAttempts,
  "1002_access_log": accessLog,
  "1010_oidc_sign_in": oidcSignIn,
  "1011_reminders": reminders,
  "1020_kommuner_utskott": kommunerUtskott,
  "1030_auth_change_notices": authChangeNotices,
};

/** The platform's migrations and each capability's, refusing a name used twice. */
export function combineMigrations(...parts: Migrations[]): Migrations {
  const all: Migrations = { ...platformMigrations };
  for (const part of parts) {
    for (const [name, migration] of Object.entries(part)) {
      if (all[name]) throw new Error(`Duplicate migration name ${name}`);
      all[name] = migration;
    }
  }
  return all;
}

export async function migrateToLatest(db: Kysely<PlatformTables>, migrations: Migrations): Promise<string[]> {
  if (await allApplied(db, migrations)) {
    await ensureDataChangeNotices(db);
    return [];
  }
  // A capability's new migration sorts before the platform's 1000s that a running installation has already
  // applied (0570 after 1002): run it anyway instead of refusing the upgrade.
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  await ensureDataChangeNotices(db);
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/**
 * Whether the database has applied exactly these migrations: the start of an up-to-date installation then skips
 * Kysely's migrator, whose table checks read the whole catalogue (0,6–0,9 s on PGlite, most of a start). Any other
 * state — a new database, a migration to run, or one applied that this version lacks — goes to the migrator, which
 * runs or refuses it.
 */
async function allApplied(db: Kysely<PlatformTables>, migrations: Migrations): Promise<boolean> {
  const { rows } = await sql<{
    present: boolean;
  }>`SELECT to_regclass('kysely_migration') IS NOT NULL AS present`.execute(db);
  if (!rows[0]?.present) return false;
  const applied = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(db);
  const names = new Set(Object.keys(migrations));
  return applied.rows.length === names.size && applied.rows.every((row) => names.has(row.name));
}
