// CSV and XLSX ledger exports as a header row plus data rows, each row keeping the line number the
// user sees in the file or in Excel, so every problem can be named by row.
import { parse } from "csv-parse/sync";
import type ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { newWorkbook } from "../../platform/documents/workbook.ts";

export type TableRow = { line: number; cells: string[] };
export type RawTable = {
  format: "csv" | "xlsx";
  encoding: string | null;
  sheet: string | null;
  sheets: string[];
  headers: string[];
  rows: TableRow[];
};
export type TableProblem = { row: number; message: string };
export type TableResult = { ok: true; table: RawTable } | { ok: false; problems: TableProblem[] };
export type CsvEncoding = "auto" | "utf-8" | "windows-1252";

function invalidUtf8Lines(bytes: Uint8Array): number[] {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const lines: number[] = [];
  let start = 0;
  let line = 1;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        lines.push(line);
      }
      start = i + 1;
      line += 1;
    }
  }
  return lines;
}

/** Exported spreadsheets come as UTF-8 or Windows-1252 (Excel's "CSV (semikolonavgränsad)"). */
function decodeCsv(bytes: Uint8Array, encoding: CsvEncoding): { text: string; encoding: string } | TableProblem[] {
  const bad = encoding === "windows-1252" ? [] : invalidUtf8Lines(bytes);
  if (encoding === "utf-8" && bad.length > 0) {
    return bad.slice(0, 20).map((row) => ({
      row,
      message: "Raden är inte giltig UTF-8 (filen verkar vara sparad som Windows-1252/ANSI; välj den teckenkodningen).",
    }));
  }
  if (encoding === "windows-1252" || bad.length > 0) {
    return { text: iconv.decode(Buffer.from(bytes), "win1252"), encoding: "windows-1252" };
  }
  return { text: new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, ""), encoding: "utf-8" };
}

/** The separator that splits the header line into the most columns (semicolon wins ties: Swedish Excel). */
function detectDelimiter(firstLine: string): string {
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, "");
  const counts = [";", "\t", ","].map((d) => ({ d, n: outsideQuotes.split(d).length - 1 }));
  return counts.sort((a, b) => b.n - a.n)[0]?.n ? (counts[0]?.d ?? ";") : ";";
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === "");

export function readCsv(bytes: Uint8Array, encoding: CsvEncoding = "auto"): TableResult {
  const decoded = decodeCsv(bytes, encoding);
  if (Array.isArray(decoded)) return { ok: false, problems: decoded };
  const firstLine = decoded.text.split(/\r?\n/).find((l) => l.trim() !== "") ?? "";
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(decoded.text, {
      delimiter: detectDelimiter(firstLine),
      relax_column_count: true,
      skip_empty_lines: false,
      trim: true,
      info: true,
      bom: true,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return {
      ok: false,
      problems: [{ row: line, message: `Raden kan inte läsas som CSV: ${(error as Error).message}` }],
    };
  }
  const nonBlank = records.filter((r) => !isBlank(r.record));
  const [header, ...data] = nonBlank;
  if (!header) return { ok: false, problems: [{ row: 1, message: "Filen är tom." }] };
  return {
    ok: true,
    table: {
      format: "csv",
      encoding: decoded.encoding,
      sheet: null,
      sheets: [],
      headers: header.record.map((h) => h.trim()),
      rows: data.map((r) => ({ line: r.info.lines, cells: r.record })),
    },
  };
}

/** A cell as text: numbers with at most two decimals kept exact, dates as YYYY-MM-DD, formulas by their result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (Number.isInteger(value)) return String(value);
    const ore = Math.round(value * 100);
    // A binary float such as 1234.5000000001 is an amount in öre; anything finer is left for the amount check to refuse.
    return Math.abs(value * 100 - ore) < 1e-6 ? (ore / 100).toFixed(2) : String(value);
  }
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "SANT" : "FALSKT";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("error" in value) return String(value.error);
  if ("result" in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ("text" in value) return String(value.text);
  return "";
}

export async function readXlsx(bytes: Uint8Array, sheetName?: string): Promise<TableResult> {
  const workbook = await newWorkbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return {
      ok: false,
      problems: [{ row: 1, message: "Filen är ingen giltig XLSX-arbetsbok (Excel 2007 eller senare)." }],
    };
  }
  const sheets = workbook.worksheets.map((w) => w.name);
  const sheet = sheetName ? workbook.getWorksheet(sheetName) : workbook.worksheets[0];
  if (!sheet) {
    return {
      ok: false,
      problems: [
        {
          row: 1,
          message: sheetName
            ? `Bladet "${sheetName}" finns inte (blad: ${sheets.join(", ")}).`
            : "Arbetsboken har inga blad.",
        },
      ],
    };
  }
  const rows: TableRow[] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells = Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value).trim());
    if (!isBlank(cells)) rows.push({ line, cells });
  });
  const [header, ...data] = rows;
  if (!header) return { ok: false, problems: [{ row: 1, message: `Bladet "${sheet.name}" är tomt.` }] };
  // Trailing empty header cells are formatting, not columns.
  let headers = header.cells;
  while (headers.length && headers[headers.length - 1] === "") headers = headers.slice(0, -1);
  return { ok: true, table: { format: "xlsx", encoding: null, sheet: sheet.name, sheets, headers, rows: data } };
}
