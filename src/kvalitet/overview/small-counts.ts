// The small-count rule of Kvalitet's joint view and trends. Händelser, lex Sarah and klagomål concern
// people: in a small unit a count of 1 can point out who. A reader who may not see the records
// (read:kvalitet) sees counts from 1 to SMALL_COUNT_LIMIT − 1 as "<5"; zero and larger counts as they
// are. Where parts add up to a shown total, one hidden part could be worked out by subtraction, so the
// next smallest part is hidden too (".."). Pure and browser-safe: the pages print the labels.

/** Counts 1–4 are hidden from readers without record access. */
export const SMALL_COUNT_LIMIT = 5;
/** How a hidden small count is shown. */
export const SMALL_COUNT_LABEL = "<5";
/** How a larger count is shown when it is hidden only so that a small one cannot be worked out. */
export const SUPPRESSED_LABEL = "..";

/** A count as a reader may see it. */
export type Shown = number | typeof SMALL_COUNT_LABEL | typeof SUPPRESSED_LABEL;

export const isSmall = (n: number) => n > 0 && n < SMALL_COUNT_LIMIT;

/** The count, or "<5" when it is small and the reader may not see the records. */
export const shownCount = (n: number, recordAccess: boolean): Shown =>
  recordAccess || !isSmall(n) ? n : SMALL_COUNT_LABEL;

/**
 * Parts of `total` (they add up to it). Small parts are hidden; when exactly one is and the total is
 * shown, the smallest other non-zero part is hidden too, so that no subtraction gives the small one away.
 */
export function shownParts(parts: readonly number[], total: number, recordAccess: boolean): Shown[] {
  if (recordAccess) return [...parts];
  const small = parts.map(isSmall);
  let secondary = -1;
  if (!isSmall(total) && small.filter(Boolean).length === 1) {
    parts.forEach((p, i) => {
      if (!small[i] && p > 0 && (secondary < 0 || p < (parts[secondary] ?? 0))) secondary = i;
    });
  }
  return parts.map((p, i) => (small[i] ? SMALL_COUNT_LABEL : i === secondary ? SUPPRESSED_LABEL : p));
}

/**
 * A share numerator / denominator (0–1), or null when there is nothing to divide or, for a reader without
 * record access, when either the numerator or the rest is small: the share would give it away.
 */
export function shownShare(numerator: number, denominator: number, recordAccess: boolean): number | null {
  if (denominator === 0) return null;
  if (!recordAccess && (isSmall(numerator) || isSmall(denominator - numerator))) return null;
  return numerator / denominator;
}
