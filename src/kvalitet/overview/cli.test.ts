import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testCli } from "../../app/testing.ts";
import { seedKvalitetDemo } from "../demo.ts";

const namnd = "Nämnden för Individ & Familjeomsorg";

const cli = testCli("organisation", (trx, demo) => seedKvalitetDemo(trx, demo));
beforeAll(cli.start);
afterAll(cli.close);
const { lots, runLots } = cli;

describe("lots kvalitet oversikt", () => {
  it("gives the nämnd's joint view of 2023 with the brief's totals, as JSON and as text", async () => {
    const period = ["--from", "2023-01-01", "--to", "2023-12-31"];
    const json = JSON.parse(
      (await lots(["kvalitet", "oversikt", "--enhet", namnd, ...period, "--format", "json"])).stdout,
    );
    expect(json.handelser.total).toBe(1702);
    expect(json.lexSarah.reports).toBe(96);
    expect(json.klagomal.received).toBe(50);
    const text = (await lots(["kvalitet", "oversikt", "--enhet", "Gruppbostad Almen", ...period])).stdout;
    expect(text).toContain("Kvalitet – Gruppbostad Almen, 2023-01-01–2023-12-31");
    expect(text).toMatch(/Händelser \(avvikelser\): 560 – /);
    expect(text).toContain("Pågående utredningar:");
  });

  it("refuses an end before the start and an unknown unit, in Swedish", async () => {
    const backwards = await runLots([
      "kvalitet",
      "oversikt",
      "--enhet",
      namnd,
      "--from",
      "2023-12-31",
      "--to",
      "2023-01-01",
    ]);
    expect(backwards.code).not.toBe(0);
    expect(backwards.stderr).toContain("Till och med: Periodens slut (2023-01-01) ligger före dess början");
    const unknown = await runLots(["kvalitet", "oversikt", "--enhet", "Finns inte"]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('Det finns ingen organisationsenhet med id, kod eller namn "Finns inte"');
  });
});
