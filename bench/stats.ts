// Latency figures for every benchmark, computed one way: the median and 95th percentile of a sample of timings
// (simple-statistics' quantileSorted), and the slowest. A 95th percentile needs enough runs that it is not simply
// the slowest one: with fewer than MIN_RUNS_FOR_P95 it is not reported at all.
import { quantileSorted } from 'simple-statistics';

/**
 * Runs needed before a 95th percentile is reported: quantileSorted interpolates at h = (n − 1) × 0.95, which for 40
 * runs lies between the 38th and 39th timings, so one whole timing and more stay above it: never the maximum.
 */
export const MIN_RUNS_FOR_P95 = 40;

/** A sample of timings, in milliseconds: how many, the median, the 95th percentile (null below 40 runs), slowest. */
export interface LatencySummary {
  runs: number;
  median: number;
  p95: number | null;
  max: number;
}

/**
 * Summarises timings (ms). Throws RangeError on an empty sample (there is no median of nothing).
 */
export function latencySummary(ms: readonly number[]): LatencySummary {
  if (ms.length === 0) throw new RangeError('No timings to summarise');
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    median: quantileSorted(sorted, 0.5),
    p95: sorted.length >= MIN_RUNS_FOR_P95 ? quantileSorted(sorted, 0.95) : null,
    max: sorted[sorted.length - 1],
  };
}

/** "median 12.3 ms, p95 20.1 ms, slowest 31.0 ms (60 runs)"; below 40 runs the p95 is left out and says why. */
export function formatLatency(s: LatencySummary, digits = 1): string {
  const f = (v: number) => `${v.toFixed(digits)} ms`;
  const p95 = s.p95 === null ? `p95 not computed (${s.runs} runs, needs ${MIN_RUNS_FOR_P95})` : `p95 ${f(s.p95)}`;
  return `median ${f(s.median)}, ${p95}, slowest ${f(s.max)} (${s.runs} runs)`;
}
