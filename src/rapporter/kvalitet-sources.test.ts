// Kvalitet's figures shaped as the kvalitetsberättelse's tables, without a database: the clean figures pass the
// checks; a unit whose categories do not add up to its total, and a count typed by hand into a text, are caught
// where they are.
import { describe, expect, it } from "vitest";
import type { qualityYearFigures } from "../kvalitet/index.ts";
import { assembleReport } from "./assemble.ts";
import { checkReport } from "./checks.ts";
import { qualityRegisters, qualitySources } from "./kvalitet-sources.ts";
import type { AssembledTable } from "./model.ts";
import { periodOf } from "./period.ts";
import type { TemplateContent } from "./template.ts";
import { builtInTemplates } from "./templates/builtin.ts";

type Figures = Awaited<ReturnType<typeof qualityYearFigures>>;

const figures = (): Figures => ({
  organisation: { id: "ifo", name: "Nämnden för Individ & Familjeomsorg" },
  year: 2023,
  handelser: {
    total: 10,
    previousYearTotal: 9,
    byQuarter: [1, 2, 3, 4],
    byType: [
      { name: "Fall", count: 6, previousYear: 5 },
      { name: "Digitala system och teknisk miljö", count: 5, previousYear: 4 },
    ],
  },
  lexSarah: {
    reports: 8,
    previousYearReports: 7,
    decided: 6,
    byOutcome: [3, 2, 1],
    outcomes: (["A", "B", "C"] as const).map((outcome) => ({ outcome, label: outcome })),
    byArea: [
      { name: "Bostad med särskild service", reports: 5, decided: 4, byOutcome: [2, 1, 1] },
      { name: "Myndighet stöd och behandling", reports: 3, decided: 2, byOutcome: [1, 1, 0] },
    ],
  },
  klagomal: {
    categories: (["utformande", "handlaggning", "bemotande", "ovrigt"] as const).map((key) => ({ key, label: key })),
    byUnit: [
      { name: "Daglig verksamhet", byCategory: [3, 0, 0, 0], total: 3 },
      { name: "Barn- och ungdomsenheten", byCategory: [1, 1, 1, 0], total: 3 },
    ],
    totals: [4, 1, 1, 0],
    total: 6,
  },
  kommentaren: {
    total: 2,
    byType: [{ label: "Klagomål", count: 2 }],
    anonymous: 1,
    political: 0,
    notAnsweredInTime: 1,
  },
  risks: [{ unit: "Förvaltningen", nr: 1, description: "Statistiken är inte tillförlitlig.", level: "Hög" }],
  egenkontroller: [
    {
      unit: "Förvaltningen",
      what: "Är uppföljningen gjord och dokumenterad inom tidsintervall och enligt metod i riktlinjen?",
      method: "Stickprov",
      performedOn: "2023-11-09",
      numerator: 21,
      denominator: 50,
      share: 0.42,
    },
    {
      unit: "Förvaltningen",
      what: "Finns en aktuell genomförandeplan?",
      method: "Stickprov",
      performedOn: "2023-11-09",
      numerator: 38,
      denominator: 50,
      share: 0.76,
    },
  ],
  atgardStatuses: [{ status: "pagaende_med_avvikelse", label: "Pågående med avvikelse" }],
  atgarder: [
    {
      unit: "Förvaltningen",
      linkedTo: "Risk 1",
      text: "BI-projekt.",
      status: "pagaende_med_avvikelse",
      statusLabel: "Pågående med avvikelse",
      comment: null,
    },
  ],
});

const template = builtInTemplates.find((t) => t.code === "kvalitetsberattelse");
if (!template) throw new Error("no kvalitetsberättelse template");

function assembled(f: Figures, edit: (content: TemplateContent) => void = () => {}) {
  const content = structuredClone(template?.content) as TemplateContent;
  edit(content);
  return assembleReport({
    template: { code: "kvalitetsberattelse", name: "Kvalitetsberättelse", version: 1, content },
    namnd: f.organisation,
    period: periodOf(f.year),
    municipality: { name: "Kungsbacka kommun", primaryColour: "#00504b", accentColour: "#c8102e" },
    sources: Object.fromEntries(Object.entries(qualitySources).map(([k, shape]) => [k, shape(f)])),
    registers: Object.fromEntries(Object.entries(qualityRegisters).map(([k, shape]) => [k, shape(f)])),
  });
}

describe("the kvalitetsberättelse's tables from kvalitet's figures", () => {
  it("sums lex Sarah's decisions over A, B and C, and passes every check when the figures agree", () => {
    const report = assembled(figures());
    const lexSarah = report.chapters.flatMap((c) => c.blocks).find((b) => b.id === "lex-sarah") as AssembledTable;
    expect(lexSarah.rows.find((r) => r.key === "summa")?.cells.beslut?.value).toBe(6);
    expect(checkReport(report)).toEqual([]);
  });

  it("blocks a unit whose klagomål per category do not add up to its total, naming table, row and figures", () => {
    const f = figures();
    const unit = f.klagomal.byUnit[0];
    if (unit) unit.total = 4;
    f.klagomal.total = 7;
    const findings = checkReport(assembled(f)).filter((x) => x.severity === "blocking");
    expect(findings.map((x) => [x.check, x.block, x.row])).toEqual([
      ["summa", "Klagomål per enhet och kategori 2023", "Daglig verksamhet"],
      ["summa", "Klagomål per enhet och kategori 2023", "Summa"],
    ]);
    expect(findings[0]?.message).toContain("Daglig verksamhet, Summa: 4 men");
  });

  it("warns of a count typed by hand into a writer's text instead of bound to its table", () => {
    const findings = checkReport(
      assembled(figures(), (content) => {
        const block = content.chapters.flatMap((c) => c.blocks).find((b) => b.id === "lex-sarah-text");
        if (block?.kind === "authored") block.text = "Under {år} kom 8 rapporter enligt lex Sarah.";
      }),
    );
    expect(findings.map((x) => [x.check, x.severity, x.block])).toEqual([
      ["handskriven-siffra", "warning", "Lex Sarah"],
    ]);
  });
});
