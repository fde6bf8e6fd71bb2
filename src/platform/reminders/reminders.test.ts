// The pure parts of reminders: the mail's text, the retry and digest clocks, the configuration.
import { describe, expect, it } from "vitest";
import { type Deadline, isRemindable } from "./deadline.ts";
import { loadMailConfig } from "./mail-config.ts";
import { composeMail } from "./message.ts";
import { digestDue, MAX_ATTEMPTS, retryDelayMs } from "./schedule.ts";

const item = { title: "Sammanträde", reference: "Testnämnden", dueOn: "2026-12-03", href: "/namnd/sammantraden/1" };

describe("the mail", () => {
  it("names one reminder in the subject, counts several, and says weekly for a digest", () => {
    expect(composeMail([item], "immediate", "https://lots.example.se/").subject).toBe(
      "Påminnelse från Lots: Sammanträde",
    );
    expect(composeMail([item, item], "immediate", "https://x").subject).toBe("Påminnelser från Lots: 2 saker att göra");
    expect(composeMail([item], "weekly", "https://x").subject).toBe("Veckosammanfattning från Lots: 1 påminnelse");
  });

  it("links each reminder and the settings under the public address, earliest date first, HTML escaped", () => {
    const later = { ...item, title: "Svar <på> revision", dueOn: "2026-12-20", href: "/namnd/uppfoljning/revision/2" };
    const mail = composeMail([later, item], "immediate", "https://lots.example.se/");
    expect(mail.text).toContain(
      "- Sammanträde (Testnämnden), 2026-12-03\n  https://lots.example.se/namnd/sammantraden/1",
    );
    expect(mail.text.indexOf("Sammanträde")).toBeLessThan(mail.text.indexOf("Svar"));
    expect(mail.text).toContain("https://lots.example.se/installningar");
    expect(mail.html).toContain("Svar &lt;på&gt; revision");
    expect(mail.html).not.toContain("<på>");
  });
});

describe("the clocks", () => {
  it("waits 5, 10, 20 … minutes between tries, at most six hours", () => {
    expect([1, 2, 3].map(retryDelayMs)).toEqual([5, 10, 20].map((m) => m * 60_000));
    expect(retryDelayMs(MAX_ATTEMPTS)).toBe(6 * 60 * 60_000);
  });

  it("lets a digest go out when nothing was sent in the last seven days", () => {
    const now = new Date("2026-12-10T08:00:00Z");
    expect(digestDue(null, now)).toBe(true);
    expect(digestDue(new Date("2026-12-03T08:00:00Z"), now)).toBe(true);
    expect(digestDue(new Date("2026-12-03T08:00:01Z"), now)).toBe(false);
  });

  it("reminds from the first day to the last, or on while the work stays undone", () => {
    const d = { remindFrom: "2026-12-01", remindUntil: "2026-12-08" } as Deadline;
    expect(["2026-11-30", "2026-12-01", "2026-12-08", "2026-12-09"].map((day) => isRemindable(d, day))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(isRemindable({ ...d, remindUntil: null }, "2030-01-01")).toBe(true);
  });
});

describe("the configuration", () => {
  it("is off without an SMTP address and refuses a half-set one, naming what is missing", () => {
    expect(loadMailConfig({})).toBeNull();
    expect(() => loadMailConfig({ LOTS_SMTP_URL: "smtp://mail.kommun.se:587" })).toThrow(
      /LOTS_MAIL_FROM och LOTS_PUBLIC_URL saknas/,
    );
    expect(() => loadMailConfig({ LOTS_SMTP_URL: "http://mail" })).toThrow(/LOTS_SMTP_URL/);
    expect(
      loadMailConfig({
        LOTS_SMTP_URL: "smtp://u:p@mail.kommun.se:587",
        LOTS_MAIL_FROM: "lots@kommun.se",
        LOTS_PUBLIC_URL: "https://lots.kommun.se",
      }),
    ).toMatchObject({ intervalMinutes: 15, publicUrl: "https://lots.kommun.se" });
  });
});
