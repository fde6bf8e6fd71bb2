import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testCli } from "../../app/testing.ts";
import { seedKvalitetDemo } from "../demo.ts";

// The demo organisation and Kvalitet's demo data only, as `lots seed-demo` loads them.
const cli = testCli("organisation", (trx, demo) => seedKvalitetDemo(trx, demo));
beforeAll(cli.start);
afterAll(cli.close);
const { lots } = cli;

type Klagomal = {
  diarium: {
    klagomal: number;
    previousYearKlagomal: number;
    byUnitAndCategory: {
      rows: { name: string; byCategory: Record<string, number>; total: number }[];
      totals: { byCategory: Record<string, number>; total: number };
    };
  };
  kommentaren: { total: number; anonymous: number; notAnsweredInTime: number };
};

describe("lots kvalitet statistik: klagomål", () => {
  it("reproduces the kvalitetsberättelse's klagomål 35 → 50 per unit and category from the demo data", async () => {
    const run = await lots(["kvalitet", "statistik", "--namnd", "IF", "--year", "2023", "--format", "json"]);
    expect(run.code, run.stderr).toBe(0);
    const k = (JSON.parse(run.stdout) as { klagomal: Klagomal }).klagomal;
    expect(k.diarium.klagomal).toBe(50);
    expect(k.diarium.previousYearKlagomal).toBe(35);
    const table = Object.fromEntries(
      k.diarium.byUnitAndCategory.rows.map((r) => [r.name, [...Object.values(r.byCategory), r.total]]),
    );
    expect(table).toEqual({
      "Barn och unga": [3, 3, 3, 0, 9],
      "Vuxen missbruk och socialpsykiatri": [0, 1, 0, 0, 1],
      "Myndighet funktionsnedsättning": [4, 7, 1, 0, 12],
      "Bostad med särskild service": [8, 0, 0, 0, 8],
      "Daglig verksamhet": [10, 0, 0, 0, 10],
      Familjerätt: [0, 1, 0, 0, 1],
      Förvaltningsledning: [0, 0, 0, 1, 1],
      Familjehemsenheten: [1, 3, 3, 0, 7],
      "Mottagningsenheten Barn och unga": [0, 0, 1, 0, 1],
    });
    expect(k.diarium.byUnitAndCategory.totals).toEqual({
      byCategory: { utformande: 26, handlaggning: 15, bemotande: 8, ovrigt: 1 },
      total: 50,
    });
    expect(k.kommentaren).toMatchObject({ total: 20, anonymous: 1, notAnsweredInTime: 2 });
  });

  it("prints the unit × category table with its sums as text", async () => {
    const run = await lots(["kvalitet", "statistik", "--namnd", "IF", "--year", "2023"]);
    expect(run.code, run.stderr).toBe(0);
    const all = run.stdout.split("\n");
    const lines = all.slice(all.findIndex((l) => l.startsWith("Klagomål per enhet och kategori")));
    expect(lines[0]).toMatch(/Utformande\/utförande\s+Handläggning\s+Bemötande\s+Övrigt\s+Totalt$/);
    expect(run.stdout).toContain("Klagomål (diariet): 50 (2022: 35)");
    const cells = (name: string) =>
      lines
        .find((l) => l.trimStart().startsWith(name))
        ?.slice(48)
        .trim()
        .split(/\s+/);
    expect(cells("Myndighet funktionsnedsättning")).toEqual(["4", "7", "1", "0", "12"]);
    expect(cells("Summa")).toEqual(["26", "15", "8", "1", "50"]);
    expect(run.stdout).toContain("Kommentaren (räknas inte in i diariets klagomål)");
    expect(run.stdout).toContain("Anonyma 1, politiska 0, obesvarade 10 dagar efter bekräftelse 2");
  });
});
