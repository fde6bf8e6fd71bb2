import type { z } from "zod";
import type { Actor } from "../platform/auth/access.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { DomainError, notFound } from "../platform/errors.ts";
import { type ServiceNode, type WriteContext, writeRecord } from "../platform/service.ts";
import { labelledProblems, problemsToText } from "../platform/validation.ts";
import type { PeriodType } from "./periods.ts";
import type { FigureKind, YearData } from "./reports.ts";
import * as repo from "./repository.ts";
import type { EkonomiDB } from "./tables.ts";

export type Db = DbOf<EkonomiDB>;

/** Money is followed per committee: the node a read or write of ekonomi is checked on must be a nämnd. */
export function namndOf(node: ServiceNode): ServiceNode {
  if (node.kind !== "namnd") {
    throw new DomainError("validation", `${node.name} är ingen nämnd; ekonomin följs upp per nämnd.`);
  }
  return node;
}

/** The stored row, or "not found" naming it (e.g. "Prognosen"). */
async function stored<R>(row: Promise<R | undefined>, what: string): Promise<R> {
  const found = await row;
  if (!found) throw notFound(what);
  return found;
}

/**
 * A write on a stored row, checked on the row's nämnd. The row is found first to learn its nämnd (which
 * never changes), then again inside the transaction, so `work` sees it as the change does.
 */
export async function writeStored<R extends { org_node_id: string }, T>(
  db: Db,
  actor: Actor,
  what: string,
  find: (db: Db) => Promise<R | undefined>,
  work: (context: WriteContext<EkonomiDB>, row: R) => Promise<T>,
): Promise<T> {
  return writeRecord(
    db,
    actor,
    "write:ekonomi",
    (d) => stored(find(d), what),
    async ({ record, ...context }) => {
      namndOf(context.node);
      return work(context, record);
    },
  );
}

/** Runs a write and turns a unique-key collision into a Swedish conflict message. */
export async function unique<T>(write: Promise<T>, message: string): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if ((error as { code?: string }).code === "23505") throw new DomainError("conflict", message);
    throw error;
  }
}

/** A refusal of one field of `input`, named by its label there ("Belopp, rad 2 – Period: …"). */
export function validation(input: z.ZodType, field: string, message: string) {
  const problems = labelledProblems(input, [{ field, message }]);
  return new DomainError("validation", problemsToText(problems), { problems });
}

// ---------- loading ----------

/** Everything stored for the committee in the given years, as the pure report modules want it. */
export async function loadYears(db: Db, namndId: string, years: number[]): Promise<Map<number, YearData>> {
  const [levels, figures, forecasts, frames] = await Promise.all([
    repo.levelsOfYears(db, namndId, years),
    repo.figuresOf(db, namndId, years),
    repo.forecastsOf(db, namndId, years),
    repo.framesOf(db, namndId, years),
  ]);
  const result = new Map<number, YearData>();
  for (const year of years) {
    result.set(year, {
      year,
      levels: levels
        .filter((l) => l.year === year)
        .map((l) => ({
          id: l.id,
          name: l.name,
          code: l.code,
          targetOrgNodeId: l.target_org_node_id,
          sortOrder: l.sort_order,
        })),
      figures: figures
        .filter((f) => f.year === year)
        .map((f) => ({
          levelId: f.level_id,
          kind: f.kind as FigureKind,
          forecastId: f.forecast_id,
          periodType: f.period_type as PeriodType,
          periodNo: f.period_no,
          amountKr: f.amount_kr,
        })),
      forecasts: forecasts.filter((f) => f.year === year).map((f) => ({ id: f.id, name: f.name, asOf: f.as_of })),
      frameKr: frames.find((f) => f.year === year)?.amount_kr ?? null,
      decidedReallocations: (await repo.decidedLinesOf(db, namndId, year)).map((l) => ({
        levelId: l.level_id,
        amountKr: l.amount_kr,
      })),
    });
  }
  return result;
}

export async function loadYear(db: Db, namndId: string, year: number): Promise<YearData> {
  return (await loadYears(db, namndId, [year])).get(year) as YearData;
}
