// Mail settings from the environment. Without LOTS_SMTP_URL there is no mail: the reminder job does nothing
// and the admin page says so. A half-set configuration refuses to start, naming the variable.
import { z } from "zod";

export type MailConfig = {
  /** smtp://user:pass@host:587 or smtps://…:465; nodemailer's connection URL. */
  smtpUrl: string;
  from: string;
  /** The address of the web UI, for the links in the mails. */
  publicUrl: string;
  /** How often the server runs the reminder job. */
  intervalMinutes: number;
};

const schema = z.object({
  LOTS_SMTP_URL: z
    .string()
    .url()
    .refine((v) => /^smtps?:\/\//.test(v), "ska börja med smtp:// eller smtps://")
    .optional(),
  LOTS_MAIL_FROM: z.string().optional(),
  LOTS_PUBLIC_URL: z.string().url().optional(),
  LOTS_REMINDER_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
});

export function loadMailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig | null {
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const parsed = schema.safeParse(set);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Ogiltig e-postkonfiguration: ${problems}`);
  }
  const e = parsed.data;
  if (!e.LOTS_SMTP_URL) return null;
  const missing = [
    ["LOTS_MAIL_FROM", e.LOTS_MAIL_FROM],
    ["LOTS_PUBLIC_URL", e.LOTS_PUBLIC_URL],
  ].filter(([, v]) => !v);
  if (missing.length) {
    throw new Error(
      `Ogiltig e-postkonfiguration: LOTS_SMTP_URL är satt men ${missing.map(([k]) => k).join(" och ")} saknas.`,
    );
  }
  return {
    smtpUrl: e.LOTS_SMTP_URL,
    from: e.LOTS_MAIL_FROM as string,
    publicUrl: e.LOTS_PUBLIC_URL as string,
    intervalMinutes: e.LOTS_REMINDER_INTERVAL_MINUTES,
  };
}
