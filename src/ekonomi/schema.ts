import { z } from "zod";
import { labelled, nonEmptyPatch } from "../platform/validation.ts";
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
const namndId = labelled(z.uuid(), "Nämnd");
export const namndYearParams = z.object({ namndId, year: labelled(year, "År") });
export const namndParams = z.object({ namndId });

export const levelInput = z.object({
  name: labelled(z.string().trim().min(1).max(200), "Benämning"),
  code: labelled(
    z
      .string()
      .trim()
      .regex(
        /^[0-9A-Za-zÅÄÖåäö_.-]{1,40}$/,
        "Koden får innehålla bokstäver, siffror, punkt, bindestreck och understreck.",
      ),
    "Kod",
  ).nullish(),
  orgNodeId: labelled(z.uuid().nullish(), "Följer organisationsenhet"),
  sortOrder: labelled(z.number().int().min(0).max(10_000).optional(), "Ordning"),
});
export type LevelInput = z.infer<typeof levelInput>;
export const levelPatch = nonEmptyPatch(levelInput.partial());

export const copyLevelsInput = z.object({ fromYear: labelled(year, "Kopiera från år") });

export const mappingInput = z.object({
  dimension: labelled(z.enum(codeDimensions), "Dimension"),
  pattern: labelled(
    z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z_.-]+\*?$/, "Ange en kod, eller början av en kod följd av * (t.ex. 41*)."),
    "Kod",
  ),
});

export const frameInput = z.object({
  amountKr: labelled(positiveKronor, "Ram i kronor"),
  decisionRef: labelled(optionalText(100), "Beslut (diarienummer/§)"),
});

export const forecastInput = z.object({
  name: labelled(z.string().trim().min(1).max(100), "Namn"),
  asOf: labelled(date, "Per datum"),
});
export const forecastPatch = nonEmptyPatch(forecastInput.partial());

const figureInput = z
  .object({
    levelId: labelled(z.uuid(), "Nivå"),
    kind: labelled(z.enum(figureKinds), "Slag"),
    forecastId: labelled(z.uuid().nullish(), "Prognos"),
    periodType: labelled(z.enum(periodTypes), "Periodtyp"),
    periodNo: labelled(z.number().int().min(0).max(12), "Period"),
    amountKr: labelled(kronor, "Belopp i kronor"),
  })
  .refine((f) => (f.kind === "prognos") === Boolean(f.forecastId), {
    message: "En prognos anges med sin prognos (forecastId); andra belopp utan.",
    path: ["forecastId"],
  });
export type FigureInput = z.infer<typeof figureInput>;
export const figuresInput = z.object({ figures: labelled(z.array(figureInput).min(1).max(5000), "Belopp") });

export const figureQuery = z.object({
  kind: labelled(z.enum(figureKinds).optional(), "Slag"),
  forecastId: labelled(z.uuid().optional(), "Prognos"),
  levelId: labelled(z.uuid().optional(), "Nivå"),
});

export const followUpQuery = z.object({
  forecastId: labelled(z.uuid().optional(), "Prognos"),
  throughMonth: labelled(z.coerce.number().int().min(1).max(12).optional(), "Utfall till och med"),
});
export const rangeQuery = z.object({
  from: labelled(year, "Från år").optional(),
  to: labelled(year, "Till år").optional(),
});
export const budgetSplitQuery = z.object({
  basis: labelled(z.enum(["original", "revised"]), "Budget").default("original"),
});
export const checkTextInput = z.object({
  text: labelled(z.string().max(100_000).default(""), "Text"),
  /** Tables from a draft (e.g. pasted from Word) whose unit label should fit their numbers. */
  tables: labelled(
    z
      .array(
        z.object({
          caption: labelled(z.string().max(300), "Rubrik"),
          unit: labelled(z.string().max(50), "Enhet"),
          values: labelled(z.array(z.number().finite()).max(10_000), "Värden"),
        }),
      )
      .max(100),
    "Tabeller",
  ).default([]),
});

const investmentAmounts = {
  budgetInkomsterKr: labelled(positiveKronor, "Budget, inkomster").nullish(),
  budgetUtgifterKr: labelled(positiveKronor, "Budget, utgifter").nullish(),
  bokslutInkomsterKr: labelled(positiveKronor, "Bokslut, inkomster").nullish(),
  bokslutUtgifterKr: labelled(positiveKronor, "Bokslut, utgifter").nullish(),
};
export const investmentInput = z.object({
  category: labelled(z.enum(investmentCategories), "Slag"),
  name: labelled(z.string().trim().min(1).max(200), "Benämning"),
  projectCode: labelled(optionalText(40), "Projektnummer"),
  ...investmentAmounts,
  note: labelled(optionalText(2000), "Anteckning"),
  sortOrder: labelled(z.number().int().min(0).max(10_000).optional(), "Ordning"),
});
export type InvestmentInput = z.infer<typeof investmentInput>;
export const investmentPatch = nonEmptyPatch(investmentInput.partial());

export const reallocationFinancings = ["inom_namnd", "resultatfond", "tillaggsanslag"] as const;
/** A reallocation is proposed (forslag), then decided or rejected. */
export const reallocationStatuses = ["forslag", "beslutad", "avslagen"] as const;

const reallocationLine = z.object({
  levelId: labelled(z.uuid(), "Nivå"),
  amountKr: labelled(
    kronor.refine((v) => v !== 0, "Ett belopp på 0 kr ändrar ingenting."),
    "Belopp i kronor",
  ),
});
export const reallocationInput = z.object({
  title: labelled(z.string().trim().min(1).max(200), "Rubrik"),
  reason: labelled(optionalText(4000), "Motivering"),
  financing: labelled(z.enum(reallocationFinancings), "Finansiering"),
  caseRef: labelled(optionalText(100), "Ärende (diarienummer)"),
  lines: labelled(
    z
      .array(reallocationLine)
      .min(1, "Ange minst en nivå.")
      .max(200)
      .refine(
        (lines) => new Set(lines.map((l) => l.levelId)).size === lines.length,
        "Varje nivå får förekomma en gång.",
      ),
    "Ändring av ram per nivå",
  ),
});
export type ReallocationInput = z.infer<typeof reallocationInput>;
export const reallocationPatch = nonEmptyPatch(reallocationInput.partial());
export const reallocationDecision = z.object({
  outcome: labelled(z.enum(reallocationStatuses).exclude(["forslag"]), "Beslut"),
  decisionRef: labelled(decisionRef, "Beslut (diarienummer/§)"),
  decidedOn: labelled(date, "Beslutsdatum"),
});

export const fundEntryInput = z.object({
  year: labelled(year, "År"),
  kind: labelled(z.enum(fundEntryKinds).exclude(["ianspraktagande"]), "Slag"),
  amountKr: labelled(kronor, "Belopp i kronor (överskott +, underskott −)"),
  decisionRef: labelled(decisionRef, "Beslut (diarienummer/§)"),
  decidedOn: labelled(date, "Beslutsdatum"),
  decidedBy: labelled(z.string().trim().min(1).max(100), "Beslutat av"),
  note: labelled(optionalText(2000), "Anteckning"),
});
export type FundEntryInput = z.infer<typeof fundEntryInput>;

const base64 = z
  .string()
  .min(1, "Filen är tom.")
  // The alphabet is checked where the file is decoded (import/base64.ts, in the worker for a large file).
  .max(28_000_000, "Filen är för stor (högst 20 MB).");
const fileEncodings = ["auto", "utf-8", "windows-1252", "cp437"] as const;

export const importPreviewInput = z.object({
  fileName: labelled(z.string().trim().min(1).max(255), "Filnamn"),
  contentBase64: labelled(base64, "Fil (CSV, XLSX eller SIE 4)"),
  encoding: labelled(z.enum(fileEncodings).default("auto"), "Teckenkodning"),
  sheet: labelled(z.string().max(100).optional(), "Blad"),
});
export type ImportPreviewInput = z.infer<typeof importPreviewInput>;

export const importInput = importPreviewInput.extend({
  kind: labelled(z.enum(importKinds), "Innehåll"),
  forecastId: labelled(z.uuid().nullish(), "Prognos"),
  sign: labelled(z.enum(signConventions).default("ledger"), "Tecken på beloppen"),
  mapping: labelled(
    z.object({
      amount: labelled(z.string().trim().min(1, "Ange kolumnen för belopp."), "Belopp"),
      period: labelled(z.string().trim().min(1).optional(), "Period"),
      konto: labelled(z.string().trim().min(1).optional(), "Konto"),
      ansvar: labelled(z.string().trim().min(1).optional(), "Ansvar"),
      verksamhet: labelled(z.string().trim().min(1).optional(), "Verksamhet"),
      level: labelled(z.string().trim().min(1).optional(), "Nivå"),
    }),
    "Kolumner",
  ).optional(),
  sie: labelled(
    z.object({
      ansvarDim: labelled(z.string().regex(/^\d+$/).nullish(), "Ansvarsdimension"),
      verksamhetDim: labelled(z.string().regex(/^\d+$/).nullish(), "Verksamhetsdimension"),
    }),
    "SIE-dimensioner",
  ).optional(),
  unmatched: labelled(z.enum(["error", "skip"]).default("error"), "Rader utan nivå"),
});
export type ImportInput = z.infer<typeof importInput>;
/** An import's settings without the file (the CLI names a file on disk instead). */
export const importSettings = importInput.omit({ contentBase64: true });
export type ImportSettings = z.infer<typeof importSettings>;
