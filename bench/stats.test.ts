import { describe, expect, it } from 'vitest';
import { formatLatency, latencySummary, MIN_RUNS_FOR_P95 } from './stats';

describe('latencySummary', () => {
  // Linear interpolation between order statistics (h = (n − 1)·p): for 1..100, h = 94.05, so 95 + 0.05 × 1.
  it('takes the median and 95th percentile of 1..100 ms as 50.5 and 95.05 (hand-worked), slowest 100', () => {
    const ms = Array.from({ length: 100 }, (_, i) => 100 - i); // unsorted on purpose
    const s = latencySummary(ms);
    expect({ ...s, p95: Number(s.p95!.toFixed(6)) }).toEqual({ runs: 100, median: 50.5, p95: 95.05, max: 100 });
  });

  it('never reports the slowest run as the 95th percentile: none below 40 runs, below the maximum from 40', () => {
    const ms = Array.from({ length: MIN_RUNS_FOR_P95 }, (_, i) => i + 1);
    expect(latencySummary(ms.slice(0, 39)).p95).toBeNull();
    const s = latencySummary(ms);
    expect(s.p95).toBeCloseTo(38.05, 9); // h = 39 × 0.95 = 37.05: between the 38th and 39th of 40
    expect(s.p95!).toBeLessThan(s.max);
  });

  it('refuses an empty sample', () => {
    expect(() => latencySummary([])).toThrow(RangeError);
  });

  it('prints the figures with their run count, and says why a p95 is missing', () => {
    expect(formatLatency(latencySummary([3, 1, 2]))).toBe(
      'median 2.0 ms, p95 not computed (3 runs, needs 40), slowest 3.0 ms (3 runs)',
    );
  });
});
