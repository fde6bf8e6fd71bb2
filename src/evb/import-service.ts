// `lots evb import` and POST /api/evb/import: a CSV of decisions, all or nothing.
// Rows are matched to the register by (insats, id, beslutsdatum): a match is updated, the rest created.
// Offers and interruptions in the file are added or updated by date; ones only in the register are kept.

import { z } from "zod";
import { findNodes, kommunIdOf, nodesOfKindUnder } from "../organisation/index.ts";
import { type Actor, can } from "../platform/auth/access.ts";
import { todayInSweden } from "../platform/calendar.ts";
import { type CsvLine, type CsvTableSpec, decodeCsv, readCsvTable } from "../platform/csv-table.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { DomainError } from "../platform/errors.ts";
import { formatCount } from "../platform/i18n/format.ts";
import { type WriteContext, write } from "../platform/service.ts";
import { describeIssues, type FieldProblem, problemsToText } from "../platform/validation.ts";
import type { DecisionKey } from "./import-repository.ts";
import * as importRepo from "./import-repository.ts";
import { type Plan, writeBatch } from "./import-write.ts";
import { type Codes, changesOf, checkProposed, type Insats, type Proposed, storedProposed } from "./proposed.ts";
import * as repo from "./repository.ts";
import { answerSchema, isoDate, lawSchema, sexSchema } from "./schema.ts";
import type { EvbDB } from "./tables.ts";

export const requiredColumns = [
  "id",
  "kon",
  "enhet",
  "lag",
  "lagrum",
  "insats",
  "beslutsdatum",
  "avbrott_fran",
  "avbrott_till",
  "verkstallt",
  "avslutat",
  "avslutsorsak",
  "orsakskod",
  "skal",
  "erbjudanden",
] as const;
/** Optional: `delvis` "1 av 2" (parts executed of parts decided), `skyddad` ja/nej (protected identity). */
export const optionalColumns = ["delvis", "skyddad"] as const;

/** API field → CSV column, so rule problems name the column the user wrote. */
const columnOf: Record<string, string> = {
  personId: "id",
  sex: "kon",
  orgNodeId: "enhet",
  insatsId: "insats",
  decisionDate: "beslutsdatum",
  executedDate: "verkstallt",
  closedDate: "avslutat",
  closureReason: "avslutsorsak",
  delayReason: "orsakskod",
  partsExecuted: "delvis",
  partsTotal: "delvis",
};
const csvField = (field: string) => {
  if (field.startsWith("offers.")) return "erbjudanden";
  if (field.startsWith("interruptions.")) return field.endsWith(".resumed") ? "avbrott_till" : "avbrott_fran";
  return columnOf[field] ?? field;
};

const emptyToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
const optionalDate = z.preprocess(emptyToNull, isoDate.nullable());
const optionalText = z.preprocess(emptyToNull, z.string().trim().max(2000).nullable());

const offerItem = z
  .string()
  .trim()
  .regex(
    /^\d{4}-\d{2}-\d{2}:\s*(ja|nej)$/i,
    "Erbjudanden skrivs ÅÅÅÅ-MM-DD:ja eller ÅÅÅÅ-MM-DD:nej, åtskilda med semikolon.",
  )
  .transform((s) => {
    const [date, answer] = s.split(":") as [string, string];
    return { date, answer: answer.trim().toLowerCase() };
  })
  .pipe(z.object({ date: isoDate, answer: answerSchema }));

const csvRow = z.object({
  id: z.string().trim().min(1, "Id saknas."),
  kon: z.preprocess((v) => (typeof v === "string" ? emptyToNull(v.trim().toUpperCase()) : v), sexSchema.nullable()),
  enhet: z.string().trim().min(1, "Enhet saknas."),
  lag: z.preprocess((v) => (typeof v === "string" ? v.trim().toUpperCase().replace("SOL", "SoL") : v), lawSchema),
  lagrum: optionalText,
  insats: z.string().trim().min(1, "Insats saknas."),
  beslutsdatum: isoDate,
  avbrott_fran: optionalDate,
  avbrott_till: optionalDate,
  verkstallt: optionalDate,
  avslutat: optionalDate,
  avslutsorsak: optionalText,
  orsakskod: optionalText,
  skal: optionalText,
  erbjudanden: z.preprocess(
    (v) => (typeof v === "string" ? v.split(";").filter((s) => s.trim() !== "") : []),
    z.array(offerItem).max(50),
  ),
  delvis: z.preprocess(
    emptyToNull,
    z
      .string()
      .trim()
      .regex(/^\d{1,2}\s*(av|\/)\s*\d{1,2}$/, "Delvis skrivs t.ex. 1 av 2.")
      .transform((s) => {
        const [done, total] = s.split(/\s*(?:av|\/)\s*/).map(Number) as [number, number];
        return { done, total };
      })
      .refine((d) => d.total >= 1 && d.total <= 20, "Antal insatser ska vara 1–20.")
      .nullable()
      .optional(),
  ),
  skyddad: z.preprocess(
    (v) => (typeof v === "string" ? (emptyToNull(v.trim().toLowerCase()) ?? "nej") : "nej"),
    z.enum(["ja", "nej"], "Skyddad skrivs ja eller nej.").transform((v) => v === "ja"),
  ),
});
type CsvRow = z.infer<typeof csvRow>;

/** A register file holds a few thousand decisions; these bounds keep one upload from holding the server. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;
/**
 * The CLI reads a file from the operator's own disk while no request waits on it: a whole register of the
 * largest kommun fits. Written batch by batch, 100 000 rows peak at a few hundred MB (BENCHMARKS.md).
 */
export const CLI_IMPORT_LIMITS: ImportLimits = { maxBytes: 100 * 1024 * 1024, maxRows: 500_000 };
export type ImportLimits = Pick<CsvTableSpec, "maxBytes" | "maxRows">;
const csvTable: CsvTableSpec = {
  required: requiredColumns,
  optional: optionalColumns,
  maxBytes: MAX_IMPORT_BYTES,
  maxRows: MAX_IMPORT_ROWS,
  fileIs: "en beslutsfil",
  rowsAre: "beslut",
};

const normaliseLagrum = (text: string) =>
  text
    .toLowerCase()
    .replace(/\b(lss|sol)\b/g, "")
    .replace(/[\s.]/g, "");

export type ImportResult = { rows: number; created: number; updated: number; unchanged: number; dryRun: boolean };

/** How far an import has come: rows checked, and rows written (0 on a dry run or once a row has failed). */
export type ImportProgress = { rows: number; checked: number; written: number };

type ImportOptions = {
  scopeNodeId: string;
  content: Buffer | string;
  dryRun?: boolean;
  today?: string;
  /** Larger bounds than an upload's (the CLI's). */
  limits?: ImportLimits;
  onProgress?: (progress: ImportProgress) => void;
};

/**
 * Rows checked, then written, per batch: each batch costs a fixed handful of statements (one array parameter
 * per column), and holds only its own stored rows in memory.
 */
export const IMPORT_BATCH_ROWS = 2_000;

/**
 * Imports decisions into the units under `scopeNodeId` (names or codes in column `enhet`), as one write
 * (in the caller's transaction when `db` is one, as in the demo loader). The scope needs only read: each
 * row's unit is checked for write:evb. Every row is checked; any problem rejects the whole file (batches
 * already written are rolled back with the transaction).
 */
export async function importDecisionsCsv(db: DbOf<EvbDB>, actor: Actor, options: ImportOptions): Promise<ImportResult> {
  // Read before the write begins, so parsing a large file holds no transaction open.
  const spec = { ...csvTable, ...options.limits };
  const lines = await readCsvTable(decodeCsv(options.content, spec), spec);
  if (lines.length === 0) throw new DomainError("validation", "Filen har en rubrikrad men inga beslut.");
  const run = {
    today: options.today ?? todayInSweden(),
    dryRun: options.dryRun ?? false,
    onProgress: options.onProgress ?? (() => {}),
  };
  return write(db, actor, "read", options.scopeNodeId, (w) => importLines(w, actor, lines, run));
}

type Unit = Awaited<ReturnType<typeof nodesOfKindUnder>>[number];

/** A row that passed the checks that need no stored data. */
type Candidate = {
  line: number;
  r: CsvRow;
  unit: Unit;
  insats: Insats;
  key: DecisionKey;
  delayReason: string | null;
  closureReason: string | null;
};

/** Checks every line against the register and the catalogue batch by batch, writing each while all are good. */
async function importLines(
  { trx, node: scope, auditMany }: WriteContext<EvbDB>,
  actor: Actor,
  lines: CsvLine[],
  { today, dryRun, onProgress }: { today: string; dryRun: boolean; onProgress: (p: ImportProgress) => void },
): Promise<ImportResult> {
  const kommunId = kommunIdOf(scope.path);
  const units = await nodesOfKindUnder(trx, [scope.path], ["enhet", "verksamhetsomrade"]);
  const insatser = await repo.insatserOf(trx, kommunId);
  const codes = await repo.codesOf(trx, kommunId);
  const catalogue = { scope, units: unitsByNameOrCode(units), insatser, codes, actor };
  const problems: FieldProblem[] = [];
  const seen = new Map<string, number>();
  const result: ImportResult = { rows: lines.length, created: 0, updated: 0, unchanged: 0, dryRun };
  let written = 0;

  for (let start = 0; start < lines.length; start += IMPORT_BATCH_ROWS) {
    const batch = lines.slice(start, start + IMPORT_BATCH_ROWS);
    const candidates = batch.flatMap((line) => checkLine(line, catalogue, seen, problems) ?? []);
    const plans = await planBatch(trx, candidates, { ...catalogue, kommunId, today }, problems);
    for (const plan of plans) {
      if (!plan.changes) result.created += 1;
      else if (plan.changes.any) result.updated += 1;
      else result.unchanged += 1;
    }
    if (!dryRun && problems.length === 0) {
      await writeBatch(trx, auditMany, scope.id, plans);
      written += batch.length;
    }
    onProgress({ rows: lines.length, checked: start + batch.length, written });
  }

  if (problems.length) {
    // Rows are checked in two steps per batch; list the problems in file order as one pass did.
    problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    // A file's fields are its columns: name them as the header row does ("Kolumnen verkstallt").
    const named = problems.map((p) => {
      const column = p.field.split(".")[0] ?? "";
      return column in csvRow.shape ? { ...p, label: `Kolumnen ${column}` } : p;
    });
    const rejected = new Set(problems.map((p) => p.row)).size;
    throw new DomainError(
      "validation",
      `Filen importerades inte (inget sparades): ${rejected} av ${formatCount(lines.length, "rad", "rader")} har fel. ${problemsToText(named.slice(0, 20))}${problems.length > 20 ? ` … och ${problems.length - 20} fel till.` : ""}`,
      { problems: named, rows: lines.length, rejectedRows: rejected },
    );
  }
  return result;
}

/** Units by lower-cased name and code, so a row finds its unit without scanning them all. */
function unitsByNameOrCode(units: Unit[]): Map<string, Unit[]> {
  const by = new Map<string, Unit[]>();
  for (const u of units) {
    for (const key of new Set([u.name.toLowerCase(), ...(u.code ? [u.code.toLowerCase()] : [])])) {
      by.set(key, [...(by.get(key) ?? []), u]);
    }
  }
  return by;
}

type Catalogue = {
  scope: { name: string };
  units: Map<string, Unit[]>;
  insatser: Insats[];
  codes: Codes;
  actor: Actor;
};

/** The checks of one line that need nothing stored: its values, unit, insats, codes, and duplicates in the file. */
function checkLine(
  { line, values }: CsvLine,
  { scope, units, insatser, codes, actor }: Catalogue,
  seen: Map<string, number>,
  problems: FieldProblem[],
): Candidate | null {
  const rowProblems: FieldProblem[] = [];
  const add = (field: string, message: string) => rowProblems.push({ row: line, field, message });
  const parsed = csvRow.safeParse(values);
  if (!parsed.success) {
    problems.push(...describeIssues(parsed.error, line));
    return null;
  }
  const r: CsvRow = parsed.data;

  const unitMatches = units.get(r.enhet.toLowerCase()) ?? [];
  const unit = unitMatches.length === 1 ? unitMatches[0] : undefined;
  if (unitMatches.length === 0) add("enhet", `Enheten "${r.enhet}" finns inte under ${scope.name}.`);
  else if (unitMatches.length > 1) add("enhet", `Enheten "${r.enhet}" är tvetydig; ange enhetens kod.`);
  else if (unit && !can(actor, "write:evb", unit.path)) add("enhet", `Du saknar skrivbehörighet för ${unit.name}.`);

  const wantedInsats = r.insats.toLowerCase();
  const insats = insatser.find(
    (i) => i.law === r.lag && (i.code === wantedInsats || i.name.toLowerCase() === wantedInsats),
  );
  if (!insats) {
    const names = insatser.filter((i) => i.law === r.lag && i.active).map((i) => i.name);
    add("insats", `Insatsen "${r.insats}" finns inte i katalogen för ${r.lag}. Finns: ${names.join(", ")}.`);
  } else if (r.lagrum && normaliseLagrum(r.lagrum) !== normaliseLagrum(insats.lagrum)) {
    add("lagrum", `Lagrum "${r.lagrum}" stämmer inte med ${insats.name} (${insats.lagrum}).`);
  }

  const codeFor = (kind: "delay" | "closure", text: string | null, column: string) => {
    if (text === null) return null;
    const t = text.toLowerCase();
    const found = codes.find((c) => c.kind === kind && (c.code === t || c.label.toLowerCase() === t));
    if (!found) {
      const valid = codes.filter((c) => c.kind === kind && c.active).map((c) => c.code);
      add(column, `Okänd kod "${text}". Giltiga: ${valid.join(", ")}.`);
    }
    return found?.code ?? null;
  };
  const delayReason = codeFor("delay", r.orsakskod, "orsakskod");
  const closureReason = codeFor("closure", r.avslutsorsak, "avslutsorsak");
  if (r.avbrott_till && !r.avbrott_fran) add("avbrott_till", "Ange avbrott_fran när avbrott_till är ifylld.");

  if (rowProblems.length || !unit || !insats) {
    problems.push(...rowProblems);
    return null;
  }

  const personKey = r.id.trim().toUpperCase();
  const key = `${insats.id}|${personKey}|${r.beslutsdatum}`;
  const earlier = seen.get(key);
  if (earlier !== undefined) {
    problems.push({
      row: line,
      field: "id",
      message: `Samma beslut (id, insats, beslutsdatum) finns redan på rad ${earlier}.`,
    });
    return null;
  }
  seen.set(key, line);
  const decisionKey = { insats_id: insats.id, person_id: personKey, decision_date: r.beslutsdatum };
  return { line, r, unit, insats, key: decisionKey, delayReason, closureReason };
}

/**
 * The checks of a batch against the register: its stored decisions, their offers and interruptions and the
 * units of those that would move are read in a few statements for the whole batch, then each row is merged
 * and checked by the same rules as a form.
 */
async function planBatch(
  trx: DbOf<EvbDB>,
  candidates: Candidate[],
  { kommunId, insatser, codes, actor, today }: Catalogue & { kommunId: string; today: string },
  problems: FieldProblem[],
): Promise<Plan[]> {
  const keyOf = (k: DecisionKey) => `${k.insats_id}|${k.person_id}|${k.decision_date}`;
  const existing = new Map(
    (
      await importRepo.decisionsByKeys(
        trx,
        candidates.map((c) => c.key),
      )
    ).map((row) => [keyOf(row), row]),
  );
  const storedIds = [...existing.values()].map((row) => row.id);
  const offers = await importRepo.offersByDecision(trx, storedIds);
  const interruptions = await importRepo.interruptionsByDecision(trx, storedIds);
  const movedFrom = candidates.flatMap((c) => {
    const row = existing.get(keyOf(c.key));
    return row && row.org_node_id !== c.unit.id ? [row.org_node_id] : [];
  });
  const nodes = new Map((await findNodes(trx, [...new Set(movedFrom)])).map((n) => [n.id, n]));
  const insatsById = new Map(insatser.map((i) => [i.id, i]));

  const plans: Plan[] = [];
  for (const c of candidates) {
    const row = existing.get(keyOf(c.key)) ?? null;
    if (row && row.org_node_id !== c.unit.id) {
      // Moving a decision needs write access where it is now, too.
      const current = nodes.get(row.org_node_id);
      if (current && !can(actor, "write:evb", current.path)) {
        problems.push({
          row: c.line,
          field: "enhet",
          message: `Beslutet finns på ${current.name}, där du saknar skrivbehörighet.`,
        });
        continue;
      }
    }
    const stored = row
      ? { row, offers: offers.get(row.id) ?? [], interruptions: interruptions.get(row.id) ?? [] }
      : null;
    const before = stored ? storedProposed(stored.row, stored.offers, stored.interruptions, codes) : null;
    const proposed = merge(before, c.r, {
      orgNodeId: c.unit.id,
      insatsId: c.insats.id,
      delayReason: c.delayReason,
      closureReason: c.closureReason,
    });
    const result = checkProposed(insatsById.get(proposed.insatsId), kommunId, codes, proposed, row, today);
    if (!result.ok) {
      problems.push(...result.problems.map((p) => ({ row: c.line, field: csvField(p.field), message: p.message })));
      continue;
    }
    const changes = stored ? changesOf(stored, proposed, result.resolved) : null;
    plans.push({ proposed, resolved: result.resolved, stored, changes, insats: c.insats });
  }
  return plans;
}

/** The stored decision overlaid with a CSV row; without a stored one, the row alone. */
function merge(
  stored: Proposed | null,
  r: CsvRow,
  resolved: { orgNodeId: string; insatsId: string; delayReason: string | null; closureReason: string | null },
): Proposed {
  const offers = [...(stored?.offers ?? [])];
  for (const o of r.erbjudanden) {
    const i = offers.findIndex((x) => x.date === o.date);
    if (i >= 0) offers[i] = { ...(offers[i] as Proposed["offers"][number]), answer: o.answer };
    else offers.push({ date: o.date, answer: o.answer, note: null });
  }
  const interruptions = [...(stored?.interruptions ?? [])];
  if (r.avbrott_fran) {
    const i = interruptions.findIndex((x) => x.start === r.avbrott_fran);
    if (i >= 0)
      interruptions[i] = { ...(interruptions[i] as Proposed["interruptions"][number]), resumed: r.avbrott_till };
    else interruptions.push({ start: r.avbrott_fran, resumed: r.avbrott_till, reasonCode: null, reasonText: null });
  }
  return {
    orgNodeId: resolved.orgNodeId,
    personId: r.id,
    sex: r.kon,
    protectedIdentity: r.skyddad,
    insatsId: resolved.insatsId,
    decisionDate: r.beslutsdatum,
    partsTotal: r.delvis?.total ?? stored?.partsTotal ?? 1,
    partsExecuted: r.delvis?.done ?? stored?.partsExecuted ?? 0,
    delayReason: resolved.delayReason,
    reasonText: r.skal,
    interimSupport: stored?.interimSupport ?? null,
    executedDate: r.verkstallt,
    closedDate: r.avslutat,
    closureReason: resolved.closureReason,
    offers,
    interruptions,
  };
}
