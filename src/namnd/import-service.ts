// `lots namnd diarium import`: an older diarium (a spreadsheet saved as CSV) into the nämnd's, all or
// nothing. Numbers are kept as written (any variant, normalised) and each year's series is moved past the
// highest imported number, so the next registration follows them. Any problem rejects the whole file, each
// reported as "Rad N: kolumn: meddelande".

import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Actor } from "../platform/auth/access.ts";
import { todayInSweden } from "../platform/calendar.ts";
import { type CsvTableSpec, decodeCsv, readCsvTable } from "../platform/csv-table.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { DomainError } from "../platform/errors.ts";
import { write } from "../platform/service.ts";
import { describeIssues, type FieldProblem, validationError } from "../platform/validation.ts";
import { namndOf } from "./case-read-service.ts";
import { caseTypeFor, ensureCaseTypes } from "./case-write-service.ts";
import { parseDiarienummer } from "./diarienummer.ts";
import * as repo from "./repository.ts";
import { checkCase } from "./rules.ts";
import { isoDate } from "./schema.ts";
import type { NamndDB } from "./tables.ts";
import { type CaseStatus, TITLE_MAX } from "./vocabulary.ts";

/** The columns, as documented (docs/namnd.md); headers are matched without case or diacritics. */
export const requiredColumns = ["diarienummer", "rubrik", "inkom", "typ", "handläggare"] as const;
/** Optional: the registration date (default: inkom), status (default öppet, or avslutat with a date) and closing date. */
export const optionalColumns = ["registrerad", "status", "avslutad"] as const;

const fold = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
const columnByFolded = new Map([...requiredColumns, ...optionalColumns].map((c) => [fold(c), c]));

const emptyToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
const optionalDate = z.preprocess((v) => emptyToNull(typeof v === "string" ? v.trim() : v), isoDate.nullable());
const statusText: Record<string, CaseStatus> = { oppet: "oppet", vilande: "vilande", avslutat: "avslutat" };

const csvRow = z.object({
  diarienummer: z.string(),
  rubrik: z.string().trim().min(1, "Ange ärendets rubrik.").max(TITLE_MAX, `Högst ${TITLE_MAX} tecken.`),
  inkom: optionalDate,
  typ: z.string().trim().min(1, "Ange ärendetyp."),
  handläggare: z.string().trim(),
  registrerad: optionalDate.optional(),
  status: z.preprocess(
    (v) => (typeof v === "string" ? (emptyToNull(fold(v)) ?? undefined) : v),
    z
      .enum(Object.keys(statusText) as [string, ...string[]], "Status ska vara öppet, vilande eller avslutat.")
      .optional(),
  ),
  avslutad: optionalDate.optional(),
});

const csvTable: CsvTableSpec = {
  required: requiredColumns,
  optional: optionalColumns,
  maxBytes: 10 * 1024 * 1024,
  maxRows: 100_000,
  fileIs: "en diariefil",
  rowsAre: "ärenden",
  columnOf: (header) => columnByFolded.get(fold(header)) ?? null,
};

/** API field → CSV column, so rule problems name the column the user wrote. */
const columnOf: Record<string, string> = {
  title: "rubrik",
  receivedOn: "inkom",
  closedOn: "avslutad",
  status: "status",
  type: "typ",
};

export type ImportResult = {
  accepted: number;
  /** Numbers written in another variant than the canonical one. */
  normalised: number;
  /** The last number of each year's series after the import. */
  series: { year: number; lastNumber: number }[];
};

export async function importCasesCsv(
  db: DbOf<NamndDB>,
  actor: Actor,
  options: { orgNodeId: string; content: Buffer | string },
): Promise<ImportResult> {
  const lines = await readCsvTable(decodeCsv(options.content, csvTable), csvTable);
  if (lines.length === 0) throw new DomainError("validation", "Filen har en rubrikrad men inga ärenden.");
  const namnd = await namndOf(db, options.orgNodeId);
  return write(db, actor, "write:namnd", namnd.id, async ({ trx, node, auditMany }) => {
    const today = todayInSweden();
    const handlers = await repo.handlersUnder(trx, node.path, today);
    const types = await ensureCaseTypes(trx, node.path);
    const problems: FieldProblem[] = [];
    const planned: (repo.CaseValues & { id: string })[] = [];
    const seen = new Map<string, number>();
    let normalised = 0;

    for (const { line, values } of lines) {
      const parsed = csvRow.safeParse(values);
      if (!parsed.success) {
        problems.push(...describeIssues(parsed.error, line));
        continue;
      }
      const r = parsed.data;
      const rowProblems: FieldProblem[] = [];
      const add = (field: string, message: string) => rowProblems.push({ row: line, field, message });

      const number = parseDiarienummer(r.diarienummer, namnd.prefix);
      if (!number.ok) add("diarienummer", number.message);
      else if (number.value.foreign) {
        add(
          "diarienummer",
          `${number.value.canonical} hör till ett annat diarium (${number.value.prefix}), inte ${namnd.prefix}.`,
        );
      } else if (seen.has(number.value.canonical)) {
        add("diarienummer", `${number.value.canonical} finns redan på rad ${seen.get(number.value.canonical)}.`);
      } else seen.set(number.value.canonical, line);

      const wantedType = fold(r.typ);
      const typeCode = types.find((t) => t.code === wantedType || fold(t.name) === wantedType)?.code ?? wantedType;
      const { type, problem } = await caseTypeFor(trx, node.path, typeCode);
      if (problem) add("typ", problem.message);

      const handler = r.handläggare ? handlers.find((h) => fold(h.username) === fold(r.handläggare)) : undefined;
      if (r.handläggare && !handler)
        add("handläggare", `Ingen användare "${r.handläggare}" har en roll i ${namnd.name}.`);

      const registeredOn = r.registrerad ?? r.inkom;
      if (number.ok && !number.value.foreign) {
        if (registeredOn === null || registeredOn === undefined) {
          add("registrerad", "Ange registreringsdatum (eller inkom).");
        } else if (Number(registeredOn.slice(0, 4)) !== number.value.year) {
          add(
            r.registrerad ? "registrerad" : "inkom",
            `${number.value.canonical} registrerades ${number.value.year}; ange kolumnen registrerad med ett datum det året.`,
          );
        }
      }
      const status = r.status ? (statusText[r.status] as CaseStatus) : r.avslutad ? "avslutat" : "oppet";
      const closedOn = r.avslutad ?? null;
      if (registeredOn) {
        for (const p of checkCase({ title: r.rubrik, registeredOn, receivedOn: r.inkom, status, closedOn }, today)) {
          add(columnOf[p.field] ?? p.field, p.message);
        }
      }
      if (rowProblems.length > 0 || !number.ok || !type || !registeredOn) {
        problems.push(...rowProblems);
        continue;
      }
      if (number.value.canonical !== r.diarienummer.trim()) normalised++;
      planned.push({
        id: randomUUID(),
        org_node_id: node.id,
        prefix: number.value.prefix,
        year: number.value.year,
        number: number.value.number,
        title: r.rubrik,
        case_type_id: type.id,
        registered_on: registeredOn,
        received_on: r.inkom,
        handler_id: handler?.id ?? null,
        status,
        closed_on: closedOn,
        standing_series: null,
      });
    }

    // Numbers the diarium holds already, named by the row that repeats them.
    const years = [...new Set(planned.map((p) => p.year))];
    const taken = new Set((await repo.existingNumbers(trx, node.id, years)).map((e) => `${e.year}-${e.number}`));
    for (const [canonical, line] of seen) {
      const [, year, number] = canonical.split("-");
      if (taken.has(`${Number(year)}-${Number(number)}`)) {
        problems.push({ row: line, field: "diarienummer", message: `${canonical} finns redan i diariet.` });
      }
    }
    if (problems.length > 0) {
      throw validationError(
        "Filen importerades inte (inget sparades)",
        problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)),
      );
    }

    await repo.insertCases(trx, planned);
    for (const year of years) {
      await repo.raiseSeries(
        trx,
        node.id,
        year,
        Math.max(...planned.filter((p) => p.year === year).map((p) => p.number)),
      );
    }
    await auditMany(planned.map((p) => ({ entity: "namnd_case", entityId: p.id, action: "import", after: p })));
    const series = await repo.seriesOf(trx, node.id);
    return {
      accepted: planned.length,
      normalised,
      series: series.filter((s) => years.includes(s.year)).map((s) => ({ year: s.year, lastNumber: s.last_number })),
    };
  });
}
