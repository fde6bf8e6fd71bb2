// Pre-publish checks over an assembled report: what a careful reviewer at the revision office would catch
// before the committee signs. Pure; each finding names chapter, block, row and the figures involved.
import { formatNumber } from "../platform/i18n/format.ts";
import {
  checkActivityDates,
  checkDateRanges,
  checkDirectiveYears,
  checkPercentages,
  checkSameMeasure,
} from "./checks-consistency.ts";
import { checkGoals } from "./checks-goals.ts";
import { convert, numberText, roundHalfAway } from "./figures.ts";
import { type AssembledBlock, type AssembledReport, type AssembledTable, plainText, type Segment } from "./model.ts";
import { periodOf, type ReportPeriod } from "./period.ts";
import type { Unit } from "./template.ts";

export const checkLabels = {
  "text-mot-tabell": "Siffra i text stämmer inte med tabellen",
  "handskriven-siffra": "Handskriven siffra i text",
  enhet: "Enhetsangivelse stämmer inte med data",
  summa: "Delar summerar inte till totalen",
  platshallare: "Platshållare kvar",
  artal: "Årtal stämmer inte med perioden",
  procent: "Procent eller förändring följer inte av siffrorna",
  "samma-matt": "Samma mått har olika värden",
  datumordning: "Datum i fel ordning",
  malriktning: "Målvärdet pekar mot målets riktning",
  malniva: "Målvärdet tillåter ett sämre utfall än förra året",
  maltitel: "Målets titel skiljer sig från målregistret",
  bedomning: "Bedömningen motsäger indikatorerna",
  "saknat-utfall": "Indikator saknar utfall",
  "dolda-antal": "Antal döljs för läsaren",
} as const;
export type CheckCode = keyof typeof checkLabels;

export type Finding = {
  check: CheckCode;
  severity: "blocking" | "warning";
  chapter: string;
  /** The table caption, text heading or block id. */
  block: string;
  row?: string;
  message: string;
};

type Place = { chapter: string; block: string };

const blockName = (b: AssembledBlock) =>
  b.kind === "table"
    ? b.caption
    : b.kind === "chart" ||
        b.kind === "list" ||
        b.kind === "goals" ||
        b.kind === "directives" ||
        b.kind === "activities" ||
        b.kind === "register"
      ? b.title
      : b.kind === "tile"
        ? b.label
        : (b.heading ?? b.id);

/** Every run of segments a block shows, with the part of the block it is. */
function textsOf(b: AssembledBlock): Segment[][] {
  switch (b.kind) {
    case "fixed":
    case "authored":
      return [b.segments, ...(b.heading ? [[{ text: b.heading }]] : [])];
    case "tile":
      return [[{ text: b.label }], b.segments];
    case "list":
      return [[{ text: b.title }], ...b.items];
    case "chart":
      return [[{ text: b.title }]];
    case "table":
      return [[{ text: b.caption }], ...b.columns.map((c) => [{ text: c.label }])];
    case "goals":
      return [
        [{ text: b.title }],
        ...b.goals.flatMap((g) => [
          [{ text: g.title }],
          ...(g.assessment ? [[{ text: g.assessment.comment }]] : []),
          ...g.indicators.map((i) => [{ text: i.name }]),
        ]),
      ];
    case "directives":
      return [
        [{ text: b.title }],
        ...b.directives.flatMap((d) => [
          [{ text: d.title }],
          [{ text: d.body }],
          ...(d.handling ? [[{ text: d.handling }]] : []),
          ...d.assignments.map((a) => [{ text: a }]),
        ]),
      ];
    case "register":
      return [[{ text: b.title }], ...b.columns.map((c) => [{ text: c }]), ...b.rows.flat().map((c) => [{ text: c }])];
    case "activities":
      return [
        [{ text: b.title }],
        ...b.activities.flatMap((a) => [
          [{ text: a.title }],
          ...(a.expectedEffect ? [[{ text: a.expectedEffect }]] : []),
        ]),
      ];
  }
}

const decimalsFor = (unit: Unit, report: AssembledReport) =>
  unit === "tkr" || unit === "mnkr" || unit === "procent" ? report.rounding[unit] : 0;

// ---------- a bound figure must render from its cell ----------

function checkBoundFigures(
  report: AssembledReport,
  tables: Map<string, AssembledTable>,
  place: Place,
  segments: Segment[],
) {
  const findings: Finding[] = [];
  for (const { figure } of segments) {
    if (!figure || figure.unit === null) continue;
    const table = tables.get(figure.table);
    const row = table?.rows.find((r) => r.key === figure.row);
    const cell = row?.cells[figure.column];
    if (!table || !row || !cell || cell.value === null) continue;
    const converted = convert(cell.value, table.unit, figure.unit);
    if (converted === null) continue;
    const shown = figure.format.endsWith("-abs") ? Math.abs(converted) : converted;
    const expected = roundHalfAway(shown, decimalsFor(figure.unit, report));
    if (figure.value !== expected) {
      findings.push({
        check: "text-mot-tabell",
        severity: "blocking",
        ...place,
        row: row.label,
        message: `Texten säger ${figure.text} men ${table.caption}, ${row.label}: ${cell.text} ${table.unit} ger ${numberText(expected, decimalsFor(figure.unit, report))} ${figure.unit}.`,
      });
    }
  }
  return findings;
}

// ---------- numbers typed by hand into text ----------

const MONEY = /([−-]?\d{1,3}(?:[\s\u00a0]\d{3})*(?:,\d+)?)\s*(mnkr|mkr|miljoner(?: kronor)?|tkr|tusen kronor)/giu;
const NUMBER = /[−-]?\d+(?:[\s\u00a0]\d{3})*(?:,\d+)?/gu;
const unitOfWord = (word: string): Unit => (/^(tkr|tusen)/i.test(word) ? "tkr" : "mnkr");
const parseSv = (text: string) =>
  Number(
    text
      .replace(/[\s\u00a0]/g, "")
      .replace("−", "-")
      .replace(",", "."),
  );
const isYear = (n: string) => /^(19|20)\d{2}$/.test(n);

/**
 * A money figure typed into text must match a cell of the chapter's table row the sentence names, after the report's
 * rounding rule ("−7,5 miljoner" against −7 734 tkr = −7,7 mnkr is wrong). Any other typed number is a warning:
 * it will not follow the data when the data changes.
 */
function checkTypedFigures(report: AssembledReport, tables: AssembledTable[], place: Place, segments: Segment[]) {
  const findings: Finding[] = [];
  const literal = segments
    .filter((s) => !s.figure)
    .map((s) => s.text)
    .join(" ");
  for (const sentence of literal.split(/(?<=[.!?])\s+/)) {
    for (const m of sentence.matchAll(MONEY)) {
      const [written, digits, word] = m as unknown as [string, string, string];
      const unit = unitOfWord(word);
      const value = parseSv(digits);
      const rows = tables.flatMap((t) =>
        t.rows
          .filter((r) => sentence.toLocaleLowerCase("sv").includes(r.label.toLocaleLowerCase("sv")))
          .map((r) => ({ t, r })),
      );
      if (!rows.length) continue;
      const decimals = decimalsFor(unit, report);
      const candidates = rows.flatMap(({ t, r }) =>
        t.columns.flatMap((c) => {
          const cell = r.cells[c.key];
          const v = cell?.value == null ? null : convert(cell.value, t.unit, unit);
          return v === null || !cell ? [] : [{ t, r, c, cell, rounded: roundHalfAway(v, decimals) }];
        }),
      );
      if (candidates.some((x) => x.rounded === value || Math.abs(x.rounded) === Math.abs(value))) continue;
      const nearest = candidates.sort(
        (a, b) => Math.abs(Math.abs(a.rounded) - Math.abs(value)) - Math.abs(Math.abs(b.rounded) - Math.abs(value)),
      )[0];
      if (!nearest) continue;
      findings.push({
        check: "text-mot-tabell",
        severity: "blocking",
        ...place,
        row: nearest.r.label,
        message: `Texten säger "${written.trim()}" men ${nearest.t.caption}, ${nearest.r.label}, ${nearest.c.label}: ${nearest.cell.text} ${nearest.t.unit} avrundas till ${numberText(nearest.rounded, decimals)} ${unit}.`,
      });
    }
  }
  // The period's name and a quarter or tertial named are words of the period, not figures.
  const words = literal
    .replaceAll(periodOf(report.periodCode ?? report.period).label, "")
    .replace(/\b(?:kvartal|tertial)\s+[1-4]\b/gi, "");
  const typed = [...words.matchAll(NUMBER)].map((m) => m[0]).filter((n) => !isYear(n.replace("−", "")));
  if (typed.length) {
    findings.push({
      check: "handskriven-siffra",
      severity: "warning",
      ...place,
      message: `Texten har ${typed.length === 1 ? "en handskriven siffra" : `${formatNumber(typed.length)} handskrivna siffror`} (${typed.join(", ")}); bind dem till tabellen så att de följer data.`,
    });
  }
  return findings;
}

// ---------- unit labels ----------

const UNIT_WORDS: Array<[RegExp, Unit]> = [
  [/\b(mnkr|mkr|miljoner kronor)\b/i, "mnkr"],
  [/\b(tkr|tusen kronor)\b/i, "tkr"],
  [/(\bprocent\b|%)/i, "procent"],
];

function checkUnitLabels(table: AssembledTable, chapter: string): Finding[] {
  const labels = [table.caption, ...table.columns.map((c) => c.label)];
  return labels.flatMap((label) =>
    UNIT_WORDS.filter(([pattern, unit]) => pattern.test(label) && unit !== table.unit).map(([pattern, unit]) => ({
      check: "enhet" as const,
      severity: "blocking" as const,
      chapter,
      block: table.caption,
      message: `Rubriken "${label}" anger ${label.match(pattern)?.[0] ?? unit} men värdena är i ${table.unit}.`,
    })),
  );
}

// ---------- parts and totals ----------

function checkSums(table: AssembledTable, chapter: string): Finding[] {
  const findings: Finding[] = [];
  const decimals = new Map(table.columns.map((c) => [c.key, c.decimals]));
  const shown = (row: string, column: string) => {
    const value = table.rows.find((r) => r.key === row)?.cells[column]?.value;
    return value === null || value === undefined ? null : roundHalfAway(value, decimals.get(column) ?? 0);
  };
  const label = (row: string) => table.rows.find((r) => r.key === row)?.label ?? row;
  const columnLabel = (key: string) => table.columns.find((c) => c.key === key)?.label ?? key;
  // Float noise from adding rounded decimals is far below any shown decimal.
  const slack = table.tolerance + 1e-9;
  for (const rule of table.sums) {
    const pairs =
      rule.axis === "rows"
        ? table.columns.map((c) => ({ at: c.key, term: (k: string) => shown(k, c.key), name: (k: string) => label(k) }))
        : table.rows.map((r) => ({
            at: r.key,
            term: (k: string) => shown(r.key, k),
            name: (k: string) => columnLabel(k),
          }));
    for (const { at, term, name } of pairs) {
      const total = term(rule.total);
      const terms = [
        ...rule.plus.map(term),
        ...rule.minus.map((k) => (term(k) === null ? null : -(term(k) as number))),
      ];
      if (total === null || terms.some((t) => t === null)) continue;
      const sum = (terms as number[]).reduce((a, b) => a + b, 0);
      if (Math.abs(sum - total) <= slack) continue;
      const digits =
        rule.axis === "rows"
          ? (decimals.get(at) ?? 0)
          : Math.max(...[rule.total, ...rule.plus, ...rule.minus].map((k) => decimals.get(k) ?? 0));
      const where =
        rule.axis === "rows"
          ? { row: label(rule.total), column: columnLabel(at) }
          : { row: label(at), column: columnLabel(rule.total) };
      const formula = [...rule.plus.map(name), ...rule.minus.map((k) => `− ${name(k)}`)]
        .join(" + ")
        .replace(/\+ −/g, "−");
      findings.push({
        check: "summa",
        severity: "blocking",
        chapter,
        block: table.caption,
        row: where.row,
        message: `${where.row}, ${where.column}: ${numberText(total, digits)} men ${formula} = ${numberText(sum, digits)} (differens ${numberText(total - sum, digits)} ${table.unit}, tolerans ${numberText(table.tolerance, digits)}).`,
      });
    }
  }
  return findings;
}

// ---------- counts hidden from the reader ----------

/** The cells of a report a source hid from its reader, per table caption. */
export function hiddenCounts(report: AssembledReport): Array<{ caption: string; count: number }> {
  return report.chapters.flatMap((c) =>
    c.blocks.flatMap((b) => {
      if (b.kind !== "table") return [];
      const count = b.rows.reduce((n, r) => n + Object.values(r.cells).filter((cell) => cell.hidden).length, 0);
      return count ? [{ caption: b.caption, count }] : [];
    }),
  );
}

/**
 * Counts hidden from the reader ("–"): the sums with a hidden part and the figures bound to one cannot be checked
 * on this view, so only someone who sees them may publish (publish-service refuses the others).
 */
function checkHiddenCounts(table: AssembledTable, chapter: string): Finding[] {
  const rows = table.rows.filter((r) => Object.values(r.cells).some((cell) => cell.hidden));
  return rows.map((r) => ({
    check: "dolda-antal" as const,
    severity: "warning" as const,
    chapter,
    block: table.caption,
    row: r.label,
    message: `Små antal döljs för dig ("–") eftersom du saknar läsrätt till personuppgifter; summor med en dold del och siffror bundna till den kontrolleras inte här. Rapporten publiceras av någon som får se dem.`,
  }));
}

// ---------- placeholders ----------

const PLACEHOLDERS = [
  /\(?\s*texten kompletteras[^)]*\)?/i,
  /\blorem ipsum\b/i,
  /\b(TODO|TBD)\b/,
  /\bX{2,}\b/,
  /\[\s*(?:…|\.\.\.)\s*\]/,
  /\{[^{}]*\}/,
];

function checkPlaceholders(place: Place, segments: Segment[]): Finding[] {
  const text = plainText(segments);
  return PLACEHOLDERS.flatMap((pattern) => {
    const found = text.match(pattern)?.[0];
    return found
      ? [
          {
            check: "platshallare" as const,
            severity: "blocking" as const,
            ...place,
            message: found.startsWith("{")
              ? `Referensen ${found} kunde inte fyllas i (okänd tabell, rad eller kolumn, eller värde saknas).`
              : `Platshållaren "${found.trim()}" står kvar.`,
          },
        ]
      : [];
  });
}

// ---------- years ----------

function checkYears(table: AssembledTable, chapter: string): Finding[] {
  const findings: Finding[] = [];
  for (const c of table.columns) {
    const written = c.label.match(/\b(19|20)\d{2}\b/g) ?? [];
    for (const year of written) {
      if (c.year !== null && Number(year) !== c.year) {
        findings.push({
          check: "artal",
          severity: "blocking",
          chapter,
          block: table.caption,
          message: `Kolumnen "${c.label}" visar data för ${c.year}, inte ${year}.`,
        });
      }
    }
  }
  const years = new Set(table.columns.map((c) => c.year).filter((y): y is number => y !== null));
  if (years.size) {
    const low = Math.min(...years);
    const high = Math.max(...years);
    for (const year of table.caption.match(/\b(19|20)\d{2}\b/g) ?? []) {
      if (Number(year) < low || Number(year) > high) {
        findings.push({
          check: "artal",
          severity: "blocking",
          chapter,
          block: table.caption,
          message: `Rubriken "${table.caption}" nämner ${year} men tabellen visar ${low === high ? low : `${low}–${high}`}.`,
        });
      }
    }
  }
  return findings;
}

/**
 * What a heading names that the report's period is not: another quarter or tertial, or (in the report's title,
 * where `years` is set; tables and chapters may show earlier years) a year outside it.
 */
function periodMismatch(heading: string, period: ReportPeriod, years: boolean): string | null {
  for (const [, n] of heading.matchAll(/\bkvartal\s+([1-4])\b/gi)) {
    if (Number(n) !== period.quarter) return `kvartal ${n}`;
  }
  for (const [, n] of heading.matchAll(/\btertial\s+([1-3])\b/gi)) {
    if (period.kind !== "tertial" || !period.code.endsWith(`T${n}`)) return `tertial ${n}`;
  }
  const first = Number(period.start.slice(0, 4));
  for (const [year] of years ? heading.matchAll(/\b(?:19|20)\d{2}\b/g) : []) {
    if (Number(year) < first || Number(year) > period.year) return year;
  }
  return null;
}

/** The report's title, chapter titles and block headings must name the report's period, not another. */
function checkPeriodNames(report: AssembledReport): Finding[] {
  const period = periodOf(report.periodCode ?? report.period);
  const headings = [
    { chapter: report.title, block: report.title, heading: report.title },
    ...report.chapters.flatMap((c) => [
      { chapter: c.title, block: c.title, heading: c.title },
      ...c.blocks.flatMap((b) =>
        b.kind === "table" || b.kind === "authored" || b.kind === "chart" || b.kind === "list" || b.kind === "register"
          ? [{ chapter: c.title, block: blockName(b), heading: blockName(b) }]
          : [],
      ),
    ]),
  ];
  return headings.flatMap(({ heading, ...place }, n) => {
    const named = periodMismatch(heading, period, n === 0);
    return named
      ? [
          {
            check: "artal" as const,
            severity: "blocking" as const,
            ...place,
            message: `Rubriken "${heading}" nämner ${named} men rapporten gäller ${period.label}.`,
          },
        ]
      : [];
  });
}

/** Every finding for the report; blocking ones stop publishing. */
export function checkReport(report: AssembledReport): Finding[] {
  const tables = report.chapters.flatMap((c) => c.blocks.filter((b): b is AssembledTable => b.kind === "table"));
  const byId = new Map(tables.map((t) => [t.id, t]));
  const findings: Finding[] = [];
  for (const chapter of report.chapters) {
    // A sentence speaks of the rows of its own chapter's tables ("Budget" elsewhere is another table's row).
    const ownTables = chapter.blocks.filter((b): b is AssembledTable => b.kind === "table");
    for (const block of chapter.blocks) {
      const place = { chapter: chapter.title, block: blockName(block) };
      for (const segments of textsOf(block)) {
        findings.push(...checkPlaceholders(place, segments));
        findings.push(...checkBoundFigures(report, byId, place, segments));
        findings.push(...checkDateRanges(place, plainText(segments)));
      }
      if (block.kind === "authored" || block.kind === "list") {
        for (const segments of block.kind === "list" ? block.items : [block.segments]) {
          findings.push(...checkTypedFigures(report, ownTables, place, segments));
          findings.push(...checkPercentages(place, segments, ownTables));
        }
      }
      if (block.kind === "directives") findings.push(...checkDirectiveYears(block, chapter.title));
      if (block.kind === "activities") findings.push(...checkActivityDates(block, chapter.title));
      if (block.kind === "table") {
        findings.push(
          ...checkHiddenCounts(block, chapter.title),
          ...checkUnitLabels(block, chapter.title),
          ...checkSums(block, chapter.title),
          ...checkYears(block, chapter.title),
        );
      }
    }
  }
  findings.push(
    ...checkSameMeasure(
      report.chapters.flatMap((c) =>
        c.blocks.filter((b): b is AssembledTable => b.kind === "table").map((t) => ({ chapter: c.title, t })),
      ),
    ),
    ...checkGoals(report, textsOf, blockName),
    ...checkPeriodNames(report),
  );
  return findings;
}

export const blocking = (findings: Finding[]) => findings.filter((f) => f.severity === "blocking");
