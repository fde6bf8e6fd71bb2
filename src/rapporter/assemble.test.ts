import { describe, expect, it } from "vitest";
import { withPeriod } from "./assemble.ts";
import { roundHalfAway } from "./figures.ts";
import { type AssembledTable, plainText } from "./model.ts";
import { periodOf } from "./period.ts";
import { assembled2021 } from "./testing.ts";

const MINUS = "\u2212";
const nbsp = (s: string) => s.replace(/ /g, "\u00a0").replace(/-/g, MINUS);

describe("assembling the 2021 årsberättelse economy chapter", () => {
  const report = assembled2021();
  const drift = report.chapters.flatMap((c) => c.blocks).find((b) => b.id === "drift") as AssembledTable;

  it("fills the drift table with every figure of the published table", () => {
    expect(drift.columns.map((c) => c.label)).toEqual(["Bokslut 2020", "Budget 2021", "Bokslut 2021", "Avvikelse"]);
    expect(drift.rows.map((r) => [r.label, ...drift.columns.map((c) => r.cells[c.key]?.text)])).toEqual(
      [
        ["Nämnd", "-3 683,1", "-1 956", "-1 695", "261"],
        ["Stödfunktioner och central verksamhet", "-46 977,1", "-67 078", "-59 048", "8 030"],
        ["Myndighet stöd och behandling", "-240 438,8", "-225 323", "-241 864", "-16 541"],
        ["Bostad med särskild service", "-212 235,8", "-212 902", "-198 383", "14 519"],
        ["Stöd i hemmet och sysselsättning", "-70 478,7", "-83 344", "-75 850", "7 494"],
        ["Daglig verksamhet", "-47 153,2", "-49 336", "-45 062", "4 274"],
        ["Privat assistans", "-51 582,3", "-59 139", "-57 674", "1 465"],
        ["Summa", "-672 549,0", "-699 078", "-679 576", "19 502"],
      ].map((row) => [row[0], ...row.slice(1).map((cell) => nbsp(cell as string))]),
    );
  });

  it("binds the result text to the Summa row: överskott om 19,5 mnkr", () => {
    const text = report.chapters[0]?.blocks[0];
    if (text?.kind !== "authored") throw new Error("expected the result text first");
    expect(plainText(text.segments)).toBe(
      "Nämnden redovisar för 2021 ett överskott om 19,5\u00a0mnkr mot budget. Nettokostnaden blev 679,6\u00a0mnkr mot en budget om 699,1\u00a0mnkr.",
    );
    expect(text.segments.find((s) => s.figure?.format === "mnkr-abs")?.figure).toMatchObject({
      table: "drift",
      row: "summa",
      column: "avvikelse",
      value: 19.5,
      unit: "mnkr",
    });
  });

  it("writes the chart's alt text from the bars", () => {
    const chart = report.chapters.find((c) => c.id === "drift")?.blocks.find((b) => b.kind === "chart");
    expect(chart?.kind === "chart" && chart.alt).toContain(`Myndighet stöd och behandling: ${MINUS}16\u00a0541`);
  });
});

describe("helpers", () => {
  it("fills year tokens relative to the period, its name and the quarter it ends in", () => {
    expect(withPeriod("Bokslut {år-1}, budget {år}, plan {år+1}", periodOf(2021))).toBe(
      "Bokslut 2020, budget 2021, plan 2022",
    );
    expect(withPeriod("Rapport {period}: {x.summa.kv{kvartal}.antal}", periodOf("2023-Q2"))).toBe(
      "Rapport kvartal 2 2023: {x.summa.kv2.antal}",
    );
    expect(withPeriod("{period}, kv {kvartal}, {år}", periodOf("2023-12-10..2024-01-20"))).toBe(
      "10 december 2023–20 januari 2024, kv 1, 2024",
    );
  });

  it("rounds half away from zero on the decimal, not the binary, value", () => {
    expect([roundHalfAway(19.45, 1), roundHalfAway(-7.75, 1), roundHalfAway(-0.04, 1), roundHalfAway(2.5, 0)]).toEqual([
      19.5, -7.8, 0, 3,
    ]);
  });
});
