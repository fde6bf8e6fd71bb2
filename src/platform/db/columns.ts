// Column types every table module uses.
import type { ColumnType, Generated } from "kysely";

/** Timestamps are set by the database; read back as Date. */
export type CreatedAt = ColumnType<Date, string | undefined, never>;
export type UpdatedAt = ColumnType<Date, string | undefined, string>;
export type Id = Generated<string>;
/** JSON columns: written as a JSON string or value, read back parsed. */
export type Json<T = unknown> = ColumnType<T, string, string>;
