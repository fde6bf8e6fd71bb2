// The CPU-heavy half of a ledger import — decode, parse, map and sum the file — as pure functions the
// import service runs in a worker thread (platform/worker.ts), so a large file never stalls the server.
// Input and output are plain data: the file as base64 in, a preview or the summed figures out.
import crypto from "node:crypto";
import { DomainError } from "../../platform/errors.ts";
import { formatCount } from "../../platform/i18n/format.ts";
import { problemsToText } from "../../platform/validation.ts";
import { decodeBase64 } from "./base64.ts";
import {
  type AggregateContext,
  aggregate,
  type ColumnMapping,
  entriesFromSie,
  entriesFromTable,
  type ImportKind,
  type ImportProblem,
  type LedgerEntry,
  type SignConvention,
  suggestMapping,
  suggestSieDims,
} from "./ledger.ts";
import { readSie, type SieEncoding } from "./sie4.ts";
import { type RawTable, readCsv, readXlsx, type TableProblem } from "./tabular.ts";

export const fileFormats = ["csv", "xlsx", "sie4"] as const;
export type FileFormat = (typeof fileFormats)[number];
export type FileEncoding = "auto" | "utf-8" | "windows-1252" | "cp437";

const MAX_PROBLEMS = 200;

type FileInput = { bytes: Uint8Array; format: FileFormat; encoding: FileEncoding; sheet?: string };

const sha256 = (bytes: Uint8Array) => crypto.createHash("sha256").update(bytes).digest("hex");

function refuse(problems: ImportProblem[], rowsRead: number): never {
  const sorted = [...problems].sort((a, b) => a.row - b.row);
  const rows = new Set(sorted.map((p) => p.row)).size;
  throw new DomainError(
    "validation",
    `Inget importerades: ${formatCount(rows, "rad", "rader")} har fel. ${problemsToText(sorted.slice(0, 5))}${sorted.length > 5 ? " …" : ""}`,
    { problems: sorted.slice(0, MAX_PROBLEMS), problemCount: sorted.length, rowsRead },
  );
}

const tableProblems = (problems: TableProblem[]): ImportProblem[] =>
  problems.map((p) => ({ row: p.row, field: "(filen)", message: p.message }));

async function readTable(input: FileInput & { format: "csv" | "xlsx" }): Promise<RawTable> {
  if (input.format === "csv" && input.encoding === "cp437") {
    throw new DomainError(
      "validation",
      "Teckenkodning: CP437 gäller SIE-filer; välj UTF-8 eller Windows-1252 för CSV.",
    );
  }
  const result =
    input.format === "xlsx"
      ? await readXlsx(input.bytes, input.sheet)
      : readCsv(input.bytes, input.encoding as "auto" | "utf-8" | "windows-1252");
  if (!result.ok) refuse(tableProblems(result.problems), 0);
  return result.table;
}

const sieEncoding = (encoding: FileEncoding) => (encoding === "auto" ? "auto" : (encoding as SieEncoding));

/** Step 1 of an import: what is in the file, and a suggested mapping for the user to confirm. */
async function previewBytes(input: FileInput) {
  const base = { fileHash: sha256(input.bytes), format: input.format, sizeBytes: input.bytes.length };
  if (input.format === "sie4") {
    const { file, problems, encoding } = readSie(input.bytes, sieEncoding(input.encoding));
    return {
      ...base,
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
  const table = await readTable({ ...input, format: input.format });
  return {
    ...base,
    encoding: table.encoding,
    sheet: table.sheet,
    sheets: table.sheets,
    headers: table.headers,
    sampleRows: table.rows.slice(0, 15),
    rowCount: table.rows.length,
    suggestedMapping: suggestMapping(table.headers),
    problems: [],
    problemCount: 0,
  };
}

export type LedgerAnalysisInput = FileInput &
  Omit<AggregateContext, "sign"> & {
    kind: ImportKind;
    sign: SignConvention;
    mapping?: ColumnMapping;
    sie?: { ansvarDim?: string | null; verksamhetDim?: string | null };
  };

/**
 * Step 2 without the database: every row parsed and routed to a level, summed per level, kind and
 * period. Any problem refuses the whole file, naming its rows: the rows' own problems and their routing
 * together, so a file's problems come in one answer. A SIE file that cannot be read as SIE is refused
 * with its format problems first (its content is not known).
 */
async function analyseBytes(input: LedgerAnalysisInput) {
  const hash = sha256(input.bytes);
  let entries: LedgerEntry[];
  let rowProblems: ImportProblem[];
  let rowsRead: number;
  let otherYears = 0;
  let settings: Record<string, unknown>;
  if (input.format === "sie4") {
    const { file, problems } = readSie(input.bytes, sieEncoding(input.encoding));
    if (problems.length) {
      refuse(
        problems.map((p) => ({ row: p.line, field: "(filen)", message: p.message })),
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
    rowsRead = read.entries.length + read.skipped + read.problems.length;
    entries = read.entries;
    rowProblems = read.problems;
    otherYears = read.skipped;
    settings = { source: read.source, ansvarDim, verksamhetDim, sign: "ledger" };
  } else {
    if (!input.mapping) {
      throw new DomainError("validation", "Kolumner: ange vilka kolumner som är belopp, period och nivå.");
    }
    const table = await readTable({ ...input, format: input.format });
    rowsRead = table.rows.length;
    const read = entriesFromTable(table, input.mapping, input.year);
    entries = read.entries;
    rowProblems = read.problems;
    settings = { mapping: input.mapping, sign: input.sign, encoding: table.encoding, sheet: table.sheet };
  }

  // SIE amounts are always debit-positive; for CSV/XLSX the user says which convention the file uses.
  const sign = input.format === "sie4" ? "ledger" : input.sign;
  const { kind, levels, mappings, unmatched, year } = input;
  const result = aggregate(entries, { kind, sign, levels, mappings, unmatched, year });
  const problems = [...rowProblems, ...result.problems];
  if (problems.length) refuse(problems, rowsRead);
  if (result.figures.length === 0) throw new DomainError("validation", "Filen innehåller inga belopp att importera.");
  return {
    hash,
    rowsRead,
    figures: result.figures,
    used: result.used,
    skipped: { balanceAccounts: result.skippedBalance, unmatched: result.skippedUnmatched, otherYears },
    settings: { ...settings, unmatched: input.unmatched },
  };
}

/** A step's input as uploaded: the file as base64 text, decoded by the step itself (in the worker for a large file). */
type Encoded<T> = Omit<T, "bytes"> & { contentBase64: string | Uint8Array };

export const previewLedger = ({ contentBase64, ...input }: Encoded<FileInput>) =>
  previewBytes({ ...input, bytes: decodeBase64(contentBase64) });

export const analyseLedger = ({ contentBase64, ...input }: Encoded<LedgerAnalysisInput>) =>
  analyseBytes({ ...input, bytes: decodeBase64(contentBase64) });
