// Queries of accounts, sessions and failed logins; the rules around them live in sessions.ts and access.ts.
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { PlatformDb } from "../db/schema.ts";

export async function failedLoginsSince(db: PlatformDb, username: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom("failed_login")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("username", "=", username)
    .where("created_at", ">", since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export const insertFailedLogin = (db: PlatformDb, username: string, address: string) =>
  db.insertInto("failed_login").values({ username, address }).execute();

export const userByUsername = (db: PlatformDb, username: string) =>
  db
    .selectFrom("app_user")
    .select(["id", "username", "password_hash", "active", "display_name", "org_node_id"])
    .where("username", "=", username)
    .executeTakeFirst();

export const activeUser = (db: PlatformDb, userId: string) =>
  db
    .selectFrom("app_user")
    .select(["id", "username", "display_name"])
    .where("id", "=", userId)
    .where("active", "=", true)
    .executeTakeFirst();

/** Role assignments still valid on `today` (a date), with the path of the node each covers. */
export const validAssignments = (db: PlatformDb, userId: string, today: string) =>
  db
    .selectFrom("role_assignment as r")
    .innerJoin("org_node as n", "n.id", "r.org_node_id")
    .select(["r.role", "r.org_node_id", "n.path"])
    .where("r.user_id", "=", userId)
    .where((eb) => eb.or([eb("r.valid_until", "is", null), eb("r.valid_until", ">=", today)]))
    .execute();

export type NewSession = { id: string; userId: string; csrfToken: string; expiresAt: Date };

export const insertSession = (db: PlatformDb, s: NewSession) =>
  db
    .insertInto("session")
    .values({ id: s.id, user_id: s.userId, csrf_token: s.csrfToken, expires_at: s.expiresAt.toISOString() })
    .execute();

/** The session unless it expired before `now` or was last seen before `seenSince`. */
/**
 * A live session with its active account and the roles valid on `today`, or nothing: expired, idle since
 * `seenSince`, or the account deactivated.
 */
export const liveSessionActor = (db: PlatformDb, id: string, at: { now: Date; seenSince: Date; today: string }) =>
  db
    .selectFrom("session as s")
    .innerJoin("app_user as u", "u.id", "s.user_id")
    .select([
      "s.id",
      "s.csrf_token",
      "s.expires_at",
      "s.last_seen_at",
      "u.id as user_id",
      "u.username",
      "u.display_name",
    ])
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom("role_assignment as r")
          .innerJoin("org_node as n", "n.id", "r.org_node_id")
          .select(["r.role", "r.org_node_id", "n.path"])
          .whereRef("r.user_id", "=", "u.id")
          .where((w) => w.or([w("r.valid_until", "is", null), w("r.valid_until", ">=", at.today)])),
      ).as("assignments"),
    )
    .where("s.id", "=", id)
    .where("s.expires_at", ">", at.now)
    .where("s.last_seen_at", ">", at.seenSince)
    .where("u.active", "=", true)
    .executeTakeFirst();

export const touchSession = (db: PlatformDb, id: string, now: Date) =>
  db.updateTable("session").set({ last_seen_at: now }).where("id", "=", id).execute();

export const deleteSession = (db: PlatformDb, id: string) => db.deleteFrom("session").where("id", "=", id).execute();

/** Deletes sessions expired by `now` or last seen by `seenBy`; returns how many. */
export async function deleteDeadSessions(db: PlatformDb, now: Date, seenBy: Date): Promise<number> {
  const result = await db
    .deleteFrom("session")
    .where((eb) => eb.or([eb("expires_at", "<=", now), eb("last_seen_at", "<=", seenBy)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteFailedLoginsBefore(db: PlatformDb, before: Date): Promise<number> {
  const result = await db.deleteFrom("failed_login").where("created_at", "<", before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export const orgNodeById = (db: PlatformDb, id: string) =>
  db.selectFrom("org_node").select(["id", "path", "name", "kind"]).where("id", "=", id).executeTakeFirst();
