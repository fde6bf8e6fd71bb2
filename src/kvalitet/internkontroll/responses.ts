// What the internkontroll routes answer, in wire form. Browser-safe.
import { z } from "zod";
import { atgard, matrixCell, riskLevel, scale } from "../kvalitetsplan/responses.ts";
import { answers } from "./vocabulary.ts";

const int = z.number().int();
const date = z.iso.date();
const namnd = z.object({ id: z.uuid(), name: z.string() });
const plan = z
  .object({ diarienummer: z.string().nullable(), adoptedOn: date.nullable(), decisionRef: z.string().nullable() })
  .nullable();
const levelCounts = z.array(z.object({ level: z.string(), count: int }));
const tally = z.object({
  omhandertaget: int,
  delvis: int,
  ej: int,
  unanswered: int,
  questions: int,
});
const selfAssessment = z.object({ areas: z.array(tally.extend({ area: z.string() })), total: tally });

export const yearResponse = z.object({
  namnd,
  year: int,
  canWrite: z.boolean(),
  plan,
  scale,
  risks: z.array(
    z.object({
      id: z.uuid(),
      nr: int,
      category: z.string(),
      description: z.string(),
      common: z.boolean(),
      likelihood: int,
      consequence: int,
      value: int,
      level: riskLevel,
      toPlan: z.boolean(),
      reason: z.string().nullable(),
      granskningNrs: z.array(z.string()),
    }),
  ),
  matrix: z.array(z.array(matrixCell)),
  levelCounts,
  granskningar: z.array(
    z.object({
      id: z.uuid(),
      nr: z.string(),
      title: z.string(),
      method: z.string(),
      frequency: z.string(),
      responsible: z.string(),
      result: z.string().nullable(),
      deviations: z.boolean().nullable(),
      verdict: z.string().nullable(),
      risks: z.array(z.object({ id: z.uuid(), nr: int })),
      atgarder: z.array(atgard),
    }),
  ),
  questions: z.array(
    z.object({
      id: z.uuid(),
      nr: int,
      area: z.string(),
      text: z.string(),
      answer: z.enum(answers).nullable(),
      comment: z.string().nullable(),
    }),
  ),
  tally: selfAssessment,
});

export const reportResponse = z.object({
  namnd,
  year: int,
  plan,
  summary: z.object({
    risks: int,
    toPlan: int,
    common: int,
    own: int,
    levelCounts,
    granskningar: int,
    withDeviations: int,
    atgarderDone: int,
    atgarderPlanned: int,
  }),
  riskAnalysis: z.array(
    z.object({
      category: z.string(),
      nr: int,
      description: z.string(),
      common: z.boolean(),
      level: z.string(),
      toPlan: z.boolean(),
    }),
  ),
  notToPlan: z.array(z.object({ category: z.string(), nr: int, description: z.string(), reason: z.string() })),
  granskningar: z.array(
    z.object({
      nr: z.string(),
      title: z.string(),
      riskNrs: z.array(int),
      method: z.string(),
      frequency: z.string(),
      responsible: z.string(),
      result: z.string().nullable(),
      deviations: z.boolean().nullable(),
      verdict: z.string().nullable(),
    }),
  ),
  followUp: z.array(
    z.object({
      nr: int,
      risk: z.string(),
      responsible: z.string(),
      activities: z.array(z.string()),
      done: z.array(z.string()),
      planned: z.array(z.string()),
    }),
  ),
  selfAssessment,
});
