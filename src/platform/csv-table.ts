// Reading an uploaded CSV table (a register import): bounded in bytes and rows, decoded the way Swedish
// Excel saves it, parsed a slice at a time so other requests run in between, and checked against the
// columns the importer documents. Answers each data line with its line number in the file.
import { parse } from "csv-parse";
import iconv from "iconv-lite";
import { DomainError } from "./errors.ts";
import { formatCount, formatMegabytes } from "./i18n/format.ts";

export type CsvTableSpec = {
  required: readonly string[];
  optional: readonly string[];
  maxBytes: number;
  maxRows: number;
  /** For messages: what a file is ("en beslutsfil") and its rows are, in the plural ("beslut"). */
  fileIs: string;
  rowsAre: string;
  /** Maps a header as written to its column (default: trimmed, lower case); null for an unknown one. */
  columnOf?: (header: string) => string | null;
};

export type CsvLine = { line: number; values: Record<string, string> };
type CsvRecord = { info: { lines: number }; record: string[] };

const SLICE = 64 * 1024;

/** Excel in Sweden often saves CSV as Windows-1252; anything that is not valid UTF-8 is read as that. */
export function decodeCsv(content: Buffer | string, spec: CsvTableSpec): string {
  const size = typeof content === "string" ? Buffer.byteLength(content) : content.length;
  if (size > spec.maxBytes) {
    throw new DomainError(
      "payload_too_large",
      `Filen är för stor: ${spec.fileIs} får vara högst ${formatMegabytes(spec.maxBytes)} MB, den här är ${formatMegabytes(size)} MB. Dela upp den, till exempel per enhet.`,
    );
  }
  if (typeof content === "string") return content;
  const utf8 = new TextDecoder("utf-8", { fatal: false }).decode(content);
  return utf8.includes("\uFFFD") ? iconv.decode(content, "win1252") : utf8;
}

/** Feeds the parser 64 kB at a time and lets other requests run in between; stops at the row limit. */
async function readRecords(text: string, spec: CsvTableSpec): Promise<CsvRecord[]> {
  const header = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  // Swedish Excel separates with semicolons; a header without commas decides it.
  const delimiter = header.includes(";") && !header.includes(",") ? ";" : ",";
  const parser = parse({ bom: true, delimiter, info: true, skip_empty_lines: true, relax_column_count: true });
  const records: CsvRecord[] = [];
  const tooMany = () =>
    new DomainError(
      "payload_too_large",
      `Filen har för många rader: högst ${spec.maxRows.toLocaleString("sv-SE")} ${spec.rowsAre} per fil. Dela upp den, till exempel per enhet.`,
    );
  let failure: Error | null = null;
  parser.on("readable", () => {
    for (let r = parser.read(); r !== null; r = parser.read()) records.push(r as CsvRecord);
  });
  parser.on("error", (error) => {
    failure = error;
  });
  const ended = new Promise((resolve) => parser.on("end", resolve).on("error", resolve));
  for (let i = 0; i < text.length && !failure; i += SLICE) {
    parser.write(text.slice(i, i + SLICE));
    await new Promise((resolve) => setImmediate(resolve));
    if (records.length > spec.maxRows + 1) {
      parser.destroy();
      throw tooMany();
    }
  }
  if (!failure) parser.end();
  await ended;
  if (failure) throw failure;
  if (records.length > spec.maxRows + 1) throw tooMany();
  return records;
}

/** The data lines of a CSV file whose header must name the spec's columns (any order). */
export async function readCsvTable(text: string, spec: CsvTableSpec): Promise<CsvLine[]> {
  let records: CsvRecord[];
  try {
    records = await readRecords(text, spec);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const line = (error as { lines?: number }).lines;
    throw new DomainError(
      "validation",
      `Filen kunde inte läsas som CSV${line ? ` (rad ${line})` : ""}: kontrollera citattecken och avgränsare.`,
    );
  }
  const [head, ...rows] = records;
  if (!head) throw new DomainError("validation", "Filen är tom.");
  const known = new Set<string>([...spec.required, ...spec.optional]);
  const columnOf = spec.columnOf ?? ((h: string) => h.trim().toLowerCase());
  const columns = head.record.map((h) => {
    const column = columnOf(h);
    return column !== null && known.has(column) ? column : null;
  });
  const missing = spec.required.filter((c) => !columns.includes(c));
  const unknown = head.record.filter((_, i) => columns[i] === null);
  if (missing.length || unknown.length) {
    throw new DomainError(
      "validation",
      [
        missing.length ? `Kolumner saknas: ${missing.join(", ")}.` : "",
        unknown.length ? `Okända kolumner: ${unknown.join(", ")}.` : "",
        `Rubrikraden ska vara: ${spec.required.join(",")} (valfritt även ${spec.optional.join(", ")}).`,
      ]
        .filter(Boolean)
        .join(" "),
    );
  }
  return rows.map(({ info, record }) => {
    // info.lines is where the record ends; a quoted field may span lines, so count back to where it began.
    const line = info.lines - record.reduce((n, v) => n + (v.match(/\n/g)?.length ?? 0), 0);
    if (record.length !== columns.length) {
      throw new DomainError(
        "validation",
        `Rad ${line}: ${formatCount(record.length, "värde", "värden")} men ${formatCount(columns.length, "kolumn", "kolumner")} i rubrikraden.`,
      );
    }
    return { line, values: Object.fromEntries(columns.map((c, i) => [c as string, record[i] ?? ""])) };
  });
}
