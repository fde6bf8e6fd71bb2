// Fills a template for one nämnd and period: each data part from its source table, each "{år-1}" with the
// year ("{period}" with the period's name, "{kvartal}" with the quarter it ends in), each bound figure "{tabell.rad.kolumn.format}" with the cell's value in the format's unit, rounded
// by the report's rule. Pure: the service loads the sources.
import {
  convert,
  type FigureFormat,
  figureFormats,
  figureText,
  formatUnit,
  numberText,
  roundHalfAway,
} from "./figures.ts";
import type {
  AssembledBlock,
  AssembledReport,
  AssembledTable,
  BoundFigure,
  Cell,
  RegisterTable,
  Segment,
  SourceTable,
} from "./model.ts";
import type { ReportPeriod } from "./period.ts";
import type { GoalSource } from "./styrning-sources.ts";
import type { Block, RegisterSource, Source, TablePart, TemplateContent, Unit } from "./template.ts";

export type AssemblyContext = {
  template: { code: string; name: string; version: number; content: TemplateContent };
  namnd: { id: string; name: string };
  period: ReportPeriod;
  municipality: AssembledReport["municipality"];
  sources: Partial<Record<Source, SourceTable>>;
  /** The registers the template's register blocks show; a missing one shows no rows. */
  registers?: Partial<Record<RegisterSource, RegisterTable>>;
  /** The goal model's goals and directives, when the template has goal or directive blocks. */
  goals?: GoalSource;
};

const YEAR = /\{år(?:([+-])(\d{1,2}))?\}/g;

/**
 * "Bokslut {år-1}" → "Bokslut 2020", "{period}" → "kvartal 2 2023", "{kvartal}" → "2"; filled before figures
 * are resolved, so a figure may name the period's quarter column: "{evb-arenden.summa.kv{kvartal}.antal}".
 */
export const withPeriod = (text: string, period: ReportPeriod) =>
  text
    .replace(YEAR, (_m, sign: string | undefined, n: string | undefined) =>
      String(period.year + (sign === "-" ? -Number(n) : sign === "+" ? Number(n) : 0)),
    )
    .replaceAll("{period}", period.label)
    .replaceAll("{kvartal}", String(period.quarter));

function assembleTable(part: TablePart, source: SourceTable | undefined, period: ReportPeriod): AssembledTable {
  const columns = part.columns.map((c) => ({
    key: c.key,
    label: withPeriod(c.label, period),
    year: source?.columns.find((s) => s.key === c.key)?.year ?? null,
    decimals: c.decimals ?? 0,
  }));
  const rows = (source?.rows ?? []).map((row) => ({
    key: row.key,
    label: row.label,
    total: row.total,
    cells: Object.fromEntries(
      columns.map((c): [string, Cell] => {
        const raw = row.values[c.key] ?? null;
        const value = raw === null || !source ? null : convert(raw, source.unit, part.unit);
        const measure = row.measures?.[c.key];
        return [
          c.key,
          {
            value,
            text: value === null ? "–" : numberText(value, c.decimals),
            ...(measure ? { measure } : {}),
            ...(row.hidden?.includes(c.key) ? { hidden: true as const } : {}),
          },
        ];
      }),
    ),
  }));
  const shown = new Set(columns.map((c) => c.key));
  return {
    kind: "table",
    id: part.id,
    caption: withPeriod(part.caption, period),
    unit: part.unit,
    tolerance: part.tolerance,
    columns,
    rows,
    // Only sums whose every term is on the page can be re-added by a reader.
    sums: (source?.sums ?? []).filter(
      (rule) => rule.axis === "rows" || [rule.total, ...rule.plus, ...rule.minus].every((k) => shown.has(k)),
    ),
  };
}

const FIGURE = /\{([^{}]+)\}/g;

function decimalsFor(unit: Unit | null, rounding: AssembledReport["rounding"]): number {
  return unit === "tkr" || unit === "mnkr" || unit === "procent" ? rounding[unit] : 0;
}

/** One "{tabell.rad.kolumn.format}"; an unknown reference stays in the text as written, for the checks to find. */
function resolveFigure(ref: string, tables: Map<string, AssembledTable>, rounding: AssembledReport["rounding"]) {
  const [table, row, column, format, ...rest] = ref.split(".");
  const unresolved = { text: `{${ref}}` };
  if (!table || !row || !column || !format || rest.length || !figureFormats.includes(format as FigureFormat)) {
    return unresolved;
  }
  const cell = tables.get(table)?.rows.find((r) => r.key === row)?.cells[column];
  const source = tables.get(table);
  if (!cell || !source || cell.value === null) return unresolved;
  const fmt = format as FigureFormat;
  const unit = formatUnit(fmt);
  // Direction is read from the table's own value; a unit conversion would not change its sign.
  const converted = unit === null ? cell.value : convert(cell.value, source.unit, unit);
  if (converted === null) return unresolved;
  const decimals = decimalsFor(unit ?? source.unit, rounding);
  const shown = fmt.endsWith("-abs") ? Math.abs(converted) : converted;
  const figure: BoundFigure = {
    ref,
    table,
    row,
    column,
    format,
    value: unit === null ? converted : roundHalfAway(shown, decimals),
    unit,
    text: figureText(converted, fmt, decimals),
  };
  return { text: figure.text, figure };
}

/** Text with years filled in and figures resolved, as segments so the checks can tell bound from typed. */
function segmentsOf(
  text: string,
  period: ReportPeriod,
  tables: Map<string, AssembledTable>,
  rounding: AssembledReport["rounding"],
): Segment[] {
  const filled = withPeriod(text, period);
  const segments: Segment[] = [];
  let at = 0;
  for (const match of filled.matchAll(FIGURE)) {
    if (match.index > at) segments.push({ text: filled.slice(at, match.index) });
    segments.push(resolveFigure(match[1] as string, tables, rounding));
    at = match.index + match[0].length;
  }
  if (at < filled.length) segments.push({ text: filled.slice(at) });
  return segments;
}

export function assembleReport(context: AssemblyContext): AssembledReport {
  const { content } = context.template;
  const { period, sources } = context;
  const tables = new Map<string, AssembledTable>();
  for (const chapter of content.chapters) {
    for (const block of chapter.blocks) {
      if (block.kind === "table") tables.set(block.id, assembleTable(block, sources[block.source], period));
    }
  }
  const segments = (text: string) => segmentsOf(text, period, tables, content.rounding);
  const assemble = (block: Block): AssembledBlock => {
    switch (block.kind) {
      case "table":
        return tables.get(block.id) as AssembledTable;
      case "fixed":
        return { kind: "fixed", id: block.id, segments: segments(block.text) };
      case "authored":
        return {
          kind: "authored",
          id: block.id,
          ...(block.heading ? { heading: withPeriod(block.heading, period) } : {}),
          segments: segments(block.text),
        };
      case "tile":
        return { kind: "tile", id: block.id, label: withPeriod(block.label, period), segments: segments(block.figure) };
      case "list":
        return { kind: "list", id: block.id, title: withPeriod(block.title, period), items: block.items.map(segments) };
      case "goals":
        return {
          kind: "goals",
          id: block.id,
          title: withPeriod(block.title, period),
          goals: (context.goals?.goals ?? [])
            .filter((g) => (block.level ? g.level === block.level : g.assessed))
            .map(({ assessed: _assessed, ...goal }) => goal),
        };
      case "directives":
        return {
          kind: "directives",
          id: block.id,
          title: withPeriod(block.title, period),
          directives: context.goals?.directives ?? [],
        };
      case "activities":
        return {
          kind: "activities",
          id: block.id,
          title: withPeriod(block.title, period),
          activities: context.goals?.activities ?? [],
        };
      case "register":
        return {
          kind: "register",
          id: block.id,
          title: withPeriod(block.title, period),
          ...(context.registers?.[block.source] ?? { columns: [], rows: [] }),
        };
      case "chart": {
        const table = tables.get(block.table);
        const column = table?.columns.find((c) => c.key === block.column);
        const bars = (table?.rows ?? [])
          .filter((r) => !r.total)
          .map((r) => ({
            label: r.label,
            value: r.cells[block.column]?.value ?? null,
            text: r.cells[block.column]?.text ?? "–",
          }));
        const unit = table?.unit ?? "antal";
        const title = withPeriod(block.title, period);
        return {
          kind: "chart",
          id: block.id,
          title,
          unit,
          bars,
          alt: `Stapeldiagram: ${title}${column ? ` (${column.label}, ${unit})` : ""}. ${bars.map((b) => `${b.label}: ${b.text}`).join("; ")}.`,
        };
      }
    }
  };
  return {
    template: { code: context.template.code, name: context.template.name, version: context.template.version },
    title: withPeriod(content.title, period),
    namnd: context.namnd,
    period: period.year,
    periodCode: period.code,
    municipality: context.municipality,
    rounding: content.rounding,
    chapters: content.chapters.map((chapter) => ({
      id: chapter.id,
      title: withPeriod(chapter.title, period),
      blocks: chapter.blocks.map(assemble),
    })),
  };
}
