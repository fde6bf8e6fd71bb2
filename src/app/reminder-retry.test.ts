// A mail server that refuses once: the reminder waits in the send log with the error, is tried again after
// the backoff and not before, and then goes out once. The admin page shows the log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, todayInSweden } from "../platform/calendar.ts";
import { smtpMailer } from "../platform/reminders/mailer.ts";
import { runReminders } from "../platform/reminders/reminder-job.ts";
import { startSmtpServer } from "../platform/reminders/smtp-testing.ts";
import { appDeadlines } from "./reminder-sources.ts";
import { type TestApp, testApp } from "./testing.ts";

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let meetingId: string;
const start = new Date();
const minutesLater = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

type Log = {
  mailConfigured: boolean;
  rows: { recipient: string; title: string; status: string; attempts: number; lastError: string | null }[];
};

beforeAll(async () => {
  t = await testApp();
  let refused = 0;
  smtp = await startSmtpServer({ refuse: () => refused++ === 0 });
  const sekreterare = await t.as("sekreterare");
  const body = (
    await sekreterare.post("/api/namnd/organ", {
      orgNodeId: t.demo.nodes.ifo?.id,
      kind: "namnd",
      name: "Testnämnden",
    })
  ).json() as { id: string };
  const meeting = await sekreterare.post("/api/namnd/sammantraden", {
    bodyId: body.id,
    meetingDate: addDays(todayInSweden(start), 2),
  });
  expect(meeting.statusCode, meeting.body).toBe(200);
  meetingId = (meeting.json() as { id: string }).id;
});

afterAll(async () => {
  await smtp?.close();
  await t?.close();
});

async function runAt(now: Date) {
  const mailer = smtpMailer(smtp.url, "lots@example.se");
  try {
    return await runReminders(t.database.db, {
      deadlines: appDeadlines,
      mailer,
      publicUrl: "https://lots.example.se",
      now,
    });
  } finally {
    mailer.close();
  }
}

describe("a refused mail", () => {
  it("is logged with the server's answer and kept for a retry", async () => {
    const run = await runAt(start);
    expect(run).toMatchObject({ queued: 2, mails: 1, failed: 1 });
    expect(smtp.received).toHaveLength(1);
    const log = (await (await t.as("admin")).get("/api/admin/reminders")).json() as Log;
    // The test server has no mail configured; the page says so.
    expect(log.mailConfigured).toBe(false);
    const statuses = log.rows.map((r) => [r.status, r.attempts]).sort();
    expect(statuses).toEqual([
      ["pending", 1],
      ["sent", 1],
    ]);
    expect(log.rows.find((r) => r.status === "pending")?.lastError).toContain("Försök igen senare");
  });

  it("is not tried again before the backoff has passed", async () => {
    expect(await runAt(minutesLater(1))).toMatchObject({ mails: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it("goes out once after the backoff, and never again", async () => {
    expect(await runAt(minutesLater(6))).toMatchObject({ mails: 1, failed: 0 });
    expect(await runAt(minutesLater(60))).toMatchObject({ queued: 0, mails: 0 });
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(["fortroendevald@example.org", "sekreterare@example.org"]);
    for (const m of smtp.received) expect(m.text).toContain(`/namnd/sammantraden/${meetingId}`);
  });
});

describe("two runs at once (two server processes, or a server and `lots reminders run`)", () => {
  it("mail each reminder once: the run that claims it sends it", async () => {
    const sekreterare = await t.as("sekreterare");
    const body = (
      await sekreterare.post("/api/namnd/organ", {
        orgNodeId: t.demo.nodes.ifo?.id,
        kind: "namnd",
        name: "Andra nämnden",
      })
    ).json() as { id: string };
    const meeting = await sekreterare.post("/api/namnd/sammantraden", {
      bodyId: body.id,
      meetingDate: addDays(todayInSweden(start), 3),
    });
    expect(meeting.statusCode, meeting.body).toBe(200);
    const before = smtp.received.length;
    // A slow mail server: both runs have read the ready reminders before either has sent one.
    const slow = smtpMailer(smtp.url, "lots@example.se");
    const mailer = {
      send: async (to: string, message: Parameters<typeof slow.send>[1]) => {
        await new Promise((resolve) => setTimeout(resolve, 200));
        await slow.send(to, message);
      },
      close: slow.close,
    };
    const run = () =>
      runReminders(t.database.db, {
        deadlines: appDeadlines,
        mailer,
        publicUrl: "https://lots.example.se",
        now: start,
      });
    try {
      const [a, b] = await Promise.all([run(), run()]);
      expect(a.mails + b.mails).toBe(2);
    } finally {
      mailer.close();
    }
    const sent = smtp.received.slice(before).map((m) => m.to[0]);
    expect(sent.sort()).toEqual(["fortroendevald@example.org", "sekreterare@example.org"]);
  });
});
