import { describe, expect, it } from "vitest";
import { checkReport, type Finding } from "./checks.ts";
import type { AssembledTable } from "./model.ts";
import { assembled2021, goalSource, summarySource } from "./testing.ts";

const blockingOf = (findings: Finding[]) => findings.filter((f) => f.severity === "blocking");

/** BoU institution days 2022–2023 (C4 #4): 4 314 → 5 433. */
const institutionDays = (): AssembledTable => ({
  kind: "table",
  id: "vardygn",
  caption: "Vårddygn 2022–2023 (antal)",
  unit: "antal",
  tolerance: 0,
  columns: [
    { key: "y2022", label: "2022", year: null, decimals: 0 },
    { key: "y2023", label: "2023", year: null, decimals: 0 },
  ],
  rows: [
    {
      key: "bou",
      label: "Institutionsvård barn och unga",
      total: false,
      cells: { y2022: { value: 4314, text: "4 314" }, y2023: { value: 5433, text: "5 433" } },
    },
  ],
  sums: [],
});

function withAnalysis(text: string) {
  const report = assembled2021();
  report.chapters.push({
    id: "verksamhet",
    title: "Verksamhetsmått",
    blocks: [institutionDays(), { kind: "authored", id: "analys", heading: "Analys", segments: [{ text }] }],
  });
  return checkReport(report);
}

describe("a percentage or change in text (C4 #4)", () => {
  it("blocks '+20,4 % (1104 fler dygn)' against 4 314 → 5 433, naming chapter, row and the figures", () => {
    const findings = blockingOf(
      withAnalysis("Institutionsvård barn och unga ökade med +20,4 % (1104 fler dygn) jämfört med föregående år."),
    );
    expect(findings.map((f) => [f.check, f.chapter, f.block, f.row])).toEqual([
      ["procent", "Verksamhetsmått", "Analys", "Institutionsvård barn och unga"],
      ["procent", "Verksamhetsmått", "Analys", "Institutionsvård barn och unga"],
    ]);
    expect(findings[0]?.message).toBe(
      'Texten säger "+20,4 %" men Vårddygn 2022–2023 (antal), Institutionsvård barn och unga: 2022 4\u00a0314 → 2023 5\u00a0433 är +25,9 % (1\u00a0119 fler).',
    );
    expect(findings[1]?.message).toContain('Texten säger "1104 fler"');
  });

  it("accepts the percentage and change that follow from the row", () => {
    expect(
      blockingOf(withAnalysis("Institutionsvård barn och unga ökade med 25,9 procent (1 119 fler dygn).")),
    ).toEqual([]);
  });
});

describe("the same measure in two places", () => {
  it("blocks the summary's 2021 net cost differing from the drift table's Summa", () => {
    const summary = summarySource();
    const netto = summary.rows.find((r) => r.key === "netto");
    const budget = summary.rows.find((r) => r.key === "avvikelse");
    if (!netto || !budget) throw new Error("no netto row");
    // Keep the summary's own sums right: only the cross-table agreement breaks.
    netto.values.ar = (netto.values.ar ?? 0) - 1_000_000;
    budget.values.ar = (budget.values.ar ?? 0) - 1_000_000;
    const kostnader = summary.rows.find((r) => r.key === "kostnader");
    if (kostnader) kostnader.values.ar = (kostnader.values.ar ?? 0) - 1_000_000;
    const findings = blockingOf(checkReport(assembled2021(undefined, { "ekonomi.sammanfattning": summary })));
    expect(findings.map((f) => [f.check, f.chapter, f.block, f.row])).toEqual([
      ["samma-matt", "Drift", "Drift 2021 (tkr)", "Summa"],
      ["samma-matt", "Drift", "Drift 2021 (tkr)", "Summa"],
    ]);
    expect(findings[0]?.message).toBe(
      "Drift 2021 (tkr), Summa, Bokslut 2021: −679\u00a0576 tkr men Ekonomiskt utfall 2019–2021 (tkr) (Ekonomiskt utfall), Nettokostnad, 2021: −680\u00a0576 tkr – samma mått med olika värden.",
    );
  });
});

describe("dates in the wrong order", () => {
  it("blocks a date range written backwards in text", () => {
    const findings = blockingOf(withAnalysis("Mätperioden 2023-12-31–2023-01-01 jämförs med året innan."));
    expect(findings).toEqual([
      {
        check: "datumordning",
        severity: "blocking",
        chapter: "Verksamhetsmått",
        block: "Analys",
        message: '"2023-12-31–2023-01-01": startdatumet 2023-12-31 ligger efter slutdatumet 2023-01-01.',
      },
    ]);
    expect(blockingOf(withAnalysis("Mätperioden 2023-01-01–2023-12-31 jämförs med året innan."))).toEqual([]);
  });

  it("blocks a directive valid to a year before it starts", () => {
    const source = goalSource();
    const directive = source.directives[0];
    if (!directive) throw new Error("no directive");
    directive.validTo = 2020;
    const findings = blockingOf(checkReport(assembled2021(undefined, {}, source)));
    expect(findings.map((f) => [f.check, f.chapter, f.row])).toEqual([
      ["datumordning", "Uppföljning av direktiv", "Utredningstiderna ska följas upp per kön"],
    ]);
  });

  it("blocks an activity that ends before it starts", () => {
    const source = goalSource();
    const activity = source.activities[0];
    if (!activity) throw new Error("no activity");
    activity.endDate = "2021-01-15";
    const findings = blockingOf(
      checkReport(
        assembled2021(
          (content) => {
            content.chapters.push({
              id: "aktiviteter",
              title: "Aktiviteter",
              blocks: [{ kind: "activities", id: "aktiviteter", title: "Aktiviteter {år}" }],
            });
          },
          {},
          source,
        ),
      ),
    );
    expect(findings).toEqual([
      {
        check: "datumordning",
        severity: "blocking",
        chapter: "Aktiviteter",
        block: "Aktiviteter 2021",
        row: "Införa mobil dokumentation i gruppbostaden",
        message: 'Aktiviteten "Införa mobil dokumentation i gruppbostaden" startar 2021-02-01 men slutar 2021-01-15.',
      },
    ]);
  });
});
