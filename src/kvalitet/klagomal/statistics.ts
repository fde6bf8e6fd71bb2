// The arithmetic of the synpunkter statistics: the diarium's klagomål per unit and category (the
// kvalitetsberättelse's table, with row and column sums), all types and channels, the answers under the
// 10-day rule, and Kommentaren's figures apart (never added to the diarium's). Pure.

import { answeredLate, answerStatus } from "./rules.ts";
import {
  type Category,
  type Channel,
  type ComplaintType,
  categories,
  channelLabels,
  channels,
  complaintTypeLabels,
  complaintTypes,
} from "./vocabulary.ts";

export type Counted = {
  orgNodeId: string;
  receivedOn: string;
  channel: Channel;
  type: ComplaintType;
  category: Category | null;
  anonymous: boolean;
  political: boolean;
  acknowledgedOn: string | null;
  answeredOn: string | null;
};

export type Unit = { id: string; name: string; sort_order: number };
export type ByCategory = Record<Category, number>;

const noCategories = (): ByCategory => ({ utformande: 0, handlaggning: 0, bemotande: 0, ovrigt: 0 });
const sum = (c: ByCategory) => categories.reduce((n, k) => n + c[k], 0);

export const isKommentaren = (c: Pick<Counted, "channel">) => c.channel === "kommentaren";

/** The klagomål per unit (rows in the organisation's order, only units with any) and category, with sums. */
export function unitCategoryTable(rows: readonly Counted[], units: readonly Unit[]) {
  const byUnit = new Map<string, ByCategory>();
  for (const r of rows) {
    if (r.type !== "klagomal" || r.category === null) continue;
    const counts = byUnit.get(r.orgNodeId) ?? noCategories();
    counts[r.category] += 1;
    byUnit.set(r.orgNodeId, counts);
  }
  const ordered = [...units].sort((a, b) => a.sort_order - b.sort_order || a.name.localeCompare(b.name, "sv"));
  const unitRows = ordered
    .filter((u) => byUnit.has(u.id))
    .map((u) => {
      const byCategory = byUnit.get(u.id) ?? noCategories();
      return { id: u.id, name: u.name, byCategory, total: sum(byCategory) };
    });
  const totals = noCategories();
  for (const row of unitRows) for (const k of categories) totals[k] += row.byCategory[k];
  return { rows: unitRows, totals: { byCategory: totals, total: sum(totals) } };
}

/** How the answers stand on `asOf`; the share in time is of those whose answer was due (null when none was). */
export function answersOf(rows: readonly Counted[], asOf: string) {
  const counts = { inTime: 0, late: 0, overdue: 0, pending: 0, anonymous: 0 };
  for (const r of rows) {
    const status = answerStatus(r, asOf);
    if (status === "besvarad_i_tid") counts.inTime += 1;
    else if (status === "besvarad_sent") counts.late += 1;
    else if (status === "forsenad") counts.overdue += 1;
    else if (status === "obesvarad") counts.pending += 1;
    else counts.anonymous += 1;
  }
  const due = counts.inTime + counts.late + counts.overdue;
  return { ...counts, inTimeShare: due === 0 ? null : counts.inTime / due };
}

const countOf = <K extends string>(keys: readonly K[], labels: Record<K, string>, values: readonly K[]) =>
  keys.map((code) => ({ code, name: labels[code], count: values.filter((v) => v === code).length }));

/**
 * The year's statistics: the diarium (every channel but Kommentaren) and Kommentaren apart. `previous` is
 * the year before, for the klagomål trend.
 */
export function complaintStatisticsOf(
  rows: readonly Counted[],
  previous: readonly Counted[],
  units: readonly Unit[],
  asOf: string,
) {
  const diarium = rows.filter((r) => !isKommentaren(r));
  const kommentaren = rows.filter(isKommentaren);
  const klagomal = (list: readonly Counted[]) => list.filter((r) => r.type === "klagomal").length;
  return {
    diarium: {
      total: diarium.length,
      klagomal: klagomal(diarium),
      previousYearKlagomal: klagomal(previous.filter((r) => !isKommentaren(r))),
      byUnitAndCategory: unitCategoryTable(diarium, units),
      byType: countOf(
        complaintTypes,
        complaintTypeLabels,
        diarium.map((r) => r.type),
      ),
      byChannel: countOf(
        channels.filter((c) => c !== "kommentaren"),
        channelLabels,
        diarium.map((r) => r.channel),
      ),
      answers: answersOf(diarium, asOf),
    },
    kommentaren: {
      total: kommentaren.length,
      byType: countOf(
        complaintTypes,
        complaintTypeLabels,
        kommentaren.map((r) => r.type),
      ),
      anonymous: kommentaren.filter((r) => r.anonymous).length,
      political: kommentaren.filter((r) => r.political).length,
      /** "Obesvarade 10 dagar efter bekräftelse": answered late or still unanswered after the last day. */
      notAnsweredInTime: kommentaren.filter((r) => answeredLate(answerStatus(r, asOf))).length,
      answers: answersOf(kommentaren, asOf),
    },
  };
}
