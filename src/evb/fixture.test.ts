// Imports the 42-decision fixture and compares the computed quarter reports with figures worked out by hand.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../platform/auth/access.ts";
import type { Database } from "../platform/db/database.ts";
import expected from "./fixtures/expected-reports.json" with { type: "json" };
import { importDecisionsCsv } from "./import-service.ts";
import { dashboardFor, quarterReportFor, register } from "./register-read-service.ts";
import type { IvoLine } from "./report.ts";
import { evbTestDatabase, fixturePath } from "./testing.ts";

const fixture = fs.readFileSync(fixturePath);
const actor = systemActor();

let database: Database;
let kommunId: string;

beforeAll(async () => {
  ({ database, kommunId } = await evbTestDatabase());
});
afterAll(() => database.close());

const countsByLabel = (counts: { label: string; count: number }[]) =>
  Object.fromEntries(counts.map((c) => [c.label, c.count]));
const ids = (lines: IvoLine[]) => lines.map((l) => l.personId).sort();

describe("the 42-decision fixture", () => {
  it("imports all rows in one go", async () => {
    const result = await importDecisionsCsv(database.db, actor, {
      scopeNodeId: kommunId,
      content: fixture,
      today: "2024-04-15",
    });
    expect(result).toEqual({ rows: 42, created: 42, updated: 0, unchanged: 0, dryRun: false });
    const all = await register(database.db, actor, { asOf: "2024-04-15" });
    expect(all.decisions).toHaveLength(42);
    // The empty kon column took the sex from the id: T206, third character 0, even, kvinna.
    expect(all.decisions.find((d) => d.personId === "20120101-T206")?.sex).toBe("K");
  });

  for (const quarter of ["2023Q4", "2024Q1"] as const) {
    describe(quarter, () => {
      const want = expected[quarter];
      const report = async () => {
        const r = await quarterReportFor(database.db, actor, kommunId, quarter);
        if (r.aggregated) throw new Error("the system actor reads personal data");
        return r;
      };

      it("counts open decisions by law, sex, waiting band, insats and unit", async () => {
        const { counts } = await report();
        const { byInsats, byUnit, ...rest } = want.counts;
        expect(counts).toMatchObject(rest);
        expect(countsByLabel(counts.byInsats)).toEqual(byInsats);
        expect(countsByLabel(counts.byUnit)).toEqual(byUnit);
      });

      it("gives each reportable decision its report kind", async () => {
        const r = await report();
        const lines = r.ivo as IvoLine[];
        for (const kind of ["ny", "aterrapportering", "verkstalld", "avslutad"] as const) {
          expect(ids(lines.filter((l) => l.kind === kind)), kind).toEqual([...want.kinds[kind]].sort());
        }
        const finished = lines.filter((l) => l.kind === "verkstalld" || l.kind === "avslutad");
        expect(ids(finished.filter((l) => l.previouslyReported))).toEqual([...want.finishedPreviouslyReported].sort());
      });

      it("fills in the fields IVO asks for", async () => {
        const lines = (await report()).ivo as IvoLine[];
        for (const [personId, fields] of Object.entries(want.lines)) {
          const line = lines.find((l) => l.personId === personId);
          expect(line, personId).toMatchObject(fields);
        }
      });

      it("draws up the committee tables per unit", async () => {
        const { committee } = await report();
        expect(committee.map((c) => c.unit)).toEqual(want.committeeUnits);
        for (const [unit, tables] of Object.entries(want.committee)) {
          const got = committee.find((c) => c.unit === unit);
          expect(
            got?.open.map((r) => [r.decisionDate, r.insats, r.reason]),
            unit,
          ).toEqual(tables.open);
          expect(
            got?.finished.map((r) => [r.decisionDate, r.insats, r.outcome, r.date, r.reason, r.previouslyReported]),
            unit,
          ).toEqual(tables.finished);
        }
      });

      it("gives KF statistics without personal data", async () => {
        const { statistics } = await report();
        expect(statistics.open).toEqual(want.statistics.open);
        expect(statistics.finished).toEqual(want.statistics.finished);
        for (const [key, figures] of Object.entries(want.statistics.byInsats)) {
          const row = statistics.byInsats.find((r) => `${r.law} ${r.insats}` === key);
          expect(row, key).toMatchObject(figures);
        }
        const text = JSON.stringify(statistics);
        expect(text).not.toMatch(/T\d{3}/);
        expect(text).not.toMatch(/Gruppbostad Almen|Rekrytering/);
      });
    });
  }

  it("shows the dashboard on 2024-03-15: open waits, early warnings and longest waits", async () => {
    const want = expected["dashboard 2024-03-15"];
    const board = await dashboardFor(database.db, actor, kommunId, "2024-03-15");
    if (board.aggregated) throw new Error("the system actor reads personal data");
    const { decisions } = await register(database.db, actor, { asOf: "2024-03-15" });
    const personOf = (id: string) => decisions.find((d) => d.id === id)?.personId;
    expect(board.open).toBe(want.open);
    expect(board.reportable).toBe(want.reportable);
    expect(
      board.earlyWarnings.map((w) => ({
        personId: personOf(w.decisionId),
        deadline: w.deadline,
        daysLeft: w.daysLeft,
      })),
    ).toEqual(want.earlyWarnings);
    expect(
      board.longestWaits.slice(0, 4).map((w) => ({ personId: personOf(w.decisionId), daysWaited: w.daysWaited })),
    ).toEqual(want.longestWaitsTop4);
    expect(Object.values(board.byBand).reduce((a, b) => a + b, 0)).toBe(want.open);
  });

  it("re-importing the same file changes nothing and writes no audit rows", async () => {
    const before = await database.db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const result = await importDecisionsCsv(database.db, actor, {
      scopeNodeId: kommunId,
      content: fixture,
      today: "2024-04-15",
    });
    expect(result).toMatchObject({ rows: 42, created: 0, updated: 0, unchanged: 42 });
    const after = await database.db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
