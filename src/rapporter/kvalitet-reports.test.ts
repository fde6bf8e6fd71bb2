// The kvalitetsberättelse and the internkontroll's follow-up report to KS, assembled from the demo's 2023
// registers through kvalitet's public reads: the brief's published counts in the tables and in the text, every
// figure in the text equal to its table cell, no blocking finding, and the same figures in Word and PDF.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../app/testing.ts";
import { closePdfBrowser } from "../platform/documents/print-pdf.ts";
import { renderDocx } from "./docx.ts";
import type { AssembledBlock, AssembledRegister, AssembledReport, AssembledTable, Segment } from "./model.ts";
import { renderPdf } from "./pdf.ts";
import { blocksOf, expectFiguresFromTables, hasPdftotext, plain } from "./testing.ts";

let t: TestApp;
let ifo: string;
beforeAll(async () => {
  t = await testApp({ fullDemo: true });
  ifo = t.demo.nodes.ifo?.id ?? "";
}, 300_000);
afterAll(async () => {
  await closePdfBrowser();
  await t?.close();
});

type Assembled = { report: AssembledReport; findings: Array<{ severity: string; check: string; message: string }> };

async function assembled(template: string, role: "fortroendevald" | "kvalitet" = "fortroendevald"): Promise<Assembled> {
  const res = await (await t.as(role)).get(`/api/rapporter/rapport?mall=${template}&namndId=${ifo}&period=2023`);
  expect(res.statusCode).toBe(200);
  return res.json() as Assembled;
}

const block = <B extends AssembledBlock>(r: AssembledReport, id: string) => blocksOf(r).find((b) => b.id === id) as B;
const textOf = (r: AssembledReport, id: string) =>
  plain((block(r, id) as { segments: Segment[] }).segments.map((s) => s.text).join(""));
/** A table as label → column → the value shown. */
const valuesOf = (table: AssembledTable) =>
  Object.fromEntries(
    table.rows.map((r) => [r.label, Object.fromEntries(table.columns.map((c) => [c.key, r.cells[c.key]?.value]))]),
  );

describe("IVO's tillsyn in the kvalitetsberättelse 2023", () => {
  type Overview = {
    tillsyn: {
      open: number;
      yttrandenAwaited: number;
      yttrandenOverdue: number;
      list: Array<{ unit: { name: string }; type: string; month: string; ivoDnr: string | null }> | null;
      closed: number;
    };
  };
  const overview = async (role: "fortroendevald" | "kvalitet") =>
    (
      await (
        await t.as(role)
      ).get(`/api/kvalitet/oversikt?orgNodeId=${ifo}&periodStart=2023-01-01&periodEnd=2023-12-31`)
    ).json() as Overview;

  it("counts the inspections open at the year's end for a reader without read:kvalitet, and lists none", async () => {
    const { report, findings } = await assembled("kvalitetsberattelse");
    const { tillsyn } = await overview("fortroendevald");
    expect(tillsyn.list).toBeNull();
    expect(tillsyn.open).toBeGreaterThan(0);
    expect(valuesOf(block<AssembledTable>(report, "tillsyn"))).toEqual({
      "Pågående tillsyner vid årets slut": { antal: tillsyn.open },
      "Yttranden som IVO begärt och väntar på": { antal: tillsyn.yttrandenAwaited },
      "varav efter IVO:s sista dag": { antal: tillsyn.yttrandenOverdue },
      "Tillsyner avslutade under året": { antal: tillsyn.closed },
    });
    // The demo's three tillsyner closed by IVO's decision in 2023.
    expect(tillsyn.closed).toBe(3);
    expect(block<AssembledRegister>(report, "tillsyner")).toMatchObject({
      rows: [],
      empty: expect.stringContaining("bara för den som får läsa kvalitetsregistren"),
    });
    expect(findings.filter((f) => f.severity === "blocking")).toEqual([]);
  });

  it("lists them, unit, kind, month and IVO's dnr, to a reader with read:kvalitet", async () => {
    const { report } = await assembled("kvalitetsberattelse", "kvalitet");
    const { tillsyn } = await overview("kvalitet");
    const rows = block<AssembledRegister>(report, "tillsyner").rows;
    expect(rows).toHaveLength(tillsyn.open);
    expect(block<AssembledRegister>(report, "tillsyner").empty).toBeUndefined();
    expect(rows.map((r) => r.slice(0, 4))).toEqual(
      (tillsyn.list ?? []).map((i) => [i.unit.name, i.type, i.month, i.ivoDnr ?? "–"]),
    );
  });

  it("shows a tillsyn begun the year before and closed in the year, with IVO's decision, and not the year after", async () => {
    const almen = t.demo.nodes["bss-almen"]?.id ?? "";
    const before = (await overview("kvalitet")).tillsyn.closed;
    const created = await (await t.as("kvalitet")).post("/api/kvalitet/tillsyner", {
      orgNodeId: almen,
      type: "uppfoljning",
      month: "2022-11",
      ivoDnr: "3.5.1-50001/2022-4",
      decisionOn: "2023-02-20",
      findings: "Bristerna i bemanningen är åtgärdade; IVO avslutar ärendet.",
      status: "avslutad",
      closedOn: "2023-02-20",
    });
    expect(created.statusCode, created.body).toBe(200);
    const closedRow = [
      "Gruppbostad Almen",
      "Uppföljning",
      "2022-11",
      "3.5.1-50001/2022-4",
      "2023-02-20",
      "Bristerna i bemanningen är åtgärdade; IVO avslutar ärendet.",
      "2023-02-20",
    ];
    const { report, findings } = await assembled("kvalitetsberattelse", "kvalitet");
    expect(findings.filter((f) => f.severity === "blocking")).toEqual([]);
    const closed = block<AssembledRegister>(report, "tillsyner-avslutade");
    expect(closed.rows).toContainEqual(closedRow);
    expect(closed.rows).toHaveLength(before + 1);
    expect(valuesOf(block<AssembledTable>(report, "tillsyn"))["Tillsyner avslutade under året"]).toEqual({
      antal: before + 1,
    });
    // The next year's report has it no more.
    const later = await (await t.as("kvalitet")).get(
      `/api/rapporter/rapport?mall=kvalitetsberattelse&namndId=${ifo}&period=2024`,
    );
    expect(block<AssembledRegister>(later.json().report, "tillsyner-avslutade").rows).not.toContainEqual(closedRow);
    // A reader without read:kvalitet gets the count, not the decision's text.
    const { report: counted } = await assembled("kvalitetsberattelse");
    expect(block<AssembledRegister>(counted, "tillsyner-avslutade")).toMatchObject({
      rows: [],
      empty: expect.stringContaining("bara för den som får läsa kvalitetsregistren"),
    });
    expect(valuesOf(block<AssembledTable>(counted, "tillsyn"))["Tillsyner avslutade under året"]).toEqual({
      antal: before + 1,
    });
  });
});

describe("the kvalitetsberättelse 2023 from the demo", () => {
  let r: AssembledReport;
  beforeAll(async () => {
    const { report, findings } = await assembled("kvalitetsberattelse");
    r = report;
    expect(findings.filter((f) => f.severity === "blocking")).toEqual([]);
  });

  it("has the chapters of SOSFS 2011:9's general advice: how the work was done, åtgärder and results", () => {
    expect(r.title).toBe("Kvalitetsberättelse 2023");
    expect(r.chapters.map((c) => c.title)).toEqual([
      "Inledning",
      "Så har kvalitetsarbetet bedrivits",
      "Trygghet och säkerhet",
      "Riskanalys",
      "Egenkontroll",
      "Åtgärder",
      "Resultat och utvecklingsområden",
      "Sammanfattning och slutsats",
    ]);
  });

  it("counts händelser per type 2022 → 2023 as the brief prints them, and says so in the text", () => {
    const types = valuesOf(block<AssembledTable>(r, "handelser-typ"));
    const printed: Array<[string, number, number]> = [
      ["Fall", 206, 179],
      ["Rehabilitering", 48, 28],
      ["Digitala system och teknisk miljö", 28, 65],
      ["Övergrepp och oegentlighet", 23, 52],
      ["Myndighetsutövning", 22, 42],
      ["Sekretess", 19, 41],
      ["Professionellt bemötande", 74, 56],
    ];
    for (const [name, before, now] of printed) expect(types[name], name).toEqual({ foreg: before, ar: now });
    const quarters = valuesOf(block<AssembledTable>(r, "handelser-kvartal"));
    const total = quarters.Summa?.ar as number;
    expect([1, 2, 3, 4].reduce((n, q) => n + (quarters[`Kvartal ${q}`]?.ar as number), 0)).toBe(total);
    expect(textOf(r, "handelser")).toContain(
      `Under 2023 inträffade ${total.toLocaleString("sv-SE").replace(/\u00a0/g, " ")} rapporterade händelser. Flest gällde fall, 179 mot 206 året innan, och digitala system och teknisk miljö, 65.`,
    );
  });

  it("shows lex Sarah 2023 per area and outcome (96 reports, 82 decisions: 45 A, 34 B, 3 C)", () => {
    const lexSarah = valuesOf(block<AssembledTable>(r, "lex-sarah"));
    expect(lexSarah.Summa).toEqual({ rapporter: 96, beslut: 82, a: 45, b: 34, c: 3 });
    expect(lexSarah["Bostad med särskild service"]).toEqual({ rapporter: 52, beslut: 45, a: 25, b: 19, c: 1 });
    expect(lexSarah["Myndighet stöd och behandling"]).toEqual({ rapporter: 25, beslut: 20, a: 10, b: 8, c: 2 });
    expect(textOf(r, "lex-sarah-text")).toContain(
      "Under 2023 kom 96 rapporter enligt lex Sarah. 82 utredningar avslutades med beslut, och 3 av dem",
    );
  });

  it("shows the diarium's 50 klagomål per unit and category (26/15/8/1) and Kommentaren's 20 apart", () => {
    const complaints = valuesOf(block<AssembledTable>(r, "klagomal"));
    expect(complaints.Summa).toEqual({ utformande: 26, handlaggning: 15, bemotande: 8, ovrigt: 1, summa: 50 });
    // Nine units, the largest (Funktionsstödsenheten in the brief) 12 = 4 + 7 + 1.
    expect(Object.keys(complaints)).toHaveLength(10);
    expect(Object.values(complaints).find((v) => v.summa === 12)).toEqual({
      utformande: 4,
      handlaggning: 7,
      bemotande: 1,
      ovrigt: 0,
      summa: 12,
    });
    expect(textOf(r, "klagomal-text")).toBe(
      "Nämnden tog under 2023 emot 50 klagomål i diariet. Flest, 26, gällde insatsens utformande eller utförande.",
    );
    const kommentaren = valuesOf(block<AssembledTable>(r, "kommentaren"));
    expect([kommentaren.Klagomål?.antal, kommentaren.Summa?.antal, kommentaren["Varav anonyma"]?.antal]).toEqual([
      20, 20, 1,
    ]);
    expect(kommentaren["Obesvarade 10 dagar efter bekräftelse"]?.antal).toBe(2);
  });

  it("shows the egenkontroll's 42 % and 76 %, the plan's risks and åtgärder with their statuses", () => {
    const controls = block<AssembledTable>(r, "egenkontroller");
    const share = (key: string) => controls.rows.find((row) => row.key === key)?.cells.andel?.value;
    expect([share("ar-uppfoljningen-gjord-och-dokumenterad"), share("finns-en-aktuell-genomforandeplan")]).toEqual([
      42, 76,
    ]);
    expect(textOf(r, "egenkontroll-text")).toContain("enligt riktlinjen i 42 % av ärendena");
    expect(textOf(r, "egenkontroll-text")).toContain("genomförandeplan fanns i 76 %.");
    const risks = block<AssembledRegister>(r, "risker");
    expect(risks.rows.map((row) => row[2])).toContain("Statistik ur verksamhetssystemet är inte tillförlitlig.");
    const levels = risks.rows
      .filter((row) => row[0] === "Förvaltningen för Individ & Familjeomsorg")
      .map((row) => row[3]);
    expect([levels.filter((l) => l === "Hög").length, levels.filter((l) => l === "Medium").length]).toEqual([2, 3]);
    const statuses = valuesOf(block<AssembledTable>(r, "atgarder-status"));
    const listed = block<AssembledRegister>(r, "atgarder-lista").rows;
    expect(statuses.Summa?.antal).toBe(listed.length);
    expect(statuses["Pågående med avvikelse"]?.antal).toBe(
      listed.filter((row) => row[3] === "Pågående med avvikelse").length,
    );
  });

  it("takes every figure in its text from its tables", () => expectFiguresFromTables(r));
});

describe("the internkontroll follow-up report 2023 to KS from the demo", () => {
  let r: AssembledReport;
  beforeAll(async () => {
    const { report, findings } = await assembled("internkontroll");
    r = report;
    expect(findings.filter((f) => f.severity === "blocking")).toEqual([]);
  });

  it("has the brief's chapters, the 13 risks of the plan (7 kommungemensamma, 8 Hög) and the 3 left out", () => {
    expect(r.chapters.map((c) => c.title)).toEqual([
      "Inledning",
      "Sammanfattning",
      "Årets arbete",
      "Risk- och väsentlighetsanalys",
      "Granskningar och åtgärder",
      "Synpunkter",
      "Självskattning",
    ]);
    const summary = valuesOf(block<AssembledTable>(r, "ik-sammanfattning"));
    expect(summary["Risker i planen"]?.antal).toBe(13);
    expect([summary["Varav kommungemensamma"]?.antal, summary["Varav nämndens egna"]?.antal]).toEqual([7, 6]);
    expect(summary.Granskningar?.antal).toBe(12);
    expect(textOf(r, "sammanfattning-text")).toContain(
      "Internkontrollplanen för 2023 omfattade 13 risker, varav 7 kommungemensamma och 6 nämndens egna. 12 granskningar genomfördes",
    );
    const levels = valuesOf(block<AssembledTable>(r, "riskniva"));
    expect([levels.Hög?.antal, levels.Medel?.antal, levels.Summa?.antal]).toEqual([8, 5, 13]);
    expect(block<AssembledRegister>(r, "riskanalys-lista").rows).toHaveLength(16);
    const leftOut = block<AssembledRegister>(r, "ej-till-plan").rows;
    expect(leftOut.map((row) => row[3])).toContain("Förvaltningen har ingen kontanthantering.");
    expect(leftOut).toHaveLength(3);
  });

  it("lists the granskningar 5.1.1–5.1.12 with their results, and the åtgärder per risk", () => {
    const audits = block<AssembledRegister>(r, "granskningar-lista").rows;
    expect(audits.map((row) => row[0])).toEqual(Array.from({ length: 12 }, (_, i) => `5.1.${i + 1}`));
    expect(audits[0]?.[5]).toBe("3 av 9 fanns kvar i Combine; rutinen följs inte.");
    const followUp = block<AssembledRegister>(r, "uppfoljning").rows;
    expect(followUp).toHaveLength(13);
    expect(followUp[0]?.[4] ?? "").toBe("–");
    expect(followUp[0]?.[5]).toBe("Påminn chefer om rutinen för behörigheter vid byte av tjänst.");
  });

  it("shows Kommentaren's synpunkter and the självskattning (12 omhändertaget, 8 delvis of 20)", () => {
    expect(textOf(r, "synpunkter-text")).toBe(
      "Via Kommentaren kom under 2023 20 synpunkter. 2 var obesvarade tio dagar efter bekräftelsen.",
    );
    const self = valuesOf(block<AssembledTable>(r, "sjalvskattning"));
    expect(self.Summa).toEqual({ fragor: 20, omhandertaget: 12, delvis: 8, ej: 0, obesvarade: 0 });
    expect(textOf(r, "sjalvskattning-text")).toBe(
      "I självskattningen bedömdes 12 av 20 frågor som omhändertagna och 8 som delvis omhändertagna.",
    );
  });

  it("takes every figure in its text from its tables", () => expectFiguresFromTables(r));
});

describe("the two reports as Word and PDF", () => {
  it("writes the kvalitetsberättelse's figures and registers into the Word file", async () => {
    const { report } = await assembled("kvalitetsberattelse");
    const zip = await JSZip.loadAsync(await renderDocx(report));
    const xml = plain((await zip.file("word/document.xml")?.async("string")) ?? "");
    expect(xml).toContain("Kvalitetsberättelse 2023");
    expect(xml).toContain("Under 2023 kom 96 rapporter enligt lex Sarah.");
    expect(xml).toContain("Statistik ur verksamhetssystemet är inte tillförlitlig.");
    expect(xml).toContain('<w:t xml:space="preserve">179</w:t>');
  });

  it("writes the internkontroll report's registers into the Word file", async () => {
    const { report } = await assembled("internkontroll");
    const zip = await JSZip.loadAsync(await renderDocx(report));
    const xml = plain((await zip.file("word/document.xml")?.async("string")) ?? "");
    expect(xml).toContain("Uppföljning av internkontroll 2023");
    expect(xml).toContain("3 av 9 fanns kvar i Combine; rutinen följs inte.");
    expect(xml).toContain("Förvaltningen har ingen kontanthantering.");
  });

  it.skipIf(!hasPdftotext)(
    "prints both as PDFs whose text has the tables' rows and the bound sentences",
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lots-kvalitet-rapport-"));
      try {
        const textOfPdf = async (template: string) => {
          const file = path.join(dir, `${template}.pdf`);
          fs.writeFileSync(file, await renderPdf((await assembled(template)).report));
          return plain(execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }));
        };
        const kb = await textOfPdf("kvalitetsberattelse");
        expect(kb).toMatch(/^\s*Fall\s+206\s+179\s*$/m);
        expect(kb).toMatch(/^\s*Summa\s+96\s+82\s+45\s+34\s+3\s*$/m);
        expect(kb).toMatch(/^\s*Summa\s+26\s+15\s+8\s+1\s+50\s*$/m);
        expect(kb).toContain("Under 2023 kom 96 rapporter enligt lex Sarah.");
        const ik = await textOfPdf("internkontroll");
        expect(ik).toMatch(/^\s*Summa\s+20\s+12\s+8\s+0\s+0\s*$/m);
        expect(ik).toContain("Internkontrollplanen för 2023 omfattade 13 risker");
        // Register cells wrap in the laid-out text: the last granskning's number and a word of the first's result.
        expect(ik).toContain("5.1.12");
        expect(ik).toContain("Combine");
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
