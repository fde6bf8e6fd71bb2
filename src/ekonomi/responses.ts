// What the ekonomi routes answer, in wire form (camelCase keys, dates as ISO strings). The routes declare
// these schemas, the OpenAPI document shows them and the web client takes its types from them, so this
// module stays browser-safe: zod and the pure vocabularies only.
import { z } from "zod";
import { issueCodes, issueSeverities } from "./consistency.ts";
import { fundEntryKinds, investmentCategories } from "./reports.ts";

const kr = z.number().int();
const optionalKr = kr.nullable();
const isoDate = z.iso.date();

const namndRef = z.object({ id: z.uuid(), name: z.string() });

export const namnderResponse = z.array(
  z.object({ id: z.uuid(), name: z.string(), years: z.array(z.number().int()), canWrite: z.boolean() }),
);

export const level = z.object({
  id: z.uuid(),
  namndId: z.uuid(),
  year: z.number().int(),
  name: z.string(),
  code: z.string().nullable(),
  orgNodeId: z.uuid().nullable(),
  sortOrder: z.number().int(),
});
export const levelsResponse = z.array(level);

export const mapping = z.object({
  id: z.uuid(),
  levelId: z.uuid(),
  dimension: z.string(),
  pattern: z.string(),
});

export const forecast = z.object({ id: z.uuid(), year: z.number().int(), name: z.string(), asOf: isoDate });
export const frame = z.object({ amountKr: kr, decisionRef: z.string().nullable() });

export const importRecord = z.object({
  id: z.uuid(),
  year: z.number().int(),
  format: z.string(),
  fileName: z.string(),
  kind: z.string(),
  forecastId: z.uuid().nullable(),
  settings: z.record(z.string(), z.unknown()),
  rowsRead: z.number().int(),
  rowsUsed: z.number().int(),
  rowsSkipped: z.number().int(),
  figuresChanged: z.number().int(),
  importedAt: z.iso.datetime(),
});
export const importsResponse = z.array(importRecord);

export const yearOverviewResponse = z.object({
  namnd: namndRef,
  year: z.number().int(),
  years: z.array(z.number().int()),
  canWrite: z.boolean(),
  levels: z.array(level.extend({ mappings: z.array(mapping) })),
  forecasts: z.array(forecast),
  frame: frame.nullable(),
  imports: z.array(importRecord),
});

export const figuresResponse = z.array(
  z.object({
    id: z.uuid(),
    levelId: z.uuid(),
    kind: z.string(),
    forecastId: z.uuid().nullable(),
    periodType: z.string(),
    periodNo: z.number().int(),
    amountKr: kr,
    importId: z.uuid().nullable(),
  }),
);
export const figuresChanged = z.object({ changed: z.number().int() });
export const figuresDeleted = z.object({ deleted: z.number().int() });

// ---------- reports ----------

export const issue = z.object({
  severity: z.enum(issueSeverities),
  code: z.enum(issueCodes),
  message: z.string(),
  row: z.string().optional(),
  column: z.string().optional(),
  stated: z.number().nullish(),
  computed: z.number().nullish(),
});

/** A forecast as the reports name it (without its year). */
const forecastInfo = z.object({ id: z.uuid(), name: z.string(), asOf: isoDate });

const followUpRow = z.object({
  levelId: z.uuid().nullable(),
  name: z.string(),
  orgNodeId: z.uuid().nullable(),
  bokslutPrevKr: optionalKr,
  budgetOriginalKr: optionalKr,
  ombudgeteringKr: optionalKr,
  budgetKr: optionalKr,
  prognosKr: optionalKr,
  intakterKr: optionalKr,
  kostnaderKr: optionalKr,
  nettoKr: optionalKr,
  avvikelseKr: optionalKr,
  prognosAvvikelseKr: optionalKr,
});

export const followUpResponse = z.object({
  namnd: namndRef,
  forecasts: z.array(forecastInfo),
  year: z.number().int(),
  throughMonth: z.number().int(),
  periodLabel: z.string(),
  complete: z.boolean(),
  previousComplete: z.boolean(),
  forecast: forecastInfo.nullable(),
  rows: z.array(followUpRow),
  total: followUpRow,
  issues: z.array(issue),
  texts: z.array(z.string()),
});

export const summaryResponse = z.object({
  namnd: namndRef,
  years: z.array(
    z.object({
      year: z.number().int(),
      complete: z.boolean(),
      intakterKr: optionalKr,
      kostnaderKr: optionalKr,
      nettoKr: optionalKr,
      budgetKr: optionalKr,
      avvikelseKr: optionalKr,
      investeringarNettoKr: optionalKr,
    }),
  ),
  issues: z.array(issue),
});

const accuracy = {
  prognosKr: optionalKr,
  utfallKr: optionalKr,
  differensKr: optionalKr,
  differensProcent: z.number().nullable(),
};
export const forecastAccuracyResponse = z.object({
  namnd: namndRef,
  years: z.array(
    z.object({
      year: z.number().int(),
      complete: z.boolean(),
      forecasts: z.array(
        z.object({
          forecast: forecastInfo,
          ...accuracy,
          budgetKr: optionalKr,
          prognosAvvikelseKr: optionalKr,
          avvikelseKr: optionalKr,
          missingLevels: z.array(z.string()),
          levels: z.array(z.object({ levelId: z.uuid(), name: z.string(), ...accuracy })),
        }),
      ),
    }),
  ),
});

export const budgetSplitResponse = z.object({
  namnd: namndRef,
  year: z.number().int(),
  basis: z.enum(["original", "revised"]),
  totalKr: optionalKr,
  frameKr: optionalKr,
  parts: z.array(
    z.object({ levelId: z.uuid(), name: z.string(), amountKr: kr, shareTenths: z.number().int().nullable() }),
  ),
  issues: z.array(issue),
});

export const checkTextResponse = z.object({ issues: z.array(issue), figures: z.number().int() });

// ---------- investments, reallocations, result fund ----------

const investmentAmounts = {
  budgetInkomsterKr: optionalKr,
  budgetUtgifterKr: optionalKr,
  bokslutInkomsterKr: optionalKr,
  bokslutUtgifterKr: optionalKr,
};
/** inkomster − utgifter for budget and bokslut, and their difference. */
const investmentNetto = { budgetNettoKr: optionalKr, bokslutNettoKr: optionalKr, avvikelseKr: optionalKr };

export const investment = z.object({
  id: z.uuid(),
  year: z.number().int(),
  category: z.enum(investmentCategories),
  name: z.string(),
  projectCode: z.string().nullable(),
  ...investmentAmounts,
  note: z.string().nullable(),
  sortOrder: z.number().int(),
});

export const investmentsResponse = z.object({
  categories: z.array(
    z.object({
      category: z.enum(investmentCategories),
      label: z.string(),
      lines: z.array(investment.extend(investmentNetto)),
      ...investmentAmounts,
      ...investmentNetto,
    }),
  ),
  total: z.object({ ...investmentAmounts, ...investmentNetto }),
});

export const reallocation = z.object({
  id: z.uuid(),
  year: z.number().int(),
  title: z.string(),
  reason: z.string().nullable(),
  financing: z.string(),
  status: z.string(),
  caseRef: z.string().nullable(),
  decisionRef: z.string().nullable(),
  decidedOn: isoDate.nullable(),
  lines: z.array(z.object({ levelId: z.uuid(), levelName: z.string(), amountKr: kr })),
  sumKr: kr,
});
export const reallocationsResponse = z.array(reallocation);

export const fundEntry = z.object({
  id: z.uuid(),
  year: z.number().int(),
  kind: z.enum(fundEntryKinds),
  amountKr: kr,
  decisionRef: z.string(),
  decidedOn: isoDate,
  decidedBy: z.string(),
  note: z.string().nullable(),
  reallocationId: z.uuid().nullable(),
});

export const resultFundResponse = z.object({
  namnd: namndRef,
  years: z.array(
    z.object({
      year: z.number().int(),
      resultKr: optionalKr,
      openingKr: kr,
      disposalKr: optionalKr,
      usageKr: kr,
      otherKr: kr,
      closingKr: kr,
      entries: z.array(fundEntry),
    }),
  ),
  balanceKr: kr,
});

// ---------- import ----------

const previewCommon = {
  fileName: z.string(),
  fileHash: z.string(),
  format: z.enum(["csv", "xlsx", "sie4"]),
  sizeBytes: z.number().int(),
  encoding: z.string().nullable(),
  problems: z.array(z.object({ row: z.number().int(), field: z.string(), message: z.string() })),
  problemCount: z.number().int(),
};

const count = z.number().int();
/** What a SIE 4 file holds, and which of its dimensions look like ansvar and verksamhet. */
const siePreview = z.object({
  ...previewCommon,
  sie: z.object({
    program: z.string().nullable(),
    company: z.string().nullable(),
    fiscalYears: z.array(z.object({ index: z.number().int(), start: z.string(), end: z.string() })),
    dimensions: z.array(z.object({ no: z.string(), name: z.string() })),
    suggested: z.object({ ansvarDim: z.string().nullable(), verksamhetDim: z.string().nullable() }),
    counts: z.object({
      vouchers: count,
      transactions: count,
      psaldo: count,
      pbudget: count,
      res: count,
      accounts: count,
    }),
  }),
});

/** A CSV or XLSX table: its columns, the first rows and a suggested column mapping. */
const tablePreview = z.object({
  ...previewCommon,
  sheet: z.string().nullable(),
  sheets: z.array(z.string()),
  headers: z.array(z.string()),
  sampleRows: z.array(z.object({ line: z.number().int(), cells: z.array(z.string()) })),
  rowCount: count,
  suggestedMapping: z
    .object({
      amount: z.string(),
      period: z.string(),
      konto: z.string(),
      ansvar: z.string(),
      verksamhet: z.string(),
      level: z.string(),
    })
    .partial(),
});

export const importPreviewResponse = z.union([siePreview, tablePreview]);

export const importResultResponse = z.object({
  import: importRecord,
  alreadyImported: z.boolean(),
  rowsRead: count,
  rowsUsed: count,
  rowsSkipped: count,
  skipped: z.object({ balanceAccounts: count, unmatched: count, otherYears: count }),
  figuresChanged: count,
});
