// The reminder job end to end: records with known deadlines, registered through the API, a real SMTP server
// on a random port, the job run, and exactly the expected mails received, with no personal data in them. A
// second run, and a run after the database is reopened, send nothing more. Then the calendar feeds.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, addMonths, todayInSweden } from "../platform/calendar.ts";
import { type Database, openDatabase } from "../platform/db/database.ts";
import type { MailConfig } from "../platform/reminders/mail-config.ts";
import { runConfiguredReminders } from "../platform/reminders/reminder-job.ts";
import { startSmtpServer } from "../platform/reminders/smtp-testing.ts";
import { appDeadlines } from "./reminder-sources.ts";
import { type TestApp, testApp } from "./testing.ts";

const today = todayInSweden();
const PUBLIC_URL = "https://lots.example.se";
const PERSON_ID = "20120917-T384";
const CLIENT_NAME = "Anna Svensson";

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let mail: MailConfig;
/** The database after the restart; the test app and its first connection are closed by then. */
let reopened: Database | undefined;
const node = (key: string) => t.demo.nodes[key]?.id as string;
const ids = { evbSoon: "", evbLater: "", complaint: "", meeting: "", uppdrag: "" };

async function ok(response: Promise<{ statusCode: number; body: string; json: () => unknown }>) {
  const res = await response;
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json() as { id: string };
}

/** The same data through a new connection: a restart of the server and its database. */
async function reopen(database: Database): Promise<Database> {
  if (database.snapshot) {
    const from = await database.snapshot();
    await database.close();
    return openDatabase({ memory: true, from });
  }
  const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(database.db);
  const url = new URL(process.env.TEST_DATABASE_URL as string);
  url.pathname = `/${rows[0]?.name}`;
  // A new pool on the same database; closing the test's own would drop the database (afterAll does).
  return openDatabase({ url: url.toString() });
}

beforeAll(async () => {
  t = await testApp();
  smtp = await startSmtpServer();
  mail = { smtpUrl: smtp.url, from: "lots@example.se", publicUrl: PUBLIC_URL, intervalMinutes: 15 };

  const admin = await t.as("admin");
  await ok(admin.post("/api/evb/catalogue/install", { orgNodeId: node("kommun") }));
  const catalogue = (await admin.get(`/api/evb/catalogue?orgNodeId=${node("ifo")}`)).json() as {
    insatser: { id: string; code: string }[];
  };
  const insatsId = catalogue.insatser.find((i) => i.code === "lss-9-5")?.id;
  const handlaggare = await t.as("handlaggare");
  const decision = (decisionDate: string) =>
    ok(
      handlaggare.post("/api/evb/decisions", {
        orgNodeId: node("msb-lss"),
        personId: PERSON_ID,
        insatsId,
        decisionDate,
        delayReason: "resursbrist",
        reasonText: `Ingen avlösare för ${CLIENT_NAME}`,
      }),
    );
  // Passes three months in ten days: inside the 30 days' warning.
  ids.evbSoon = (await decision(addDays(addMonths(today, -3), 10))).id;
  // Decided five days ago: no reminder yet.
  ids.evbLater = (await decision(addDays(today, -5))).id;

  ids.complaint = (
    await ok(
      (
        await t.as("medarbetare")
      ).post("/api/kvalitet/klagomal", {
        orgNodeId: node("bss-almen"),
        receivedOn: addDays(today, -15),
        channel: "personligen",
        senderType: "anhorig",
        type: "klagomal",
        category: "utformande",
        summary: `${CLIENT_NAME} anser att promenaderna inte blir av.`,
      }),
    )
  ).id;

  const sekreterare = await t.as("sekreterare");
  const body = await ok(
    sekreterare.post("/api/namnd/organ", { orgNodeId: node("ifo"), kind: "namnd", name: "Testnämnden" }),
  );
  ids.meeting = (
    await ok(sekreterare.post("/api/namnd/sammantraden", { bodyId: body.id, meetingDate: addDays(today, 3) }))
  ).id;

  // Reports back this month: inside the 14 days' notice before the month began.
  ids.uppdrag = (
    await ok(
      (
        await t.as("controller")
      ).post("/api/styrning/uppdrag", {
        orgNodeId: node("ifo"),
        year: Number(today.slice(0, 4)),
        code: "U9",
        title: `Utreda stödet till ${CLIENT_NAME}s familj`,
        decidedBy: "namnd",
        reportBack: { month: today.slice(0, 7), form: "skriftlig", to: "namnd" },
      }),
    )
  ).id;

  // The enhetschef turns reminders off; the kvalitet strategist wants a weekly digest.
  await ok((await t.as("enhetschef")).put("/api/me/reminders", { mode: "off" }));
  await ok((await t.as("kvalitet")).put("/api/me/reminders", { mode: "weekly" }));
});

afterAll(async () => {
  await smtp?.close();
  await reopened?.close();
  // PGlite's first database was closed when it was reopened from its snapshot; PostgreSQL's is dropped here.
  if (!reopened) await t?.close();
  else if (!t.database.snapshot) await t.database.close();
});

describe("the reminder job", () => {
  it("sends each owner one mail with the due reminders, and nothing else", async () => {
    const run = await runConfiguredReminders(t.database.db, appDeadlines, mail);
    expect(run).toMatchObject({ queued: 5, mails: 5, failed: 0 });
    const byRecipient = Object.fromEntries(smtp.received.map((m) => [m.to.join(","), m]));
    expect(Object.keys(byRecipient).sort()).toEqual([
      "controller@example.org",
      "fortroendevald@example.org",
      "handlaggare@example.org",
      "kvalitet@example.org",
      "sekreterare@example.org",
    ]);
    expect(smtp.received.every((m) => m.from === "lots@example.se")).toBe(true);

    const evb = byRecipient["handlaggare@example.org"];
    expect(evb?.subject).toBe("Påminnelse från Lots: Beslut passerar tre månader");
    expect(evb?.text).toContain(`${PUBLIC_URL}/evb/register/${ids.evbSoon}`);
    expect(evb?.text).toContain(addDays(addMonths(addDays(addMonths(today, -3), 10), 3), 0));
    expect(evb?.text).not.toContain(ids.evbLater);
    expect(evb?.html).toContain(`href="${PUBLIC_URL}/evb/register/${ids.evbSoon}"`);

    const digest = byRecipient["kvalitet@example.org"];
    expect(digest?.subject).toBe("Veckosammanfattning från Lots: 1 påminnelse");
    expect(digest?.text).toContain(`${PUBLIC_URL}/kvalitet/klagomal/${ids.complaint}`);
    expect(digest?.text).toContain("Synpunkt obesvarad efter 10 dagar");

    // The uppdrag's code and link, never its title (it may name someone).
    const uppdrag = byRecipient["controller@example.org"];
    expect(uppdrag?.subject).toBe("Påminnelse från Lots: Uppdrag ska återrapporteras");
    expect(uppdrag?.text).toContain("U9");
    expect(uppdrag?.text).toContain(`${PUBLIC_URL}/styrning/uppdrag?ar=${today.slice(0, 4)}`);

    for (const who of ["sekreterare@example.org", "fortroendevald@example.org"]) {
      expect(byRecipient[who]?.subject).toBe("Påminnelse från Lots: Sammanträde");
      expect(byRecipient[who]?.text).toContain(`${PUBLIC_URL}/namnd/sammantraden/${ids.meeting}`);
      expect(byRecipient[who]?.text).toContain(addDays(today, 3));
    }
  });

  it("puts no personal data of clients in any mail", () => {
    const pnr = /\d{6,8}[-+]?[0-9A-Za-z]\d{2,3}/;
    // Links carry only record ids (checked above); a random UUID may hold a run of digits like a personnummer.
    const withoutLinks = (part: string) => part.replace(/https?:\/\/[^\s"'<>]+/g, "");
    for (const m of smtp.received) {
      for (const part of [m.subject, m.text, m.html].map(withoutLinks)) {
        expect(part).not.toMatch(pnr);
        expect(part).not.toContain(CLIENT_NAME);
        expect(part).not.toContain("Svensson");
        expect(part).not.toContain("promenaderna");
      }
    }
  });

  it("sends nothing again, neither on the next run nor after the database is reopened", async () => {
    const again = await runConfiguredReminders(t.database.db, appDeadlines, mail);
    expect(again).toMatchObject({ queued: 0, mails: 0 });
    await t.app.close();
    reopened = await reopen(t.database);
    const afterRestart = await runConfiguredReminders(reopened.db, appDeadlines, mail);
    expect(afterRestart).toMatchObject({ queued: 0, mails: 0 });
    expect(smtp.received).toHaveLength(5);
  });
});
