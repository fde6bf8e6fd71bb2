import { describe, expect, it } from "vitest";
import { CsvSyntaxError, csvSplitter } from "./csv-stream.ts";

/** All records of `text` fed in pieces of `size` characters. */
function split(text: string, size: number, delimiter = ";") {
  const splitter = csvSplitter(delimiter);
  const records = [];
  for (let i = 0; i < text.length; i += size) records.push(...splitter.push(text.slice(i, i + size)));
  records.push(...splitter.end());
  return records;
}

const sample =
  '\uFEFFKonto; Ansvar ;Text\r\n4010;410;"Lön; januari"\r\n4011;411;"Rad med\r\nradbrytning och ""citat"""\n4012;412;  \n\n5010;"  inom citat  ";sista';

describe("csvSplitter", () => {
  it("reads quoted delimiters, line breaks and doubled quotes, trims outside quotes, and names each record's first line", () => {
    expect(split(sample, sample.length)).toEqual([
      { line: 1, cells: ["Konto", "Ansvar", "Text"] },
      { line: 2, cells: ["4010", "410", "Lön; januari"] },
      { line: 3, cells: ["4011", "411", 'Rad med\r\nradbrytning och "citat"'] },
      { line: 5, cells: ["4012", "412", ""] },
      { line: 6, cells: [""] },
      { line: 7, cells: ["5010", "  inom citat  ", "sista"] },
    ]);
  });

  it("gives the same records whatever the chunks, even with a CR LF or a doubled quote split between them", () => {
    const whole = split(sample, sample.length);
    for (const size of [1, 2, 3, 7, 16]) expect(split(sample, size), `chunks of ${size}`).toEqual(whole);
  });

  it("splits on the delimiter it is given", () => {
    expect(split("a,b\tc\n", 3, "\t")).toEqual([{ line: 1, cells: ["a,b", "c"] }]);
  });

  it("refuses a quote inside an unquoted field, text after a closing quote and an unclosed quote, with the line", () => {
    for (const [text, line, message] of [
      ['a;b\nc;d"e\n', 2, "citattecken mitt i ett fält (kolumn 2)"],
      ['a;"b"x;c\n', 1, "tecken efter ett citerat fält (kolumn 2)"],
      ['a;b\n"c\nd;e\n', 2, "avslutas aldrig"],
    ] as const) {
      let error: unknown;
      try {
        split(text, 2);
      } catch (e) {
        error = e;
      }
      expect(error, text).toBeInstanceOf(CsvSyntaxError);
      expect((error as CsvSyntaxError).line, text).toBe(line);
      expect((error as CsvSyntaxError).message, text).toContain(message);
    }
  });
});
