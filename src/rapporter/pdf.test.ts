// The årsberättelse as a PDF, read back with poppler's pdftotext: the drift table's figures and the bound
// result text are in the file's text layer, the file is tagged, and the cover carries no running header.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closePdfBrowser } from "../platform/documents/print-pdf.ts";
import { renderPdf } from "./pdf.ts";
import { assembled2021, goalSource, hasPdftotext } from "./testing.ts";

const missing = hasPdftotext ? "" : " (hoppas över: pdftotext från poppler-utils är inte installerat)";

// pdftotext writes the no-break space and the true minus as they are; compare with plain spaces and hyphens.
const plain = (s: string) => s.replace(/\u00a0/g, " ").replace(/\u2212/g, "-");

let dir: string;
let file: string;
let pdf: Buffer;
const text = (pages?: { first: number; last: number }) =>
  plain(
    execFileSync(
      "pdftotext",
      [...(pages ? ["-f", String(pages.first), "-l", String(pages.last)] : []), "-layout", file, "-"],
      { encoding: "utf8" },
    ),
  );

beforeAll(async () => {
  if (!hasPdftotext) return;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "lots-rapport-"));
  file = path.join(dir, "arsberattelse-2021.pdf");
  pdf = await renderPdf(assembled2021(undefined, {}, goalSource()));
  fs.writeFileSync(file, pdf);
}, 60_000);
afterAll(async () => {
  await closePdfBrowser();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!hasPdftotext)(`the 2021 årsberättelse PDF${missing}`, () => {
  it("has every figure of the drift table and 'överskott om 19,5 mnkr' in its text", () => {
    const all = text();
    expect(all).toContain("överskott om 19,5 mnkr");
    const rows: Array<[string, ...string[]]> = [
      ["Nämnd", "-3 683,1", "-1 956", "-1 695", "261"],
      ["Stödfunktioner och central verksamhet", "-46 977,1", "-67 078", "-59 048", "8 030"],
      ["Myndighet stöd och behandling", "-240 438,8", "-225 323", "-241 864", "-16 541"],
      ["Bostad med särskild service", "-212 235,8", "-212 902", "-198 383", "14 519"],
      ["Stöd i hemmet och sysselsättning", "-70 478,7", "-83 344", "-75 850", "7 494"],
      ["Daglig verksamhet", "-47 153,2", "-49 336", "-45 062", "4 274"],
      ["Privat assistans", "-51 582,3", "-59 139", "-57 674", "1 465"],
      ["Summa", "-672 549,0", "-699 078", "-679 576", "19 502"],
    ];
    const lines = all.split("\n");
    for (const [label, ...figures] of rows) {
      // A row's label and its four figures on one line of the laid-out text, in order.
      const pattern = new RegExp(`^\\s*${label}\\s+${figures.join("\\s+")}\\s*$`);
      expect(
        lines.some((l) => pattern.test(l)),
        `${label}: ${figures.join(" | ")}`,
      ).toBe(true);
    }
  });

  it("is tagged, with a structure tree and marked content", () => {
    const raw = pdf.toString("latin1");
    expect(raw).toContain("/StructTreeRoot");
    expect(raw).toMatch(/\/MarkInfo\s*<<(?:\s*\/Type\s*\/MarkInfo)?\s*\/Marked true/);
    expect(raw).toContain("/Lang (sv)");
    // Bookmarks from the headings.
    expect(raw).toMatch(/\/Outlines \d+ 0 R/);
    expect(execFileSync("pdfinfo", [file], { encoding: "utf8" })).toMatch(/Tagged:\s+yes/);
  });

  it("prints the running header and page numbers on every page but the cover", () => {
    const header = "Kungsbacka kommun · Årsberättelse 2021 · Nämnden för Individ & Familjeomsorg";
    const cover = text({ first: 1, last: 1 });
    expect(cover).toContain("Årsberättelse 2021");
    expect(cover).not.toContain(header);
    expect(cover).not.toMatch(/Sida \d+ av \d+/);
    const contents = text({ first: 2, last: 2 });
    expect(contents).toContain(header);
    expect(contents).toMatch(/Sida 2 av \d+/);
  });
});
