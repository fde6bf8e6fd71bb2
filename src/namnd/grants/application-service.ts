// A föreningsbidrag application through its cycle: registered (round 1, or round 2 for remaining funds),
// komplettering, bedömning against the year's criteria, the nämnd's decision (checked against the frame in the
// same transaction, with the year locked), payment and återrapport.
import type { Actor } from "../../platform/auth/access.ts";
import { todayInSweden } from "../../platform/calendar.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { notFound } from "../../platform/errors.ts";
import { read, write } from "../../platform/service.ts";
import { type FieldProblem, validationError } from "../../platform/validation.ts";
import { namndOf } from "../case-read-service.ts";
import { parseDiarienummer } from "../diarienummer.ts";
import { ownDiarienummer } from "../incoming/rules.ts";
import { findCaseByNumber } from "../repository.ts";
import type { NamndDB } from "../tables.ts";
import { previousYearApplications, yearOrThrow } from "./grant-service.ts";
import * as repo from "./repository.ts";
import {
  frameProblem,
  grantedSum,
  missingReport,
  receivedProblem,
  remainingOf,
  secondRoundProblem,
  shareOf,
  stepProblems,
} from "./rules.ts";
import type { ApplicationInput, StepInput } from "./schema.ts";
import { type ApplicationStatus, nextStatuses } from "./vocabulary.ts";

type Db = DbOf<NamndDB>;

async function applicationOrThrow(db: Db, id: string) {
  const row = await repo.findApplication(db, id);
  if (!row) throw notFound("Ansökan");
  return row;
}

/** The date of the application's latest step. */
const lastStepOf = (a: repo.ApplicationRow) =>
  [a.received_on, a.completion_requested_on, a.assessed_on, a.decided_on, a.paid_on, a.reported_on]
    .filter((d): d is string => d !== null)
    .reduce((latest, d) => (d > latest ? d : latest));

const grantedOf = (rows: readonly repo.ApplicationRow[]) =>
  grantedSum(rows.map((a) => ({ status: a.status, amountGranted: a.amount_granted })));

async function describe(db: Db, row: repo.ApplicationRow, year: repo.YearRow) {
  const criteria = await repo.criteriaOf(db, [year.id]);
  const assessments = await repo.assessmentsOf(db, row.id);
  const previous = await previousYearApplications(db, year.org_node_id, year.year);
  const others = (await repo.applicationsOf(db, [year.id])).filter((a) => a.id !== row.id);
  const parsed = row.diarienummer ? parseDiarienummer(row.diarienummer, "") : null;
  const linked = parsed?.ok ? await findCaseByNumber(db, year.org_node_id, parsed.value) : undefined;
  return {
    id: row.id,
    number: row.number,
    round: row.round,
    association: row.association,
    amountApplied: row.amount_applied,
    receivedOn: row.received_on,
    status: row.status,
    amountGranted: row.amount_granted,
    sharePercent: shareOf(row.amount_applied, row.amount_granted),
    missingReport: missingReport(row.association, previous),
    year: { id: year.id, year: year.year },
    purpose: row.purpose,
    diarienummer: row.diarienummer,
    caseId: linked?.id ?? null,
    completionRequestedOn: row.completion_requested_on,
    completionNote: row.completion_note,
    assessedOn: row.assessed_on,
    assessmentNote: row.assessment_note,
    assessments: criteria.map((c) => {
      const given = assessments.find((a) => a.criterion_id === c.id);
      return { criterionId: c.id, text: c.text, fulfilment: given?.fulfilment ?? null, note: given?.note ?? null };
    }),
    decidedOn: row.decided_on,
    decisionReference: row.decision_reference,
    reasons: row.reasons,
    paidOn: row.paid_on,
    reportedOn: row.reported_on,
    nextStatuses: [...nextStatuses[row.status]],
    remainingKronor: remainingOf(year.frame_kronor, grantedOf(others)),
  };
}

export async function getApplication(db: Db, actor: Actor, id: string) {
  const row = await applicationOrThrow(db, id);
  const year = await yearOrThrow(db, row.year_id);
  return read(db, actor, "read", year.org_node_id, ({ db }) => describe(db, row, year));
}

/** Registers an application; the second round only once round 1 is decided and while funds remain. */
export async function registerApplication(db: Db, actor: Actor, yearId: string, input: ApplicationInput) {
  const found = await yearOrThrow(db, yearId);
  const id = await write(db, actor, "write:namnd", found.org_node_id, async ({ trx, audit, node }) => {
    const year = await repo.lockYear(trx, yearId);
    const applications = await repo.applicationsOf(trx, [yearId]);
    const problems: FieldProblem[] = [];
    if (input.round === 2) {
      const problem = secondRoundProblem(
        applications.filter((a) => a.round === 1),
        remainingOf(year.frame_kronor, grantedOf(applications)),
      );
      if (problem) problems.push(problem);
    }
    const late = receivedProblem(
      { openOn: year.applications_open_on, closeOn: year.applications_close_on },
      input.round,
      input.receivedOn,
    );
    if (late) problems.push(late);
    if (input.receivedOn > todayInSweden()) {
      problems.push({ field: "receivedOn", message: `Datumet ${input.receivedOn} ligger i framtiden.` });
    }
    const dnr = ownDiarienummer(input.diarienummer, (await namndOf(trx, node.id)).prefix, "diarienummer");
    if (dnr.problem) problems.push(dnr.problem);
    if (problems.length > 0) throw validationError("Ansökan registrerades inte", problems);
    const id = await repo.insertApplication(trx, {
      year_id: yearId,
      org_node_id: year.org_node_id,
      number: await repo.nextApplicationNumber(trx, yearId),
      round: input.round,
      association: input.association,
      purpose: input.purpose,
      amount_applied: input.amountApplied,
      received_on: input.receivedOn,
      diarienummer: dnr.value,
      status: "inkommen",
      completion_requested_on: null,
      completion_note: null,
      assessed_on: null,
      assessment_note: null,
      decided_on: null,
      decision_reference: null,
      amount_granted: null,
      reasons: null,
      paid_on: null,
      reported_on: null,
    });
    await audit("namnd_grant_application", id, "create", { after: { ...input, diarienummer: dnr.value } });
    return id;
  });
  return getApplication(db, actor, id);
}

/** The columns a step sets. */
function valuesOf(step: StepInput): Partial<repo.ApplicationRow> & { status: ApplicationStatus } {
  switch (step.status) {
    case "komplettering_begard":
      return { status: step.status, completion_requested_on: step.on, completion_note: step.note ?? null };
    case "bedomd":
      return { status: step.status, assessed_on: step.on, assessment_note: step.note ?? null };
    case "beviljad":
    case "avslagen":
      return {
        status: step.status,
        decided_on: step.on,
        amount_granted: step.amountGranted ?? null,
        reasons: step.reasons ?? null,
        decision_reference: step.decisionReference ?? null,
      };
    case "utbetald":
      return { status: step.status, paid_on: step.on };
    case "aterrapporterad":
      return { status: step.status, reported_on: step.on };
    case "inkommen":
      return { status: step.status };
  }
}

/**
 * Takes the application's next step. A grant is checked against the frame with the year's row locked, so the
 * sum granted never passes the frame however many decisions are recorded at once.
 */
export async function takeStep(db: Db, actor: Actor, id: string, step: StepInput) {
  const found = await applicationOrThrow(db, id);
  const yearRow = await yearOrThrow(db, found.year_id);
  await write(db, actor, "write:namnd", yearRow.org_node_id, async ({ trx, audit }) => {
    const year = await repo.lockYear(trx, found.year_id);
    const row = await applicationOrThrow(trx, id);
    const criteria = await repo.criteriaOf(trx, [year.id]);
    const problems = stepProblems(
      { status: row.status, amountApplied: row.amount_applied, lastStepOn: lastStepOf(row) },
      step,
      criteria.map((c) => c.id),
      todayInSweden(),
    );
    if (step.status === "beviljad" && step.amountGranted) {
      const others = (await repo.applicationsOf(trx, [year.id])).filter((a) => a.id !== id);
      const problem = frameProblem(year.frame_kronor, grantedOf(others), step.amountGranted);
      if (problem) problems.push(problem);
    }
    if (problems.length > 0) throw validationError("Steget sparades inte", problems);
    const values = valuesOf(step);
    await repo.updateApplication(trx, id, values);
    if (step.status === "bedomd") {
      await repo.insertAssessments(
        trx,
        step.assessments.map((a) => ({
          application_id: id,
          criterion_id: a.criterionId,
          fulfilment: a.fulfilment,
          note: a.note ?? null,
        })),
      );
    }
    await audit("namnd_grant_application", id, "update", {
      before: { status: row.status },
      after: { ...values, ...(step.status === "bedomd" ? { assessments: step.assessments } : {}) },
    });
  });
  return getApplication(db, actor, id);
}
