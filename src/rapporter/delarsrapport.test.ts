// The delårsrapport for tertial 2 2021 assembled from the demo: the year's budget and the forecast made at
// August's end ("Delår augusti") per verksamhetsområde as ekonomi's own follow-up has them, the text's figures
// equal to their table cells, the goals followed up, and no finding; the tertial 1 report takes April's forecast.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../app/testing.ts";
import { followUp } from "../ekonomi/index.ts";
import { systemActor } from "../platform/auth/access.ts";
import type { AssembledGoals, AssembledReport, AssembledTable, AssembledTile } from "./model.ts";
import { blocksOf, plain } from "./testing.ts";

let t: TestApp;
let ifo: string;
beforeAll(async () => {
  t = await testApp({ fullDemo: true });
  ifo = t.demo.nodes.ifo?.id ?? "";
}, 300_000);
afterAll(() => t?.close());

type Assembled = { report: AssembledReport; findings: Array<{ severity: string; check: string; message: string }> };
async function delarsrapport(period: string): Promise<Assembled> {
  const res = await (await t.as("fortroendevald")).get(
    `/api/rapporter/rapport?mall=delarsrapport&namndId=${ifo}&period=${period}`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Assembled;
}
/**
 * Ekonomi's follow-up of 2021 through the tertial's last month with the named forecast: each level's budget,
 * outcome to date (none in the demo, which holds 2021's outcome as a year), prognos and prognos − budget in tkr.
 */
async function ekonomis(forecast: string, throughMonth: number) {
  const all = await followUp(t.database.db, systemActor(), ifo, 2021, {});
  const id = all.forecasts.find((f) => f.name === forecast)?.id;
  expect(id, forecast).toBeDefined();
  const data = await followUp(t.database.db, systemActor(), ifo, 2021, { forecastId: id as string, throughMonth });
  const tkr = (kr: number | null) => (kr === null ? null : kr / 1000);
  return [...data.rows, data.total].map((r) => [
    tkr(r.budgetKr),
    tkr(r.nettoKr),
    tkr(r.prognosKr),
    tkr(r.prognosAvvikelseKr),
  ]);
}
const table = (r: AssembledReport) => blocksOf(r).find((b) => b.id === "delar") as AssembledTable;
const columns = (r: AssembledReport) =>
  table(r).rows.map((row) => ["budget", "utfall", "prognos", "avvikelse"].map((k) => row.cells[k]?.value));

describe("the delårsrapport, tertial 2 2021, from the demo", () => {
  let r: AssembledReport;
  let findings: Assembled["findings"];
  beforeAll(async () => {
    ({ report: r, findings } = await delarsrapport("2021-T2"));
  });

  it("is titled by its tertial and passes every check", () => {
    expect(r.title).toBe("Delårsrapport tertial 2 2021");
    expect(r.chapters.map((c) => c.title)).toEqual([
      "Sammanfattning",
      "Ekonomi",
      "Uppföljning av mål",
      "Viktiga händelser",
    ]);
    expect(findings).toEqual([]);
  });

  it("shows per verksamhetsområde the budget, August's helårsprognos and the avvikelse as ekonomi has them", async () => {
    expect(columns(r)).toEqual(await ekonomis("Delår augusti", 8));
    const summa = table(r).rows.find((row) => row.key === "summa");
    // The demo's published forecast deviation at August 2021 (brief: prognossäkerhet August 535 tkr).
    expect(summa?.cells.avvikelse?.value).toBe(535);
    expect(table(r).rows.filter((row) => !row.total).length).toBeGreaterThan(1);
  });

  it("binds the text and tiles to the table", () => {
    const text = plain(
      (blocksOf(r).find((b) => b.id === "sammanfattning-text") as { segments: Array<{ text: string }> }).segments
        .map((s) => s.text)
        .join(""),
    );
    expect(text).toContain("Nämnden prognostiserar för helåret 2021 ett överskott om 0,5 mnkr mot budget.");
    const tile = blocksOf(r).find((b) => b.id === "prognosavvikelse") as AssembledTile;
    expect(plain(tile.segments.map((s) => s.text).join(""))).toBe("0,5 mnkr");
  });

  it("has no goals to follow up: the demo's goal model is 2023's", () => {
    expect((blocksOf(r).find((b) => b.id === "namndmal") as AssembledGoals).goals).toEqual([]);
  });
});

describe("the delårsrapport, tertial 2 2023", () => {
  it("follows up the nämnd's goals of the year with August's forecast (−9,2 mnkr), without a blocking finding", async () => {
    const { report, findings } = await delarsrapport("2023-T2");
    expect((blocksOf(report).find((b) => b.id === "namndmal") as AssembledGoals).goals.length).toBeGreaterThan(0);
    expect(table(report).rows.find((row) => row.key === "summa")?.cells.avvikelse?.value).toBe(-9200);
    expect(findings.filter((f) => f.severity === "blocking")).toEqual([]);
    // The year's indicator outcomes are due once the year has ended, not at a tertial.
    expect(findings.filter((f) => f.check === "saknat-utfall")).toEqual([]);
  });
});

describe("the delårsrapport, tertial 1 2021", () => {
  it("takes the forecast made at April's end", async () => {
    const { report, findings } = await delarsrapport("2021-T1");
    expect(report.title).toBe("Delårsrapport tertial 1 2021");
    expect(columns(report)).toEqual(await ekonomis("Delår april", 4));
    expect(table(report).rows.find((row) => row.key === "summa")?.cells.avvikelse?.value).toBe(-8550);
    expect(findings.filter((f) => f.severity === "blocking")).toEqual([]);
  });
});
