import type { ColumnType, Generated } from "kysely";
import type { CreatedAt, Id, UpdatedAt } from "../db/columns.ts";

export interface AppUserTable {
  id: Id;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string | null;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  /** Organisation node the account belongs to (tenant key). */
  org_node_id: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface RoleAssignmentTable {
  id: Id;
  user_id: string;
  role: string;
  org_node_id: string;
  /** Access ends after this date — rights follow staff moves instead of lingering. */
  valid_until: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface SessionTable {
  /** sha256 of the cookie token; the token itself is never stored. */
  id: string;
  user_id: string;
  csrf_token: string;
  expires_at: ColumnType<Date, string | Date, string | Date>;
  /** Refreshed at most once a minute, so the idle timeout costs no write per request. */
  last_seen_at: ColumnType<Date, string | Date | undefined, string | Date>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** Kept apart from the append-only audit log so it can be purged after the retention period. */
export interface FailedLoginTable {
  id: Generated<string>;
  /** The name as typed, normalised (trim, lower case, NFKC); unknown names too. */
  username: string;
  address: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface AuthTables {
  app_user: AppUserTable;
  role_assignment: RoleAssignmentTable;
  session: SessionTable;
  failed_login: FailedLoginTable;
}
