import type { ColumnType, Generated } from "kysely";
import type { CreatedAt, Id, Json, UpdatedAt } from "../platform/db/columns.ts";
import type { PlatformTables } from "../platform/db/schema.ts";

type Stamps = { created_at: CreatedAt; updated_at: UpdatedAt };
/** numeric columns read back as numbers (see database.ts) and are written as numbers. */
type Numeric = ColumnType<number, number, number>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;
/** A set of dimension members, at most one per dimension of the indicator, sorted; empty for the whole. */
type MemberSet = ColumnType<string[], string[] | undefined, string[]>;

export interface StyrningScaleTable extends Stamps {
  id: Id;
  org_node_id: string;
  kind: string;
  name: string;
}

export interface StyrningScaleLevelTable extends Stamps {
  id: Id;
  org_node_id: string;
  scale_id: string;
  position: number;
  code: string;
  label: string;
  /** Order of a status level (higher is further along); null for levels outside the order, e.g. "Ej relevant". */
  rank: number | null;
  /** For assessment scales: what the level means, so suggestions map onto any wording. */
  meaning: string | null;
}

export interface GoalModelTable extends Stamps {
  id: Id;
  org_node_id: string;
  year: number;
  name: string;
  assessment_scale_id: string | null;
}

export interface GoalLevelTable extends Stamps {
  id: Id;
  org_node_id: string;
  model_id: string;
  position: number;
  name: string;
  decided_by: string;
  kind: string;
  assessed: Generated<boolean>;
}

export interface GoalTable extends Stamps {
  id: Id;
  org_node_id: string;
  model_id: string;
  level_id: string;
  parent_id: string | null;
  /** The same goal across years shares a lineage, whatever its title that year. */
  lineage_id: Generated<string>;
  code: string | null;
  title: string;
  description: string | null;
  position: Generated<number>;
  /** Who decided this goal (KF or the nämnd), beside the level's default; goals of both sit side by side. */
  decided_by: string;
}

export interface GoalAssessmentTable extends Stamps {
  id: Id;
  org_node_id: string;
  goal_id: string;
  period: string;
  scale_level_id: string;
  comment: string;
  assessed_by: string | null;
  assessed_by_name: string;
}

export interface GoalCommentTable extends Stamps {
  id: Id;
  org_node_id: string;
  goal_id: string;
  period: string;
  text: string;
  author_id: string | null;
  author_name: string;
}

export interface IndicatorTable extends Stamps {
  id: Id;
  org_node_id: string;
  name: string;
  unit: string;
  value_type: string;
  status_scale_id: string | null;
  decimals: Generated<number>;
  direction: string;
  gender_split: string;
  period_type: string;
  measurement_window: string | null;
  source_kind: string;
  source_note: string | null;
  publication_date: string | null;
  footnote: string | null;
  active: Generated<boolean>;
  /** Who decided the indicator (a KF-indikator or the nämnd's own); null when not stated. */
  decided_by: string | null;
  /** Målindikator, resultatindikator, verksamhetsmått (resurs/prestation/effekt) or personal; null when not stated. */
  kind: string | null;
}

/** The breakdowns beyond sex an indicator's values take (age groups, target groups, units), in order. */
export interface IndicatorDimensionLinkTable extends Stamps {
  id: Id;
  org_node_id: string;
  indicator_id: string;
  dimension_id: string;
  position: number;
}

export interface IndicatorDimensionTable extends Stamps {
  id: Id;
  org_node_id: string;
  kind: string;
  name: string;
}

export interface IndicatorDimensionMemberTable extends Stamps {
  id: Id;
  org_node_id: string;
  dimension_id: string;
  position: number;
  code: string;
  label: string;
}

/** A is the sum of its "sum" parts; a "subset" part never exceeds A. */
export interface IndicatorRelationTable extends Stamps {
  id: Id;
  org_node_id: string;
  whole_id: string;
  part_id: string;
  kind: string;
}

export interface IndicatorDefinitionTable extends Stamps {
  id: Id;
  org_node_id: string;
  indicator_id: string;
  /** First year the definition applies; a changed method starts a new row. */
  valid_from: number;
  definition: string;
}

export interface IndicatorTargetTable extends Stamps {
  id: Id;
  org_node_id: string;
  indicator_id: string;
  year: number;
  /** As written by the committee; parsed by target.ts when used. */
  target: string;
  footnote: string | null;
  /** A threshold for a combination of members of the indicator's dimensions (per unit …); empty for the whole. */
  member_ids: MemberSet;
  /** The target applies only while this indicator's outcome in the same period meets the condition. */
  condition_indicator_id: string | null;
  condition_op: string | null;
  condition_value: Numeric | null;
  /** The target applying when the condition fails; null means none (too small a base, for instance). */
  otherwise_target: string | null;
}

export interface GoalIndicatorTable extends Stamps {
  id: Id;
  org_node_id: string;
  goal_id: string;
  indicator_id: string;
  position: Generated<number>;
}

export interface IndicatorValueTable extends Stamps {
  id: Id;
  org_node_id: string;
  indicator_id: string;
  period: string;
  gender: string;
  state: string;
  value: Numeric | null;
  status_code: string | null;
  source: string;
  source_ref: string | null;
  published_at: string | null;
  note: string | null;
  entered_by: string | null;
  entered_by_name: string;
  /** An outcome, or a forecast kept apart from it. */
  value_kind: Generated<string>;
  /** The combination of members of the indicator's dimensions the value belongs to; empty for the whole. */
  member_ids: MemberSet;
}

export interface IndicatorValueCorrectionTable extends Stamps {
  id: Id;
  org_node_id: string;
  indicator_id: string;
  period: string;
  gender: string;
  before: Json | null;
  after: Json | null;
  reason: string;
  corrected_by: string | null;
  corrected_by_name: string;
}

export interface PeriodLockTable extends Stamps {
  id: Id;
  org_node_id: string;
  period: string;
  locked_by: string | null;
  locked_by_name: string;
}

export interface DirectiveTable extends Stamps {
  id: Id;
  org_node_id: string;
  issued_by: string;
  goal_id: string | null;
  title: string;
  body: Generated<string>;
  assignments: TextArray;
  valid_from: number;
  valid_to: number;
  /** "Förvaltningens omhändertagande": how the administration takes the directive on. */
  handling: string | null;
}

export interface DirectiveCommentTable extends Stamps {
  id: Id;
  org_node_id: string;
  directive_id: string;
  period: string;
  text: string;
  author_id: string | null;
  author_name: string;
}

export interface ActivityTable extends Stamps {
  id: Id;
  org_node_id: string;
  year: number;
  title: string;
  description: string | null;
  responsible_org_node_id: string | null;
  status: Generated<string>;
  start_date: string | null;
  end_date: string | null;
  position: Generated<number>;
  /** A savings measure's amount in whole kronor (entered and shown in tkr). */
  amount: number | null;
  expected_effect: string | null;
  /** The uppdrag the activity carries out, if any. */
  uppdrag_id: string | null;
}

export interface UppdragTable extends Stamps {
  id: Id;
  org_node_id: string;
  /** The plan year the uppdrag was given in; it runs to its end date, which may be years later. */
  year: number;
  goal_id: string | null;
  code: string | null;
  title: string;
  description: string | null;
  decided_by: string;
  owner_org_node_id: string | null;
  owner_name: string | null;
  /** The report-back instruction: month (YYYY-MM), written or oral, to whom; all three or none. */
  report_month: string | null;
  report_form: string | null;
  report_to: string | null;
  status: Generated<string>;
  start_date: string | null;
  end_date: string | null;
  position: Generated<number>;
}

export interface UppdragFollowupTable extends Stamps {
  id: Id;
  org_node_id: string;
  uppdrag_id: string;
  dated_on: string;
  status: string;
  text: string;
  author_id: string | null;
  author_name: string;
}

export interface ActivityGoalTable extends Stamps {
  id: Id;
  org_node_id: string;
  activity_id: string;
  goal_id: string;
}

export interface ActivityEffectTable extends Stamps {
  id: Id;
  org_node_id: string;
  activity_id: string;
  position: number;
  target_group: string;
  effect: string;
}

export interface ActivityFollowupTable extends Stamps {
  id: Id;
  org_node_id: string;
  activity_id: string;
  period: string;
  status: string;
  comment: string;
  author_id: string | null;
  author_name: string;
}

export interface KoladaKpiTable extends Stamps {
  id: Id;
  org_node_id: string;
  kpi_id: string;
  title: string;
  description: string | null;
  is_divided_by_gender: Generated<boolean>;
  publication_date: string | null;
  operating_area: string | null;
}

export interface KoladaMunicipalityTable extends Stamps {
  id: Id;
  org_node_id: string;
  municipality_id: string;
  title: string;
  type: string | null;
}

export interface KoladaGroupTable extends Stamps {
  id: Id;
  org_node_id: string;
  group_id: string;
  title: string;
  members: TextArray;
}

export interface KoladaValueTable extends Stamps {
  id: Id;
  org_node_id: string;
  kpi_id: string;
  municipality_id: string;
  year: number;
  gender: string;
  value: Numeric | null;
  status: string | null;
}

export interface KoladaMappingTable extends Stamps {
  id: Id;
  org_node_id: string;
  indicator_id: string;
  kpi_id: string;
  municipality_id: string;
}

export interface StyrningTables {
  styrning_scale: StyrningScaleTable;
  styrning_scale_level: StyrningScaleLevelTable;
  goal_model: GoalModelTable;
  goal_level: GoalLevelTable;
  goal: GoalTable;
  goal_assessment: GoalAssessmentTable;
  goal_comment: GoalCommentTable;
  indicator: IndicatorTable;
  indicator_definition: IndicatorDefinitionTable;
  indicator_target: IndicatorTargetTable;
  goal_indicator: GoalIndicatorTable;
  indicator_value: IndicatorValueTable;
  indicator_value_correction: IndicatorValueCorrectionTable;
  indicator_dimension: IndicatorDimensionTable;
  indicator_dimension_link: IndicatorDimensionLinkTable;
  indicator_dimension_member: IndicatorDimensionMemberTable;
  indicator_relation: IndicatorRelationTable;
  period_lock: PeriodLockTable;
  directive: DirectiveTable;
  directive_comment: DirectiveCommentTable;
  activity: ActivityTable;
  activity_goal: ActivityGoalTable;
  activity_effect: ActivityEffectTable;
  activity_followup: ActivityFollowupTable;
  styrning_uppdrag: UppdragTable;
  styrning_uppdrag_followup: UppdragFollowupTable;
  kolada_kpi: KoladaKpiTable;
  kolada_municipality: KoladaMunicipalityTable;
  kolada_group: KoladaGroupTable;
  kolada_value: KoladaValueTable;
  kolada_mapping: KoladaMappingTable;
}

/** What Styrning code sees of the database: its own tables and the platform's (organisation tree, accounts, audit). */
export interface StyrningDB extends StyrningTables, PlatformTables {}
