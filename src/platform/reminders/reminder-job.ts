// The reminder job: from every capability's deadlines, queue each owner's due reminders in the send log
// (once per user and reminder, ever), then mail what is ready, grouped per user, retrying failures with
// backoff. The log is written before and after each mail, so a restart resends nothing already sent; a
// crash between the SMTP server's acceptance and the log's update is the one case that may send twice.
import type { Role } from "../auth/roles.ts";
import { todayInSweden } from "../calendar.ts";
import type { PlatformDb } from "../db/schema.ts";
import { type Deadline, type DeadlineSource, isRemindable, reminderKey } from "./deadline.ts";
import type { MailConfig } from "./mail-config.ts";
import { type Mailer, smtpMailer } from "./mailer.ts";
import { composeMail } from "./message.ts";
import * as repo from "./repository.ts";
import { digestDue, MAX_ATTEMPTS, retryDelayMs } from "./schedule.ts";
import { DEFAULT_REMINDER_MODE } from "./vocabulary.ts";

export type ReminderRun = { queued: number; cancelled: number; mails: number; failed: number };

export type ReminderJobDeps = {
  deadlines: DeadlineSource<PlatformDb>;
  /** Null when no SMTP server is configured: the job then does nothing at all. */
  mailer: Mailer | null;
  publicUrl: string;
  now?: Date;
};

/** Who gets which due reminder: holders of an owning role on the record's node or above, unless they turned reminders off. */
async function wanted(db: PlatformDb, due: Deadline[], today: string): Promise<repo.NewDelivery[]> {
  const roles = [...new Set(due.flatMap((d) => d.owners))] as Role[];
  const holders = (await repo.ownerAssignments(db, roles, today)).filter(
    (h) => (h.mode ?? DEFAULT_REMINDER_MODE) !== "off",
  );
  const rows = new Map<string, repo.NewDelivery>();
  for (const d of due) {
    const key = reminderKey(d);
    for (const h of holders) {
      if (!d.owners.includes(h.role as Role) || !d.nodePath.startsWith(h.path)) continue;
      rows.set(`${h.userId}|${key}`, {
        user_id: h.userId,
        reminder_key: key,
        kind: d.kind,
        title: d.title,
        reference: d.reference,
        href: d.href,
        due_on: d.due,
      });
    }
  }
  return [...rows.values()];
}

/** How long a run holds the reminders it is mailing before another run may take them (it died, say). */
const CLAIM_MS = 10 * 60_000;

export async function runReminders(db: PlatformDb, deps: ReminderJobDeps): Promise<ReminderRun> {
  const run: ReminderRun = { queued: 0, cancelled: 0, mails: 0, failed: 0 };
  if (!deps.mailer) return run;
  const now = deps.now ?? new Date();
  const today = todayInSweden(now);
  const due = (await deps.deadlines(db, today)).filter((d) => isRemindable(d, today));
  const rows = await wanted(db, due, today);
  run.queued = await repo.queueDeliveries(db, rows, now);

  // A pending reminder no longer due (the work was done, the user turned reminders off) is not sent.
  const current = new Set(rows.map((r) => `${r.user_id}|${r.reminder_key}`));
  const stale = (await repo.pendingDeliveries(db)).filter((p) => !current.has(`${p.user_id}|${p.reminder_key}`));
  await repo.cancelDeliveries(
    db,
    stale.map((p) => p.id),
  );
  run.cancelled = stale.length;

  const ready = await repo.readyDeliveries(db, now);
  const byUser = new Map<string, typeof ready>();
  for (const row of ready) byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), row]);
  const lastSent = new Map(
    (await repo.lastSentAt(db, [...byUser.keys()])).map((r) => [r.user_id, r.sentAt ? new Date(r.sentAt) : null]),
  );
  for (const [userId, ready] of byUser) {
    const [first] = ready;
    if (!first?.email) continue;
    const mode = first.mode ?? DEFAULT_REMINDER_MODE;
    if (mode === "off") continue;
    if (mode === "weekly" && !digestDue(lastSent.get(userId) ?? null, now)) continue;
    const claimed = await repo.claimDeliveries(
      db,
      ready.map((i) => i.id),
      now,
      new Date(now.getTime() + CLAIM_MS),
    );
    const items = ready.filter((i) => claimed.has(i.id));
    if (!items.length) continue; // another run is sending them
    const message = composeMail(
      items.map((i) => ({ title: i.title, reference: i.reference, dueOn: i.due_on, href: i.href })),
      mode,
      deps.publicUrl,
    );
    try {
      await deps.mailer.send(first.email, message);
    } catch (error) {
      run.failed++;
      const text = error instanceof Error ? error.message : String(error);
      for (const item of items) {
        const attempts = item.attempts + 1;
        await repo.markAttemptFailed(db, item.id, {
          attempts,
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
          error: text.slice(0, 500),
          givenUp: attempts >= MAX_ATTEMPTS,
        });
      }
      continue;
    }
    await repo.markSent(
      db,
      items.map((i) => i.id),
      now,
    );
    run.mails++;
  }
  return run;
}

/**
 * Runs the job now and then every `intervalMinutes` inside the server; runs never overlap. Errors are logged
 * and the next run tries again.
 */
export function startReminderJob(
  run: () => Promise<unknown>,
  intervalMinutes: number,
  logError: (error: unknown) => void,
): { stop: () => Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const tick = () => {
    if (busy) return;
    busy = true;
    running = run()
      .catch(logError)
      .finally(() => {
        busy = false;
      });
  };
  tick();
  const timer = setInterval(tick, intervalMinutes * 60_000);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}

/** One run with the configured SMTP server (`lots reminders run`); without mail configured, nothing happens. */
export async function runConfiguredReminders(
  db: PlatformDb,
  deadlines: DeadlineSource<PlatformDb>,
  mail: MailConfig | null,
): Promise<ReminderRun | null> {
  if (!mail) return null;
  const mailer = smtpMailer(mail.smtpUrl, mail.from);
  try {
    return await runReminders(db, { deadlines, mailer, publicUrl: mail.publicUrl });
  } finally {
    mailer.close();
  }
}
