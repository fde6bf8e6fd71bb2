import { describe, expect, it } from "vitest";
import { assembleReport } from "./assemble.ts";
import { checkReport, type Finding, hiddenCounts } from "./checks.ts";
import type { AssembledReport, AssembledTable, SourceTable } from "./model.ts";
import { periodOf } from "./period.ts";
import type { Block, TemplateContent } from "./template.ts";
import { builtInTemplates } from "./templates/builtin.ts";
import { assembled2021, driftSource } from "./testing.ts";

const only = (findings: Finding[], severity: Finding["severity"] = "blocking") =>
  findings.filter((f) => f.severity === severity);

function blockOf<K extends Block["kind"]>(content: TemplateContent, id: string, kind: K) {
  const found = content.chapters.flatMap((c) => c.blocks).find((b) => b.id === id);
  if (!found || found.kind !== kind) throw new Error(`no ${kind} ${id}`);
  return found as Extract<Block, { kind: K }>;
}

describe("the clean 2021 report", () => {
  it("passes every check", () => {
    expect(checkReport(assembled2021())).toEqual([]);
  });
});

describe("text against table (C4 #1)", () => {
  it("blocks MSB's −7,5 miljoner against −7 734 tkr in its row, naming chapter, row and figures", () => {
    const report = assembled2021(
      (content) => {
        // A per-row comment under the drift table, as the årsberättelse writes them.
        content.chapters
          .find((c) => c.id === "drift")
          ?.blocks.push({
            kind: "authored",
            id: "kommentar-msb",
            heading: "Kommentar",
            text: "Myndighet stöd och behandling redovisar en avvikelse på −7,5 miljoner.",
          });
      },
      {
        // The 2023 drift row of MSB: Avvikelse −7 734 tkr.
        "ekonomi.drift": withRow(driftSource(), "myndighet-stod-och-behandling", {
          avvikelse: -7_734_000,
          bokslut: -233_057_000,
        }),
      },
    );
    const findings = only(checkReport(report));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      check: "text-mot-tabell",
      chapter: "Drift",
      block: "Kommentar",
      row: "Myndighet stöd och behandling",
    });
    expect(findings[0]?.message).toBe(
      'Texten säger "−7,5 miljoner" men Drift 2021 (tkr), Myndighet stöd och behandling, Avvikelse: −7\u00a0734 tkr avrundas till −7,7 mnkr.',
    );
  });

  it("blocks a bound figure whose text no longer renders from its cell", () => {
    const report = assembled2021();
    const text = report.chapters[0]?.blocks[0];
    if (text?.kind !== "authored") throw new Error("expected the result text first");
    const figure = text.segments.find((s) => s.figure?.ref === "drift.summa.avvikelse.mnkr-abs")?.figure;
    if (!figure) throw new Error("no bound figure");
    figure.value = 19.4;
    figure.text = "19,4\u00a0mnkr";
    const findings = only(checkReport(report));
    expect(findings.map((f) => [f.check, f.row])).toEqual([["text-mot-tabell", "Summa"]]);
    expect(findings[0]?.message).toContain("ger 19,5 mnkr");
  });
});

describe("hand-typed numbers", () => {
  it("warns about a number typed into an authored text, and blocks nothing", () => {
    const report = assembled2021((content) => {
      blockOf(content, "prognoser", "authored").text = "Prognosen i april var 8 550 tkr sämre än budget.";
    });
    const findings = checkReport(report);
    expect(only(findings)).toEqual([]);
    expect(only(findings, "warning")).toEqual([
      expect.objectContaining({ check: "handskriven-siffra", chapter: "Prognossäkerhet", block: "prognoser" }),
    ]);
    expect(only(findings, "warning")[0]?.message).toContain("(8 550)");
  });
});

describe("unit label (C4 #5)", () => {
  it("blocks a caption saying mnkr over tkr values", () => {
    const report = assembled2021((content) => {
      blockOf(content, "drift", "table").caption = "Drift {år} (belopp mnkr)";
    });
    const findings = only(checkReport(report));
    expect(findings.map((f) => [f.check, f.chapter, f.block])).toEqual([
      ["enhet", "Drift", "Drift 2021 (belopp mnkr)"],
    ]);
    expect(findings[0]?.message).toBe('Rubriken "Drift 2021 (belopp mnkr)" anger mnkr men värdena är i tkr.');
  });
});

describe("parts and total (C4 #6)", () => {
  it("blocks a Summa row that is not the sum of the rows above it", () => {
    const source = driftSource();
    const summa = source.rows.find((r) => r.key === "summa");
    if (!summa) throw new Error("no Summa");
    summa.values.budget = (summa.values.budget ?? 0) + 1_000_000;
    // This case is the table's own sum; the summary's budget (the same measure) is not part of it.
    delete summa.measures;
    const findings = only(checkReport(assembled2021(undefined, { "ekonomi.drift": source })));
    expect(findings.map((f) => [f.check, f.block, f.row])).toEqual([
      ["summa", "Drift 2021 (tkr)", "Summa"],
      // Avvikelse = Bokslut − Budget no longer holds on the Summa row either.
      ["summa", "Drift 2021 (tkr)", "Summa"],
    ]);
    expect(findings[0]?.message).toMatch(
      /^Summa, Budget 2021: −698\u00a0078 men .* = −699\u00a0078 \(differens 1\u00a0000 tkr, tolerans 0\)\.$/,
    );
  });

  it("accepts rounded shares within the stated tolerance and blocks beyond it (sick leave 2018: 3,6 + 5,1 vs 8,5)", () => {
    const sickLeave = (tolerance: number): AssembledTable => ({
      kind: "table",
      id: "halsa",
      caption: "Sjukfrånvaro 2018 (procent)",
      unit: "procent",
      tolerance,
      columns: ["total", "kort", "lang"].map((key) => ({ key, label: key, year: 2018, decimals: 1 })),
      rows: [
        { key: "alla", label: "Totalt", total: false, cells: { total: c(8.5), kort: c(3.6), lang: c(5.1) } },
        { key: "kvinnor", label: "Kvinnor", total: false, cells: { total: c(9), kort: c(3.6), lang: c(5.7) } },
      ],
      sums: [{ axis: "columns", total: "total", plus: ["kort", "lang"], minus: [] }],
    });
    const report = (tolerance: number) => {
      const r = assembled2021();
      r.chapters.push({ id: "personal", title: "Personal", blocks: [sickLeave(tolerance)] });
      return r;
    };
    expect(only(checkReport(report(0.3)))).toEqual([]);
    const findings = only(checkReport(report(0.1)));
    expect(findings.map((f) => [f.check, f.chapter, f.row])).toEqual([
      ["summa", "Personal", "Totalt"],
      ["summa", "Personal", "Kvinnor"],
    ]);
  });
});

describe("placeholders (C4 #8)", () => {
  it("blocks '(Texten kompletteras efter antagen plan)' left in a text", () => {
    const report = assembled2021((content) => {
      blockOf(content, "forklaringar", "authored").text = "(Texten kompletteras efter antagen plan)";
    });
    const findings = only(checkReport(report));
    expect(findings).toEqual([
      {
        check: "platshallare",
        severity: "blocking",
        chapter: "Ekonomiskt utfall",
        block: "Huvudsakliga förklaringar",
        message: 'Platshållaren "(Texten kompletteras efter antagen plan)" står kvar.',
      },
    ]);
  });

  it("blocks a figure reference that cannot be filled", () => {
    const report = assembled2021((content) => {
      blockOf(content, "forklaringar", "authored").text = "Avvikelsen blev {drift.finns-inte.avvikelse.mnkr}.";
    });
    expect(only(checkReport(report)).map((f) => [f.check, f.message])).toEqual([
      [
        "platshallare",
        "Referensen {drift.finns-inte.avvikelse.mnkr} kunde inte fyllas i (okänd tabell, rad eller kolumn, eller värde saknas).",
      ],
    ]);
  });
});

describe("year labels", () => {
  it("blocks a column label typed with a year that is not the column's data year", () => {
    const report = assembled2021((content) => {
      const drift = blockOf(content, "drift", "table");
      drift.columns = drift.columns.map((c) => (c.key === "bokslut-foreg" ? { ...c, label: "Bokslut 2019" } : c));
    });
    const findings = only(checkReport(report));
    expect(findings.map((f) => [f.check, f.block, f.message])).toEqual([
      ["artal", "Drift 2021 (tkr)", 'Kolumnen "Bokslut 2019" visar data för 2020, inte 2019.'],
    ]);
  });

  it("blocks a caption naming a year the table does not show", () => {
    const report = assembled2021((content) => {
      blockOf(content, "drift", "table").caption = "Drift 2022 (tkr)";
    });
    expect(only(checkReport(report)).map((f) => f.check)).toEqual(["artal"]);
  });
});

describe("the report's period in its headings", () => {
  const quarterMemo = (edit: (content: TemplateContent) => void, period = "2023-Q2") => {
    const template = builtInTemplates.find((x) => x.code === "evb-kvartal") as (typeof builtInTemplates)[number];
    const content = structuredClone(template.content);
    edit(content);
    return assembleReport({
      template: { ...template, version: 1, content },
      namnd: { id: "ifo", name: "IFO" },
      period: periodOf(period),
      municipality: { name: "Kungsbacka kommun", primaryColour: "#00504b", accentColour: "#c8102e" },
      sources: {},
    });
  };
  const periodFindings = (report: AssembledReport) =>
    checkReport(report)
      .filter((f) => f.check === "artal")
      .map((f) => f.message);

  it("passes a title naming the report's own quarter", () => {
    expect(periodFindings(quarterMemo(() => {}))).toEqual([]);
  });

  it("blocks a title or caption naming another quarter, a tertial it is not, or a year outside the period", () => {
    const setTitle = (title: string) => (content: TemplateContent) => {
      content.title = title;
    };
    const setCaption = (caption: string) => (content: TemplateContent) => {
      (content.chapters[2]?.blocks.find((b) => b.kind === "table") as { caption: string }).caption = caption;
    };
    const cases: Array<[(content: TemplateContent) => void, string]> = [
      [
        setTitle("Rapport av ej verkställda beslut, kvartal 3 {år}"),
        'Rubriken "Rapport av ej verkställda beslut, kvartal 3 2023" nämner kvartal 3 men rapporten gäller kvartal 2 2023.',
      ],
      [
        setCaption("Ej verkställda beslut tertial 1 {år}"),
        'Rubriken "Ej verkställda beslut tertial 1 2023" nämner tertial 1 men rapporten gäller kvartal 2 2023.',
      ],
      [
        setTitle("Rapport av ej verkställda beslut, kvartal {kvartal} {år+1}"),
        'Rubriken "Rapport av ej verkställda beslut, kvartal 2 2024" nämner 2024 men rapporten gäller kvartal 2 2023.',
      ],
    ];
    for (const [edit, message] of cases) expect(periodFindings(quarterMemo(edit))).toEqual([message]);
  });

  it("takes a title across the new year for a range that spans it", () => {
    const report = quarterMemo((content) => {
      content.title = "Rapport 2023–2024";
    }, "2023-12-10..2024-01-20");
    expect(periodFindings(report)).toEqual([]);
  });
});

const c = (value: number) => ({ value, text: String(value) });

function withRow(source: SourceTable, key: string, values: Record<string, number>): SourceTable {
  const rows = source.rows.map((r) => (r.key === key ? { ...r, values: { ...r.values, ...values } } : r));
  // Keep the table itself consistent, so only the text check can fire (the summary's same measures are left
  // out: this case is a 2023 row in the 2021 table).
  const body = rows.filter((r) => !r.total);
  const total = rows.find((r) => r.total);
  if (total) {
    delete total.measures;
    for (const column of Object.keys(total.values)) {
      total.values[column] = body.reduce((s, r) => s + (r.values[column] ?? 0), 0);
    }
    total.values.avvikelse = (total.values.bokslut ?? 0) - (total.values.budget ?? 0);
  }
  return { ...source, rows };
}

describe("counts hidden from the reader", () => {
  it('warns per row of a count the source hid ("–"), and hiddenCounts names the table for publishing', () => {
    const hidden = driftSource();
    const row = hidden.rows.find((r) => r.key === "nämnd");
    if (!row) throw new Error("no Nämnd row");
    row.values.bokslut = null;
    row.hidden = ["bokslut"];
    const report = assembled2021(undefined, { "ekonomi.drift": hidden });
    const warnings = checkReport(report).filter((f) => f.check === "dolda-antal");
    expect(warnings).toEqual([
      expect.objectContaining({ severity: "warning", chapter: "Drift", block: "Drift 2021 (tkr)", row: "Nämnd" }),
    ]);
    expect(hiddenCounts(report)).toEqual([{ caption: "Drift 2021 (tkr)", count: 1 }]);
    // A cell merely empty is no hidden count.
    row.hidden = undefined;
    expect(hiddenCounts(assembled2021(undefined, { "ekonomi.drift": hidden }))).toEqual([]);
    expect(hiddenCounts(assembled2021())).toEqual([]);
  });
});
