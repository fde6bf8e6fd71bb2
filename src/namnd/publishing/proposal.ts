// The masks Lots proposes before a text is published: every personnummer or samordningsnummer (found by
// Kvalitet's rule, which errs on masking too much) and every mention of a private person the nämnd's record
// knows by name (a skrivelse's private sender), with the genitive -s. Pure.
import { maskPersonnummer } from "../../kvalitet/index.ts";
import type { SourceBlock, Span } from "./masking.ts";
import type { MaskKind } from "./vocabulary.ts";

export type ProposedMask = Span & { kind: MaskKind };

/** The spans of `text` that Kvalitet's rule masks: the changed characters, a - or + inside one number kept in it. */
export function personnummerSpans(text: string): { start: number; end: number }[] {
  const masked = maskPersonnummer(text).text;
  const spans: { start: number; end: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    if (masked[i] === text[i]) continue;
    const last = spans[spans.length - 1];
    if (last && (i === last.end || (i === last.end + 1 && /[-+]/.test(text[last.end] as string)))) last.end = i + 1;
    else spans.push({ start: i, end: i + 1 });
  }
  return spans;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Where a name occurs as whole words (any case, any run of spaces between its parts, "s" of the genitive included). */
export function nameSpans(text: string, name: string): { start: number; end: number }[] {
  const parts = name.trim().split(/\s+/).filter(Boolean).map(escapeRegExp);
  if (parts.length === 0) return [];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${parts.join("\\s+")}s?(?![\\p{L}\\p{N}])`, "giu");
  return [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** The proposed masks of a whole text, in text order. */
export function proposeMasks(blocks: readonly SourceBlock[], privateNames: readonly string[]): ProposedMask[] {
  const proposed: ProposedMask[] = [];
  blocks.forEach((b, block) => {
    for (const s of personnummerSpans(b.text)) proposed.push({ block, ...s, kind: "personnummer" });
    for (const name of new Set(privateNames)) {
      for (const s of nameSpans(b.text, name)) proposed.push({ block, ...s, kind: "namn" });
    }
  });
  return proposed.sort((a, b) => a.block - b.block || a.start - b.start || a.end - b.end);
}
