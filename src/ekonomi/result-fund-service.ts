import type { Actor } from "../platform/auth/access.ts";
import { DomainError } from "../platform/errors.ts";
import { read, write } from "../platform/service.ts";
import { buildFundLedger, buildSummary, disposalProblem, type FundEntryKind } from "./reports.ts";
import * as repo from "./repository.ts";
import { type FundEntryInput, fundEntryInput } from "./schema.ts";
import { type Db, loadYears, namndOf, unique, validation, writeStored } from "./shared-service.ts";

const fundEntryDto = (e: repo.FundEntryRow) => ({
  id: e.id,
  year: e.year,
  kind: e.kind as FundEntryKind,
  amountKr: e.amount_kr,
  decisionRef: e.decision_ref,
  decidedOn: e.decided_on,
  decidedBy: e.decided_by,
  note: e.note,
  reallocationId: e.reallocation_id,
});

/** Each year's result against budget (null until the year is closed). */
async function yearResults(db: Db, namndId: string) {
  const years = await repo.yearsOf(db, namndId);
  const data = await loadYears(db, namndId, years);
  return buildSummary([...data.values()], new Map()).years.map((y) => ({
    year: y.year,
    resultKr: y.complete ? y.avvikelseKr : null,
  }));
}

export async function resultFund(db: Db, actor: Actor, namndId: string) {
  return read(db, actor, "read", namndId, async ({ node }) => {
    const namnd = namndOf(node);
    const entries = (await repo.fundEntriesOf(db, namndId)).map(fundEntryDto);
    return { namnd: { id: namnd.id, name: namnd.name }, ...buildFundLedger(await yearResults(db, namndId), entries) };
  });
}

export async function addFundEntry(db: Db, actor: Actor, namndId: string, input: FundEntryInput) {
  return write(db, actor, "write:ekonomi", namndId, async ({ trx, node, audit }) => {
    namndOf(node);
    if (input.kind === "disposition") {
      const result = (await yearResults(trx, namndId)).find((r) => r.year === input.year)?.resultKr ?? null;
      const problem = disposalProblem(result, input.amountKr);
      if (problem) throw validation(fundEntryInput, "amountKr", problem);
    } else if (input.amountKr === 0) {
      throw validation(fundEntryInput, "amountKr", "Ett belopp på 0 kr ändrar inte fonden.");
    }
    const entry = await unique(
      repo.insertFundEntry(trx, {
        org_node_id: namndId,
        year: input.year,
        kind: input.kind,
        amount_kr: input.amountKr,
        decision_ref: input.decisionRef,
        decided_on: input.decidedOn,
        decided_by: input.decidedBy,
        note: input.note ?? null,
        reallocation_id: null,
      }),
      input.kind === "disposition"
        ? `Resultatet ${input.year} är redan disponerat.`
        : "Resultatfonden har redan en ingående balans.",
    );
    await audit("ekonomi_fund_entry", entry.id, "create", { after: entry });
    return fundEntryDto(entry);
  });
}

export async function deleteFundEntry(db: Db, actor: Actor, id: string) {
  await writeStored(
    db,
    actor,
    "Fondposten",
    (d) => repo.findFundEntry(d, id),
    async ({ trx, audit }, entry) => {
      if (entry.reallocation_id) {
        throw new DomainError("conflict", "Posten hör till en beslutad ombudgetering och kan inte tas bort för sig.");
      }
      await repo.deleteFundEntry(trx, id);
      await audit("ekonomi_fund_entry", id, "delete", { before: entry });
    },
  );
}
