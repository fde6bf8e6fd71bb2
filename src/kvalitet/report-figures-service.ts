// What the kvalitetsberättelse shows of a nämnd's (or any node's) year, for Rapporter: händelser by type and
// quarter, lex Sarah by area and outcome, klagomål by unit and category, Kommentaren's figures, the plans'
// risks, egenkontroller and åtgärder. Counts and descriptions of how units work, no free text about people,
// so `read` on the node suffices (as for the statistics) and nothing is logged. Labels come with the codes:
// a report prints them.
import { kommunIdOf } from "../organisation/index.ts";
import type { Actor } from "../platform/auth/access.ts";
import { todayInSweden } from "../platform/calendar.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { read } from "../platform/service.ts";
import { categories, categoryShortLabels } from "./klagomal/vocabulary.ts";
import { atgarder } from "./kvalitetsplan/plan-read-service.ts";
import * as plans from "./kvalitetsplan/repository.ts";
import { shareOf } from "./kvalitetsplan/rules.ts";
import { scaleOf } from "./kvalitetsplan/scale-service.ts";
import { atgardStatuses, atgardStatusLabels } from "./kvalitetsplan/vocabulary.ts";
import { outcomeLabels } from "./lex-sarah/vocabulary.ts";
import { assess } from "./risk/risk.ts";
import { statistics } from "./statistics-service.ts";
import type { KvalitetDB } from "./tables.ts";

type Db = DbOf<KvalitetDB>;

/** The year's figures under a node, judged on the year's last day (or today while it runs). */
export function qualityYearFigures(db: Db, actor: Actor, orgNodeId: string, year: number) {
  return read(db, actor, "read", orgNodeId, async ({ db, node }) => {
    const today = todayInSweden();
    const yearEnd = `${year}-12-31`;
    const asOf = yearEnd < today ? yearEnd : today;
    const s = await statistics(db, actor, { orgNodeId, year, asOf, openDays: 30, quietMax: 2 });
    const scale = await scaleOf(db, kommunIdOf(node.path), "kvalitetsplan");
    const { atgarder: measures } = await atgarder(db, actor, { orgNodeId, year });
    const table = s.klagomal.diarium.byUnitAndCategory;
    return {
      organisation: { id: node.id, name: node.name },
      year,
      handelser: {
        total: s.avvikelser.total,
        previousYearTotal: s.avvikelser.previousYearTotal,
        byQuarter: s.avvikelser.byQuarter,
        byType: s.avvikelser.byType.map((t) => ({ name: t.name, count: t.count, previousYear: t.previousYear })),
      },
      lexSarah: {
        reports: s.lexSarah.reports,
        previousYearReports: s.lexSarah.previousYearReports,
        decided: s.lexSarah.decided,
        byOutcome: s.lexSarah.byOutcome.map((o) => o.count),
        outcomes: s.lexSarah.byOutcome.map((o) => ({ outcome: o.outcome, label: outcomeLabels[o.outcome] })),
        byArea: s.lexSarah.byArea.map((a) => ({
          name: a.name,
          reports: a.reports,
          decided: a.decided,
          byOutcome: a.byOutcome.map((o) => o.count),
        })),
      },
      klagomal: {
        categories: categories.map((c) => ({ key: c, label: categoryShortLabels[c] })),
        byUnit: table.rows.map((r) => ({
          name: r.name,
          byCategory: categories.map((c) => r.byCategory[c]),
          total: r.total,
        })),
        totals: categories.map((c) => table.totals.byCategory[c]),
        total: table.totals.total,
      },
      kommentaren: {
        total: s.klagomal.kommentaren.total,
        byType: s.klagomal.kommentaren.byType.map((t) => ({ label: t.name, count: t.count })),
        anonymous: s.klagomal.kommentaren.anonymous,
        political: s.klagomal.kommentaren.political,
        notAnsweredInTime: s.klagomal.kommentaren.notAnsweredInTime,
      },
      risks: (await plans.risksUnder(db, node.path, year)).map((r) => ({
        unit: r.unit_name,
        nr: r.nr,
        description: r.description,
        level: assess(r.likelihood, r.consequence, scale).level.name,
      })),
      egenkontroller: (await plans.egenkontrollerUnder(db, node.path, year)).map((e) => ({
        unit: e.unit_name,
        what: e.what,
        method: e.method,
        performedOn: e.performed_on,
        numerator: e.numerator,
        denominator: e.denominator,
        share: shareOf(e.numerator, e.denominator),
      })),
      atgardStatuses: atgardStatuses.map((status) => ({ status, label: atgardStatusLabels[status] })),
      // The plans' åtgärder (the internkontroll's are its own report's).
      atgarder: measures
        .filter((a) => a.linkedTo.kind !== "granskning")
        .map((a) => ({
          unit: a.unit.name,
          linkedTo: a.linkedTo.label,
          text: a.text,
          status: a.status,
          statusLabel: atgardStatusLabels[a.status],
          comment: a.comment,
        })),
    };
  });
}
