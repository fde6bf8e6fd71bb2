// Report-consistency checks: every table re-adds its parts, text figures are compared with the numbers
// they describe, and unit labels are compared with the size of the numbers. Pure functions; the
// follow-up report runs them on what it is about to show, and anyone can run them on a draft text.
import { roundDiv } from "./arithmetic.ts";
import { findMentions, formatScaled, type Mention, type MoneyUnit, scaleTkr } from "./text.ts";

export const issueSeverities = ["error", "info"] as const;
export const issueCodes = [
  "column_sum",
  "row_identity",
  "text_figure",
  "text_percent",
  "unit_label",
  "frame",
  "reallocation",
] as const;

export type Issue = {
  severity: (typeof issueSeverities)[number];
  code: (typeof issueCodes)[number];
  message: string;
  row?: string;
  column?: string;
  stated?: number | null;
  computed?: number | null;
};

export type TableColumn = { key: string; label: string };
export type TableRow = { label: string; values: Record<string, number | null> };

/** A table as printed. `rounded` says the numbers are rounded presentations (tkr), which allows rounding differences. */
export type ReportTable = {
  caption: string;
  rounded: boolean;
  columns: TableColumn[];
  rows: TableRow[];
  total: TableRow;
  /** Row rules such as netto = intäkter + kostnader or avvikelse = netto − budget. */
  identities?: Array<{ column: string; plus: string[]; minus?: string[] }>;
};

/**
 * Each rounded number is off by at most ½, so a sum over n rounded parts compared with a rounded
 * total may differ by up to (n + 1) / 2 units without anything being wrong.
 */
const roundingAllowance = (parts: number, rounded: boolean) => (rounded ? Math.floor((parts + 1) / 2) : 0);

function compare(
  issues: Issue[],
  code: Issue["code"],
  stated: number | null,
  computed: number | null,
  allowance: number,
  where: { row: string; column: string },
  describe: string,
) {
  if (stated === null && computed === null) return;
  if (stated === null || computed === null) {
    issues.push({
      severity: "error",
      code,
      ...where,
      stated,
      computed,
      message: `${where.row}, ${where.column}: ${describe} saknar värde på ena sidan (angivet ${show(stated)}, beräknat ${show(computed)}).`,
    });
    return;
  }
  const diff = stated - computed;
  if (diff === 0) return;
  const rounding = Math.abs(diff) <= allowance;
  issues.push({
    severity: rounding ? "info" : "error",
    code,
    ...where,
    stated,
    computed,
    message: rounding
      ? `${where.row}, ${where.column}: avrundningsdifferens ${formatScaled(diff, 0, true)} (angivet ${show(stated)}, delarna ger ${show(computed)}).`
      : `${where.row}, ${where.column}: ${describe} stämmer inte – angivet ${show(stated)}, delarna ger ${show(computed)} (differens ${formatScaled(diff, 0, true)}).`,
  });
}

const show = (n: number | null) => (n === null ? "inget värde" : formatScaled(n, 0, false));

function sumOrNull(values: Array<number | null | undefined>): number | null {
  const present = values.filter((v): v is number => v !== null && v !== undefined);
  return present.length ? present.reduce((a, b) => a + b, 0) : null;
}

/** Re-adds every column into the total row and checks each row identity; returns what does not add up. */
export function checkTable(table: ReportTable): Issue[] {
  const issues: Issue[] = [];
  for (const column of table.columns) {
    const parts = table.rows.map((r) => r.values[column.key] ?? null);
    compare(
      issues,
      "column_sum",
      table.total.values[column.key] ?? null,
      sumOrNull(parts),
      roundingAllowance(parts.filter((p) => p !== null).length, table.rounded),
      { row: table.total.label, column: column.label },
      "summan",
    );
  }
  for (const identity of table.identities ?? []) {
    const label = table.columns.find((c) => c.key === identity.column)?.label ?? identity.column;
    const terms = [
      ...identity.plus.map((k) => [k, 1] as const),
      ...(identity.minus ?? []).map((k) => [k, -1] as const),
    ];
    for (const row of [...table.rows, table.total]) {
      const values = terms.map(([k, sign]) => {
        const v = row.values[k];
        return v === null || v === undefined ? null : sign * v;
      });
      const stated = row.values[identity.column] ?? null;
      // A row without its parts (e.g. no outcome yet) has nothing to re-add.
      if (values.some((v) => v === null)) continue;
      compare(
        issues,
        "row_identity",
        stated,
        sumOrNull(values),
        roundingAllowance(terms.length, table.rounded),
        { row: row.label, column: label },
        "raden",
      );
    }
  }
  return issues;
}

export type NamedFigure = { label: string; tkr: number };

function mentionMatches(mention: Mention, tkr: number): boolean {
  if (mention.unit === "%") return false;
  const expected = scaleTkr(tkr, mention.unit, mention.digits);
  return mention.explicitSign ? mention.scaled === expected : Math.abs(mention.scaled) === Math.abs(expected);
}

/** The mention's size in tkr, for finding the figure it most likely meant. */
function mentionTkr(mention: Mention): number {
  const unit = mention.unit as MoneyUnit;
  const scale = 10 ** mention.digits;
  const factor = unit === "mkr" ? 1000 : unit === "tkr" ? 1 : 0.001;
  return (Math.abs(mention.scaled) / scale) * factor;
}

/**
 * Finds money figures in a text and compares each with the figure it is closest to (within 10 %).
 * A figure that matches after rendering from the table's tkr is fine; a near miss is an error that
 * says what the text should read.
 */
export function checkTextFigures(text: string, figures: NamedFigure[]): Issue[] {
  const issues: Issue[] = [];
  for (const mention of findMentions(text)) {
    if (mention.unit === "%") continue;
    if (figures.some((f) => mentionMatches(mention, f.tkr))) continue;
    const size = mentionTkr(mention);
    const nearest = figures
      .map((f) => ({ f, gap: Math.abs(Math.abs(f.tkr) - size) }))
      .filter(({ f, gap }) => Math.abs(f.tkr) > 0 && gap <= Math.abs(f.tkr) * 0.1)
      .sort((a, b) => a.gap - b.gap)[0];
    if (!nearest) continue;
    const unit = mention.unit as MoneyUnit;
    const expectedScaled = scaleTkr(nearest.f.tkr, unit, mention.digits);
    const shown = mention.explicitSign ? expectedScaled : Math.abs(expectedScaled);
    const expectedText = `${formatScaled(shown, mention.digits, mention.explicitSign)} ${unit}`;
    issues.push({
      severity: "error",
      code: "text_figure",
      row: nearest.f.label,
      stated: mention.scaled,
      computed: shown,
      message: `Texten säger "${mention.text}" men ${nearest.f.label} är ${formatScaled(nearest.f.tkr, 0, true)} tkr, vilket ska skrivas "${expectedText}".`,
    });
  }
  return issues;
}

/** Checks a percentage written in text ("+20,4 %") against the computed one at the text's precision. */
export function checkTextPercent(text: string, label: string, expectedPercent: number): Issue[] {
  return findMentions(text)
    .filter((m) => m.unit === "%")
    .flatMap((m) => {
      const expected = roundDiv(Math.round(expectedPercent * 1000) * 10 ** m.digits, 1000);
      const same = m.explicitSign ? m.scaled === expected : Math.abs(m.scaled) === Math.abs(expected);
      if (same) return [];
      return [
        {
          severity: "error" as const,
          code: "text_percent" as const,
          row: label,
          stated: m.scaled,
          computed: expected,
          message: `Texten säger "${m.text}" men ${label} är ${formatScaled(expected, m.digits, true)} %.`,
        },
      ];
    });
}

const unitFactors: Record<MoneyUnit, number> = { kr: 1, tkr: 1000, mkr: 1_000_000 };

/** "mnkr", "tkr", "Belopp i tkr" … → the unit it names. */
export function parseUnitLabel(label: string): MoneyUnit | null {
  const l = label.toLowerCase();
  if (/\b(mnkr|mkr|miljoner kronor)\b/.test(l)) return "mkr";
  if (/\b(tkr|tusen kronor)\b/.test(l)) return "tkr";
  if (/\b(kr|kronor)\b/.test(l)) return "kr";
  return null;
}

/**
 * Compares a table's unit label with the size of its numbers: the largest number, read in the unit the
 * label names, should be of the same order as the committee's budget (referenceKr). "mnkr" over a
 * table of tkr (679 576 "mnkr" ≈ 680 billion kr for a ~700 mkr committee) is flagged with the unit that fits.
 */
export function checkUnitLabel(caption: string, unitLabel: string, values: number[], referenceKr: number): Issue[] {
  const labelled = parseUnitLabel(unitLabel);
  const largest = Math.max(0, ...values.map((v) => Math.abs(v)));
  if (!labelled || largest === 0 || referenceKr === 0) return [];
  const distance = (unit: MoneyUnit) => Math.abs(Math.log10((largest * unitFactors[unit]) / Math.abs(referenceKr)));
  const best = (Object.keys(unitFactors) as MoneyUnit[]).sort((a, b) => distance(a) - distance(b))[0] as MoneyUnit;
  // Within a factor of 30 of the budget is plausible for the largest row of a committee table.
  if (best === labelled || distance(labelled) <= Math.log10(30)) return [];
  return [
    {
      severity: "error",
      code: "unit_label",
      row: caption,
      message: `${caption}: enheten "${unitLabel}" passar inte siffrorna. Största värdet ${formatScaled(largest, 0, false)} ${labelled} vore ${formatScaled(roundDiv(largest * unitFactors[labelled], 1_000_000), 0, false)} mkr, men nämndens budget är ${formatScaled(roundDiv(Math.abs(referenceKr), 1_000_000), 0, false)} mkr; siffrorna ser ut att vara i ${best}.`,
    },
  ];
}
