// CSV and XLSX ledger exports as a header row plus data rows, each row keeping the line number the
// user sees in the file or in Excel, so every problem can be named by row.
import type ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { type CsvRecord, type CsvSplitter, CsvSyntaxError, csvSplitter } from "../../platform/csv-stream.ts";
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

/**
 * A file's bytes, readable from the start as often as needed (its encoding is checked before it is parsed):
 * an upload held in memory, or a file on disk streamed by the CLI.
 */
export type ByteSource = () => AsyncIterable<Uint8Array>;

const CHUNK = 1024 * 1024;

/** Bytes already in memory, in chunks of 1 MB. */
export const bytesSource = (bytes: Uint8Array): ByteSource =>
  async function* () {
    for (let i = 0; i < bytes.length; i += CHUNK) yield bytes.subarray(i, i + CHUNK);
  };

/** The lines (1-based) that are not valid UTF-8, the first `limit` of them. */
async function invalidUtf8Lines(source: ByteSource, limit: number): Promise<number[]> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const lines: number[] = [];
  let line = 1;
  let pending: Uint8Array[] = [];
  const check = (parts: Uint8Array[]) => {
    try {
      decoder.decode(Buffer.concat(parts));
    } catch {
      lines.push(line);
    }
  };
  for await (const chunk of source()) {
    let start = 0;
    for (let i = chunk.indexOf(0x0a); i >= 0 && lines.length < limit; i = chunk.indexOf(0x0a, start)) {
      check([...pending, chunk.subarray(start, i)]);
      pending = [];
      start = i + 1;
      line += 1;
    }
    if (lines.length >= limit) return lines;
    pending.push(chunk.subarray(start));
  }
  check(pending);
  return lines.slice(0, limit);
}

/**
 * Exported spreadsheets come as UTF-8 or Windows-1252 (Excel's "CSV (semikolonavgränsad)"): in auto mode a
 * file that is not all valid UTF-8 is Windows-1252. One pass over the bytes, before any is parsed.
 */
async function csvEncoding(source: ByteSource, encoding: CsvEncoding): Promise<string | TableProblem[]> {
  if (encoding === "windows-1252") return encoding;
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    for await (const chunk of source()) decoder.decode(chunk, { stream: true });
    decoder.decode();
    return "utf-8";
  } catch {
    if (encoding === "auto") return "windows-1252";
  }
  return (await invalidUtf8Lines(source, 20)).map((row) => ({
    row,
    message: "Raden är inte giltig UTF-8 (filen verkar vara sparad som Windows-1252/ANSI; välj den teckenkodningen).",
  }));
}

/** The separator that splits the header line into the most columns (semicolon wins ties: Swedish Excel). */
function detectDelimiter(firstLine: string): string {
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, "");
  const counts = [";", "\t", ","].map((d) => ({ d, n: outsideQuotes.split(d).length - 1 }));
  return counts.sort((a, b) => b.n - a.n)[0]?.n ? (counts[0]?.d ?? ";") : ";";
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === "");

/**
 * What reading a table calls: its header row once, then each non-blank data row in file order. A `headers`
 * that answers false has read all it wants: a CSV file is read no further.
 */
export type TableVisitor = { headers: (headers: string[]) => undefined | false; row: (row: TableRow) => void };
export type CsvResult = { ok: true; encoding: string } | { ok: false; problems: TableProblem[] };

/**
 * Reads a CSV file a chunk at a time, holding only the chunk and the record being read, so a file of any
 * length fits in the same memory. Rows go to `visit` as they are read; a row that cannot be read as CSV
 * stops the reading with its line.
 */
export async function readCsv(source: ByteSource, encoding: CsvEncoding, visit: TableVisitor): Promise<CsvResult> {
  const chosen = await csvEncoding(source, encoding);
  if (Array.isArray(chosen)) return { ok: false, problems: chosen };
  const decoder =
    chosen === "utf-8" ? new TextDecoder("utf-8") : (iconv.getDecoder("win1252") as { write(b: Buffer): string });
  const decode = (chunk: Uint8Array) =>
    decoder instanceof TextDecoder ? decoder.decode(chunk, { stream: true }) : decoder.write(Buffer.from(chunk));
  let splitter: CsvSplitter | null = null;
  let head = "";
  let header = true;
  let done = false;
  const take = (records: CsvRecord[]) => {
    for (const r of records) {
      if (done) return;
      if (isBlank(r.cells)) continue;
      if (header) done = visit.headers(r.cells.map((h) => h.trim())) === false;
      else visit.row(r);
      header = false;
    }
  };
  // The delimiter is read off the first non-blank line, so text waits until that line is complete.
  const feed = (text: string, final: boolean) => {
    if (!splitter) {
      head += text;
      const firstLine = head.split(/\r?\n/).find((l) => l.trim() !== "");
      if (firstLine === undefined || (!final && !/\r?\n/.test(head.slice(head.indexOf(firstLine))))) return;
      splitter = csvSplitter(detectDelimiter(firstLine.replace(/^\uFEFF/, "")));
      text = head;
      head = "";
    }
    take(splitter.push(text));
    if (final) take(splitter.end());
  };
  try {
    for await (const chunk of source()) {
      feed(decode(chunk), false);
      if (done) break;
    }
    if (!done) feed(decoder instanceof TextDecoder ? decoder.decode() : "", true);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return { ok: false, problems: [{ row: error.line, message: `Raden kan inte läsas som CSV: ${error.message}.` }] };
  }
  if (header) return { ok: false, problems: [{ row: 1, message: "Filen är tom." }] };
  return { ok: true, encoding: chosen };
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
