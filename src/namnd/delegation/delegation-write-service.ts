import { findNode } from "../../organisation/index.ts";
import { type Actor, can } from "../../platform/auth/access.ts";
import { todayInSweden } from "../../platform/calendar.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { type ServiceNode, write } from "../../platform/service.ts";
import { type FieldProblem, labelledProblems, validationError } from "../../platform/validation.ts";
import { namndOf } from "../case-read-service.ts";
import { parseDiarienummer } from "../diarienummer.ts";
import type { NamndDB } from "../tables.ts";
import { decisionOf, getOrder, pointOf, pointsWithHolders } from "./delegation-read-service.ts";
import * as repo from "./repository.ts";
import { holderProblem, orderProblems, pointCodeProblem } from "./rules.ts";
import {
  type DecisionInput,
  decisionInput,
  type OrderInput,
  orderInput,
  type SubdelegationInput,
  subdelegationInput,
} from "./schema.ts";

type Db = DbOf<NamndDB>;

/** A diarienummer of the nämnd's own diarium in any variant, canonical; or the problem with it. */
function ownDiarienummer(text: string | null | undefined, prefix: string, field: string) {
  if (!text) return { value: null };
  const parsed = parseDiarienummer(text, prefix);
  if (!parsed.ok) return { problem: { field, message: parsed.message } };
  if (parsed.value.foreign) {
    return { problem: { field, message: `${parsed.value.canonical} hör till ett annat diarium än nämndens.` } };
  }
  return { value: parsed.value.canonical };
}

/** The point of the ordning in force on a date, with its holders; or the problem naming what is missing. */
async function pointOn(db: Db, namndId: string, code: string, on: string) {
  const codeProblem = pointCodeProblem(code);
  if (codeProblem) return { problem: { field: "point", message: codeProblem } };
  const order = await repo.orderInForce(db, namndId, on);
  if (!order) {
    return { problem: { field: "point", message: `Nämnden hade ingen delegeringsordning antagen den ${on}.` } };
  }
  const point = (await pointsWithHolders(db, order.id)).find((p) => p.code === code);
  if (!point) {
    return {
      problem: {
        field: "point",
        message: `Punkt ${code} finns inte i delegeringsordningen antagen ${order.adopted_on} § ${order.paragraph}.`,
      },
    };
  }
  return { point };
}

/** A function of the nämnd's list, by name (any case). */
async function functionNamed(db: Db, namndId: string, name: string, field: string) {
  const functions = (await repo.functionsOf(db, namndId)).filter((f) => f.active);
  const found = functions.find((f) => f.name.toLocaleLowerCase("sv") === name.toLocaleLowerCase("sv"));
  if (found) return { fn: found };
  const valid = functions.map((f) => f.name).join(", ");
  return { problem: { field, message: `Okänd funktion ${name}. Nämndens funktioner: ${valid}.` } };
}

async function unitProblem(db: Db, namnd: ServiceNode, unitId: string | null | undefined) {
  if (!unitId) return null;
  const unit = await findNode(db, unitId);
  if (unit?.path.startsWith(namnd.path)) return null;
  return { field: "unitId", message: `Enheten ska höra till ${namnd.name}.` };
}

/**
 * Registers a delegation decision under a point of the ordning in force on its date. Refused, with nothing
 * written, when the decider does not hold the point (nor has it vidaredelegerad), the date is in the future,
 * or any field is wrong; every problem is named at once.
 */
export async function registerDecision(db: Db, actor: Actor, input: DecisionInput) {
  const namnd = await namndOf(db, input.orgNodeId);
  return write(db, actor, "write:namnd", namnd.id, async ({ trx, node, audit }) => {
    const problems: FieldProblem[] = [];
    const today = todayInSweden();
    if (input.decidedOn > today) {
      problems.push({ field: "decidedOn", message: `Beslutsdatumet ${input.decidedOn} ligger i framtiden.` });
    }
    const periodFrom = input.periodFrom ?? null;
    const periodUntil = input.periodUntil ?? null;
    if (periodUntil && (!periodFrom || periodUntil < periodFrom)) {
      problems.push({ field: "periodUntil", message: "Periodens slut kräver en början och kan inte ligga före den." });
    }
    const dnr = ownDiarienummer(input.diarienummer, namnd.prefix, "diarienummer");
    if (dnr.problem) problems.push(dnr.problem);
    const { point, problem } = await pointOn(trx, namnd.id, input.point, input.decidedOn);
    if (problem) problems.push(problem);

    let functionId: string | null = null;
    let functionName: string | null = null;
    if (input.decider.kind === "funktion") {
      if (!input.decider.function) {
        problems.push({ field: "decider.function", message: "Ange vilken funktion som beslutade." });
      } else {
        const found = await functionNamed(trx, namnd.id, input.decider.function, "decider.function");
        if (found.problem) problems.push(found.problem);
        functionId = found.fn?.id ?? null;
        functionName = found.fn?.name ?? null;
      }
    } else if (input.decider.function) {
      problems.push({ field: "decider.function", message: "Funktion anges bara när en tjänsteperson beslutade." });
    }
    const decider = { kind: input.decider.kind, functionId, functionName };
    if (point && (decider.kind !== "funktion" || functionId)) {
      const refusal = holderProblem(point, decider, input.decidedOn);
      if (refusal) problems.push({ field: "decider", message: refusal });
    }
    const unit = await unitProblem(trx, node, input.unitId);
    if (unit) problems.push(unit);
    if (problems.length > 0 || !point)
      throw validationError("Delegeringsbeslutet registrerades inte", labelledProblems(decisionInput, problems));

    const [inserted] = await repo.insertDecisions(trx, [
      {
        org_node_id: namnd.id,
        point_id: point.id,
        diarienummer: dnr.value ?? null,
        decided_on: input.decidedOn,
        decider_kind: decider.kind,
        decider_function_id: functionId,
        decider_name: input.decider.name,
        law: input.law ?? null,
        subject: input.subject,
        unit_id: input.unitId ?? null,
        provider: input.provider ?? null,
        period_from: periodFrom,
        period_until: periodUntil,
      },
    ]);
    const row = await repo.findDecision(trx, inserted?.id as string);
    if (!row) throw notFound("Delegeringsbeslutet");
    await audit("namnd_delegation_decision", row.id, "create", { after: row });
    return decisionOf(row, can(actor, "read:personal", node.path));
  });
}

/** Records a vidaredelegering of a point (one that allows it) to a function of the nämnd's list. */
export async function addSubdelegation(db: Db, actor: Actor, input: SubdelegationInput) {
  const namnd = await namndOf(db, input.orgNodeId);
  return write(db, actor, "write:namnd", namnd.id, async ({ trx, audit }) => {
    const problems: FieldProblem[] = [];
    const validUntil = input.validUntil ?? null;
    if (validUntil && validUntil < input.validFrom) {
      problems.push({ field: "validUntil", message: "Slutdatumet kan inte ligga före startdatumet." });
    }
    const dnr = ownDiarienummer(input.diarienummer, namnd.prefix, "diarienummer");
    if (dnr.problem) problems.push(dnr.problem);
    const { point, problem } = await pointOn(trx, namnd.id, input.point, input.validFrom);
    if (problem) problems.push(problem);
    if (point && !point.subdelegation_allowed) {
      problems.push({ field: "point", message: `Punkt ${point.code} (${point.heading}) får inte vidaredelegeras.` });
    }
    const { fn, problem: fnProblem } = await functionNamed(trx, namnd.id, input.function, "function");
    if (fnProblem) problems.push(fnProblem);
    if (problems.length > 0 || !point || !fn)
      throw validationError("Vidaredelegeringen sparades inte", labelledProblems(subdelegationInput, problems));
    const id = await repo.insertSubdelegation(trx, {
      point_id: point.id,
      function_id: fn.id,
      valid_from: input.validFrom,
      valid_until: validUntil,
      diarienummer: dnr.value ?? null,
    });
    await audit("namnd_delegation_subdelegation", id, "create", {
      after: { point: point.code, function: fn.name, validFrom: input.validFrom, validUntil },
    });
    const order = await repo.orderInForce(trx, namnd.id, input.validFrom);
    const updated = (await pointsWithHolders(trx, order?.id as string)).find((p) => p.id === point.id);
    return pointOf(updated ?? point);
  });
}

/**
 * Adopts a delegeringsordning: its points and their delegates, checked whole before anything is saved (the
 * functions named must be in the nämnd's list or added by the same request). It is in force from its
 * adoption date until the nämnd adopts the next; decisions already registered keep the point they used.
 */
export async function adoptOrder(db: Db, actor: Actor, input: OrderInput) {
  const namnd = await namndOf(db, input.orgNodeId);
  await write(db, actor, "write:namnd", namnd.id, async ({ trx, audit }) => {
    const problems: FieldProblem[] = [];
    if (input.adoptedOn > todayInSweden()) {
      problems.push({ field: "adoptedOn", message: `Antagandedatumet ${input.adoptedOn} ligger i framtiden.` });
    }
    const dnr = ownDiarienummer(input.diarienummer, namnd.prefix, "diarienummer");
    if (dnr.problem) problems.push(dnr.problem);
    const existing = await repo.functionsOf(trx, namnd.id);
    const lower = (name: string) => name.toLocaleLowerCase("sv");
    const added = [...new Map(input.functions.map((f) => [lower(f), f])).values()].filter(
      (f) => !existing.some((e) => lower(e.name) === lower(f)),
    );
    const names = [...existing.filter((f) => f.active).map((f) => f.name), ...added];
    problems.push(...orderProblems(input.points, names));
    if (problems.length > 0)
      throw validationError("Delegeringsordningen sparades inte", labelledProblems(orderInput, problems));
    const current = await repo.orderInForce(trx, namnd.id, input.adoptedOn);
    if (current?.adopted_on === input.adoptedOn) {
      throw new DomainError("conflict", `Nämnden har redan en delegeringsordning antagen ${input.adoptedOn}.`);
    }

    if (added.length > 0)
      await repo.insertFunctions(
        trx,
        added.map((name) => ({ org_node_id: namnd.id, name })),
      );
    const functions = await repo.functionsOf(trx, namnd.id);
    const functionId = (name: string) => functions.find((f) => lower(f.name) === lower(name))?.id as string;
    const orderId = await repo.insertOrder(trx, {
      org_node_id: namnd.id,
      adopted_on: input.adoptedOn,
      paragraph: input.paragraph,
      diarienummer: dnr.value ?? null,
    });
    const points = await repo.insertPoints(
      trx,
      input.points.map((p) => ({
        order_id: orderId,
        code: p.code,
        heading: p.heading,
        text: p.text,
        lagrum: p.lagrum ?? null,
        limits: p.limits ?? null,
        subdelegation_allowed: p.subdelegationAllowed,
        anmalan_required: p.anmalanRequired,
        anmalan_section: p.anmalanSection,
      })),
    );
    await repo.insertDelegates(
      trx,
      input.points.flatMap((p) =>
        p.delegates.map((d) => ({
          point_id: points.find((row) => row.code === p.code)?.id as string,
          kind: d.kind,
          function_id: d.kind === "funktion" ? functionId(d.function ?? "") : null,
        })),
      ),
    );
    await audit("namnd_delegation_order", orderId, "create", {
      after: { ...input, functions: added, diarienummer: dnr.value ?? null },
    });
  });
  return getOrder(db, actor, input.orgNodeId, input.adoptedOn);
}
