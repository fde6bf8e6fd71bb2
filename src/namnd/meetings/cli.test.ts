import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testCli } from "../../app/testing.ts";

// Every capability's demo data, so the standing items count the registers as the demo fills them.
const cli = testCli("fullDemo");
beforeAll(cli.start);
afterAll(cli.close);
const { lots, runLots } = cli;

type Agenda = {
  organ: string;
  status: string;
  period: { start: string; end: string };
  items: {
    number: number;
    kind: string;
    title: string;
    diarienummer: string | null;
    standingKind: string | null;
    count: number | null;
    sections: { heading: string; count: number | null }[];
  }[];
};

describe("lots namnd dagordning", () => {
  it("prints the February 2024 agenda as JSON with each standing item's count", async () => {
    const run = await lots(["namnd", "dagordning", "--namnd", "IF", "--meeting", "2024-02-15", "--format", "json"]);
    const agenda = JSON.parse(run.stdout) as Agenda;
    expect(agenda.organ).toBe("Nämnden för Individ & Familjeomsorg");
    expect(agenda.period).toEqual({ start: "2023-12-01", end: "2024-01-31" });
    const counts = Object.fromEntries(agenda.items.filter((i) => i.standingKind).map((i) => [i.standingKind, i.count]));
    // The brief's figures for Dec–Jan (B5, B6): anmälan 5 utskott dates + 32 avtal + 14 övrigt; domar och beslut
    // 9 court items + IMY 2 + IVO 1 + KF 3 + KS 4; skrivelser 7. The other items follow Kvalitet's and EVB's
    // demo registers (routes.test.ts compares them with the registers' own reads).
    expect(counts).toMatchObject({ delegationsbeslut: 51, ordforandebeslut: 1, domar: 19, skrivelser: 7 });
    expect(Object.keys(counts)).toEqual([
      "delegationsbeslut",
      "ordforandebeslut",
      "domar",
      "synpunkter",
      "skrivelser",
      "lex_sarah",
      "evb",
    ]);
    const delegation = agenda.items.find((i) => i.standingKind === "delegationsbeslut");
    expect(delegation?.sections).toContainEqual({ heading: "Avtal", count: 32 });
    expect(delegation?.sections).toContainEqual({ heading: "Övrigt", count: 14 });
    expect(agenda.items.filter((i) => i.kind === "arende").map((i) => i.diarienummer)).toEqual([
      "IF-2023-00392",
      "IF-2024-00037",
      "IF-2023-00360",
      "IF-2020-00345",
      "IF-2023-00371",
    ]);
  });

  it("prints text with § numbers for a held meeting, the utskott by --organ, and refuses a day without a meeting", async () => {
    const dec = await lots(["namnd", "dagordning", "--namnd", "IF", "--meeting", "2023-12-13"]);
    expect(dec.stdout).toContain("Föredragningslista – Nämnden för Individ & Familjeomsorg 2023-12-13 kl. 13:00");
    expect(dec.stdout).toContain("§ 179 IF-2023-00371 Initiativärende från partigruppen");
    const utskott = await lots([
      "namnd",
      "dagordning",
      "--namnd",
      "IF",
      "--meeting",
      "2024-01-10",
      "--organ",
      "utskott",
    ]);
    expect(utskott.stdout).toContain("§ 1 Beslut i enskilda ärenden");
    const none = await runLots(["namnd", "dagordning", "--namnd", "IF", "--meeting", "2024-02-16"]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("Nämnden för Individ & Familjeomsorg har inget sammanträde 2024-02-16.");
  });
});
