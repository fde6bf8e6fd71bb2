// Loads the joint view of a node and a period from the registers' own repositories and reads, and
// decides what the reader sees: anyone with `read` on the node gets counts (small ones hidden); a reader
// with read:kvalitet there, as the registers decide, also gets the records, and that read is logged.
import { kommunIdOf, nodesUnder } from "../../organisation/index.ts";
import { logPersonalDataAccess } from "../../platform/access/log.ts";
import { type Actor, can } from "../../platform/auth/access.ts";
import { todayInSweden } from "../../platform/calendar.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { read } from "../../platform/service.ts";
import { labelledProblems, validationError } from "../../platform/validation.ts";
import { summaryOf } from "../event-read-service.ts";
import { countedBetween } from "../klagomal/complaint-statistics-service.ts";
import { atgarderOpenOn } from "../kvalitetsplan/plan-read-service.ts";
import * as plans from "../kvalitetsplan/repository.ts";
import { scaleOf } from "../kvalitetsplan/scale-service.ts";
import * as lexSarah from "../lex-sarah/repository.ts";
import * as events from "../repository.ts";
import type { KvalitetDB } from "../tables.ts";
import * as tillsyn from "../tillsyn/repository.ts";
import {
  asOfOf,
  atgarderSection,
  handelserSection,
  klagomalSection,
  LIST_LIMIT,
  lexSarahSection,
  periodOf,
  risksSection,
  tillsynSection,
} from "./overview.ts";
import { type OverviewQuery, overviewQuery } from "./schema.ts";

type Db = DbOf<KvalitetDB>;

/** The joint view of a node (its subtree) for a period; see overview.ts for what each section counts. */
export function overviewFor(db: Db, actor: Actor, q: OverviewQuery) {
  return read(db, actor, "read", q.orgNodeId, async ({ db, node }) => {
    const today = todayInSweden();
    const { period, problems } = periodOf(q, today);
    if (problems.length > 0) throw validationError("Perioden är ogiltig", labelledProblems(overviewQuery, problems));
    const asOf = asOfOf(period, today);
    const recordAccess = can(actor, "read:kvalitet", node.path);
    const under = node.path;
    const kommunId = kommunIdOf(under);

    const openEvents = recordAccess ? await events.openEventsOn(db, under, asOf, LIST_LIMIT) : [];
    const handelser = handelserSection({
      period,
      asOf,
      openDays: q.openDays,
      recordAccess,
      days: await events.dayTransitionCounts(db, under, period.start, period.end),
      typeDays: await events.dayTypeCounts(db, under, period.start, period.end),
      types: (await events.typesOf(db, kommunId)).map((t) => ({ code: t.code, name: t.name, group: t.type_group })),
      units: await nodesUnder(db, [under]),
      openCounts: await events.openCounts(db, under, asOf),
      openEvents: openEvents.map((e) => ({
        id: e.id,
        unit: { id: e.org_node_id, name: e.unit_name },
        reportedOn: e.reported_on,
        handledOn: e.handled_on,
        closedOn: e.closed_on,
        summary: summaryOf(e.what_happened),
      })),
    });

    const cases = await lexSarah.casesTouching(db, under, period.start, period.end);
    const lexSarahView = lexSarahSection({
      period,
      asOf,
      recordAccess,
      cases: cases.map((c) => ({
        id: c.id,
        unit: { id: c.org_node_id, name: c.unit_name },
        reportYear: c.report_year,
        number: c.number,
        reportedOn: c.reported_on,
        gist: c.gist,
        decisionId: c.decision_id,
        decidedOn: c.decided_on,
        outcome: c.outcome,
        ivoSentOn: c.ivo_sent_on,
      })),
    });

    const year = Number(period.end.slice(0, 4));
    const risks = (await plans.risksUnder(db, under, year)).map((r) => ({
      id: r.id,
      unit: { id: r.org_node_id, name: r.unit_name },
      nr: r.nr,
      description: r.description,
      likelihood: r.likelihood,
      consequence: r.consequence,
    }));

    const types = await tillsyn.inspectionTypesOf(db, kommunId);
    const inspections = (await tillsyn.inspectionsUnder(db, under)).map((i) => ({
      id: i.id,
      unit: { id: i.org_node_id, name: i.unit_name },
      type: types.find((t) => t.id === i.type_id)?.name ?? "",
      month: i.month,
      ivoDnr: i.ivo_dnr,
      decisionOn: i.decision_on,
      findings: i.findings,
      closedOn: i.closed_on,
      yttrandeDueOn: i.yttrande_due_on,
      yttrandeRepliedOn: i.yttrande_replied_on,
    }));

    // The records disclosed: the händelser and lex Sarah cases listed with their text.
    const listedEvents = handelser.openOlderThan.list ?? [];
    await logPersonalDataAccess(db, actor, {
      operation: "kvalitet.handelser",
      orgNodeId: node.id,
      records: listedEvents.map((e) => ({ entity: "kvalitet_event", id: e.id, orgNodeId: e.unit.id })),
    });
    await logPersonalDataAccess(db, actor, {
      operation: "kvalitet.lex-sarah-register",
      orgNodeId: node.id,
      records: (lexSarahView.open.list ?? []).map((c) => ({
        entity: "kvalitet_lex_sarah",
        id: c.id,
        orgNodeId: c.unit.id,
      })),
    });

    return {
      organisation: { id: node.id, name: node.name, kind: node.kind },
      period,
      asOf,
      recordAccess,
      handelser,
      lexSarah: lexSarahView,
      klagomal: klagomalSection({
        asOf,
        recordAccess,
        rows: await countedBetween(db, under, period.start, period.end),
      }),
      risks: risksSection(year, await scaleOf(db, kommunId, "kvalitetsplan"), risks),
      atgarder: atgarderSection(await atgarderOpenOn(db, actor, node.id, asOf)),
      tillsyn: tillsynSection({ period, asOf, recordAccess, inspections }),
    };
  });
}
