import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestApp } from "../app/testing.ts";
import { suppressGroup } from "./report.ts";
import { evbTestApp } from "./testing.ts";

let t: TestApp;
const node = (key: string) => t.demo.nodes[key]?.id as string;

beforeAll(async () => {
  t = await evbTestApp();
}, 180_000);
afterAll(() => t?.close());

/** Fields that describe one decision or person; none may reach a reader without read:personal. */
const personalKeys = [
  "decisionId",
  "personId",
  "decisionDate",
  "sex",
  "start",
  "deadline",
  "daysWaited",
  "daysLeft",
  "protectedIdentity",
  "offers",
  "reason",
  "reasonText",
  "committeeReason",
];
/** Days are not counts of people: they may be any number (and are withheld for groups under three). */
const dayKeys = new Set(["averageDaysSinceDecision", "longestDaysSinceDecision"]);

/** Every key, and every count that is 1 or 2, anywhere in a response. */
function inspect(value: unknown, key = "", found = { keys: new Set<string>(), smallCounts: [] as string[] }) {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) inspect(v, `${key}[${i}]`, found);
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      found.keys.add(k);
      if (!dayKeys.has(k)) inspect(v, `${key}.${k}`, found);
    }
  } else if (value === 1 || value === 2) found.smallCounts.push(key);
  return found;
}

describe("small-count suppression", () => {
  it("hides counts of 1 and 2, and one more cell when a single hidden one could be subtracted out", () => {
    expect(suppressGroup([0, 3, 7])).toEqual([0, 3, 7]);
    expect(suppressGroup([1, 2, 9])).toEqual([null, null, 9]);
    expect(suppressGroup([2, 5, 4, 0])).toEqual([null, 5, null, 0]);
    expect(suppressGroup([1])).toEqual([null]);
    expect(suppressGroup([0, 0])).toEqual([0, 0]);
  });
});

describe("readers without read:personal get aggregates only", () => {
  for (const user of ["fortroendevald", "controller"]) {
    it(`gives ${user} the dashboard as counts without a row per decision`, async () => {
      const res = await (await t.as(user)).get(`/api/evb/dashboard?orgNodeId=${node("ifo")}&asOf=2024-03-15`);
      expect(res.statusCode, res.body).toBe(200);
      const board = res.json();
      expect(board).toMatchObject({ aggregated: true, earlyWarnings: null, longestWaits: null });
      const { keys, smallCounts } = inspect(board);
      for (const k of personalKeys) expect(keys.has(k), k).toBe(false);
      expect(smallCounts).toEqual([]);
      expect(res.body).not.toMatch(/T\d{3}/);
      // The fixture has units with one or two open waits: those show as suppressed, not as zero.
      expect(JSON.stringify(board.byUnit)).toContain("null");
      expect(board.open).toBeGreaterThan(2);
    });

    it(`gives ${user} the quarter report without the IVO list, committee rows or KF rows`, async () => {
      const res = await (await t.as(user)).get(`/api/evb/reports/2023Q4?orgNodeId=${node("ifo")}`);
      expect(res.statusCode, res.body).toBe(200);
      const report = res.json();
      expect(report).toMatchObject({ aggregated: true, ivo: null, committee: null });
      expect(report.statistics).toMatchObject({ openRows: null, finishedRows: null });
      const { keys, smallCounts } = inspect(report);
      for (const k of personalKeys) expect(keys.has(k), k).toBe(false);
      expect(smallCounts).toEqual([]);
      expect(res.body).not.toMatch(/T\d{3}/);
      for (const row of report.statistics.byInsats) {
        if (row.count === null) expect(row.longestDaysSinceDecision, row.insats).toBeNull();
      }
    });

    it(`refuses ${user} the per-decision downloads and leaves them out of the workbook`, async () => {
      const client = await t.as(user);
      const base = `/api/evb/reports/2023Q4/export?orgNodeId=${node("ifo")}`;
      for (const part of ["ivo", "committee"]) {
        expect((await client.get(`${base}&format=csv&part=${part}`)).statusCode, part).toBe(403);
      }
      const statistics = await client.get(`${base}&format=csv&part=statistics`);
      expect(statistics.statusCode).toBe(200);
      expect(statistics.body).not.toMatch(/T\d{3}/);
      const xlsx = await client.request({ method: "GET", url: `${base}&format=xlsx` });
      expect(xlsx.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      expect(workbook.worksheets.map((w) => w.name)).toEqual(["Sammanställning", "KF-statistik"]);
    });
  }

  it("still gives a reader with read:personal the decisions behind the figures", async () => {
    const res = await (await t.as("kvalitet")).get(`/api/evb/dashboard?orgNodeId=${node("ifo")}&asOf=2024-03-15`);
    const board = res.json();
    expect(board.aggregated).toBe(false);
    expect(board.longestWaits.length).toBeGreaterThan(0);
    expect(board.longestWaits[0].decisionId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

type Decision = { id: string; personId: string };

/** The access-log export for one person, as data lines split into cells. */
async function exportLines(personId: string): Promise<string[][]> {
  const res = await (await t.as("admin")).get(`/api/admin/access-log/export?personId=${personId}`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers["content-type"]).toContain("text/csv");
  const [header, ...lines] = res.body
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  expect(header?.split(";")).toEqual([
    "Tid (UTC)",
    "Användare",
    "Användar-id",
    "Åtgärd",
    "Syfte",
    "Organisation",
    "Posttyp",
    "Post-id",
    "Person-id",
  ]);
  return lines.map((l) => l.split(";"));
}

describe("the access log", () => {
  it("records a handläggare reading a decision, naming the decision and the person", async () => {
    const h = await t.as("handlaggare");
    const [decision] = (await h.get("/api/evb/decisions")).json().decisions as Decision[];
    if (!decision) throw new Error("the handläggare sees no decisions");
    expect((await h.get(`/api/evb/decisions/${decision.id}`)).statusCode).toBe(200);

    const admin = await t.as("admin");
    const log = (await admin.get(`/api/admin/access-log?recordId=${decision.id}&operation=evb.decision`)).json();
    expect(log.total).toBe(1);
    expect(log.rows[0]).toMatchObject({
      actorId: t.demo.users.handlaggare,
      actorName: "Hassan Handläggare",
      operation: "evb.decision",
      orgNodeName: "Myndighet funktionsnedsättning",
      recordCount: 1,
      records: [{ entity: "evb_decision", recordId: decision.id, personId: decision.personId }],
    });
    expect(log.rows[0].purpose).toContain("beslutssidan");
    // The register list she read first is logged too, with every decision it showed.
    const list = (await admin.get(`/api/admin/access-log?user=Hassan&operation=evb.register`)).json();
    expect(list.rows[0].recordCount).toBe(7);
  });

  it("does not log a reader who got counts only", async () => {
    await (await t.as("fortroendevald")).get(`/api/evb/dashboard?orgNodeId=${node("ifo")}`);
    await (await t.as("fortroendevald")).get(`/api/evb/reports/2023Q4?orgNodeId=${node("ifo")}`);
    const log = (await (await t.as("admin")).get("/api/admin/access-log?user=Fredrik")).json();
    expect(log.total).toBe(0);
  });

  it("exports exactly the accesses to one person's records", async () => {
    const h = await t.as("handlaggare");
    const decisions = (await h.get("/api/evb/decisions")).json().decisions as Decision[];
    const [x, y] = decisions;
    if (!x || !y) throw new Error("the handläggare sees fewer than two decisions");
    const before = await exportLines(x.personId);

    await h.get(`/api/evb/decisions/${x.id}`);
    await h.get(`/api/evb/decisions/${y.id}`);
    await h.get(`/api/evb/decisions?personId=${x.personId}`);
    await (await t.as("kvalitet")).get(`/api/evb/decisions/${x.id}`);
    await (await t.as("kvalitet")).get(`/api/evb/decisions/${y.id}`);

    const after = await exportLines(x.personId.toLowerCase());
    expect(after.slice(0, before.length)).toEqual(before);
    const added = after.slice(before.length);
    expect(added.map((cells) => [cells[1], cells[3], cells[7], cells[8]])).toEqual([
      ["Hassan Handläggare", "evb.decision", x.id, x.personId],
      ["Hassan Handläggare", "evb.register", x.id, x.personId],
      ["Karim Kvalitetsstrateg", "evb.decision", x.id, x.personId],
    ]);
    for (const cells of after) expect(cells[8]).toBe(x.personId);
  });

  it("logs the IVO list and its download for a reader of personal data", async () => {
    const k = await t.as("kvalitet");
    const report = (await k.get(`/api/evb/reports/2023Q4?orgNodeId=${node("ifo")}`)).json();
    const download = await k.get(`/api/evb/reports/2023Q4/export?orgNodeId=${node("ifo")}&format=csv&part=ivo`);
    expect(download.statusCode).toBe(200);
    const admin = await t.as("admin");
    const ids = new Set(report.ivo.map((l: { decisionId: string }) => l.decisionId));
    for (const operation of ["evb.quarter-report", "evb.quarter-report.export"]) {
      const log = (await admin.get(`/api/admin/access-log?user=Karim&operation=${operation}`)).json();
      expect(log.total, operation).toBe(1);
      expect(log.rows[0].recordCount, operation).toBe(ids.size);
      expect(log.rows[0].orgNodeName).toBe("Nämnden för Individ & Familjeomsorg");
    }
  });
});
