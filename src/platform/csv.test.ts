import { describe, expect, it } from "vitest";
import { csvCell, csvDocument } from "./csv.ts";

describe("CSV cells", () => {
  it("neutralise text a spreadsheet would run as a formula", () => {
    expect(csvCell('=HYPERLINK("http://evil.example","Klicka")')).toBe(
      `"'=HYPERLINK(""http://evil.example"",""Klicka"")"`,
    );
    expect(csvCell("@SUM(1)")).toBe("'@SUM(1)");
    expect(csvCell("-1+1")).toBe("'-1+1");
    expect(csvCell("+46 300 00 00")).toBe("'+46 300 00 00");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("\r=1")).toBe(`"'\r=1"`);
  });

  it("keep numbers numeric, negative ones too, and leave ordinary text alone", () => {
    expect(csvCell(-1250)).toBe("-1250");
    expect(csvCell(0)).toBe("0");
    expect(csvCell(null)).toBe("");
    expect(csvCell("Boendestöd – väntar")).toBe("Boendestöd – väntar");
    expect(csvCell("Skäl; se akten")).toBe('"Skäl; se akten"');
  });

  it("write a document for Swedish Excel: BOM, semicolons, CRLF", () => {
    expect(
      csvDocument([
        ["Enhet", "Antal"],
        ["=1+1", -3],
      ]),
    ).toBe("\uFEFFEnhet;Antal\r\n'=1+1;-3\r\n");
  });
});
