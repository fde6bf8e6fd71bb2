// Money arithmetic on integer kronor. Nothing here touches I/O, and nothing returns a fraction of a krona:
// sums and differences of integers stay exact, and the few divisions round half away from zero,
// which is how the committee's annual reports round tkr and mkr.

/** Integer kronor. tkr and mkr exist only at presentation. */
export type Kronor = number;

function assertKronor(value: number, what = "Beloppet"): Kronor {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} måste vara ett heltal i kronor (fick ${value}).`);
  return value;
}

/** netto = intäkter + kostnader (kostnader are negative, as in the reports). */
export const netto = (intakter: Kronor, kostnader: Kronor): Kronor => intakter + kostnader;

/** avvikelse = netto − budget; positive is a surplus against budget. */
export const avvikelse = (nettoKr: Kronor, budget: Kronor): Kronor => nettoKr - budget;

/** Sum that keeps "no data" apart from zero: all missing gives null, otherwise the missing parts count as nothing. */
export function sumKronor(values: ReadonlyArray<Kronor | null | undefined>): Kronor | null {
  let total: Kronor | null = null;
  for (const value of values) {
    if (value === null || value === undefined) continue;
    total = (total ?? 0) + value;
  }
  return total;
}

/** a − b when both exist. */
export const difference = (a: Kronor | null, b: Kronor | null): Kronor | null =>
  a === null || b === null ? null : a - b;

/** n / d rounded half away from zero, exact for safe integers (no floating-point rounding surprises). */
export function roundDiv(n: number, d: number): number {
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d) || d <= 0) {
    throw new RangeError(`roundDiv needs safe integers and a positive divisor (got ${n} / ${d})`);
  }
  const abs = Math.abs(n);
  let q = Math.floor(abs / d);
  let r = abs - q * d;
  // Float division can be one off near 2^53; the remainder puts it right.
  while (r < 0) {
    q -= 1;
    r += d;
  }
  while (r >= d) {
    q += 1;
    r -= d;
  }
  const rounded = 2 * r >= d ? q + 1 : q;
  if (rounded === 0) return 0;
  return n < 0 ? -rounded : rounded;
}

/** Kronor to tkr, rounded half away from zero. */
export const krToTkr = (kr: Kronor): number => roundDiv(kr, 1000);

export const tkrToKr = (tkr: number): Kronor => assertKronor(tkr * 1000, "Beloppet i tkr");

/**
 * part / whole in percent with `digits` decimals, rounded half away from zero; null when whole is 0.
 * Computed in integers so 19 502 / 699 078 gives the same digits on every machine.
 */
export function percentOf(part: number, whole: number, digits = 1): number | null {
  if (whole === 0) return null;
  const scale = 10 ** digits;
  const sign = Math.sign(part) * Math.sign(whole);
  return (sign * roundDiv(Math.abs(part) * 100 * scale, Math.abs(whole))) / scale;
}

/**
 * Splits an integer total over weights so the parts are integers that add up to the total exactly
 * (largest remainder; ties go to the earlier part). Used for percent splits published in whole
 * percent and for shares in a budget donut that must add up to 100.
 */
export function splitByShares(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total)) throw new RangeError("total must be an integer");
  if (weights.some((w) => !(w >= 0) || !Number.isFinite(w))) throw new RangeError("weights must be non-negative");
  const weightSum = weights.reduce((a, b) => a + b, 0);
  if (weightSum === 0) return weights.map(() => 0);
  const sign = total < 0 ? -1 : 1;
  const absTotal = Math.abs(total);
  const exact = weights.map((w) => (absTotal * w) / weightSum);
  const parts = exact.map((x) => Math.floor(x));
  let left = absTotal - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left -= 1;
  }
  return parts.map((p) => (p === 0 ? 0 : sign * p));
}
