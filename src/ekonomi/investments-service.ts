import type { z } from "zod";
import type { Actor } from "../platform/auth/access.ts";
import { notFound } from "../platform/errors.ts";
import { buildInvestmentReport, type InvestmentCategory } from "./reports.ts";
import * as repo from "./repository.ts";
import type { InvestmentInput, investmentPatch } from "./schema.ts";
import { audit, type Db, requireNamnd, unique } from "./service-helpers.ts";

export const investmentDto = (i: repo.InvestmentRow) => ({
  id: i.id,
  year: i.year,
  category: i.category as InvestmentCategory,
  name: i.name,
  projectCode: i.project_code,
  budgetInkomsterKr: i.budget_inkomster_kr,
  budgetUtgifterKr: i.budget_utgifter_kr,
  bokslutInkomsterKr: i.bokslut_inkomster_kr,
  bokslutUtgifterKr: i.bokslut_utgifter_kr,
  note: i.note,
  sortOrder: i.sort_order,
});

export async function investments(db: Db, actor: Actor, namndId: string, year: number) {
  await requireNamnd(db, actor, "read", namndId);
  return buildInvestmentReport((await repo.investmentsOf(db, namndId, [year])).map(investmentDto));
}

const investmentConflict = "Det finns redan en investering med det namnet det året.";

export async function createInvestment(db: Db, actor: Actor, namndId: string, year: number, input: InvestmentInput) {
  return db.transaction().execute(async (trx) => {
    await requireNamnd(trx, actor, "write:ekonomi", namndId);
    const row = await unique(
      repo.insertInvestment(trx, {
        org_node_id: namndId,
        year,
        category: input.category,
        name: input.name,
        project_code: input.projectCode ?? null,
        budget_inkomster_kr: input.budgetInkomsterKr ?? null,
        budget_utgifter_kr: input.budgetUtgifterKr ?? null,
        bokslut_inkomster_kr: input.bokslutInkomsterKr ?? null,
        bokslut_utgifter_kr: input.bokslutUtgifterKr ?? null,
        note: input.note ?? null,
        sort_order: input.sortOrder ?? 0,
      }),
      investmentConflict,
    );
    await audit(trx, actor, "ekonomi_investment", row.id, namndId, "create", undefined, row);
    return investmentDto(row);
  });
}

export async function updateInvestment(db: Db, actor: Actor, id: string, patch: z.infer<typeof investmentPatch>) {
  return db.transaction().execute(async (trx) => {
    const before = await repo.findInvestment(trx, id);
    if (!before) throw notFound("Investeringen");
    await requireNamnd(trx, actor, "write:ekonomi", before.org_node_id);
    const set = <K extends keyof typeof patch>(key: K) => patch[key] !== undefined;
    const after = await unique(
      repo.updateInvestment(trx, id, {
        ...(set("category") ? { category: patch.category } : {}),
        ...(set("name") ? { name: patch.name } : {}),
        ...(set("projectCode") ? { project_code: patch.projectCode ?? null } : {}),
        ...(set("budgetInkomsterKr") ? { budget_inkomster_kr: patch.budgetInkomsterKr ?? null } : {}),
        ...(set("budgetUtgifterKr") ? { budget_utgifter_kr: patch.budgetUtgifterKr ?? null } : {}),
        ...(set("bokslutInkomsterKr") ? { bokslut_inkomster_kr: patch.bokslutInkomsterKr ?? null } : {}),
        ...(set("bokslutUtgifterKr") ? { bokslut_utgifter_kr: patch.bokslutUtgifterKr ?? null } : {}),
        ...(set("note") ? { note: patch.note ?? null } : {}),
        ...(set("sortOrder") ? { sort_order: patch.sortOrder } : {}),
      }),
      investmentConflict,
    );
    await audit(trx, actor, "ekonomi_investment", id, before.org_node_id, "update", before, after);
    return investmentDto(after);
  });
}

export async function deleteInvestment(db: Db, actor: Actor, id: string) {
  await db.transaction().execute(async (trx) => {
    const before = await repo.findInvestment(trx, id);
    if (!before) throw notFound("Investeringen");
    await requireNamnd(trx, actor, "write:ekonomi", before.org_node_id);
    await repo.deleteInvestment(trx, id);
    await audit(trx, actor, "ekonomi_investment", id, before.org_node_id, "delete", before);
  });
}
