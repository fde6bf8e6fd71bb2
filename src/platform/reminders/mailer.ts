// Sends a mail through SMTP with nodemailer. One transport per mailer, closed with it.
import { createRequire } from "node:module";
import type NodeMailer from "nodemailer";
import type { MailMessage } from "./message.ts";

export type Mailer = {
  send: (to: string, message: MailMessage) => Promise<void>;
  close: () => void;
};

export function smtpMailer(smtpUrl: string, from: string): Mailer {
  // Loaded only where mail is configured: most starts never send one.
  const nodemailer = createRequire(import.meta.url)("nodemailer") as typeof NodeMailer;
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    send: async (to, message) => {
      await transport.sendMail({ from, to, ...message });
    },
    close: () => transport.close(),
  };
}
