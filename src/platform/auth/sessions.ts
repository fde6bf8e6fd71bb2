import crypto from "node:crypto";
import { recordAudit } from "../audit/audit.ts";
import { todayInSweden } from "../calendar.ts";
import type { PlatformDb } from "../db/schema.ts";
import type { Actor } from "./access.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";
import * as repo from "./repository.ts";
import { type Role, roles } from "./roles.ts";
import type { SessionCache } from "./session-cache.ts";

export const SESSION_HOURS = 10;
/** Failed logins per account, from any address, before that account is refused for the window. */
export const ACCOUNT_LOGIN_LIMIT = { failures: 10, minutes: 15 } as const;
// last_seen_at is written at most this often, so the idle timeout costs no write per request.
const LAST_SEEN_STEP_MS = 60_000;

/** The stored id of the session a cookie token opens: the token itself is never stored. */
export const sessionIdOf = (token: string) => crypto.createHash("sha256").update(token).digest("base64url");
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
  const recent = await repo.failedLoginsSince(db, username, minutesAgo(ACCOUNT_LOGIN_LIMIT.minutes));
  // Refused before the password is checked: a guess spread over many addresses is slowed all the same.
  if (recent >= ACCOUNT_LOGIN_LIMIT.failures) return { status: "locked" };
  const user = await repo.userByUsername(db, username);
  dummyHash ??= hashPassword(randomToken());
  const ok = await verifyPassword(user?.password_hash ?? (await dummyHash), attempt.password);
  if (!user || !ok || !user.active) {
    await repo.insertFailedLogin(db, username, attempt.address);
    return { status: "failed" };
  }
  const { token, csrfToken } = await db.transaction().execute(async (trx) => {
    const opened = await openSession(trx, user.id);
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
    return opened;
  });
  const actor = await actorForUser(db, user.id);
  if (!actor) return { status: "failed" };
  return { status: "ok", token, csrfToken, actor };
}

export type OpenedSession = { token: string; csrfToken: string; sessionId: string };

/** A new session for the account (password or single sign-on); the cookie carries `token`. */
export async function openSession(db: PlatformDb, userId: string): Promise<OpenedSession> {
  const token = randomToken();
  const csrfToken = randomToken();
  const sessionId = sessionIdOf(token);
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await repo.insertSession(db, { id: sessionId, userId, csrfToken, expiresAt });
  return { token, csrfToken, sessionId };
}

export async function actorForUser(db: PlatformDb, userId: string): Promise<Actor | null> {
  const user = await repo.activeUser(db, userId);
  if (!user) return null;
  return toActor(user, await repo.validAssignments(db, user.id, todayInSweden()));
}

function toActor(
  user: { id: string; username: string; display_name: string },
  assignments: { role: string; org_node_id: string; path: string }[],
): Actor {
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

export type LiveSession = NonNullable<Awaited<ReturnType<typeof repo.liveSessionActor>>>;

/**
 * The session with this id (sessionIdOf the cookie's token), unless it has expired or been idle longer than idleMinutes. A session read in
 * the last few seconds is taken from the cache (roles valid today: the date is part of its key).
 */
export async function sessionActor(
  db: PlatformDb,
  id: string,
  idleMinutes: number,
  cache: SessionCache<LiveSession>,
): Promise<SessionActor | null> {
  const now = Date.now();
  // Last valid day is a Swedish calendar date, so compare against today's date in Sweden, not UTC.
  const at = { now: new Date(now), seenSince: minutesAgo(idleMinutes, now), today: todayInSweden() };
  const alive = (s: LiveSession) => s.expires_at > at.now && s.last_seen_at > at.seenSince;
  const held = cache.get(id, at.today);
  // Session, account and roles in one statement: every authenticated request not served from memory starts here.
  const read = () => repo.liveSessionActor(db, id, at);
  const session = held && alive(held) ? held : await cache.load(id, at.today, read);
  if (!session) return null;
  const actor = toActor({ ...session, id: session.user_id }, session.assignments);
  if (now - session.last_seen_at.getTime() >= LAST_SEEN_STEP_MS) {
    await repo.touchSession(db, session.id, at.now);
    session.last_seen_at = at.now; // the held copy too
  }
  return { actor, csrfToken: session.csrf_token, sessionId: session.id };
}

export type RetentionSettings = { sessionIdleMinutes: number; failedLoginRetentionDays: number };

/** Deletes expired and idle sessions and failed-login rows past their retention period. */
export async function purgeExpired(db: PlatformDb, settings: RetentionSettings) {
  const now = Date.now();
  const sessions = await repo.deleteDeadSessions(db, new Date(now), minutesAgo(settings.sessionIdleMinutes, now));
  const failedLogins = await repo.deleteFailedLoginsBefore(
    db,
    minutesAgo(settings.failedLoginRetentionDays * 1440, now),
  );
  return { sessions, failedLogins };
}

export async function logout(db: PlatformDb, session: SessionActor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await repo.deleteSession(trx, session.sessionId);
    await recordAudit(trx, session.actor, {
      entity: "session",
      entityId: session.actor.id,
      action: "logout",
    });
  });
}

export const constantTimeEqual = (a: string, b: string) =>
  a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));
