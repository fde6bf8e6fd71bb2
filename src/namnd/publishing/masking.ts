// The masking of a text for publication, pure and browser-safe (the review page previews with it): the text
// is a list of blocks; a mask covers a span of one block; the reviewer keeps or lifts each proposed mask and
// may add their own, a reason required for both; overlapping masks are merged before they are applied; an item
// left out under OSL is replaced by its label and "Utelämnad enligt …". The proposals themselves are made
// server-side (proposal.ts), the checksum in checksum.ts.
import type { FieldProblem } from "../../platform/validation.ts";
import { type BlockStyle, type MaskKind, maskPlaceholders } from "./vocabulary.ts";

/** A block of the text before masking; `itemId` ties it to an agenda item (null for the meeting's own lines). */
export type SourceBlock = { style: BlockStyle; text: string; itemId: string | null };
/** A block as published. */
export type PublicBlock = { style: BlockStyle; text: string };
/** An agenda item of the text: its id and the label that stands in for it when left out ("§ 179", "3."). */
export type SourceItem = { id: string; label: string };
export type Source = { blocks: SourceBlock[]; items: SourceItem[] };

/** Characters [start, end) of block `block`. */
export type Span = { block: number; start: number; end: number };
export type MaskOrigin = "forslag" | "granskare";
export type Mask = Span & { kind: MaskKind; origin: MaskOrigin; reason: string | null };
export type LiftedMask = Span & { kind: MaskKind; reason: string };
export type OmittedItem = { itemId: string; label: string; lagrum: string };

/** The reviewer's decisions: masks added (with kind and reason) and proposed masks lifted (with reason). */
export type Review = {
  added: readonly (Span & { kind: MaskKind; reason: string })[];
  lifted: readonly (Span & { reason: string })[];
};

export const sameSpan = (a: Span, b: Span) => a.block === b.block && a.start === b.start && a.end === b.end;

/** What a span covers, for showing the reviewer. */
export const spanText = (blocks: readonly { text: string }[], s: Span) =>
  blocks[s.block]?.text.slice(s.start, s.end) ?? "";

/** Problems of a review against the text and the proposals, each naming its row (`added.2.end`). */
export function reviewProblems(
  blocks: readonly { text: string }[],
  proposed: readonly Span[],
  review: Review,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  review.added.forEach((a, i) => {
    const block = blocks[a.block];
    if (!block) problems.push({ field: `added.${i}.block`, message: "Stycket finns inte i texten." });
    else if (a.start < 0 || a.end > block.text.length || a.start >= a.end) {
      problems.push({ field: `added.${i}.end`, message: "Markeringen ligger utanför stycket eller är tom." });
    }
    if (!a.reason.trim()) problems.push({ field: `added.${i}.reason`, message: "Ange varför texten maskeras." });
  });
  review.lifted.forEach((l, i) => {
    if (!proposed.some((p) => sameSpan(p, l))) {
      problems.push({ field: `lifted.${i}`, message: "Bara en föreslagen maskering kan tas bort." });
    }
    if (!l.reason.trim()) problems.push({ field: `lifted.${i}.reason`, message: "Ange varför maskeringen tas bort." });
    if (review.lifted.findIndex((o) => sameSpan(o, l)) !== i) {
      problems.push({ field: `lifted.${i}`, message: "Maskeringen är redan borttagen." });
    }
  });
  return problems;
}

/** The masks to apply: the proposals not lifted, then the reviewer's own, in text order. */
export function finalMasks(proposed: readonly (Span & { kind: MaskKind })[], review: Review): Mask[] {
  const kept = proposed
    .filter((p) => !review.lifted.some((l) => sameSpan(l, p)))
    .map((p) => ({
      block: p.block,
      start: p.start,
      end: p.end,
      kind: p.kind,
      origin: "forslag" as const,
      reason: null,
    }));
  const added = review.added.map((a) => ({
    block: a.block,
    start: a.start,
    end: a.end,
    kind: a.kind,
    origin: "granskare" as const,
    reason: a.reason.trim(),
  }));
  return [...kept, ...added].sort((a, b) => a.block - b.block || a.start - b.start || a.end - b.end);
}

/**
 * One block's masks as disjoint spans: overlapping or touching masks become one, which keeps its kind when
 * they agree and is "ovrigt" otherwise (one placeholder, never text between two).
 */
export function mergeSpans(masks: readonly { start: number; end: number; kind: MaskKind }[]) {
  const merged: { start: number; end: number; kind: MaskKind }[] = [];
  for (const m of [...masks].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const last = merged[merged.length - 1];
    if (last && m.start <= last.end) {
      last.end = Math.max(last.end, m.end);
      if (last.kind !== m.kind) last.kind = "ovrigt";
    } else merged.push({ start: m.start, end: m.end, kind: m.kind });
  }
  return merged;
}

/** The text with each (merged) masked span replaced by its placeholder. */
export function applyMasks(text: string, masks: readonly { start: number; end: number; kind: MaskKind }[]): string {
  let out = "";
  let at = 0;
  for (const m of mergeSpans(masks)) {
    out += text.slice(at, m.start) + maskPlaceholders[m.kind];
    at = m.end;
  }
  return out + text.slice(at);
}

/** "Utelämnad enligt OSL 26 kap. 1 §": what stands in for an item left out. */
export const omissionText = (lagrum: string) => `Utelämnad enligt ${lagrum}`;

/**
 * The text as published: every block masked, and each item left out replaced by its label and the
 * omission's text (its title and content are not published at all).
 */
export function publishedBlocks(
  source: Source,
  masks: readonly Mask[],
  omitted: readonly OmittedItem[],
): PublicBlock[] {
  const out: PublicBlock[] = [];
  const written = new Set<string>();
  source.blocks.forEach((b, i) => {
    const omission = b.itemId ? omitted.find((o) => o.itemId === b.itemId) : undefined;
    if (omission) {
      if (written.has(omission.itemId)) return;
      written.add(omission.itemId);
      out.push({ style: "h2", text: omission.label }, { style: "p", text: omissionText(omission.lagrum) });
      return;
    }
    out.push({
      style: b.style,
      text: applyMasks(
        b.text,
        masks.filter((m) => m.block === i),
      ),
    });
  });
  return out;
}
