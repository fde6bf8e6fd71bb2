import crypto from "node:crypto";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.ts";
import type { DB } from "../db/schema.ts";
import { type Actor, type Role, roles } from "./access.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";

export const SESSION_HOURS = 10;

const sha256 = (token: string) => crypto.createHash("sha256").update(token).digest("base64url");
const randomToken = () => crypto.randomBytes(32).toString("base64url");

// Verifying against a fixed hash for unknown users keeps response time from revealing which names exist.
let dummyHash: Promise<string> | undefined;

export type LoginResult = { token: string; csrfToken: string; actor: Actor };

export async function login(db: Kysely<DB>, username: string, password: string): Promise<LoginResult | null> {
  const user = await db
    .selectFrom("app_user")
    .select(["id", "password_hash", "active", "display_name", "org_node_id"])
    .where("username", "=", username.trim().toLowerCase())
    .executeTakeFirst();
  dummyHash ??= hashPassword(randomToken());
  const ok = await verifyPassword(user?.password_hash ?? (await dummyHash), password);
  if (!user || !ok || !user.active) {
    await recordAudit(db, null, {
      entity: "session",
      entityId: null,
      action: "login_failed",
      after: { username },
    });
    return null;
  }
  const token = randomToken();
  const csrfToken = randomToken();
  const expires = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("session")
      .values({
        id: sha256(token),
        user_id: user.id,
        csrf_token: csrfToken,
        expires_at: expires.toISOString(),
      })
      .execute();
    await recordAudit(
      trx,
      { id: user.id, displayName: user.display_name, username, assignments: [] },
      {
        entity: "session",
        entityId: user.id,
        orgNodeId: user.org_node_id,
        action: "login",
      },
    );
  });
  const actor = await actorForUser(db, user.id);
  if (!actor) return null;
  return { token, csrfToken, actor };
}

export async function actorForUser(db: Kysely<DB>, userId: string): Promise<Actor | null> {
  const user = await db
    .selectFrom("app_user")
    .select(["id", "username", "display_name"])
    .where("id", "=", userId)
    .where("active", "=", true)
    .executeTakeFirst();
  if (!user) return null;
  // Last valid day is a Swedish calendar date, so compare against today's date in Sweden, not UTC.
  const today = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });
  const assignments = await db
    .selectFrom("role_assignment as r")
    .innerJoin("org_node as n", "n.id", "r.org_node_id")
    .select(["r.role", "r.org_node_id", "n.path"])
    .where("r.user_id", "=", user.id)
    .where((eb) => eb.or([eb("r.valid_until", "is", null), eb("r.valid_until", ">=", today)]))
    .execute();
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    assignments: assignments
      .filter((a) => (roles as readonly string[]).includes(a.role))
      .map((a) => ({ role: a.role as Role, orgNodeId: a.org_node_id, path: a.path })),
  };
}

export type SessionActor = { actor: Actor; csrfToken: string; sessionId: string };

export async function sessionActor(db: Kysely<DB>, token: string): Promise<SessionActor | null> {
  const session = await db
    .selectFrom("session")
    .select(["id", "user_id", "csrf_token"])
    .where("id", "=", sha256(token))
    .where("expires_at", ">", new Date())
    .executeTakeFirst();
  if (!session) return null;
  const actor = await actorForUser(db, session.user_id);
  return actor ? { actor, csrfToken: session.csrf_token, sessionId: session.id } : null;
}

export async function logout(db: Kysely<DB>, session: SessionActor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("session").where("id", "=", session.sessionId).execute();
    await recordAudit(trx, session.actor, {
      entity: "session",
      entityId: session.actor.id,
      action: "logout",
    });
  });
}

export const constantTimeEqual = (a: string, b: string) =>
  a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));
