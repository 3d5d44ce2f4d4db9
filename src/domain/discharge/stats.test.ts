import { describe, expect, it } from 'vitest';
import { median, percentile, share } from './stats.js';

describe('percentile (Excel PERCENTILE.INC)', () => {
  it('interpolates between ranks as Excel does', () => {
    const v = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(v, 0.9)).toBeCloseTo(9.1, 10); // =PERCENTILE.INC(1..10, 0.9)
    expect(percentile(v, 0.25)).toBeCloseTo(3.25, 10);
    expect(percentile([15, 20, 35, 40, 50], 0.4)).toBeCloseTo(29, 10);
  });
  it('gives the middle value or the mean of the middle two as the median, regardless of order', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
  it('refuses p outside [0, 1] and divides safely', () => {
    expect(() => percentile([1], 1.5)).toThrow(/p must be/);
    expect(share(1, 0)).toBeNull();
    expect(share(1, 4)).toBe(0.25);
  });
});
