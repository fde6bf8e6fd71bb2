// A published dataset as the public reads it: tables of plain values (no ids of people, no free text), the
// small counts already suppressed, and for the goal follow-up the indicator values in Kolada's shape.
// Pure: the sources build it, the publication stores it, the public routes serve it as JSON and CSV.
import { createHash } from "node:crypto";
import { suppressGroup } from "../evb/index.ts";
import { type CsvCell, csvDocument } from "../platform/csv.ts";
import type { KoladaDataRow } from "../styrning/index.ts";

export type Cell = string | number | null;
/** "number" cells are null where the value is missing or suppressed; "period" is a year or a quarter. */
export type ColumnType = "text" | "number" | "period";
export type Column = { key: string; label: string; type: ColumnType };
export type PublicTable = { key: string; title: string; columns: Column[]; rows: Record<string, Cell>[] };
export type KoladaRow = Omit<KoladaDataRow, "row">;

export type PublishedContent = { tables: PublicTable[]; kolada: KoladaRow[] | null };

/** sha256 over the published content, in a fixed key order so the same data always has the same sum. */
export function contentChecksum(content: PublishedContent): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === "object"
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
          )
        : value;
  return createHash("sha256")
    .update(JSON.stringify(canonical(content)))
    .digest("hex");
}

/**
 * A table as machine-readable CSV: a header row of the column keys, `.` decimals and ISO periods (numbers
 * are written as numbers), an empty cell where the value is missing or suppressed. Written through the
 * platform's CSV writer (semicolons, UTF-8 with BOM, no formulas), so it also opens in Swedish Excel.
 */
export function tableCsv(table: PublicTable): string {
  const header: CsvCell[] = table.columns.map((c) => c.key);
  return csvDocument([header, ...table.rows.map((row) => table.columns.map((c) => row[c.key] ?? null))]);
}

/**
 * Counts of 1 or 2 can single out a person, so they are published as null (shown as "–"). A group whose
 * sum is published elsewhere hides a second cell when only one is small, so it cannot be recovered by
 * subtraction (EVB's rule, reused).
 */
export const suppressedGroup = suppressGroup;
export const suppressedOne = (count: number): number | null => suppressGroup([count])[0] ?? null;
