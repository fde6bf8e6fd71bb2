import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testCli } from "../app/testing.ts";
import { seedKvalitetDemo } from "./demo.ts";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lots-kvalitet-cli-"));
const file = (name: string, lines: string[]) => {
  const at = path.join(tmp, name);
  fs.writeFileSync(at, lines.join("\n"));
  return at;
};
const header = "enhet,kind,kategori,inträffade,upptäckt,vad,åtgärd,typer,orsaker,status,avslutad,utredning";

// The demo organisation and Kvalitet's demo data only, so the counts do not depend on other capabilities.
const cli = testCli("organisation", (trx, demo) => seedKvalitetDemo(trx, demo));
beforeAll(cli.start);
afterAll(async () => {
  await cli.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});
const { lots, runLots } = cli;

type Statistics = {
  avvikelser: {
    total: number;
    previousYearTotal: number;
    openAtYearEnd: number;
    byQuarter: number[];
    byType: { code: string; count: number; previousYear: number }[];
    byArea: { name: string; count: number }[];
  };
  arbetsmiljo: { year: number; byCategory: Record<string, number>; total: number }[];
};

describe("lots kvalitet statistik", () => {
  it("reproduces the committee's counts for IF 2023 from the demo data", async () => {
    const s = JSON.parse(
      (await lots(["kvalitet", "statistik", "--namnd", "IF", "--year", "2023", "--format", "json"])).stdout,
    ) as Statistics;
    expect(s.avvikelser.total).toBe(1702);
    expect(s.avvikelser.previousYearTotal).toBe(1600);
    expect(s.avvikelser.openAtYearEnd).toBe(647);
    expect(s.avvikelser.byQuarter.reduce((a, b) => a + b, 0)).toBe(1702);
    const byType = Object.fromEntries(s.avvikelser.byType.map((t) => [t.code, [t.previousYear, t.count]]));
    expect(byType).toMatchObject({
      fall: [206, 179],
      rehabilitering: [48, 28],
      digitala: [28, 65],
      overgrepp: [23, 52],
      myndighetsutovning: [22, 42],
      sekretess: [19, 41],
      bemotande: [74, 56],
    });
    expect(s.avvikelser.byArea.find((a) => a.name === "Bostad med särskild service")?.count).toBe(1106);
    expect(s.avvikelser.byArea.find((a) => a.name === "Myndighet stöd och behandling")?.count).toBe(168);
    expect(
      s.arbetsmiljo.map((y) => [y.year, y.byCategory.riskobservation, y.byCategory.tillbud, y.byCategory.olycksfall]),
    ).toEqual([
      [2021, 40, 604, 80],
      [2022, 50, 379, 127],
      [2023, 34, 462, 151],
    ]);
  });

  it("prints the same counts as text", async () => {
    const text = (
      await lots(["kvalitet", "statistik", "--namnd", "Nämnden för Individ & Familjeomsorg", "--year", "2023"])
    ).stdout.replaceAll("\u00a0", " ");
    expect(text).toContain("Avvikelser: 1 702 (2022: 1 600); öppna vid årets slut: 647");
    expect(text).toMatch(/ {2}Fall +179 +206\n/);
    expect(text).toMatch(/ {2}2023 +34 +462 +151 +647\n/);
  });
});

describe("lots kvalitet import handelser", () => {
  it("imports a file all or nothing and counts the avvikelser", async () => {
    const good = file("good.csv", [
      header,
      "Gruppbostad Björken,avvikelse,,2024-01-10,2024-01-10,Fall i duschen,Larm,Fall,Brist i tillsyn,avslutad,2024-01-20,Halkmatta saknades",
      'Boendestöd,,,2024-01-11,2024-01-12,"Fel dos, 19850312-1234",,lakemedel|insats,,,,',
      "Daglig verksamhet Väst,arbetsmiljo,tillbud,2024-01-12,2024-01-12,Halt golv,,,,rapporterad,,",
    ]);
    expect((await lots(["kvalitet", "import", "handelser", good])).stdout).toBe(
      "Importerad: 3 händelser – 2 avvikelser, 1 arbetsmiljöhändelse.\nPersonnummer maskerades i 1 händelse.\n",
    );
    const s = JSON.parse(
      (await lots(["kvalitet", "statistik", "--namnd", "IF", "--year", "2024", "--format", "json"])).stdout,
    ) as Statistics;
    expect(s.avvikelser.total).toBe(2);
    expect(s.avvikelser.byType.find((t) => t.code === "lakemedel")?.count).toBe(1);
    expect(s.arbetsmiljo.at(-1)?.byCategory.tillbud).toBe(1);
  });

  it("rejects a bad file with every row's problem, exit code 1 and nothing written", async () => {
    const bad = file("bad.csv", [
      header,
      "Gruppbostad Björken,avvikelse,,2024-01-10,2024-01-09,Fall,,Fall,,,,",
      "Okänd enhet,avvikelse,,2024-01-10,2024-01-10,Fall,,,,,,",
      "Gruppbostad Björken,avvikelse,,2024-01-10,2024-01-10,Fall,,Fall,,avslutad,2024-01-20,",
      "Gruppbostad Björken,avvikelse,,2099-01-10,2099-01-10,Fall,,Flygande tefat,,,,",
    ]);
    const failure = await runLots(["kvalitet", "import", "handelser", bad]);
    expect(failure.code).toBe(1);
    expect(failure.stderr.trim().split("\n")).toEqual([
      "Rad 2: upptäckt: Händelsen kan inte ha upptäckts (2024-01-09) innan den inträffade (2024-01-10).",
      'Rad 3: enhet: Enheten "Okänd enhet" finns inte under Kungsbacka kommun.',
      "Rad 4: utredning: Skriv utredningen innan händelsen avslutas.",
      "Rad 4: orsaker: Ange minst en orsak innan händelsen avslutas.",
      "Rad 5: inträffade: Datumet då händelsen inträffade, 2099-01-10 ligger i framtiden.",
      "Rad 5: upptäckt: Datumet då händelsen upptäcktes, 2099-01-10 ligger i framtiden.",
      expect.stringMatching(/^Rad 5: typer: Okänd typ Flygande tefat\. Giltiga: lakemedel, fall/),
      "Filen importerades inte: 7 fel på 4 rader. Inget sparades.",
    ]);
    const s = JSON.parse(
      (await lots(["kvalitet", "statistik", "--namnd", "IF", "--year", "2024", "--format", "json"])).stdout,
    ) as Statistics;
    expect(s.avvikelser.total).toBe(2);
  });
});
