// What the engine produces: a template with every data part filled for one nämnd and period and every bound
// figure resolved to its value, unit and the sv-SE text the reader sees. Renderers and pre-publish checks
// read only this.
import type { Unit } from "./template.ts";

/**
 * A total and its terms: along "rows", a row (the Summa row, or Avvikelse = Netto − Budget) in every column;
 * along "columns", a column (Avvikelse = Bokslut − Budget) in every row.
 */
export type SumRule = { axis: "rows" | "columns"; total: string; plus: string[]; minus: string[] };

/** A data source's numbers before a template picks columns and units: money in kronor. */
export type SourceTable = {
  unit: Extract<Unit, "kr" | "procent" | "antal">;
  /** Each column's data year, when it has one (a year label must match it). */
  columns: Array<{ key: string; year: number | null }>;
  rows: Array<{
    key: string;
    label: string;
    total: boolean;
    values: Record<string, number | null>;
    /** Per column, the measure a cell shows ("ekonomi.netto.2021"), for the same measure elsewhere to agree. */
    measures?: Record<string, string>;
    /** The columns whose count the source hides from this reader (EVB's small counts without read:personal). */
    hidden?: string[];
  }>;
  sums: SumRule[];
};

/** `hidden`: a count there is, hidden from this reader (shown "–"); a report with one is not theirs to publish. */
export type Cell = { value: number | null; text: string; measure?: string; hidden?: true };

export type AssembledTable = {
  kind: "table";
  id: string;
  caption: string;
  /** The unit the cells are shown in, and the unit of `value`. */
  unit: Unit;
  tolerance: number;
  columns: Array<{ key: string; label: string; year: number | null; decimals: number }>;
  rows: Array<{ key: string; label: string; total: boolean; cells: Record<string, Cell> }>;
  sums: SumRule[];
};

/** A bound figure as resolved: "{drift.summa.avvikelse.mnkr}" → 19,5 mnkr. */
export type BoundFigure = {
  ref: string;
  table: string;
  row: string;
  column: string;
  format: string;
  /** In `unit`, rounded as the text shows it. */
  value: number | null;
  unit: Unit | null;
  text: string;
};

/** Literal text, or a figure bound to a table cell (literal text in an authored block is the writer's). */
export type Segment = { text: string; figure?: BoundFigure };

export type AssembledText = {
  kind: "fixed" | "authored";
  id: string;
  heading?: string;
  segments: Segment[];
};
export type AssembledTile = { kind: "tile"; id: string; label: string; segments: Segment[] };
export type AssembledChart = {
  kind: "chart";
  id: string;
  title: string;
  unit: Unit;
  bars: Array<{ label: string; value: number | null; text: string }>;
  /** The chart said in words, for readers who cannot see it. */
  alt: string;
};
export type AssembledList = { kind: "list"; id: string; title: string; items: Segment[][] };
export type AssembledBlock =
  | AssembledText
  | AssembledTable
  | AssembledTile
  | AssembledChart
  | AssembledList
  | AssembledGoals
  | AssembledDirectives
  | AssembledActivities
  | AssembledRegister;

export type AssembledReport = {
  template: { code: string; name: string; version: number };
  title: string;
  namnd: { id: string; name: string };
  /** The year the period ends in ("{år}"). */
  period: number;
  /** The period (period.ts); absent in reports published while every period was a year. */
  periodCode?: string;
  municipality: { name: string; primaryColour: string; accentColour: string };
  rounding: { tkr: number; mnkr: number; procent: number };
  chapters: Array<{ id: string; title: string; blocks: AssembledBlock[] }>;
};

/** Text of a run of segments, as the reader sees it. */
export const plainText = (segments: Segment[]) => segments.map((s) => s.text).join("");

/** One indicator as the goal follow-up shows it: outcomes Y-3..Y per row (total, or split by sex) and target Y. */
export type AssembledIndicator = {
  name: string;
  unit: string;
  /** Which way is better: "higher", "lower" or "none". */
  direction: string;
  years: number[];
  rows: Array<{ label: string; cells: Cell[] }>;
  target: { year: number; text: string; footnote: string | null } | null;
  /** The register's judgement of the year's outcome against the target. */
  status: { code: string; label: string };
};
export type AssembledGoal = {
  code: string | null;
  /** The title as the report shows it, and as the goal register holds it (they must agree). */
  title: string;
  registerTitle: string;
  level: string;
  assessment: { meaning: string | null; label: string; comment: string } | null;
  /** The assessment the indicators suggest (styrning's rule), with its reasons. */
  suggestion: { meaning: string | null; label: string | null; explanation: string };
  indicators: AssembledIndicator[];
};
export type AssembledGoals = { kind: "goals"; id: string; title: string; goals: AssembledGoal[] };
export type AssembledDirective = {
  title: string;
  issuedBy: string;
  body: string;
  assignments: string[];
  handling: string | null;
  validFrom: number;
  validTo: number;
};
export type AssembledDirectives = { kind: "directives"; id: string; title: string; directives: AssembledDirective[] };
export type AssembledActivity = {
  title: string;
  unit: string;
  status: string;
  expectedEffect: string | null;
  startDate: string | null;
  endDate: string | null;
};
export type AssembledActivities = { kind: "activities"; id: string; title: string; activities: AssembledActivity[] };

/** A register of records in words: a header row and rows of texts, as the source gives them. */
export type RegisterTable = {
  columns: string[];
  rows: string[][];
  /** What the register says without rows, when not "Inga uppgifter för året." (e.g. rows withheld from this reader). */
  empty?: string;
};
export type AssembledRegister = RegisterTable & { kind: "register"; id: string; title: string };
