import { kommunIdOf } from "../../organisation/index.ts";
import { type Actor, can } from "../../platform/auth/access.ts";
import { todayInSweden } from "../../platform/calendar.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { notFound } from "../../platform/errors.ts";
import { read, write, writeRecord } from "../../platform/service.ts";
import { type FieldProblem, labelledProblems, validationError } from "../../platform/validation.ts";
import type { KvalitetDB } from "../tables.ts";
import * as repo from "./repository.ts";
import { checkInspection, closedOnOf, maskFindings, yttrandeStatus } from "./rules.ts";
import { type InspectionInput, type InspectionPatch, type InspectionsQuery, inspectionInput } from "./schema.ts";

type Db = DbOf<KvalitetDB>;

const REFUSED = "Tillsynen sparades inte";

/** The kinds of tillsyn of the kommun the node belongs to: a tillsyn takes only its own kommun's. */
const typesFor = (db: Db, node: { path: string }) => repo.inspectionTypesOf(db, kommunIdOf(node.path));

function describe(
  actor: Actor,
  row: repo.InspectionRow,
  unit: { id: string; name: string; path: string },
  types: readonly repo.TypeRow[],
) {
  const type = types.find((t) => t.id === row.type_id);
  return {
    id: row.id,
    unit: { id: unit.id, name: unit.name },
    type: { code: type?.code ?? "", name: type?.name ?? "" },
    month: row.month,
    ivoDnr: row.ivo_dnr,
    decisionOn: row.decision_on,
    findings: row.findings,
    yttrandeLagrum: row.yttrande_lagrum,
    yttrandeDueOn: row.yttrande_due_on,
    yttrandeRepliedOn: row.yttrande_replied_on,
    status: row.status,
    closedOn: row.closed_on,
    yttrandeStatus: yttrandeStatus(
      { yttrandeDueOn: row.yttrande_due_on, yttrandeRepliedOn: row.yttrande_replied_on },
      todayInSweden(),
    ),
    canWrite: can(actor, "write:kvalitet", unit.path),
  };
}

/** The tillsyner of the units under a node, for readers with read:kvalitet there. */
export function listInspections(db: Db, actor: Actor, q: InspectionsQuery) {
  return read(db, actor, "read:kvalitet", q.orgNodeId, async ({ db, node }) => {
    const types = await typesFor(db, node);
    const rows = await repo.inspectionsUnder(db, node.path, q);
    return {
      inspections: rows.map((r) =>
        describe(actor, r, { id: r.org_node_id, name: r.unit_name, path: r.unit_path }, types),
      ),
    };
  });
}

async function inspectionOrThrow(db: Db, id: string) {
  const row = await repo.findInspection(db, id);
  if (!row) throw notFound("Tillsynen");
  return row;
}

export async function getInspection(db: Db, actor: Actor, id: string) {
  const row = await inspectionOrThrow(db, id);
  return read(db, actor, "read:kvalitet", row.org_node_id, async ({ db, node }) =>
    describe(actor, row, node, await typesFor(db, node)),
  );
}

/**
 * The values to store (findings masked for personnummer, with the warnings), or the problems: the type must be
 * one of the kommun's (`types`) and active unless it is the stored one.
 */
function resolve(
  p: Omit<repo.InspectionValues, "type_id"> & { type: string },
  types: readonly repo.TypeRow[],
  currentTypeId: string | null,
) {
  const problems: FieldProblem[] = checkInspection(
    {
      month: p.month,
      decisionOn: p.decision_on ?? null,
      yttrandeLagrum: p.yttrande_lagrum ?? null,
      yttrandeDueOn: p.yttrande_due_on ?? null,
      yttrandeRepliedOn: p.yttrande_replied_on ?? null,
      status: p.status,
      closedOn: p.closed_on ?? null,
    },
    todayInSweden(),
  );
  const type = types.find((t) => t.code === p.type);
  if (!type || (!type.active && type.id !== currentTypeId)) {
    const valid = types.filter((t) => t.active).map((t) => t.code);
    problems.unshift({ field: "type", message: `Okänt slag av tillsyn ${p.type}. Giltiga: ${valid.join(", ")}.` });
  }
  if (problems.length > 0 || !type) throw validationError(REFUSED, labelledProblems(inspectionInput, problems));
  const { type: _code, ...values } = p;
  const { findings, warnings } = maskFindings(p.findings ?? null);
  return { values: { ...values, findings, type_id: type.id }, warnings };
}

/** Registers a tillsyn of a unit (an enhet or verksamhetsområde) by someone with write:kvalitet there. */
export function createInspection(db: Db, actor: Actor, input: InspectionInput) {
  return write(db, actor, "write:kvalitet", input.orgNodeId, async ({ trx, node, audit }) => {
    if (!["enhet", "verksamhetsomrade"].includes(node.kind)) {
      throw validationError(
        REFUSED,
        labelledProblems(inspectionInput, [
          {
            field: "orgNodeId",
            message: `Välj den enhet eller det verksamhetsområde tillsynen gällde, inte ${node.name}.`,
          },
        ]),
      );
    }
    const types = await typesFor(trx, node);
    const { values, warnings } = resolve(
      {
        org_node_id: node.id,
        type: input.type,
        month: input.month,
        ivo_dnr: input.ivoDnr ?? null,
        decision_on: input.decisionOn ?? null,
        findings: input.findings ?? null,
        yttrande_lagrum: input.yttrandeLagrum ?? null,
        yttrande_due_on: input.yttrandeDueOn ?? null,
        yttrande_replied_on: input.yttrandeRepliedOn ?? null,
        status: input.status,
        closed_on: closedOnOf(input.status, input.closedOn, null, todayInSweden()),
      },
      types,
      null,
    );
    const [row] = await repo.insertInspections(trx, [values]);
    if (!row) throw new Error("The tillsyn was not stored");
    await audit("kvalitet_inspection", row.id, "create", { after: row });
    return { ...describe(actor, row, node, types), warnings };
  });
}

const patched = <T>(value: T | undefined, current: T): T => (value === undefined ? current : value);

export function updateInspection(db: Db, actor: Actor, id: string, patch: InspectionPatch) {
  return writeRecord(
    db,
    actor,
    "write:kvalitet",
    (db) => inspectionOrThrow(db, id),
    async ({ trx, node, record, audit }) => {
      const types = await typesFor(trx, node);
      const {
        values: { org_node_id: _unit, ...values },
        warnings,
      } = resolve(
        {
          org_node_id: record.org_node_id,
          type: patch.type ?? types.find((t) => t.id === record.type_id)?.code ?? "",
          month: patch.month ?? record.month,
          ivo_dnr: patched(patch.ivoDnr, record.ivo_dnr),
          decision_on: patched(patch.decisionOn, record.decision_on),
          findings: patched(patch.findings, record.findings),
          yttrande_lagrum: patched(patch.yttrandeLagrum, record.yttrande_lagrum),
          yttrande_due_on: patched(patch.yttrandeDueOn, record.yttrande_due_on),
          yttrande_replied_on: patched(patch.yttrandeRepliedOn, record.yttrande_replied_on),
          status: patch.status ?? record.status,
          closed_on: closedOnOf(patch.status ?? record.status, patch.closedOn, record.closed_on, todayInSweden()),
        },
        types,
        record.type_id,
      );
      const after = await repo.updateInspection(trx, id, values);
      await audit("kvalitet_inspection", id, "update", { before: record, after });
      return { ...describe(actor, after, node, types), warnings };
    },
  );
}
