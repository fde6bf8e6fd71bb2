// `lots reminders run` on the full demo: without mail configured it says so and sends nothing; with a mail
// server it queues and mails the demo's due reminders once, then nothing on the next run; a half-set
// configuration is refused naming what is missing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpServer } from "../platform/reminders/smtp-testing.ts";
import { testCli } from "./testing.ts";

const cli = testCli("fullDemo");
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
const mail = () => ({
  LOTS_SMTP_URL: smtp.url,
  LOTS_MAIL_FROM: "lots@example.se",
  LOTS_PUBLIC_URL: "https://lots.example.se",
});

beforeAll(async () => {
  await cli.start();
  smtp = await startSmtpServer();
}, 60_000);
afterAll(async () => {
  await smtp?.close();
  await cli.close();
});

describe("lots reminders run", () => {
  it("says mail is not configured and sends nothing without LOTS_SMTP_URL", async () => {
    const run = await cli.lots(["reminders", "run"], { LOTS_SMTP_URL: "" });
    expect(run.stdout).toContain("E-post är inte konfigurerad (LOTS_SMTP_URL saknas)");
    expect(smtp.received).toHaveLength(0);
  });

  it("refuses a half-set configuration, naming the missing variable", async () => {
    const run = await cli.runLots(["reminders", "run"], { LOTS_SMTP_URL: smtp.url, LOTS_MAIL_FROM: "" });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("LOTS_MAIL_FROM");
    expect(smtp.received).toHaveLength(0);
  });

  it("mails the due reminders once: the next run queues and sends nothing", async () => {
    const first = await cli.lots(["reminders", "run"], mail());
    const counts = /(\d+) nya? påminnelser?, (\d+) mejl skickade?, 0 misslyckade?/.exec(first.stdout);
    expect(counts, first.stdout).not.toBeNull();
    const [queued, mails] = [Number(counts?.[1]), Number(counts?.[2])];
    expect(queued).toBeGreaterThan(0);
    expect(mails).toBeGreaterThan(0);
    expect(smtp.received).toHaveLength(mails);
    // One mail per recipient.
    expect(new Set(smtp.received.map((m) => m.to[0])).size).toBe(mails);

    const second = await cli.lots(["reminders", "run"], mail());
    expect(second.stdout).toMatch(/^0 nya påminnelser, 0 mejl skickade/);
    expect(smtp.received).toHaveLength(mails);
  });
});
