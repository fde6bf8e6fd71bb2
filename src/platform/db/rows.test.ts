import { afterEach, describe, expect, it } from "vitest";
import { endOfDay, startOfDay } from "./rows.ts";

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe("a filter of calendar days", () => {
  it("ends at the start of the next day, also on the days the clocks change", () => {
    process.env.TZ = "Europe/Stockholm";
    // Summer time starts 2026-03-29 (a 23-hour day) and ends 2026-10-25 (25 hours).
    expect(endOfDay("2026-03-29")).toEqual(startOfDay("2026-03-30"));
    expect(endOfDay("2026-03-29").getTime() - startOfDay("2026-03-29").getTime()).toBe(23 * 3_600_000);
    expect(endOfDay("2026-10-25").getTime() - startOfDay("2026-10-25").getTime()).toBe(25 * 3_600_000);
    expect(endOfDay("2026-12-31")).toEqual(startOfDay("2027-01-01"));
  });
});
