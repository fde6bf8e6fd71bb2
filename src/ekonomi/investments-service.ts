import type { z } from "zod";
import type { Actor } from "../platform/auth/access.ts";
import { read, write } from "../platform/service.ts";
import { buildInvestmentReport, type InvestmentCategory } from "./reports.ts";
import * as repo from "./repository.ts";
import type { InvestmentInput, investmentPatch } from "./schema.ts";
import { type Db, namndOf, unique, writeStored } from "./shared-service.ts";

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
  return read(db, actor, "read", namndId, async ({ node }) => {
    namndOf(node);
    return buildInvestmentReport((await repo.investmentsOf(db, namndId, [year])).map(investmentDto));
  });
}

const investmentConflict = "Det finns redan en investering med det namnet det året.";

export async function createInvestment(db: Db, actor: Actor, namndId: string, year: number, input: InvestmentInput) {
  return write(db, actor, "write:ekonomi", namndId, async ({ trx, node, audit }) => {
    namndOf(node);
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
    await audit("ekonomi_investment", row.id, "create", { after: row });
    return investmentDto(row);
  });
}

export async function updateInvestment(db: Db, actor: Actor, id: string, patch: z.infer<typeof investmentPatch>) {
  return writeStored(
    db,
    actor,
    "Investeringen",
    (d) => repo.findInvestment(d, id),
    async ({ trx, audit }, before) => {
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
      await audit("ekonomi_investment", id, "update", { before, after });
      return investmentDto(after);
    },
  );
}

export async function deleteInvestment(db: Db, actor: Actor, id: string) {
  await writeStored(
    db,
    actor,
    "Investeringen",
    (d) => repo.findInvestment(d, id),
    async ({ trx, audit }, before) => {
      await repo.deleteInvestment(trx, id);
      await audit("ekonomi_investment", id, "delete", { before });
    },
  );
}
