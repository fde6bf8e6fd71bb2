// Queries of single sign-on: identities, mapping rules, the role assignments the rules made, and the ID
// token of a session begun at the identity provider. The rules around them live in the services.
import type { PlatformDb } from "../../db/schema.ts";

export const identityBySubject = (db: PlatformDb, issuer: string, subject: string) =>
  db
    .selectFrom("oidc_identity as i")
    .innerJoin("app_user as u", "u.id", "i.user_id")
    .select(["u.id", "u.username", "u.display_name", "u.email", "u.active", "u.org_node_id"])
    .where("i.issuer", "=", issuer)
    .where("i.subject", "=", subject)
    .executeTakeFirst();

export const usernameExists = async (db: PlatformDb, username: string) =>
  (await db.selectFrom("app_user").select("id").where("username", "=", username).executeTakeFirst()) !== undefined;

export type NewAccount = { username: string; displayName: string; email: string | null; orgNodeId: string };

export const insertUser = (db: PlatformDb, a: NewAccount) =>
  db
    .insertInto("app_user")
    .values({ username: a.username, display_name: a.displayName, email: a.email, org_node_id: a.orgNodeId })
    .returning(["id", "username", "display_name", "email", "org_node_id"])
    .executeTakeFirstOrThrow();

export const updateUserProfile = (db: PlatformDb, id: string, profile: { displayName: string; email: string | null }) =>
  db
    .updateTable("app_user")
    .set({ display_name: profile.displayName, email: profile.email })
    .where("id", "=", id)
    .execute();

export const saveIdentity = (
  db: PlatformDb,
  identity: { userId: string; issuer: string; subject: string; claims: Record<string, unknown> },
) =>
  db
    .insertInto("oidc_identity")
    .values({
      user_id: identity.userId,
      issuer: identity.issuer,
      subject: identity.subject,
      claims: JSON.stringify(identity.claims),
      last_login_at: new Date(),
    })
    .onConflict((oc) =>
      oc.column("user_id").doUpdateSet({ claims: JSON.stringify(identity.claims), last_login_at: new Date() }),
    )
    .execute();

/** The top of the organisation tree: where an account without a mapped role belongs. */
export const rootNode = (db: PlatformDb) =>
  db
    .selectFrom("org_node")
    .select(["id", "name"])
    .where("parent_id", "is", null)
    .orderBy("sort_order")
    .orderBy("name")
    .executeTakeFirst();

/** Every kommun of the installation (each a root of the tree). */
export const rootNodes = (db: PlatformDb) =>
  db.selectFrom("org_node").select(["id", "name"]).where("parent_id", "is", null).orderBy("name").execute();

export const mappingRules = (db: PlatformDb) =>
  db
    .selectFrom("oidc_role_rule as r")
    .innerJoin("org_node as n", "n.id", "r.org_node_id")
    .select(["r.id", "r.claim", "r.value", "r.role", "r.org_node_id", "n.name as org_node_name"])
    .orderBy("r.claim")
    .orderBy("r.value")
    .orderBy("r.role")
    .orderBy("n.path")
    .execute();

export const insertRules = (
  db: PlatformDb,
  rules: readonly { claim: string; value: string; role: string; orgNodeId: string }[],
) =>
  rules.length === 0
    ? Promise.resolve([])
    : db
        .insertInto("oidc_role_rule")
        .values(rules.map((r) => ({ claim: r.claim, value: r.value, role: r.role, org_node_id: r.orgNodeId })))
        .returning(["id", "claim", "value", "role", "org_node_id"])
        .execute();

export const deleteRules = (db: PlatformDb, ids: readonly string[]) =>
  ids.length === 0 ? Promise.resolve() : db.deleteFrom("oidc_role_rule").where("id", "in", ids).execute();

/** The last seen claims of every active account that signs in through the identity provider. */
export const signedInClaims = (db: PlatformDb) =>
  db
    .selectFrom("oidc_identity as i")
    .innerJoin("app_user as u", "u.id", "i.user_id")
    .select(["i.claims"])
    .where("u.active", "=", true)
    .execute();

/** The user's role assignments that the rules made. */
export const ruleAssignments = (db: PlatformDb, userId: string) =>
  db
    .selectFrom("role_assignment as r")
    .innerJoin("oidc_role_grant as g", "g.role_assignment_id", "r.id")
    .select(["r.id", "r.role", "r.org_node_id"])
    .where("r.user_id", "=", userId)
    .execute();

export const userAssignments = (db: PlatformDb, userId: string) =>
  db.selectFrom("role_assignment").select(["id", "role", "org_node_id"]).where("user_id", "=", userId).execute();

export const insertRuleAssignment = async (db: PlatformDb, userId: string, role: string, orgNodeId: string) => {
  const row = await db
    .insertInto("role_assignment")
    .values({ user_id: userId, role, org_node_id: orgNodeId })
    .returning(["id", "role", "org_node_id"])
    .executeTakeFirstOrThrow();
  await db.insertInto("oidc_role_grant").values({ role_assignment_id: row.id }).execute();
  return row;
};

export const deleteAssignments = (db: PlatformDb, ids: readonly string[]) =>
  ids.length === 0 ? Promise.resolve() : db.deleteFrom("role_assignment").where("id", "in", ids).execute();

export const insertSessionToken = (db: PlatformDb, sessionId: string, idToken: string) =>
  db.insertInto("oidc_session").values({ session_id: sessionId, id_token: idToken }).execute();

export const sessionToken = async (db: PlatformDb, sessionId: string) =>
  (await db.selectFrom("oidc_session").select("id_token").where("session_id", "=", sessionId).executeTakeFirst())
    ?.id_token ?? null;

export const nodeNames = (db: PlatformDb, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db.selectFrom("org_node").select(["id", "name"]).where("id", "in", ids).execute();
