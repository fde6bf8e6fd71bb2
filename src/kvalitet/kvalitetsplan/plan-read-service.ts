// Reading a unit's kvalitetsplan for a year, and the åtgärder under a node. The plan holds no personal data
// (risks, controls and measures about how the unit works; a personnummer typed by mistake is masked on
// save), so `read` on the node suffices and nothing is written to the access log.
import { kommunIdOf } from "../../organisation/index.ts";
import { type Actor, can } from "../../platform/auth/access.ts";
import { todayInSweden } from "../../platform/calendar.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { read, type ServiceNode } from "../../platform/service.ts";
import { validationError } from "../../platform/validation.ts";
import * as ik from "../internkontroll/repository.ts";
import { assess, countByLevel, riskMatrix } from "../risk/risk.ts";
import type { KvalitetDB } from "../tables.ts";
import * as repo from "./repository.ts";
import { atgardAge, atgardOn, shareOf } from "./rules.ts";
import { scaleOf, toProcess } from "./scale-service.ts";
import type { AtgarderQuery } from "./schema.ts";
import { type AtgardStatus, atgardStatuses, closedStatuses } from "./vocabulary.ts";

type Db = DbOf<KvalitetDB>;

/** Plans are kept by an enhet, a verksamhetsområde or the förvaltning (the kvalitetsberättelse's plan). */
export const planUnitKinds = ["enhet", "verksamhetsomrade", "forvaltning"];

export function requirePlanUnit<N extends { kind: string; name: string }>(unit: N, what = "Planen"): N {
  if (!planUnitKinds.includes(unit.kind)) {
    throw validationError(`${what} sparades inte`, [
      {
        field: "orgNodeId",
        label: "Enhet",
        message: `Välj en enhet, ett verksamhetsområde eller förvaltningen, inte ${unit.name}.`,
      },
    ]);
  }
  return unit;
}

const processName = (p: repo.ProcessRow | undefined) => (p ? { id: p.id, name: `${p.process} – ${p.activity}` } : null);

type Links = {
  risks: ReadonlyMap<string, { nr: number; description: string }>;
  egenkontroller: ReadonlyMap<string, { what: string }>;
  granskningar?: ReadonlyMap<string, { nr: string; title: string }>;
};

const short = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

/** An åtgärd in wire form, with what it answers, its age and lateness on `today`. */
export function describeAtgard(a: repo.AtgardRow, unit: { id: string; name: string }, links: Links, today: string) {
  const risk = a.risk_id ? links.risks.get(a.risk_id) : undefined;
  const control = a.egenkontroll_id ? links.egenkontroller.get(a.egenkontroll_id) : undefined;
  const granskning = a.granskning_id ? links.granskningar?.get(a.granskning_id) : undefined;
  const linkedTo = a.risk_id
    ? { kind: "risk" as const, id: a.risk_id, label: risk ? `Risk ${risk.nr}: ${short(risk.description)}` : "Risk" }
    : a.egenkontroll_id
      ? { kind: "egenkontroll" as const, id: a.egenkontroll_id, label: `Egenkontroll: ${short(control?.what ?? "")}` }
      : {
          kind: "granskning" as const,
          id: a.granskning_id as string,
          label: granskning ? `Granskning ${granskning.nr}: ${short(granskning.title)}` : "Granskning",
        };
  const dates = { createdOn: a.created_on, deadline: a.deadline, status: a.status, statusOn: a.status_on };
  return {
    id: a.id,
    unit,
    year: a.year,
    linkedTo,
    text: a.text,
    owner: a.owner,
    deadline: a.deadline,
    status: a.status,
    statusOn: a.status_on,
    comment: a.comment,
    createdOn: a.created_on,
    ...atgardAge(dates, today),
  };
}

/** The plan of one unit for one year, with every risk placed in the kommun's matrix. */
export function plan(db: Db, actor: Actor, orgNodeId: string, year: number) {
  return read(db, actor, "read", orgNodeId, async ({ db, node }) => planOf(db, actor, requirePlanUnit(node), year));
}

async function planOf(db: Db, actor: Actor, unit: ServiceNode, year: number) {
  const kommunId = kommunIdOf(unit.path);
  const [scale, processes, risks, controls, atgarder] = [
    await scaleOf(db, kommunId, "kvalitetsplan"),
    await repo.processesOf(db, kommunId),
    await repo.risksOf(db, unit.id, year),
    await repo.egenkontrollerOf(db, unit.id, year),
    await repo.atgarderOfPlan(db, unit.id, year),
  ];
  const processById = new Map(processes.map((p) => [p.id, p]));
  const process = (id: string | null) => processName(id ? processById.get(id) : undefined);
  const riskById = new Map(risks.map((r) => [r.id, r]));
  const links: Links = { risks: riskById, egenkontroller: new Map(controls.map((c) => [c.id, c])) };
  const today = todayInSweden();
  return {
    unit: { id: unit.id, name: unit.name },
    year,
    canWrite: can(actor, "write:kvalitet", unit.path),
    scale,
    processes: processes.map(toProcess),
    risks: risks.map((r) => ({
      id: r.id,
      nr: r.nr,
      process: process(r.process_id),
      description: r.description,
      likelihood: r.likelihood,
      consequence: r.consequence,
      ...assess(r.likelihood, r.consequence, scale),
      comment: r.comment,
    })),
    matrix: riskMatrix(scale, risks).map((row) =>
      row.map(({ risks: placed, ...cell }) => ({ ...cell, riskNrs: placed.map((r) => r.nr) })),
    ),
    levelCounts: countByLevel(scale, risks),
    egenkontroller: controls.map((c) => ({
      id: c.id,
      process: process(c.process_id),
      risk: c.risk_id ? { id: c.risk_id, nr: riskById.get(c.risk_id)?.nr ?? 0 } : null,
      what: c.what,
      method: c.method,
      sample: c.sample,
      performedOn: c.performed_on,
      numerator: c.numerator,
      denominator: c.denominator,
      share: shareOf(c.numerator, c.denominator),
      comment: c.comment,
    })),
    atgarder: atgarder.map((a) => describeAtgard(a, { id: unit.id, name: unit.name }, links, today)),
  };
}

const openStatuses = atgardStatuses.filter((s) => !closedStatuses.includes(s));

/** The åtgärder of every plan under a node: all, one status, the open ones, or the open ones past deadline. */
export function atgarder(db: Db, actor: Actor, q: AtgarderQuery) {
  return read(db, actor, "read", q.orgNodeId, async ({ db, node }) => {
    const statuses: readonly AtgardStatus[] | undefined =
      q.status === "oppna" || q.status === "forsenade" ? openStatuses : q.status ? [q.status] : undefined;
    const rows = await repo.atgarderUnder(db, { under: node.path, year: q.year, statuses });
    const links = await linksOf(db, rows);
    const today = todayInSweden();
    const all = rows.map((r) => describeAtgard(r, { id: r.org_node_id, name: r.unit_name }, links, today));
    return { atgarder: q.status === "forsenade" ? all.filter((a) => a.overdue) : all };
  });
}

/** What each åtgärd answers: its risk, egenkontroll or granskning. */
async function linksOf(db: Db, rows: readonly repo.AtgardRow[]): Promise<Links> {
  const idsOf = (key: "risk_id" | "egenkontroll_id" | "granskning_id") => rows.flatMap((r) => r[key] ?? []);
  const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
  return {
    risks: byId(await repo.risksByIds(db, idsOf("risk_id"))),
    egenkontroller: byId(await repo.egenkontrollerByIds(db, idsOf("egenkontroll_id"))),
    granskningar: byId(await ik.granskningarByIds(db, idsOf("granskning_id"))),
  };
}

/**
 * The åtgärder under a node that were open at the end of `asOf` (the joint view's period end), each with the
 * status it had then (null: changed since, see rules.ts atgardOn) and its age and lateness on that day.
 */
export function atgarderOpenOn(db: Db, actor: Actor, orgNodeId: string, asOf: string) {
  return read(db, actor, "read", orgNodeId, async ({ db, node }) => {
    const rows = await repo.atgarderOpenOn(db, node.path, asOf, closedStatuses);
    const links = await linksOf(db, rows);
    return rows.map((r) => {
      const described = describeAtgard(r, { id: r.org_node_id, name: r.unit_name }, links, asOf);
      return { ...described, ...atgardOn(described, asOf) };
    });
  });
}
