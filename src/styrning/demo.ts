import { z } from "zod";
import ifo2023 from "../../demo/styrning/ifo-2023.json" with { type: "json" };
import scalesJson from "../../demo/styrning/scales.json" with { type: "json" };
import vo2022 from "../../demo/styrning/vo-2022.json" with { type: "json" };
import type { DemoOrganisation } from "../organisation/index.ts";
import { systemActor } from "../platform/auth/access.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { parseInput } from "../platform/validation.ts";
import { addFollowup, createActivity } from "./activities-service.ts";
import { addDirectiveComment, createDirective } from "./directives-service.ts";
import { setAssessment, setGoalIndicators } from "./goals-service.ts";
import { seedIndicatorModelDemo } from "./indicator-demo.ts";
import { createIndicator, lockPeriod, setTarget, updateIndicator } from "./indicators-service.ts";
import { createGoal, createModel } from "./models-service.ts";
import { createScale } from "./scales-service.ts";
import {
  activityInput,
  commentInput,
  directiveInput,
  followupInput,
  indicatorInput,
  levelInput,
  scaleInput,
  scaleLevelInput,
  targetInput,
  uppdragFollowupInput,
  uppdragInput,
} from "./schema.ts";
import type { StyrningDB } from "./tables.ts";
import { addUppdragFollowup, createUppdrag } from "./uppdrag-service.ts";
import { saveValues, type ValueRequest } from "./values-service.ts";
import { scaleKinds } from "./vocabulary.ts";

const scaleFile = z.object({
  scales: z.array(
    z.object({
      key: z.string(),
      at: z.string(),
      kind: z.enum(scaleKinds),
      name: z.string(),
      levels: z.array(scaleLevelInput),
    }),
  ),
});

const planFile = z.object({
  source: z.string(),
  indicators: z.array(
    z
      .looseObject({
        key: z.string(),
        at: z.string(),
        statusScale: z.string().optional(),
        laterDefinitions: z.array(z.object({ validFrom: z.number().int(), definition: z.string() })).default([]),
        values: z.partialRecord(z.enum(["T", "K", "M"]), z.record(z.string(), z.union([z.number(), z.string()]))),
        targets: z.array(targetInput.extend({ year: z.number().int() })).default([]),
      })
      .transform((i) => ({ ...i, raw: i })),
  ),
  models: z.array(
    z.object({
      key: z.string(),
      at: z.string(),
      year: z.number().int(),
      name: z.string(),
      assessmentScale: z.string(),
      levels: z.array(levelInput),
      goals: z.array(
        z.object({
          key: z.string(),
          level: z.string(),
          parent: z.string().optional(),
          code: z.string().optional(),
          title: z.string(),
          description: z.string().optional(),
          indicators: z.array(z.string()).default([]),
          assessment: z.object({ period: z.string(), level: z.string(), comment: z.string() }).optional(),
        }),
      ),
    }),
  ),
  directives: z.array(
    z.looseObject({ at: z.string(), goal: z.string().optional(), comments: z.array(commentInput).default([]) }),
  ),
  activities: z.array(
    z.looseObject({ at: z.string(), goals: z.array(z.string()), followups: z.array(followupInput).default([]) }),
  ),
  locks: z.array(z.object({ at: z.string(), period: z.string() })),
  uppdrag: z
    .array(
      z.looseObject({
        at: z.string(),
        goal: z.string().optional(),
        followups: z.array(uppdragFollowupInput).default([]),
      }),
    )
    .default([]),
});

/**
 * Kungsbacka IFO 2023 and Vård & Omsorg 2022 from the domain brief, loaded through the same services
 * as the API (validation, audit) inside the demo seeding transaction.
 */
export async function seedStyrningDemo(trx: DbOf<StyrningDB>, demo: DemoOrganisation): Promise<void> {
  const actor = systemActor();
  const node = (key: string) => {
    const found = demo.nodes[key];
    if (!found) throw new Error(`Styrning demo names unknown org node ${key}`);
    return found.id;
  };
  const scales = new Map<string, string>();
  for (const s of parseInput(scaleFile, scalesJson, "Demodata för skalor är ogiltiga").scales) {
    const input = parseInput(
      scaleInput,
      { orgNodeId: node(s.at), kind: s.kind, name: s.name, levels: s.levels },
      "Demoskalan",
    );
    const scale = await createScale(trx, actor, input);
    scales.set(s.key, scale.id);
  }

  await seedIndicatorModelDemo(trx, actor, node("ifo"));

  for (const [name, json] of [
    ["IFO 2023", ifo2023],
    ["Vård & Omsorg 2022", vo2022],
  ] as const) {
    const plan = parseInput(planFile, json, `Demodata för styrning ${name}`);
    const indicators = new Map<string, string>();
    const values: ValueRequest[] = [];
    for (const i of plan.indicators) {
      const { key, at, statusScale, laterDefinitions, values: series, targets, raw } = i;
      const input = parseInput(
        indicatorInput,
        { ...raw, orgNodeId: node(at), statusScaleId: statusScale ? scales.get(statusScale) : undefined },
        `Demoindikatorn ${key}`,
      );
      const indicator = await createIndicator(trx, actor, input);
      indicators.set(key, indicator.id);
      for (const d of laterDefinitions) {
        await updateIndicator(trx, actor, indicator.id, { definition: { text: d.definition, validFrom: d.validFrom } });
      }
      for (const t of targets)
        await setTarget(trx, actor, indicator.id, t.year, { target: t.target, footnote: t.footnote });
      for (const [gender, byYear] of Object.entries(series)) {
        for (const [period, v] of Object.entries(byYear)) {
          const missing = v === "not_measured" || v === "not_published";
          values.push({
            indicatorId: indicator.id,
            period,
            gender: gender as "T" | "K" | "M",
            state: missing ? v : "value",
            value: typeof v === "number" ? v : null,
            statusCode: typeof v === "string" && !missing ? v : null,
            note: null,
            publishedAt: null,
            reason: null,
            row: values.length + 1,
          });
        }
      }
    }
    await saveValues(trx, actor, values, { source: "import", sourceRef: plan.source });

    const goals = new Map<string, string>();
    for (const m of plan.models) {
      const model = await createModel(trx, actor, {
        orgNodeId: node(m.at),
        year: m.year,
        name: m.name,
        assessmentScaleId: scales.get(m.assessmentScale),
        levels: m.levels,
      });
      for (const [position, g] of m.goals.entries()) {
        const level = model.levels.find((l) => l.name === g.level);
        if (!level) throw new Error(`Demo goal ${g.key} names unknown level ${g.level}`);
        const goal = await createGoal(trx, actor, model.id, {
          levelId: level.id,
          parentId: g.parent ? goals.get(g.parent) : null,
          code: g.code ?? null,
          title: g.title,
          description: g.description ?? null,
          position,
        });
        goals.set(g.key, goal.id);
        if (g.indicators.length) {
          await setGoalIndicators(
            trx,
            actor,
            goal.id,
            g.indicators.map((k) => indicators.get(k) ?? k),
          );
        }
        if (g.assessment) {
          await setAssessment(trx, actor, goal.id, g.assessment.period, {
            levelCode: g.assessment.level,
            comment: g.assessment.comment,
          });
        }
      }
    }

    for (const d of plan.directives) {
      const { at, goal, comments, ...rest } = d;
      const directive = await createDirective(
        trx,
        actor,
        parseInput(
          directiveInput,
          { ...rest, orgNodeId: node(at), goalId: goal ? goals.get(goal) : null },
          "Demodirektiv",
        ),
      );
      for (const c of comments) await addDirectiveComment(trx, actor, directive.id, c);
    }
    for (const a of plan.activities) {
      const { at, goals: goalKeys, followups, ...rest } = a;
      const activity = await createActivity(
        trx,
        actor,
        parseInput(
          activityInput,
          { ...rest, orgNodeId: node(at), goalIds: goalKeys.map((k) => goals.get(k) ?? k) },
          "Demoaktivitet",
        ),
      );
      for (const f of followups) await addFollowup(trx, actor, activity.id, f);
    }
    for (const u of plan.uppdrag) {
      const { at, goal, followups, ...rest } = u;
      const uppdrag = await createUppdrag(
        trx,
        actor,
        parseInput(
          uppdragInput,
          { ...rest, orgNodeId: node(at), goalId: goal ? goals.get(goal) : null },
          "Demouppdrag",
        ),
      );
      for (const f of followups) await addUppdragFollowup(trx, actor, uppdrag.id, f);
    }
    // Locked last: the closed years' figures were entered before the books closed.
    for (const l of plan.locks) await lockPeriod(trx, actor, node(l.at), l.period);
  }
}
