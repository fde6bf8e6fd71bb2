// The calendar feed: a secret URL per user, the events their roles may read (dates and titles, no personal
// data), a 404 once revoked or renewed, and the settings that show it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, addMonths, todayInSweden } from "../platform/calendar.ts";
import { type TestApp, testApp } from "./testing.ts";

const today = todayInSweden();
const icsDate = (date: string) => date.replaceAll("-", "");
let t: TestApp;
const node = (key: string) => t.demo.nodes[key]?.id as string;
let decisionId: string;
const decisionDate = addDays(addMonths(today, -2), 0);

type Event = { uid: string; start: string; summary: string; url: string };

/** The VEVENTs of an iCalendar text, unfolded. */
function events(ics: string): Event[] {
  const lines = ics.replace(/\r?\n[ \t]/g, "").split(/\r?\n/);
  const found: Event[] = [];
  let current: Partial<Event> | null = null;
  for (const line of lines) {
    if (line === "BEGIN:VEVENT") current = {};
    else if (line === "END:VEVENT" && current) {
      found.push(current as Event);
      current = null;
    } else if (current) {
      const [name = "", ...rest] = line.split(":");
      const value = rest.join(":");
      if (name === "UID") current.uid = value;
      if (name.startsWith("DTSTART")) current.start = value;
      if (name === "SUMMARY") current.summary = value.replace(/\\,/g, ",");
      if (name.startsWith("URL")) current.url = value;
    }
  }
  return found;
}

const feed = (url: string) => t.app.inject({ method: "GET", url: new URL(url).pathname });

beforeAll(async () => {
  t = await testApp();
  const admin = await t.as("admin");
  await admin.post("/api/evb/catalogue/install", { orgNodeId: node("kommun") });
  const catalogue = (await admin.get(`/api/evb/catalogue?orgNodeId=${node("ifo")}`)).json() as {
    insatser: { id: string; code: string }[];
  };
  const decision = await (await t.as("handlaggare")).post("/api/evb/decisions", {
    orgNodeId: node("msb-lss"),
    personId: "20120917-T384",
    insatsId: catalogue.insatser.find((i) => i.code === "lss-9-5")?.id,
    decisionDate,
    delayReason: "resursbrist",
  });
  expect(decision.statusCode, decision.body).toBe(200);
  decisionId = (decision.json() as { id: string }).id;
  const sekreterare = await t.as("sekreterare");
  const body = (
    await sekreterare.post("/api/namnd/organ", { orgNodeId: node("ifo"), kind: "namnd", name: "Testnämnden" })
  ).json() as { id: string };
  const meeting = await sekreterare.post("/api/namnd/sammantraden", {
    bodyId: body.id,
    meetingDate: addDays(today, 20),
  });
  expect(meeting.statusCode, meeting.body).toBe(200);
});
afterAll(() => t?.close());

describe("the calendar feed", () => {
  it("is off until the user makes an address, which answers without a session", async () => {
    const h = await t.as("handlaggare");
    expect(((await h.get("/api/me/reminders")).json() as { calendar: { active: boolean } }).calendar.active).toBe(
      false,
    );
    const { url } = (await h.post("/api/me/calendar")).json() as { url: string };
    expect(url).toMatch(/^http:\/\/localhost(:\d+)?\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(((await h.get("/api/me/reminders")).json() as { calendar: { active: boolean } }).calendar.active).toBe(true);
    const res = await feed(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/calendar");
    const evb = events(res.body).find((e) => e.url.endsWith(`/evb/register/${decisionId}`));
    expect(evb?.summary).toBe("Beslut passerar tre månader");
    expect(evb?.start).toBe(icsDate(addMonths(decisionDate, 3)));
    expect(res.body).not.toContain("20120917");
    // The handläggare reads her unit only: the nämnd's meeting is not hers.
    expect(events(res.body).some((e) => e.summary.startsWith("Sammanträde"))).toBe(false);
  });

  it("shows the secretary the meetings of the bodies she may read, not EVB's personal register", async () => {
    const { url } = (await (await t.as("sekreterare")).post("/api/me/calendar")).json() as { url: string };
    const list = events((await feed(url)).body);
    expect(list.find((e) => e.summary === "Sammanträde – Testnämnden")?.start).toBe(icsDate(addDays(today, 20)));
    // A namndsekreterare has read:personal on the nämnd, so the EVB date is hers too.
    expect(list.some((e) => e.summary === "Beslut passerar tre månader")).toBe(true);
    const medarbetare = (await (await t.as("medarbetare")).post("/api/me/calendar")).json() as { url: string };
    const own = events((await feed(medarbetare.url)).body);
    expect(own.some((e) => e.summary === "Beslut passerar tre månader" || e.summary.startsWith("Sammanträde"))).toBe(
      false,
    );
  });

  it("answers 404 once revoked, and only the newest address after a renewal", async () => {
    const f = await t.as("fortroendevald");
    const first = ((await f.post("/api/me/calendar")).json() as { url: string }).url;
    expect((await feed(first)).statusCode).toBe(200);
    const second = ((await f.post("/api/me/calendar")).json() as { url: string }).url;
    expect((await feed(first)).statusCode).toBe(404);
    expect((await feed(second)).statusCode).toBe(200);
    expect((await f.delete("/api/me/calendar")).statusCode).toBe(204);
    expect((await feed(second)).statusCode).toBe(404);
    expect((await t.app.inject({ method: "GET", url: "/api/calendar/not-a-token.ics" })).statusCode).toBe(400);
  });

  it("audits the user's own changes without the secret", async () => {
    const rows = await t.database.db
      .selectFrom("audit_log")
      .select(["entity", "action", "after"])
      .where("entity", "=", "calendar_token")
      .execute();
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(["create", "update", "delete"]));
    expect(JSON.stringify(rows)).not.toMatch(/[A-Za-z0-9_-]{43}/);
  });
});
