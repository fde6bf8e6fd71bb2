// The nämnd's EVB memo for 2023 assembled from the demo's register through EVB's quarter reports: the fourth
// quarter's counts as EVB reports them (per lag, kön, väntetid, insats, enhet), the text's figures equal to
// their table cells, no blocking finding, counts only, and the same figures in Word and PDF.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../app/testing.ts";
import { closePdfBrowser } from "../platform/documents/print-pdf.ts";
import { renderDocx } from "./docx.ts";
import type { AssembledBlock, AssembledReport, AssembledTable, Segment } from "./model.ts";
import { renderPdf } from "./pdf.ts";
import { blocksOf, expectFiguresFromTables, hasPdftotext, plain } from "./testing.ts";

let t: TestApp;
let ifo: string;
let r: AssembledReport;
let findings: Array<{ severity: string; check: string; message: string }>;
/** EVB's own 2023Q4 report for the same reader. */
let q4: {
  counts: {
    totalOpen: number;
    ny: number | null;
    aterrapportering: number | null;
    byLaw: Record<string, number | null>;
    bySex: Record<string, number | null>;
    byBand: Record<string, number | null>;
    byInsats: Array<{ label: string; count: number | null }>;
    byUnit: Array<{ label: string; count: number | null }>;
  };
};
beforeAll(async () => {
  t = await testApp({ fullDemo: true });
  ifo = t.demo.nodes.ifo?.id ?? "";
  const reader = await t.as("fortroendevald");
  const res = await reader.get(`/api/rapporter/rapport?mall=evb-kvartal&namndId=${ifo}&period=2023`);
  expect(res.statusCode, res.body).toBe(200);
  ({ report: r, findings } = res.json());
  q4 = (await reader.get(`/api/evb/reports/2023Q4?orgNodeId=${ifo}`)).json();
}, 300_000);
afterAll(async () => {
  await closePdfBrowser();
  await t?.close();
});

const table = (id: string) => blocksOf(r).find((b) => b.id === id) as AssembledTable;
const textOf = (id: string) =>
  plain((blocksOf(r).find((b) => b.id === id) as { segments: Segment[] }).segments.map((s) => s.text).join(""));
/** A table's fourth-quarter column as label → value. */
const fourthQuarter = (id: string) =>
  Object.fromEntries(table(id).rows.map((row) => [row.label, row.cells.kv4?.value]));

describe("the EVB memo, kvartal 4 2023, from the demo", () => {
  it("is the memo to the nämnd: proposal, summary, description with the tables, underlag; no blocking finding", () => {
    expect(r.title).toBe("Rapport av ej verkställda beslut, kvartal 4 2023");
    expect(r.chapters.map((c) => c.title)).toEqual([
      "Förslag till beslut",
      "Sammanfattning av ärendet",
      "Beskrivning av ärendet",
      "Beslutsunderlag",
    ]);
    expect(textOf("forslag")).toBe("Nämnden godkänner rapporten av ej verkställda beslut för kvartal 4 2023.");
    expect(findings.filter((f) => f.severity === "blocking")).toEqual([]);
  });

  it("shows EVB's 2023Q4 counts in the fourth quarter's column, each table summing to the open decisions", () => {
    const c = q4.counts;
    expect(c.totalOpen).toBeGreaterThan(0);
    expect(fourthQuarter("arenden")).toMatchObject({
      "Nya att rapportera": c.ny,
      Återrapporterade: c.aterrapportering,
      "Ej verkställda vid kvartalets slut": c.totalOpen,
    });
    expect(fourthQuarter("lag")).toEqual({ SoL: c.byLaw.SoL, LSS: c.byLaw.LSS, Summa: c.totalOpen });
    expect(fourthQuarter("kon")).toEqual({ Kvinnor: c.bySex.K, Män: c.bySex.M, Summa: c.totalOpen });
    expect(fourthQuarter("vantetid")).toEqual({
      "Under 3 månader": c.byBand.under3,
      "3–6 månader": c.byBand["3-6"],
      "6–12 månader": c.byBand["6-12"],
      "Över 12 månader": c.byBand.over12,
      Summa: c.totalOpen,
    });
    const insats = fourthQuarter("insats");
    for (const x of c.byInsats) expect(insats[x.label], x.label).toBe(x.count);
    const units = fourthQuarter("enhet");
    for (const x of c.byUnit) expect(units[x.label], x.label).toBe(x.count);
    expect(insats.Summa).toBe(c.totalOpen);
    expect(units.Summa).toBe(c.totalOpen);
  });

  it("has a column per quarter of the year, the earlier quarters read from EVB as well", async () => {
    const reader = await t.as("fortroendevald");
    const open = table("arenden").rows.find((row) => row.key === "summa");
    for (const q of [1, 2, 3]) {
      const report = (await reader.get(`/api/evb/reports/2023Q${q}?orgNodeId=${ifo}`)).json();
      expect(open?.cells[`kv${q}`]?.value, `kv${q}`).toBe(report.counts.totalOpen);
    }
    expect(table("arenden").columns.map((c) => c.label)).toEqual(["Kv 1 2023", "Kv 2 2023", "Kv 3 2023", "Kv 4 2023"]);
  });

  it("binds every figure in its text to a table cell", () => {
    expectFiguresFromTables(r);
    const figures = blocksOf(r).flatMap((b: AssembledBlock) =>
      b.kind === "authored" ? b.segments.flatMap((s) => (s.figure ? [s.figure] : [])) : [],
    );
    expect(figures.map((f) => f.ref)).toEqual([
      "arenden.summa.kv4.antal",
      "lag.sol.kv4.antal",
      "lag.lss.kv4.antal",
      "kon.kvinnor.kv4.antal",
      "kon.man.kv4.antal",
      "vantetid.over12.kv4.antal",
    ]);
    const c = q4.counts;
    expect(textOf("sammanfattning-text")).toContain(
      `fanns ${c.totalOpen} gynnande beslut som inte verkställts inom tre månader, ${c.byLaw.SoL} enligt SoL och ${c.byLaw.LSS} enligt LSS.`,
    );
  });

  it("holds counts only: no personnummer, pseudonymous id or decision date of a person", () => {
    const json = JSON.stringify(r);
    expect(json).not.toMatch(/\d{8}-[A-Z0-9]{4}/);
    expect(json).not.toMatch(/20\d\d-\d\d-\d\d/);
  });
});

describe("the EVB memo for one quarter, 2023-Q2", () => {
  // Read by the kvalitet role (read:personal), who writes the memo: the quarter has counts small enough that EVB
  // hides them from other readers, and a figure bound to a hidden count is (rightly) a blocking finding.
  it("shows EVB's own 2023Q2 report in the second quarter's column, the text bound to it, later quarters empty", async () => {
    const reader = await t.as("kvalitet");
    const res = await reader.get(`/api/rapporter/rapport?mall=evb-kvartal&namndId=${ifo}&period=2023-Q2`);
    expect(res.statusCode, res.body).toBe(200);
    const { report, findings: found } = res.json() as { report: AssembledReport; findings: typeof findings };
    const c = (await reader.get(`/api/evb/reports/2023Q2?orgNodeId=${ifo}`)).json().counts as typeof q4.counts;
    expect(report.title).toBe("Rapport av ej verkställda beslut, kvartal 2 2023");
    expect(found.filter((f) => f.severity === "blocking")).toEqual([]);
    const tableOf = (id: string) => blocksOf(report).find((b) => b.id === id) as AssembledTable;
    const column = (id: string, key: string) =>
      Object.fromEntries(tableOf(id).rows.map((row) => [row.label, row.cells[key]?.value]));
    expect(column("lag", "kv2")).toEqual({ SoL: c.byLaw.SoL, LSS: c.byLaw.LSS, Summa: c.totalOpen });
    expect(column("kon", "kv2")).toEqual({ Kvinnor: c.bySex.K, Män: c.bySex.M, Summa: c.totalOpen });
    expect(column("arenden", "kv2")).toMatchObject({
      "Nya att rapportera": c.ny,
      Återrapporterade: c.aterrapportering,
    });
    for (const later of ["kv3", "kv4"]) expect(Object.values(column("lag", later)), later).toEqual([null, null, null]);
    expectFiguresFromTables(report);
    const figures = blocksOf(report).flatMap((b: AssembledBlock) =>
      b.kind === "authored" ? b.segments.flatMap((s) => (s.figure ? [s.figure.ref] : [])) : [],
    );
    expect(figures).toContain("arenden.summa.kv2.antal");
    expect(figures.filter((f) => !f.includes(".kv2."))).toEqual([]);
    const summary = blocksOf(report).find((b) => b.id === "sammanfattning-text") as { segments: Segment[] };
    const sentence = summary.segments.map((s) => s.text).join("");
    expect(plain(sentence)).toContain(`Vid utgången av kvartal 2 2023 fanns ${c.totalOpen} gynnande beslut`);
  });
});

describe("publishing the EVB memo: decided on the figures, not on the counts hidden from the publisher", () => {
  it("refuses a publisher without read:personal, naming the hidden counts, and publishes for one who sees them", async () => {
    const controller = await t.as("controller");
    const created = await controller.post("/api/rapporter/instanser", {
      namndId: ifo,
      mall: "evb-kvartal",
      period: "2023-Q2",
    });
    expect(created.statusCode, created.body).toBe(200);
    const base = `/api/rapporter/instanser/${created.json().id}`;
    const instance = (await controller.get(base)).json() as {
      chapters: Array<{ id: string }>;
      findings: Array<{ severity: string; check: string; message: string }>;
    };
    // The controller (approver, no read:personal) sees the quarter's small counts as "–", and is told why.
    const hiddenNote = instance.findings.filter((f) => f.check === "dolda-antal");
    expect(hiddenNote.length).toBeGreaterThan(0);
    expect(hiddenNote.every((f) => f.severity === "warning")).toBe(true);
    for (const chapter of instance.chapters) {
      const res = await controller.put(`${base}/kapitelstatus`, { chapter: chapter.id, status: "klar" });
      expect(res.statusCode, res.body).toBe(200);
    }
    for (const status of ["granskning", "godkand"]) {
      expect((await controller.post(`${base}/status`, { status })).statusCode).toBe(200);
    }
    const refused = await controller.post(`${base}/publicera`);
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json().message).toMatch(
      /^Du kan inte publicera rapporten: \d+ antal i tabellerna .+ döljs för dig, eftersom du saknar läsrätt till personuppgifter i /,
    );
    expect(refused.json().message).toContain("Kontrollerna före publicering görs på de verkliga siffrorna");
    // The admin approves and reads personal data: the checks run on the real counts, and they pass.
    const published = await (await t.as("admin")).post(`${base}/publicera`);
    expect(published.statusCode, published.body).toBe(200);
    const frozen = (await t.app.inject({ method: "GET", url: `/api/public/rapporter/${created.json().id}` })).json();
    expect(frozen.html).not.toContain("{arenden.");
    // The controller still sees the hidden counts as "–" today: that is no change since publishing.
    expect((await controller.get(base)).json()).toMatchObject({ status: "publicerad", changes: [] });
  });
});

describe("the EVB memo as Word and PDF", () => {
  it("writes the memo's sentence and counts into the Word file", async () => {
    const zip = await JSZip.loadAsync(await renderDocx(r));
    const xml = plain((await zip.file("word/document.xml")?.async("string")) ?? "");
    expect(xml).toContain("Rapport av ej verkställda beslut, kvartal 4 2023");
    expect(xml).toContain(`fanns ${q4.counts.totalOpen} gynnande beslut`);
    expect(xml).toContain("Ej verkställda vid kvartalets slut per lag 2023");
  });

  it.skipIf(!hasPdftotext)(
    "prints a PDF whose text has the law table's rows and the bound sentence",
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lots-evb-rapport-"));
      try {
        const file = path.join(dir, "evb.pdf");
        fs.writeFileSync(file, await renderPdf(r));
        const text = plain(execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }));
        const cells = (label: string) =>
          (table("lag").rows.find((row) => row.label === label)?.cells ?? {}) as Record<string, { text: string }>;
        const line = (label: string) =>
          new RegExp(
            `^\\s*${label}\\s+${["kv1", "kv2", "kv3", "kv4"].map((k) => plain(cells(label)[k]?.text ?? "")).join("\\s+")}\\s*$`,
            "m",
          );
        expect(text).toMatch(line("SoL"));
        expect(text).toMatch(line("Summa"));
        expect(text).toContain(`fanns ${q4.counts.totalOpen} gynnande beslut`);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
