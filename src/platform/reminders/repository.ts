// SQL of reminders and calendar feeds: settings, the send log, the users who own deadline work, feed tokens.
import type { Role } from "../auth/roles.ts";
import type { PlatformDb } from "../db/schema.ts";
import type { ReminderMode } from "./vocabulary.ts";

type Db = PlatformDb;

/**
 * Valid assignments of the given roles held by active users with an e-mail address, with the node's path
 * and the user's stored reminder choice (null: none stored).
 */
export const ownerAssignments = (db: Db, roles: readonly Role[], today: string) =>
  db
    .selectFrom("role_assignment as r")
    .innerJoin("app_user as u", "u.id", "r.user_id")
    .innerJoin("org_node as n", "n.id", "r.org_node_id")
    .leftJoin("reminder_setting as s", "s.user_id", "u.id")
    .select(["u.id as userId", "r.role", "n.path", "s.mode"])
    .where("r.role", "in", roles.length ? [...roles] : [""])
    .where("u.active", "=", true)
    .where("u.email", "is not", null)
    .where("u.email", "<>", "")
    .where((eb) => eb.or([eb("r.valid_until", "is", null), eb("r.valid_until", ">=", today)]))
    .execute();

export type NewDelivery = {
  user_id: string;
  reminder_key: string;
  kind: string;
  title: string;
  reference: string | null;
  href: string;
  due_on: string;
};

/**
 * Queues reminders, ready from `now` (the job's clock, not the database's, so the same run sends them).
 * One already in the log (sent or not) is left as it is. Returns how many were new.
 */
export async function queueDeliveries(db: Db, rows: NewDelivery[], now: Date): Promise<number> {
  let added = 0;
  // Chunks keep each statement's parameter count well below PostgreSQL's limit.
  for (let i = 0; i < rows.length; i += 500) {
    const inserted = await db
      .insertInto("reminder_delivery")
      .values(rows.slice(i, i + 500).map((row) => ({ ...row, next_attempt_at: now })))
      .onConflict((oc) => oc.columns(["user_id", "reminder_key"]).doNothing())
      .returning("id")
      .execute();
    added += inserted.length;
  }
  return added;
}

export const pendingDeliveries = (db: Db) =>
  db
    .selectFrom("reminder_delivery")
    .select(["id", "user_id", "reminder_key"])
    .where("status", "=", "pending")
    .execute();

export async function cancelDeliveries(db: Db, ids: string[]): Promise<void> {
  if (ids.length)
    await db.updateTable("reminder_delivery").set({ status: "cancelled" }).where("id", "in", ids).execute();
}

/** Pending reminders whose time has come, with the recipient's address and stored choice. */
export const readyDeliveries = (db: Db, now: Date) =>
  db
    .selectFrom("reminder_delivery as d")
    .innerJoin("app_user as u", "u.id", "d.user_id")
    .leftJoin("reminder_setting as s", "s.user_id", "d.user_id")
    .select(["d.id", "d.user_id", "d.title", "d.reference", "d.href", "d.due_on", "d.attempts", "u.email", "s.mode"])
    .where("d.status", "=", "pending")
    .where("d.next_attempt_at", "<=", now)
    .orderBy("d.id")
    .execute();

/** When each user was last sent a reminder mail. */
export const lastSentAt = (db: Db, userIds: string[]) =>
  db
    .selectFrom("reminder_delivery")
    .select(["user_id", (eb) => eb.fn.max("sent_at").as("sentAt")])
    .where("status", "=", "sent")
    .where("user_id", "in", userIds.length ? userIds : ["00000000-0000-0000-0000-000000000000"])
    .groupBy("user_id")
    .execute();

/**
 * Claims ready reminders for one sender until `until`: only rows still pending and due are taken, in one
 * statement, so of two runs at once (two server processes, or a server and `lots reminders run`) only one
 * gets each row and mails it. A sender that dies holding a claim leaves the rows to be retried after `until`.
 */
export async function claimDeliveries(db: Db, ids: string[], now: Date, until: Date): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const claimed = await db
    .updateTable("reminder_delivery")
    .set({ next_attempt_at: until })
    .where("id", "in", ids)
    .where("status", "=", "pending")
    .where("next_attempt_at", "<=", now)
    .returning("id")
    .execute();
  return new Set(claimed.map((row) => row.id));
}

export const markSent = (db: Db, ids: string[], now: Date) =>
  db
    .updateTable("reminder_delivery")
    .set((eb) => ({ status: "sent", sent_at: now, attempts: eb("attempts", "+", 1), last_error: null }))
    .where("id", "in", ids)
    .execute();

export const markAttemptFailed = (
  db: Db,
  id: string,
  change: { attempts: number; nextAttemptAt: Date; error: string; givenUp: boolean },
) =>
  db
    .updateTable("reminder_delivery")
    .set({
      attempts: change.attempts,
      next_attempt_at: change.nextAttemptAt,
      last_error: change.error,
      status: change.givenUp ? "failed" : "pending",
    })
    .where("id", "=", id)
    .execute();

/** The newest rows of the send log for users under any of the given subtrees. */
export const deliveryLog = (db: Db, scopes: string[], limit: number) =>
  db
    .selectFrom("reminder_delivery as d")
    .innerJoin("app_user as u", "u.id", "d.user_id")
    .innerJoin("org_node as n", "n.id", "u.org_node_id")
    .select([
      "d.id",
      "u.display_name as recipient",
      "d.kind",
      "d.title",
      "d.reference",
      "d.href",
      "d.due_on",
      "d.status",
      "d.attempts",
      "d.last_error",
      "d.next_attempt_at",
      "d.sent_at",
      "d.created_at",
    ])
    .where((eb) => eb.or(scopes.map((scope) => eb("n.path", "like", `${scope}%`))))
    .orderBy("d.created_at", "desc")
    .orderBy("d.id", "desc")
    .limit(limit)
    .execute();

export const settingOf = (db: Db, userId: string) =>
  db.selectFrom("reminder_setting").select(["mode"]).where("user_id", "=", userId).executeTakeFirst();

export const saveSetting = (db: Db, userId: string, mode: ReminderMode) =>
  db
    .insertInto("reminder_setting")
    .values({ user_id: userId, mode })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ mode }))
    .execute();

export const emailOf = (db: Db, userId: string) =>
  db.selectFrom("app_user").select(["email"]).where("id", "=", userId).executeTakeFirst();
