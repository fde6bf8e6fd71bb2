import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testCli } from "../../app/testing.ts";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lots-namnd-standing-memo-cli-"));
const out = (name: string) => path.join(tmp, name);

// Every capability's demo data, so the standing items count the registers as the demo fills them.
const cli = testCli("fullDemo");
beforeAll(cli.start);
afterAll(async () => {
  await cli.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});
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

type Memo = {
  title: string;
  item: string;
  period: { start: string; end: string };
  proposal: string | null;
  count: number | null;
  sections: { heading: string; count: number | null; lines: string[] }[];
};

describe("lots namnd memo", () => {
  const args = (item: string, more: string[] = [], meeting = "2024-02-15") => [
    ...["namnd", "memo", "--namnd", "IF", "--meeting", meeting, "--item", item],
    ...more,
  ];
  const memo = (item: string, ...more: string[]) => lots(args(item, more));

  it("prints a standing item's memo as JSON: the agenda's count, one line per register row", async () => {
    const agenda = JSON.parse(
      (await lots(["namnd", "dagordning", "--namnd", "IF", "--meeting", "2024-02-15", "--format", "json"])).stdout,
    ) as Agenda;
    const letters = JSON.parse((await memo("skrivelser")).stdout) as Memo;
    const onAgenda = agenda.items.find((i) => i.standingKind === "skrivelser");
    expect([letters.title, letters.count]).toEqual([onAgenda?.title, onAgenda?.count]);
    expect(letters.period).toEqual({ start: "2023-12-01", end: "2024-01-31" });
    expect(letters.proposal).toContain("noterar");
    const lines = letters.sections.flatMap((s) => s.lines);
    expect(lines).toHaveLength(7);
    expect(lines.filter((l) => l.includes("Arbetsmiljöverket") && l.includes("Föranmälan av inspektion"))).toHaveLength(
      1,
    );
  });

  it("writes the anmälan av delegeringsbeslut as Word with its sections and counts, and as PDF", async () => {
    const run = await memo("delegationsbeslut", "--format", "docx", "--out", out("delegation.docx"));
    expect(run.stdout).toContain(`till ${out("delegation.docx")}`);
    const zip = await JSZip.loadAsync(fs.readFileSync(out("delegation.docx")));
    const text = (await zip.file("word/document.xml")?.async("string"))?.replace(/<[^>]+>/g, "") ?? "";
    expect(text).toContain("Anmälan av delegeringsbeslut");
    expect(text).toContain("Avtal (32)");
    expect(text).toContain("Övrigt (14)");
    expect(text).toContain("Placeringsavtal");
    await memo("evb", "--format", "pdf", "--out", out("evb.pdf"));
    expect(fs.readFileSync(out("evb.pdf")).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  }, 60_000);

  it("refuses an unknown item, a document without --out and an item not on the agenda", async () => {
    const unknown = await runLots(args("x"));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("--item ska vara en av delegationsbeslut, ordforandebeslut");
    const noOut = await runLots(args("evb", ["--format", "docx"]));
    expect(noOut.stderr).toContain("--out krävs för --format docx.");
    const utskott = await runLots(args("evb", ["--organ", "utskott"], "2024-01-10"));
    expect(utskott.code).toBe(1);
    expect(utskott.stderr).toContain("har ingen stående punkt evb på föredragningslistan");
  });
});
