// SQL of calendar feed tokens: one per user, stored as the secret's sha256.
import type { PlatformDb } from "../db/schema.ts";

export const calendarTokenOf = (db: PlatformDb, userId: string) =>
  db.selectFrom("calendar_token").select(["updated_at"]).where("user_id", "=", userId).executeTakeFirst();

/** Stores a user's token, replacing the one before (the old URL stops working). */
export const saveCalendarToken = (db: PlatformDb, userId: string, tokenHash: string) =>
  db
    .insertInto("calendar_token")
    .values({ user_id: userId, token_hash: tokenHash })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ token_hash: tokenHash }))
    .execute();

export const deleteCalendarToken = (db: PlatformDb, userId: string) =>
  db.deleteFrom("calendar_token").where("user_id", "=", userId).executeTakeFirst();

export const calendarTokenUser = (db: PlatformDb, tokenHash: string) =>
  db.selectFrom("calendar_token").select(["user_id"]).where("token_hash", "=", tokenHash).executeTakeFirst();
