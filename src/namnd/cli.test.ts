import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testCli } from "../app/testing.ts";
import { todayInSweden } from "../platform/calendar.ts";
import { seedNamndDemo } from "./demo.ts";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lots-namnd-cli-"));
const file = (name: string, lines: string[]) => {
  const at = path.join(tmp, name);
  fs.writeFileSync(at, lines.join("\n"));
  return at;
};
const header = "diarienummer,rubrik,inkom,typ,handläggare,registrerad";

// The demo organisation and Nämnd's demo diarium only, so the counts do not depend on other capabilities.
const cli = testCli("organisation", (trx, demo) => seedNamndDemo(trx, demo));
beforeAll(cli.start);
afterAll(async () => {
  await cli.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});
const { lots, runLots } = cli;

describe("lots namnd diarium import", () => {
  it("refuses the whole file when any row is wrong, naming each row and column", async () => {
    const bad = file("bad.csv", [
      header,
      "IF-2019-00001,Godkänd rad,2019-02-01,allmant,sekreterare,",
      "KS-2019-00710,Annan nämnds nummer,2019-02-01,allmant,,",
      "IF-19-00002,Tvåsiffrigt år,2019-02-01,allmant,,",
      "IF-2019-00003,Okänd typ,2019-02-01,kaffe,,",
      "IF-2019-00004,Okänd handläggare,2019-02-01,allmant,nisse,",
      "IF 2019-00001,Dubblett,2019-02-01,allmant,,",
      "IF-2019-00005,Fel år,2018-12-30,allmant,,",
      "IF-2019-00006,,2019-02-01,allmant,,",
    ]);
    const run = await runLots(["namnd", "diarium", "import", bad, "--namnd", "IF"]);
    expect(run.code).not.toBe(0);
    const lines = run.stderr.trim().split("\n");
    expect(lines.slice(0, -1)).toEqual([
      expect.stringMatching(/^Rad 3: diarienummer: KS-2019-00710 hör till ett annat diarium \(KS\), inte IF\.$/),
      expect.stringMatching(
        /^Rad 4: diarienummer: "IF-19-00002" är inget diarienummer \(året ska skrivas med fyra siffror\)/,
      ),
      expect.stringMatching(/^Rad 5: typ: Okänd ärendetyp kaffe\./),
      'Rad 6: handläggare: Ingen användare "nisse" har en roll i Nämnden för Individ & Familjeomsorg.',
      "Rad 7: diarienummer: IF-2019-00001 finns redan på rad 2.",
      "Rad 8: inkom: IF-2019-00005 registrerades 2019; ange kolumnen registrerad med ett datum det året.",
      expect.stringMatching(/^Rad 9: rubrik: Ange ärendets rubrik\.$/),
    ]);
    expect(lines.at(-1)).toContain("Filen importerades inte: 7 fel på 7 rader. Inget sparades.");
    expect((await lots(["namnd", "diarium", "sok", "IF-2019-00001"])).stdout).toContain("0 ärenden.");
  });

  it("imports every variant as its canonical number and moves the series past the highest", async () => {
    const good = file("good.csv", [
      header,
      "IF IF-2019-00256,Initiativärende om ensamkommande,2019-05-02,initiativ,sekreterare,",
      "IF- 2019-00005,Synpunkter och klagomål 2019,,Synpunkter och klagomål,,2019-01-03",
      "dnr 2019–00080,Remiss från Socialdepartementet,2019-02-10,remiss,,2019-02-11",
      "2018-00345,Initiativärende (S),2018-10-15,initiativ,,",
    ]);
    const run = await lots(["namnd", "diarium", "import", good, "--namnd", "IF"]);
    expect(run.stdout).toBe(
      [
        "Importerade 4 ärenden, 0 avvisade.",
        "4 diarienummer skrevs om till formen PREFIX-ÅÅÅÅ-NNNNN.",
        "Serien 2019: nästa nummer blir 257.",
        "Serien 2018: nästa nummer blir 346.",
        "",
      ].join("\n"),
    );
    const again = await runLots(["namnd", "diarium", "import", good, "--namnd", "IF"]);
    expect(again.stderr).toContain("Rad 2: diarienummer: IF-2019-00256 finns redan i diariet.");
  });

  it("searches by a number in any variant, finding the nämnd by its prefix", async () => {
    const found = await lots(["namnd", "diarium", "sok", "IF 2019-00256"]);
    expect(found.stdout).toBe(
      "Söker IF-2019-00256\nIF-2019-00256  2019-05-02  Öppet     Initiativärende om ensamkommande\n1 ärende.\n",
    );
    const dash = await lots(["namnd", "diarium", "sok", "2019–00080", "--namnd", "IF"]);
    expect(dash.stdout).toContain("IF-2019-00080  2019-02-11");
    const text = await lots(["namnd", "diarium", "sok", "initiativ", "--namnd", "IF"]);
    expect(text.stdout).toContain("4 ärenden."); // two imported, two in the demo diarium
    const noPrefix = await runLots(["namnd", "diarium", "sok", "2019-00080"]);
    expect(noPrefix.code).not.toBe(0);
    expect(noPrefix.stderr).toContain("Ange nämnden med --namnd");
  });

  it("creates this year's standing cases once", async () => {
    const year = todayInSweden().slice(0, 4);
    const first = await lots(["namnd", "diarium", "staende", "--namnd", "IF"]);
    const lines = first.stdout.trim().split("\n");
    expect(lines[0]).toBe(`Skapade 8 stående ärenden för ${year}.`);
    expect(lines.slice(1)).toContain(`IF-${year}-00001  Domar och beslut ${year}`);
    expect((await lots(["namnd", "diarium", "staende", "--namnd", "IF"])).stdout).toBe(
      `Skapade 0 stående ärenden för ${year}.\n`,
    );
  });
});
