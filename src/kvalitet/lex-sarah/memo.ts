// The standing memo to the nämnd ("Information om lex Sarah samt redovisning av beslut"): reports per
// month of the period, then the decisions taken in it, list A (inget missförhållande) and list B
// (missförhållande), one line per decision with every case number it covers. Decisions of C (anmälda till
// IVO) are counted, not listed (brief A3). Pure.

import { monthNames } from "../../platform/i18n/format.ts";
import { formatCaseNumber } from "./rules.ts";
import {
  type Consequence,
  consequenceSentences,
  type Finding,
  findingLabels,
  type Outcome,
  outcomeSentences,
} from "./vocabulary.ts";

export type MemoCase = { year: number; number: number; gist: string; consequence: Consequence | null };
export type MemoDecision = { decidedOn: string; outcome: Outcome; finding: Finding | null; cases: MemoCase[] };
export type MemoLine = { numbers: string[]; text: string };

/** The months from the period's first to its last, as YYYY-MM. */
export function monthsOf(periodStart: string, periodEnd: string): string[] {
  const months: string[] = [];
  let [year, month] = [Number(periodStart.slice(0, 4)), Number(periodStart.slice(5, 7))];
  const last = periodEnd.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, "0")}`;
    if (key > last) return months;
    months.push(key);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
}

const sentence = (text: string) => text.trim().replace(/[.\s]+$/, "");

/** `<nr(s)> – Rapport gällande <gist>. <finding>. <consequence>.` for one decision (its first case's words). */
export function memoLine(d: MemoDecision): MemoLine {
  const cases = [...d.cases].sort((a, b) => a.year - b.year || a.number - b.number);
  const first = cases[0];
  if (!first) throw new Error("A decision covers at least one case");
  const numbers = cases.map((c) => formatCaseNumber(c.year, c.number));
  const finding = d.outcome === "A" && d.finding ? findingLabels[d.finding] : outcomeSentences[d.outcome];
  const parts = [`Rapport gällande ${sentence(first.gist)}`, finding];
  if (first.consequence) parts.push(consequenceSentences[first.consequence]);
  return { numbers, text: `${numbers.join(", ")} – ${parts.map(sentence).join(". ")}.` };
}

const firstNumber = (line: MemoLine) => line.numbers[0] ?? "";

/** The memo for a period: `reportedOn` of each report in it, and the decisions taken in it. */
export function buildMemo(
  periodStart: string,
  periodEnd: string,
  reportDates: readonly string[],
  decisions: readonly MemoDecision[],
) {
  const inPeriod = (date: string) => date >= periodStart && date <= periodEnd;
  const reports = reportDates.filter(inPeriod);
  const taken = decisions.filter((d) => inPeriod(d.decidedOn));
  const list = (outcome: Outcome) =>
    taken
      .filter((d) => d.outcome === outcome)
      .map(memoLine)
      .sort((a, b) => firstNumber(a).localeCompare(firstNumber(b), "sv", { numeric: true }));
  const count = (outcome: Outcome) =>
    taken.filter((d) => d.outcome === outcome).reduce((n, d) => n + d.cases.length, 0);
  return {
    periodStart,
    periodEnd,
    reportsByMonth: monthsOf(periodStart, periodEnd).map((month) => ({
      month,
      name: `${monthNames[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`,
      count: reports.filter((r) => r.startsWith(month)).length,
    })),
    reports: reports.length,
    decided: taken.reduce((n, d) => n + d.cases.length, 0),
    listA: list("A"),
    listB: list("B"),
    /** Cases decided as allvarliga (C) and anmälda till IVO: counted, not listed. */
    ivoCases: count("C"),
  };
}
export type Memo = ReturnType<typeof buildMemo>;
