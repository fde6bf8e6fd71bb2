import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testCli } from "../../app/testing.ts";
import { demoCases, seedLexSarahDemo } from "./demo.ts";

const cli = testCli("organisation", (trx, demo) => seedLexSarahDemo(trx, demo));
beforeAll(cli.start);
afterAll(cli.close);
const { lots } = cli;

type Counts = { outcome: string; count: number }[];
const outcomes = (a: number, b: number, c: number) => [
  { outcome: "A", count: a },
  { outcome: "B", count: b },
  { outcome: "C", count: c },
];
type LexSarah = {
  year: number;
  reports: number;
  previousYearReports: number;
  decided: number;
  byOutcome: Counts;
  byArea: { name: string; reports: number; decided: number; byOutcome: Counts }[];
};
const statistik = async (year: number) =>
  (
    JSON.parse(
      (await lots(["kvalitet", "statistik", "--namnd", "IF", "--year", String(year), "--format", "json"])).stdout,
    ) as { lexSarah: LexSarah }
  ).lexSarah;

describe("the lex Sarah demo data", () => {
  it("reproduces the report counts 55 → 64 → 96 and the areas of 2023", async () => {
    expect((await statistik(2022)).previousYearReports).toBe(55);
    const s = await statistik(2023);
    expect([s.previousYearReports, s.reports]).toEqual([64, 96]);
    const area = (name: string) => s.byArea.find((a) => a.name === name);
    expect(area("Bostad med särskild service")).toMatchObject({
      name: "Bostad med särskild service",
      reports: 52,
      decided: 45,
      byOutcome: outcomes(25, 19, 1),
    });
    expect(area("Myndighet stöd och behandling")).toMatchObject({
      name: "Myndighet stöd och behandling",
      reports: 25,
      decided: 20,
      byOutcome: outcomes(10, 8, 2),
    });
    const others = s.byArea.filter(
      (a) => !["Bostad med särskild service", "Myndighet stöd och behandling"].includes(a.name),
    );
    expect([others.reduce((n, a) => n + a.reports, 0), others.reduce((n, a) => n + a.decided, 0)]).toEqual([19, 17]);
    expect([s.decided, s.byOutcome]).toEqual([82, outcomes(45, 34, 3)]);
  });

  it("puts 12 of MSB's 2023 reports on Vuxenenheten: 7 myndighetsutövning, 5 öppenvård (insats)", () => {
    const vuxen = demoCases().filter((c) => c.year === 2023 && c.unit === "msb-vuxen");
    expect(vuxen.length).toBe(12);
    expect(vuxen.filter((c) => c.category === "myndighetsutovning").length).toBe(7);
    expect(vuxen.filter((c) => c.category === "insats").length).toBe(5);
  });

  it("prints lex Sarah by outcome and area in the text statistics", async () => {
    const text = (await lots(["kvalitet", "statistik", "--namnd", "IF", "--year", "2023"])).stdout;
    expect(text).toContain("Lex Sarah: 96 rapporter (2022: 64); beslutade under 2023: 82 (A 45, B 34, C 3;");
    expect(text).toMatch(/Bostad med särskild service\s+52\s+45\s+25\s+19\s+1/);
  });

  it("gives the memo for November–December 2023: 11 and 16 reports, list A 16 numbers in 13 lines, B 9 in 8", async () => {
    const memo = JSON.parse(
      (
        await lots([
          "kvalitet",
          "lex-sarah",
          "memo",
          "--namnd",
          "IF",
          "--from",
          "2023-11-01",
          "--to",
          "2023-12-31",
          "--format",
          "json",
        ])
      ).stdout,
    ) as {
      reportsByMonth: { name: string; count: number }[];
      listA: { numbers: string[] }[];
      listB: { numbers: string[] }[];
    };
    expect(memo.reportsByMonth).toEqual([
      { month: "2023-11", name: "november 2023", count: 11 },
      { month: "2023-12", name: "december 2023", count: 16 },
    ]);
    const numbers = (lines: { numbers: string[] }[]) => lines.flatMap((l) => l.numbers).length;
    expect([memo.listA.length, numbers(memo.listA)]).toEqual([13, 16]);
    expect([memo.listB.length, numbers(memo.listB)]).toEqual([8, 9]);
    const text = (
      await lots(["kvalitet", "lex-sarah", "memo", "--namnd", "IF", "--from", "2023-11-01", "--to", "2023-12-31"])
    ).stdout;
    expect(text).toMatch(/2023-\d{3}, 2023-\d{3}, 2023-\d{3} – Rapport gällande .+\. .+\. .+\./);
  });

  it("refuses a memo period that ends before it starts", async () => {
    await expect(
      lots(["kvalitet", "lex-sarah", "memo", "--namnd", "IF", "--from", "2023-12-01", "--to", "2023-11-01"]),
    ).rejects.toMatchObject({ stderr: expect.stringContaining("Perioden slutar före sin början") });
  });
});
