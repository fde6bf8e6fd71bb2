// `lots rapport mallar|render|check` in-process over the test file's own demo database: the templates listed, a report
// written to a file with the demo's figures, the clean demo passing its checks, and exit 1 on a blocking one.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testCli } from "../app/testing.ts";
import { nodeOrOnlyKommun } from "../organisation/index.ts";
import { systemActor } from "../platform/auth/access.ts";
import { saveTemplate } from "./template-service.ts";
import { builtInTemplates } from "./templates/builtin.ts";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lots-rapport-cli-"));
const plain = (s: string) => s.replace(/\u00a0/g, " ").replace(/\u2212/g, "-");

const cli = testCli("fullDemo");
beforeAll(cli.start);
afterAll(async () => {
  await cli.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});
const { lots, runLots } = cli;

describe("lots rapport", () => {
  it("mallar lists the kommun's templates with their versions", async () => {
    const run = await lots(["rapport", "mallar"]);
    const lines = run.stdout.trim().split("\n");
    expect(lines.slice(0, -1).map((l) => l.split(/\s+/)[0])).toEqual(builtInTemplates.map((t) => t.code));
    expect(lines.at(-1)).toMatch(new RegExp(`^${builtInTemplates.length} mall(ar)?\\.$`));
  });

  it("render writes the 2021 årsberättelse with the drift table's figures", async () => {
    const out = path.join(tmp, "ars.html");
    const run = await lots([
      "rapport",
      "render",
      "arsberattelse",
      "--namnd",
      "IF",
      "--period",
      "2021",
      "--format",
      "html",
      "--out",
      out,
    ]);
    expect(run.stdout).toContain(`till ${out}.`);
    const html = plain(fs.readFileSync(out, "utf8"));
    expect(html).toContain("<h1>Årsberättelse 2021</h1>");
    expect(html).toContain("överskott om 19,5 mnkr");
    expect(html).toContain("<td>-672 549,0</td><td>-699 078</td><td>-679 576</td><td>19 502</td>");
  });

  it("check passes the demo's 2023 kvalitet, internkontroll, EVB and lex Sarah reports without a finding", async () => {
    for (const template of ["kvalitetsberattelse", "internkontroll", "evb-kvartal", "lex-sarah"]) {
      const run = await runLots(["rapport", "check", template, "--namnd", "IF", "--period", "2023"]);
      expect([template, run.code, run.stdout.trim().split("\n").at(-1)]).toEqual([
        template,
        0,
        "Inga fel eller varningar.",
      ]);
    }
  });

  it("check takes a quarter, a date range or a tertial as the period, and refuses what is no period", async () => {
    for (const [template, period] of [
      ["evb-kvartal", "2023-Q3"],
      ["lex-sarah", "2023-11-01..2023-12-31"],
      ["delarsrapport", "2021-T2"],
    ]) {
      const run = await runLots([
        "rapport",
        "check",
        template as string,
        "--namnd",
        "IF",
        "--period",
        period as string,
      ]);
      expect([template, run.code, run.stdout.trim().split("\n").at(-1)]).toEqual([
        template,
        0,
        "Inga fel eller varningar.",
      ]);
    }
    const refused = await runLots(["rapport", "check", "evb-kvartal", "--namnd", "IF", "--period", "2023-T3"]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("--period: Ange ett år (2023), ett kvartal (2023-Q2), ett tertial (2023-T2)");
  });

  it("check without --period takes the lex Sarah memo since the nämnd's last meeting, and asks others for one", async () => {
    const run = await runLots(["rapport", "check", "lex-sarah", "--namnd", "IF"]);
    expect(run.code).toBe(0);
    // The demo's nämnd last met 2023-12-13 and is kallad to 2024-02-15.
    expect(run.stdout).toContain(
      "Information om lex Sarah samt redovisning av beslut 14 december 2023–15 februari 2024",
    );
    const refused = await runLots(["rapport", "check", "arsberattelse", "--namnd", "IF"]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("Period: Mallen har ingen standardperiod.");
  });

  it("check passes the clean demo and exits 1 naming a blocking finding", async () => {
    const clean = await runLots(["rapport", "check", "arsberattelse", "--namnd", "IF", "--period", "2021"]);
    expect(clean.code).toBe(0);
    expect(clean.stdout.trim().split("\n").at(-1)).toBe("Inga fel eller varningar.");

    // An admin's edit leaves a placeholder in the explanations.
    const database = cli.database();
    const kommun = await nodeOrOnlyKommun(database.db, undefined);
    const template = builtInTemplates.find((t) => t.code === "arsberattelse");
    if (!template) throw new Error("no årsberättelse");
    const content = structuredClone(template.content);
    const text = content.chapters[0]?.blocks.find((b) => b.id === "forklaringar");
    if (text?.kind !== "authored") throw new Error("no explanations");
    text.text = "(Texten kompletteras efter bokslutet)";
    await saveTemplate(database.db, systemActor(), kommun.id, "arsberattelse", { ...template, content });
    const broken = await runLots(["rapport", "check", "arsberattelse", "--namnd", "IF", "--period", "2021"]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(
      'FEL      Platshållare kvar: Ekonomiskt utfall › Huvudsakliga förklaringar: Platshållaren "(Texten kompletteras efter bokslutet)" står kvar.',
    );
    expect(broken.stdout).toContain("1 blockerande fel, 0 varningar.");
    expect(broken.stderr).toContain("Rapporten kan inte publiceras förrän de blockerande felen är rättade.");
  });
});
