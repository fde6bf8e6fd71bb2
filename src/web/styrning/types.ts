// Shapes of the styrning API's answers, as the pages use them.
import type { Meaning } from "../../styrning/vocabulary.ts";

export type ScaleLevel = { id: string; code: string; label: string; rank: number | null; meaning: Meaning | null };

export type ModelSummary = {
  id: string;
  org_node_id: string;
  org_node_name: string;
  year: number;
  name: string;
  writable: boolean;
};

export type Level = { id: string; position: number; name: string; decided_by: string; kind: string; assessed: boolean };

export type Assessment = {
  id: string;
  goal_id: string;
  period: string;
  comment: string;
  assessed_by_name: string;
  updated_at: string;
  level_code: string;
  level_label: string;
  meaning: Meaning | null;
};

export type Goal = {
  id: string;
  model_id: string;
  level_id: string;
  parent_id: string | null;
  lineage_id: string;
  code: string | null;
  title: string;
  description: string | null;
  position: number;
};

export type TreeActivity = { id: string; title: string; status: string; org_node_name: string; goal_ids: string[] };

export type Directive = {
  id: string;
  org_node_id: string;
  org_node_name?: string;
  issued_by: "kf" | "namnd";
  goal_id: string | null;
  title: string;
  body: string;
  assignments: string[];
  valid_from: number;
  valid_to: number;
  handling: string | null;
  writable?: boolean;
  comments?: { id: string; period: string; text: string; author_name: string; created_at: string }[];
};

export type ModelTree = {
  model: ModelSummary & { assessment_scale_id: string | null };
  levels: Level[];
  assessmentScale: ScaleLevel[];
  goals: (Goal & { indicatorCount: number; assessment: Assessment | null })[];
  activities: TreeActivity[];
  directives: Directive[];
  outline: string;
};

export type ValueRow = {
  id: string;
  indicator_id: string;
  period: string;
  gender: "T" | "K" | "M";
  state: "value" | "not_published" | "not_measured";
  value: number | null;
  status_code: string | null;
  source: string;
  source_ref: string | null;
  note: string | null;
  entered_by_name: string;
  updated_at: string;
};

export type Evaluation = {
  status: "met" | "improving" | "not_met" | "no_data" | "not_assessable";
  explanation: string;
};

export type IndicatorView = {
  id: string;
  orgNodeName: string;
  name: string;
  unit: string;
  valueType: "number" | "status";
  decimals: number;
  direction: "higher" | "lower" | "none";
  genderSplit: string;
  periodType: string;
  measurementWindow: string | null;
  sourceKind: string;
  sourceNote: string | null;
  publicationDate: string | null;
  footnote: string | null;
  statusLevels: ScaleLevel[];
  definition: string | null;
  definitions: { validFrom: number; definition: string }[];
  targets: {
    year: number;
    target: string;
    footnote: string | null;
    kind: string;
    problems: { code: string; message: string; gender: string | null }[];
  }[];
  target: { year: number; target: string; footnote: string | null; kind: string } | null;
  band: { low: number | null; high: number | null } | null;
  columns: number[];
  rows: { gender: "T" | "K" | "M"; label: string; cells: (ValueRow | null)[] }[];
  values: ValueRow[];
  evaluation: Evaluation;
  kolada: { kpiId: string; municipalityId: string } | null;
  corrections: number;
};

export type GoalPageData = {
  goal: Goal;
  model: { id: string; year: number; name: string; orgNodeId: string; orgNodeName: string };
  level: Level | undefined;
  period: string;
  ancestors: (Goal & { level: string })[];
  children: (Goal & { level: string })[];
  lineage: { id: string; title: string; code: string | null; year: number }[];
  indicators: IndicatorView[];
  suggestion: { meaning: Meaning | null; explanation: string };
  assessment: Assessment | null;
  assessments: Assessment[];
  contradiction: { message: string } | null;
  assessmentScale: ScaleLevel[];
  comments: { id: string; period: string; text: string; author_name: string; created_at: string }[];
  activities: { id: string; title: string; status: string; org_node_name: string }[];
  directives: Directive[];
  writable: boolean;
};

export type GridCell = ValueRow | null;
export type Grid = {
  year: number;
  locks: { id: string; org_node_id: string; org_node_name: string; period: string; locked_by_name: string }[];
  indicators: {
    id: string;
    name: string;
    orgNodeName: string;
    unit: string;
    valueType: "number" | "status";
    decimals: number;
    periodType: string;
    measurementWindow: string | null;
    statusLevels: ScaleLevel[];
    writable: boolean;
    periods: { period: string; label: string; locked: boolean }[];
    rows: { gender: "T" | "K" | "M"; label: string; cells: GridCell[] }[];
  }[];
};

export type Activity = {
  id: string;
  org_node_id: string;
  org_node_name: string;
  year: number;
  title: string;
  description: string | null;
  responsible_org_node_id: string | null;
  responsible_name: string | null;
  status: string;
  start_date: string | null;
  end_date: string | null;
  writable: boolean;
  goals: { id: string; code: string | null; title: string }[];
  effects: { group: string; effect: string }[];
  followups: { id: string; period: string; status: string; comment: string; author_name: string }[];
};

export type ImportResult = {
  received: number;
  changed: number;
  unchanged: number;
  corrections: number;
  accepted?: number;
};
