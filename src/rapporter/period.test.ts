import { describe, expect, it } from "vitest";
import { nextPeriod, parsePeriod, periodOf, reportPeriod, shiftDeadline, sinceLastMeeting } from "./period.ts";

describe("a report period", () => {
  it("reads a year, a quarter, a tertial and a date range, with their first and last days", () => {
    expect(parsePeriod("2021")).toMatchObject({ kind: "year", start: "2021-01-01", end: "2021-12-31", quarter: 4 });
    expect(parsePeriod("2023q1")).toMatchObject({ code: "2023-Q1", start: "2023-01-01", end: "2023-03-31" });
    expect(parsePeriod("2023-Q4")).toMatchObject({ start: "2023-10-01", end: "2023-12-31", label: "kvartal 4 2023" });
    expect(parsePeriod("2024-T1")).toMatchObject({ start: "2024-01-01", end: "2024-04-30", quarter: 2 });
    expect(parsePeriod("2023-T2")).toMatchObject({
      start: "2023-01-01",
      end: "2023-08-31",
      quarter: 3,
      label: "tertial 2 2023",
    });
    expect(parsePeriod("2023-03-01..2023-04-15")).toMatchObject({
      kind: "range",
      year: 2023,
      quarter: 2,
      label: "1 mars–15 april 2023",
    });
    expect(parsePeriod("2023-12-10 .. 2024-01-20")).toMatchObject({
      code: "2023-12-10..2024-01-20",
      year: 2024,
      label: "10 december 2023–20 januari 2024",
    });
  });

  it("refuses what names no period: a third tertial (the year), a range backwards, over a year, a bad day", () => {
    for (const text of [
      "2023-T3",
      "2023-Q5",
      "1999",
      "2023-04-15..2023-03-01",
      "2023-01-01..2024-01-01",
      "2023-02-29..2023-03-01",
      "kvartal 2",
    ]) {
      expect(parsePeriod(text), text).toBeNull();
    }
    expect(parsePeriod("2023-01-01..2023-12-31")?.kind).toBe("range");
    expect(parsePeriod("2023-05-02..2023-05-02")?.label).toBe("2 maj 2023");
    expect(parsePeriod("2023-05-02..2023-05-16")?.label).toBe("2–16 maj 2023");
  });

  it("parses at a boundary to the canonical code, a year also as a number, with a Swedish message", () => {
    expect(reportPeriod.parse(2021)).toBe("2021");
    expect(reportPeriod.parse(" 2023k2 ")).toBe("2023-Q2");
    const refused = reportPeriod.safeParse("2023-T3");
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toMatch(/^Ange ett år \(2023\), ett kvartal/);
  });

  it("is followed by the next of its kind, a range by one as long", () => {
    const next = (code: string) => nextPeriod(periodOf(code)).code;
    expect(next("2021")).toBe("2022");
    expect(next("2023-Q3")).toBe("2023-Q4");
    expect(next("2023-Q4")).toBe("2024-Q1");
    expect(next("2023-T1")).toBe("2023-T2");
    expect(next("2023-T2")).toBe("2024-T1");
    expect(next("2023-03-01..2023-04-15")).toBe("2023-04-16..2023-05-31");
  });

  it("moves a deadline as far as the next period lies, 29 February to the 28th", () => {
    const shift = (deadline: string, code: string) =>
      shiftDeadline(deadline, periodOf(code), nextPeriod(periodOf(code)));
    expect(shift("2022-02-15", "2021")).toBe("2023-02-15");
    expect(shift("2024-02-29", "2023")).toBe("2025-02-28");
    expect(shift("2023-04-20", "2023-Q1")).toBe("2023-07-20");
    expect(shift("2023-09-15", "2023-T2")).toBe("2024-05-15");
    expect(shift("2023-04-20", "2023-03-01..2023-04-15")).toBe("2023-06-05");
  });
});

describe("the period since the nämnd's last meeting", () => {
  const held = (date: string) => ({ date, held: true });
  const planned = (date: string) => ({ date, held: false });

  it("runs from the day after the last held meeting through the next meeting after it", () => {
    const meetings = [held("2023-09-14"), planned("2024-04-10"), held("2023-12-13"), planned("2024-02-15")];
    expect(sinceLastMeeting(meetings, "2024-01-05")?.code).toBe("2023-12-14..2024-02-15");
    // The meeting of the day counts once it is held: the next period starts after it.
    const afterIt = [held("2023-12-13"), held("2024-02-15"), planned("2024-04-10")];
    expect(sinceLastMeeting(afterIt, "2024-02-15")?.code).toBe("2024-02-16..2024-04-10");
  });

  it("runs through today when no meeting is planned after the last held one", () => {
    // A meeting planned before the last held one was never marked held: it is not the next.
    expect(sinceLastMeeting([planned("2023-06-01"), held("2023-12-13")], "2024-01-20")?.label).toBe(
      "14 december 2023–20 januari 2024",
    );
  });

  it("has none before the first held meeting, nor when the last one is a year or more back", () => {
    expect(sinceLastMeeting([planned("2024-02-15")], "2024-01-20")).toBeNull();
    expect(sinceLastMeeting([], "2024-01-20")).toBeNull();
    expect(sinceLastMeeting([held("2022-12-13")], "2024-01-20")).toBeNull();
    expect(sinceLastMeeting([held("2024-01-20")], "2024-01-20")).toBeNull();
  });
});
