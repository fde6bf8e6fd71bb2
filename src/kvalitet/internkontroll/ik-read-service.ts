// Reading a nämnd's internkontroll for a year, and the follow-up report to KS built from it. It holds no
// personal data (risks, controls and findings about how the förvaltning works), so `read` on the nämnd
// suffices.
import { kommunIdOf } from "../../organisation/index.ts";
import { type Actor, can } from "../../platform/auth/access.ts";
import { todayInSweden } from "../../platform/calendar.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { read, type ServiceNode } from "../../platform/service.ts";
import { validationError } from "../../platform/validation.ts";
import { describeAtgard } from "../kvalitetsplan/plan-read-service.ts";
import * as plans from "../kvalitetsplan/repository.ts";
import { scaleOf } from "../kvalitetsplan/scale-service.ts";
import { assess, countByLevel, riskMatrix } from "../risk/risk.ts";
import type { KvalitetDB } from "../tables.ts";
import { followUpReport } from "./report.ts";
import * as repo from "./repository.ts";
import { tallyAnswers } from "./rules.ts";

type Db = DbOf<KvalitetDB>;

/** Internkontroll is the nämnd's: its plan, its granskningar, its report to KS. */
export function requireNamnd<N extends { kind: string; name: string }>(node: N, what = "Internkontrollen"): N {
  if (node.kind !== "namnd") {
    throw validationError(`${what} sparades inte`, [
      { field: "orgNodeId", label: "Nämnd", message: `Internkontrollen är nämndens; välj nämnden, inte ${node.name}.` },
    ]);
  }
  return node;
}

export type YearView = Awaited<ReturnType<typeof viewOf>>;

async function viewOf(db: Db, actor: Actor, namnd: ServiceNode, year: number) {
  const y = { orgNodeId: namnd.id, year };
  const kommunId = kommunIdOf(namnd.path);
  const scale = await scaleOf(db, kommunId, "internkontroll");
  const plan = await repo.findPlan(db, y);
  const risks = await repo.risksOf(db, y);
  const granskningar = await repo.granskningarOf(db, y);
  const ids = granskningar.map((g) => g.id);
  const links = await repo.riskLinksOf(db, ids);
  const atgarder = await plans.atgarderOfGranskningar(db, ids);
  const questions = (await repo.questionsOf(db, kommunId)).filter((q) => q.active);
  const answers = new Map((await repo.answersOf(db, y)).map((a) => [a.question_id, a]));
  const riskById = new Map(risks.map((r) => [r.id, r]));
  const granskningById = new Map(granskningar.map((g) => [g.id, g]));
  const today = todayInSweden();
  const unit = { id: namnd.id, name: namnd.name };
  const described = atgarder.map((a) =>
    describeAtgard(a, unit, { risks: new Map(), egenkontroller: new Map(), granskningar: granskningById }, today),
  );
  const toPlan = risks.filter((r) => r.to_plan);
  return {
    namnd: unit,
    year,
    canWrite: can(actor, "write:kvalitet", namnd.path),
    plan: plan ? { diarienummer: plan.diarienummer, adoptedOn: plan.adopted_on, decisionRef: plan.decision_ref } : null,
    scale,
    risks: risks.map((r) => ({
      id: r.id,
      nr: r.nr,
      category: r.category,
      description: r.description,
      common: r.common,
      likelihood: r.likelihood,
      consequence: r.consequence,
      ...assess(r.likelihood, r.consequence, scale),
      toPlan: r.to_plan,
      reason: r.reason,
      granskningNrs: links
        .filter((l) => l.risk_id === r.id)
        .flatMap((l) => granskningById.get(l.granskning_id)?.nr ?? []),
    })),
    /** The plan's risks (those taken to it) placed in the matrix. */
    matrix: riskMatrix(scale, toPlan).map((row) =>
      row.map(({ risks: placed, ...cell }) => ({ ...cell, riskNrs: placed.map((r) => r.nr) })),
    ),
    levelCounts: countByLevel(scale, toPlan),
    granskningar: granskningar.map((g) => ({
      id: g.id,
      nr: g.nr,
      title: g.title,
      method: g.method,
      frequency: g.frequency,
      responsible: g.responsible,
      result: g.result,
      deviations: g.deviations,
      verdict: g.verdict,
      risks: links
        .filter((l) => l.granskning_id === g.id)
        .flatMap((l) => {
          const risk = riskById.get(l.risk_id);
          return risk ? [{ id: risk.id, nr: risk.nr }] : [];
        })
        .sort((a, b) => a.nr - b.nr),
      atgarder: described.filter((a) => a.linkedTo.id === g.id),
    })),
    questions: questions.map((q) => ({
      id: q.id,
      nr: q.nr,
      area: q.area,
      text: q.text,
      answer: answers.get(q.id)?.answer ?? null,
      comment: answers.get(q.id)?.comment ?? null,
    })),
    tally: tallyAnswers(questions, new Map([...answers].map(([id, a]) => [id, a.answer]))),
  };
}

export function yearView(db: Db, actor: Actor, orgNodeId: string, year: number) {
  return read(db, actor, "read", orgNodeId, ({ db, node }) => viewOf(db, actor, requireNamnd(node), year));
}

/** The follow-up report to KS (the January memo), as structured chapters. */
export function report(db: Db, actor: Actor, orgNodeId: string, year: number) {
  return read(db, actor, "read", orgNodeId, async ({ db, node }) =>
    followUpReport(await viewOf(db, actor, requireNamnd(node), year)),
  );
}
