// Lex Sarah as lines a person reads in a terminal: the part of `lots kvalitet statistik`, and the memo. Pure.
import { formatCount, formatNumber } from "../../platform/i18n/format.ts";
import type { lexSarahCounts } from "./statistics.ts";

type LexSarahCounts = ReturnType<typeof lexSarahCounts>;

export function lexSarahLines(l: LexSarahCounts): string[] {
  const cell = (v: number | string) => (typeof v === "number" ? formatNumber(v) : v).padStart(8);
  const row = (name: string, values: readonly (number | string)[]) =>
    `  ${name.padEnd(46)}${values.map(cell).join("")}`;
  const outcomesText = l.byOutcome.map((o) => `${o.outcome} ${formatNumber(o.count)}`).join(", ");
  return [
    `Lex Sarah: ${formatCount(l.reports, "rapport", "rapporter")} (${l.year - 1}: ${formatNumber(l.previousYearReports)}); beslutade under ${l.year}: ${formatNumber(l.decided)} (${outcomesText}; C = anmält till IVO)`,
    `${"Lex Sarah per verksamhetsområde".padEnd(48)}${["Rapp.", "Beslut", "A", "B", "C"].map(cell).join("")}`,
    ...l.byArea.map((a) => row(a.name, [a.reports, a.decided, ...a.byOutcome.map((o) => o.count)])),
  ];
}

type Memo = {
  namnd: { name: string };
  periodStart: string;
  periodEnd: string;
  reportsByMonth: { name: string; count: number }[];
  listA: { text: string }[];
  listB: { text: string }[];
  ivoCases: number;
};

/** The memo as plain text, in the order the committee reads it. */
export function memoText(m: Memo): string {
  return [
    `Information om lex Sarah samt redovisning av beslut – ${m.namnd.name}, ${m.periodStart}–${m.periodEnd}`,
    "",
    "Inkomna rapporter per månad",
    ...m.reportsByMonth.map((r) => `  ${r.name}: ${formatNumber(r.count)}`),
    "",
    "A. Beslut om att det inte är ett missförhållande eller en påtaglig risk för ett missförhållande",
    ...m.listA.map((l) => `  ${l.text}`),
    "",
    "B. Beslut om att det är ett missförhållande eller en påtaglig risk för ett missförhållande",
    ...m.listB.map((l) => `  ${l.text}`),
    ...(m.ivoCases > 0 ? ["", `Anmälda till IVO under perioden: ${formatNumber(m.ivoCases)}`] : []),
    "",
  ].join("\n");
}
