import { describe, expect, it } from 'vitest';
import { createRng } from './random.js';
import { exceedsOne, isOne, roundShares, SHARE_TOLERANCE, sumOfShares } from './shares.js';

describe('shares that add up to 1', () => {
  it('rounds 1:1:4 to 0.1667, 0.1666, 0.6667 (rounding each alone gives 1.0001)', () => {
    const naive = [1 / 6, 1 / 6, 4 / 6].map((x) => Math.round(x * 1e4) / 1e4);
    expect(sumOfShares(naive)).toBeCloseTo(1.0001, 10);
    expect(exceedsOne(sumOfShares(naive))).toBe(true);
    // Remainders: 1666.67, 1666.67, 6666.67 → floors add up to 9,998; the two missing units go to the first two.
    expect(roundShares([1, 1, 4])).toEqual([0.1667, 0.1667, 0.6666]);
    expect(isOne(sumOfShares(roundShares([1, 1, 4])))).toBe(true);
  });

  it('keeps exact shares exact and gives every unit to the largest remainders', () => {
    expect(roundShares([1, 1, 2])).toEqual([0.25, 0.25, 0.5]);
    expect(roundShares([1, 1, 1], 2)).toEqual([0.34, 0.33, 0.33]);
    expect(roundShares([0, 3], 4)).toEqual([0, 1]);
    expect(roundShares([2, 1], 0)).toEqual([1, 0]);
  });

  it('refuses weights that cannot be shares', () => {
    expect(() => roundShares([0, 0])).toThrow(/above 0/);
    expect(() => roundShares([1, -1, 3])).toThrow(/weight 1 is -1/);
    expect(() => roundShares([1, Number.NaN])).toThrow(/weight 1/);
    expect(() => roundShares([1], 13)).toThrow(/digits/);
  });

  it('always adds up to 1 within the tolerance, each share within one unit of the exact share (10,000 random cases)', () => {
    const rng = createRng(20261130);
    for (let k = 0; k < 10_000; k++) {
      const n = 1 + rng.int(0, 7);
      const weights: number[] = Array.from({ length: n }, () => (rng.bernoulli(0.2) ? 0 : rng.int(0, 500)));
      if (!weights.some((w) => w > 0)) weights[0] = 1;
      const digits = rng.int(0, 6);
      const shares = roundShares(weights, digits);
      const total = sumOfShares(weights);
      expect(Math.abs(sumOfShares(shares) - 1)).toBeLessThanOrEqual(SHARE_TOLERANCE);
      expect(exceedsOne(sumOfShares(shares))).toBe(false);
      shares.forEach((s, i) => {
        expect(Math.abs(s - weights[i] / total)).toBeLessThan(10 ** -digits + 1e-12);
        expect(Math.round(s * 10 ** digits)).toBeCloseTo(s * 10 ** digits, 6);
      });
    }
  }, 60_000); // about 80,000 assertions: well under a second alone, many seconds on a shared machine
});
