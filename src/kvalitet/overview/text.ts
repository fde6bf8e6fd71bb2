// The joint view as the text a person reads in a terminal (`lots kvalitet oversikt`). Pure.
import { formatCount, formatNumber, formatPercent } from "../../platform/i18n/format.ts";
import { categoryShortLabels } from "../klagomal/vocabulary.ts";
import { atgardStatusLabelOn } from "../kvalitetsplan/vocabulary.ts";
import { yttrandeStatusLabels } from "../tillsyn/vocabulary.ts";
import { eventStatusLabels } from "../vocabulary.ts";
import type { overviewFor } from "./overview-service.ts";
import type { Shown } from "./small-counts.ts";

type Overview = Awaited<ReturnType<typeof overviewFor>>;

const n = (v: Shown) => (typeof v === "number" ? formatNumber(v) : v);
/** A possibly hidden count with its noun: "1 rapport", "3 rapporter", "<5 rapporter". */
const counted = (v: Shown, one: string, many: string) =>
  typeof v === "number" ? formatCount(v, one, many) : `${v} ${many}`;
const days = (d: number) => formatCount(d, "dag", "dagar");
const share = (v: number | null) => (v === null ? "–" : formatPercent(v * 100, 0));

export function overviewText(o: Overview): string {
  const h = o.handelser;
  const l = o.lexSarah;
  const k = o.klagomal;
  const lines = [
    `Kvalitet – ${o.organisation.name}, ${o.period.start}–${o.period.end} (öppet bedömt ${o.asOf})`,
    "",
    `Händelser (avvikelser): ${n(h.total)} – ${h.byStatus.map((s) => `${eventStatusLabels[s.status]} ${n(s.count)}`).join(", ")}`,
    `  Per typ (flerval): ${h.byType.map((t) => `${t.name} ${n(t.count)}`).join(", ")}`,
    `  Öppna äldre än ${days(h.openOlderThan.days)}: ${n(h.openOlderThan.count)} (äldsta ${days(h.openOlderThan.oldestDays)})`,
    ...(h.openOlderThan.list ?? []).map((e) => `    ${e.reportedOn} ${e.unit.name} (${e.ageDays} d): ${e.summary}`),
    "",
    `Lex Sarah: ${counted(l.reports, "rapport", "rapporter")}; beslutade ${n(l.decided)} – ${l.byOutcome.map((b) => `${b.outcome} ${n(b.count)}`).join(", ")}`,
    `  Pågående utredningar: ${n(l.open.count)}${l.open.oldestDays === null ? "" : ` (äldsta ${days(l.open.oldestDays)})`}`,
    ...(l.open.list ?? []).map((c) => `    ${c.number} ${c.unit.name} (${c.ageDays} d): ${c.gist}`),
    `  Anmälningar till IVO som väntar: ${n(l.ivoPending.count)}, varav försenade ${n(l.ivoPending.overdue)}`,
    "",
    `Klagomål (diariet): ${n(k.received)} – ${k.byCategory.map((c) => `${categoryShortLabels[c.category]} ${n(c.count)}`).join(", ")}`,
    `  Besvarade inom 10 dagar: ${n(k.answeredInTime)} (${share(k.inTimeShare)}); sent eller försenade: ${n(k.late)}; ännu inte förfallna: ${n(k.notYetDue)}`,
    `  Synpunkter i övrigt: ${n(k.otherSynpunkter)}; Kommentaren (räknas för sig): ${n(k.kommentaren)}`,
    "",
    `Risker i kvalitetsplanerna ${o.risks.year}: ${o.risks.total} – ${o.risks.byLevel.map((r) => `${r.level} ${r.count}`).join(", ")}`,
    ...o.risks.high.map((r) => `  ${r.level} (${r.value}) ${r.unit.name}, risk ${r.nr}: ${r.description}`),
    "",
    `Öppna åtgärder: ${o.atgarder.open}, varav försenade ${o.atgarder.overdue}`,
    ...o.atgarder.list.map(
      (a) =>
        `  ${a.deadline ?? "utan slutdatum"} ${a.unit.name}: ${a.text} (${atgardStatusLabelOn(a.status)}${a.overdue ? `, ${days(a.daysOverdue)} sen` : ""})`,
    ),
    "",
    `IVO-tillsyn, pågående: ${o.tillsyn.open}; yttranden som väntar: ${o.tillsyn.yttrandenAwaited}, varav försenade ${o.tillsyn.yttrandenOverdue}`,
    ...(o.tillsyn.list ?? []).map(
      (i) =>
        `  ${i.month} ${i.unit.name}, ${i.type}${i.yttrandeDueOn ? `: yttrande senast ${i.yttrandeDueOn} – ${yttrandeStatusLabels[i.yttrandeStatus]}` : ""}`,
    ),
  ];
  return `${lines.join("\n")}\n`;
}
