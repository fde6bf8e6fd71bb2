import { type Actor, can } from "../../platform/auth/access.ts";
import { todayInSweden } from "../../platform/calendar.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { read } from "../../platform/service.ts";
import { namndOf } from "../case-read-service.ts";
import type { NamndDB } from "../tables.ts";
import * as repo from "./repository.ts";
import { type AnmalanDecision, anmalan, comparePointCodes, delegateName, upplysning } from "./rules.ts";
import type { PeriodQuery } from "./schema.ts";

type Db = DbOf<NamndDB>;

/** The points of an ordning with their delegates and vidaredelegeringar, in code order. */
export async function pointsWithHolders(db: Db, orderId: string) {
  const points = await repo.pointsOf(db, orderId);
  const ids = points.map((p) => p.id);
  const [delegates, subdelegations] = [await repo.delegatesOf(db, ids), await repo.subdelegationsOf(db, ids)];
  return points
    .map((p) => ({
      ...p,
      delegates: delegates
        .filter((d) => d.point_id === p.id)
        .map((d) => ({ kind: d.kind, functionId: d.function_id, functionName: d.function_name })),
      subdelegations: subdelegations
        .filter((s) => s.point_id === p.id)
        .map((s) => ({
          functionId: s.function_id,
          functionName: s.function_name,
          validFrom: s.valid_from,
          validUntil: s.valid_until,
          diarienummer: s.diarienummer,
        })),
    }))
    .sort((a, b) => comparePointCodes(a.code, b.code));
}
export type PointWithHolders = Awaited<ReturnType<typeof pointsWithHolders>>[number];

export const pointOf = (p: PointWithHolders) => ({
  code: p.code,
  heading: p.heading,
  text: p.text,
  lagrum: p.lagrum,
  limits: p.limits,
  subdelegationAllowed: p.subdelegation_allowed,
  anmalanRequired: p.anmalan_required,
  anmalanSection: p.anmalan_section,
  delegates: p.delegates.map((d) => ({ kind: d.kind, function: d.functionName, label: delegateName(d) })),
  subdelegations: p.subdelegations.map((s) => ({
    function: s.functionName,
    validFrom: s.validFrom,
    validUntil: s.validUntil,
    diarienummer: s.diarienummer,
  })),
});

/** The delegeringsordning in force on a date (today by default), for readers of the nämnd. */
export async function getOrder(db: Db, actor: Actor, orgNodeId: string, on = todayInSweden()) {
  const namnd = await namndOf(db, orgNodeId);
  return read(db, actor, "read", namnd.id, async ({ db, node }) => {
    const order = await repo.orderInForce(db, namnd.id, on);
    const functions = await repo.functionsOf(db, namnd.id);
    return {
      namnd: { id: namnd.id, name: namnd.name },
      order: order
        ? { adoptedOn: order.adopted_on, paragraph: order.paragraph, diarienummer: order.diarienummer }
        : null,
      functions: functions.filter((f) => f.active).map((f) => f.name),
      points: order ? (await pointsWithHolders(db, order.id)).map(pointOf) : [],
      canWrite: can(actor, "write:namnd", node.path),
    };
  });
}

/** A decision in wire form; the provider only for readers of personal data on the nämnd. */
export function decisionOf(row: repo.DecisionRow, showProvider: boolean) {
  return {
    id: row.id,
    diarienummer: row.diarienummer,
    decidedOn: row.decided_on,
    point: { code: row.point_code, heading: row.point_heading },
    decider: { kind: row.decider_kind, function: row.function_name, name: row.decider_name },
    law: row.law,
    subject: row.subject,
    unit: row.unit_id ? { id: row.unit_id, name: row.unit_name ?? "" } : null,
    provider: showProvider ? row.provider : null,
    providerMasked: !showProvider && row.provider !== null,
    periodFrom: row.period_from,
    periodUntil: row.period_until,
    upplysning:
      row.decider_kind === "ordforande"
        ? upplysning(row.point_code, { adoptedOn: row.adopted_on, paragraph: row.paragraph })
        : null,
  };
}

/** The nämnd's delegation decisions of a period. */
export async function listDecisions(db: Db, actor: Actor, q: PeriodQuery) {
  const namnd = await namndOf(db, q.orgNodeId);
  return read(db, actor, "read", namnd.id, async ({ db, node }) => {
    const show = can(actor, "read:personal", node.path);
    return (await repo.decisionsBetween(db, namnd.id, q.periodStart, q.periodEnd)).map((r) => decisionOf(r, show));
  });
}

/** Printed in place of a provider the reader may not see. */
export const MASKED_PROVIDER = "utförare dold";

/**
 * "Anmälan av delegeringsbeslut" for a period: the decisions of points that are to be reported, in the six
 * fixed sections. The sammanträde's standing item calls this; the route answers it too.
 */
export async function delegationReport(db: Db, actor: Actor, q: PeriodQuery) {
  const namnd = await namndOf(db, q.orgNodeId);
  return read(db, actor, "read", namnd.id, async ({ db, node }) => {
    const show = can(actor, "read:personal", node.path);
    const rows = await repo.decisionsBetween(db, namnd.id, q.periodStart, q.periodEnd);
    const decisions: AnmalanDecision[] = rows
      .filter((r) => r.anmalan_required)
      .map((r) => ({
        section: r.anmalan_section,
        diarienummer: r.diarienummer,
        decidedOn: r.decided_on,
        subject: r.subject,
        provider: r.provider === null ? null : show ? r.provider : MASKED_PROVIDER,
        unit: r.unit_name,
        law: r.law,
      }));
    return {
      namnd: { id: namnd.id, name: namnd.name },
      periodStart: q.periodStart,
      periodEnd: q.periodEnd,
      sections: anmalan({ from: q.periodStart, to: q.periodEnd }, decisions),
    };
  });
}
