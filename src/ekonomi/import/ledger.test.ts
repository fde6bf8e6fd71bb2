import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DomainError } from "../../platform/errors.ts";
import { analyseLedger } from "./analyse.ts";
import {
  aggregate,
  type CodeMapping,
  entriesFromSie,
  entriesFromTable,
  matchCode,
  suggestMapping,
  suggestSieDims,
} from "./ledger.ts";
import { readSie } from "./sie4.ts";
import { bytesSource, type CsvEncoding, readCsv, readXlsx, type TableResult, type TableRow } from "./tabular.ts";

/** A CSV file read whole, through the same streaming reader the import uses. */
async function csvTable(bytes: Uint8Array, encoding: CsvEncoding = "auto"): Promise<TableResult> {
  let headers: string[] = [];
  const rows: TableRow[] = [];
  const read = await readCsv(bytesSource(bytes), encoding, {
    headers: (h) => {
      headers = h;
    },
    row: (r) => rows.push(r),
  });
  if (!read.ok) return read;
  return { ok: true, table: { format: "csv", encoding: read.encoding, sheet: null, sheets: [], headers, rows } };
}

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "../fixtures", name));

const levels = [
  { id: "msb", name: "Myndighet stöd och behandling", code: "MSB" },
  { id: "dv", name: "Daglig verksamhet", code: "DV" },
];
const mappings: CodeMapping[] = [
  { levelId: "msb", dimension: "ansvar", pattern: "41*" },
  { levelId: "dv", dimension: "ansvar", pattern: "44*" },
];
const ctx = {
  kind: "utfall" as const,
  sign: "ledger" as const,
  levels,
  mappings,
  unmatched: "error" as const,
  year: 2023,
};
const byKey = (figures: Array<{ levelId: string; kind: string; periodNo: number; amountKr: number }>) =>
  Object.fromEntries(figures.map((f) => [`${f.levelId} ${f.kind} ${f.periodNo}`, f.amountKr]));

// What the fixture ledger holds, in report sign (income +, costs −), rounded to kronor once per sum.
const expectedOutcome = {
  "msb kostnader 1": -1_500_000,
  "dv kostnader 1": -380_001,
  "msb kostnader 2": -640_000,
  "dv intakter 2": 25_000,
  "msb intakter 4": 12_346,
};

describe("CSV ledger export", () => {
  it("reads, maps and sums a UTF-8 semicolon file; the bank row is a balance account and is skipped", async () => {
    const read = await csvTable(fixture("huvudbok-2023.csv"));
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.table.headers).toEqual(["Konto", "Ansvar", "Verksamhet", "Period", "Belopp", "Text"]);
    const mapping = suggestMapping(read.table.headers);
    expect(mapping).toEqual({
      amount: "Belopp",
      period: "Period",
      konto: "Konto",
      ansvar: "Ansvar",
      verksamhet: "Verksamhet",
    });
    const { entries, problems } = entriesFromTable(read.table, { amount: "Belopp", ...mapping }, 2023);
    expect(problems).toEqual([]);
    const result = aggregate(entries, ctx);
    expect(result.problems).toEqual([]);
    expect(byKey(result.figures)).toEqual(expectedOutcome);
    expect([result.used, result.skippedBalance]).toEqual([5, 1]);
  });

  it("reads a Windows-1252 file in auto mode, and names the rows when UTF-8 is insisted on", async () => {
    const auto = await csvTable(fixture("huvudbok-2023-ansi.csv"));
    expect(auto.ok && auto.table.encoding).toBe("windows-1252");
    expect(auto.ok && auto.table.headers[1]).toBe("Kostnadsställe");
    const strict = await csvTable(fixture("huvudbok-2023-ansi.csv"), "utf-8");
    expect(strict.ok).toBe(false);
    if (!strict.ok) expect(strict.problems.map((p) => p.row)).toEqual([1, 2, 3, 4, 5]);
  });

  it("names a mapped column that is not in the file, and still reads the others", async () => {
    const read = await csvTable(fixture("saknar-kolumn.csv"));
    if (!read.ok) throw new Error("unreadable");
    const { problems, entries } = entriesFromTable(
      read.table,
      { amount: "Belopp", konto: "Konto", ansvar: "Ansvar" },
      2023,
    );
    expect(problems).toEqual([
      {
        row: 1,
        field: "Kolumner – Belopp",
        message:
          'Kolumnen "Belopp" finns inte i filen. Filens kolumner: Konto, Ansvar, Verksamhet, Period, Summa kr, Text.',
      },
    ]);
    // The rows are still routed to levels (with no amount), so their own problems come in the same round.
    expect(entries.map((e) => [e.line, e.ansvar, e.amountOre]).slice(0, 2)).toEqual([
      [2, "410", 0],
      [3, "440", 0],
    ]);
    expect(entries.map((e) => e.line)).toEqual(read.table.rows.map((r) => r.line));
  });

  it("routes no row when a column that routes rows to levels is missing: every row would seem unrouted", async () => {
    const read = await csvTable(fixture("huvudbok-2023.csv"));
    if (!read.ok) throw new Error("unreadable");
    const { problems, entries } = entriesFromTable(read.table, { amount: "Belopp", ansvar: "Kostnadsställe" }, 2023);
    expect(problems.map((p) => p.field)).toEqual(["Kolumner – Ansvar"]);
    expect(entries).toEqual([]);
  });

  it("names every row with a non-numeric amount by the file's own column name, and still routes those rows", async () => {
    const read = await csvTable(fixture("ogiltiga-belopp.csv"));
    if (!read.ok) throw new Error("unreadable");
    const { problems, entries } = entriesFromTable(
      read.table,
      { amount: "belopp", konto: "Konto", ansvar: "Ansvar", period: "Period" },
      2023,
    );
    expect(problems).toEqual([
      { row: 3, field: "Belopp", message: '"380 000,5O" är inte ett belopp' },
      { row: 5, field: "Belopp", message: '"tjugofem tusen" är inte ett belopp' },
    ]);
    expect(entries.map((e) => e.line)).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it("names rows that no level claims", async () => {
    const read = await csvTable(Buffer.from("Ansvar;Konto;Belopp\n410;4010;100\n999;4010;5\n", "utf8"));
    if (!read.ok) throw new Error("unreadable");
    const { entries } = entriesFromTable(read.table, { amount: "Belopp", ansvar: "Ansvar", konto: "Konto" }, 2023);
    const result = aggregate(entries, ctx);
    expect(result.figures).toEqual([]);
    expect(result.problems).toEqual([
      {
        row: 3,
        field: "nivå",
        message: "Ingen uppföljningsnivå för 2023 har en kodmappning som matchar ansvar 999, konto 4010.",
      },
    ]);
    const skipping = aggregate(entries, { ...ctx, unmatched: "skip" });
    expect([skipping.problems, skipping.skippedUnmatched, byKey(skipping.figures)]).toEqual([
      [],
      1,
      { "msb kostnader 0": -100 },
    ]);
  });
});

describe("XLSX", () => {
  it("reads a budget sheet by level name, summing to 738 mkr", async () => {
    const read = await readXlsx(fixture("budget-2023.xlsx"));
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.table.sheet).toBe("Budget 2023");
    expect(read.table.headers).toEqual(["Nivå", "Budget", "Kommentar"]);
    const all = [...levels, { id: "pa", name: "Privat assistans", code: null }];
    const { entries, problems } = entriesFromTable(read.table, { amount: "Budget", level: "Nivå" }, 2023);
    expect(problems).toEqual([]);
    const result = aggregate(entries, { ...ctx, kind: "budget", sign: "report", levels: all });
    // Four areas of the sheet have no level here: each is named by its Excel row.
    expect(result.problems.map((p) => p.row)).toEqual([3, 4, 6, 7]);
    expect(entries.reduce((t, e) => t + e.amountOre, 0)).toBe(-738_000_000_00);
  });

  it("names the rows with text, formula errors and dates outside the year", async () => {
    const read = await readXlsx(fixture("ogiltiga-belopp.xlsx"));
    if (!read.ok) throw new Error("unreadable");
    const { problems } = entriesFromTable(
      read.table,
      { amount: "Belopp", konto: "Konto", ansvar: "Ansvar", period: "Period" },
      2023,
    );
    expect(problems).toEqual([
      { row: 3, field: "Belopp", message: '"ca 380 000" är inte ett belopp' },
      { row: 4, field: "Belopp", message: '"#DIV/0!" är inte ett belopp' },
      { row: 5, field: "Period", message: 'perioden "2022-12-31" hör inte till 2023' },
    ]);
  });

  it("refuses a file that is not a workbook, or a sheet that does not exist", async () => {
    expect(await readXlsx(fixture("huvudbok-2023.csv"))).toEqual({
      ok: false,
      problems: [{ row: 1, message: "Filen är ingen giltig XLSX-arbetsbok (Excel 2007 eller senare)." }],
    });
    const missing = await readXlsx(fixture("budget-2023.xlsx"), "Blad9");
    expect(!missing.ok && missing.problems[0]?.message).toBe('Bladet "Blad9" finns inte (blad: Budget 2023).');
  });
});

describe("SIE to figures", () => {
  const { file } = readSie(fixture("ifo-2023-jan-apr.se"));
  const options = { year: 2023, kind: "utfall" as const, ...suggestSieDims(file), useDims: ["ansvar" as const] };

  it("suggests dimensions from #DIM names", () => {
    expect(suggestSieDims(file)).toEqual({ ansvarDim: "1", verksamhetDim: "20" });
  });

  it("gives the same figures from #TRANS as the CSV export of the same ledger", () => {
    const { entries, problems, source, skipped } = entriesFromSie(file, options);
    expect([problems, source, skipped]).toEqual([[], "trans", 0]);
    const result = aggregate(entries, ctx);
    expect(result.problems).toEqual([]);
    expect(byKey(result.figures)).toEqual(expectedOutcome);
    expect(result.skippedBalance).toBe(3);
  });

  it("reads #PSALDO for the mapped dimension only, so totals are not counted twice", () => {
    const text = [
      "#FLAGGA 0",
      "#SIETYP 4",
      "#RAR 0 20230101 20231231",
      "#PSALDO 0 202301 4511 {} 1880000.50",
      '#PSALDO 0 202301 4511 {1 "410"} 1500000.00',
      '#PSALDO 0 202301 4511 {1 "440"} 380000.50',
      '#PSALDO -1 202201 4511 {1 "410"} 1.00',
    ].join("\n");
    const parsed = readSie(Buffer.from(text, "latin1")).file;
    const { entries, problems, source, skipped } = entriesFromSie(parsed, options);
    expect([problems, source, skipped]).toEqual([[], "psaldo", 1]);
    expect(byKey(aggregate(entries, ctx).figures)).toEqual({
      "msb kostnader 1": -1_500_000,
      "dv kostnader 1": -380_001,
    });
  });

  it("refuses a file for another fiscal year, naming the #RAR line", () => {
    const { problems } = entriesFromSie(file, { ...options, year: 2024 });
    expect(problems).toEqual([
      { row: 8, field: "#RAR", message: "Filen avser räkenskapsåret 2023-01-01–2023-12-31, inte kalenderåret 2024." },
    ]);
  });

  it("asks for #PBUDGET when importing a budget", () => {
    expect(entriesFromSie(file, { ...options, kind: "budget" }).problems[0]?.message).toContain("#PBUDGET");
  });
});

describe("one round of problems", () => {
  it("names a SIE transaction outside the year and one no level claims in the same refusal", async () => {
    const sie = [
      "#FLAGGA 0",
      "#SIETYP 4",
      "#RAR 0 20230101 20231231",
      "#KTYP 4511 K",
      "#KTYP 1930 T",
      '#DIM 1 "Ansvar"',
      "#VER A 1 20230131",
      "{",
      '#TRANS 4511 {1 "410"} 100.00',
      '#TRANS 4511 {1 "999"} 50.00',
      "#TRANS 1930 {} -150.00",
      "}",
      "#VER A 2 20221231",
      "{",
      '#TRANS 4511 {1 "410"} 10.00',
      "#TRANS 1930 {} -10.00",
      "}",
    ].join("\n");
    const refused = await analyseLedger({
      ...ctx,
      contentBase64: Buffer.from(sie, "latin1").toString("base64"),
      format: "sie4",
      encoding: "auto",
    }).catch((e: unknown) => e);
    if (!(refused instanceof DomainError)) throw new Error("the file was accepted");
    expect((refused.details as { problems: unknown[] }).problems).toEqual([
      {
        row: 10,
        field: "nivå",
        message: "Ingen uppföljningsnivå för 2023 har en kodmappning som matchar ansvar 999, konto 4511.",
      },
      { row: 15, field: "#TRANS", message: "Datumet 2022-12-31 ligger utanför 2023." },
      { row: 16, field: "#TRANS", message: "Datumet 2022-12-31 ligger utanför 2023." },
    ]);
  });
});

describe("matchCode", () => {
  it("prefers the longest pattern and an exact code over a prefix", () => {
    const m: CodeMapping[] = [
      { levelId: "a", dimension: "ansvar", pattern: "4*" },
      { levelId: "b", dimension: "ansvar", pattern: "41*" },
      { levelId: "c", dimension: "ansvar", pattern: "41" },
    ];
    expect(matchCode(m, "ansvar", "4110")?.levelId).toBe("b");
    expect(matchCode(m, "ansvar", "41")?.levelId).toBe("c");
    expect(matchCode(m, "ansvar", "499")?.levelId).toBe("a");
    expect(matchCode(m, "konto", "499")).toBeUndefined();
  });
});
