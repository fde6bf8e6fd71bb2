import type ExcelJS from "exceljs";
import { z } from "zod";
import type { Actor } from "../platform/auth/access.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { newWorkbook } from "../platform/documents/workbook.ts";
import { DomainError } from "../platform/errors.ts";
import { formatCount, formatMegabytes, parseSwedishNumber } from "../platform/i18n/format.ts";
import { write } from "../platform/service.ts";
import { describeIssues, type FieldProblem } from "../platform/validation.ts";
import { canReadStyrning, requireStyrningRead } from "./access.ts";
import { combinationsOf, memberSetKey } from "./combinations.ts";
import { dimensionsOf } from "./indicators-service.ts";
import { type PeriodType, periodsOfYear } from "./period.ts";
import * as repo from "./repository.ts";
import { levelsByScale } from "./scales-service.ts";
import { periodKey } from "./schema.ts";
import type { StyrningDB } from "./tables.ts";
import { saveValues, type ValueRequest } from "./values-service.ts";
import {
  type Gender,
  type GenderSplit,
  genderLabel,
  gendersFor,
  parseGender,
  type ValueSource,
  type ValueState,
  valueSourceLabels,
  valueStateLabels,
} from "./vocabulary.ts";

type Db = DbOf<StyrningDB>;

const columns = [
  { key: "indicatorId", header: "Indikator-id", width: 38 },
  { key: "indicator", header: "Indikator", width: 48 },
  { key: "orgNode", header: "Organisation", width: 28 },
  { key: "unit", header: "Enhet", width: 10 },
  { key: "period", header: "Period", width: 10 },
  { key: "gender", header: "Kön", width: 16 },
  { key: "parts", header: "Del", width: 28 },
  { key: "value", header: "Värde", width: 14 },
  { key: "state", header: "Saknas", width: 18 },
  { key: "source", header: "Källa", width: 12 },
  { key: "note", header: "Anteckning", width: 40 },
  { key: "reason", header: "Orsak till rättelse", width: 40 },
] as const;

/**
 * Every period of the years for every readable indicator around the node, filled where a value
 * exists: the same sheet is the report and the entry template.
 */
export async function exportValuesXlsx(
  db: Db,
  actor: Actor,
  orgNodeId: string,
  from: number,
  to: number,
): Promise<Buffer> {
  const node = await requireStyrningRead(db, actor, orgNodeId);
  const indicators = (await repo.indicatorsAround(db, node.path)).filter(
    (i) => i.active && canReadStyrning(actor, i.path),
  );
  const ids = indicators.map((i) => i.id);
  const [values, scales, dimensionsFor] = await Promise.all([
    repo.valuesOf(db, ids, { from, to }),
    levelsByScale(
      db,
      indicators.map((i) => i.status_scale_id),
    ),
    dimensionsOf(db, ids),
  ]);
  const workbook = await newWorkbook();
  workbook.creator = "Lots";
  const sheet = workbook.addWorksheet("Indikatorvärden", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ key: c.key, header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const i of indicators) {
    const split = i.gender_split as GenderSplit;
    const levels = i.status_scale_id ? (scales.get(i.status_scale_id) ?? []) : [];
    // The whole per sex, then each combination of parts of its dimensions (their total).
    const rows = [
      ...gendersFor(split).map((gender) => ({ gender, memberIds: [] as string[], label: "" })),
      ...combinationsOf(dimensionsFor(i.id)).map((c) => ({ gender: "T" as Gender, ...c })),
    ];
    for (let year = from; year <= to; year++) {
      for (const period of periodsOfYear(i.period_type as PeriodType, year)) {
        for (const { gender, memberIds, label } of rows) {
          // The indicator's own outcomes: forecasts and other nämnders' values are not in the sheet.
          const v = values.find(
            (x) =>
              x.indicator_id === i.id &&
              x.period === period &&
              x.gender === gender &&
              memberSetKey(x.member_ids) === memberSetKey(memberIds) &&
              x.value_kind === "outcome" &&
              x.org_node_id === i.org_node_id,
          );
          sheet.addRow({
            indicatorId: i.id,
            indicator: i.name,
            orgNode: i.org_node_name,
            unit: i.unit,
            period,
            gender: genderLabel(split, gender),
            parts: label || null,
            value:
              v?.state === "value"
                ? v.status_code
                  ? (levels.find((l) => l.code === v.status_code)?.label ?? v.status_code)
                  : v.value
                : null,
            state: v && v.state !== "value" ? valueStateLabels[v.state as ValueState] : null,
            source: v ? valueSourceLabels[v.source as ValueSource] : null,
            note: v?.note ?? null,
          });
        }
      }
    }
  }
  sheet.getColumn("period").numFmt = "@";
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function cellValue(value: ExcelJS.CellValue): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return value;
  if (typeof value === "string") return value.trim() === "" ? null : value.trim();
  if (typeof value === "boolean") return value ? "1" : "0";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("result" in value) return cellValue(value.result as ExcelJS.CellValue);
    if ("richText" in value) return cellValue(value.richText.map((r) => r.text).join(""));
    if ("text" in value) return cellValue(value.text as string);
  }
  return null;
}

const stateWords: Record<string, Exclude<ValueState, "value">> = {
  "ej publicerat än": "not_published",
  "ej publicerat": "not_published",
  "ej publicerad": "not_published",
  "inte publicerat": "not_published",
  "mäts inte": "not_measured",
  "ej mätt": "not_measured",
  "mäts ej": "not_measured",
};

const row = z.object({
  indicatorId: z.uuid("Indikator-id saknas eller är ogiltigt; använd en exporterad mall."),
  period: z.union([z.number().int().transform(String), z.string()]).pipe(periodKey),
  gender: z.union([z.string(), z.null()]).transform((v, ctx) => {
    if (v === null) return "T" as Gender;
    const g = parseGender(v);
    if (!g)
      ctx.addIssue({ code: "custom", message: `Okänt kön "${v}"; skriv Totalt, Kvinnor, Män, Flickor eller Pojkar.` });
    return g ?? "T";
  }),
  /** The parts as exported ("0–12 år · Enhet norr"), or their codes; empty for the whole. */
  parts: z.union([z.string(), z.number().transform(String), z.null()]).transform((v) =>
    v === null
      ? []
      : v
          .split("·")
          .map((p) => p.trim())
          .filter(Boolean),
  ),
  value: z.union([z.number(), z.string(), z.null()]),
  state: z.union([z.string(), z.null()]).transform((v, ctx) => {
    if (v === null) return null;
    const state = stateWords[v.toLowerCase()];
    if (!state)
      ctx.addIssue({ code: "custom", message: `Skriv "Ej publicerat än" eller "Mäts inte", eller lämna tomt.` });
    return state ?? null;
  }),
  note: z.union([z.string().max(2000), z.null()]),
  reason: z.union([z.string().max(2000), z.null()]),
});

/** The exported template has one row per indicator, period and sex: tens of thousands at most. */
export const MAX_VALUES_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_VALUE_ROWS = 50_000;

/** Reads the exported sheet back: rows with neither value nor "Saknas" are left as they are. All or nothing. */
export async function importValuesXlsx(db: Db, actor: Actor, orgNodeId: string, file: Buffer, reason: string | null) {
  if (file.length > MAX_VALUES_FILE_BYTES) {
    throw new DomainError(
      "payload_too_large",
      `Excel-filen är för stor: högst ${formatMegabytes(MAX_VALUES_FILE_BYTES)} MB, den här är ${formatMegabytes(file.length)} MB. Importera färre indikatorer eller år åt gången.`,
    );
  }
  const workbook = await newWorkbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new DomainError("validation", "Filen är inte en giltig Excel-fil (xlsx).");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new DomainError("validation", "Excel-filen har inget kalkylblad.");
  if (sheet.rowCount > MAX_VALUE_ROWS + 1) {
    throw new DomainError(
      "payload_too_large",
      `Excel-filen har för många rader (${sheet.rowCount.toLocaleString("sv-SE")}): högst ${formatCount(MAX_VALUE_ROWS, "värde", "värden")} per fil. Importera färre indikatorer eller år åt gången.`,
    );
  }
  const headers = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const text = cellValue(cell.value);
    if (typeof text === "string") headers.set(text.toLowerCase(), col);
  });
  const missing = ["Indikator-id", "Period", "Värde"].filter((h) => !headers.has(h.toLowerCase()));
  if (missing.length) {
    throw new DomainError(
      "validation",
      `Kolumnerna ${missing.join(", ")} saknas på rad 1; utgå från en exporterad mall.`,
    );
  }
  const at = (r: ExcelJS.Row, header: string) => {
    const col = headers.get(header.toLowerCase());
    return col ? cellValue(r.getCell(col).value) : null;
  };
  const problems: FieldProblem[] = [];
  const requests: ValueRequest[] = [];
  let rows = 0;
  sheet.eachRow((r, rowNumber) => {
    if (rowNumber === 1) return;
    const raw = {
      indicatorId: at(r, "Indikator-id"),
      period: at(r, "Period"),
      gender: at(r, "Kön"),
      parts: at(r, "Del"),
      value: at(r, "Värde"),
      state: at(r, "Saknas"),
      note: at(r, "Anteckning"),
      reason: at(r, "Orsak till rättelse"),
    };
    if (raw.value === null && raw.state === null) return;
    rows += 1;
    const parsed = row.safeParse(raw);
    if (!parsed.success) {
      problems.push(...describeIssues(parsed.error, rowNumber));
      return;
    }
    const p = parsed.data;
    let value: number | null = null;
    let statusCode: string | null = null;
    if (p.state === null) {
      if (typeof p.value === "number") value = p.value;
      else if (p.value !== null) {
        // A number typed as Swedish text ("12,9") or a status label ("Påbörjad"); saveValues checks which fits.
        value = parseSwedishNumber(p.value.replace(/%$/, ""));
        if (value === null) statusCode = p.value;
      }
    } else if (p.value !== null) {
      problems.push({
        row: rowNumber,
        field: "Värde",
        message: "Ange antingen ett värde eller att det saknas, inte båda.",
      });
      return;
    }
    requests.push({
      indicatorId: p.indicatorId,
      period: p.period,
      gender: p.gender,
      members: p.parts,
      state: p.state ?? "value",
      value,
      statusCode,
      note: p.note,
      publishedAt: null,
      reason: p.reason,
      row: rowNumber,
    });
  });
  if (problems.length) {
    const rejected = new Set(problems.map((p) => p.row)).size;
    throw new DomainError(
      "validation",
      `Inget importerades: ${rejected} av ${formatCount(rows, "rad", "rader")} har fel.`,
      {
        problems,
        accepted: 0,
        rejected,
      },
    );
  }
  return write(db, actor, "write:styrning", orgNodeId, async ({ trx }) => {
    const result = await saveValues(trx, actor, requests, { source: "import", sourceRef: "Excel", reason });
    return { ...result, accepted: requests.length, rejected: 0 };
  });
}
