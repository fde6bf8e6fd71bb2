import { z } from "zod";
import { nonEmptyPatch } from "../platform/validation.ts";
import { codeDimensions, importKinds, signConventions } from "./import/ledger.ts";
import { periodTypes } from "./periods.ts";
import { figureKinds, fundEntryKinds, investmentCategories } from "./reports.ts";

/** Integer kronor; money never travels as a float. */
const kronor = z.number().int("Beloppet ska anges i hela kronor.").min(-1e13).max(1e13);
const positiveKronor = kronor.min(0, "Beloppet kan inte vara negativt.");
const optionalText = (max: number) => z.string().trim().max(max).nullish();
const date = z.iso.date("Ange datum som ÅÅÅÅ-MM-DD.");
/** A committee or council decision, e.g. "IF-2023-00256" or "KF § 123". */
const decisionRef = z.string().trim().min(1, "Ange beslutets diarienummer eller paragraf.").max(100);

export const year = z.coerce.number().int().min(1990).max(2100);
export const namndYearParams = z.object({ namndId: z.uuid(), year });
export const namndParams = z.object({ namndId: z.uuid() });
export const idParams = z.object({ id: z.uuid() });

export const levelInput = z.object({
  name: z.string().trim().min(1).max(200),
  code: z
    .string()
    .trim()
    .regex(
      /^[0-9A-Za-zÅÄÖåäö_.-]{1,40}$/,
      "Koden får innehålla bokstäver, siffror, punkt, bindestreck och understreck.",
    )
    .nullish(),
  orgNodeId: z.uuid().nullish(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
});
export type LevelInput = z.infer<typeof levelInput>;
export const levelPatch = nonEmptyPatch(levelInput.partial());

export const copyLevelsInput = z.object({ fromYear: year });

export const mappingInput = z.object({
  dimension: z.enum(codeDimensions),
  pattern: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z_.-]+\*?$/, "Ange en kod, eller början av en kod följd av * (t.ex. 41*)."),
});

export const frameInput = z.object({
  amountKr: positiveKronor,
  decisionRef: optionalText(100),
});

export const forecastInput = z.object({
  name: z.string().trim().min(1).max(100),
  asOf: date,
});
export const forecastPatch = nonEmptyPatch(forecastInput.partial());

const figureInput = z
  .object({
    levelId: z.uuid(),
    kind: z.enum(figureKinds),
    forecastId: z.uuid().nullish(),
    periodType: z.enum(periodTypes),
    periodNo: z.number().int().min(0).max(12),
    amountKr: kronor,
  })
  .refine((f) => (f.kind === "prognos") === Boolean(f.forecastId), {
    message: "En prognos anges med sin prognos (forecastId); andra belopp utan.",
    path: ["forecastId"],
  });
export type FigureInput = z.infer<typeof figureInput>;
export const figuresInput = z.object({ figures: z.array(figureInput).min(1).max(5000) });

export const figureQuery = z.object({
  kind: z.enum(figureKinds).optional(),
  forecastId: z.uuid().optional(),
  levelId: z.uuid().optional(),
});

export const followUpQuery = z.object({
  forecastId: z.uuid().optional(),
  throughMonth: z.coerce.number().int().min(1).max(12).optional(),
});
export const rangeQuery = z.object({ from: year.optional(), to: year.optional() });
export const budgetSplitQuery = z.object({ basis: z.enum(["original", "revised"]).default("original") });
export const checkTextInput = z.object({
  text: z.string().max(100_000).default(""),
  /** Tables from a draft (e.g. pasted from Word) whose unit label should fit their numbers. */
  tables: z
    .array(
      z.object({
        caption: z.string().max(300),
        unit: z.string().max(50),
        values: z.array(z.number().finite()).max(10_000),
      }),
    )
    .max(100)
    .default([]),
});

const investmentAmounts = {
  budgetInkomsterKr: positiveKronor.nullish(),
  budgetUtgifterKr: positiveKronor.nullish(),
  bokslutInkomsterKr: positiveKronor.nullish(),
  bokslutUtgifterKr: positiveKronor.nullish(),
};
export const investmentInput = z.object({
  category: z.enum(investmentCategories),
  name: z.string().trim().min(1).max(200),
  projectCode: optionalText(40),
  ...investmentAmounts,
  note: optionalText(2000),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
});
export type InvestmentInput = z.infer<typeof investmentInput>;
export const investmentPatch = nonEmptyPatch(investmentInput.partial());

export const reallocationFinancings = ["inom_namnd", "resultatfond", "tillaggsanslag"] as const;
/** A reallocation is proposed (forslag), then decided or rejected. */
export const reallocationStatuses = ["forslag", "beslutad", "avslagen"] as const;

const reallocationLine = z.object({
  levelId: z.uuid(),
  amountKr: kronor.refine((v) => v !== 0, "Ett belopp på 0 kr ändrar ingenting."),
});
export const reallocationInput = z.object({
  title: z.string().trim().min(1).max(200),
  reason: optionalText(4000),
  financing: z.enum(reallocationFinancings),
  caseRef: optionalText(100),
  lines: z
    .array(reallocationLine)
    .min(1, "Ange minst en nivå.")
    .max(200)
    .refine((lines) => new Set(lines.map((l) => l.levelId)).size === lines.length, "Varje nivå får förekomma en gång."),
});
export type ReallocationInput = z.infer<typeof reallocationInput>;
export const reallocationPatch = nonEmptyPatch(reallocationInput.partial());
export const reallocationDecision = z.object({
  outcome: z.enum(reallocationStatuses).exclude(["forslag"]),
  decisionRef,
  decidedOn: date,
});

export const fundEntryInput = z.object({
  year,
  kind: z.enum(fundEntryKinds).exclude(["ianspraktagande"]),
  amountKr: kronor,
  decisionRef,
  decidedOn: date,
  decidedBy: z.string().trim().min(1).max(100),
  note: optionalText(2000),
});
export type FundEntryInput = z.infer<typeof fundEntryInput>;

const base64 = z
  .string()
  .min(1, "Filen är tom.")
  // The alphabet is checked where the file is decoded (import/base64.ts, in the worker for a large file).
  .max(28_000_000, "Filen är för stor (högst 20 MB).");
const fileEncodings = ["auto", "utf-8", "windows-1252", "cp437"] as const;

export const importPreviewInput = z.object({
  fileName: z.string().trim().min(1).max(255),
  contentBase64: base64,
  encoding: z.enum(fileEncodings).default("auto"),
  sheet: z.string().max(100).optional(),
});
export type ImportPreviewInput = z.infer<typeof importPreviewInput>;

export const importInput = importPreviewInput.extend({
  kind: z.enum(importKinds),
  forecastId: z.uuid().nullish(),
  sign: z.enum(signConventions).default("ledger"),
  mapping: z
    .object({
      amount: z.string().trim().min(1, "Ange kolumnen för belopp."),
      period: z.string().trim().min(1).optional(),
      konto: z.string().trim().min(1).optional(),
      ansvar: z.string().trim().min(1).optional(),
      verksamhet: z.string().trim().min(1).optional(),
      level: z.string().trim().min(1).optional(),
    })
    .optional(),
  sie: z
    .object({
      ansvarDim: z.string().regex(/^\d+$/).nullish(),
      verksamhetDim: z.string().regex(/^\d+$/).nullish(),
    })
    .optional(),
  unmatched: z.enum(["error", "skip"]).default("error"),
});
export type ImportInput = z.infer<typeof importInput>;
