// A user's calendar feed: renew or revoke its secret address (audited), and answer the feed for a token.
import { recordAudit } from "../audit/audit.ts";
import { type Actor, can } from "../auth/access.ts";
import { actorForUser } from "../auth/sessions.ts";
import { todayInSweden } from "../calendar.ts";
import type { PlatformDb } from "../db/schema.ts";
import { notFound } from "../errors.ts";
import type { DeadlineSource } from "../reminders/deadline.ts";
import { ownId } from "../reminders/settings-service.ts";
import { transaction } from "../service.ts";
import { calendarText } from "./feed.ts";
import * as repo from "./repository.ts";
import { calendarPath, hashCalendarToken, newCalendarToken } from "./token.ts";

/** Issues a new secret address; the previous one stops working. The token is returned once, never stored. */
export async function renewCalendarFor(db: PlatformDb, actor: Actor, origin: string): Promise<{ url: string }> {
  const userId = ownId(actor);
  const token = newCalendarToken();
  await transaction(db, async (trx) => {
    const before = await repo.calendarTokenOf(trx, userId);
    await repo.saveCalendarToken(trx, userId, hashCalendarToken(token));
    // The audit log says that a new address was made, never the secret or its hash.
    await recordAudit(trx, actor, {
      entity: "calendar_token",
      entityId: userId,
      action: before ? "update" : "create",
      after: { renewed: true },
    });
  });
  return { url: `${origin.replace(/\/+$/, "")}${calendarPath(token)}` };
}

export async function revokeCalendarFor(db: PlatformDb, actor: Actor): Promise<void> {
  const userId = ownId(actor);
  await transaction(db, async (trx) => {
    const deleted = await repo.deleteCalendarToken(trx, userId);
    if (Number(deleted.numDeletedRows) === 0) return;
    await recordAudit(trx, actor, { entity: "calendar_token", entityId: userId, action: "delete" });
  });
}

/**
 * The feed for "<token>.ics": what the token's user may read today, as iCalendar text. An unknown or revoked
 * token, or an account turned off, is a 404 that tells nothing more.
 */
export async function calendarFeedFor(
  db: PlatformDb,
  file: string,
  deadlines: DeadlineSource<PlatformDb>,
  origin: string,
): Promise<string> {
  const token = file.replace(/\.ics$/, "");
  const owner = await repo.calendarTokenUser(db, hashCalendarToken(token));
  const actor = owner ? await actorForUser(db, owner.user_id) : null;
  if (!actor) throw notFound("Kalendern");
  const visible = (await deadlines(db, todayInSweden())).filter((d) => can(actor, d.permission, d.nodePath));
  return calendarText(visible, origin, new URL(origin).host);
}
