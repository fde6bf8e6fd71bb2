import type { z } from "zod";
import type { Actor } from "../platform/auth/access.ts";
import { DomainError, notFound } from "../platform/errors.ts";
import { read, write } from "../platform/service.ts";
import { krToTkr, sumKronor } from "./arithmetic.ts";
import { applyFigures, type FigureWrite } from "./figures-service.ts";
import { usageProblem } from "./reports.ts";
import * as repo from "./repository.ts";
import {
  type ReallocationInput,
  type reallocationDecision,
  reallocationInput,
  type reallocationPatch,
} from "./schema.ts";
import { type Db, loadYear, namndOf, validation, writeStored } from "./shared-service.ts";
import { tkrText } from "./text.ts";

async function reallocationsWithLines(db: Db, rows: repo.ReallocationRow[]) {
  const lines = await repo.linesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const own = lines.filter((l) => l.reallocation_id === r.id);
    return {
      id: r.id,
      year: r.year,
      title: r.title,
      reason: r.reason,
      financing: r.financing,
      status: r.status,
      caseRef: r.case_ref,
      decisionRef: r.decision_ref,
      decidedOn: r.decided_on,
      lines: own.map((l) => ({ levelId: l.level_id, levelName: l.level_name, amountKr: l.amount_kr })),
      sumKr: sumKronor(own.map((l) => l.amount_kr)) ?? 0,
    };
  });
}

/** One reallocation with its lines (as a proposal, decision or audit snapshot). */
async function reallocationWithLines(db: Db, row: repo.ReallocationRow) {
  const [one] = await reallocationsWithLines(db, [row]);
  if (!one) throw notFound("Ombudgeteringen");
  return one;
}

export async function reallocations(db: Db, actor: Actor, namndId: string, year: number) {
  return read(db, actor, "read", namndId, async ({ node }) => {
    namndOf(node);
    return reallocationsWithLines(db, await repo.reallocationsOf(db, namndId, year));
  });
}

const showTkr = (kr: number) => tkrText(krToTkr(kr), true);

/** Moves within the committee net to zero; money from the fund or the council adds to the frame. */
function checkFinancing(financing: string, lines: Array<{ amountKr: number }>) {
  const sum = lines.reduce((t, l) => t + l.amountKr, 0);
  if (financing === "inom_namnd" && sum !== 0) {
    throw validation(
      reallocationInput,
      "lines",
      `En ombudgetering inom nämnden ska summera till 0 kr; raderna summerar till ${showTkr(sum)}.`,
    );
  }
  if (financing === "resultatfond" && sum <= 0) {
    throw validation(
      reallocationInput,
      "lines",
      "En ombudgetering finansierad ur resultatfonden ska tillföra nivåerna pengar (summa över 0 kr).",
    );
  }
  if (financing === "tillaggsanslag" && sum === 0) {
    throw validation(
      reallocationInput,
      "lines",
      "Ett tilläggsanslag ska ändra nämndens ram (summan kan inte vara 0 kr).",
    );
  }
}

async function checkLineLevels(trx: Db, namndId: string, year: number, lines: Array<{ levelId: string }>) {
  const levels = new Set((await repo.levelsOf(trx, namndId, year)).map((l) => l.id));
  for (const [i, line] of lines.entries()) {
    if (!levels.has(line.levelId)) {
      throw validation(reallocationInput, `lines.${i}.levelId`, `Nivån hör inte till nämndens nivåer för ${year}.`);
    }
  }
}

export async function createReallocation(
  db: Db,
  actor: Actor,
  namndId: string,
  year: number,
  input: ReallocationInput,
) {
  checkFinancing(input.financing, input.lines);
  return write(db, actor, "write:ekonomi", namndId, async ({ trx, node, audit }) => {
    namndOf(node);
    await checkLineLevels(trx, namndId, year, input.lines);
    const row = await repo.insertReallocation(trx, {
      org_node_id: namndId,
      year,
      title: input.title,
      reason: input.reason ?? null,
      financing: input.financing,
      case_ref: input.caseRef ?? null,
    });
    await repo.insertLines(trx, namndId, row.id, input.lines);
    const after = await reallocationWithLines(trx, row);
    await audit("ekonomi_reallocation", row.id, "create", { after });
    return after;
  });
}

const findReallocation = (id: string) => (db: Db) => repo.findReallocation(db, id);

export async function updateReallocation(db: Db, actor: Actor, id: string, patch: z.infer<typeof reallocationPatch>) {
  return writeStored(db, actor, "Ombudgeteringen", findReallocation(id), async ({ trx, audit }, row) => {
    if (row.status !== "forslag") {
      throw new DomainError("conflict", "Ombudgeteringen är redan avgjord och kan inte ändras.");
    }
    const before = await reallocationWithLines(trx, row);
    const lines = patch.lines ?? before.lines;
    checkFinancing(patch.financing ?? row.financing, lines);
    await checkLineLevels(trx, row.org_node_id, row.year, lines);
    const updated = await repo.updateReallocation(trx, id, {
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.reason !== undefined ? { reason: patch.reason ?? null } : {}),
      ...(patch.financing !== undefined ? { financing: patch.financing } : {}),
      ...(patch.caseRef !== undefined ? { case_ref: patch.caseRef ?? null } : {}),
    });
    if (patch.lines) {
      await repo.deleteLines(trx, id);
      await repo.insertLines(trx, row.org_node_id, id, patch.lines);
    }
    const after = await reallocationWithLines(trx, updated);
    await audit("ekonomi_reallocation", id, "update", { before, after });
    return after;
  });
}

/**
 * Records the committee's decision. A decided reallocation changes each level's budget after
 * ombudgetering (created from the original budget the first time) and, when the fund pays, takes the
 * money from the result fund — all in the same transaction as the decision.
 */
export async function decideReallocation(
  db: Db,
  actor: Actor,
  id: string,
  input: z.infer<typeof reallocationDecision>,
) {
  return writeStored(db, actor, "Ombudgeteringen", findReallocation(id), async (context, row) => {
    const { trx, audit } = context;
    if (row.status !== "forslag") throw new DomainError("conflict", "Ombudgeteringen är redan avgjord.");
    const before = await reallocationWithLines(trx, row);
    if (input.outcome === "beslutad") {
      const data = await loadYear(trx, row.org_node_id, row.year);
      const writes: FigureWrite[] = before.lines.map((line) => {
        const own = data.figures.filter((f) => f.levelId === line.levelId);
        const revised = own.filter((f) => f.kind === "budget_revised");
        if (revised.some((f) => f.periodType !== "year")) {
          throw new DomainError(
            "conflict",
            `${line.levelName}: budget efter ombudgetering är registrerad per period; för in ombudgeteringen i ekonomisystemet och importera budgeten.`,
          );
        }
        const base = revised.length
          ? sumKronor(revised.map((f) => f.amountKr))
          : sumKronor(own.filter((f) => f.kind === "budget").map((f) => f.amountKr));
        if (base === null) throw new DomainError("conflict", `${line.levelName} saknar budget att ombudgetera.`);
        // A frame increase makes the (negative) netto budget larger in size.
        return {
          levelId: line.levelId,
          kind: "budget_revised",
          forecastId: null,
          periodType: "year",
          periodNo: 0,
          amountKr: base - line.amountKr,
        };
      });
      await applyFigures(context, row.year, writes, null);
      if (row.financing === "resultatfond") {
        const balance = (await repo.fundEntriesOf(trx, row.org_node_id)).reduce((t, e) => t + e.amount_kr, 0);
        const problem = usageProblem(balance, -before.sumKr);
        if (problem) throw new DomainError("conflict", problem);
        const entry = await repo.insertFundEntry(trx, {
          org_node_id: row.org_node_id,
          year: row.year,
          kind: "ianspraktagande",
          amount_kr: -before.sumKr,
          decision_ref: input.decisionRef,
          decided_on: input.decidedOn,
          decided_by: "Nämnden",
          note: row.title,
          reallocation_id: row.id,
        });
        await audit("ekonomi_fund_entry", entry.id, "create", { after: entry });
      }
    }
    const updated = await repo.updateReallocation(trx, id, {
      status: input.outcome,
      decision_ref: input.decisionRef,
      decided_on: input.decidedOn,
    });
    const after = await reallocationWithLines(trx, updated);
    await audit("ekonomi_reallocation", id, "update", { before, after });
    return after;
  });
}

export async function deleteReallocation(db: Db, actor: Actor, id: string) {
  await writeStored(db, actor, "Ombudgeteringen", findReallocation(id), async ({ trx, audit }, row) => {
    if (row.status === "beslutad") throw new DomainError("conflict", "En beslutad ombudgetering kan inte tas bort.");
    const before = await reallocationWithLines(trx, row);
    await repo.deleteLines(trx, id);
    await repo.deleteReallocation(trx, id);
    await audit("ekonomi_reallocation", id, "delete", { before });
  });
}
