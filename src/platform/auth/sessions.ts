import crypto from "node:crypto";
import { recordAudit } from "../audit/audit.ts";
import type { PlatformDb } from "../db/schema.ts";
import { type Actor, type Role, roles } from "./access.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";

export const SESSION_HOURS = 10;
/** Failed logins per account, from any address, before that account is refused for the window. */
export const ACCOUNT_LOGIN_LIMIT = { failures: 10, minutes: 15 } as const;
// last_seen_at is written at most this often, so the idle timeout costs no write per request.
const LAST_SEEN_STEP_MS = 60_000;

const sha256 = (token: string) => crypto.createHash("sha256").update(token).digest("base64url");
const randomToken = () => crypto.randomBytes(32).toString("base64url");
const minutesAgo = (minutes: number, now = Date.now()) => new Date(now - minutes * 60_000);

/**
 * One spelling per account for lookups and limits: " Admin", "ADMIN" and full-width "ａｄｍｉｎ" are the
 * same name, so none of them gets a fresh rate-limit bucket.
 */
export const normaliseUsername = (value: unknown): string =>
  String(value ?? "")
    .normalize("NFKC")
    .trim()
    .toLowerCase();

// Verifying against a fixed hash for unknown users keeps response time from revealing which names exist.
let dummyHash: Promise<string> | undefined;

export type LoginAttempt = { username: string; password: string; address: string };
export type LoginResult =
  | { status: "ok"; token: string; csrfToken: string; actor: Actor }
  | { status: "failed" }
  | { status: "locked" };

export async function login(db: PlatformDb, attempt: LoginAttempt): Promise<LoginResult> {
  const username = normaliseUsername(attempt.username);
  const recent = await db
    .selectFrom("failed_login")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("username", "=", username)
    .where("created_at", ">", minutesAgo(ACCOUNT_LOGIN_LIMIT.minutes))
    .executeTakeFirstOrThrow();
  // Refused before the password is checked: a guess spread over many addresses is slowed all the same.
  if (Number(recent.n) >= ACCOUNT_LOGIN_LIMIT.failures) return { status: "locked" };
  const user = await db
    .selectFrom("app_user")
    .select(["id", "username", "password_hash", "active", "display_name", "org_node_id"])
    .where("username", "=", username)
    .executeTakeFirst();
  dummyHash ??= hashPassword(randomToken());
  const ok = await verifyPassword(user?.password_hash ?? (await dummyHash), attempt.password);
  if (!user || !ok || !user.active) {
    await db.insertInto("failed_login").values({ username, address: attempt.address }).execute();
    return { status: "failed" };
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
      { id: user.id, displayName: user.display_name, username: user.username, assignments: [] },
      {
        entity: "session",
        entityId: user.id,
        orgNodeId: user.org_node_id,
        action: "login",
      },
    );
  });
  const actor = await actorForUser(db, user.id);
  if (!actor) return { status: "failed" };
  return { status: "ok", token, csrfToken, actor };
}

export async function actorForUser(db: PlatformDb, userId: string): Promise<Actor | null> {
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

/** The session behind a cookie token, unless it has expired or been idle longer than idleMinutes. */
export async function sessionActor(db: PlatformDb, token: string, idleMinutes: number): Promise<SessionActor | null> {
  const now = Date.now();
  const session = await db
    .selectFrom("session")
    .select(["id", "user_id", "csrf_token", "last_seen_at"])
    .where("id", "=", sha256(token))
    .where("expires_at", ">", new Date(now))
    .where("last_seen_at", ">", minutesAgo(idleMinutes, now))
    .executeTakeFirst();
  if (!session) return null;
  const actor = await actorForUser(db, session.user_id);
  if (!actor) return null;
  if (now - session.last_seen_at.getTime() >= LAST_SEEN_STEP_MS) {
    await db
      .updateTable("session")
      .set({ last_seen_at: new Date(now) })
      .where("id", "=", session.id)
      .execute();
  }
  return { actor, csrfToken: session.csrf_token, sessionId: session.id };
}

export type RetentionSettings = { sessionIdleMinutes: number; failedLoginRetentionDays: number };

/** Deletes expired and idle sessions and failed-login rows past their retention period. */
export async function purgeExpired(db: PlatformDb, settings: RetentionSettings) {
  const now = Date.now();
  const sessions = await db
    .deleteFrom("session")
    .where((eb) =>
      eb.or([
        eb("expires_at", "<=", new Date(now)),
        eb("last_seen_at", "<=", minutesAgo(settings.sessionIdleMinutes, now)),
      ]),
    )
    .executeTakeFirst();
  const failedLogins = await db
    .deleteFrom("failed_login")
    .where("created_at", "<", minutesAgo(settings.failedLoginRetentionDays * 1440, now))
    .executeTakeFirst();
  return { sessions: Number(sessions.numDeletedRows), failedLogins: Number(failedLogins.numDeletedRows) };
}

export async function logout(db: PlatformDb, session: SessionActor): Promise<void> {
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
