// `lots kvalitet import handelser`: a CSV file of händelser (avvikelser and arbetsmiljöhändelser), all or
// nothing. Every row is checked against the same rules as a report and a closing; any problem rejects the
// whole file, each problem reported as "Rad N: kolumn: meddelande". The web's import previews the same
// checks first, writing nothing.

import { randomUUID } from "node:crypto";
import { z } from "zod";
import { kommunIdOf, nodesOfKindUnder } from "../organisation/index.ts";
import { type Actor, can } from "../platform/auth/access.ts";
import { todayInSweden } from "../platform/calendar.ts";
import { type CsvLine, type CsvTableSpec, decodeCsv, readCsvTable } from "../platform/csv-table.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { DomainError } from "../platform/errors.ts";
import { read, type ServiceNode, write } from "../platform/service.ts";
import { describeIssues, type FieldProblem, validationError } from "../platform/validation.ts";
import { listsOf } from "./event-read-service.ts";
import { type Proposed, resolveProposed } from "./proposed.ts";
import * as repo from "./repository.ts";
import { statusOf } from "./rules.ts";
import { isoDate } from "./schema.ts";
import type { KvalitetDB } from "./tables.ts";
import { eventKinds, optionalImportColumns, requiredImportColumns, TEXT_MAX, workCategories } from "./vocabulary.ts";

const fold = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
const columns = [...requiredImportColumns, ...optionalImportColumns];
const columnByFolded = new Map(columns.map((c) => [fold(c), c]));

/** API field → CSV column, so rule problems name the column the user wrote. */
const columnOf: Record<string, string> = {
  orgNodeId: "enhet",
  kind: "kind",
  category: "kategori",
  occurredOn: "inträffade",
  noticedOn: "upptäckt",
  reportedOn: "rapporterad",
  whatHappened: "vad",
  immediateAction: "åtgärd",
  types: "typer",
  causes: "orsaker",
  investigation: "utredning",
  measures: "åtgärder",
  closedOn: "avslutad",
  lexSarahOn: "lex_sarah",
  masOn: "mas",
};

const emptyToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
const date = z.preprocess((v) => (typeof v === "string" ? v.trim() : v), isoDate);
const optionalDate = z.preprocess(emptyToNull, date.nullable().optional());
const optionalText = z.preprocess(emptyToNull, z.string().trim().max(TEXT_MAX).nullable().optional());
const list = z.preprocess(
  (v) =>
    typeof v === "string"
      ? v
          .split("|")
          .map((s) => s.trim())
          .filter(Boolean)
      : [],
  z.array(z.string()).max(20),
);
const statusText = {
  rapporterad: "rapporterad",
  "under utredning": "under_utredning",
  under_utredning: "under_utredning",
  avslutad: "avslutad",
  "utredd och avslutad": "avslutad",
} as const;

const csvRow = z.object({
  enhet: z.string().trim().min(1, "Enhet saknas."),
  kind: z.preprocess(
    (v) => (typeof v === "string" ? (emptyToNull(fold(v)) ?? "avvikelse") : v),
    z.enum(eventKinds, "Ange avvikelse eller arbetsmiljo."),
  ),
  kategori: z.preprocess(
    (v) => (typeof v === "string" ? emptyToNull(v.trim().toLowerCase()) : v),
    z.enum(workCategories, "Kategorin ska vara riskobservation, tillbud eller olycksfall.").nullable(),
  ),
  inträffade: date,
  upptäckt: date,
  vad: z.string().trim().min(1, "Beskriv vad som hände.").max(TEXT_MAX),
  åtgärd: optionalText,
  typer: list,
  orsaker: list,
  status: z.preprocess(
    (v) => (typeof v === "string" ? emptyToNull(v.trim().toLowerCase()) : v),
    z
      .enum(
        Object.keys(statusText) as [keyof typeof statusText],
        "Status ska vara rapporterad, under utredning eller avslutad.",
      )
      .nullable(),
  ),
  avslutad: optionalDate,
  rapporterad: optionalDate,
  utredning: optionalText,
  åtgärder: optionalText,
  lex_sarah: optionalDate,
  mas: optionalDate,
});
type CsvRow = z.infer<typeof csvRow>;

/** The largest händelse file (about 30 000 rows with short texts). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** A händelse file: bounded like every import, headers matched without case or diacritics. */
const csvTable: CsvTableSpec = {
  required: requiredImportColumns,
  optional: optionalImportColumns,
  maxBytes: MAX_IMPORT_BYTES,
  maxRows: 50_000,
  fileIs: "en händelsefil",
  rowsAre: "händelser",
  columnOf: (header) => columnByFolded.get(fold(header)) ?? null,
};

export type ImportResult = { rows: number; avvikelser: number; arbetsmiljo: number; masked: number };

type Planned = { values: repo.EventValues; typeIds: string[]; causeIds: string[]; masked: boolean };
/** One line of the file after every check: its problems, or what it would write. */
type CheckedRow = {
  line: number;
  unit: string;
  kind: string;
  occurredOn: string;
  problems: FieldProblem[];
  planned: Planned | null;
};

/** At most this many accepted rows are shown in a preview; every rejected row is. */
export const PREVIEW_ACCEPTED_ROWS = 100;

/**
 * Checks every line against the same rules as a report and a closing, against the units under `scope`
 * and the kommun's lists. Reads only: the preview and the import share it.
 */
async function checkRows(
  db: DbOf<KvalitetDB>,
  actor: Actor,
  scope: ServiceNode,
  lines: CsvLine[],
  today: string,
): Promise<CheckedRow[]> {
  const units = await nodesOfKindUnder(db, [scope.path], ["enhet", "verksamhetsomrade"]);
  const lists = await listsOf(db, kommunIdOf(scope.path));
  return lines.map(({ line, values }): CheckedRow => {
    const shown = { line, unit: values.enhet ?? "", kind: values.kind ?? "", occurredOn: values.inträffade ?? "" };
    const parsed = csvRow.safeParse(values);
    if (!parsed.success) return { ...shown, problems: describeIssues(parsed.error, line), planned: null };
    const r: CsvRow = parsed.data;
    const problems: FieldProblem[] = [];
    const add = (field: string, message: string) => problems.push({ row: line, field, message });

    const wanted = fold(r.enhet);
    const matches = units.filter((u) => fold(u.name) === wanted || (u.code !== null && fold(u.code) === wanted));
    const unit = matches.length === 1 ? matches[0] : undefined;
    if (matches.length === 0) add("enhet", `Enheten "${r.enhet}" finns inte under ${scope.name}.`);
    else if (!unit) add("enhet", `Enheten "${r.enhet}" är tvetydig; ange enhetens kod.`);
    else if (!can(actor, "write:kvalitet", unit.path)) add("enhet", `Du saknar skrivbehörighet för ${unit.name}.`);

    // Types and causes by code or name.
    const codesOf = (names: string[], entries: readonly { code: string; name: string }[]) =>
      names.map((n) => entries.find((e) => e.code === fold(n) || fold(e.name) === fold(n))?.code ?? n);
    const proposed: Proposed = {
      orgNodeId: unit?.id ?? "",
      kind: r.kind,
      category: r.kategori,
      occurredOn: r.inträffade,
      noticedOn: r.upptäckt,
      reportedOn: r.rapporterad ?? r.upptäckt,
      whatHappened: r.vad,
      immediateAction: r.åtgärd ?? null,
      types: codesOf(r.typer, lists.types),
      causes: codesOf(r.orsaker, lists.causes),
      investigation: r.utredning ?? null,
      measures: r.åtgärder ?? null,
      closedOn: r.avslutad ?? null,
      lexSarahOn: r.lex_sarah ?? null,
      masOn: r.mas ?? null,
    };
    const status = r.status ? statusText[r.status] : null;
    if (status === "avslutad" && proposed.closedOn === null) add("avslutad", "Ange datum då händelsen avslutades.");
    if (status !== null && status !== "avslutad" && proposed.closedOn !== null) {
      add("status", "En händelse med datum i kolumnen avslutad har status avslutad.");
    } else if (status !== null && status !== "avslutad" && status !== statusOf(proposed)) {
      add(
        "status",
        status === "rapporterad"
          ? "En händelse med typer, orsaker, utredning eller åtgärder är under utredning."
          : "En händelse under utredning har typer, orsaker, utredning eller åtgärder.",
      );
    }
    const result = resolveProposed(proposed, lists, null, today);
    if (!result.ok) {
      problems.push(
        ...result.problems
          .filter((p) => p.field !== "orgNodeId")
          .map((p) => ({ row: line, field: columnOf[p.field] ?? p.field, message: p.message })),
      );
    }
    const checked = { ...shown, unit: unit?.name ?? r.enhet, kind: r.kind, occurredOn: r.inträffade, problems };
    if (problems.length > 0 || !result.ok) return { ...checked, planned: null };
    return { ...checked, planned: { ...result.resolved, masked: result.resolved.warnings.length > 0 } };
  });
}

const countsOf = (planned: Planned[]): ImportResult => ({
  rows: planned.length,
  avvikelser: planned.filter((p) => p.values.kind === "avvikelse").length,
  arbetsmiljo: planned.filter((p) => p.values.kind === "arbetsmiljo").length,
  masked: planned.filter((p) => p.masked).length,
});

type ImportOptions = { scopeNodeId: string; content: Buffer | string; today?: string };

/** The file's lines, parsed only once the actor may read the scope: a refusal comes before any parsing. */
function linesOf(db: DbOf<KvalitetDB>, actor: Actor, options: ImportOptions): Promise<CsvLine[]> {
  return read(db, actor, "read", options.scopeNodeId, async () => {
    const lines = await readCsvTable(decodeCsv(options.content, csvTable), csvTable);
    if (lines.length === 0) throw new DomainError("validation", "Filen har en rubrikrad men inga händelser.");
    return lines;
  });
}

/**
 * What an import of the file would do, writing nothing: every rejected row with its problems, the first
 * accepted ones as they would be saved, and the counts. The same checks as the import, read-only.
 */
export async function previewEventsCsv(db: DbOf<KvalitetDB>, actor: Actor, options: ImportOptions) {
  const lines = await linesOf(db, actor, options);
  const today = options.today ?? todayInSweden();
  return read(db, actor, "read", options.scopeNodeId, async ({ db, node: scope }) => {
    const checked = await checkRows(db, actor, scope, lines, today);
    const accepted = checked.flatMap((c) => (c.planned ? [c.planned] : []));
    const firstAccepted = new Set(
      checked
        .filter((c) => c.planned)
        .slice(0, PREVIEW_ACCEPTED_ROWS)
        .map((c) => c.line),
    );
    return {
      ...countsOf(accepted),
      rejected: checked.length - accepted.length,
      lines: checked
        .filter((c) => !c.planned || firstAccepted.has(c.line))
        .map((c) => ({
          row: c.line,
          unit: c.unit,
          kind: c.kind,
          occurredOn: c.occurredOn,
          status: c.planned?.values.status ?? null,
          problems: c.problems.map(({ field, message }) => ({ field, message })),
        })),
    };
  });
}

/**
 * Imports händelser into the units under `scopeNodeId` (name or code in column `enhet`), as one write in
 * one transaction. The scope needs only read; each row's unit needs write:kvalitet.
 */
export async function importEventsCsv(
  db: DbOf<KvalitetDB>,
  actor: Actor,
  options: ImportOptions,
): Promise<ImportResult> {
  const lines = await linesOf(db, actor, options);
  const today = options.today ?? todayInSweden();
  return write(db, actor, "read", options.scopeNodeId, async ({ trx, node: scope, auditMany }) => {
    const checked = await checkRows(trx, actor, scope, lines, today);
    const problems = checked.flatMap((c) => c.problems);
    if (problems.length > 0) throw validationError("Filen importerades inte (inget sparades)", problems);
    const planned = checked.flatMap((c) => (c.planned ? [c.planned] : []));

    // Ids chosen here, so the links need not rely on the order of the rows the insert answers.
    const withIds = planned.map((p) => ({ ...p, id: randomUUID() }));
    await repo.insertEvents(
      trx,
      withIds.map((p) => ({ ...p.values, id: p.id })),
    );
    const linksOf = (pick: (p: Planned) => string[]) =>
      withIds.flatMap((p) => pick(p).map((id) => ({ event_id: p.id, list_id: id })));
    await repo.insertTypeLinks(
      trx,
      linksOf((p) => p.typeIds),
    );
    await repo.insertCauseLinks(
      trx,
      linksOf((p) => p.causeIds),
    );
    await auditMany(
      withIds.map((p) => ({
        entity: "kvalitet_event",
        entityId: p.id,
        action: "import",
        orgNodeId: p.values.org_node_id,
        after: { ...p.values, types: p.typeIds, causes: p.causeIds },
      })),
    );
    return countsOf(planned);
  });
}
