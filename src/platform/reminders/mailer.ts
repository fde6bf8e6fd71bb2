// Sends a mail through SMTP with nodemailer. One transport per mailer, closed with it.
import nodemailer from "nodemailer";
import type { MailMessage } from "./message.ts";

export type Mailer = {
  send: (to: string, message: MailMessage) => Promise<void>;
  close: () => void;
};

export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    send: async (to, message) => {
      await transport.sendMail({ from, to, ...message });
    },
    close: () => transport.close(),
  };
}
