// Writing a unit's kvalitetsplan: risks, egenkontroller and åtgärder, by someone with write:kvalitet on the
// unit. Every write checks the whole proposed record first (rules.ts) and writes nothing when anything is
// wrong; free text is masked for personnummer on the way in.
import type { z } from "zod";
import { kommunIdOf } from "../../organisation/index.ts";
import type { Actor } from "../../platform/auth/access.ts";
import { todayInSweden } from "../../platform/calendar.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { write, writeRecord } from "../../platform/service.ts";
import { type FieldProblem, labelledProblems, validationError } from "../../platform/validation.ts";
import * as ik from "../internkontroll/repository.ts";
import type { KvalitetDB } from "../tables.ts";
import { requirePlanUnit } from "./plan-read-service.ts";
import * as repo from "./repository.ts";
import { checkAtgard, checkEgenkontroll, checkPlanYear, maskFreeText } from "./rules.ts";
import {
  type AtgardInput,
  type AtgardPatch,
  atgardInput,
  type EgenkontrollInput,
  type EgenkontrollPatch,
  egenkontrollInput,
  type RiskInput,
  type RiskPatch,
  riskInput,
} from "./schema.ts";
import { atgardStatusLabels, isClosedStatus } from "./vocabulary.ts";

type Db = DbOf<KvalitetDB>;

/** Refuses `what` when there are problems, naming each field as `schema` (the input's) labels it. */
const refuse = (what: string, schema: z.ZodType, problems: FieldProblem[]) => {
  if (problems.length > 0) throw validationError(`${what} sparades inte`, labelledProblems(schema, problems));
};

/** The process must be one of the kommun's; a deactivated one may stay where it is but not be chosen anew. */
async function checkProcess(db: Db, path: string, processId: string | null | undefined, current: string | null) {
  if (!processId || processId === current) return [];
  const process = (await repo.processesOf(db, kommunIdOf(path))).find((p) => p.id === processId);
  if (!process) return [{ field: "processId", message: "Processen finns inte i kommunens lista." }];
  return process.active ? [] : [{ field: "processId", message: `Processen ${process.activity} är inaktiverad.` }];
}

const riskText = { description: "riskbeskrivningen", comment: "kommentaren" } as const;

export async function addRisk(db: Db, actor: Actor, input: RiskInput) {
  return write(db, actor, "write:kvalitet", input.orgNodeId, async ({ trx, node, audit }) => {
    const unit = requirePlanUnit(node, "Risken");
    refuse("Risken", riskInput, [
      ...checkPlanYear(input.year, todayInSweden()),
      ...(await checkProcess(trx, unit.path, input.processId, null)),
    ]);
    const { values, warnings } = maskFreeText(
      { description: input.description, comment: input.comment ?? null },
      riskText,
    );
    const [row] = await repo.insertRisks(trx, [
      {
        org_node_id: unit.id,
        year: input.year,
        nr: await repo.nextRiskNr(trx, unit.id, input.year),
        process_id: input.processId ?? null,
        likelihood: input.likelihood,
        consequence: input.consequence,
        ...values,
      },
    ]);
    if (!row) throw new Error("insert returned no risk");
    await audit("kvalitet_plan_risk", row.id, "create", { after: row });
    return { id: row.id, warnings };
  });
}

const riskOrThrow = async (db: Db, id: string) => {
  const row = await repo.findRisk(db, id);
  if (!row) throw notFound("Risken");
  return row;
};

export function updateRisk(db: Db, actor: Actor, id: string, patch: RiskPatch) {
  return writeRecord(
    db,
    actor,
    "write:kvalitet",
    (db) => riskOrThrow(db, id),
    async ({ trx, node, record, audit }) => {
      refuse("Risken", riskInput, await checkProcess(trx, node.path, patch.processId, record.process_id));
      const { values, warnings } = maskFreeText(
        {
          description: patch.description ?? record.description,
          comment: patch.comment === undefined ? record.comment : patch.comment,
        },
        riskText,
      );
      const after = await repo.updateRisk(trx, id, {
        ...values,
        process_id: patch.processId === undefined ? record.process_id : patch.processId,
        likelihood: patch.likelihood ?? record.likelihood,
        consequence: patch.consequence ?? record.consequence,
      });
      await audit("kvalitet_plan_risk", id, "update", { before: record, after });
      return { id, warnings };
    },
  );
}

// ---------------------------------------------------------------- egenkontroller

const controlText = { what: "egenkontrollen", sample: "urvalet", comment: "kommentaren" } as const;

/** The linked risk must be in the same plan (unit and year). */
async function checkRiskLink(db: Db, riskId: string | null, unitId: string, year: number): Promise<FieldProblem[]> {
  if (!riskId) return [];
  const risk = await repo.findRisk(db, riskId);
  return risk && risk.org_node_id === unitId && risk.year === year
    ? []
    : [{ field: "riskId", message: `Risken finns inte i ${year} års plan för enheten.` }];
}

type ControlState = Omit<repo.EgenkontrollValues, "org_node_id">;

async function checkedControl(
  db: Db,
  node: { id: string; path: string },
  p: ControlState,
  currentProcess: string | null,
) {
  refuse("Egenkontrollen", egenkontrollInput, [
    ...checkEgenkontroll(
      {
        year: p.year,
        performedOn: p.performed_on ?? null,
        numerator: p.numerator ?? null,
        denominator: p.denominator ?? null,
      },
      todayInSweden(),
    ),
    ...(await checkProcess(db, node.path, p.process_id, currentProcess)),
    ...(await checkRiskLink(db, p.risk_id ?? null, node.id, p.year)),
  ]);
  return maskFreeText(p, controlText);
}

export async function addEgenkontroll(db: Db, actor: Actor, input: EgenkontrollInput) {
  return write(db, actor, "write:kvalitet", input.orgNodeId, async ({ trx, node, audit }) => {
    const unit = requirePlanUnit(node, "Egenkontrollen");
    const { values, warnings } = await checkedControl(
      trx,
      unit,
      {
        year: input.year,
        process_id: input.processId ?? null,
        risk_id: input.riskId ?? null,
        what: input.what,
        method: input.method,
        sample: input.sample ?? null,
        performed_on: input.performedOn ?? null,
        numerator: input.numerator ?? null,
        denominator: input.denominator ?? null,
        comment: input.comment ?? null,
      },
      null,
    );
    const [row] = await repo.insertEgenkontroller(trx, [{ ...values, org_node_id: unit.id }]);
    if (!row) throw new Error("insert returned no egenkontroll");
    await audit("kvalitet_egenkontroll", row.id, "create", { after: row });
    return { id: row.id, warnings };
  });
}

const controlOrThrow = async (db: Db, id: string) => {
  const row = await repo.findEgenkontroll(db, id);
  if (!row) throw notFound("Egenkontrollen");
  return row;
};

const patched = <T>(value: T | undefined, current: T): T => (value === undefined ? current : value);

export function updateEgenkontroll(db: Db, actor: Actor, id: string, patch: EgenkontrollPatch) {
  return writeRecord(
    db,
    actor,
    "write:kvalitet",
    (db) => controlOrThrow(db, id),
    async ({ trx, node, record, audit }) => {
      const { id: _id, org_node_id: _unit, ...current } = record;
      const { values, warnings } = await checkedControl(
        trx,
        node,
        {
          ...current,
          process_id: patched(patch.processId, current.process_id),
          risk_id: patched(patch.riskId, current.risk_id),
          what: patch.what ?? current.what,
          method: patch.method ?? current.method,
          sample: patched(patch.sample, current.sample),
          performed_on: patched(patch.performedOn, current.performed_on),
          numerator: patched(patch.numerator, current.numerator),
          denominator: patched(patch.denominator, current.denominator),
          comment: patched(patch.comment, current.comment),
        },
        record.process_id,
      );
      const after = await repo.updateEgenkontroll(trx, id, values);
      await audit("kvalitet_egenkontroll", id, "update", { before: record, after });
      return { id, warnings };
    },
  );
}

// ---------------------------------------------------------------- åtgärder

const atgardText = { text: "åtgärden", owner: "ägaren", comment: "kommentaren" } as const;

/** What an åtgärd answers: exactly one risk, egenkontroll or granskning; its node and year become the åtgärd's. */
async function linkOf(db: Db, input: Pick<AtgardInput, "riskId" | "egenkontrollId" | "granskningId">) {
  const given = [input.riskId, input.egenkontrollId, input.granskningId].filter(Boolean);
  if (given.length !== 1) {
    refuse("Åtgärden", atgardInput, [
      { field: "riskId", message: "Koppla åtgärden till en risk, en egenkontroll eller en granskning (en av dem)." },
    ]);
  }
  if (input.riskId) return riskOrThrow(db, input.riskId);
  if (input.egenkontrollId) return controlOrThrow(db, input.egenkontrollId);
  const granskning = await ik.findGranskning(db, input.granskningId as string);
  if (!granskning) throw notFound("Granskningen");
  return granskning;
}

export async function addAtgard(db: Db, actor: Actor, input: AtgardInput) {
  const link = await linkOf(db, input);
  return write(db, actor, "write:kvalitet", link.org_node_id, async ({ trx, audit }) => {
    const today = todayInSweden();
    const proposed = {
      org_node_id: link.org_node_id,
      year: link.year,
      risk_id: input.riskId ?? null,
      egenkontroll_id: input.egenkontrollId ?? null,
      granskning_id: input.granskningId ?? null,
      text: input.text,
      owner: input.owner,
      deadline: input.deadline ?? null,
      status: input.status,
      status_on: input.statusOn ?? today,
      comment: input.comment ?? null,
      created_on: today,
    };
    refuse("Åtgärden", atgardInput, checkAtgard(atgardState(proposed), today));
    const { values, warnings } = maskFreeText(proposed, atgardText);
    const [row] = await repo.insertAtgarder(trx, [values]);
    if (!row) throw new Error("insert returned no åtgärd");
    await audit("kvalitet_atgard", row.id, "create", { after: values });
    return { id: row.id, warnings };
  });
}

const atgardState = (a: Pick<repo.AtgardValues, "created_on" | "deadline" | "status" | "status_on" | "comment">) => ({
  createdOn: a.created_on,
  deadline: a.deadline ?? null,
  status: a.status,
  statusOn: a.status_on,
  comment: a.comment ?? null,
});

/**
 * Changes an open åtgärd; an "avslutad" status closes it for good. A new status without a status date is
 * dated today.
 */
export function updateAtgard(db: Db, actor: Actor, id: string, patch: AtgardPatch) {
  return writeRecord(
    db,
    actor,
    "write:kvalitet",
    async (db) => {
      const row = await repo.findAtgard(db, id);
      if (!row) throw notFound("Åtgärden");
      return row;
    },
    async ({ trx, record, audit }) => {
      if (isClosedStatus(record.status)) {
        throw new DomainError(
          "conflict",
          `Åtgärden är ${atgardStatusLabels[record.status].toLowerCase()} (${record.status_on}) och kan inte ändras.`,
        );
      }
      const today = todayInSweden();
      const statusChanged = patch.status !== undefined && patch.status !== record.status;
      const proposed = {
        text: patch.text ?? record.text,
        owner: patch.owner ?? record.owner,
        deadline: patched(patch.deadline, record.deadline),
        status: patch.status ?? record.status,
        status_on: patch.statusOn ?? (statusChanged ? today : record.status_on),
        comment: patched(patch.comment, record.comment),
        created_on: record.created_on,
      };
      refuse("Åtgärden", atgardInput, checkAtgard(atgardState(proposed), today));
      const { created_on: _, ...changes } = proposed;
      const { values, warnings } = maskFreeText(changes, atgardText);
      await repo.updateAtgard(trx, id, values);
      await audit("kvalitet_atgard", id, isClosedStatus(values.status) ? "close" : "update", {
        before: record,
        after: values,
      });
      return { id, warnings };
    },
  );
}
