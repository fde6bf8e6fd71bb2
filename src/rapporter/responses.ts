// Rapporter's wire responses (zod): templates and an assembled report with its findings.
import { z } from "zod";
import { templateContent } from "./template.ts";

export const templateSummary = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string(),
  version: z.number().int(),
  savedAt: z.string().nullable(),
  versions: z.number().int(),
});
export const templateList = z.array(templateSummary);
export const template = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string(),
  version: z.number().int(),
  content: templateContent,
});
export const savedTemplate = z.object({ code: z.string(), name: z.string(), version: z.number().int() });
export const installed = z.object({ installed: z.array(z.string()) });

const finding = z.object({
  check: z.string(),
  severity: z.enum(["blocking", "warning"]),
  chapter: z.string(),
  block: z.string(),
  row: z.string().optional(),
  message: z.string(),
});
export const assembled = z.object({
  report: z.object({
    template: z.object({ code: z.string(), name: z.string(), version: z.number().int() }),
    title: z.string(),
    namnd: z.object({ id: z.string(), name: z.string() }),
    period: z.number().int(),
    periodCode: z.string().optional(),
    municipality: z.object({ name: z.string(), primaryColour: z.string(), accentColour: z.string() }),
    rounding: z.object({ tkr: z.number(), mnkr: z.number(), procent: z.number() }),
    // Blocks are the engine's model (model.ts); their kinds are listed, their fields follow the kind.
    chapters: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        blocks: z.array(
          z.looseObject({
            kind: z.enum([
              "fixed",
              "authored",
              "table",
              "tile",
              "chart",
              "list",
              "goals",
              "directives",
              "activities",
              "register",
            ]),
            id: z.string(),
          }),
        ),
      }),
    ),
  }),
  findings: z.array(finding),
});
