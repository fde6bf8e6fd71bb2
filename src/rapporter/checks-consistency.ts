// Pre-publish checks that a text or a table agrees with the report's other numbers: a percentage or change
// written in text must follow from the row it describes, one measure must show one value wherever it
// appears, and dates must come in order. Pure.
import type { Finding } from "./checks.ts";
import { convert, numberText, roundHalfAway } from "./figures.ts";
import type { AssembledActivities, AssembledDirectives, AssembledTable, Segment } from "./model.ts";

type Place = { chapter: string; block: string };

const parseSv = (text: string) =>
  Number(
    text
      .replace(/[\s\u00a0]/g, "")
      .replace(/[−–]/g, "-")
      .replace(",", "."),
  );
const decimalsOf = (text: string) => text.split(",")[1]?.length ?? 0;

// "+20,4 %", "20,4 procent", "−3 %"; "1 104 fler", "1104 färre" (not "procent fler").
const PERCENT = /([+−-]?\d+(?:,\d+)?)\s?(?:%|procent\b)/gu;
const CHANGE = /(\d{1,3}(?:[\s\u00a0]\d{3})+|\d+)\s+(fler|färre)\b/gu;

type Series = {
  t: AssembledTable;
  row: AssembledTable["rows"][number];
  points: Array<{ label: string; value: number }>;
};

function seriesNamed(sentence: string, tables: AssembledTable[]): Series[] {
  const lower = sentence.toLocaleLowerCase("sv");
  return tables.flatMap((t) =>
    t.rows
      .filter((r) => lower.includes(r.label.toLocaleLowerCase("sv")))
      .map((row) => ({
        t,
        row,
        points: t.columns.flatMap((c) => {
          const value = row.cells[c.key]?.value;
          return value === null || value === undefined ? [] : [{ label: c.label, value }];
        }),
      })),
  );
}

/** Every change a reader could mean: from an earlier column to a later one of the same row. */
function changesOf(s: Series) {
  const out: Array<{ from: Series["points"][number]; to: Series["points"][number]; diff: number; pct: number | null }> =
    [];
  s.points.forEach((from, i) => {
    for (const to of s.points.slice(i + 1)) {
      out.push({
        from,
        to,
        diff: to.value - from.value,
        pct: from.value ? ((to.value - from.value) / Math.abs(from.value)) * 100 : null,
      });
    }
  });
  return out;
}

/**
 * A percentage in text must be a change between two of the named row's figures (or the figure itself, in a
 * percent table), and "N fler/färre" their difference: "+20,4 % (1104 fler dygn)" against 4 314 → 5 433 is
 * +25,9 % and 1 119 fler.
 */
export function checkPercentages(place: Place, segments: Segment[], tables: AssembledTable[]): Finding[] {
  const findings: Finding[] = [];
  const literal = segments
    .filter((s) => !s.figure)
    .map((s) => s.text)
    .join(" ");
  for (const sentence of literal.split(/(?<=[.!?])\s+/)) {
    const series = seriesNamed(sentence, tables);
    if (!series.length) continue;
    const changes = series.flatMap((s) => changesOf(s).map((c) => ({ s, ...c })));
    const describe = (c: (typeof changes)[number], digits: number) =>
      `${c.s.t.caption}, ${c.s.row.label}: ${c.from.label} ${numberText(c.from.value, 0)} → ${c.to.label} ${numberText(c.to.value, 0)} är ${c.diff >= 0 ? "+" : ""}${numberText(c.pct ?? 0, digits)} % (${numberText(Math.abs(c.diff), 0)} ${c.diff >= 0 ? "fler" : "färre"})`;
    for (const m of sentence.matchAll(PERCENT)) {
      const written = m[1] as string;
      const value = parseSv(written);
      const digits = decimalsOf(written);
      const signed = /^[+−-]/.test(written);
      const ok =
        changes.some((c) => c.pct !== null && roundHalfAway(signed ? c.pct : Math.abs(c.pct), digits) === value) ||
        series.some(
          (s) => s.t.unit === "procent" && s.points.some((p) => roundHalfAway(p.value, digits) === Math.abs(value)),
        );
      if (ok) continue;
      const nearest = changes
        .filter((c) => c.pct !== null)
        .sort(
          (a, b) =>
            Math.abs(Math.abs(a.pct as number) - Math.abs(value)) -
            Math.abs(Math.abs(b.pct as number) - Math.abs(value)),
        )[0];
      if (!nearest) continue;
      findings.push({
        check: "procent",
        severity: "blocking",
        ...place,
        row: nearest.s.row.label,
        message: `Texten säger "${m[0].trim()}" men ${describe(nearest, digits)}.`,
      });
    }
    for (const m of sentence.matchAll(CHANGE)) {
      const value = parseSv(m[1] as string);
      const more = m[2] === "fler";
      if (changes.some((c) => (more ? c.diff : -c.diff) === value)) continue;
      const nearest = [...changes].sort(
        (a, b) => Math.abs(Math.abs(a.diff) - value) - Math.abs(Math.abs(b.diff) - value),
      )[0];
      if (!nearest) continue;
      findings.push({
        check: "procent",
        severity: "blocking",
        ...place,
        row: nearest.s.row.label,
        message: `Texten säger "${m[0].trim()}" men ${describe(nearest, 1)}.`,
      });
    }
  }
  return findings;
}

/**
 * One measure, one value: a cell that carries a measure (the year's net cost, budget, deviation, investments)
 * must agree, in kronor, with every other cell of the same measure anywhere in the report.
 */
export function checkSameMeasure(tables: Array<{ chapter: string; t: AssembledTable }>): Finding[] {
  const seen = new Map<
    string,
    { chapter: string; t: AssembledTable; row: string; column: string; text: string; kr: number }
  >();
  const findings: Finding[] = [];
  for (const { chapter, t } of tables) {
    for (const row of t.rows) {
      for (const column of t.columns) {
        const cell = row.cells[column.key];
        const kr = cell?.value == null ? null : convert(cell.value, t.unit, "kr");
        if (!cell?.measure || kr === null) continue;
        const first = seen.get(cell.measure);
        if (!first) {
          seen.set(cell.measure, { chapter, t, row: row.label, column: column.label, text: cell.text, kr });
          continue;
        }
        // Each table shows its own rounding; the values underneath must be the same number.
        if (Math.abs(first.kr - kr) < 0.5) continue;
        findings.push({
          check: "samma-matt",
          severity: "blocking",
          chapter,
          block: t.caption,
          row: row.label,
          message: `${t.caption}, ${row.label}, ${column.label}: ${cell.text} ${t.unit} men ${first.t.caption} (${first.chapter}), ${first.row}, ${first.column}: ${first.text} ${first.t.unit} – samma mått med olika värden.`,
        });
      }
    }
  }
  return findings;
}

// ---------- dates ----------

const DATE = String.raw`(\d{4}-\d{2}-\d{2})`;
const RANGES = [
  new RegExp(`${DATE}\\s*[–—-]\\s*${DATE}`, "g"),
  new RegExp(`från(?: och med)?\\s+${DATE}\\s+(?:till|till och med|t\\.o\\.m\\.)\\s+${DATE}`, "gi"),
];

/** A date range written backwards in text ("2024-02-01–2024-01-26"). */
export function checkDateRanges(place: Place, text: string): Finding[] {
  return RANGES.flatMap((pattern) =>
    [...text.matchAll(pattern)].flatMap((m) =>
      (m[1] as string) > (m[2] as string)
        ? [
            {
              check: "datumordning" as const,
              severity: "blocking" as const,
              ...place,
              message: `"${m[0]}": startdatumet ${m[1]} ligger efter slutdatumet ${m[2]}.`,
            },
          ]
        : [],
    ),
  );
}

/** A directive valid to a year before it starts. */
export function checkDirectiveYears(b: AssembledDirectives, chapter: string): Finding[] {
  return b.directives
    .filter((d) => d.validFrom > d.validTo)
    .map((d) => ({
      check: "datumordning" as const,
      severity: "blocking" as const,
      chapter,
      block: b.title,
      row: d.title,
      message: `Direktivet "${d.title}" gäller från ${d.validFrom} till ${d.validTo}: slutåret ligger före startåret.`,
    }));
}

/** An activity that ends before it starts. */
export function checkActivityDates(b: AssembledActivities, chapter: string): Finding[] {
  return b.activities
    .filter((a) => a.startDate && a.endDate && a.startDate > a.endDate)
    .map((a) => ({
      check: "datumordning" as const,
      severity: "blocking" as const,
      chapter,
      block: b.title,
      row: a.title,
      message: `Aktiviteten "${a.title}" startar ${a.startDate} men slutar ${a.endDate}.`,
    }));
}
