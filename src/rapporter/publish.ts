// A published report is frozen: the assembled report (every figure and text as the reader saw it) and its
// findings, with a SHA-256 checksum over the report's canonical JSON (keys sorted, so the same content always
// gives the same sum). Comparing the frozen report with one assembled from today's data names each figure
// that changed since. Pure.
import { createHash } from "node:crypto";
import type { Finding } from "./checks.ts";
import type { AssembledReport, Segment } from "./model.ts";

export type FrozenReport = { report: AssembledReport; findings: Finding[] };

/** JSON with every object's keys in order: a stable text of the same content. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export const reportChecksum = (report: AssembledReport) =>
  createHash("sha256").update(canonicalJson(report)).digest("hex");

/** A figure that reads differently in today's data than in the published report. */
export type FigureChange = { chapter: string; where: string; published: string; now: string };

type Shown = { chapter: string; where: string; text: string; hidden?: boolean; cell?: string };

/**
 * Every figure a report shows, keyed by its place: table cells, and bound figures in texts and tiles (with the
 * cell each is bound to, "table.row.column").
 */
function figuresOf(report: AssembledReport): Map<string, Shown> {
  const figures = new Map<string, Shown>();
  const bound = (chapter: string, name: string, segments: Segment[]) => {
    for (const s of segments) {
      if (s.figure) {
        figures.set(`${chapter}/${name}/${s.figure.ref}`, {
          chapter,
          where: `${name}: {${s.figure.ref}}`,
          text: s.text,
          cell: `${s.figure.table}.${s.figure.row}.${s.figure.column}`,
        });
      }
    }
  };
  for (const chapter of report.chapters) {
    for (const block of chapter.blocks) {
      switch (block.kind) {
        case "table":
          for (const row of block.rows) {
            for (const column of block.columns) {
              figures.set(`${chapter.id}/${block.id}/${row.key}/${column.key}`, {
                chapter: chapter.title,
                where: `${block.caption}, ${row.label}, ${column.label}`,
                text: row.cells[column.key]?.text ?? "–",
                cell: `${block.id}.${row.key}.${column.key}`,
                hidden: row.cells[column.key]?.hidden === true,
              });
            }
          }
          break;
        case "tile":
          bound(chapter.title, block.label, block.segments);
          break;
        case "fixed":
        case "authored":
          bound(chapter.title, block.heading ?? chapter.title, block.segments);
          break;
        case "list":
          for (const item of block.items) bound(chapter.title, block.title, item);
          break;
        case "register":
          // A register's rows have no key: they are compared by position, a row added or gone shows as "saknas".
          block.rows.forEach((row, i) => {
            block.columns.forEach((column, j) => {
              figures.set(`${chapter.id}/${block.id}/${i}/${j}`, {
                chapter: chapter.title,
                where: `${block.title}, rad ${i + 1}, ${column}`,
                text: row[j] ?? "",
              });
            });
          });
          break;
        default:
          break;
      }
    }
  }
  return figures;
}

/**
 * What reads differently now than when the report was published, in the published report's order. A count
 * hidden from today's reader ("–") is not a change: the published figure is what the data holds.
 */
export function figureChanges(published: AssembledReport, now: AssembledReport): FigureChange[] {
  const before = figuresOf(published);
  const after = figuresOf(now);
  const hidden = new Set([...after.values()].flatMap((f) => (f.hidden && f.cell ? [f.cell] : [])));
  const changes: FigureChange[] = [];
  for (const [key, old] of before) {
    if (old.cell && hidden.has(old.cell)) continue;
    const current = after.get(key);
    if (current?.text !== old.text) {
      changes.push({ chapter: old.chapter, where: old.where, published: old.text, now: current?.text ?? "saknas" });
    }
  }
  for (const [key, current] of after) {
    if (!before.has(key))
      changes.push({ chapter: current.chapter, where: current.where, published: "saknas", now: current.text });
  }
  return changes;
}
