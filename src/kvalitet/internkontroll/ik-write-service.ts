// Writing a nämnd's internkontroll: the plan decision, risks, granskningar and the självskattning, by
// someone with write:kvalitet on the nämnd. Each write checks the whole proposed record first and writes
// nothing when anything is wrong; free text is masked for personnummer.
import type { z } from "zod";
import { kommunIdOf } from "../../organisation/index.ts";
import type { Actor } from "../../platform/auth/access.ts";
import { todayInSweden } from "../../platform/calendar.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { write, writeRecord } from "../../platform/service.ts";
import { type FieldProblem, labelledProblems, validationError } from "../../platform/validation.ts";
import { checkPlanYear, maskFreeText } from "../kvalitetsplan/rules.ts";
import type { KvalitetDB } from "../tables.ts";
import { requireNamnd } from "./ik-read-service.ts";
import * as repo from "./repository.ts";
import { checkAnswers, checkGranskning, checkIkRisk, checkPlanDecision } from "./rules.ts";
import {
  type GranskningInput,
  type GranskningPatch,
  granskningInput,
  type IkRiskInput,
  type IkRiskPatch,
  ikRiskInput,
  type PlanDecisionInput,
  planDecisionInput,
  type SelfAssessmentInput,
  selfAssessmentInput,
} from "./schema.ts";

type Db = DbOf<KvalitetDB>;

const refuse = (what: string, schema: z.ZodType, problems: FieldProblem[]) => {
  if (problems.length > 0) throw validationError(`${what} sparades inte`, labelledProblems(schema, problems));
};

/** The nämnd's decision on the plan: diarienummer, the day it was adopted and the §. */
export function savePlanDecision(db: Db, actor: Actor, input: PlanDecisionInput) {
  return write(db, actor, "write:kvalitet", input.orgNodeId, async ({ trx, node, audit }) => {
    const namnd = requireNamnd(node, "Planen");
    const adoptedOn = input.adoptedOn ?? null;
    refuse("Planen", planDecisionInput, [
      ...checkPlanYear(input.year, todayInSweden()),
      ...checkPlanDecision({ year: input.year, adoptedOn }, todayInSweden()),
    ]);
    const before = await repo.findPlan(trx, { orgNodeId: namnd.id, year: input.year });
    const after = await repo.upsertPlan(trx, {
      org_node_id: namnd.id,
      year: input.year,
      diarienummer: input.diarienummer ?? null,
      adopted_on: adoptedOn,
      decision_ref: input.decisionRef ?? null,
    });
    await audit("kvalitet_ik_plan", after.id, before ? "update" : "create", { before, after });
    return { id: after.id, warnings: [] };
  });
}

const riskText = { category: "kategorin", description: "riskbeskrivningen", reason: "anledningen" } as const;

export function addIkRisk(db: Db, actor: Actor, input: IkRiskInput) {
  return write(db, actor, "write:kvalitet", input.orgNodeId, async ({ trx, node, audit }) => {
    const namnd = requireNamnd(node, "Risken");
    const reason = input.reason ?? null;
    refuse("Risken", ikRiskInput, [
      ...checkPlanYear(input.year, todayInSweden()),
      ...checkIkRisk({ toPlan: input.toPlan, reason }),
    ]);
    const y = { orgNodeId: namnd.id, year: input.year };
    const nr = Math.max(0, ...(await repo.risksOf(trx, y)).map((r) => r.nr)) + 1;
    const { values, warnings } = maskFreeText(
      { category: input.category, description: input.description, reason },
      riskText,
    );
    const [row] = await repo.insertRisks(trx, [
      {
        org_node_id: namnd.id,
        year: input.year,
        nr,
        common: input.common,
        likelihood: input.likelihood,
        consequence: input.consequence,
        to_plan: input.toPlan,
        ...values,
      },
    ]);
    if (!row) throw new Error("insert returned no risk");
    await audit("kvalitet_ik_risk", row.id, "create", { after: row });
    return { id: row.id, warnings };
  });
}

const patched = <T>(value: T | undefined, current: T): T => (value === undefined ? current : value);

export function updateIkRisk(db: Db, actor: Actor, id: string, patch: IkRiskPatch) {
  return writeRecord(
    db,
    actor,
    "write:kvalitet",
    async (db) => {
      const row = await repo.findRisk(db, id);
      if (!row) throw notFound("Risken");
      return row;
    },
    async ({ trx, record, audit }) => {
      const toPlan = patch.toPlan ?? record.to_plan;
      const reason = patched(patch.reason, record.reason);
      refuse("Risken", ikRiskInput, checkIkRisk({ toPlan, reason }));
      const { values, warnings } = maskFreeText(
        { category: patch.category ?? record.category, description: patch.description ?? record.description, reason },
        riskText,
      );
      const after = await repo.updateRisk(trx, id, {
        ...values,
        common: patch.common ?? record.common,
        likelihood: patch.likelihood ?? record.likelihood,
        consequence: patch.consequence ?? record.consequence,
        to_plan: toPlan,
      });
      await audit("kvalitet_ik_risk", id, "update", { before: record, after });
      return { id, warnings };
    },
  );
}

// ---------------------------------------------------------------- granskningar

const granskningText = {
  title: "granskningen",
  method: "metoden",
  responsible: "ansvarig",
  result: "resultatet",
  verdict: "bedömningen",
} as const;

type GranskningState = {
  nr: string;
  title: string;
  method: string;
  frequency: string;
  responsible: string;
  result: string | null;
  deviations: boolean | null;
  verdict: string | null;
};

/** Checks a proposed granskning and its risks (of the same nämnd and year, numbers unique) before any write. */
async function checkedGranskning(
  db: Db,
  y: { orgNodeId: string; year: number },
  g: GranskningState,
  riskIds: readonly string[],
  id: string | null,
) {
  const risks = await repo.risksOf(db, y);
  const problems: FieldProblem[] = [
    ...checkPlanYear(y.year, todayInSweden()),
    ...checkGranskning(g),
    ...riskIds.flatMap((riskId, i) =>
      risks.some((r) => r.id === riskId)
        ? []
        : [{ field: `riskIds.${i}`, message: `Risken finns inte i ${y.year} års riskanalys för nämnden.` }],
    ),
  ];
  if ((await repo.granskningarOf(db, y)).some((other) => other.nr === g.nr && other.id !== id)) {
    problems.push({ field: "nr", message: `Granskning ${g.nr} finns redan för ${y.year}.` });
  }
  refuse("Granskningen", granskningInput, problems);
  return maskFreeText(g, granskningText);
}

export function addGranskning(db: Db, actor: Actor, input: GranskningInput) {
  return write(db, actor, "write:kvalitet", input.orgNodeId, async ({ trx, node, audit }) => {
    const namnd = requireNamnd(node, "Granskningen");
    const y = { orgNodeId: namnd.id, year: input.year };
    const { values, warnings } = await checkedGranskning(
      trx,
      y,
      {
        nr: input.nr,
        title: input.title,
        method: input.method,
        frequency: input.frequency,
        responsible: input.responsible,
        result: input.result ?? null,
        deviations: input.deviations ?? null,
        verdict: input.verdict ?? null,
      },
      input.riskIds,
      null,
    );
    const [row] = await repo.insertGranskningar(trx, [{ ...values, org_node_id: namnd.id, year: input.year }]);
    if (!row) throw new Error("insert returned no granskning");
    await repo.insertRiskLinks(
      trx,
      [...new Set(input.riskIds)].map((risk_id) => ({ granskning_id: row.id, risk_id })),
    );
    await audit("kvalitet_ik_granskning", row.id, "create", { after: { ...row, riskIds: input.riskIds } });
    return { id: row.id, warnings };
  });
}

/** Changes a granskning: its plan, or (during the year) its result, deviations and verdict. */
export function updateGranskning(db: Db, actor: Actor, id: string, patch: GranskningPatch) {
  return writeRecord(
    db,
    actor,
    "write:kvalitet",
    async (db) => {
      const row = await repo.findGranskning(db, id);
      if (!row) throw notFound("Granskningen");
      return row;
    },
    async ({ trx, record, audit }) => {
      const currentRisks = (await repo.riskLinksOf(trx, [id])).map((l) => l.risk_id);
      const riskIds = patch.riskIds ?? currentRisks;
      const { values, warnings } = await checkedGranskning(
        trx,
        { orgNodeId: record.org_node_id, year: record.year },
        {
          nr: patch.nr ?? record.nr,
          title: patch.title ?? record.title,
          method: patch.method ?? record.method,
          frequency: patch.frequency ?? record.frequency,
          responsible: patch.responsible ?? record.responsible,
          result: patched(patch.result, record.result),
          deviations: patched(patch.deviations, record.deviations),
          verdict: patched(patch.verdict, record.verdict),
        },
        riskIds,
        id,
      );
      const after = await repo.updateGranskning(trx, id, values);
      if (patch.riskIds) await repo.replaceRiskLinks(trx, id, [...new Set(riskIds)]);
      await audit("kvalitet_ik_granskning", id, "update", {
        before: { ...record, riskIds: currentRisks },
        after: { ...after, riskIds },
      });
      return { id, warnings };
    },
  );
}

// ---------------------------------------------------------------- självskattning

/** Saves answers to the kommun's questions (others keep theirs); refused whole if any names an unknown one. */
export function saveSelfAssessment(db: Db, actor: Actor, input: SelfAssessmentInput) {
  return write(db, actor, "write:kvalitet", input.orgNodeId, async ({ trx, node, audit }) => {
    const namnd = requireNamnd(node, "Självskattningen");
    const questions = await repo.questionsOf(trx, kommunIdOf(namnd.path));
    if (questions.length === 0) {
      throw new DomainError("conflict", "Kommunen har ingen självskattning; be administratören lägga in frågorna.");
    }
    refuse("Självskattningen", selfAssessmentInput, [
      ...checkPlanYear(input.year, todayInSweden()),
      ...checkAnswers(
        questions.filter((q) => q.active).map((q) => q.id),
        input.answers,
      ),
    ]);
    const masked = input.answers.map((a) => maskFreeText({ comment: a.comment ?? null }, { comment: "kommentaren" }));
    const y = { orgNodeId: namnd.id, year: input.year };
    const before = await repo.answersOf(trx, y);
    await repo.upsertAnswers(
      trx,
      input.answers.map((a, i) => ({
        org_node_id: namnd.id,
        year: input.year,
        question_id: a.questionId,
        answer: a.answer,
        comment: masked[i]?.values.comment ?? null,
      })),
    );
    await audit("kvalitet_ik_answer", null, "update", { before, after: await repo.answersOf(trx, y) });
    return { id: namnd.id, warnings: [...new Set(masked.flatMap((m) => m.warnings))] };
  });
}
