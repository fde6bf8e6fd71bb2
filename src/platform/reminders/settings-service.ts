// A user's own reminder choice (audited), and the send log for admins.
import { recordAudit } from "../audit/audit.ts";
import { type Actor, requirePermissionAnywhere, scopesFor } from "../auth/access.ts";
import { calendarTokenOf } from "../calendar-feed/repository.ts";
import type { PlatformDb } from "../db/schema.ts";
import { DomainError } from "../errors.ts";
import { transaction } from "../service.ts";
import type { MailConfig } from "./mail-config.ts";
import * as repo from "./repository.ts";
import { DEFAULT_REMINDER_MODE, type ReminderMode } from "./vocabulary.ts";

const LOG_ROWS = 200;

/** The signed-in user's id; the system actor has no settings. */
export function ownId(actor: Actor): string {
  if (!actor.id) throw new DomainError("forbidden", "Bara en inloggad användare har egna inställningar.");
  return actor.id;
}

export async function mySettingsFor(db: PlatformDb, actor: Actor, mail: MailConfig | null) {
  const userId = ownId(actor);
  const stored = await repo.settingOf(db, userId);
  const calendar = await calendarTokenOf(db, userId);
  return {
    mode: stored?.mode ?? DEFAULT_REMINDER_MODE,
    isDefault: !stored,
    email: (await repo.emailOf(db, userId))?.email ?? null,
    mailConfigured: mail !== null,
    calendar: { active: Boolean(calendar), issuedAt: calendar?.updated_at.toISOString() ?? null },
  };
}

export async function saveMySettingsFor(db: PlatformDb, actor: Actor, mode: ReminderMode, mail: MailConfig | null) {
  const userId = ownId(actor);
  await transaction(db, async (trx) => {
    const before = await repo.settingOf(trx, userId);
    await repo.saveSetting(trx, userId, mode);
    await recordAudit(trx, actor, {
      entity: "reminder_setting",
      entityId: userId,
      action: before ? "update" : "create",
      before: before ?? undefined,
      after: { mode },
    });
  });
  return mySettingsFor(db, actor, mail);
}

/** Admins see the log of the users under the nodes they administer. */
export async function deliveryLogFor(db: PlatformDb, actor: Actor, mail: MailConfig | null) {
  requirePermissionAnywhere(actor, "admin");
  const rows = await repo.deliveryLog(db, scopesFor(actor, "admin"), LOG_ROWS);
  return {
    mailConfigured: mail !== null,
    intervalMinutes: mail?.intervalMinutes ?? null,
    rows: rows.map((r) => ({
      id: String(r.id),
      recipient: r.recipient,
      kind: r.kind,
      title: r.title,
      reference: r.reference,
      href: r.href,
      dueOn: r.due_on,
      status: r.status,
      attempts: r.attempts,
      lastError: r.last_error,
      nextAttemptAt: r.next_attempt_at.toISOString(),
      sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
      createdAt: r.created_at.toISOString(),
    })),
  };
}
