// Rows as the routes send them: camelCase, timestamps as ISO strings, vocabulary columns narrowed. One
// mapper per record kind, shared by every service that answers with it.
import type { z } from "zod";
import type * as repo from "./repository.ts";
import type * as res from "./responses.ts";
import type { UppdragRow } from "./uppdrag-repository.ts";
import type {
  ActivityStatus,
  DecidedBy,
  Direction,
  DirectiveIssuer,
  Gender,
  GenderSplit,
  IndicatorKind,
  Meaning,
  ReportForm,
  ReportRecipient,
  UppdragDecider,
  ValueKind,
  ValueState,
} from "./vocabulary.ts";

type Wire<S extends z.ZodType> = z.input<S>;

export const scaleLevelDto = (l: repo.ScaleLevelRow): Wire<typeof res.scaleLevel> => ({
  id: l.id,
  position: l.position,
  code: l.code,
  label: l.label,
  rank: l.rank,
  meaning: l.meaning as Meaning | null,
});

export const levelDto = (l: repo.LevelRow): Wire<typeof res.level> => ({
  id: l.id,
  modelId: l.model_id,
  position: l.position,
  name: l.name,
  decidedBy: l.decided_by as DecidedBy,
  kind: l.kind as "goal" | "activity",
  assessed: l.assessed,
});

export const modelDto = (m: {
  id: string;
  org_node_id: string;
  year: number;
  name: string;
  assessment_scale_id: string | null;
}): Omit<Wire<typeof res.model>, "levels"> => ({
  id: m.id,
  orgNodeId: m.org_node_id,
  year: m.year,
  name: m.name,
  assessmentScaleId: m.assessment_scale_id,
});

export const modelSummaryDto = (
  m: Parameters<typeof modelDto>[0] & { org_node_name: string; writable: boolean },
): Wire<typeof res.modelSummary> => ({ ...modelDto(m), orgNodeName: m.org_node_name, writable: m.writable });

export const goalDto = (g: repo.GoalRow): Wire<typeof res.goal> => ({
  id: g.id,
  orgNodeId: g.org_node_id,
  modelId: g.model_id,
  levelId: g.level_id,
  parentId: g.parent_id,
  lineageId: g.lineage_id,
  code: g.code,
  title: g.title,
  description: g.description,
  position: g.position,
  decidedBy: g.decided_by as DecidedBy,
});

export const assessmentDto = (a: {
  id: string;
  goal_id: string;
  period: string;
  scale_level_id: string;
  comment: string;
  assessed_by_name: string;
  updated_at: Date;
  level_code: string;
  level_label: string;
  meaning: string | null;
}): Wire<typeof res.assessment> => ({
  id: a.id,
  goalId: a.goal_id,
  period: a.period,
  scaleLevelId: a.scale_level_id,
  comment: a.comment,
  assessedByName: a.assessed_by_name,
  updatedAt: a.updated_at.toISOString(),
  levelCode: a.level_code,
  levelLabel: a.level_label,
  meaning: a.meaning as Meaning | null,
});

export const commentDto = (c: {
  id: string;
  period: string;
  text: string;
  author_name: string;
  created_at: Date;
}): Wire<typeof res.comment> => ({
  id: c.id,
  period: c.period,
  text: c.text,
  authorName: c.author_name,
  createdAt: c.created_at.toISOString(),
});

export const directiveDto = (d: {
  id: string;
  org_node_id: string;
  issued_by: string;
  goal_id: string | null;
  title: string;
  body: string;
  assignments: string[];
  valid_from: number;
  valid_to: number;
  handling: string | null;
}): Wire<typeof res.directive> => ({
  id: d.id,
  orgNodeId: d.org_node_id,
  issuedBy: d.issued_by as DirectiveIssuer,
  goalId: d.goal_id,
  title: d.title,
  body: d.body,
  assignments: d.assignments,
  validFrom: d.valid_from,
  validTo: d.valid_to,
  handling: d.handling,
});

export const activityDto = (a: {
  id: string;
  org_node_id: string;
  year: number;
  title: string;
  description: string | null;
  responsible_org_node_id: string | null;
  status: string;
  start_date: string | null;
  end_date: string | null;
  position: number;
  amount: number | null;
  expected_effect: string | null;
  uppdrag_id: string | null;
}): Wire<typeof res.activity> => ({
  id: a.id,
  orgNodeId: a.org_node_id,
  year: a.year,
  title: a.title,
  description: a.description,
  responsibleOrgNodeId: a.responsible_org_node_id,
  status: a.status as ActivityStatus,
  startDate: a.start_date,
  endDate: a.end_date,
  position: a.position,
  amount: a.amount,
  expectedEffect: a.expected_effect,
  uppdragId: a.uppdrag_id,
});

export const followupDto = (f: {
  id: string;
  period: string;
  status: string;
  comment: string;
  author_name: string;
  created_at: Date;
}): Wire<typeof res.followup> => ({
  id: f.id,
  period: f.period,
  status: f.status as ActivityStatus,
  comment: f.comment,
  authorName: f.author_name,
  createdAt: f.created_at.toISOString(),
});

/** An indicator with the dimensions its values are broken down by, in order. */
export const indicatorDto = (i: repo.IndicatorRow, dimensionIds: string[]): Wire<typeof res.indicator> => ({
  id: i.id,
  orgNodeId: i.org_node_id,
  name: i.name,
  unit: i.unit,
  valueType: i.value_type as "number" | "status",
  statusScaleId: i.status_scale_id,
  decimals: i.decimals,
  direction: i.direction as Direction,
  genderSplit: i.gender_split as GenderSplit,
  periodType: i.period_type,
  measurementWindow: i.measurement_window,
  sourceKind: i.source_kind,
  sourceNote: i.source_note,
  publicationDate: i.publication_date,
  footnote: i.footnote,
  active: i.active,
  decidedBy: i.decided_by as DecidedBy | null,
  kind: i.kind as IndicatorKind | null,
  dimensionIds,
});

export const valueDto = (v: repo.ValueRecord): Wire<typeof res.value> => ({
  id: v.id,
  indicatorId: v.indicator_id,
  period: v.period,
  gender: v.gender as Gender,
  state: v.state as ValueState,
  value: v.value,
  statusCode: v.status_code,
  source: v.source,
  sourceRef: v.source_ref,
  publishedAt: v.published_at,
  note: v.note,
  enteredByName: v.entered_by_name,
  updatedAt: v.updated_at.toISOString(),
  orgNodeId: v.org_node_id,
  valueKind: v.value_kind as ValueKind,
  memberIds: v.member_ids,
});

export const lockDto = (l: {
  id: string;
  org_node_id: string;
  period: string;
  locked_by_name: string;
  created_at: Date;
}): Wire<typeof res.lock> => ({
  id: l.id,
  orgNodeId: l.org_node_id,
  period: l.period,
  lockedByName: l.locked_by_name,
  createdAt: l.created_at.toISOString(),
});

export const listedLockDto = (
  l: Parameters<typeof lockDto>[0] & { org_node_name: string },
): Wire<typeof res.listedLock> => ({
  ...lockDto(l),
  orgNodeName: l.org_node_name,
});

export const koladaMappingDto = (m: {
  id: string;
  org_node_id: string;
  indicator_id: string;
  kpi_id: string;
  municipality_id: string;
}): Wire<typeof res.koladaMapping> => ({
  id: m.id,
  orgNodeId: m.org_node_id,
  indicatorId: m.indicator_id,
  kpiId: m.kpi_id,
  municipalityId: m.municipality_id,
});

export const uppdragDto = (u: UppdragRow): Wire<typeof res.uppdrag> => ({
  id: u.id,
  orgNodeId: u.org_node_id,
  year: u.year,
  goalId: u.goal_id,
  code: u.code,
  title: u.title,
  description: u.description,
  decidedBy: u.decided_by as UppdragDecider,
  ownerOrgNodeId: u.owner_org_node_id,
  ownerName: u.owner_name,
  reportBack:
    u.report_month && u.report_form && u.report_to
      ? { month: u.report_month, form: u.report_form as ReportForm, to: u.report_to as ReportRecipient }
      : null,
  status: u.status as ActivityStatus,
  startDate: u.start_date,
  endDate: u.end_date,
  position: u.position,
});

export const uppdragFollowupDto = (f: {
  id: string;
  dated_on: string;
  status: string;
  text: string;
  author_name: string;
  created_at: Date;
}): Wire<typeof res.uppdragFollowup> => ({
  id: f.id,
  datedOn: f.dated_on,
  status: f.status as ActivityStatus,
  text: f.text,
  authorName: f.author_name,
  createdAt: f.created_at.toISOString(),
});
