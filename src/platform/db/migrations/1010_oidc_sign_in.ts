import { type Kysely, sql } from "kysely";

/**
 * Single sign-on with OpenID Connect: the link from an identity provider's subject to a Lots account (with
 * the claims last seen, so an admin can preview what a change of the mapping rules would do), the rules
 * mapping a claim value (a group) to a role on an organisation node, and which role assignments those
 * rules made, so a later login replaces exactly them and leaves roles assigned by hand alone. A session
 * begun at the identity provider keeps its ID token, the hint for ending the provider's session at logout.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE oidc_identity (
      user_id uuid PRIMARY KEY REFERENCES app_user(id) ON DELETE CASCADE,
      issuer text NOT NULL,
      subject text NOT NULL,
      claims jsonb NOT NULL,
      last_login_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (issuer, subject)
    )`.execute(db);
  await sql`
    CREATE TRIGGER oidc_identity_touch BEFORE UPDATE ON oidc_identity
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE oidc_role_rule (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      claim text NOT NULL CHECK (length(claim) BETWEEN 1 AND 200),
      value text NOT NULL CHECK (length(value) BETWEEN 1 AND 500),
      role text NOT NULL CHECK (role IN ('admin','controller','kvalitet','namndsekreterare','enhetschef','handlaggare','fortroendevald','medarbetare')),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (claim, value, role, org_node_id)
    )`.execute(db);
  await sql`
    CREATE TRIGGER oidc_role_rule_touch BEFORE UPDATE ON oidc_role_rule
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE oidc_role_grant (
      role_assignment_id uuid PRIMARY KEY REFERENCES role_assignment(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`
    CREATE TABLE oidc_session (
      session_id text PRIMARY KEY REFERENCES session(id) ON DELETE CASCADE,
      id_token text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
}
