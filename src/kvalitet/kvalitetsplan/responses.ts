// What the kvalitetsplan routes answer, in wire form. Browser-safe.
import { z } from "zod";
import { riskScaleKinds } from "../risk/risk.ts";
import { atgardStatuses } from "./vocabulary.ts";

const int = z.number().int();
const date = z.iso.date();
const labels = z.tuple([z.string(), z.string(), z.string(), z.string()]);

export const riskLevel = z.object({ name: z.string(), min: int, colour: z.string() });

export const scale = z.object({
  kind: z.enum(riskScaleKinds),
  /** True while the kommun uses the standard scale (it has saved none of its own). */
  standard: z.boolean(),
  name: z.string(),
  likelihoodName: z.string(),
  likelihoodLabels: labels,
  consequenceName: z.string(),
  consequenceLabels: labels,
  levels: z.array(riskLevel),
});
export const scalesResponse = z.object({ kommunId: z.uuid(), scales: z.array(scale) });

export const processResponse = z.object({
  id: z.uuid(),
  process: z.string(),
  activity: z.string(),
  active: z.boolean(),
});
export const processesResponse = z.object({ kommunId: z.uuid(), processes: z.array(processResponse) });

/** A write's answer: what was saved, and a warning when a personnummer was masked. */
export const saved = z.object({ id: z.uuid(), warnings: z.array(z.string()) });

const processRef = z.object({ id: z.uuid(), name: z.string() }).nullable();

export const planRisk = z.object({
  id: z.uuid(),
  nr: int,
  process: processRef,
  description: z.string(),
  likelihood: int,
  consequence: int,
  /** riskvärde = sannolikhet × konsekvens. */
  value: int,
  level: riskLevel,
  comment: z.string().nullable(),
});

export const matrixCell = z.object({
  likelihood: int,
  consequence: int,
  value: int,
  level: riskLevel,
  riskNrs: z.array(int),
});

export const egenkontroll = z.object({
  id: z.uuid(),
  process: processRef,
  risk: z.object({ id: z.uuid(), nr: int }).nullable(),
  what: z.string(),
  method: z.string(),
  sample: z.string().nullable(),
  performedOn: date.nullable(),
  numerator: int.nullable(),
  denominator: int.nullable(),
  /** numerator / denominator, 0–1. */
  share: z.number().nullable(),
  comment: z.string().nullable(),
});

export const atgard = z.object({
  id: z.uuid(),
  unit: z.object({ id: z.uuid(), name: z.string() }),
  year: int,
  /** What the åtgärd answers: a risk or an egenkontroll of the plan, or an internkontroll granskning. */
  linkedTo: z.object({ kind: z.enum(["risk", "egenkontroll", "granskning"]), id: z.uuid(), label: z.string() }),
  text: z.string(),
  owner: z.string(),
  deadline: date.nullable(),
  status: z.enum(atgardStatuses),
  statusOn: date,
  comment: z.string().nullable(),
  createdOn: date,
  ageDays: int,
  overdue: z.boolean(),
  daysOverdue: int,
});

export const planResponse = z.object({
  unit: z.object({ id: z.uuid(), name: z.string() }),
  year: int,
  canWrite: z.boolean(),
  scale,
  processes: z.array(processResponse),
  risks: z.array(planRisk),
  /** Rows from sannolikhet 4 down to 1, columns konsekvens 1 to 4. */
  matrix: z.array(z.array(matrixCell)),
  levelCounts: z.array(z.object({ level: z.string(), count: int })),
  egenkontroller: z.array(egenkontroll),
  atgarder: z.array(atgard),
});

export const atgarderResponse = z.object({ atgarder: z.array(atgard) });
