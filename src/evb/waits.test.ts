// The stored waits (evb_wait), the SQL counts over them and the report's SQL pick against the clock in JavaScript, over a random
// register (interruptions, declined offers, partial execution, closure), written through the same paths as
// real use: import, re-import and the register's own writes. If the two ever differ, this fails.
import fs from "node:fs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../platform/auth/access.ts";
import {
  addDays,
  daysBetween,
  formatQuarter,
  quarterEnd,
  quarterOf,
  quarterStart,
  quartersBetween,
} from "../platform/calendar.ts";
import type { Database } from "../platform/db/database.ts";
import { type WaitingBand, waitingBands } from "./clock.ts";
import { importDecisionsCsv } from "./import-service.ts";
import * as wait from "./migrations/0315_evb_wait.ts";
import * as waitFacts from "./migrations/0320_evb_wait_facts.ts";
import { dashboardFor, quarterReportFor, quarterReportPage } from "./register-read-service.ts";
import { addInterruption, executeDecision, updateDecision } from "./register-write-service.ts";
import { dashboard, ivoLinesOf, quarterReport, type ReportGroup, reportGroupsOf } from "./report.ts";
import { reportGroups } from "./report-repository.ts";
import { clockFactsOf, loadRegister, waitsUnder } from "./repository.ts";
import { evbTestDatabase, fixturePath } from "./testing.ts";
import { waitRows } from "./waits.ts";

const seed = Number(process.env.EVB_WAITS_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** mulberry32: a small seeded generator, so a failing register can be built again from the seed. */
function generator(start: number) {
  let a = start;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = generator(seed);
const int = (n: number) => Math.floor(random() * n);
const pick = <T>(items: readonly T[]) => items[int(items.length)] as T;
const chance = (p: number) => random() < p;

const TODAY = "2024-06-30";
const FIRST = "2021-01-01";
const dateAfter = (date: string, within: number) => {
  const d = addDays(date, int(within));
  return d > TODAY ? TODAY : d;
};

// Unit, law, (no) lagrum and insats as the hand-checked fixture names them (lines without quoted fields).
const fixtureRows = fs
  .readFileSync(fixturePath, "utf8")
  .split("\n")
  .slice(1)
  .filter((l) => l && !l.includes('"'))
  .map((l) => l.split(","));
const placements = [...new Set(fixtureRows.map((r) => [r[2], r[3], "", r[5]].join(",")))];
const closureCodes = ["aterkallad", "avliden", "behov-upphort", "flyttat"];
const delayCodes = ["annat", "halsotillstand", "medverkar-inte", "resursbrist", "tackat-nej"];

const header =
  "id,kon,enhet,lag,lagrum,insats,beslutsdatum,avbrott_fran,avbrott_till,verkstallt,avslutat,avslutsorsak,orsakskod,skal,erbjudanden,delvis,skyddad";

/** One random decision as an import row: open, partly executed, executed, closed, or interrupted. */
function randomRow(i: number): string {
  const personId = `${addDays("1950-01-01", i * 37).replaceAll("-", "")}-T${String(i % 1000).padStart(3, "0")}`;
  const decided = addDays(FIRST, int(daysBetween(FIRST, TODAY) + 1));
  let interruptedFrom = "";
  let resumed = "";
  let executed = "";
  let closed = "";
  let partial = "";
  const outcome = random();
  if (outcome < 0.3) {
    if (chance(0.3)) partial = "1 av 2";
  } else if (outcome < 0.55) {
    executed = dateAfter(decided, 400);
  } else if (outcome < 0.7) {
    closed = dateAfter(decided, 400);
  } else {
    executed = dateAfter(decided, 300);
    interruptedFrom = dateAfter(executed, 300);
    if (chance(0.5)) resumed = dateAfter(interruptedFrom, 200);
    else if (chance(0.4)) closed = dateAfter(interruptedFrom, 200);
  }
  const offers = Array.from({ length: int(4) }, () => `${dateAfter(decided, 300)}:${pick(["ja", "nej"])}`);
  return [
    personId,
    "",
    pick(placements),
    decided,
    interruptedFrom,
    resumed,
    executed,
    closed,
    closed ? pick(closureCodes) : "",
    chance(0.6) ? pick(delayCodes) : "",
    "",
    [...new Set(offers)].join(";"),
    partial,
    "",
  ].join(",");
}

const actor = systemActor();
let database: Database;
let kommun: { id: string; path: string };

const rows = Array.from({ length: 160 }, (_, i) => randomRow(i + 1));
/** Ends of quarters, month-end edges, and random days over the register's span. */
const days = [
  "2021-03-31",
  "2022-02-28",
  "2023-05-31",
  "2023-12-31",
  "2024-02-29",
  "2024-03-31",
  TODAY,
  ...Array.from({ length: 8 }, () => addDays(FIRST, int(daysBetween(FIRST, TODAY) + 1))),
];

beforeAll(async () => {
  const t = await evbTestDatabase();
  database = t.database;
  kommun = t.demo.nodes.kommun as { id: string; path: string };
  const file = (lines: string[]) => Buffer.from([header, ...lines].join("\n"));
  const imported = await importDecisionsCsv(database.db, actor, {
    scopeNodeId: kommun.id,
    content: file(rows),
    today: TODAY,
  });
  expect(imported.created, `seed ${seed}`).toBe(rows.length);

  // Changes through the import's update path: some open decisions executed, some executions moved.
  const changed = rows.map((r) => {
    const cells = r.split(",");
    if (chance(0.2) && !cells[7] && !cells[9] && !cells[10]) cells[9] = dateAfter(cells[6] as string, 200);
    return cells.join(",");
  });
  await importDecisionsCsv(database.db, actor, { scopeNodeId: kommun.id, content: file(changed), today: TODAY });

  // And through the register's own writes: execute, interrupt, and reopen by clearing the execution.
  const register = await loadRegister(database.db, { scopes: [kommun.path] });
  for (const d of register.slice(0, 40)) {
    const open = !d.executedDate && !d.closedDate;
    if (open && d.partsExecuted === 0 && chance(0.5)) {
      await executeDecision(database.db, actor, d.id, dateAfter(d.decisionDate, 200));
    } else if (d.executedDate && !d.closedDate && d.interruptions.every((x) => x.resumed) && chance(0.5)) {
      const after = d.interruptions.reduce(
        (last, x) => ((x.resumed ?? "") > last ? (x.resumed ?? "") : last),
        d.executedDate,
      );
      // Some with a reason of their own (a code, or only text), which the stored reason follows.
      const own = pick([{}, { reasonCode: pick(delayCodes) }, { reasonText: "Personalbrist" }]);
      await addInterruption(database.db, actor, d.id, { start: dateAfter(after, 100), ...own });
    } else if (d.executedDate && d.interruptions.length === 0 && !d.closedDate && chance(0.5)) {
      await updateDecision(database.db, actor, d.id, { executedDate: null });
    }
  }
});
afterAll(() => database.close());

describe(`stored waits and SQL counts against the clock (seed ${seed}, EVB_WAITS_SEED to repeat)`, () => {
  it("keeps every decision's waits as the clock works them out after imports and edits", async () => {
    const all = await loadRegister(database.db, { scopes: [kommun.path] });
    const facts = await clockFactsOf(
      database.db,
      all.map((d) => d.id),
    );
    const expected = facts.flatMap((d) => waitRows(d));
    const key = (w: { decision_id: string; kind: string; start_date: string }) =>
      `${w.decision_id} ${w.kind} ${w.start_date}`;
    const stored = await waitsUnder(database.db, kommun.path);
    expect(stored.toSorted((a, b) => key(a).localeCompare(key(b)))).toEqual(
      expected.toSorted((a, b) => key(a).localeCompare(key(b))),
    );
    expect(stored.some((w) => w.kind === "avbrott" && w.ending === "avslutad")).toBe(true);
  });

  it("gives the dashboard in SQL exactly as the clock gives it over the loaded register", async () => {
    for (const asOf of days) {
      const decisions = await loadRegister(database.db, {
        scopes: [kommun.path],
        decidedOnOrBefore: asOf,
        notClosedBefore: asOf,
      });
      const board = await dashboardFor(database.db, actor, kommun.id, asOf);
      const { organisation: _o, aggregated: _a, ...fromSql } = board;
      expect(fromSql, `asOf ${asOf}, seed ${seed}`).toEqual(dashboard(decisions, asOf));
    }
  });

  it("reports each quarter from the decisions the stored waits pick exactly as from the whole register", async () => {
    for (const q of quartersBetween(quarterOf(FIRST), quarterOf(TODAY))) {
      const decisions = await loadRegister(database.db, {
        scopes: [kommun.path],
        decidedOnOrBefore: quarterEnd(q),
        notClosedBefore: quarterStart(q),
      });
      const served = await quarterReportFor(database.db, actor, kommun.id, formatQuarter(q));
      const { organisation: _o, aggregated: _a, preliminary: _p, ...report } = served;
      expect(report, `${formatQuarter(q)}, seed ${seed}`).toEqual(quarterReport(decisions, q));
    }
  });

  it("counts each quarter in SQL and pages its lists exactly as the whole report in JavaScript", async () => {
    const limit = 7;
    for (const q of quartersBetween(quarterOf(FIRST), quarterOf(TODAY))) {
      const served = await quarterReportFor(database.db, actor, kommun.id, formatQuarter(q));
      if (served.aggregated) throw new Error("the system actor reads personal data");
      const page = (offset: number) =>
        quarterReportPage(database.db, actor, kommun.id, formatQuarter(q), {
          limit,
          offsets: { ivo: offset, committee: offset, openRows: offset, finishedRows: offset },
        });
      const first = await page(0);
      if (first.aggregated) throw new Error("the system actor reads personal data");
      const context = `${formatQuarter(q)}, seed ${seed}`;
      expect(first.counts, context).toEqual(served.counts);
      const { openRows: _o, finishedRows: _f, ...statistics } = served.statistics;
      expect(first.statistics, context).toMatchObject(statistics);
      expect(first.ivoTotal, context).toBe(served.ivo.length);
      expect(first.statistics.openRowsTotal, context).toBe(served.statistics.openRows.length);
      expect(first.statistics.finishedRowsTotal, context).toBe(served.statistics.finishedRows.length);
      // Every page in turn gives the whole lists, in the same order.
      const pages = [first];
      for (let offset = limit; offset < first.ivoTotal; offset += limit) {
        const next = await page(offset);
        if (next.aggregated) throw new Error("the system actor reads personal data");
        pages.push(next);
      }
      expect(
        pages.flatMap((p) => p.ivo),
        context,
      ).toEqual(served.ivo);
      const rowsOf = (units: typeof served.committee) =>
        units.flatMap((u) => [
          ...u.open.map((r) => ({ unit: u.unit, ...r })),
          ...u.finished.map((r) => ({ unit: u.unit, ...r })),
        ]);
      expect(rowsOf(pages.flatMap((p) => p.committee)), context).toEqual(rowsOf(served.committee));
      expect(
        pages.flatMap((p) => p.statistics.openRows),
        context,
      ).toEqual(served.statistics.openRows);
      expect(
        pages.flatMap((p) => p.statistics.finishedRows),
        context,
      ).toEqual(served.statistics.finishedRows);
    }
  });

  it("groups each quarter's lines in SQL exactly as in JavaScript", async () => {
    const key = (g: ReportGroup) => JSON.stringify(g);
    for (const q of quartersBetween(quarterOf(FIRST), quarterOf(TODAY))) {
      const period = { start: quarterStart(q), end: quarterEnd(q) };
      const decisions = await loadRegister(database.db, { scopes: [kommun.path] });
      const lines = decisions.flatMap((d) => ivoLinesOf(d, period));
      const fromSql = (await reportGroups(database.db, kommun.path, period)).map((g) => ({
        ...g,
        band: waitingBands[g.band] as WaitingBand,
      }));
      expect(fromSql.map(key).sort(), `${formatQuarter(q)}, seed ${seed}`).toEqual(
        reportGroupsOf(lines, period.end).map(key).sort(),
      );
    }
  });

  it("fills existing decisions' waits in migrations 0315 and 0320 as the clock and refreshWaits do", async () => {
    const before = await waitsUnder(database.db, kommun.path);
    expect(before.some((w) => w.kind === "avbrott" && w.reason_code_id !== null)).toBe(true);
    await sql`DROP TABLE evb_wait`.execute(database.db);
    await wait.up(database.db);
    await waitFacts.up(database.db);
    expect(await waitsUnder(database.db, kommun.path)).toEqual(before);
  });
});
