// Ledger import: preview (columns and a first guess at the mapping), then the import itself — parse
// and check every row first, then write everything in one transaction or nothing at all.
import crypto from "node:crypto";
import type { Kysely } from "kysely";
import { recordAudit } from "../platform/audit/audit.ts";
import { type Actor, requirePermissionAnywhere } from "../platform/auth/access.ts";
import type { DB } from "../platform/db/schema.ts";
import { DomainError } from "../platform/errors.ts";
import { problemsToText } from "../platform/validation.ts";
import { applyFigures } from "./figures-service.ts";
import {
  aggregate,
  type CodeMapping,
  type ColumnMapping,
  entriesFromSie,
  entriesFromTable,
  type ImportProblem,
  type LedgerEntry,
  suggestMapping,
  suggestSieDims,
} from "./import/ledger.ts";
import { readSie, type SieEncoding } from "./import/sie4.ts";
import { type RawTable, readCsv, readXlsx, type TableProblem } from "./import/tabular.ts";
import * as repo from "./repository.ts";
import type { ImportInput, ImportPreviewInput } from "./schema.ts";
import { requireNamnd } from "./service-helpers.ts";
import { importDto } from "./structure-service.ts";

type Db = Kysely<DB>;
export type FileFormat = "csv" | "xlsx" | "sie4";

const MAX_PROBLEMS = 200;

/** XLSX is a zip (PK..); SIE files start with #FLAGGA or another #label; everything else is read as CSV. */
function detectFormat(fileName: string, bytes: Uint8Array): FileFormat {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "xlsx";
  const name = fileName.toLowerCase();
  if (name.endsWith(".xlsx")) return "xlsx";
  if (/\.(se|si|sie)$/.test(name)) return "sie4";
  const start = Buffer.from(bytes.subarray(0, 64))
    .toString("latin1")
    .replace(/^\uFEFF/, "")
    .trimStart();
  if (start.startsWith("#")) return "sie4";
  return "csv";
}

function decodeBase64(content: string): Buffer {
  const bytes = Buffer.from(content, "base64");
  if (bytes.length === 0) throw new DomainError("validation", "Filen är tom.");
  return bytes;
}

const sha256 = (bytes: Uint8Array) => crypto.createHash("sha256").update(bytes).digest("hex");

function refuse(problems: ImportProblem[], rowsRead: number): never {
  const sorted = [...problems].sort((a, b) => a.row - b.row);
  const rows = new Set(sorted.map((p) => p.row)).size;
  throw new DomainError(
    "validation",
    `Inget importerades: ${rows === 1 ? "en rad har" : `${rows} rader har`} fel. ${problemsToText(sorted.slice(0, 5))}${sorted.length > 5 ? " …" : ""}`,
    { problems: sorted.slice(0, MAX_PROBLEMS), problemCount: sorted.length, rowsRead },
  );
}

const tableProblems = (problems: TableProblem[]): ImportProblem[] =>
  problems.map((p) => ({ row: p.row, field: "(filen)", message: p.message }));

async function readTable(format: "csv" | "xlsx", bytes: Buffer, encoding: string, sheet?: string): Promise<RawTable> {
  if (format === "csv" && encoding === "cp437") {
    throw new DomainError(
      "validation",
      'Fältet "encoding": CP437 gäller SIE-filer; välj UTF-8 eller Windows-1252 för CSV.',
    );
  }
  const result =
    format === "xlsx" ? await readXlsx(bytes, sheet) : readCsv(bytes, encoding as "auto" | "utf-8" | "windows-1252");
  if (!result.ok) refuse(tableProblems(result.problems), 0);
  return result.table;
}

/** Step 1 of an import: what is in the file, and a suggested mapping for the user to confirm. */
export async function previewImport(actor: Actor, input: ImportPreviewInput) {
  requirePermissionAnywhere(actor, "write:ekonomi");
  const bytes = decodeBase64(input.contentBase64);
  const format = detectFormat(input.fileName, bytes);
  const base = { fileName: input.fileName, fileHash: sha256(bytes), format, sizeBytes: bytes.length };
  if (format === "sie4") {
    const { file, problems, encoding } = readSie(
      bytes,
      input.encoding === "auto" ? "auto" : (input.encoding as SieEncoding),
    );
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
  const table = await readTable(format, bytes, input.encoding, input.sheet);
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

/**
 * Step 2: import into a committee's year. Every row is parsed and routed to a level before anything is
 * written; any problem refuses the whole file, naming its rows. Importing the same file again changes
 * nothing (figures are set, not added, and an unchanged figure is not rewritten).
 */
export async function runImport(db: Db, actor: Actor, namndId: string, year: number, input: ImportInput) {
  await requireNamnd(db, actor, "write:ekonomi", namndId);
  const bytes = decodeBase64(input.contentBase64);
  const hash = sha256(bytes);
  const format = detectFormat(input.fileName, bytes);
  const forecastId = input.forecastId ?? null;
  if ((input.kind === "prognos") !== Boolean(forecastId)) {
    throw new DomainError(
      "validation",
      'Fältet "forecastId": välj vilken prognos filen innehåller (och bara för prognoser).',
    );
  }
  if (forecastId) {
    const forecast = await repo.findForecast(db, forecastId);
    if (!forecast || forecast.org_node_id !== namndId || forecast.year !== year) {
      throw new DomainError("validation", `Fältet "forecastId": prognosen hör inte till nämnden ${year}.`);
    }
  }
  const levels = await repo.levelsOf(db, namndId, year);
  if (levels.length === 0) {
    throw new DomainError(
      "validation",
      `Det finns inga uppföljningsnivåer för ${year}; skapa dem innan du importerar.`,
    );
  }
  const mappings: CodeMapping[] = (await repo.mappingsOf(db, namndId, year)).map((m) => ({
    levelId: m.level_id,
    dimension: m.dimension as CodeMapping["dimension"],
    pattern: m.pattern,
  }));

  let entries: LedgerEntry[];
  let rowsRead: number;
  let otherYears = 0;
  let settings: Record<string, unknown>;
  if (format === "sie4") {
    const { file, problems } = readSie(bytes, input.encoding === "auto" ? "auto" : (input.encoding as SieEncoding));
    if (problems.length) {
      refuse(
        problems.map((p) => ({ row: p.line, field: "(filen)", message: p.message })),
        0,
      );
    }
    const suggested = suggestSieDims(file);
    const ansvarDim = input.sie?.ansvarDim === undefined ? suggested.ansvarDim : input.sie.ansvarDim;
    const verksamhetDim = input.sie?.verksamhetDim === undefined ? suggested.verksamhetDim : input.sie.verksamhetDim;
    const useDims = (["ansvar", "verksamhet"] as const).filter((d) => mappings.some((m) => m.dimension === d));
    const read = entriesFromSie(file, {
      year,
      kind: input.kind,
      ansvarDim: ansvarDim ?? null,
      verksamhetDim: verksamhetDim ?? null,
      useDims,
    });
    rowsRead = read.entries.length + read.skipped + read.problems.length;
    if (read.problems.length) refuse(read.problems, rowsRead);
    entries = read.entries;
    otherYears = read.skipped;
    settings = { source: read.source, ansvarDim, verksamhetDim, sign: "ledger" };
  } else {
    if (!input.mapping) {
      throw new DomainError("validation", 'Fältet "mapping": ange vilka kolumner som är belopp, period och nivå.');
    }
    const table = await readTable(format, bytes, input.encoding, input.sheet);
    rowsRead = table.rows.length;
    const read = entriesFromTable(table, input.mapping as ColumnMapping, year);
    if (read.problems.length) refuse(read.problems, rowsRead);
    entries = read.entries;
    settings = { mapping: input.mapping, sign: input.sign, encoding: table.encoding, sheet: table.sheet };
  }

  // SIE amounts are always debit-positive; for CSV/XLSX the user says which convention the file uses.
  const sign = format === "sie4" ? "ledger" : input.sign;
  const result = aggregate(entries, { kind: input.kind, sign, levels, mappings, unmatched: input.unmatched, year });
  if (result.problems.length) refuse(result.problems, rowsRead);
  if (result.figures.length === 0) throw new DomainError("validation", "Filen innehåller inga belopp att importera.");
  const rowsSkipped = result.skippedBalance + result.skippedUnmatched + otherYears;
  settings = { ...settings, unmatched: input.unmatched };

  return db.transaction().execute(async (trx) => {
    const previous = await repo.findImportByHash(trx, namndId, year, input.kind, forecastId, hash);
    const values = {
      file_name: input.fileName,
      settings: JSON.stringify(settings),
      rows_read: rowsRead,
      rows_used: result.used,
      rows_skipped: rowsSkipped,
      imported_by: actor.id,
    };
    const record =
      previous ??
      (await repo.insertImport(trx, {
        org_node_id: namndId,
        year,
        format,
        file_hash: hash,
        kind: input.kind,
        forecast_id: forecastId,
        figures_changed: 0,
        ...values,
      }));
    const writes = result.figures.map((f) => ({ ...f, forecastId }));
    const changed = await applyFigures(trx, actor, namndId, year, writes, record.id);
    const outcome = {
      alreadyImported: Boolean(previous),
      rowsRead,
      rowsUsed: result.used,
      rowsSkipped,
      skipped: { balanceAccounts: result.skippedBalance, unmatched: result.skippedUnmatched, otherYears },
      figuresChanged: changed,
    };
    // The same file again, with nothing changed since: no new record, no audit noise.
    if (previous && changed === 0) return { import: importDto(previous), ...outcome };
    const after = await repo.updateImport(trx, record.id, { ...values, figures_changed: changed });
    await recordAudit(trx, actor, {
      entity: "ekonomi_import",
      entityId: after.id,
      orgNodeId: namndId,
      action: previous ? "update" : "create",
      before: previous,
      after,
    });
    return { import: importDto(after), ...outcome };
  });
}

export async function imports(db: Db, actor: Actor, namndId: string, year: number) {
  await requireNamnd(db, actor, "read", namndId);
  return (await repo.importsOf(db, namndId, year)).map(importDto);
}
