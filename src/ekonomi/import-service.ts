import fs from "node:fs";
import { type Actor, requireAccess, requirePermissionAnywhere } from "../platform/auth/access.ts";
import { DomainError } from "../platform/errors.ts";
import { formatMegabytes } from "../platform/i18n/format.ts";
import { read, write } from "../platform/service.ts";
import { moduleBeside, movable, runInWorker } from "../platform/worker.ts";
import { applyFigures } from "./figures-service.ts";
import {
  analyseLedger,
  analyseLedgerFile,
  type FileFormat,
  previewLedger,
  type ReadProgress,
  suggestFileMapping,
} from "./import/analyse.ts";
import type { CodeMapping, ColumnMapping } from "./import/ledger.ts";
import * as repo from "./repository.ts";
import type { ImportPreviewInput, ImportSettings } from "./schema.ts";
import { type Db, namndOf } from "./shared-service.ts";
import { importDto } from "./structure-service.ts";

export type { FileFormat };

const MB = 1024 * 1024;
/** Largest file per format. XLSX is zipped XML that unpacks to many times its size, hence the lower bound. */
export const maxFileBytes: Record<FileFormat, number> = { csv: 20 * MB, sie4: 20 * MB, xlsx: 10 * MB };
const formatLabels: Record<FileFormat, string> = { csv: "CSV-fil", sie4: "SIE-fil", xlsx: "XLSX-fil" };
// Heap of the parsing worker: a maximal CSV needs about a third of this; a denser file is refused with 413.
const WORKER_HEAP_MB = 1024;
// Up to this size a file is parsed in place (a few tens of ms); starting a worker costs about half a second.
const INLINE_MAX_BYTES = 64 * 1024;
const analyseModule = moduleBeside("./import/analyse.ts", import.meta.url);
const steps = { previewLedger, analyseLedger };
type Steps = typeof steps;

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

/**
 * The file to import: an upload (base64 text, parsed in a worker thread when large), or from the CLI a file on
 * disk, read a chunk at a time in the CLI's own process (nothing else runs there to be kept waiting).
 */
export type ImportFile = { fileName: string } & ({ contentBase64: string } | { path: string });

/** The size and first bytes of the file, without decoding or reading the rest of it. */
function sizeAndStart(file: ImportFile): { size: number; start: Uint8Array } {
  if ("path" in file) {
    const start = Buffer.alloc(64);
    const fd = fs.openSync(file.path, "r");
    try {
      const read = fs.readSync(fd, start, 0, start.length, 0);
      return { size: fs.fstatSync(fd).size, start: start.subarray(0, read) };
    } finally {
      fs.closeSync(fd);
    }
  }
  // Read from the base64 text without decoding it (decoding and checking a 27 MB text held the event loop).
  const content = file.contentBase64;
  const padding = content.endsWith("==") ? 2 : content.endsWith("=") ? 1 : 0;
  return {
    size: Math.floor((content.length * 3) / 4) - padding,
    start: Buffer.from(content.slice(0, 88), "base64"),
  };
}

/**
 * The file's format and size, refused with 413 before any parsing when over its format's limit. A CSV file on
 * disk has no limit: it is read a chunk at a time, so its length costs time, not memory.
 */
function formatOf(file: ImportFile): { format: FileFormat; size: number } {
  const { size, start } = sizeAndStart(file);
  if (size <= 0) throw new DomainError("validation", "Filen är tom.");
  const format = detectFormat(file.fileName, start);
  if (size > maxFileBytes[format] && !("path" in file && format === "csv")) {
    throw new DomainError(
      "payload_too_large",
      `Filen "${file.fileName}" är för stor: en ${formatLabels[format]} får vara högst ${formatMegabytes(maxFileBytes[format])} MB, den här är ${formatMegabytes(size)} MB. Dela upp filen, till exempel per kvartal.`,
    );
  }
  return { format, size };
}

/**
 * The base64 text as ASCII bytes, copied in slices with a yield between them, so it moves to the worker
 * without a copy there (cloning a 27 MB string held the event loop ~50 ms). Non-ASCII text is no base64.
 */
async function asciiBytes(content: string): Promise<Buffer> {
  if (Buffer.byteLength(content, "utf8") !== content.length) {
    throw new DomainError("validation", "Filinnehållet ska vara base64-kodat.");
  }
  const bytes = Buffer.allocUnsafeSlow(content.length);
  for (let i = 0; i < content.length; i += 4 * MB) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    bytes.write(content.slice(i, i + 4 * MB), i, "latin1");
  }
  return bytes;
}

/**
 * Runs one of the analysis steps on the file (which decodes the base64 itself): in place for a small
 * file, in a worker thread otherwise.
 */
async function analyse<F extends keyof Steps>(
  fn: F,
  fileName: string,
  size: number,
  input: Parameters<Steps[F]>[0] & { contentBase64: string },
): Promise<Awaited<ReturnType<Steps[F]>>> {
  const step = steps[fn] as (input: unknown) => Promise<Awaited<ReturnType<Steps[F]>>>;
  if (size <= INLINE_MAX_BYTES) return step(input);
  const text = await asciiBytes(input.contentBase64);
  return runInWorker<Awaited<ReturnType<Steps[F]>>>({
    module: analyseModule,
    fn,
    input: { ...input, contentBase64: text },
    transfer: movable(text),
    maxHeapMb: WORKER_HEAP_MB,
    tooLargeMessage: `Filen "${fileName}" har för många rader eller celler för att läsas på en gång. Dela upp filen, till exempel per kvartal.`,
  });
}

/** Step 1 of an import: what is in the file, and a suggested mapping for the user to confirm. */
export async function previewImport(actor: Actor, input: ImportPreviewInput) {
  requirePermissionAnywhere(actor, "write:ekonomi");
  const { format, size } = formatOf(input);
  const preview = await analyse("previewLedger", input.fileName, size, {
    contentBase64: input.contentBase64,
    format,
    encoding: input.encoding,
    sheet: input.sheet,
  });
  return { fileName: input.fileName, ...preview };
}

/** The CLI's step 1: a column mapping guessed from a file's header row (null for SIE). */
export function suggestColumns(actor: Actor, file: { fileName: string; path: string }) {
  requirePermissionAnywhere(actor, "write:ekonomi");
  return suggestFileMapping({ path: file.path, format: formatOf(file).format, encoding: "auto" });
}

/**
 * Step 2: import into a committee's year. Every row is parsed and routed to a level before anything is
 * written; any problem refuses the whole file, naming its rows. Importing the same file again changes
 * nothing (figures are set, not added, and an unchanged figure is not rewritten).
 */
export async function runImport(
  db: Db,
  actor: Actor,
  namndId: string,
  year: number,
  input: ImportSettings & ImportFile,
  onProgress?: (progress: ReadProgress) => void,
) {
  // Checked before the file is parsed (which can take seconds), and again in the write.
  namndOf(await requireAccess(db, actor, "write:ekonomi", namndId));
  const forecastId = input.forecastId ?? null;
  if ((input.kind === "prognos") !== Boolean(forecastId)) {
    throw new DomainError("validation", "Prognos: välj vilken prognos filen innehåller (och bara för prognoser).");
  }
  if (forecastId) {
    const forecast = await repo.findForecast(db, forecastId);
    if (!forecast || forecast.org_node_id !== namndId || forecast.year !== year) {
      throw new DomainError("validation", `Prognos: prognosen hör inte till nämnden ${year}.`);
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

  const { format, size } = formatOf(input);
  const settings = {
    format,
    encoding: input.encoding,
    sheet: input.sheet,
    mapping: input.mapping as ColumnMapping | undefined,
    sie: input.sie,
    kind: input.kind,
    sign: input.sign,
    levels: levels.map((l) => ({ id: l.id, name: l.name, code: l.code })),
    mappings,
    unmatched: input.unmatched,
    year,
  };
  const result =
    "path" in input
      ? await analyseLedgerFile({ ...settings, path: input.path }, onProgress)
      : await analyse("analyseLedger", input.fileName, size, { ...settings, contentBase64: input.contentBase64 });
  const { hash, rowsRead, figures, used, skipped } = result;
  const rowsSkipped = skipped.balanceAccounts + skipped.unmatched + skipped.otherYears;

  return write(db, actor, "write:ekonomi", namndId, async (context) => {
    const { trx, audit } = context;
    namndOf(context.node);
    const previous = await repo.findImportByHash(trx, namndId, year, input.kind, forecastId, hash);
    const values = {
      file_name: input.fileName,
      settings: JSON.stringify(result.settings),
      rows_read: rowsRead,
      rows_used: used,
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
    const writes = figures.map((f) => ({ ...f, forecastId }));
    const changed = await applyFigures(context, year, writes, record.id);
    const outcome = {
      alreadyImported: Boolean(previous),
      rowsRead,
      rowsUsed: used,
      rowsSkipped,
      skipped,
      figuresChanged: changed,
    };
    // The same file again, with nothing changed since: no new record, no audit noise.
    if (previous && changed === 0) return { import: importDto(previous), ...outcome };
    const after = await repo.updateImport(trx, record.id, { ...values, figures_changed: changed });
    await audit("ekonomi_import", after.id, previous ? "update" : "create", { before: previous, after });
    return { import: importDto(after), ...outcome };
  });
}

export async function imports(db: Db, actor: Actor, namndId: string, year: number) {
  return read(db, actor, "read", namndId, async ({ node }) => {
    namndOf(node);
    return (await repo.importsOf(db, namndId, year)).map(importDto);
  });
}
