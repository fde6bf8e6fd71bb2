import type { ColumnType, Generated } from "kysely";
import type { EkonomiTables } from "../../ekonomi/tables.ts";
import type { EvbTables } from "../../evb/tables.ts";
import type { OrganisationTables } from "../../organisation/tables.ts";
import type { StyrningTables } from "../../styrning/tables.ts";
import type { AccessTables } from "../access/tables.ts";
import type { AuditTables } from "../audit/tables.ts";
import type { AuthTables } from "../auth/tables.ts";

/** Timestamps are set by the database; read back as Date. */
export type CreatedAt = ColumnType<Date, string | undefined, never>;
export type UpdatedAt = ColumnType<Date, string | undefined, string>;
export type Id = Generated<string>;
/** JSON columns: written as a JSON string or value, read back parsed. */
export type Json<T = unknown> = ColumnType<T, string, string>;

/** Every capability contributes its tables here. */
export interface DB
  extends EkonomiTables,
    OrganisationTables,
    AuthTables,
    AuditTables,
    AccessTables,
    StyrningTables,
    EvbTables {}
