import type { Actor } from "../../platform/auth/access.ts";
import { todayInSweden } from "../../platform/calendar.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { notFound } from "../../platform/errors.ts";
import { read, write, writeRecord } from "../../platform/service.ts";
import { type FieldProblem, labelledProblems, validationError } from "../../platform/validation.ts";
import { namndOf } from "../case-read-service.ts";
import { ownDiarienummer } from "../incoming/rules.ts";
import type { NamndDB } from "../tables.ts";
import * as repo from "./repository.ts";
import { answerProblems, type MotionState, stepProblems } from "./rules.ts";
import {
  type MotionInput,
  type MotionPatch,
  type MotionsQuery,
  motionInput,
  motionPatch,
  type RefereeAnswerInput,
  refereeAnswerInput,
  type StepInput,
  stepInput,
} from "./schema.ts";

type Db = DbOf<NamndDB>;

async function motionOrThrow(db: Db, id: string) {
  const row = await repo.findMotion(db, id);
  if (!row) throw notFound("Ärendet");
  return row;
}

/** Motions with their steps and referees, in wire form. */
async function describe(db: Db, rows: repo.MotionRow[]) {
  const ids = rows.map((r) => r.id);
  const [steps, referees] = [await repo.stepsOf(db, ids), await repo.refereesOf(db, ids)];
  return rows.map((m) => ({
    id: m.id,
    kind: m.kind,
    title: m.title,
    submittedBy: m.submitted_by,
    datedOn: m.dated_on,
    diarienummer: m.diarienummer,
    status: m.status,
    proposal: m.proposal,
    steps: steps
      .filter((s) => s.motion_id === m.id)
      .map((s) => ({ status: s.status, occurredOn: s.occurred_on, reference: s.reference, note: s.note })),
    referees: referees
      .filter((r) => r.motion_id === m.id)
      .map((r) => ({ referee: r.referee, status: r.status, answeredOn: r.answered_on, reference: r.reference })),
  }));
}

async function stateOf(db: Db, motion: repo.MotionRow) {
  const steps = await repo.stepsOf(db, [motion.id]);
  const referees = await repo.refereesOf(db, [motion.id]);
  const state: MotionState & { referredOn: string | null } = {
    status: motion.status,
    lastStepOn: steps.at(-1)?.occurred_on ?? "0000-01-01",
    referees: referees.map((r) => ({ referee: r.referee, answeredOn: r.answered_on })),
    referredOn: steps.find((s) => s.status === "remitterad")?.occurred_on ?? null,
  };
  return { state, referees };
}

export async function listMotions(db: Db, actor: Actor, q: MotionsQuery) {
  const namnd = await namndOf(db, q.orgNodeId);
  return read(db, actor, "read", namnd.id, async ({ db }) =>
    describe(db, await repo.motionsOf(db, namnd.id, { kind: q.kind, status: q.status })),
  );
}

export async function getMotion(db: Db, actor: Actor, id: string) {
  const row = await motionOrThrow(db, id);
  return read(db, actor, "read", row.org_node_id, async ({ db }) => {
    const [motion] = await describe(db, [row]);
    if (!motion) throw notFound("Ärendet");
    return motion;
  });
}

/** Registers an initiativärende or motion as inkommen on the day it came in. */
export async function registerMotion(db: Db, actor: Actor, input: MotionInput) {
  const namnd = await namndOf(db, input.orgNodeId);
  const id = await write(db, actor, "write:namnd", namnd.id, async ({ trx, audit }) => {
    const problems: FieldProblem[] = [];
    const today = todayInSweden();
    if (input.receivedOn > today)
      problems.push({ field: "receivedOn", message: `Datumet ${input.receivedOn} ligger i framtiden.` });
    if (input.datedOn && input.datedOn > today)
      problems.push({ field: "datedOn", message: `Datumet ${input.datedOn} ligger i framtiden.` });
    const dnr = ownDiarienummer(input.diarienummer, namnd.prefix, "diarienummer");
    if (dnr.problem) problems.push(dnr.problem);
    if (problems.length > 0)
      throw validationError("Ärendet registrerades inte", labelledProblems(motionInput, problems));
    const id = await repo.insertMotion(trx, {
      org_node_id: namnd.id,
      kind: input.kind,
      title: input.title,
      submitted_by: input.submittedBy ?? null,
      dated_on: input.datedOn ?? null,
      diarienummer: dnr.value,
      status: "inkommen",
      proposal: null,
    });
    await repo.insertSteps(trx, [
      { motion_id: id, status: "inkommen", occurred_on: input.receivedOn, reference: null, note: null },
    ]);
    await audit("namnd_motion", id, "create", { after: { ...input, diarienummer: dnr.value } });
    return id;
  });
  return getMotion(db, actor, id);
}

export async function updateMotion(db: Db, actor: Actor, id: string, patch: MotionPatch) {
  await writeRecord(
    db,
    actor,
    "write:namnd",
    (db) => motionOrThrow(db, id),
    async ({ trx, audit, record }) => {
      const namnd = await namndOf(trx, record.org_node_id);
      const problems: FieldProblem[] = [];
      const dnr = ownDiarienummer(patch.diarienummer, namnd.prefix, "diarienummer");
      if (dnr.problem) problems.push(dnr.problem);
      if (patch.datedOn && patch.datedOn > todayInSweden()) {
        problems.push({ field: "datedOn", message: `Datumet ${patch.datedOn} ligger i framtiden.` });
      }
      if (patch.proposal && (patch.proposal === "besvarad") !== (record.kind === "initiativ")) {
        problems.push({
          field: "proposal",
          message:
            record.kind === "motion"
              ? "En motion får förslag om bifall eller avslag."
              : "Ett initiativärende besvaras.",
        });
      }
      if (problems.length > 0) throw validationError("Ärendet ändrades inte", labelledProblems(motionPatch, problems));
      const values = {
        ...(patch.title !== undefined ? { title: patch.title } : {}),
        ...(patch.submittedBy !== undefined ? { submitted_by: patch.submittedBy } : {}),
        ...(patch.datedOn !== undefined ? { dated_on: patch.datedOn } : {}),
        ...(patch.diarienummer !== undefined ? { diarienummer: dnr.value } : {}),
        ...(patch.proposal !== undefined ? { proposal: patch.proposal } : {}),
      };
      await repo.updateMotion(trx, id, values);
      await audit("namnd_motion", id, "update", { before: record, after: values });
    },
  );
  return getMotion(db, actor, id);
}

/** Takes the next step (never skipping one); a referral records its referees, each awaiting its answer. */
export async function takeStep(db: Db, actor: Actor, id: string, step: StepInput) {
  await writeRecord(
    db,
    actor,
    "write:namnd",
    (db) => motionOrThrow(db, id),
    async ({ trx, audit, record }) => {
      const { state } = await stateOf(trx, record);
      const problems = stepProblems(state, step, todayInSweden());
      if (problems.length > 0) throw validationError("Steget sparades inte", labelledProblems(stepInput, problems));
      await repo.insertSteps(trx, [
        {
          motion_id: id,
          status: step.status,
          occurred_on: step.occurredOn,
          reference: step.reference ?? null,
          note: step.note ?? null,
        },
      ]);
      await repo.insertReferees(
        trx,
        step.referees.map((referee) => ({
          motion_id: id,
          referee,
          status: "remitterad" as const,
          answered_on: null,
          reference: null,
        })),
      );
      await repo.updateMotion(trx, id, { status: step.status });
      await audit("namnd_motion", id, "update", { before: { status: record.status }, after: step });
    },
  );
  return getMotion(db, actor, id);
}

/** Records one referee's answer. */
export async function answerReferral(db: Db, actor: Actor, id: string, answer: RefereeAnswerInput) {
  await writeRecord(
    db,
    actor,
    "write:namnd",
    (db) => motionOrThrow(db, id),
    async ({ trx, audit, record }) => {
      const { state, referees } = await stateOf(trx, record);
      const problems = answerProblems(state, answer, todayInSweden());
      if (problems.length > 0)
        throw validationError("Svaret sparades inte", labelledProblems(refereeAnswerInput, problems));
      const referee = referees.find(
        (r) => r.referee.toLocaleLowerCase("sv") === answer.referee.toLocaleLowerCase("sv"),
      );
      if (!referee) throw notFound("Remissinstansen");
      await repo.answerReferee(trx, referee.id, answer.answeredOn, answer.reference ?? null);
      await audit("namnd_motion_referee", referee.id, "update", { before: referee, after: answer });
    },
  );
  return getMotion(db, actor, id);
}
