// A sign-in through the identity provider: the account is found by the provider's subject (never by name
// or e-mail, which change), created or updated from the claims, and its rule-made roles replaced by what
// the mapping rules give now. Roles an admin assigned by hand are kept: the rules add to them, they never
// take them away. No role at all means no session.
import { recordAudit } from "../../audit/audit.ts";
import type { PlatformDb } from "../../db/schema.ts";
import { transaction } from "../../service.ts";
import type { Actor } from "../access.ts";
import type { Role } from "../roles.ts";
import { actorForUser, normaliseUsername, openSession } from "../sessions.ts";
import type { VerifiedSignIn } from "./client.ts";
import * as repo from "./repository.ts";
import { grantsFor, type MappingRule } from "./rules.ts";

export type IdentityProvider = { issuer: string; name: string };

export type SsoSignIn =
  | { status: "ok"; token: string; csrfToken: string; actor: Actor }
  | { status: "no_role" }
  | { status: "inactive" };

const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined);

/** The account's name as the provider gives it, falling back from the full name to what identifies the user. */
function profileOf(claims: Record<string, unknown>) {
  const given = [text(claims.given_name), text(claims.family_name)].filter(Boolean).join(" ");
  const email = text(claims.email) ?? null;
  const displayName =
    text(claims.name) ?? (given || undefined) ?? text(claims.preferred_username) ?? email ?? String(claims.sub);
  return { displayName, email };
}

/** A user name for a new account: the provider's preferred name or e-mail, made unique if a local account has it. */
async function freeUsername(db: PlatformDb, claims: Record<string, unknown>, idp: IdentityProvider): Promise<string> {
  const wanted = normaliseUsername(text(claims.preferred_username) ?? text(claims.email) ?? String(claims.sub));
  // An existing local account with the same name is not taken over: the provider does not own Lots's names.
  if (!(await repo.usernameExists(db, wanted))) return wanted;
  return `${wanted}@${new URL(idp.issuer).host}#${String(claims.sub).slice(0, 12)}`;
}

/** Signs in the holder of verified claims; creates or updates the account and replaces its rule-made roles. */
export async function signInWithClaims(
  db: PlatformDb,
  idp: IdentityProvider,
  verified: VerifiedSignIn,
): Promise<SsoSignIn> {
  const claims = verified.claims as Record<string, unknown>;
  const subject = String(claims.sub);
  const profile = profileOf(claims);
  return transaction(db, async (trx) => {
    const rules = (await repo.mappingRules(trx)).map(
      (r): MappingRule => ({ claim: r.claim, value: r.value, role: r.role as Role, orgNodeId: r.org_node_id }),
    );
    const grants = grantsFor(rules, claims);
    let user = await repo.identityBySubject(trx, idp.issuer, subject);
    const self = (u: { id: string; display_name: string; username: string }): Actor => ({
      id: u.id,
      displayName: u.display_name,
      username: u.username,
      assignments: [],
    });
    if (!user) {
      const root = await repo.rootNode(trx);
      if (!root) throw new Error("Organisationen saknas: kör lots init först.");
      const created = await repo.insertUser(trx, {
        username: await freeUsername(trx, claims, idp),
        displayName: profile.displayName,
        email: profile.email,
        orgNodeId: grants[0]?.orgNodeId ?? root.id,
      });
      await recordAudit(trx, self(created), {
        entity: "app_user",
        entityId: created.id,
        orgNodeId: created.org_node_id,
        action: "create",
        after: created,
      });
      user = { ...created, active: true };
    } else {
      if (!user.active) return { status: "inactive" };
      if (user.display_name !== profile.displayName || user.email !== profile.email) {
        await repo.updateUserProfile(trx, user.id, profile);
        await recordAudit(trx, self(user), {
          entity: "app_user",
          entityId: user.id,
          orgNodeId: user.org_node_id,
          action: "update",
          before: { display_name: user.display_name, email: user.email },
          after: { display_name: profile.displayName, email: profile.email },
        });
      }
    }
    await repo.saveIdentity(trx, { userId: user.id, issuer: idp.issuer, subject, claims });
    const account = user;
    await replaceRuleRoles(trx, self(account), account.id, grants);

    const actor = await actorForUser(trx, account.id);
    if (!actor || actor.assignments.length === 0) {
      await recordAudit(trx, self(account), {
        entity: "session",
        entityId: account.id,
        orgNodeId: account.org_node_id,
        action: "login_refused",
        after: { idp: idp.name, reason: "ingen roll" },
      });
      return { status: "no_role" };
    }
    const opened = await openSession(trx, account.id);
    await repo.insertSessionToken(trx, opened.sessionId, verified.idToken);
    await recordAudit(trx, actor, {
      entity: "session",
      entityId: account.id,
      orgNodeId: account.org_node_id,
      action: "login",
      after: { idp: idp.name },
    });
    return { status: "ok", token: opened.token, csrfToken: opened.csrfToken, actor };
  });
}

/** Drops the rule-made roles the rules no longer give and adds the ones they give that the user lacks. */
async function replaceRuleRoles(trx: PlatformDb, actor: Actor, userId: string, grants: ReturnType<typeof grantsFor>) {
  const key = (role: string, node: string) => `${role}|${node}`;
  const wanted = new Set(grants.map((g) => key(g.role, g.orgNodeId)));
  const ruleMade = await repo.ruleAssignments(trx, userId);
  const dropped = ruleMade.filter((a) => !wanted.has(key(a.role, a.org_node_id)));
  await repo.deleteAssignments(
    trx,
    dropped.map((a) => a.id),
  );
  for (const a of dropped) {
    await recordAudit(trx, actor, {
      entity: "role_assignment",
      entityId: a.id,
      orgNodeId: a.org_node_id,
      action: "delete",
      before: { user_id: userId, role: a.role, org_node_id: a.org_node_id },
    });
  }
  const held = new Set((await repo.userAssignments(trx, userId)).map((a) => key(a.role, a.org_node_id)));
  for (const grant of grants) {
    if (held.has(key(grant.role, grant.orgNodeId))) continue;
    const added = await repo.insertRuleAssignment(trx, userId, grant.role, grant.orgNodeId);
    await recordAudit(trx, actor, {
      entity: "role_assignment",
      entityId: added.id,
      orgNodeId: added.org_node_id,
      action: "create",
      after: { user_id: userId, role: added.role, org_node_id: added.org_node_id },
    });
  }
}
