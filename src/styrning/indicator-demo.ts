// Demo of #11's indicator model: an indicator broken down by age group, the sum of two others, with a
// sentence target ("Ska minska") and a forecast beside the outcomes; and one broken down by age group and
// unit whose target applies only with a minimum base of cases. Loaded through the services. The figures
// are made up (the sources give none).

import type { Actor } from "../platform/auth/access.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { createDimension, setRelations } from "./dimensions-service.ts";
import { createIndicator, setTarget } from "./indicators-service.ts";
import type { StyrningDB } from "./tables.ts";
import { saveValues, type ValueRequest } from "./values-service.ts";
import type { IndicatorKind } from "./vocabulary.ts";

const years = ["2021", "2022", "2023"] as const;

const cell = (v: {
  indicatorId: string;
  period: string;
  value: number;
  member?: string;
  members?: string[];
  valueKind?: "forecast";
}) =>
  ({
    gender: "T",
    state: "value",
    note: null,
    publishedAt: null,
    reason: null,
    statusCode: null,
    row: 0,
    ...v,
  }) as const;

export async function seedIndicatorModelDemo(trx: DbOf<StyrningDB>, actor: Actor, orgNodeId: string) {
  const ages = await createDimension(trx, actor, {
    orgNodeId,
    kind: "age",
    name: "Åldersgrupper barn och unga",
    members: [
      { code: "0-12", label: "0–12 år" },
      { code: "13-17", label: "13–17 år" },
      { code: "18-20", label: "18–20 år" },
    ],
  });
  const units = await createDimension(trx, actor, {
    orgNodeId,
    kind: "unit",
    name: "Enheter barn och unga",
    members: [
      { code: "mottagning", label: "Mottagningen" },
      { code: "utredning", label: "Utredningsgruppen" },
    ],
  });
  const indicator = (
    name: string,
    kind: IndicatorKind,
    definition: string,
    dimensionIds: string[] = [],
    measure: { unit: "antal" | "procent"; direction: "lower" | "higher" | "none" } = {
      unit: "antal",
      direction: "lower",
    },
  ) =>
    createIndicator(trx, actor, {
      orgNodeId,
      name,
      kind,
      dimensionIds,
      ...measure,
      decimals: 0,
      genderSplit: "total",
      periodType: "year",
      sourceKind: "manual",
      sourceNote: "Verksamhetssystemet, 31 december",
      footnote: null,
      measurementWindow: null,
      definition,
      definitionFrom: 2021,
    });
  const placed = await indicator(
    "Placerade barn och unga",
    "resultat",
    "Antal barn och unga 0–20 år placerade i familjehem eller på HVB den 31 december.",
    [ages.id],
  );
  const family = await indicator(
    "Placerade i familjehem",
    "prestation",
    "Antal barn och unga placerade i familjehem den 31 december.",
  );
  const hvb = await indicator(
    "Placerade på HVB",
    "prestation",
    "Antal barn och unga placerade på HVB den 31 december.",
  );
  await setRelations(trx, actor, placed.id, { kind: "sum", partIds: [family.id, hvb.id] });
  await setTarget(trx, actor, placed.id, 2023, { target: "Ska minska", footnote: null });

  // Per age group and unit; the target holds only with at least 20 investigations (a smaller base says little).
  const byAgeAndUnit = [ages.id, units.id];
  const started = await indicator(
    "Inledda barnavårdsutredningar",
    "prestation",
    "Antal barnavårdsutredningar som inleddes under året.",
    byAgeAndUnit,
    { unit: "antal", direction: "none" },
  );
  const inTime = await indicator(
    "Barnavårdsutredningar klara inom fyra månader",
    "resultat",
    "Andel av årets avslutade barnavårdsutredningar som var klara inom fyra månader.",
    byAgeAndUnit,
    { unit: "procent", direction: "higher" },
  );
  const minimumBase = { indicatorId: started.id, op: "gte", value: 20 } as const;
  await setTarget(trx, actor, inTime.id, 2023, { target: "90 %", footnote: null, condition: minimumBase });
  for (const members of [
    ["13-17", "utredning"],
    ["18-20", "utredning"],
  ]) {
    await setTarget(trx, actor, inTime.id, 2023, { target: "90 %", footnote: null, condition: minimumBase, members });
  }

  const series: [string, readonly number[], { member?: string; members?: string[] }?][] = [
    [placed.id, [48, 52, 47]],
    [family.id, [30, 33, 29]],
    [hvb.id, [18, 19, 18]],
    [placed.id, [21, 22, 20], { member: "0-12" }],
    [placed.id, [19, 21, 19], { member: "13-17" }],
    [placed.id, [8, 9, 8], { member: "18-20" }],
    [started.id, [131, 142, 128]],
    [inTime.id, [84, 88, 91]],
    [started.id, [41, 45, 38], { members: ["13-17", "utredning"] }],
    [inTime.id, [80, 86, 92], { members: ["13-17", "utredning"] }],
    [started.id, [9, 12, 11], { members: ["18-20", "utredning"] }],
    [inTime.id, [78, 83, 73], { members: ["18-20", "utredning"] }],
  ];
  const values: ValueRequest[] = series.flatMap(([indicatorId, numbers, extra]) =>
    numbers.map((value, i) => cell({ indicatorId, period: years[i] ?? "", value, ...extra })),
  );
  values.push(cell({ indicatorId: placed.id, period: "2024", value: 45, valueKind: "forecast" }));
  await saveValues(
    trx,
    actor,
    values.map((v, i) => ({ ...v, row: i + 1 })),
    { source: "manual" },
  );
}
