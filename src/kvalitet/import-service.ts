// `lots kvalitet import handelser`: a CSV file of händelser (avvikelser and arbetsmiljöhändelser), all or
// nothing. Every row is checked against the same rules as a report and a closing; any problem rejects the
// whole file, each problem reported as "Rad N: kolumn: meddelande".

import { randomUUID } from "node:crypto";
import { z } from "zod";
import { kommunIdOf, nodesOfKindUnder } from "../organisation/index.ts";
import { type Actor, can } from "../platform/auth/access.ts";
import { todayInSweden } from "../platform/calendar.ts";
import { type CsvTableSpec, decodeCsv, readCsvTable } from "../platform/csv-table.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { DomainError } from "../platform/errors.ts";
import { write } from "../platform/service.ts";
import { describeIssues, type FieldProblem, validationError } from "../platform/validation.ts";
import { listsOf } from "./event-read-service.ts";
import { type Proposed, resolveProposed } from "./proposed.ts";
import * as repo from "./repository.ts";
import { statusOf } from "./rules.ts";
import { isoDate } from "./schema.ts";
import type { KvalitetDB } from "./tables.ts";
import { eventKinds, TEXT_MAX, workCategories } from "./vocabulary.ts";

/** The columns, as written in the documentation; headers are matched without case or diacritics. */
export const requiredColumns = [
  "enhet",
  "kind",
  "kategori",
  "inträffade",
  "upptäckt",
  "vad",
  "åtgärd",
  "typer",
  "orsaker",
  "status",
  "avslutad",
] as const;
/** Optional: the report date (default upptäckt), the investigation, measures and escalation dates. */
export const optionalColumns = ["rapporterad", "utredning", "åtgärder", "lex_sarah", "mas"] as const;

const fold = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
const columns = [...requiredColumns, ...optionalColumns];
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

/** A händelse file: bounded like every import, headers matched without case or diacritics. */
const csvTable: CsvTableSpec = {
  required: requiredColumns,
  optional: optionalColumns,
  maxBytes: 10 * 1024 * 1024,
  maxRows: 50_000,
  fileIs: "en händelsefil",
  rowsAre: "händelser",
  columnOf: (header) => columnByFolded.get(fold(header)) ?? null,
};

export type ImportResult = { rows: number; avvikelser: number; arbetsmiljo: number; masked: number };

/**
 * Imports händelser into the units under `scopeNodeId` (name or code in column `enhet`), as one write in
 * one transaction. The scope needs only read; each row's unit needs write:kvalitet.
 */
export async function importEventsCsv(
  db: DbOf<KvalitetDB>,
  actor: Actor,
  options: { scopeNodeId: string; content: Buffer | string; today?: string },
): Promise<ImportResult> {
  const lines = await readCsvTable(decodeCsv(options.content, csvTable), csvTable);
  if (lines.length === 0) throw new DomainError("validation", "Filen har en rubrikrad men inga händelser.");
  const today = options.today ?? todayInSweden();
  return write(db, actor, "read", options.scopeNodeId, async ({ trx, node: scope, auditMany }) => {
    const units = await nodesOfKindUnder(trx, [scope.path], ["enhet", "verksamhetsomrade"]);
    const lists = await listsOf(trx, kommunIdOf(scope.path));
    const problems: FieldProblem[] = [];
    const planned: { values: repo.EventValues; typeIds: string[]; causeIds: string[]; masked: boolean }[] = [];

    for (const { line, values } of lines) {
      const parsed = csvRow.safeParse(values);
      if (!parsed.success) {
        problems.push(...describeIssues(parsed.error, line));
        continue;
      }
      const r: CsvRow = parsed.data;
      const rowProblems: FieldProblem[] = [];
      const add = (field: string, message: string) => rowProblems.push({ row: line, field, message });

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
        rowProblems.push(
          ...result.problems
            .filter((p) => p.field !== "orgNodeId")
            .map((p) => ({ row: line, field: columnOf[p.field] ?? p.field, message: p.message })),
        );
      }
      if (rowProblems.length > 0 || !result.ok) {
        problems.push(...rowProblems);
        continue;
      }
      planned.push({ ...result.resolved, masked: result.resolved.warnings.length > 0 });
    }

    if (problems.length > 0) throw validationError("Filen importerades inte (inget sparades)", problems);

    // Ids chosen here, so the links need not rely on the order of the rows the insert answers.
    const withIds = planned.map((p) => ({ ...p, id: randomUUID() }));
    await repo.insertEvents(
      trx,
      withIds.map((p) => ({ ...p.values, id: p.id })),
    );
    const linksOf = (pick: (p: (typeof planned)[number]) => string[]) =>
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
    return {
      rows: planned.length,
      avvikelser: planned.filter((p) => p.values.kind === "avvikelse").length,
      arbetsmiljo: planned.filter((p) => p.values.kind === "arbetsmiljo").length,
      masked: planned.filter((p) => p.masked).length,
    };
  });
}
