import { kommunIdOf } from "../organisation/index.ts";
import type { Actor } from "../platform/auth/access.ts";
import { todayInSweden } from "../platform/calendar.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { DomainError, notFound } from "../platform/errors.ts";
import { type ServiceNode, write, writeRecord } from "../platform/service.ts";
import { type FieldProblem, labelledProblems, validationError } from "../platform/validation.ts";
import { caseOrThrow, describeCase, namndOf, summaryOf } from "./case-read-service.ts";
import { parseDiarienummer } from "./diarienummer.ts";
import { parseReference } from "./foreign-reference.ts";
import * as repo from "./repository.ts";
import { type CaseState, checkCase, linkPair } from "./rules.ts";
import {
  type CaseInput,
  type CasePatch,
  caseInput,
  casePatch,
  linkInput,
  type ReferenceInput,
  referenceInput,
  standingInput,
} from "./schema.ts";
import type { NamndDB } from "./tables.ts";

type Db = DbOf<NamndDB>;

/** The kommun's case types, installing the standard list first in a kommun that has none. */
export async function ensureCaseTypes(db: Db, namndPath: string) {
  const kommunId = kommunIdOf(namndPath);
  const types = await repo.caseTypesOf(db, kommunId);
  if (types.length > 0) return types;
  await repo.installStandardCaseTypes(db, kommunId);
  return repo.caseTypesOf(db, kommunId);
}

/** The kommun's case type by code (an inactive one only if the case has it already). */
export async function caseTypeFor(db: Db, namndPath: string, code: string, current?: string) {
  const types = await ensureCaseTypes(db, namndPath);
  const type = types.find((t) => t.code === code);
  if (!type || (!type.active && type.id !== current)) {
    const valid = types.filter((t) => t.active).map((t) => t.code);
    return { problem: { field: "type", message: `Okänd ärendetyp ${code}. Giltiga: ${valid.join(", ")}.` } };
  }
  return { type };
}

/** The handläggare must hold a current role on the nämnd or under it. */
async function handlerProblem(db: Db, namnd: ServiceNode, handlerId: string | null): Promise<FieldProblem | null> {
  if (handlerId === null) return null;
  const handlers = await repo.handlersUnder(db, namnd.path, todayInSweden());
  if (handlers.some((h) => h.id === handlerId)) return null;
  return { field: "handlerId", message: `Handläggaren ska ha en roll i ${namnd.name}.` };
}

/** A standing case's series is its title without the year; its title always ends with the year. */
export const standingSeries = (title: string) => title.replace(/\s*\b(19|20|21)\d{2}$/, "").trim() || title;

/**
 * Registers a case in the nämnd's diarium: today's date, the next number of the year's series (issued in
 * this transaction, so a refused registration uses none).
 */
export async function registerCase(db: Db, actor: Actor, input: CaseInput) {
  const namnd = await namndOf(db, input.orgNodeId);
  return write(db, actor, "write:namnd", namnd.id, async ({ trx, node, audit }) => {
    const today = todayInSweden();
    const year = Number(today.slice(0, 4));
    const series = input.standing ? standingSeries(input.title) : null;
    const state: CaseState = {
      title: series ? `${series} ${year}` : input.title,
      registeredOn: today,
      receivedOn: input.receivedOn ?? null,
      status: "oppet",
      closedOn: null,
    };
    const problems = checkCase(state, today);
    const { type, problem } = await caseTypeFor(trx, node.path, input.type);
    if (problem) problems.push(problem);
    const handler = await handlerProblem(trx, node, input.handlerId ?? null);
    if (handler) problems.push(handler);
    if (problems.length > 0 || !type)
      throw validationError("Ärendet registrerades inte", labelledProblems(caseInput, problems));
    const number = await repo.nextNumber(trx, node.id, year);
    const [id] = await repo.insertCases(trx, [
      {
        org_node_id: node.id,
        prefix: namnd.prefix,
        year,
        number,
        title: state.title,
        case_type_id: type.id,
        registered_on: today,
        received_on: state.receivedOn,
        handler_id: input.handlerId ?? null,
        status: "oppet",
        closed_on: null,
        standing_series: series,
      },
    ]);
    const row = await caseOrThrow(trx, id as string);
    await audit("namnd_case", row.id, "create", { after: row });
    return describeCase(trx, actor, row, node);
  });
}

const patched = <T>(value: T | undefined, current: T): T => (value === undefined ? current : value);

/** A change to one case by a writer of its nämnd; answers the case as it now stands. */
function changeCase(
  db: Db,
  actor: Actor,
  id: string,
  action: string,
  change: (context: { trx: Db; node: ServiceNode; record: repo.CaseRow }) => Promise<void>,
) {
  return writeRecord(
    db,
    actor,
    "write:namnd",
    (db) => caseOrThrow(db, id),
    async ({ trx, node, record, audit }) => {
      await change({ trx, node, record });
      const after = await caseOrThrow(trx, id);
      await audit("namnd_case", id, action, { before: record, after });
      return describeCase(trx, actor, after, node);
    },
  );
}

/** Title, type, handläggare, received date or status; the whole proposed case is checked before saving. */
export function updateCase(db: Db, actor: Actor, id: string, patch: CasePatch) {
  return changeCase(db, actor, id, "update", async ({ trx, node, record }) => {
    const status = patch.status ?? record.status;
    const state: CaseState = {
      title: patch.title ?? record.title,
      registeredOn: record.registered_on,
      receivedOn: patched(patch.receivedOn, record.received_on),
      status,
      // Reopening clears the closing date unless the patch sets one (which the rules then refuse).
      closedOn: patch.closedOn !== undefined ? patch.closedOn : status === "avslutat" ? record.closed_on : null,
    };
    const problems = checkCase(state, todayInSweden());
    if (record.standing_series !== null && patch.title !== undefined) {
      problems.push({
        field: "title",
        message: "Ett stående ärendes rubrik är seriens namn och året; den ändras inte.",
      });
    }
    let typeId = record.case_type_id;
    if (patch.type !== undefined) {
      const { type, problem } = await caseTypeFor(trx, node.path, patch.type, record.case_type_id);
      if (problem) problems.push(problem);
      if (type) typeId = type.id;
    }
    const handlerId = patched(patch.handlerId, record.handler_id);
    if (handlerId !== record.handler_id) {
      const handler = await handlerProblem(trx, node, handlerId);
      if (handler) problems.push(handler);
    }
    if (problems.length > 0) throw validationError("Ärendet sparades inte", labelledProblems(casePatch, problems));
    await repo.updateCase(trx, id, {
      title: state.title,
      case_type_id: typeId,
      received_on: state.receivedOn,
      handler_id: handlerId,
      status: state.status,
      closed_on: state.closedOn,
    });
  });
}

/** Links the case with another of the same nämnd, named by its diarienummer in any variant. */
export function linkCase(db: Db, actor: Actor, id: string, diarienummer: string) {
  return changeCase(db, actor, id, "link", async ({ trx, record }) => {
    const parsed = parseDiarienummer(diarienummer, record.prefix);
    if (!parsed.ok)
      throw validationError(
        "Länken sparades inte",
        labelledProblems(linkInput, [{ field: "diarienummer", message: parsed.message }]),
      );
    if (parsed.value.foreign) {
      throw validationError(
        "Länken sparades inte",
        labelledProblems(linkInput, [
          {
            field: "diarienummer",
            message: `${parsed.value.canonical} hör till ett annat diarium; lägg till det som referens i stället.`,
          },
        ]),
      );
    }
    const other = await repo.findCaseByNumber(trx, record.org_node_id, parsed.value);
    if (!other) throw notFound(`Ärendet ${parsed.value.canonical}`);
    const pair = linkPair(record.id, other.id);
    if (!pair) {
      throw validationError(
        "Länken sparades inte",
        labelledProblems(linkInput, [
          { field: "diarienummer", message: "Ett ärende kan inte länkas till sig självt." },
        ]),
      );
    }
    await repo.insertLink(trx, pair);
  });
}

export function unlinkCase(db: Db, actor: Actor, id: string, otherId: string) {
  return changeCase(db, actor, id, "unlink", async ({ trx, record }) => {
    const pair = linkPair(record.id, otherId);
    if (!pair || !(await repo.deleteLink(trx, pair))) throw notFound("Länken");
  });
}

/** Another body's identifier on the case, recognised and written one way. */
export function addReference(db: Db, actor: Actor, id: string, input: ReferenceInput) {
  return changeCase(db, actor, id, "add-reference", async ({ trx, record }) => {
    const parsed = parseReference(input.value, record.prefix, input.kind);
    if (!parsed.ok)
      throw validationError(
        "Referensen sparades inte",
        labelledProblems(referenceInput, [{ field: "value", message: parsed.message }]),
      );
    const existing = await repo.referencesOf(trx, id);
    if (existing.some((r) => r.kind === parsed.kind && r.value === parsed.value)) {
      throw new DomainError("conflict", `Ärendet har redan referensen ${parsed.value}.`);
    }
    await repo.insertReference(trx, { case_id: id, kind: parsed.kind, value: parsed.value, note: input.note ?? null });
  });
}

export function removeReference(db: Db, actor: Actor, id: string, referenceId: string) {
  return changeCase(db, actor, id, "remove-reference", async ({ trx }) => {
    if (!(await repo.deleteReference(trx, id, referenceId))) throw notFound("Referensen");
  });
}

/**
 * The year's standing cases: one for every standing series the nämnd has kept (Synpunkter och klagomål,
 * Domar och beslut, placeringsavtal per enhet …) that has none for the year yet. Numbers are issued in
 * series order, so running it twice creates nothing the second time.
 */
export async function createStandingCases(db: Db, actor: Actor, orgNodeId: string, year: number) {
  const namnd = await namndOf(db, orgNodeId);
  return write(db, actor, "write:namnd", namnd.id, async ({ trx, node, auditMany }) => {
    const today = todayInSweden();
    if (year !== Number(today.slice(0, 4))) {
      throw validationError(
        "Inga stående ärenden skapades",
        labelledProblems(standingInput, [
          {
            field: "year",
            message: `Stående ärenden skapas för innevarande år (${today.slice(0, 4)}), när året börjat.`,
          },
        ]),
      );
    }
    const wanted = (await repo.standingSeriesOf(trx, node.id)).filter((s) => Number(s.year) < year);
    const created: repo.CaseRow[] = [];
    for (const s of wanted) {
      const { type } = await caseTypeFor(trx, node.path, s.type_code, undefined);
      if (!type) continue; // a type deactivated since: the series has ended
      const number = await repo.nextNumber(trx, node.id, year);
      const [id] = await repo.insertCases(trx, [
        {
          org_node_id: node.id,
          prefix: namnd.prefix,
          year,
          number,
          title: `${s.series} ${year}`,
          case_type_id: type.id,
          registered_on: today,
          received_on: null,
          handler_id: null,
          status: "oppet",
          closed_on: null,
          standing_series: s.series,
        },
      ]);
      created.push(await caseOrThrow(trx, id as string));
    }
    await auditMany(
      created.map((c) => ({ entity: "namnd_case", entityId: c.id, action: "create-standing", after: c })),
    );
    return { year, created: created.map(summaryOf) };
  });
}
