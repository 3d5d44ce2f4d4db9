import { describe, expect, it } from 'vitest';
import { erlangC, mmc, mmcLeastCapacity, mmcWaitExceeds } from './queueingTheory.js';

/** Erlang C straight from its textbook definition, to check the recursive implementation. */
function erlangCDirect(c: number, a: number): number {
  let sum = 0;
  let term = 1;
  for (let k = 0; k < c; k++) {
    sum += term;
    term = (term * a) / (k + 1);
  }
  const top = (term * c) / (c - a);
  return top / (sum + top);
}

describe('M/M/c closed forms', () => {
  it('gives the probability of waiting by hand for M/M/1 and M/M/2', () => {
    expect(erlangC(1, 0.7)).toBeCloseTo(0.7, 12); // M/M/1: P(wait) = ρ
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12); // (1/2·2)/(1 + 1 + 1)
  });

  it('agrees with the textbook formula for larger systems', () => {
    for (const [c, a] of [
      [5, 3.5],
      [10, 8],
      [57, 54],
      [100, 90],
    ]) {
      expect(erlangC(c, a)).toBeCloseTo(erlangCDirect(c, a), 10);
    }
    // Published call-centre example: 10 agents, 8 Erlangs → 40.9% wait.
    expect(erlangC(10, 8)).toBeCloseTo(0.4092, 3);
  });

  it('gives M/M/1 mean wait ρ/(μ−λ) and Little-consistent queue length', () => {
    const r = mmc(0.5, 1, 1);
    expect(r.meanWait).toBeCloseTo(1, 12);
    expect(r.meanQueue).toBeCloseTo(0.5, 12);
    expect(r.probabilityOfWaiting).toBeCloseTo(0.5, 12);
  });

  it('reports an overloaded system as never settling', () => {
    expect(mmc(2, 1, 2).meanWait).toBe(Infinity);
    expect(erlangC(3, 4)).toBe(1);
  });

  it('finds the least capacity for a waiting target', () => {
    // 1 referral a day, 20-day stays: 20 places are always busy on average.
    const c = mmcLeastCapacity(1, 1 / 20, 2, 0.95);
    expect(mmcWaitExceeds(1, 1 / 20, c, 2)).toBeLessThanOrEqual(0.05);
    expect(mmcWaitExceeds(1, 1 / 20, c - 1, 2)).toBeGreaterThan(0.05);
    expect(c).toBeGreaterThan(20);
  });
});
