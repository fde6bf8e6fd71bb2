import type { Kysely, Transaction } from "kysely";
import type { AccessTables } from "../access/tables.ts";
import type { AuditTables } from "../audit/tables.ts";
import type { OidcTables } from "../auth/oidc/tables.ts";
import type { AuthTables } from "../auth/tables.ts";
import type { OrgTables } from "../org/tables.ts";
import type { ReminderTables } from "../reminders/tables.ts";

/**
 * The platform's tables. Each capability sees the database as these plus its own tables
 * (`Kysely<EvbDB>` …), so the compiler refuses a query on another capability's table.
 */
export interface PlatformTables extends OrgTables, AuthTables, AuditTables, AccessTables, OidcTables, ReminderTables {}

/**
 * A handle on tables `T`: the database or an open transaction. Spelled as a union because TypeScript
 * accepts a wider database for a narrower one (`Kysely<EvbDB>` for `Kysely<PlatformTables>`) and a wider
 * transaction for a narrower one, but not a wider transaction for a narrower database.
 */
export type DbOf<T> = Kysely<T> | Transaction<T>;

export type PlatformDb = DbOf<PlatformTables>;
