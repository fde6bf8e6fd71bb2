// Turns a stored audit event (entity name, rows before and after in their own column names) into what a
// person reads: the entity's Swedish name, the record's title, and the changed fields with labels and
// values formatted for people. Pure: the vocabulary comes in as data.
import { formatCount, formatKr, formatNumber } from "../i18n/format.ts";
import type { BulkRowChange } from "./audit.ts";
import { type AuditLabels, commonColumnLabels } from "./labels.ts";

export type AuditChange = { field: string; label: string; from: string; to: string };
export type DescribedEvent = { entityLabel: string; title: string | null; changes: AuditChange[] };

/** Never shown, not even as "Visa data": credentials, and document bodies (possibly megabytes). */
const hiddenColumns = new Set(["password_hash", "csrf_token", "content"]);
const HIDDEN = "(dolt)";
/** Bookkeeping that differs on every update and says nothing about the change. */
const unchangedColumns = new Set(["updated_at", "created_at"]);
/** Numbers that are names rather than amounts: no thousands grouping ("2024", not "2 024"). */
const plainNumberColumn = /^(year|number|nr|position|sort_order|code)$|_(year|no|number|nr)$/;
const MAX_TEXT = 80;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const dateTime = new Intl.DateTimeFormat("sv-SE", {
  dateStyle: "short",
  timeStyle: "short",
  timeZone: "Europe/Stockholm",
});

type Row = Record<string, unknown>;
const isRow = (value: unknown): value is Row => typeof value === "object" && value !== null && !Array.isArray(value);

/** "riskIds" → "Risk ids", "copied_from" → "Copied from": for snapshot keys that are no table column. */
export function humanise(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function shorten(text: string, max = MAX_TEXT): string {
  // Line breaks and runs of spaces, not the no-break spaces of sv-SE numbers.
  const oneLine = text.replace(/[ \t\r\n]+/g, " ").trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

export const entityLabel = (labels: AuditLabels, entity: string): string => labels[entity]?.label ?? humanise(entity);

/** "adjustedOn" → "adjusted_on": some events record a service's camelCase input beside the stored row. */
const snakeCase = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The column's label: the entity's own, else the common one (also under its snake_case name), else humanised. */
export function columnLabel(labels: AuditLabels, entity: string, column: string): string {
  const own = labels[entity]?.columns;
  const snake = snakeCase(column);
  return own?.[column] ?? commonColumnLabels[column] ?? own?.[snake] ?? commonColumnLabels[snake] ?? humanise(column);
}

/** True when the vocabulary names this column (the coverage test holds every table column to this). */
export const hasColumnLabel = (labels: AuditLabels, entity: string, column: string): boolean =>
  labels[entity]?.columns?.[column] !== undefined || commonColumnLabels[column] !== undefined;

/**
 * One stored value for people: dates as YYYY-MM-DD (the Swedish form), timestamps in Swedish time,
 * booleans ja/nej, `*_kr` as money, ids shortened, long text cut, nothing as "–".
 */
export function formatAuditValue(column: string, value: unknown, codes?: Readonly<Record<string, string>>): string {
  if (value === null || value === undefined || value === "") return "–";
  if (hiddenColumns.has(column)) return HIDDEN;
  if (typeof value === "boolean") return value ? "ja" : "nej";
  if (typeof value === "number") {
    if (column.endsWith("_kr")) return formatKr(value);
    return plainNumberColumn.test(column) ? String(value) : formatNumber(value);
  }
  if (typeof value === "string") {
    const code = codes?.[value];
    if (code !== undefined) return code;
    if (DATE.test(value)) return value;
    if (TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value))) return dateTime.format(new Date(value));
    if (UUID.test(value)) return value.slice(0, 8);
    // int8 columns may arrive as text from PostgreSQL.
    if (column.endsWith("_kr") && /^-?\d+$/.test(value)) return formatKr(Number(value));
    return shorten(value);
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? "–" : shorten(value.map((v) => formatAuditValue(column, v, codes)).join(", "));
  }
  return shorten(JSON.stringify(value));
}

const PLACEHOLDER = /\{([a-z_][a-z0-9_]*)(?::(\d+))?\}/gi;

/** The first template whose placeholders all have a value in the row, filled in; null when none fits. */
export function composeTitle(
  templates: readonly string[],
  row: Row,
  values?: Readonly<Record<string, Readonly<Record<string, string>>>>,
): string | null {
  for (const template of templates) {
    const columns = [...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
    const missing = columns.some((c) => row[c] === null || row[c] === undefined || row[c] === "");
    if (columns.length === 0 || missing) continue;
    const text = template.replace(PLACEHOLDER, (_, column: string, pad?: string) =>
      pad ? String(row[column]).padStart(Number(pad), "0") : formatAuditValue(column, row[column], values?.[column]),
    );
    return shorten(text, 120);
  }
  return null;
}

/** The fields an update changed, in the order of the row after it; none for a create or delete. */
function changesOf(labels: AuditLabels, entity: string, before: unknown, after: unknown): AuditChange[] {
  if (!isRow(before) || !isRow(after)) return [];
  const values = labels[entity]?.values;
  // Only the keys the event's "after" holds: some events record just the part that changed, some as the
  // service's camelCase input against the stored row before.
  return Object.keys(after).flatMap((field) => {
    const column = snakeCase(field);
    const was = field in before ? before[field] : before[column];
    if (unchangedColumns.has(column) || JSON.stringify(was ?? null) === JSON.stringify(after[field] ?? null)) return [];
    const codes = values?.[column];
    const change = {
      field,
      label: columnLabel(labels, entity, field),
      from: formatAuditValue(column, was, codes),
      to: formatAuditValue(column, after[field], codes),
    };
    // An empty list recorded where the row had none: nothing a reader would call a change.
    return change.from === "–" && change.to === "–" ? [] : [change];
  });
}

const isBulkRow = (value: unknown): value is BulkRowChange =>
  isRow(value) &&
  typeof value.id === "string" &&
  typeof value.label === "string" &&
  (typeof value.column === "string" || value.column === null);

/**
 * A bulkEvent's rows as changes, each named by its own label; null for any other event. A row written with
 * several columns lists each changed column, or says it is new (its values stay in the row, as for a create).
 */
function bulkChanges(labels: AuditLabels, entity: string, after: unknown): AuditChange[] | null {
  if (!isRow(after) || !Array.isArray(after.rows) || !after.rows.every(isBulkRow)) return null;
  return after.rows.flatMap((r) => {
    if (r.column !== null) {
      return [
        {
          field: r.id,
          label: r.label,
          from: formatAuditValue(r.column, r.before),
          to: formatAuditValue(r.column, r.after),
        },
      ];
    }
    if (!isRow(r.before)) return [{ field: r.id, label: r.label, from: "–", to: "ny" }];
    return changesOf(labels, entity, r.before, r.after).map((c) => ({
      ...c,
      field: `${r.id}.${c.field}`,
      label: `${r.label}: ${c.label}`,
    }));
  });
}

export function describeEvent(
  labels: AuditLabels,
  event: { entity: string; before: unknown; after: unknown },
): DescribedEvent {
  const bulk = bulkChanges(labels, event.entity, event.after);
  if (bulk) {
    const rows = (event.after as { rows: unknown[] }).rows.length;
    return {
      entityLabel: entityLabel(labels, event.entity),
      title: formatCount(rows, "ändring", "ändringar"),
      changes: bulk,
    };
  }
  const entity = labels[event.entity];
  // An update may record only what changed: the title's columns may be in the row before it.
  const rows = [event.before, event.after].filter(isRow);
  const row = rows.length > 0 ? Object.assign({}, ...rows) : null;
  return {
    entityLabel: entityLabel(labels, event.entity),
    title: entity?.title && row ? composeTitle(entity.title, row, entity.values) : null,
    changes: changesOf(labels, event.entity, event.before, event.after),
  };
}

/** A snapshot for the raw "Visa data" view, with the hidden columns' values replaced. */
export function withoutHidden(snapshot: unknown): unknown {
  if (!isRow(snapshot)) return snapshot;
  return Object.fromEntries(
    Object.entries(snapshot).map(([k, v]) => [k, hiddenColumns.has(k) && v !== null ? HIDDEN : v]),
  );
}

/** The entities as options of a filter, by their Swedish name. */
export function entityOptions(labels: AuditLabels): { entity: string; label: string }[] {
  return Object.entries(labels)
    .map(([entity, l]) => ({ entity, label: l.label }))
    .sort((a, b) => a.label.localeCompare(b.label, "sv") || a.entity.localeCompare(b.entity));
}
