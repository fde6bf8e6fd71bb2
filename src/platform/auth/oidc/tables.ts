import type { ColumnType } from "kysely";
import type { CreatedAt, Id, Json, UpdatedAt } from "../../db/columns.ts";

/** A Lots account signed in through the identity provider: `subject` is the stable link, never the name. */
export interface OidcIdentityTable {
  user_id: string;
  issuer: string;
  subject: string;
  /** The claims of the last login, for previewing a change of the mapping rules. */
  claims: Json<Record<string, unknown>>;
  last_login_at: ColumnType<Date, string | Date, string | Date>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** A claim value (say a group) that gives a role on an organisation node at login. */
export interface OidcRoleRuleTable {
  id: Id;
  claim: string;
  value: string;
  role: string;
  org_node_id: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** A role assignment made by the rules; the next login replaces these and leaves the rest alone. */
export interface OidcRoleGrantTable {
  role_assignment_id: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** A Lots session begun at the identity provider: its ID token is the hint for RP-initiated logout. */
export interface OidcSessionTable {
  session_id: string;
  id_token: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface OidcTables {
  oidc_identity: OidcIdentityTable;
  oidc_role_rule: OidcRoleRuleTable;
  oidc_role_grant: OidcRoleGrantTable;
  oidc_session: OidcSessionTable;
}
