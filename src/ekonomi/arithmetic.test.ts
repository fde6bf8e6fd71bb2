import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { avvikelse, krToTkr, netto, percentOf, roundDiv, splitByShares, sumKronor } from "./arithmetic.ts";

// Kungsbacka IFO, economic summary in the annual reports (tkr).
const ifo = [
  { year: 2019, intakter: 68_489, kostnader: -754_875, netto: -686_386, budget: -652_971, avvikelse: -33_415 },
  { year: 2020, intakter: 83_529, kostnader: -756_078, netto: -672_549, budget: -665_824, avvikelse: -6_725 },
  { year: 2021, intakter: 73_526, kostnader: -753_102, netto: -679_576, budget: -699_078, avvikelse: 19_502 },
];

describe("netto and avvikelse on the IFO summary 2019–2021", () => {
  for (const y of ifo) {
    it(`${y.year}: netto ${y.netto} tkr and avvikelse ${y.avvikelse} tkr reproduce exactly`, () => {
      const n = netto(y.intakter * 1000, y.kostnader * 1000);
      expect(n).toBe(y.netto * 1000);
      expect(avvikelse(n, y.budget * 1000)).toBe(y.avvikelse * 1000);
      expect(krToTkr(avvikelse(n, y.budget * 1000))).toBe(y.avvikelse);
    });
  }
});

describe("budget 2023 split", () => {
  it("the seven areas add up to 738 mkr", () => {
    const areasMkr = { pa: 60, namnd: 2, stod: 63, msb: 236, bss: 235, shs: 92, dv: 50 };
    expect(sumKronor(Object.values(areasMkr).map((m) => m * 1_000_000))).toBe(738_000_000);
  });
});

describe("sumKronor", () => {
  it("keeps missing apart from zero", () => {
    expect(sumKronor([])).toBeNull();
    expect(sumKronor([null, undefined])).toBeNull();
    expect(sumKronor([null, 0])).toBe(0);
    expect(sumKronor([5, null, -7])).toBe(-2);
  });
});

describe("roundDiv", () => {
  it("rounds half away from zero", () => {
    expect(roundDiv(7_734_500, 1000)).toBe(7_735);
    expect(roundDiv(-7_734_500, 1000)).toBe(-7_735);
    expect(roundDiv(-7_734_499, 1000)).toBe(-7_734);
    expect(roundDiv(-499, 1000)).toBe(0);
    expect(Object.is(roundDiv(-499, 1000), -0)).toBe(false);
  });
  it("agrees with exact BigInt rounding for any safe integer", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.integer({ min: 1, max: 10_000_000 }), (n, d) => {
        const big = BigInt(Math.abs(n));
        const bd = BigInt(d);
        const q = big / bd;
        const expected = Number((big % bd) * 2n >= bd ? q + 1n : q) * Math.sign(n);
        expect(roundDiv(n, d)).toBe(expected === 0 ? 0 : expected);
      }),
    );
  });
});

describe("percentOf", () => {
  it("computes the 2021 deviation as a share of budget", () => {
    expect(percentOf(19_502, 699_078)).toBe(2.8);
    expect(percentOf(-14_877, 750_000)).toBe(-2);
    expect(percentOf(1, 0)).toBeNull();
  });
});

describe("splitByShares", () => {
  it("splits Vård & Omsorg 2022 (1 022 689 000 kr) by published cost-type shares and keeps the total", () => {
    const shares = [61, 17, 11, 7, 3, 1];
    const parts = splitByShares(1_022_689_000, shares);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(1_022_689_000);
    expect(parts.map((p) => percentOf(p, 1_022_689_000, 0))).toEqual(shares);
  });
  it("always returns integers adding up to the total", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }),
        (total, weights) => {
          const parts = splitByShares(total, weights);
          expect(parts.every(Number.isSafeInteger)).toBe(true);
          if (weights.some((w) => w > 0)) expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        },
      ),
    );
  });
});
