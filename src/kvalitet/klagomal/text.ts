// The synpunkter statistics as lines a person reads in a terminal (`lots kvalitet statistik`). Pure.
import { formatNumber } from "../../platform/i18n/format.ts";
import type { complaintStatisticsOf } from "./statistics.ts";
import { categories, categoryShortLabels } from "./vocabulary.ts";

type ComplaintStatistics = ReturnType<typeof complaintStatisticsOf>;

const cell = (value: number | string, width: number) =>
  (typeof value === "number" ? formatNumber(value) : value).padStart(width);

export function complaintLines(k: ComplaintStatistics, year: number): string[] {
  const d = k.diarium;
  const table = d.byUnitAndCategory;
  const widths = categories.map((c) => Math.max(categoryShortLabels[c].length + 2, 8));
  const row = (name: string, values: readonly number[], total: number) =>
    `  ${name.padEnd(46)}${values.map((v, i) => cell(v, widths[i] ?? 8)).join("")}${cell(total, 8)}`;
  const share = d.answers.inTimeShare === null ? "–" : `${formatNumber(Math.round(d.answers.inTimeShare * 100))} %`;
  const ko = k.kommentaren;
  const kommentarenType = (code: string) => ko.byType.find((t) => t.code === code)?.count ?? 0;
  return [
    `Klagomål (diariet): ${formatNumber(d.klagomal)} (${year - 1}: ${formatNumber(d.previousYearKlagomal)}); synpunkter m.m. i diariet totalt: ${formatNumber(d.total)}`,
    `${"Klagomål per enhet och kategori".padEnd(48)}${categories.map((c, i) => cell(categoryShortLabels[c], widths[i] ?? 8)).join("")}${cell("Totalt", 8)}`,
    ...table.rows.map((r) =>
      row(
        r.name,
        categories.map((c) => r.byCategory[c]),
        r.total,
      ),
    ),
    row(
      "Summa",
      categories.map((c) => table.totals.byCategory[c]),
      table.totals.total,
    ),
    `Per typ: ${d.byType.map((t) => `${t.name} ${formatNumber(t.count)}`).join(", ")}`,
    `Per kanal: ${d.byChannel.map((t) => `${t.name} ${formatNumber(t.count)}`).join(", ")}`,
    `Besvarade inom 10 dagar: ${share} (i tid ${formatNumber(d.answers.inTime)}, sent ${formatNumber(d.answers.late)}, försenade ${formatNumber(d.answers.overdue)}, inom fristen ${formatNumber(d.answers.pending)}, anonyma ${formatNumber(d.answers.anonymous)})`,
    "",
    "Kommentaren (räknas inte in i diariets klagomål)",
    `  Klagomål ${formatNumber(kommentarenType("klagomal"))}, synpunkter ${formatNumber(kommentarenType("synpunkt"))}, beröm ${formatNumber(kommentarenType("berom"))}, förslag ${formatNumber(kommentarenType("forslag"))}, totalt ${formatNumber(ko.total)}`,
    `  Anonyma ${formatNumber(ko.anonymous)}, politiska ${formatNumber(ko.political)}, obesvarade 10 dagar efter bekräftelse ${formatNumber(ko.notAnsweredInTime)}`,
  ];
}
