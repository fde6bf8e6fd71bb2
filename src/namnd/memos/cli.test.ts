import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testCli } from "../../app/testing.ts";
import { seedNamndDemo } from "../demo.ts";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lots-namnd-memo-cli-"));
const out = (name: string) => path.join(tmp, name);

// The demo organisation and Nämnd's demo only: the memos of IF-2024-00037 and IF-2023-00360.
const cli = testCli("organisation", (trx, demo) => seedNamndDemo(trx, demo));
beforeAll(cli.start);
afterAll(async () => {
  await cli.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});
const { lots, runLots } = cli;

describe("lots namnd tjansteskrivelse", () => {
  it("writes the case's memo as Word, found by a variant of its number", async () => {
    const run = await lots(["namnd", "tjansteskrivelse", "--case", "IF 2024-00037", "--out", out("a.docx")]);
    expect(run.stdout).toContain("Skrev IF-2024-00037-tjansteskrivelse.docx (version 1, klar)");
    const bytes = fs.readFileSync(out("a.docx"));
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    // A Word document, not just any zip: the archive names its document part (names are stored uncompressed).
    expect(bytes.includes("word/document.xml")).toBe(true);
  });

  it("writes a PDF", async () => {
    await lots(["namnd", "tjansteskrivelse", "--case", "IF-2023-00360", "--format", "pdf", "--out", out("b.pdf")]);
    expect(fs.readFileSync(out("b.pdf")).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  }, 60_000);

  it("refuses an unknown format, a case not in the diarium and a case without a memo", async () => {
    const format = await runLots([
      "namnd",
      "tjansteskrivelse",
      "--case",
      "IF-2024-00037",
      "--format",
      "odt",
      "--out",
      out("c.odt"),
    ]);
    expect(format.code).toBe(1);
    expect(format.stderr).toContain("--format ska vara docx eller pdf.");
    const missing = await runLots(["namnd", "tjansteskrivelse", "--case", "IF-2024-09999", "--out", out("d")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("Ärendet IF-2024-09999 finns inte i diariet.");
    const none = await runLots(["namnd", "tjansteskrivelse", "--case", "IF-2023-00392", "--out", out("e")]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("Ärendet IF-2023-00392 har ingen tjänsteskrivelse.");
    expect(fs.existsSync(out("d")) || fs.existsSync(out("e"))).toBe(false);
  });
});
