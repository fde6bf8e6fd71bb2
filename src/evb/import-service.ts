// `lots evb import` and POST /api/evb/import: a CSV of decisions, all or nothing.
// Rows are matched to the register by (insats, id, beslutsdatum): a match is updated, the rest created.
// Offers and interruptions in the file are added or updated by date; ones only in the register are kept.

import { z } from "zod";
import { findNode, kommunIdOf, nodesOfKindUnder } from "../organisation/index.ts";
import { type Actor, can } from "../platform/auth/access.ts";
import { todayInSweden } from "../platform/calendar.ts";
import { type CsvLine, type CsvTableSpec, decodeCsv, readCsvTable } from "../platform/csv-table.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { DomainError } from "../platform/errors.ts";
import { formatCount } from "../platform/i18n/format.ts";
import { type WriteContext, write } from "../platform/service.ts";
import { describeIssues, type FieldProblem, problemsToText } from "../platform/validation.ts";
import { applyProposed, insertProposed, loadStored, type Proposed, resolveProposed } from "./proposed.ts";
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

type Plan = { line: number; proposed: Proposed; existing: repo.DecisionRow | null };

export type ImportResult = { rows: number; created: number; updated: number; unchanged: number; dryRun: boolean };

type ImportOptions = { scopeNodeId: string; content: Buffer | string; dryRun?: boolean; today?: string };

/**
 * Imports decisions into the units under `scopeNodeId` (names or codes in column `enhet`), as one write
 * (in the caller's transaction when `db` is one, as in the demo loader). The scope needs only read: each
 * row's unit is checked for write:evb. Every row is checked before anything is written; any problem
 * rejects the whole file.
 */
export async function importDecisionsCsv(db: DbOf<EvbDB>, actor: Actor, options: ImportOptions): Promise<ImportResult> {
  // Read before the write begins, so parsing a large file holds no transaction open.
  const lines = await readCsvTable(decodeCsv(options.content, csvTable), csvTable);
  if (lines.length === 0) throw new DomainError("validation", "Filen har en rubrikrad men inga beslut.");
  const run = { today: options.today ?? todayInSweden(), dryRun: options.dryRun ?? false };
  return write(db, actor, "read", options.scopeNodeId, (w) => importLines(w, actor, lines, run));
}

/** Checks every line against the register and the catalogue, then writes them all, or nothing. */
async function importLines(
  { trx, node: scope, audit }: WriteContext<EvbDB>,
  actor: Actor,
  lines: CsvLine[],
  { today, dryRun }: { today: string; dryRun: boolean },
): Promise<ImportResult> {
  const kommunId = kommunIdOf(scope.path);
  const units = await nodesOfKindUnder(trx, [scope.path], ["enhet", "verksamhetsomrade"]);
  const insatser = await repo.insatserOf(trx, kommunId);
  const codes = await repo.codesOf(trx, kommunId);
  const problems: FieldProblem[] = [];
  const plans: Plan[] = [];
  const seen = new Map<string, number>();

  for (const { line, values } of lines) {
    const rowProblems: FieldProblem[] = [];
    const add = (field: string, message: string) => rowProblems.push({ row: line, field, message });
    const parsed = csvRow.safeParse(values);
    if (!parsed.success) {
      problems.push(...describeIssues(parsed.error, line));
      continue;
    }
    const r: CsvRow = parsed.data;

    const wanted = r.enhet.toLowerCase();
    const unitMatches = units.filter((u) => u.code?.toLowerCase() === wanted || u.name.toLowerCase() === wanted);
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
      continue;
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
      continue;
    }
    seen.set(key, line);

    const existing = (await repo.findDecisionByKey(trx, insats.id, personKey, r.beslutsdatum)) ?? null;
    if (existing && existing.org_node_id !== unit.id) {
      // Moving a decision needs write access where it is now, too.
      const current = await findNode(trx, existing.org_node_id);
      if (current && !can(actor, "write:evb", current.path)) {
        problems.push({
          row: line,
          field: "enhet",
          message: `Beslutet finns på ${current.name}, där du saknar skrivbehörighet.`,
        });
        continue;
      }
    }
    const stored = existing ? (await loadStored(trx, existing, codes)).proposed : null;
    const proposed = merge(stored, r, { orgNodeId: unit.id, insatsId: insats.id, delayReason, closureReason });
    const result = await resolveProposed(trx, kommunId, codes, proposed, existing, today);
    if (!result.ok) {
      problems.push(...result.problems.map((p) => ({ row: line, field: csvField(p.field), message: p.message })));
      continue;
    }
    plans.push({ line, proposed, existing });
  }

  if (problems.length) {
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

  const result: ImportResult = {
    rows: lines.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    dryRun,
  };
  for (const plan of plans) {
    if (!plan.existing) {
      result.created += 1;
      if (result.dryRun) continue;
      const resolved = await resolveProposed(trx, kommunId, codes, plan.proposed, null, today);
      if (!resolved.ok) throw new Error("import plan changed while writing");
      await insertProposed(trx, audit, plan.proposed, resolved.resolved);
    } else {
      const changed = await applyProposed(trx, actor, plan.existing, plan.proposed, {
        audit,
        kommunId,
        codes,
        dryRun: result.dryRun,
      });
      if (changed) result.updated += 1;
      else result.unchanged += 1;
    }
  }
  return result;
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
