import { describe, expect, it } from 'vitest';
import { mean, median, quantile, quantileSorted } from './statistics.js';

describe('quantile (type 7: Excel PERCENTILE.INC, R default)', () => {
  it('interpolates between ranks as Excel does', () => {
    const v = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(quantile(v, 0.9)).toBeCloseTo(9.1, 10); // =PERCENTILE.INC(1..10, 0.9)
    expect(quantile(v, 0.25)).toBeCloseTo(3.25, 10);
    expect(quantile([15, 20, 35, 40, 50], 0.4)).toBeCloseTo(29, 10);
    // =QUARTILE.INC({1,2,3,4}, 1..3)
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0.75)).toBe(3.25);
  });
  it('reads a sorted typed array as it reads an array', () => {
    expect(quantileSorted(Float64Array.from([2, 4, 8, 16]), 0.95)).toBeCloseTo(14.8, 10);
  });
  it('gives the middle value or the mean of the middle two as the median, regardless of order', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('answers null for an empty list, everywhere', () => {
    expect(median([])).toBeNull();
    expect(quantile([], 0.9)).toBeNull();
    expect(quantileSorted(new Float64Array(0), 0.05)).toBeNull();
    expect(mean([])).toBeNull();
    expect(mean([1, 2, 6])).toBe(3);
  });
  it('refuses q outside [0, 1]', () => {
    expect(() => quantile([1], 1.5)).toThrow(/outside 0–1/);
    expect(() => quantile([], -0.1)).toThrow(/outside 0–1/);
  });
});
