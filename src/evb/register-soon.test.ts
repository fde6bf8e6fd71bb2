import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestApp } from "../app/testing.ts";
import { addDays } from "../platform/calendar.ts";
import { EARLY_WARNING_DAYS } from "./clock.ts";
import { evbTestApp } from "./testing.ts";

let t: TestApp;
beforeAll(async () => {
  t = await evbTestApp();
});
afterAll(() => t.close());

type Row = { personId: string; clock: { reportable: boolean; deadline: string | null } };

describe("the register's filter 'passerar tre månader snart' (the start page's link)", () => {
  it("lists the open decisions that pass three months within the early-warning days, and only those", async () => {
    const k = await t.as("kvalitet");
    const ifo = t.demo.nodes.ifo?.id as string;
    const rows = async (status: string, asOf: string) =>
      (
        (await k.get(`/api/evb/decisions?orgNodeId=${ifo}&status=${status}&asOf=${asOf}`)).json() as {
          decisions: Row[];
        }
      ).decisions;
    let seen = 0;
    for (const asOf of ["2023-03-01", "2023-06-01", "2023-09-01", "2023-12-01"]) {
      // Open and not yet reportable, with the day after the deadline inside the warning window.
      const expected = (await rows("oppna", asOf))
        .filter((d) => !d.clock.reportable && d.clock.deadline !== null)
        .filter((d) => addDays(d.clock.deadline as string, 1) <= addDays(asOf, EARLY_WARNING_DAYS))
        .map((d) => d.personId)
        .sort();
      const soon = (await rows("snart", asOf)).map((d) => d.personId).sort();
      expect(soon, asOf).toEqual(expected);
      seen += soon.length;
    }
    expect(seen).toBeGreaterThan(0);
  });

  it("refuses an unknown filter with the field's label", async () => {
    const res = await (await t.as("kvalitet")).get("/api/evb/decisions?status=strax");
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain("Läge");
  });
});
