import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testCli } from "../app/testing.ts";
import { IMPORT_BATCH_ROWS, MAX_IMPORT_ROWS } from "./import-service.ts";
import { installStandardCatalogue } from "./repository.ts";
import { fixturePath, generatedDecisionsCsv } from "./testing.ts";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lots-evb-cli-"));

// The demo organisation only, so the test does not depend on other capabilities' demo data.
const cli = testCli("organisation", (trx, demo) => installStandardCatalogue(trx, demo.nodes.kommun?.id as string));
beforeAll(cli.start);
afterAll(async () => {
  await cli.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});
const { lots } = cli;

describe("lots evb", () => {
  it("checks, then imports the fixture, then reports the quarter as JSON and CSV", async () => {
    expect((await lots(["evb", "import", fixturePath, "--dry-run"])).stdout).toBe(
      "Kontrollerad (inget sparat): 42 rader – 42 nya, 0 ändrade, 0 oförändrade.\n",
    );
    expect((await lots(["evb", "import", fixturePath])).stdout).toBe(
      "Importerad: 42 rader – 42 nya, 0 ändrade, 0 oförändrade.\n",
    );
    const json = JSON.parse((await lots(["evb", "report", "--quarter", "2023Q4", "--format", "json"])).stdout);
    expect(json.counts).toMatchObject({
      totalOpen: 18,
      byLaw: { SoL: 8, LSS: 10 },
      bySex: { K: 10, M: 8 },
      byBand: { under3: 0, "3-6": 7, "6-12": 7, over12: 4 },
    });
    expect(json.ivo).toHaveLength(26);
    const csv = (await lots(["evb", "report", "--quarter", "2024Q1", "--format", "csv", "--part", "statistics"]))
      .stdout;
    expect(csv.split("\r\n")).toContain("Totalt;;;14;8;6;;");
    const unit = (await lots(["evb", "report", "--quarter", "2024Q1", "--org", "Myndighet funktionsnedsättning"]))
      .stdout;
    expect(JSON.parse(unit).counts.totalOpen).toBe(2);
  });

  it("rejects a bad file with every row's problem and a failing exit code", async () => {
    const bad = path.join(tmp, "bad.csv");
    fs.writeFileSync(
      bad,
      [
        "id,kon,enhet,lag,lagrum,insats,beslutsdatum,avbrott_fran,avbrott_till,verkstallt,avslutat,avslutsorsak,orsakskod,skal,erbjudanden",
        "198503121234,K,Boendestöd,SoL,,Boendestöd,2023-05-10,,,,,,,,",
        "19850312-T123,K,Boendestöd,SoL,,Boendestöd,2023-05-10,,,2023-05-01,,,,,",
      ].join("\n"),
    );
    const failure = await lots(["evb", "import", bad]).catch((e: { code: number; stderr: string }) => e);
    expect(failure).toMatchObject({ code: 1 });
    const lines = (failure as { stderr: string }).stderr.trim().split("\n");
    expect(lines[0]).toMatch(/^Rad 2: id: Ange inte personnummer/);
    expect(lines[1]).toBe(
      "Rad 3: verkstallt: Beslutet kan inte vara verkställt (2023-05-01) före beslutsdatum 2023-05-10.",
    );
    expect(lines[2]).toBe("Filen importerades inte: 2 fel på 2 rader. Inget sparades.");
  });

  it("asks for --out for xlsx and writes the workbook there", async () => {
    await expect(lots(["evb", "report", "--quarter", "2023Q4", "--format", "xlsx"])).rejects.toMatchObject({
      stderr: expect.stringContaining("Ange --out FIL.xlsx"),
    });
    const out = path.join(tmp, "evb.xlsx");
    expect((await lots(["evb", "report", "--quarter", "2023Q4", "--format", "xlsx", "--out", out])).stdout).toBe(
      `Skrev ${out}.\n`,
    );
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  });
});

describe("lots evb import of a large file", () => {
  const rows = IMPORT_BATCH_ROWS + 1;
  const file = path.join(tmp, "large.csv");
  const count = async () => (await cli.database().db.selectFrom("evb_decision").select("id").execute()).length;

  it("saves nothing when a row of a later batch is bad, though the first batch was written", async () => {
    const before = await count();
    const bad = "19850312-T123,K,Boendestöd,SoL,,Boendestöd,2999-01-01,,,,,,,,";
    fs.writeFileSync(file, `${generatedDecisionsCsv(rows)}\n${bad}`);
    const failure = await cli.runLots(["evb", "import", file]);
    expect(failure.code).toBe(1);
    expect(failure.stderr).toContain(`Kontrollerade 2\u00a0000 av 2\u00a0002 rader, skrev 2\u00a0000.`);
    expect(failure.stderr).toContain(`Rad ${rows + 2}: beslutsdatum: Beslutsdatum 2999-01-01 ligger i framtiden.`);
    expect(await count()).toBe(before);
  });

  it("prints on stderr how far it has come after each batch", async () => {
    fs.writeFileSync(file, generatedDecisionsCsv(rows));
    const run = await lots(["evb", "import", file]);
    expect(run.stdout).toBe("Importerad: 2\u00a0001 rader – 2\u00a0001 nya, 0 ändrade, 0 oförändrade.\n");
    expect(run.stderr.trim().split("\n")).toEqual([
      "Kontrollerade 2\u00a0000 av 2\u00a0001 rader, skrev 2\u00a0000.",
      "Kontrollerade 2\u00a0001 av 2\u00a0001 rader, skrev 2\u00a0001.",
    ]);
  });

  it("takes more rows than an upload may hold", async () => {
    fs.writeFileSync(file, generatedDecisionsCsv(MAX_IMPORT_ROWS + 1));
    expect((await lots(["evb", "import", file, "--dry-run"])).stdout).toBe(
      "Kontrollerad (inget sparat): 20\u00a0001 rader – 18\u00a0000 nya, 0 ändrade, 2\u00a0001 oförändrade.\n",
    );
  });
});
