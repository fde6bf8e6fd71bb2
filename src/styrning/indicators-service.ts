import type { Actor } from "../platform/auth/access.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { DomainError, notFound } from "../platform/errors.ts";
import { write, writeRecord } from "../platform/service.ts";
import {
  assertReadable,
  canReadStyrning,
  canWriteStyrning,
  found,
  readableRows,
  requireStyrningRead,
} from "./access.ts";
import { evaluateIndicator } from "./assessment.ts";
import {
  combinationOf,
  combinationsOf,
  type IndicatorDimension,
  memberSetKey,
  resolveMembers,
} from "./combinations.ts";
import { checkTargetDirection, type DirectionProblem } from "./direction.ts";
import { indicatorDto, listedLockDto, lockDto, scaleLevelDto, valueDto } from "./dto.ts";
import * as koladaRepo from "./kolada/repository.ts";
import { lockCovering, type PeriodType, parsePeriod, periodLabel, periodsOfYear } from "./period.ts";
import { checkRelations } from "./relations.ts";
import * as repo from "./repository.ts";
import { asStatusLevels, levelsByScale, requireUsableScale, type ScaleLevel } from "./scales-service.ts";
import { type IndicatorInput, type IndicatorPatch, patchColumns, type TargetInput } from "./schema.ts";
import { cellFor, displayGenders, latestBefore, numericOutcomeOf, rowOutcomes } from "./series.ts";
import type { StyrningDB } from "./tables.ts";
import {
  conditionState,
  describeCondition,
  evaluateOverYears,
  meetsTarget,
  parseTarget,
  type Target,
  type TargetCondition,
  targetBand,
} from "./target.ts";
import {
  type DimensionKind,
  type Direction,
  type Gender,
  type GenderSplit,
  genderLabel,
  gendersFor,
  type IndicatorKind,
  type RelationKind,
} from "./vocabulary.ts";

type Db = DbOf<StyrningDB>;

// ---- read models ----------------------------------------------------------------------------

const parseFor = (target: string, levels: readonly ScaleLevel[] | undefined) =>
  parseTarget(target, { statusLevels: asStatusLevels(levels) });

/** A stored target as the rules read it: conditional when it has a condition (named by its indicator). */
function targetOf(
  row: repo.TargetRow,
  levels: readonly ScaleLevel[] | undefined,
  indicatorName: (id: string) => string,
): Target {
  const whenHolds = parseFor(row.target, levels);
  const condition = conditionOf(row, indicatorName);
  if (!condition) return whenHolds;
  return {
    kind: "conditional",
    condition,
    whenHolds,
    otherwise: row.otherwise_target ? parseFor(row.otherwise_target, levels) : null,
  };
}

function conditionOf(row: repo.TargetRow, indicatorName: (id: string) => string): TargetCondition | null {
  if (!row.condition_indicator_id || !row.condition_op || row.condition_value === null) return null;
  return {
    indicatorId: row.condition_indicator_id,
    indicatorName: indicatorName(row.condition_indicator_id),
    op: row.condition_op as TargetCondition["op"],
    value: row.condition_value,
  };
}

const conditionDto = (condition: TargetCondition | null) =>
  condition ? { ...condition, text: describeCondition(condition) } : null;

/** The target as written, with its condition: "90 % om Antal ärenden är minst 20, annars inget målvärde". */
const writtenTarget = (row: repo.TargetRow, condition: TargetCondition | null) =>
  condition
    ? `${row.target} om ${describeCondition(condition)}, annars ${row.otherwise_target ?? "inget målvärde"}`
    : row.target;

/** Each indicator's dimensions in order, with their parts. */
export async function dimensionsOf(db: Db, indicatorIds: string[]) {
  const links = await repo.dimensionLinksOf(db, indicatorIds);
  const dimensionIds = [...new Set(links.map((l) => l.dimension_id))];
  const [dimensions, members] = await Promise.all([
    repo.findDimensions(db, dimensionIds),
    repo.membersOf(db, dimensionIds),
  ]);
  const byId = new Map(
    dimensions.map((d) => [
      d.id,
      {
        id: d.id,
        name: d.name,
        kind: d.kind as DimensionKind,
        members: members
          .filter((m) => m.dimension_id === d.id)
          .map((m) => ({ id: m.id, code: m.code, label: m.label })),
      },
    ]),
  );
  return (indicatorId: string): (IndicatorDimension & { kind: DimensionKind })[] =>
    links.filter((l) => l.indicator_id === indicatorId).flatMap((l) => byId.get(l.dimension_id) ?? []);
}

/**
 * The annual-report view of indicators for a year: Y-3..Y columns, gender rows, targets, evaluation; beside
 * them the forecasts, the breakdown by the indicator's dimension and the checks of its relations. Values
 * are those the indicator's own node reported unless `owner` names a nämnd sharing its definition.
 */
export async function indicatorViews(
  db: Db,
  ids: string[],
  options: { year: number; period: string; owner?: string | null },
) {
  const indicators = await repo.findIndicators(db, ids);
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const [definitions, targets, allValues, corrections, mappings, relations] = await Promise.all([
    repo.definitionsOf(db, ids),
    repo.targetsOf(db, ids),
    repo.valuesOf(db, ids),
    repo.correctionsOf(db, ids),
    koladaRepo.mappingsOf(db, ids),
    repo.relationsOf(db, ids),
  ]);
  // Indicators the relations and the targets' conditions name, beside the ones asked for.
  const relatedIds = [
    ...new Set([
      ...relations.flatMap((r) => [r.whole_id, r.part_id]),
      ...targets.flatMap((t) => (t.condition_indicator_id ? [t.condition_indicator_id] : [])),
    ]),
  ].filter((r) => !byId.has(r));
  const [related, relatedValues, dimensionsFor] = await Promise.all([
    repo.findIndicators(db, relatedIds),
    repo.valuesOf(db, relatedIds),
    dimensionsOf(db, ids),
  ]);
  const namesById = new Map([...indicators, ...related].map((i) => [i.id, i]));
  const nameOf = (indicatorId: string) => namesById.get(indicatorId)?.name ?? "";
  const ownerOf = (indicatorId: string) =>
    (ids.length === 1 && options.owner) || namesById.get(indicatorId)?.org_node_id;
  /** Outcomes for the whole indicator, or for a combination of parts, as its owner reported them. */
  const outcomesOf = (indicatorId: string, from: readonly repo.ValueRecord[], memberIds: readonly string[] = []) =>
    from.filter(
      (v) =>
        v.indicator_id === indicatorId &&
        v.value_kind === "outcome" &&
        memberSetKey(v.member_ids) === memberSetKey(memberIds) &&
        v.org_node_id === ownerOf(indicatorId),
    );
  /** A conditional target's condition indicator's outcome for a year, for the same parts as the target's. */
  const conditionOutcome = (row: repo.TargetRow | undefined, memberIds: readonly string[] = []) => {
    const condition = row?.condition_indicator_id ? namesById.get(row.condition_indicator_id) : undefined;
    if (!condition) return undefined;
    const series = outcomesOf(condition.id, [...allValues, ...relatedValues], memberIds).map(valueDto);
    return (year: number) => numericOutcomeOf(series, "T", year, condition.period_type as PeriodType);
  };
  const values = allValues.filter((v) => v.org_node_id === ownerOf(v.indicator_id));
  const scales = await levelsByScale(
    db,
    indicators.map((i) => i.status_scale_id),
  );
  const columns = [options.year - 3, options.year - 2, options.year - 1, options.year];
  const assessedYear = parsePeriod(options.period)?.year ?? options.year;

  return ids.flatMap((id) => {
    const indicator = byId.get(id);
    if (!indicator) return [];
    const periodType = indicator.period_type as PeriodType;
    const direction = indicator.direction as Direction;
    const split = indicator.gender_split as GenderSplit;
    const levels = indicator.status_scale_id ? scales.get(indicator.status_scale_id) : undefined;
    const own = outcomesOf(id, values).map(valueDto);
    const forecasts = values
      .filter((v) => v.indicator_id === id && v.value_kind === "forecast" && v.member_ids.length === 0)
      .map(valueDto);
    const genders = displayGenders(split, own);
    const defs = definitions.filter((d) => d.indicator_id === id);
    const current = defs.filter((d) => d.valid_from <= options.year).at(-1) ?? defs[0];
    const ownTargets = targets
      .filter((t) => t.indicator_id === id && t.member_ids.length === 0)
      .map((t) => {
        const parsed = targetOf(t, levels, nameOf);
        const problems: (DirectionProblem & { gender: Gender | null })[] = [];
        for (const gender of genders) {
          const problem = checkTargetDirection({
            direction,
            target: parsed,
            targetYear: t.year,
            latest: latestBefore(own, gender, t.year, periodType),
          });
          if (!problem) continue;
          // A comparator against the direction is wrong for every row; say it once.
          if (problem.code === "against_direction") {
            if (!problems.some((p) => p.code === "against_direction")) problems.push({ ...problem, gender: null });
          } else {
            problems.push({
              ...problem,
              gender,
              message: gender === "T" ? problem.message : `${genderLabel(split, gender)}: ${problem.message}`,
            });
          }
        }
        const condition = conditionDto(conditionOf(t, nameOf));
        return {
          year: t.year,
          target: t.target,
          footnote: t.footnote,
          condition,
          otherwise: t.otherwise_target,
          row: t,
          parsed,
          problems,
        };
      });
    // The year's own target, else the nearest later one (a goal "≤ 14 år 2025" guides the years before).
    const target =
      ownTargets.find((t) => t.year === assessedYear) ?? ownTargets.find((t) => t.year > assessedYear) ?? null;
    const outcomeOf = (gender: Gender, year: number) => numericOutcomeOf(own, gender, year, periodType);
    const targetFor = (year: number) =>
      ownTargets.find((t) => t.year === year) ?? ownTargets.find((t) => t.year > year) ?? null;
    const yearEvaluations = columns.map((year) => {
      const yearTarget = targetFor(year);
      const [evaluated] = yearTarget
        ? evaluateOverYears(yearTarget.parsed, [year], {
            direction,
            statusLevels: asStatusLevels(levels),
            outcome: (y) => {
              const cell = cellFor(own, genders.includes("T") ? "T" : "K", y, periodType);
              return cell?.state === "value" ? (cell.value ?? cell.statusCode) : null;
            },
            outcomeOf: (y) => outcomeOf("T", y),
            outcomeOfGender: outcomeOf,
            conditionOutcome: conditionOutcome(yearTarget.row),
          })
        : [];
      return {
        year,
        target: yearTarget?.target ?? null,
        kind: yearTarget?.parsed.kind ?? null,
        met: evaluated?.met ?? null,
      };
    });
    const dimensions = dimensionsFor(id);
    const partValues = values.filter(
      (v) => v.indicator_id === id && v.value_kind === "outcome" && v.member_ids.length > 0,
    );
    const breakdown = dimensions.length
      ? {
          dimensions: dimensions.map((d) => ({ id: d.id, name: d.name, kind: d.kind })),
          rows: combinationsOf(dimensions).map((combination) => {
            const key = memberSetKey(combination.memberIds);
            const series = partValues.filter((v) => memberSetKey(v.member_ids) === key).map(valueDto);
            const row = targets.find(
              (t) => t.indicator_id === id && memberSetKey(t.member_ids) === key && t.year === assessedYear,
            );
            const cell = cellFor(series, "T", assessedYear, periodType);
            const parsed = row ? targetOf(row, levels, nameOf) : null;
            return {
              codes: combination.codes,
              label: combination.label,
              cells: columns.map((year) => cellFor(series, "T", year, periodType) ?? null),
              target: row ? writtenTarget(row, conditionOf(row, nameOf)) : null,
              met:
                parsed && cell?.state === "value"
                  ? meetsTarget(parsed, cell.value ?? cell.statusCode ?? "", {
                      direction,
                      year: assessedYear,
                      statusLevels: asStatusLevels(levels),
                      outcomeOf: (y) => numericOutcomeOf(series, "T", y, periodType),
                      conditionOutcome: conditionOutcome(row, combination.memberIds),
                    })
                  : null,
            };
          }),
        }
      : null;
    const ownRelations = relations.filter((r) => r.whole_id === id || r.part_id === id);
    const involved = [...new Set(ownRelations.flatMap((r) => [r.whole_id, r.part_id]))];
    const relationProblems = checkRelations(
      ownRelations
        .filter((r) => r.whole_id === id)
        .map((r) => ({ wholeId: r.whole_id, partId: r.part_id, kind: r.kind as RelationKind })),
      involved.flatMap((i) => {
        const found = namesById.get(i);
        return found ? [{ id: i, name: found.name, decimals: found.decimals }] : [];
      }),
      // Every outcome, the whole's and each combination of parts': indicators sharing dimensions add up per part.
      [...allValues, ...relatedValues].flatMap((v) =>
        involved.includes(v.indicator_id) &&
        v.value_kind === "outcome" &&
        v.org_node_id === ownerOf(v.indicator_id) &&
        v.state === "value" &&
        v.value !== null
          ? [
              {
                indicatorId: v.indicator_id,
                period: v.period,
                gender: v.gender,
                value: v.value,
                members: memberSetKey(v.member_ids),
                membersLabel: combinationOf(dimensions, v.member_ids)?.label,
              },
            ]
          : [],
      ),
    ).map((p) => ({ period: p.period, gender: p.gender as Gender, message: p.message }));
    const evaluation = evaluateIndicator({
      name: indicator.name,
      direction,
      year: assessedYear,
      target: target?.parsed ?? null,
      statusLevels: asStatusLevels(levels),
      rows: rowOutcomes(own, genders, periodType, options.period),
      outcomeOf,
      conditionOutcome: conditionOutcome(target?.row),
    });
    const band = target
      ? targetBand(target.parsed, {
          direction,
          year: assessedYear,
          outcomeOf: (y) => outcomeOf("T", y),
          conditionOutcome: conditionOutcome(target.row),
        })
      : null;
    const targetCondition = target?.parsed.kind === "conditional" ? target.parsed.condition : null;
    const mapping = mappings.find((m) => m.indicator_id === id);
    return [
      {
        id,
        orgNodeId: indicator.org_node_id,
        orgNodeName: indicator.org_node_name,
        name: indicator.name,
        unit: indicator.unit,
        valueType: indicator.value_type as "number" | "status",
        decimals: indicator.decimals,
        direction,
        genderSplit: split,
        periodType,
        measurementWindow: indicator.measurement_window,
        sourceKind: indicator.source_kind,
        sourceNote: indicator.source_note,
        publicationDate: indicator.publication_date,
        footnote: indicator.footnote,
        active: indicator.active,
        statusLevels: (levels ?? []).map(scaleLevelDto),
        definition: current?.definition ?? null,
        definitions: defs.map((d) => ({ validFrom: d.valid_from, definition: d.definition })),
        targets: ownTargets.map(({ parsed, row: _row, ...t }) => ({ ...t, kind: parsed.kind })),
        kind: indicator.kind as IndicatorKind | null,
        forecastRows: genders.map((gender) => ({
          gender,
          label: genderLabel(split, gender),
          cells: columns.map((year) => cellFor(forecasts, gender, year, periodType) ?? null),
        })),
        breakdown,
        yearEvaluations,
        relations: ownRelations.map((r) => {
          const role = r.whole_id === id ? ("part" as const) : ("whole" as const);
          const other = role === "part" ? r.part_id : r.whole_id;
          return { kind: r.kind as RelationKind, role, id: other, name: namesById.get(other)?.name ?? "" };
        }),
        relationProblems,
        target: target
          ? {
              year: target.year,
              target: target.target,
              footnote: target.footnote,
              kind: target.parsed.kind,
              condition: target.condition,
              otherwise: target.otherwise,
              conditionState: targetCondition
                ? conditionState(targetCondition, conditionOutcome(target.row)?.(assessedYear) ?? null)
                : null,
            }
          : null,
        band,
        columns,
        rows: genders.map((gender) => ({
          gender,
          label: genderLabel(split, gender),
          cells: columns.map((year) => cellFor(own, gender, year, periodType) ?? null),
        })),
        values: own,
        evaluation,
        kolada: mapping ? { kpiId: mapping.kpi_id, municipalityId: mapping.municipality_id } : null,
        corrections: corrections.filter((c) => c.indicator_id === id).length,
      },
    ];
  });
}

export type IndicatorView = Awaited<ReturnType<typeof indicatorViews>>[number];

export async function listIndicators(db: Db, actor: Actor, orgNodeId: string) {
  const node = await requireStyrningRead(db, actor, orgNodeId);
  const rows = readableRows(actor, await repo.indicatorsAround(db, node.path));
  const ids = rows.map((r) => r.id);
  const [mappings, links] = await Promise.all([koladaRepo.mappingsOf(db, ids), repo.dimensionLinksOf(db, ids)]);
  return rows.map((i) => {
    const mapping = mappings.find((m) => m.indicator_id === i.id);
    return {
      ...indicatorDto(i, dimensionIdsOf(links, i.id)),
      orgNodeName: i.org_node_name,
      writable: i.writable,
      kolada: mapping ? { kpiId: mapping.kpi_id, municipalityId: mapping.municipality_id } : null,
    };
  });
}

/** A value as a correction stored it (the row's columns at the time), in wire form. */
const correctedState = (s: unknown) => {
  if (!s) return null;
  const v = s as {
    state: string;
    value: number | null;
    status_code: string | null;
    note: string | null;
    published_at: string | null;
  };
  return { state: v.state, value: v.value, statusCode: v.status_code, note: v.note, publishedAt: v.published_at };
};

export async function getIndicator(db: Db, actor: Actor, id: string, year: number, reportedBy?: string) {
  const [row] = await repo.findIndicators(db, [id]);
  assertReadable(actor, row, "Indikatorn");
  if (reportedBy) await requireStyrningRead(db, actor, reportedBy);
  const [view] = await indicatorViews(db, [id], { year, period: String(year), owner: reportedBy ?? null });
  if (!view) throw notFound("Indikatorn");
  const [goals, corrections] = await Promise.all([repo.goalsOfIndicator(db, id), repo.correctionsOf(db, [id])]);
  return {
    ...view,
    writable: canWriteStyrning(actor, row.path),
    goals: goals.map((g) => ({ id: g.id, title: g.title, code: g.code, year: g.year, modelId: g.model_id })),
    correctionLog: corrections.map((c) => ({
      id: c.id,
      period: c.period,
      gender: c.gender as Gender,
      before: correctedState(c.before),
      after: correctedState(c.after),
      reason: c.reason,
      correctedByName: c.corrected_by_name,
      createdAt: c.created_at.toISOString(),
    })),
  };
}

// ---- writes ---------------------------------------------------------------------------------

const dimensionIdsOf = (links: readonly repo.DimensionLinkRow[], indicatorId: string) =>
  links.filter((l) => l.indicator_id === indicatorId).map((l) => l.dimension_id);

/** The dimensions asked for: the list, or the single `dimensionId` older callers send; undefined keeps them. */
function wantedDimensions(input: Pick<IndicatorPatch, "dimensionIds" | "dimensionId">): string[] | undefined {
  if (input.dimensionIds !== undefined && input.dimensionIds !== null) return input.dimensionIds;
  if (input.dimensionId !== undefined) return input.dimensionId ? [input.dimensionId] : [];
  return input.dimensionIds === null ? [] : undefined;
}

export async function createIndicator(db: Db, actor: Actor, input: IndicatorInput) {
  return write(db, actor, "write:styrning", input.orgNodeId, async ({ trx, node, audit }) => {
    if (input.statusScaleId) await requireUsableScale(trx, input.statusScaleId, node.path, "status");
    const dimensionIds = wantedDimensions(input) ?? [];
    await requireUsableDimensions(trx, dimensionIds, node.path);
    const indicator = await repo.insertIndicator(trx, {
      org_node_id: node.id,
      name: input.name,
      unit: input.unit,
      value_type: input.unit === "status" ? "status" : "number",
      status_scale_id: input.statusScaleId ?? null,
      decimals: input.decimals,
      direction: input.direction,
      gender_split: input.genderSplit,
      period_type: input.periodType,
      measurement_window: input.periodType === "window" ? input.measurementWindow : null,
      source_kind: input.sourceKind,
      source_note: input.sourceNote,
      publication_date: input.publicationDate ?? null,
      footnote: input.footnote,
      decided_by: input.decidedBy ?? null,
      kind: input.kind ?? null,
    });
    await repo.replaceDimensionLinks(trx, indicator, dimensionIds);
    await audit("indicator", indicator.id, "create", { after: { ...indicator, dimension_ids: dimensionIds } });
    const definition = await repo.upsertDefinition(trx, {
      org_node_id: node.id,
      indicator_id: indicator.id,
      valid_from: input.definitionFrom,
      definition: input.definition,
    });
    await audit("indicator_definition", definition.id, "create", { after: { ...definition, org_node_id: node.id } });
    return indicatorDto(indicator, dimensionIds);
  });
}

/** Dimensions an indicator on a node may use: each defined on the node, above it or below it, and once. */
async function requireUsableDimensions(db: Db, dimensionIds: readonly string[], path: string) {
  if (new Set(dimensionIds).size !== dimensionIds.length) {
    throw new DomainError("validation", "Indelningar: samma indelning kan bara väljas en gång.");
  }
  for (const dimensionId of dimensionIds) {
    const dimension = await repo.findDimension(db, dimensionId);
    if (!dimension || !(path.startsWith(dimension.path) || dimension.path.startsWith(path))) {
      throw new DomainError("validation", "Indelning: indelningen finns inte för den här organisationen.");
    }
  }
}

/** Looks up an indicator for writeRecord: the write is checked on the indicator's node. */
export const indicatorRecord = (id: string) => async (db: Db) => {
  const [row] = await repo.findIndicators(db, [id]);
  if (!row) throw notFound("Indikatorn");
  return row;
};

export async function updateIndicator(db: Db, actor: Actor, id: string, patch: IndicatorPatch) {
  return writeRecord(db, actor, "write:styrning", indicatorRecord(id), async ({ trx, record, audit }) => {
    const { path: _path, org_node_name: _name, ...before } = record;
    if (patch.genderSplit === "total" && before.gender_split !== "total") {
      if (await repo.hasGenderSplitValues(trx, id))
        throw new DomainError("conflict", "Indikatorn har värden per kön och kan inte göras om till endast totalt.");
    }
    const dimensionsBefore = await (await dimensionsOf(trx, [id]))(id);
    const beforeIds = dimensionsBefore.map((d) => d.id);
    const wanted = wantedDimensions(patch);
    const dimensionsChange = wanted !== undefined && wanted.join() !== beforeIds.join();
    if (dimensionsChange) {
      await requireUsableDimensions(trx, wanted, record.path);
      // Values per part of a dimension it gives up would lose their meaning; a new dimension or order is fine.
      for (const dropped of dimensionsBefore.filter((d) => !wanted.includes(d.id))) {
        if (
          await repo.hasValuesOfMembers(
            trx,
            id,
            dropped.members.map((m) => m.id),
          )
        )
          throw new DomainError(
            "conflict",
            `Indelning: indikatorn har värden per del av ${dropped.name} och kan inte lämna den indelningen.`,
          );
      }
      await repo.replaceDimensionLinks(trx, record, wanted);
    }
    if (patch.measurementWindow !== undefined && before.period_type === "window" && !patch.measurementWindow) {
      throw new DomainError("validation", "Mätfönster: ett mätfönster måste anges.");
    }
    const changes = {
      ...patchColumns(patch, {
        name: "name",
        decimals: "decimals",
        direction: "direction",
        gender_split: "genderSplit",
        source_kind: "sourceKind",
        source_note: "sourceNote",
        publication_date: "publicationDate",
        footnote: "footnote",
        active: "active",
        kind: "kind",
        decided_by: "decidedBy",
      }),
      // Only an indicator measured in a window has one to change.
      ...(before.period_type === "window" ? patchColumns(patch, { measurement_window: "measurementWindow" }) : {}),
    };
    let after = before;
    if (Object.keys(changes).length) after = await repo.updateIndicator(trx, id, changes);
    if (Object.keys(changes).length || dimensionsChange) {
      await audit("indicator", id, "update", {
        before: { ...before, dimension_ids: beforeIds },
        after: { ...after, dimension_ids: wanted ?? beforeIds },
      });
    }
    if (patch.definition) {
      const existing = (await repo.definitionsOf(trx, [id])).find((d) => d.valid_from === patch.definition?.validFrom);
      if (existing?.definition !== patch.definition.text) {
        const definition = await repo.upsertDefinition(trx, {
          org_node_id: before.org_node_id,
          indicator_id: id,
          valid_from: patch.definition.validFrom,
          definition: patch.definition.text,
        });
        await audit("indicator_definition", definition.id, existing ? "update" : "create", {
          before: existing,
          after: definition,
        });
      }
    }
    return indicatorDto(after, wanted ?? beforeIds);
  });
}

export async function setTarget(
  db: Db,
  actor: Actor,
  indicatorId: string,
  year: number,
  input: Pick<TargetInput, "target" | "footnote"> & Partial<TargetInput>,
) {
  return writeRecord(db, actor, "write:styrning", indicatorRecord(indicatorId), async ({ trx, record, audit }) => {
    const indicator = record;
    const dimensions = (await dimensionsOf(trx, [indicatorId]))(indicatorId);
    const resolved = resolveMembers(dimensions, [...(input.members ?? []), ...(input.member ? [input.member] : [])]);
    if ("problem" in resolved) throw new DomainError("validation", `Delar: ${indicator.name} ${resolved.problem}`);
    const condition = input.condition ?? null;
    if (condition) {
      const [other] = await repo.findIndicators(trx, [condition.indicatorId]);
      if (!other || !canReadStyrning(actor, other.path)) throw notFound("Villkorsindikatorn");
      if (other.id === indicatorId || other.value_type !== "number") {
        throw new DomainError(
          "validation",
          `Villkor: villkoret prövas mot en annan indikators numeriska utfall, inte mot ${other.name}.`,
        );
      }
    } else if (input.otherwise) {
      throw new DomainError("validation", "Annars: ett målvärde för annars kräver ett villkor.");
    }
    const before = await repo.findTarget(trx, indicatorId, year, resolved.memberIds);
    const row = await repo.upsertTarget(trx, {
      org_node_id: indicator.org_node_id,
      indicator_id: indicatorId,
      year,
      target: input.target,
      footnote: input.footnote,
      member_ids: resolved.memberIds,
      condition_indicator_id: condition?.indicatorId ?? null,
      condition_op: condition?.op ?? null,
      condition_value: condition?.value ?? null,
      otherwise_target: condition ? (input.otherwise ?? null) : null,
    });
    await audit("indicator_target", row.id, before ? "update" : "create", { before, after: row });
    const levels = indicator.status_scale_id
      ? (await levelsByScale(trx, [indicator.status_scale_id])).get(indicator.status_scale_id)
      : undefined;
    const names = new Map(
      (await repo.findIndicators(trx, condition ? [condition.indicatorId] : [])).map((i) => [i.id, i.name]),
    );
    const nameOf = (id: string) => names.get(id) ?? "";
    return {
      id: row.id,
      indicatorId: row.indicator_id,
      year: row.year,
      target: row.target,
      footnote: row.footnote,
      members: combinationOf(dimensions, row.member_ids)?.codes ?? [],
      kind: targetOf(row, levels, nameOf).kind,
      condition: conditionDto(conditionOf(row, nameOf)),
      otherwise: row.otherwise_target,
    };
  });
}

/** Removes the year's target of the whole, or of the parts named (by code or label). */
export async function removeTarget(db: Db, actor: Actor, indicatorId: string, year: number, members: string[] = []) {
  return writeRecord(db, actor, "write:styrning", indicatorRecord(indicatorId), async ({ trx, record, audit }) => {
    const resolved = resolveMembers((await dimensionsOf(trx, [indicatorId]))(indicatorId), members);
    if ("problem" in resolved) throw new DomainError("validation", `Delar: ${record.name} ${resolved.problem}`);
    const before = await found(repo.findTarget(trx, indicatorId, year, resolved.memberIds), `Målvärdet för ${year}`);
    await repo.deleteTarget(trx, before.id);
    await audit("indicator_target", before.id, "delete", { before });
  });
}

/**
 * Removes one forecast of the indicator, on the node that reported it. A locked period keeps its forecast
 * as it stood, like its outcomes; outcomes are never removed here.
 */
export async function removeForecast(db: Db, actor: Actor, indicatorId: string, forecastId: string) {
  const forecastRecord = async (d: Db) => {
    const value = await repo.findValue(d, forecastId);
    if (!value || value.indicator_id !== indicatorId || value.value_kind !== "forecast") throw notFound("Prognosen");
    return value;
  };
  return writeRecord(db, actor, "write:styrning", forecastRecord, async ({ trx, node, record, audit }) => {
    const lock = lockCovering(
      record.period,
      (await repo.locksAround(trx, node.path)).filter((l) => node.path.startsWith(l.path)),
    );
    if (lock) {
      throw new DomainError(
        "conflict",
        `${periodLabel(lock.period)} är låst för ${lock.org_node_name}; prognosen för ${periodLabel(record.period)} kan inte tas bort.`,
      );
    }
    await repo.deleteValue(trx, record.id);
    await audit("indicator_value", record.id, "delete", { before: record });
  });
}

// ---- values ---------------------------------------------------------------------------------

/** The data-entry grid: every readable indicator around a node with its periods of the year. */
export async function valueGrid(db: Db, actor: Actor, orgNodeId: string, year: number) {
  const node = await requireStyrningRead(db, actor, orgNodeId);
  const indicators = (await repo.indicatorsAround(db, node.path)).filter(
    (i) => i.active && canReadStyrning(actor, i.path),
  );
  const ids = indicators.map((i) => i.id);
  const [values, locks, scales, dimensionsFor] = await Promise.all([
    repo.valuesOf(db, ids, { from: year, to: year }),
    repo.locksAround(db, node.path),
    levelsByScale(
      db,
      indicators.map((i) => i.status_scale_id),
    ),
    dimensionsOf(db, ids),
  ]);
  return {
    year,
    locks: locks.filter((l) => canReadStyrning(actor, l.path)).map(listedLockDto),
    indicators: indicators.map((i) => {
      const own = values.filter(
        (v) => v.indicator_id === i.id && v.value_kind === "outcome" && v.org_node_id === i.org_node_id,
      );
      const indicatorLocks = locks.filter((l) => i.path.startsWith(l.path));
      const split = i.gender_split as GenderSplit;
      const periods = periodsOfYear(i.period_type as PeriodType, year);
      return {
        id: i.id,
        name: i.name,
        orgNodeName: i.org_node_name,
        unit: i.unit,
        valueType: i.value_type as "number" | "status",
        decimals: i.decimals,
        periodType: i.period_type,
        measurementWindow: i.measurement_window,
        statusLevels: (i.status_scale_id ? (scales.get(i.status_scale_id) ?? []) : []).map(scaleLevelDto),
        writable: canWriteStyrning(actor, i.path),
        periods: periods.map((period) => ({
          period,
          label: periodLabel(period),
          locked: Boolean(lockCovering(period, indicatorLocks)),
        })),
        // The whole per sex, then one row per combination of parts of its dimensions (their total, not per sex).
        rows: [
          ...gendersFor(split).map((gender) => ({
            gender,
            memberIds: [] as string[],
            codes: [],
            label: genderLabel(split, gender),
          })),
          ...combinationsOf(dimensionsFor(i.id)).map((c) => ({ gender: "T" as const, ...c })),
        ].map(({ gender, memberIds, codes, label }) => ({
          gender,
          members: codes,
          label,
          cells: periods.map((period) => {
            const stored = own.find(
              (v) =>
                v.period === period && v.gender === gender && memberSetKey(v.member_ids) === memberSetKey(memberIds),
            );
            return stored ? valueDto(stored) : null;
          }),
        })),
      };
    }),
  };
}

// ---- locks ----------------------------------------------------------------------------------

export async function listLocks(db: Db, actor: Actor, orgNodeId: string) {
  const node = await requireStyrningRead(db, actor, orgNodeId);
  return (await repo.locksAround(db, node.path)).filter((l) => canReadStyrning(actor, l.path)).map(listedLockDto);
}

export async function lockPeriod(db: Db, actor: Actor, orgNodeId: string, period: string) {
  return write(db, actor, "write:styrning", orgNodeId, async ({ trx, node, audit }) => {
    const covering = lockCovering(
      period,
      (await repo.locksAround(trx, node.path)).filter((l) => node.path.startsWith(l.path)),
    );
    if (covering) {
      throw new DomainError(
        "conflict",
        `${periodLabel(period)} är redan låst genom låset för ${periodLabel(covering.period)}.`,
      );
    }
    const lock = await repo.insertLock(trx, {
      org_node_id: node.id,
      period,
      locked_by: actor.id,
      locked_by_name: actor.displayName,
    });
    await audit("period_lock", lock.id, "create", { after: lock });
    return lockDto(lock);
  });
}

/** Reopening a closed period is rarer and weightier than closing it: it needs admin. */
export async function unlockPeriod(db: Db, actor: Actor, lockId: string) {
  const lockRecord = (d: Db) => found(repo.findLock(d, lockId), "Periodlåset");
  return writeRecord(db, actor, "admin", lockRecord, async ({ trx, record: lock, audit }) => {
    await repo.deleteLock(trx, lockId);
    await audit("period_lock", lockId, "delete", { before: lock });
  });
}
