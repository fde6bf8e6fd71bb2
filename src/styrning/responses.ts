// What the styrning routes answer, in wire form (camelCase keys, timestamps as ISO strings). The routes
// declare these schemas, the OpenAPI document shows them and the web client takes its types from them, so
// this module stays browser-safe: zod and the pure vocabularies only.
import { z } from "zod";
import { comparators, conditionStates, targetKinds } from "./target.ts";
import {
  activityStatuses,
  decidedByValues,
  dimensionKinds,
  directions,
  directiveIssuers,
  genderSplits,
  genders,
  indicatorKinds,
  levelKinds,
  meanings,
  relationKinds,
  reportForms,
  reportRecipients,
  scaleKinds,
  uppdragDeciders,
  valueKinds,
  valueStates,
  valueTypes,
} from "./vocabulary.ts";

const id = z.uuid();
const int = z.number().int();
const timestamp = z.iso.datetime();
const isoDate = z.iso.date();
const indicatorStatus = z.enum(["met", "improving", "not_met", "no_data", "not_assessable"]);

// ---- scales ---------------------------------------------------------------------------------

export const scaleLevel = z.object({
  id,
  position: int,
  code: z.string(),
  label: z.string(),
  rank: int.nullable(),
  meaning: z.enum(meanings).nullable(),
});

export const scale = z.object({
  id,
  orgNodeId: id,
  kind: z.enum(scaleKinds),
  name: z.string(),
  levels: z.array(scaleLevel),
});
export const scalesResponse = z.array(scale.extend({ orgNodeName: z.string() }));

// ---- goal models and goals ------------------------------------------------------------------

export const level = z.object({
  id,
  modelId: id,
  position: int,
  name: z.string(),
  decidedBy: z.enum(decidedByValues),
  kind: z.enum(levelKinds),
  assessed: z.boolean(),
});

const modelFields = {
  id,
  orgNodeId: id,
  year: int,
  name: z.string(),
  assessmentScaleId: id.nullable(),
};
/** A goal model as a list or the tree shows it: where it belongs and whether the caller may change it. */
export const modelSummary = z.object({ ...modelFields, orgNodeName: z.string(), writable: z.boolean() });
export const modelsResponse = z.array(modelSummary);
export const model = z.object({ ...modelFields, levels: z.array(level) });

export const goal = z.object({
  id,
  orgNodeId: id,
  modelId: id,
  levelId: id,
  parentId: id.nullable(),
  lineageId: id,
  code: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  position: int,
  decidedBy: z.enum(decidedByValues),
});

export const assessment = z.object({
  id,
  goalId: id,
  period: z.string(),
  scaleLevelId: id,
  comment: z.string(),
  assessedByName: z.string(),
  updatedAt: timestamp,
  levelCode: z.string(),
  levelLabel: z.string(),
  meaning: z.enum(meanings).nullable(),
});

export const comment = z.object({
  id,
  period: z.string(),
  text: z.string(),
  authorName: z.string(),
  createdAt: timestamp,
});

export const directive = z.object({
  id,
  orgNodeId: id,
  issuedBy: z.enum(directiveIssuers),
  goalId: id.nullable(),
  title: z.string(),
  body: z.string(),
  assignments: z.array(z.string()),
  validFrom: int,
  validTo: int,
  handling: z.string().nullable(),
});
/** A directive as the lists show it: where it was issued and whether the caller may change it. */
export const listedDirective = directive.extend({ orgNodeName: z.string(), writable: z.boolean() });
export const directivesResponse = z.array(listedDirective.extend({ comments: z.array(comment) }));

/** An activity linked to goals, as the tree and the goal page show it. */
const linkedActivity = z.object({
  id,
  orgNodeId: id,
  orgNodeName: z.string(),
  year: int,
  title: z.string(),
  description: z.string().nullable(),
  responsibleOrgNodeId: id.nullable(),
  status: z.enum(activityStatuses),
  startDate: isoDate.nullable(),
  endDate: isoDate.nullable(),
  position: int,
  /** A savings measure's amount in whole kronor. */
  amount: int.nullable(),
  expectedEffect: z.string().nullable(),
  uppdragId: id.nullable(),
});

// ---- uppdrag --------------------------------------------------------------------------------

export const uppdrag = z.object({
  id,
  orgNodeId: id,
  year: int,
  goalId: id.nullable(),
  code: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  decidedBy: z.enum(uppdragDeciders),
  ownerOrgNodeId: id.nullable(),
  ownerName: z.string().nullable(),
  reportBack: z.object({ month: z.string(), form: z.enum(reportForms), to: z.enum(reportRecipients) }).nullable(),
  status: z.enum(activityStatuses),
  startDate: isoDate.nullable(),
  endDate: isoDate.nullable(),
  position: int,
});
export const uppdragFollowup = z.object({
  id,
  datedOn: isoDate,
  status: z.enum(activityStatuses),
  text: z.string(),
  authorName: z.string(),
  createdAt: timestamp,
});
export const uppdragListResponse = z.array(
  uppdrag.extend({
    orgNodeName: z.string(),
    ownerOrgNodeName: z.string().nullable(),
    goal: z.object({ id, code: z.string().nullable(), title: z.string() }).nullable(),
    writable: z.boolean(),
    followups: z.array(uppdragFollowup),
  }),
);

export const modelTreeResponse = z.object({
  model: modelSummary,
  levels: z.array(level),
  assessmentScale: z.array(scaleLevel),
  goals: z.array(goal.extend({ indicatorCount: int, assessment: assessment.nullable() })),
  activities: z.array(linkedActivity.extend({ goalIds: z.array(id) })),
  uppdrag: z.array(uppdrag),
  directives: z.array(directive.extend({ orgNodeName: z.string() })),
  outline: z.string(),
});

export const goalIndicatorsResponse = z.object({ goalId: id, indicatorIds: z.array(id) });

// ---- indicators -----------------------------------------------------------------------------

export const indicator = z.object({
  id,
  orgNodeId: id,
  name: z.string(),
  unit: z.string(),
  valueType: z.enum(valueTypes),
  statusScaleId: id.nullable(),
  decimals: int,
  direction: z.enum(directions),
  genderSplit: z.enum(genderSplits),
  periodType: z.string(),
  measurementWindow: z.string().nullable(),
  sourceKind: z.string(),
  sourceNote: z.string().nullable(),
  publicationDate: isoDate.nullable(),
  footnote: z.string().nullable(),
  active: z.boolean(),
  decidedBy: z.enum(decidedByValues).nullable(),
  kind: z.enum(indicatorKinds).nullable(),
  /** The breakdowns beyond sex its values take, in order. */
  dimensionIds: z.array(id),
});

const koladaLink = z.object({ kpiId: z.string(), municipalityId: z.string() });

export const indicatorsResponse = z.array(
  indicator.extend({ orgNodeName: z.string(), writable: z.boolean(), kolada: koladaLink.nullable() }),
);

export const value = z.object({
  id,
  indicatorId: id,
  period: z.string(),
  gender: z.enum(genders),
  state: z.enum(valueStates),
  value: z.number().nullable(),
  statusCode: z.string().nullable(),
  source: z.string(),
  sourceRef: z.string().nullable(),
  publishedAt: isoDate.nullable(),
  note: z.string().nullable(),
  enteredByName: z.string(),
  updatedAt: timestamp,
  /** The node that reported the value (a nämnd sharing the indicator's definition, or the indicator's own). */
  orgNodeId: id,
  valueKind: z.enum(valueKinds),
  /** The parts of the indicator's dimensions the value belongs to (sorted ids); empty for the whole. */
  memberIds: z.array(id),
});

const targetKind = z.enum(targetKinds);
/** A conditional target's condition: another indicator's outcome in the same period compared with a number. */
const targetCondition = z.object({
  indicatorId: id,
  indicatorName: z.string(),
  op: z.enum(comparators),
  value: z.number(),
  /** "Antal ärenden är minst 20". */
  text: z.string(),
});
export const target = z.object({
  id,
  indicatorId: id,
  year: int,
  target: z.string(),
  footnote: z.string().nullable(),
  /** The codes of the parts the target is for, in dimension order; empty for the whole. */
  members: z.array(z.string()),
  kind: targetKind,
  condition: targetCondition.nullable(),
  otherwise: z.string().nullable(),
});

/** A year's target for the whole indicator as written, with its condition when it has one. */
const yearTarget = z.object({
  year: int,
  target: z.string(),
  footnote: z.string().nullable(),
  kind: targetKind,
  condition: targetCondition.nullable(),
  otherwise: z.string().nullable(),
});

const evaluation = z.object({
  name: z.string(),
  status: indicatorStatus,
  rows: z.array(z.object({ gender: z.enum(genders), status: indicatorStatus })),
  explanation: z.string(),
});

/** An indicator as the annual report shows it: the years Y-3..Y per gender, targets and the evaluation. */
export const indicatorView = z.object({
  id,
  orgNodeId: id,
  orgNodeName: z.string(),
  name: z.string(),
  unit: z.string(),
  valueType: z.enum(valueTypes),
  decimals: int,
  direction: z.enum(directions),
  genderSplit: z.enum(genderSplits),
  periodType: z.string(),
  measurementWindow: z.string().nullable(),
  sourceKind: z.string(),
  sourceNote: z.string().nullable(),
  publicationDate: isoDate.nullable(),
  footnote: z.string().nullable(),
  active: z.boolean(),
  statusLevels: z.array(scaleLevel),
  definition: z.string().nullable(),
  definitions: z.array(z.object({ validFrom: int, definition: z.string() })),
  targets: z.array(
    yearTarget.extend({
      problems: z.array(
        z.object({
          code: z.enum(["against_direction", "less_ambitious"]),
          message: z.string(),
          gender: z.enum(genders).nullable(),
        }),
      ),
    }),
  ),
  target: yearTarget
    .extend({
      /** Whether a conditional target's condition holds in the assessed year; null when unconditional. */
      conditionState: z.enum(conditionStates).nullable(),
    })
    .nullable(),
  band: z.object({ low: z.number().nullable(), high: z.number().nullable() }).nullable(),
  columns: z.array(int),
  rows: z.array(z.object({ gender: z.enum(genders), label: z.string(), cells: z.array(value.nullable()) })),
  values: z.array(value),
  evaluation,
  kolada: koladaLink.nullable(),
  corrections: int,
  kind: z.enum(indicatorKinds).nullable(),
  /** Forecasts for the same years and rows, kept apart from the outcomes. */
  forecastRows: z.array(z.object({ gender: z.enum(genders), label: z.string(), cells: z.array(value.nullable()) })),
  /**
   * The breakdown beyond sex: the indicator's dimensions in order, and a row per combination of their parts
   * (each dimension's parts alone, then the combinations), each with its own target for the year.
   */
  breakdown: z
    .object({
      dimensions: z.array(z.object({ id, name: z.string(), kind: z.enum(dimensionKinds) })),
      rows: z.array(
        z.object({
          codes: z.array(z.string()),
          label: z.string(),
          cells: z.array(value.nullable()),
          /** The target as written, with its condition when it has one. */
          target: z.string().nullable(),
          met: z.boolean().nullable(),
        }),
      ),
    })
    .nullable(),
  /** Each column year judged against that year's target (or the nearest later one). */
  yearEvaluations: z.array(
    z.object({ year: int, target: z.string().nullable(), kind: targetKind.nullable(), met: z.boolean().nullable() }),
  ),
  relations: z.array(z.object({ kind: z.enum(relationKinds), role: z.enum(["whole", "part"]), id, name: z.string() })),
  relationProblems: z.array(z.object({ period: z.string(), gender: z.enum(genders), message: z.string() })),
});

const correctionState = z
  .object({
    state: z.string(),
    value: z.number().nullable(),
    statusCode: z.string().nullable(),
    note: z.string().nullable(),
    publishedAt: z.string().nullable(),
  })
  .nullable();

export const indicatorResponse = indicatorView.extend({
  writable: z.boolean(),
  goals: z.array(z.object({ id, title: z.string(), code: z.string().nullable(), year: int, modelId: id })),
  correctionLog: z.array(
    z.object({
      id,
      period: z.string(),
      gender: z.enum(genders),
      before: correctionState,
      after: correctionState,
      reason: z.string(),
      correctedByName: z.string(),
      createdAt: timestamp,
    }),
  ),
});

export const goalPageResponse = z.object({
  goal,
  model: z.object({ id, year: int, name: z.string(), orgNodeId: id, orgNodeName: z.string() }),
  level: level.nullable(),
  period: z.string(),
  ancestors: z.array(goal.extend({ level: z.string() })),
  children: z.array(goal.extend({ level: z.string() })),
  lineage: z.array(z.object({ id, title: z.string(), code: z.string().nullable(), year: int })),
  indicators: z.array(indicatorView),
  suggestion: z.object({
    meaning: z.enum(meanings).nullable(),
    counts: z.record(indicatorStatus, int),
    explanation: z.string(),
  }),
  assessment: assessment.nullable(),
  assessments: z.array(assessment),
  contradiction: z.object({ message: z.string() }).nullable(),
  assessmentScale: z.array(scaleLevel),
  comments: z.array(comment),
  activities: z.array(linkedActivity),
  directives: z.array(listedDirective),
  writable: z.boolean(),
});

// ---- values and locks -----------------------------------------------------------------------

export const saveResult = z.object({ received: int, changed: int, unchanged: int, corrections: int });
export const importResult = saveResult.extend({ accepted: int, rejected: int });

export const lock = z.object({
  id,
  orgNodeId: id,
  period: z.string(),
  lockedByName: z.string(),
  createdAt: timestamp,
});
export const listedLock = lock.extend({ orgNodeName: z.string() });
export const locksResponse = z.array(listedLock);

export const valueGridResponse = z.object({
  year: int,
  locks: z.array(listedLock),
  indicators: z.array(
    z.object({
      id,
      name: z.string(),
      orgNodeName: z.string(),
      unit: z.string(),
      valueType: z.enum(valueTypes),
      decimals: int,
      periodType: z.string(),
      measurementWindow: z.string().nullable(),
      statusLevels: z.array(scaleLevel),
      writable: z.boolean(),
      periods: z.array(z.object({ period: z.string(), label: z.string(), locked: z.boolean() })),
      /** Rows per sex for the whole (no parts), then one per combination of parts of its dimensions (by code). */
      rows: z.array(
        z.object({
          gender: z.enum(genders),
          members: z.array(z.string()),
          label: z.string(),
          cells: z.array(value.nullable()),
        }),
      ),
    }),
  ),
});

// ---- activities -----------------------------------------------------------------------------

export const activity = linkedActivity.omit({ orgNodeName: true });
export const followup = z.object({
  id,
  period: z.string(),
  status: z.enum(activityStatuses),
  comment: z.string(),
  authorName: z.string(),
  createdAt: timestamp,
});
export const activitiesResponse = z.array(
  linkedActivity.extend({
    responsibleName: z.string().nullable(),
    writable: z.boolean(),
    goals: z.array(z.object({ id, code: z.string().nullable(), title: z.string() })),
    effects: z.array(z.object({ group: z.string(), effect: z.string() })),
    followups: z.array(followup),
  }),
);

// ---- Kolada ---------------------------------------------------------------------------------

export const koladaMapping = z.object({
  id,
  orgNodeId: id,
  indicatorId: id,
  kpiId: z.string(),
  municipalityId: z.string(),
});

export const koladaResponse = z.object({
  mappings: z.array(
    koladaMapping.extend({
      indicatorName: z.string(),
      genderSplit: z.enum(genderSplits),
      periodType: z.string(),
      orgNodeName: z.string(),
      writable: z.boolean(),
    }),
  ),
  kpis: z.array(
    z.object({
      kpiId: z.string(),
      title: z.string(),
      description: z.string().nullable(),
      isDividedByGender: z.boolean(),
      publicationDate: isoDate.nullable(),
      operatingArea: z.string().nullable(),
    }),
  ),
  groups: z.array(z.object({ groupId: z.string(), title: z.string(), members: z.array(z.string()), orgNodeId: id })),
});

export const koladaImportResult = z.object({
  accepted: int,
  rejected: int,
  kpis: int,
  municipalities: int,
  groups: int,
  koladaValues: z.object({ received: int, changed: int }),
  indicatorValues: saveResult,
});

export const koladaComparison = z.object({
  indicator: z.object({ id, name: z.string(), direction: z.enum(directions) }),
  kpiId: z.string(),
  group: z.object({ id: z.string(), title: z.string() }),
  years: z.array(int),
  municipalities: z.array(
    z.object({
      municipalityId: z.string(),
      title: z.string(),
      own: z.boolean(),
      values: z.array(z.number().nullable()),
    }),
  ),
  perYear: z.array(z.object({ year: int, average: z.number().nullable(), rank: int.nullable(), reported: int })),
});

export const dimension = z.object({
  id,
  orgNodeId: id,
  kind: z.enum(dimensionKinds),
  name: z.string(),
  members: z.array(z.object({ id, code: z.string(), label: z.string() })),
});
export const dimensionsResponse = z.array(dimension.extend({ orgNodeName: z.string(), writable: z.boolean() }));
export const relationsResponse = z.object({
  wholeId: id,
  relations: z.array(z.object({ partId: id, kind: z.enum(relationKinds) })),
});
