// The nämnd's lex Sarah memo for 2023 assembled from the demo's register through kvalitet's committee memo:
// the brief's counts (reports per month, November 11 and December 16; 82 decided, 45 A, 34 B, 3 to IVO), lists
// A and B with one line per decision covering every case counted, the text's figures equal to their table
// cells, no blocking finding, and the same in Word and PDF.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../app/testing.ts";
import { meetingDates } from "../namnd/index.ts";
import type { Actor } from "../platform/auth/access.ts";
import { actorForUser } from "../platform/auth/sessions.ts";
import { addDays } from "../platform/calendar.ts";
import { closePdfBrowser } from "../platform/documents/print-pdf.ts";
import { renderDocx } from "./docx.ts";
import type { AssembledRegister, AssembledReport, AssembledTable, Segment } from "./model.ts";
import { renderPdf } from "./pdf.ts";
import { periodOf } from "./period.ts";
import { blocksOf, expectFiguresFromTables, hasPdftotext, plain } from "./testing.ts";

let t: TestApp;
let r: AssembledReport;
let findings: Array<{ severity: string; check: string; message: string }>;
beforeAll(async () => {
  t = await testApp({ fullDemo: true });
  const ifo = t.demo.nodes.ifo?.id ?? "";
  const res = await (await t.as("fortroendevald")).get(
    `/api/rapporter/rapport?mall=lex-sarah&namndId=${ifo}&period=2023`,
  );
  expect(res.statusCode, res.body).toBe(200);
  ({ report: r, findings } = res.json());
}, 300_000);
afterAll(async () => {
  await closePdfBrowser();
  await t?.close();
});

const block = <B>(id: string) => blocksOf(r).find((b) => b.id === id) as B;
const textOf = (id: string) =>
  plain(
    block<{ segments: Segment[] }>(id)
      .segments.map((s) => s.text)
      .join(""),
  );
const column = (id: string) =>
  Object.fromEntries(block<AssembledTable>(id).rows.map((row) => [row.label, row.cells.antal?.value]));
/** The case numbers a list's lines name ("2023-101, 2023-102 – Rapport gällande …"). */
const casesOf = (id: string) =>
  block<AssembledRegister>(id).rows.flatMap((row) => (row[0]?.split(" – ")[0] ?? "").split(", "));

describe("the lex Sarah memo 2023 from the demo", () => {
  it("is the memo to the nämnd: proposal, summary, description with tables and lists, underlag", () => {
    expect(r.title).toBe("Information om lex Sarah samt redovisning av beslut 2023");
    expect(r.chapters.map((c) => c.title)).toEqual([
      "Förslag till beslut",
      "Sammanfattning av ärendet",
      "Beskrivning av ärendet",
      "Beslutsunderlag",
    ]);
    expect(findings.filter((f) => f.severity === "blocking")).toEqual([]);
  });

  it("counts the reports per month as the brief prints them, and the decisions per list", () => {
    const months = column("rapporter");
    expect(months["november 2023"]).toBe(11);
    expect(months["december 2023"]).toBe(16);
    expect(Object.keys(months)).toHaveLength(13);
    expect(months.Summa).toBe(96);
    expect(column("beslut")).toEqual({
      "Lista A, inget missförhållande": 45,
      "Lista B, missförhållande eller risk för missförhållande": 34,
      "Allvarliga, anmälda till IVO": 3,
      Summa: 82,
    });
  });

  it("lists every case of lists A and B once, in the memo's line form", () => {
    const a = casesOf("lista-a");
    const b = casesOf("lista-b");
    expect(a).toHaveLength(45);
    expect(b).toHaveLength(34);
    expect(new Set([...a, ...b]).size).toBe(79);
    for (const n of [...a, ...b]) expect(n).toMatch(/^\d{4}-\d{3}$/);
    for (const row of block<AssembledRegister>("lista-a").rows) expect(row[0]).toMatch(/ – Rapport gällande .+\.$/);
  });

  it("binds every figure in its text to a table cell", () => {
    expectFiguresFromTables(r);
    const figures = blocksOf(r).flatMap((b) =>
      b.kind === "authored" ? b.segments.flatMap((s) => (s.figure ? [s.figure] : [])) : [],
    );
    expect(figures).toHaveLength(5);
    expect(textOf("sammanfattning-text")).toBe(
      "Under 2023 kom 96 rapporter enligt lex Sarah. Beslut fattades i 82 ärenden: 45 utan missförhållande (lista A), 34 med missförhållande eller påtaglig risk för missförhållande (lista B) och 3 bedömda som allvarliga och anmälda till IVO.",
    );
  });
});

describe("the lex Sarah memo since the last meeting: a date range", () => {
  type Case = { reportedOn: string; decidedOn: string | null; outcome: string | null };
  /** Every case under IFO as the register lists them to the kvalitet role. */
  async function allCases(ifo: string): Promise<Case[]> {
    const kvalitet = await t.as("kvalitet");
    const cases: Case[] = [];
    for (let offset = 0; ; offset += 200) {
      const page = (await kvalitet.get(`/api/kvalitet/lex-sarah?orgNodeId=${ifo}&limit=200&offset=${offset}`)).json();
      cases.push(...page.cases);
      if (cases.length >= page.total) return cases;
    }
  }
  async function memoFor(ifo: string, period: string) {
    const res = await (await t.as("fortroendevald")).get(
      `/api/rapporter/rapport?mall=lex-sarah&namndId=${ifo}&period=${period}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { report: AssembledReport; findings: typeof findings };
  }
  const summaOf = (report: AssembledReport, id: string) =>
    (blocksOf(report).find((b) => b.id === id) as AssembledTable).rows.find((row) => row.key === "summa")?.cells.antal
      ?.value;

  it("counts the reports received and the cases decided between its first and last day, both included", async () => {
    const ifo = t.demo.nodes.ifo?.id ?? "";
    const cases = await allCases(ifo);
    const decided = [...new Set(cases.flatMap((c) => (c.decidedOn?.startsWith("2023") ? [c.decidedOn] : [])))].sort();
    // From one decision day to another some weeks later: a decision on the first and on the last day.
    const first = decided[Math.floor(decided.length / 3)] as string;
    const last = decided.find((d) => d >= addDays(first, 40)) as string;
    expect(last).toBeDefined();
    const inRange = (from: string, to: string, date: string | null) => date !== null && date >= from && date <= to;
    const expected = (from: string, to: string) => ({
      decided: cases.filter((c) => inRange(from, to, c.decidedOn)).length,
      reports: cases.filter((c) => inRange(from, to, c.reportedOn)).length,
    });
    const { report, findings: found } = await memoFor(ifo, `${first}..${last}`);
    expect(report.title).toBe(
      `Information om lex Sarah samt redovisning av beslut ${periodOf(`${first}..${last}`).label}`,
    );
    expect(found.filter((f) => f.severity === "blocking")).toEqual([]);
    expect(summaOf(report, "beslut")).toBe(expected(first, last).decided);
    expect(summaOf(report, "rapporter")).toBe(expected(first, last).reports);
    // A day less at either end leaves out the decisions of that day.
    const inner = await memoFor(ifo, `${addDays(first, 1)}..${addDays(last, -1)}`);
    const onEdges = cases.filter((c) => c.decidedOn === first || c.decidedOn === last).length;
    expect(onEdges).toBeGreaterThan(0);
    expect(summaOf(inner.report, "beslut")).toBe(expected(first, last).decided - onEdges);
    expectFiguresFromTables(report);
  });

  it("names the months of a range across the new year, without a year label to contradict", async () => {
    const ifo = t.demo.nodes.ifo?.id ?? "";
    const { report, findings: found } = await memoFor(ifo, "2023-12-10..2024-01-20");
    expect(report.title).toBe("Information om lex Sarah samt redovisning av beslut 10 december 2023–20 januari 2024");
    const months = (blocksOf(report).find((b) => b.id === "rapporter") as AssembledTable).rows.map((row) => row.label);
    expect(months).toEqual(["december 2023", "januari 2024", "Summa"]);
    expect(found.filter((f) => f.check === "artal")).toEqual([]);
  });
});

describe("the lex Sarah memo without a period: since the nämnd's last meeting", () => {
  const ifo = () => t.demo.nodes.ifo?.id ?? "";
  const actorOf = async (user: string) => (await actorForUser(t.database.db, t.demo.users[user] ?? "")) as Actor;
  const memo = async (query: string, user = "fortroendevald") =>
    (await t.as(user)).get(`/api/rapporter/rapport?mall=lex-sarah&namndId=${ifo()}${query}`);

  it("reads the nämnd's own meeting days from namnd, held or not, without the utskott's and checking access", async () => {
    // The demo's nämnd met 2023-09-14 and 2023-12-13 (justerade) and is kallad to 2024-02-15; its utskott met
    // on five other days.
    const dates = await meetingDates(t.database.db, await actorOf("fortroendevald"), ifo());
    expect(dates).toEqual([
      { date: "2023-09-14", held: true },
      { date: "2023-12-13", held: true },
      { date: "2024-02-15", held: false },
    ]);
    await expect(meetingDates(t.database.db, await actorOf("vo-controller"), ifo())).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("runs from the day after the last held meeting through the next one, as the same period given by hand", async () => {
    const res = await memo("");
    expect(res.statusCode, res.body).toBe(200);
    const { report, findings: found } = res.json() as { report: AssembledReport; findings: typeof findings };
    expect(report.periodCode).toBe("2023-12-14..2024-02-15");
    expect(report.title).toBe("Information om lex Sarah samt redovisning av beslut 14 december 2023–15 februari 2024");
    expect(found.filter((f) => f.severity === "blocking")).toEqual([]);
    const byHand = (await memo("&period=2023-12-14..2024-02-15")).json().report as AssembledReport;
    expect(report.chapters).toEqual(byHand.chapters);
    // A period given by hand still wins.
    expect((await memo("&period=2023")).json().report.title).toBe(
      "Information om lex Sarah samt redovisning av beslut 2023",
    );
  });

  it("is a report record's period when the approver gives none", async () => {
    const res = await (await t.as("controller")).post("/api/rapporter/instanser", {
      namndId: ifo(),
      mall: "lex-sarah",
    });
    expect(res.statusCode, res.body).toBe(200);
    const instance = await (await t.as("controller")).get(`/api/rapporter/instanser/${res.json().id}`);
    expect(instance.json().period).toBe("2023-12-14..2024-02-15");
  });

  it("is refused, naming the period, for a nämnd without a held meeting and for a template with no default", async () => {
    const vo = t.demo.nodes.vo?.id ?? "";
    const none = await (await t.as("vo-controller")).get(`/api/rapporter/rapport?mall=lex-sarah&namndId=${vo}`);
    expect(none.statusCode).toBe(400);
    expect(none.json().message).toContain(
      "Rapporten kan inte tas fram: Period: Nämnden har inget genomfört sammanträde det senaste året att räkna från. Ange ett år (2023)",
    );
    const yearly = await (await t.as("fortroendevald")).get(
      `/api/rapporter/rapport?mall=arsberattelse&namndId=${ifo()}`,
    );
    expect(yearly.statusCode).toBe(400);
    expect(yearly.json().message).toContain("Period: Mallen har ingen standardperiod.");
  });
});

describe("the lex Sarah memo as Word and PDF", () => {
  it("writes the counts and the lists into the Word file", async () => {
    const zip = await JSZip.loadAsync(await renderDocx(r));
    const xml = plain((await zip.file("word/document.xml")?.async("string")) ?? "");
    expect(xml).toContain("Information om lex Sarah samt redovisning av beslut 2023");
    expect(xml).toContain("Under 2023 kom 96 rapporter enligt lex Sarah.");
    expect(xml).toContain(block<AssembledRegister>("lista-b").rows[0]?.[0]);
  });

  it.skipIf(!hasPdftotext)(
    "prints a PDF whose text has the month rows and the decisions' Summa",
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lots-lex-sarah-rapport-"));
      try {
        const file = path.join(dir, "lex-sarah.pdf");
        fs.writeFileSync(file, await renderPdf(r));
        const text = plain(execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }));
        expect(text).toMatch(/^\s*december 2023\s+16\s*$/m);
        expect(text).toMatch(/^\s*Summa\s+82\s*$/m);
        expect(text).toContain("Under 2023 kom 96 rapporter enligt lex Sarah.");
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
