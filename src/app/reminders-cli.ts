// `lots reminders run`: one run of the reminder job with the SMTP server configured by environment.
import type { Command } from "commander";
import { formatCount } from "../platform/i18n/format.ts";
import { loadMailConfig } from "../platform/reminders/mail-config.ts";
import { runConfiguredReminders } from "../platform/reminders/reminder-job.ts";
import type { CliTools } from "../platform/runtime.ts";
import { appDeadlines } from "./reminder-sources.ts";

export function remindersCli(reminders: Command, tools: CliTools, env: NodeJS.ProcessEnv): void {
  const { withDatabase, print } = tools;
  reminders
    .command("run")
    .description("Skicka de påminnelser som är aktuella nu (en körning; servern gör det själv med jämna mellanrum)")
    .action(() =>
      withDatabase(async (database) => {
        const run = await runConfiguredReminders(database.db, appDeadlines, loadMailConfig(env));
        if (!run) {
          print("E-post är inte konfigurerad (LOTS_SMTP_URL saknas): inga påminnelser skickades.");
          return;
        }
        print(
          `${formatCount(run.queued, "ny påminnelse", "nya påminnelser")}, ${formatCount(run.mails, "mejl skickat", "mejl skickade")}, ` +
            `${formatCount(run.failed, "misslyckat", "misslyckade")} (försöks igen), ${formatCount(run.cancelled, "inaktuell", "inaktuella")}.`,
        );
      }),
    );
}
