import { describe, expect, it } from "vitest";
import { DomainError } from "../platform/errors.ts";
import { assembleReport } from "./assemble.ts";
import { periodOf } from "./period.ts";
import { canonicalJson, figureChanges, reportChecksum } from "./publish.ts";
import { arsberattelse, assembled2021, driftSource } from "./testing.ts";
import { assertApprovable, assertMove, assertOpen, authoredBlocks, withTexts } from "./workflow.ts";

describe("a report's statuses", () => {
  it("moves utkast → granskning → godkänd and back, and nothing leaves publicerad by hand", () => {
    expect(() => assertMove("utkast", "granskning")).not.toThrow();
    expect(() => assertMove("granskning", "godkand")).not.toThrow();
    expect(() => assertMove("godkand", "utkast")).not.toThrow();
    expect(() => assertMove("utkast", "godkand")).toThrow("En rapport med status utkast kan inte bli godkänd.");
    expect(() => assertMove("publicerad", "utkast")).toThrow(DomainError);
  });

  it("locks texts once approved or published", () => {
    expect(() => assertOpen("granskning")).not.toThrow();
    expect(() => assertOpen("godkand")).toThrow("Rapporten är godkänd och låst");
    expect(() => assertOpen("publicerad")).toThrow(DomainError);
  });

  it("approves only when every chapter is klar, naming those that are not", () => {
    expect(() => assertApprovable([{ title: "Drift", status: "klar" }])).not.toThrow();
    expect(() =>
      assertApprovable([
        { title: "Drift", status: "klar" },
        { title: "Prognossäkerhet", status: "pagar" },
      ]),
    ).toThrow("Inte klara: Prognossäkerhet.");
  });
});

describe("the writers' texts", () => {
  it("lists the authored blocks with their chapter and puts a report's own text in their place", () => {
    const content = arsberattelse().content;
    const blocks = authoredBlocks(content);
    expect(blocks.map((b) => `${b.chapter}/${b.block}`)).toContain("ekonomiskt-utfall/resultat");
    const replaced = withTexts(content, new Map([["resultat", "Nämnden redovisar {drift.summa.avvikelse.mnkr}."]]));
    const text = (c: typeof content) =>
      c.chapters.flatMap((ch) => ch.blocks).find((b) => b.id === "resultat" && b.kind === "authored");
    expect(text(replaced)).toMatchObject({ text: "Nämnden redovisar {drift.summa.avvikelse.mnkr}." });
    expect(text(content)).not.toMatchObject({ text: "Nämnden redovisar {drift.summa.avvikelse.mnkr}." });
  });
});

describe("the publication's checksum and the changes since", () => {
  it("gives the same checksum whatever the key order, and another when a figure changes", () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    const report = assembled2021();
    const reordered = JSON.parse(JSON.stringify(report, Object.keys(report).reverse()));
    expect(reportChecksum(report)).toMatch(/^[0-9a-f]{64}$/);
    expect(reportChecksum({ ...reordered, ...report })).toBe(reportChecksum(report));
    const changed = driftSource();
    const row = changed.rows.find((r) => r.key === "nämnd");
    if (row) row.values.bokslut = -1_795_000;
    expect(reportChecksum(assembled2021(undefined, { "ekonomi.drift": changed }))).not.toBe(reportChecksum(report));
  });

  it("names each figure that reads differently now, old → new, and nothing when the data is the same", () => {
    const published = assembled2021();
    expect(figureChanges(published, assembled2021())).toEqual([]);
    const changed = driftSource();
    const row = changed.rows.find((r) => r.key === "nämnd");
    const summa = changed.rows.find((r) => r.key === "summa");
    if (row && summa) {
      row.values.bokslut = -1_795_000;
      row.values.avvikelse = -1_795_000 + 1_956_000;
      summa.values.bokslut = (summa.values.bokslut ?? 0) - 100_000;
      summa.values.avvikelse = (summa.values.avvikelse ?? 0) - 100_000;
    }
    const changes = figureChanges(published, assembled2021(undefined, { "ekonomi.drift": changed }));
    const plain = (s: string) => s.replace(/\u00a0/g, " ").replace(/\u2212/g, "-");
    const byPlace = Object.fromEntries(changes.map((c) => [c.where, `${plain(c.published)} → ${plain(c.now)}`]));
    expect(byPlace).toMatchObject({
      "Drift 2021 (tkr), Nämnd, Bokslut 2021": "-1 695 → -1 795",
      "Drift 2021 (tkr), Summa, Avvikelse": "19 502 → 19 402",
      "Avvikelse mot budget 2021: {drift.summa.avvikelse.mnkr}": "19,5 mnkr → 19,4 mnkr",
    });
    expect(changes.every((c) => c.chapter.length > 0)).toBe(true);
  });

  it("names a register's cell that reads differently now, and a row added since", () => {
    const withRegister = (rows: string[][]) =>
      assembleReport({
        template: {
          code: "kvalitetsberattelse",
          name: "Kvalitetsberättelse",
          version: 1,
          content: {
            title: "Kvalitetsberättelse {år}",
            rounding: { tkr: 0, mnkr: 1, procent: 0 },
            chapters: [
              {
                id: "atgarder",
                title: "Åtgärder",
                blocks: [{ kind: "register", id: "lista", source: "kvalitet.atgarder", title: "Åtgärder {år}" }],
              },
            ],
          },
        },
        namnd: { id: "ifo", name: "Nämnden för Individ & Familjeomsorg" },
        period: periodOf(2023),
        municipality: { name: "Kungsbacka kommun", primaryColour: "#00504b", accentColour: "#c8102e" },
        sources: {},
        registers: { "kvalitet.atgarder": { columns: ["Åtgärd", "Status"], rows } },
      });
    const published = withRegister([["BI-projekt", "Pågående med avvikelse"]]);
    expect(figureChanges(published, withRegister([["BI-projekt", "Pågående med avvikelse"]]))).toEqual([]);
    const now = withRegister([
      ["BI-projekt", "Avslutad – nyttan uppnådd"],
      ["Ny rutin", "Pågående"],
    ]);
    expect(figureChanges(published, now).map((c) => [c.where, c.published, c.now])).toEqual([
      ["Åtgärder 2023, rad 1, Status", "Pågående med avvikelse", "Avslutad – nyttan uppnådd"],
      ["Åtgärder 2023, rad 2, Åtgärd", "saknas", "Ny rutin"],
      ["Åtgärder 2023, rad 2, Status", "saknas", "Pågående"],
    ]);
  });
});
