import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { parseSie, readSie, sieAmountOre, tokenize } from "./sie4.ts";

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "../fixtures", name));

describe("readSie on a CP437 ledger export", () => {
  const { file, problems, encoding } = readSie(fixture("ifo-2023-jan-apr.se"));

  it("reads it without problems and decodes å, ä, ö", () => {
    expect(problems).toEqual([]);
    expect(encoding).toBe("cp437");
    expect(file.accounts["3510"]).toEqual({ name: "Försäljning av tjänster", type: "I" });
    expect(file.objects.find((o) => o.id === "440")?.name).toBe("Daglig verksamhet Väst");
    expect(file.fiscalYears.map((y) => [y.index, y.start, y.end])).toEqual([
      [0, "2023-01-01", "2023-12-31"],
      [-1, "2022-01-01", "2022-12-31"],
    ]);
    expect(file.dimensions).toEqual([
      { no: "1", name: "Ansvar" },
      { no: "20", name: "Verksamhet" },
    ]);
  });

  it("reads vouchers with their transactions, objects, dates and öre", () => {
    expect(file.vouchers.map((v) => [v.series, v.number, v.date, v.transactions.length])).toEqual([
      ["A", "1", "2023-01-31", 3],
      ["A", "2", "2023-02-15", 3],
      ["B", "1", "2023-04-15", 2],
    ]);
    expect(file.vouchers[0]?.transactions[0]).toEqual({
      line: 26,
      account: "4511",
      objects: [
        { dim: "1", id: "410" },
        { dim: "20", id: "5100" },
      ],
      amountOre: 150_000_000,
      date: null,
      text: null,
    });
    expect(file.vouchers[1]?.transactions[0]).toMatchObject({ date: "2023-02-10", text: "Köp av plats" });
    expect(file.res).toEqual([{ line: 23, yearIndex: -1, account: "3510", objects: [], amountOre: -120_000_000 }]);
  });
});

describe("malformed SIE files", () => {
  it("refuses a UTF-8 file that claims PC8 and names the first lines with non-ASCII text", () => {
    const { problems } = readSie(fixture("fel-kodning-utf8.se"));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(12);
    expect(problems[0]?.message).toContain("UTF-8-kodad");
    expect(problems[0]?.message).toContain("rad 12, 14, 16, 20, 21 m.fl.");
  });

  it("refuses a Windows-1252 file and reads it when that encoding is chosen", () => {
    expect(readSie(fixture("fel-kodning-latin1.se")).problems[0]?.message).toContain("Windows-1252");
    const chosen = readSie(fixture("fel-kodning-latin1.se"), "windows-1252");
    expect(chosen.problems).toEqual([]);
    expect(chosen.file.accounts["4511"]?.name).toBe("Löner månadsavlönade");
  });

  it("names a comma amount and an unbalanced voucher by line", () => {
    const { problems } = readSie(fixture("obalanserad.se"));
    expect(problems).toEqual([
      { line: 27, message: '#TRANS har ogiltigt belopp "380000,50" (decimalpunkt, högst två decimaler).' },
      { line: 30, message: "Verifikation A 2 är obalanserad: raderna summerar till -0.01 kr (rad 35)." },
    ]);
  });

  it("names structural errors", () => {
    const { problems } = parseSie(
      [
        '#VER A 1 20230132 "x"',
        "{",
        "#TRANS 4010 {1} 10.00",
        "#RES 0 abc 1",
        "}",
        "plain text",
        '#KONTO 3010 "unterminated',
      ].join("\n"),
    );
    expect(problems.map((p) => p.line)).toEqual([1, 3, 4, 6, 7]);
    expect(problems[0]?.message).toContain("ogiltigt verifikationsdatum");
    expect(problems[2]?.message).toContain("#RES får inte stå inom en verifikation");
  });

  it("refuses an empty file", () => {
    expect(parseSie("").problems).toEqual([{ line: 1, message: "Filen innehåller inga SIE-poster." }]);
  });
});

describe("tokenize", () => {
  it("splits quoted text, escaped quotes and object lists", () => {
    expect(tokenize('#TRANS 4010 {1 "4 10" 20 "5100"} -12.50 "" "Säger \\"hej\\""')).toEqual({
      ok: true,
      tokens: ["#TRANS", "4010", ["1", "4 10", "20", "5100"], "-12.50", "", 'Säger "hej"'],
    });
  });
});

// Property tests: a writer in the test builds files from random ledgers; the parser must give them back.
const quote = (s: string) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
const oreText = (ore: number) =>
  `${ore < 0 ? "-" : ""}${Math.floor(Math.abs(ore) / 100)}.${String(Math.abs(ore) % 100).padStart(2, "0")}`;
// Characters CP437 can hold, including Swedish letters, quotes, backslashes and braces.
const sieText = fc.string({
  unit: fc.constantFrom(...'abcXYZ åäöÅÄÖé0189 -_"\\{}#&/'.split("")),
  maxLength: 20,
});
const account = fc.integer({ min: 1000, max: 8999 }).map(String);
const objects = fc.array(
  fc.record({ dim: fc.constantFrom("1", "2", "20"), id: fc.stringMatching(/^[0-9A-Z]{1,5}$/) }),
  { maxLength: 2 },
);
const voucher = fc
  .record({
    series: fc.constantFrom("A", "B", "LÖN"),
    number: fc.integer({ min: 1, max: 99999 }).map(String),
    day: fc.integer({ min: 1, max: 28 }),
    month: fc.integer({ min: 1, max: 12 }),
    text: sieText,
    rows: fc.array(fc.record({ account, objects, amountOre: fc.integer({ min: -1e11, max: 1e11 }), text: sieText }), {
      minLength: 1,
      maxLength: 5,
    }),
  })
  .map((v) => {
    // The last row balances the voucher, as every real voucher is.
    const sum = v.rows.reduce((t, r) => t + r.amountOre, 0);
    // 0 - sum, not -sum: a balanced voucher needs +0, and -0 is no amount a ledger can hold.
    return { ...v, rows: [...v.rows, { account: "1930", objects: [], amountOre: 0 - sum, text: "" }] };
  });

type VoucherSpec = {
  series: string;
  number: string;
  day: number;
  month: number;
  text: string;
  rows: Array<{ account: string; objects: Array<{ dim: string; id: string }>; amountOre: number; text: string }>;
};

function writeSie(accounts: Array<{ account: string; name: string }>, vouchers: VoucherSpec[]) {
  const lines = ["#FLAGGA 0", "#FORMAT PC8", "#SIETYP 4", "#RAR 0 20230101 20231231"];
  for (const a of accounts) lines.push(`#KONTO ${a.account} ${quote(a.name)}`);
  for (const v of vouchers) {
    const date = `2023${String(v.month).padStart(2, "0")}${String(v.day).padStart(2, "0")}`;
    lines.push(`#VER ${quote(v.series)} ${v.number} ${date} ${quote(v.text)}`, "{");
    for (const r of v.rows) {
      const list = r.objects.map((o) => `${o.dim} ${quote(o.id)}`).join(" ");
      lines.push(`#TRANS ${r.account} {${list}} ${oreText(r.amountOre)} "" ${quote(r.text)}`);
    }
    lines.push("}");
  }
  return iconv.encode(`${lines.join("\r\n")}\r\n`, "cp437");
}

describe("SIE 4 properties", () => {
  it("reads back any ledger it is given: accounts, vouchers, objects and amounts to the öre", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ account, name: sieText }), { selector: (a) => a.account, maxLength: 5 }),
        fc.array(voucher, { maxLength: 6 }),
        (accounts, vouchers) => {
          const { file, problems } = readSie(writeSie(accounts, vouchers), "cp437");
          expect(problems).toEqual([]);
          expect(Object.entries(file.accounts).map(([a, v]) => ({ account: a, name: v.name }))).toEqual(
            [...accounts].sort((a, b) => Number(a.account) - Number(b.account)),
          );
          expect(file.vouchers.map((v) => [v.series, v.number, v.text])).toEqual(
            vouchers.map((v) => [v.series, v.number, v.text]),
          );
          expect(
            file.vouchers.flatMap((v) => v.transactions.map((t) => [t.account, t.objects, t.amountOre, t.text ?? ""])),
          ).toEqual(vouchers.flatMap((v) => v.rows.map((r) => [r.account, r.objects, r.amountOre, r.text])));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("never throws, whatever the bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const { problems } = readSie(bytes);
        expect(Array.isArray(problems)).toBe(true);
      }),
      { numRuns: 300 },
    );
    const sieish = fc.array(
      fc.constantFrom(
        '#VER A 1 20230101 "x"',
        "{",
        "}",
        "#TRANS 4010 {} 1.00",
        "#TRANS",
        "#RES 0",
        "#PSALDO 0 202301 4010 {1",
        '"',
        "#KONTO",
      ),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(sieish, (lines) => {
        const { problems } = parseSie(lines.join("\n"));
        expect(problems.every((p) => Number.isInteger(p.line) && p.line >= 1)).toBe(true);
      }),
    );
  });

  it("reads SIE amounts exactly", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (ore) => {
        expect(sieAmountOre(oreText(ore))).toBe(ore);
      }),
    );
  });
});
