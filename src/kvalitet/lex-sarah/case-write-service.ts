import { randomUUID } from "node:crypto";
import { kommunIdOf } from "../../organisation/index.ts";
import type { Actor } from "../../platform/auth/access.ts";
import { todayInSweden } from "../../platform/calendar.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { DomainError } from "../../platform/errors.ts";
import { type ServiceNode, write, writeRecord } from "../../platform/service.ts";
import { type FieldProblem, labelledProblems, pathLabel, validationError } from "../../platform/validation.ts";
import * as events from "../repository.ts";
import type { KvalitetDB } from "../tables.ts";
import { caseOrThrow, describeCase, namndOf } from "./case-read-service.ts";
import { masked, type ProposedCase, resolveCase, resolveCodes, warningsOf } from "./proposed.ts";
import * as repo from "./repository.ts";
import { type CaseState, checkCase, checkTogether, type DecisionState, formatCaseNumber, statusOf } from "./rules.ts";
import {
  type CasePatch,
  type DecideInput,
  decideInput,
  type EntryInput,
  entryInput,
  type IvoPatch,
  ivoPatch,
  type RegisterInput,
  registerInput,
} from "./schema.ts";

type Db = DbOf<KvalitetDB>;

const ENTITY = "kvalitet_lex_sarah";
const refused = "Lex Sarah-ärendet sparades inte";

/** The rules name the IVO fields as the decision holds them ("ivoSentOn"); the form names them as `ivoPatch`. */
function ivoLabelled(p: FieldProblem): FieldProblem {
  const label = pathLabel(ivoPatch, [p.field.replace(/^ivo(.)/, (_, c: string) => c.toLowerCase())]);
  return label ? { ...p, label } : p;
}

/** A lex Sarah report concerns a unit or an operating area, not a nämnd or the kommun as a whole. */
function requireUnit(node: ServiceNode): ServiceNode {
  if (node.kind !== "enhet" && node.kind !== "verksamhetsomrade") {
    throw validationError(
      refused,
      labelledProblems(registerInput, [
        { field: "orgNodeId", message: `Välj den enhet som rapporten gäller, inte ${node.name}.` },
      ]),
    );
  }
  return node;
}

/** The händelse a case is escalated from must exist and be the same unit's. */
async function checkEvent(db: Db, eventId: string | null, unitId: string, problems: FieldProblem[]) {
  if (eventId === null) return;
  const event = await events.findEvent(db, eventId);
  if (!event) problems.push({ field: "eventId", message: "Händelsen finns inte." });
  else if (event.org_node_id !== unitId) {
    problems.push({ field: "eventId", message: "Händelsen inträffade på en annan enhet än den rapporten gäller." });
  }
}

async function resolveOrRefuse(trx: Db, p: ProposedCase, unit: ServiceNode, current: readonly string[]) {
  const lists = await repo.listEntriesOf(trx, kommunIdOf(unit.path));
  const result = resolveCase(p, lists, current, todayInSweden());
  const problems = result.ok ? [] : result.problems;
  await checkEvent(trx, p.eventId, unit.id, problems);
  if (!result.ok || problems.length > 0) throw validationError(refused, labelledProblems(registerInput, problems));
  return result.resolved;
}

/**
 * Registers a report (SAS, or whoever has write:kvalitet on the unit) and gives it the next number of the
 * nämnd's series for the report year. The reporter's name is not asked for; who registered is audited.
 */
export function registerCase(db: Db, actor: Actor, input: RegisterInput) {
  return write(db, actor, "write:kvalitet", input.orgNodeId, async ({ trx, node, audit }) => {
    const unit = requireUnit(node);
    const namnd = await namndOf(trx, unit);
    const p: ProposedCase = {
      reportedOn: input.reportedOn,
      noticedOn: input.noticedOn,
      occurredOn: input.occurredOn ?? null,
      gist: input.gist,
      category: input.category,
      route: input.route,
      brist: input.brist ?? null,
      consequence: input.consequence ?? null,
      recurrence: input.recurrence ?? null,
      causes: input.causes,
      measures: input.measures,
      eventId: input.eventId ?? null,
      entries: 0,
      decision: null,
    };
    const resolved = await resolveOrRefuse(trx, p, unit, []);
    const year = Number(input.reportedOn.slice(0, 4));
    const number = await repo.takeNumber(trx, namnd.id, year);
    const row = await repo.insertCase(trx, {
      ...resolved.values,
      org_node_id: unit.id,
      namnd_id: namnd.id,
      report_year: year,
      number,
      decision_id: null,
    });
    await repo.replaceChoices(trx, row.id, resolved.choiceIds);
    await audit(ENTITY, row.id, "create", { after: { ...row, choices: resolved.choiceIds } });
    return describeCase(trx, actor, row, unit, resolved.warnings);
  });
}

/** The stored case as a proposal: the codes of its category, causes and measures. */
async function proposedOf(db: Db, row: repo.CaseRow, unit: ServiceNode) {
  const lists = await repo.listEntriesOf(db, kommunIdOf(unit.path));
  const choiceIds = (await repo.choicesOf(db, [row.id])).map((c) => c.entry_id);
  const codes = (list: repo.ListEntryRow["list"]) =>
    lists.filter((e) => e.list === list && choiceIds.includes(e.id)).map((e) => e.code);
  const proposed: ProposedCase = {
    reportedOn: row.reported_on,
    noticedOn: row.noticed_on,
    occurredOn: row.occurred_on,
    gist: row.gist,
    category: lists.find((e) => e.id === row.category_id)?.code ?? "",
    route: row.route,
    brist: row.brist,
    consequence: row.consequence,
    recurrence: row.recurrence,
    causes: codes("orsak"),
    measures: codes("atgard"),
    eventId: row.event_id,
    entries: await repo.countEntries(db, row.id),
    decision: null,
  };
  return { proposed, current: [row.category_id, ...choiceIds] };
}

const undecided = (record: repo.CaseRow) => {
  if (record.decision_id !== null) {
    throw new DomainError(
      "conflict",
      `Lex Sarah-ärende ${formatCaseNumber(record.report_year, record.number)} är beslutat och kan inte ändras.`,
    );
  }
};

const patched = <T>(value: T | undefined, current: T): T => (value === undefined ? current : value);

/** Corrects or completes an undecided case (the report date, and so its number, stays). */
export function updateCase(db: Db, actor: Actor, id: string, patch: CasePatch) {
  return writeRecord(
    db,
    actor,
    "write:kvalitet",
    (db) => caseOrThrow(db, id),
    async ({ trx, node, record, audit }) => {
      undecided(record);
      const { proposed: c, current } = await proposedOf(trx, record, node);
      const p: ProposedCase = {
        ...c,
        noticedOn: patch.noticedOn ?? c.noticedOn,
        occurredOn: patched(patch.occurredOn, c.occurredOn),
        gist: patch.gist ?? c.gist,
        category: patch.category ?? c.category,
        route: patch.route ?? c.route,
        brist: patched(patch.brist, c.brist),
        consequence: patched(patch.consequence, c.consequence),
        recurrence: patched(patch.recurrence, c.recurrence),
        causes: patch.causes ?? c.causes,
        measures: patch.measures ?? c.measures,
        eventId: patched(patch.eventId, c.eventId),
      };
      const resolved = await resolveOrRefuse(trx, p, node, current);
      const after = await repo.updateCase(trx, id, resolved.values);
      await repo.replaceChoices(trx, id, resolved.choiceIds);
      await audit(ENTITY, id, "update", {
        before: { ...record, choices: current.slice(1) },
        after: { ...after, choices: resolved.choiceIds },
      });
      return describeCase(trx, actor, after, node, resolved.warnings);
    },
  );
}

/** Adds a dated entry to the investigation record; the author is the signed-in user. */
export function addEntry(db: Db, actor: Actor, id: string, input: EntryInput) {
  return writeRecord(
    db,
    actor,
    "write:kvalitet",
    (db) => caseOrThrow(db, id),
    async ({ trx, node, record, audit }) => {
      undecided(record);
      const problems: FieldProblem[] = [];
      const lists = await repo.listEntriesOf(trx, kommunIdOf(node.path));
      const [itemId] = resolveCodes([input.item], lists, "utredningspunkt", [], "item", problems);
      if (input.entryDate > todayInSweden()) {
        problems.push({ field: "entryDate", message: `Datumet (${input.entryDate}) ligger i framtiden.` });
      }
      if (input.entryDate < record.noticed_on) {
        problems.push({
          field: "entryDate",
          message: `Utredningen kan inte ha uppgifter (${input.entryDate}) från före upptäckten (${record.noticed_on}).`,
        });
      }
      if (problems.length > 0 || !itemId) {
        throw validationError("Uppgiften sparades inte", labelledProblems(entryInput, problems));
      }
      const maskedFields: string[] = [];
      const [entry] = await repo.insertEntries(trx, [
        {
          case_id: id,
          entry_date: input.entryDate,
          item_id: itemId,
          source: masked(input.source, "källan", maskedFields),
          kind: input.kind,
          author: actor.displayName,
          text: masked(input.text, "uppgiften", maskedFields),
        },
      ]);
      await audit("kvalitet_lex_sarah_entry", entry?.id ?? null, "create", { after: entry });
      const status = statusOf({ ...record, entries: 1, decision: null });
      const after = status === record.status ? record : await repo.updateCase(trx, id, { status });
      return describeCase(trx, actor, after, node, warningsOf(maskedFields));
    },
  );
}

const stateOf = (row: repo.CaseRow, decision: DecisionState | null): CaseState => ({
  reportedOn: row.reported_on,
  noticedOn: row.noticed_on,
  occurredOn: row.occurred_on,
  gist: row.gist,
  brist: row.brist,
  consequence: row.consequence,
  entries: 0,
  decision,
});

/**
 * SAS decides the case, alone or together with others of the same nämnd (one line in the memo). Each case
 * must be assessed (brist, consequence) and undecided; the writer needs write:kvalitet on every unit.
 */
export function decideCase(db: Db, actor: Actor, id: string, input: DecideInput) {
  return writeRecord(
    db,
    actor,
    "write:kvalitet",
    (db) => caseOrThrow(db, id),
    async ({ trx, node, record, audit }) => {
      const others = await repo.findCases(
        trx,
        input.together.filter((t) => t !== id),
      );
      const missing = input.together.filter((t) => t !== id && !others.some((o) => o.id === t));
      if (missing.length > 0)
        throw validationError(
          "Beslutet sparades inte",
          labelledProblems(decideInput, [{ field: "together", message: "Ett av ärendena finns inte." }]),
        );
      // The kit checks write:kvalitet on each other case's unit, joining this transaction.
      for (const other of others) await write(trx, actor, "write:kvalitet", other.org_node_id, async () => undefined);
      const cases = [record, ...others];
      const decision: DecisionState = {
        decidedOn: input.decidedOn,
        outcome: input.outcome,
        finding: input.finding ?? null,
        ivoFormDone: false,
        ivoInvestigationAttached: false,
        ivoSentOn: null,
        ivoReference: null,
      };
      const problems = checkTogether(
        cases.map((c) => ({
          namndId: c.namnd_id,
          decided: c.decision_id !== null,
          number: formatCaseNumber(c.report_year, c.number),
        })),
      );
      for (const c of cases) {
        const prefix = c === record ? "" : `Ärende ${formatCaseNumber(c.report_year, c.number)}: `;
        for (const p of checkCase(stateOf(c, decision), todayInSweden()))
          problems.push({ ...p, message: prefix + p.message });
      }
      // A decision is refused for the case's own assessment too (brist, konsekvens): those are the case's fields.
      if (problems.length > 0) {
        throw validationError(
          "Beslutet sparades inte",
          labelledProblems(registerInput, labelledProblems(decideInput, problems)),
        );
      }
      const decisionId = randomUUID();
      await repo.insertDecisions(trx, [
        {
          id: decisionId,
          namnd_id: record.namnd_id,
          decided_on: decision.decidedOn,
          outcome: decision.outcome,
          finding: decision.finding,
        },
      ]);
      await repo.decideCases(
        trx,
        cases.map((c) => c.id),
        decisionId,
      );
      await audit("kvalitet_lex_sarah_decision", decisionId, "create", {
        after: { ...decision, cases: cases.map((c) => c.id) },
      });
      for (const c of cases) {
        await audit(ENTITY, c.id, "decide", {
          before: c,
          after: { ...c, decision_id: decisionId, status: "beslutad" },
          orgNodeId: c.org_node_id,
        });
      }
      return describeCase(trx, actor, await caseOrThrow(trx, id), node, []);
    },
  );
}

/** Tracks the IVO anmälan of a C decision: the package (form, finished investigation), sent date, IVO's reference. */
export function updateIvo(db: Db, actor: Actor, id: string, patch: IvoPatch) {
  return writeRecord(
    db,
    actor,
    "write:kvalitet",
    (db) => caseOrThrow(db, id),
    async ({ trx, node, record, audit }) => {
      const before = record.decision_id ? await repo.findDecision(trx, record.decision_id) : undefined;
      if (before?.outcome !== "C") {
        throw new DomainError(
          "conflict",
          "Bara ett ärende beslutat som allvarligt missförhållande (C) anmäls till IVO.",
        );
      }
      const decision: DecisionState = {
        decidedOn: before.decided_on,
        outcome: before.outcome,
        finding: before.finding,
        ivoFormDone: patch.formDone ?? before.ivo_form_done,
        ivoInvestigationAttached: patch.investigationAttached ?? before.ivo_investigation_attached,
        ivoSentOn: patched(patch.sentOn, before.ivo_sent_on),
        ivoReference: patched(patch.reference, before.ivo_reference),
      };
      const problems = checkCase(stateOf(record, decision), todayInSweden()).filter((p) => p.field.startsWith("ivo"));
      if (problems.length > 0) throw validationError("IVO-anmälan sparades inte", problems.map(ivoLabelled));
      const after = await repo.updateDecision(trx, before.id, {
        ivo_form_done: decision.ivoFormDone,
        ivo_investigation_attached: decision.ivoInvestigationAttached,
        ivo_sent_on: decision.ivoSentOn,
        ivo_reference: decision.ivoReference,
      });
      await audit("kvalitet_lex_sarah_decision", before.id, "update", { before, after });
      return describeCase(trx, actor, record, node, []);
    },
  );
}
