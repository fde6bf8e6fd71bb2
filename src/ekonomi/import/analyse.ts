// The CPU-heavy half of a ledger import — decode, parse, map and sum the file — as pure functions the
// import service runs in a worker thread (platform/worker.ts), so a large file never stalls the server.
// Input and output are plain data: the file as base64 in, a preview or the summed figures out.
import crypto from "node:crypto";
import fs from "node:fs";
import { DomainError } from "../../platform/errors.ts";
import { formatCount } from "../../platform/i18n/format.ts";
import { problemsToText } from "../../platform/validation.ts";
import { decodeBase64 } from "./base64.ts";
import {
  type AggregateContext,
  type Aggregation,
  aggregate,
  type ColumnMapping,
  entriesFromSie,
  type ImportKind,
  type ImportProblem,
  type SignConvention,
  suggestMapping,
  suggestSieDims,
  summing,
  type TableReader,
  tableReader,
} from "./ledger.ts";
import { readSie, type SieEncoding } from "./sie4.ts";
import {
  type ByteSource,
  bytesSource,
  readCsv,
  readXlsx,
  type TableProblem,
  type TableRow,
  type TableVisitor,
} from "./tabular.ts";

export const fileFormats = ["csv", "xlsx", "sie4"] as const;
export type FileFormat = (typeof fileFormats)[number];
export type FileEncoding = "auto" | "utf-8" | "windows-1252" | "cp437";

const MAX_PROBLEMS = 200;
/** How often a large file's reading reports how far it has come (the CLI prints it). */
export const PROGRESS_ROWS = 50_000;

type FileInput = { source: ByteSource; format: FileFormat; encoding: FileEncoding; sheet?: string };
/** How far the reading of a file has come, in rows. */
export type ReadProgress = { rowsRead: number };

/**
 * The source, hashing (SHA-256) what each reading of it yields: `digest` is the hash of the file once a reading
 * has gone through all of it, so the file needs no pass of its own for its hash.
 */
function hashing(source: ByteSource): { source: ByteSource; digest: () => string } {
  let hash = crypto.createHash("sha256");
  return {
    source: async function* () {
      hash = crypto.createHash("sha256");
      for await (const chunk of source()) {
        hash.update(chunk);
        yield chunk;
      }
    },
    digest: () => hash.digest("hex"),
  };
}

/** A file held whole (XLSX and SIE are parsed in one piece). */
async function wholeFile(source: ByteSource): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of source()) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/**
 * A file's problems in file order: the first MAX_PROBLEMS kept for the answer, all of them and their rows
 * counted, so a file where every one of a million rows is wrong costs no more memory than one.
 */
function problemList() {
  const kept: ImportProblem[] = [];
  let count = 0;
  let rows = 0;
  let lastRow: number | null = null;
  return {
    push(problem: ImportProblem) {
      count += 1;
      if (problem.row !== lastRow) rows += 1;
      lastRow = problem.row;
      if (kept.length < MAX_PROBLEMS) kept.push(problem);
    },
    get count() {
      return count;
    },
    refuseIfAny(rowsRead: number) {
      if (count === 0) return;
      throw new DomainError(
        "validation",
        `Inget importerades: ${formatCount(rows, "rad", "rader")} har fel. ${problemsToText(kept.slice(0, 5))}${count > 5 ? " …" : ""}`,
        { problems: kept, problemCount: count, rowsRead },
      );
    },
  };
}
type ProblemList = ReturnType<typeof problemList>;

/** Refuses the file with `problems` found in any order (a SIE file's, or a table's before its rows). */
function refuse(problems: ImportProblem[], rowsRead: number): never {
  const list = problemList();
  for (const p of [...problems].sort((a, b) => a.row - b.row)) list.push(p);
  list.refuseIfAny(rowsRead);
  throw new Error("refuse() without problems");
}

const tableProblems = (problems: TableProblem[]): ImportProblem[] =>
  problems.map((p) => ({ row: p.row, field: "(filen)", message: p.message }));

/**
 * Reads a CSV or XLSX file's header and rows into `visit`: a CSV a chunk at a time, an XLSX whole (exceljs
 * reads a workbook in one piece). Answers the file's encoding and sheets.
 */
async function readTable(
  input: FileInput & { format: "csv" | "xlsx" },
  visit: TableVisitor,
): Promise<{ encoding: string | null; sheet: string | null; sheets: string[] }> {
  if (input.format === "xlsx") {
    const result = await readXlsx(await wholeFile(input.source), input.sheet);
    if (!result.ok) refuse(tableProblems(result.problems), 0);
    visit.headers(result.table.headers);
    for (const row of result.table.rows) visit.row(row);
    return { encoding: null, sheet: result.table.sheet, sheets: result.table.sheets };
  }
  if (input.encoding === "cp437") {
    throw new DomainError(
      "validation",
      "Teckenkodning: CP437 gäller SIE-filer; välj UTF-8 eller Windows-1252 för CSV.",
    );
  }
  const result = await readCsv(input.source, input.encoding, visit);
  if (!result.ok) refuse(tableProblems(result.problems), 0);
  return { encoding: result.encoding, sheet: null, sheets: [] };
}

const sieEncoding = (encoding: FileEncoding) => (encoding === "auto" ? "auto" : (encoding as SieEncoding));

/** Step 1 of an import: what is in the file, and a suggested mapping for the user to confirm. */
async function previewFile(input: FileInput) {
  const hashed = hashing(input.source);
  input = { ...input, source: hashed.source };
  if (input.format === "sie4") {
    const bytes = await wholeFile(input.source);
    const { file, problems, encoding } = readSie(bytes, sieEncoding(input.encoding));
    return {
      fileHash: hashed.digest(),
      format: input.format,
      sizeBytes: bytes.length,
      encoding,
      problems: problems.slice(0, MAX_PROBLEMS).map((p) => ({ row: p.line, field: "(filen)", message: p.message })),
      problemCount: problems.length,
      sie: {
        program: file.program,
        company: file.company,
        fiscalYears: file.fiscalYears.map((y) => ({ index: y.index, start: y.start, end: y.end })),
        dimensions: file.dimensions,
        suggested: suggestSieDims(file),
        counts: {
          vouchers: file.vouchers.length,
          transactions: file.vouchers.reduce((t, v) => t + v.transactions.length, 0),
          psaldo: file.psaldo.length,
          pbudget: file.pbudget.length,
          res: file.res.length,
          accounts: Object.keys(file.accounts).length,
        },
      },
    };
  }
  let headers: string[] = [];
  const sampleRows: TableRow[] = [];
  let rowCount = 0;
  let sizeBytes = 0;
  const counted: ByteSource = async function* () {
    sizeBytes = 0;
    for await (const chunk of input.source()) {
      sizeBytes += chunk.length;
      yield chunk;
    }
  };
  const table = await readTable(
    { ...input, source: counted, format: input.format },
    {
      headers: (h) => {
        headers = h;
      },
      row: (row) => {
        rowCount += 1;
        if (sampleRows.length < 15) sampleRows.push(row);
      },
    },
  );
  return {
    fileHash: hashed.digest(),
    format: input.format,
    sizeBytes,
    encoding: table.encoding,
    sheet: table.sheet,
    sheets: table.sheets,
    headers,
    sampleRows,
    rowCount,
    suggestedMapping: suggestMapping(headers),
    problems: [],
    problemCount: 0,
  };
}

export type LedgerAnalysisInput = Omit<AggregateContext, "sign"> & {
  format: FileFormat;
  encoding: FileEncoding;
  sheet?: string;
  kind: ImportKind;
  sign: SignConvention;
  mapping?: ColumnMapping;
  sie?: { ansvarDim?: string | null; verksamhetDim?: string | null };
};

type Analysed = {
  rowsRead: number;
  otherYears: number;
  settings: Record<string, unknown>;
  summed: Omit<Aggregation, "problems">;
};

/** A SIE file, held whole: which of its sources counts depends on what the whole file holds. */
async function analyseSie(input: FileInput & LedgerAnalysisInput, problems: ProblemList): Promise<Analysed> {
  const { file, problems: formatProblems } = readSie(await wholeFile(input.source), sieEncoding(input.encoding));
  if (formatProblems.length) {
    refuse(
      formatProblems.map((p) => ({ row: p.line, field: "(filen)", message: p.message })),
      0,
    );
  }
  const suggested = suggestSieDims(file);
  const ansvarDim = input.sie?.ansvarDim === undefined ? suggested.ansvarDim : input.sie.ansvarDim;
  const verksamhetDim = input.sie?.verksamhetDim === undefined ? suggested.verksamhetDim : input.sie.verksamhetDim;
  const useDims = (["ansvar", "verksamhet"] as const).filter((d) => input.mappings.some((m) => m.dimension === d));
  const read = entriesFromSie(file, {
    year: input.year,
    kind: input.kind,
    ansvarDim: ansvarDim ?? null,
    verksamhetDim: verksamhetDim ?? null,
    useDims,
  });
  // SIE amounts are always debit-positive.
  const { problems: routing, ...summed } = aggregate(read.entries, { ...input, sign: "ledger" });
  // The rows' own problems and their routing, in line order.
  for (const p of [...read.problems, ...routing].sort((a, b) => a.row - b.row)) problems.push(p);
  return {
    rowsRead: read.entries.length + read.skipped + read.problems.length,
    otherYears: read.skipped,
    settings: { source: read.source, ansvarDim, verksamhetDim, sign: "ledger" },
    summed,
  };
}

/** A CSV or XLSX file, each row summed as it is read. */
async function analyseTable(
  input: FileInput & LedgerAnalysisInput & { format: "csv" | "xlsx" },
  problems: ProblemList,
  onProgress?: (p: ReadProgress) => void,
): Promise<Analysed> {
  const mapping = input.mapping;
  if (!mapping) {
    throw new DomainError("validation", "Kolumner: ange vilka kolumner som är belopp, period och nivå.");
  }
  const sum = summing(input);
  let reader: TableReader | null = null;
  let rowsRead = 0;
  const table = await readTable(input, {
    headers: (headers) => {
      reader = tableReader(headers, mapping, input.year);
      for (const p of reader.problems) problems.push(p);
    },
    row: (row) => {
      const entry = (reader as TableReader).read(row, problems);
      if (entry) sum.add(entry, problems);
      rowsRead += 1;
      if (rowsRead % PROGRESS_ROWS === 0) onProgress?.({ rowsRead });
    },
  });
  const settings = { mapping, sign: input.sign, encoding: table.encoding, sheet: table.sheet };
  return { rowsRead, otherYears: 0, settings, summed: sum.result() };
}

/**
 * Step 2 without the database: every row parsed and routed to a level, summed per level, kind and
 * period, as the rows are read (a CSV file is never held whole). Any problem refuses the whole file, naming
 * its rows: the rows' own problems and their routing together, so a file's problems come in one answer. A
 * SIE file that cannot be read as SIE is refused with its format problems first (its content is not known).
 */
async function analyseFile(input: FileInput & LedgerAnalysisInput, onProgress?: (p: ReadProgress) => void) {
  const hashed = hashing(input.source);
  input = { ...input, source: hashed.source };
  const problems = problemList();
  const { rowsRead, otherYears, settings, summed } =
    input.format === "sie4"
      ? await analyseSie(input, problems)
      : await analyseTable({ ...input, format: input.format }, problems, onProgress);
  const hash = hashed.digest();
  problems.refuseIfAny(rowsRead);
  if (summed.figures.length === 0) throw new DomainError("validation", "Filen innehåller inga belopp att importera.");
  return {
    hash,
    rowsRead,
    figures: summed.figures,
    used: summed.used,
    skipped: { balanceAccounts: summed.skippedBalance, unmatched: summed.skippedUnmatched, otherYears },
    settings: { ...settings, unmatched: input.unmatched },
  };
}

/** A step's input as uploaded: the file as base64 text, decoded by the step itself (in the worker for a large file). */
type Encoded<T> = T & { contentBase64: string | Uint8Array };
/** A step's input from the CLI: a file on disk, read a chunk at a time. */
type OnDisk<T> = T & { path: string };

const fileSource =
  (file: string): ByteSource =>
  () =>
    fs.createReadStream(file, { highWaterMark: 1024 * 1024 });

type PreviewInput = Omit<FileInput, "source">;

export const previewLedger = ({ contentBase64, ...input }: Encoded<PreviewInput>) =>
  previewFile({ ...input, source: bytesSource(decodeBase64(contentBase64)) });

/**
 * The CLI's guess at the column mapping of a CSV or XLSX file on disk, from its header row (a CSV file is
 * read no further); null for a SIE file, which has no columns.
 */
export async function suggestFileMapping({ path, ...input }: OnDisk<PreviewInput>) {
  if (input.format === "sie4") return null;
  let headers: string[] = [];
  await readTable(
    { ...input, format: input.format, source: fileSource(path) },
    {
      headers: (h) => {
        headers = h;
        return false;
      },
      row: () => {},
    },
  );
  return suggestMapping(headers);
}

export const analyseLedger = ({ contentBase64, ...input }: Encoded<LedgerAnalysisInput>) =>
  analyseFile({ ...input, source: bytesSource(decodeBase64(contentBase64)) });

export const analyseLedgerFile = (
  { path, ...input }: OnDisk<LedgerAnalysisInput>,
  onProgress?: (p: ReadProgress) => void,
) => analyseFile({ ...input, source: fileSource(path) }, onProgress);
