/**
 * Daily bands over replications: for each day, the mean and the 5th and 95th percentiles (type 7, as R and
 * Excel) of a series across the replications, i.e. the range nine runs in ten of the forecast stay within.
 */
import { quantileSorted } from '../../core/statistics.js';

/** One daily series summarised over replications. */
export interface Band {
  mean: number[];
  p5: number[];
  p95: number[];
}

/**
 * The band of a daily series: `value(r, d)` is replication r's value on day d.
 * @param digits decimal places kept (3 for people and days, 0 for pence)
 */
export function bandOf(replications: number, days: number, value: (r: number, d: number) => number, digits = 3): Band {
  const mean: number[] = new Array(days);
  const p5: number[] = new Array(days);
  const p95: number[] = new Array(days);
  const column = new Float64Array(replications);
  for (let d = 0; d < days; d++) {
    let sum = 0;
    for (let r = 0; r < replications; r++) sum += column[r] = value(r, d);
    column.sort();
    mean[d] = round(sum / replications, digits);
    p5[d] = round(quantileSorted(column, 0.05) ?? 0, digits);
    p95[d] = round(quantileSorted(column, 0.95) ?? 0, digits);
  }
  return { mean, p5, p95 };
}

/**
 * The band of a daily ratio such as the mean wait of the people starting each day: the mean is the pooled
 * ratio Σ numerator ÷ Σ denominator over replications; the percentiles are over the replications in which
 * the denominator is not 0 (a day nobody started has no wait). Days with no starts at all give 0.
 */
export function ratioBandOf(
  replications: number,
  days: number,
  numerator: (r: number, d: number) => number,
  denominator: (r: number, d: number) => number,
): Band {
  const mean: number[] = new Array(days);
  const p5: number[] = new Array(days);
  const p95: number[] = new Array(days);
  const column = new Float64Array(replications);
  for (let d = 0; d < days; d++) {
    let top = 0;
    let bottom = 0;
    let n = 0;
    for (let r = 0; r < replications; r++) {
      const a = numerator(r, d);
      const b = denominator(r, d);
      top += a;
      bottom += b;
      if (b > 0) column[n++] = a / b;
    }
    const sorted = column.subarray(0, n).sort();
    mean[d] = bottom > 0 ? round(top / bottom, 3) : 0;
    p5[d] = round(quantileSorted(sorted, 0.05) ?? 0, 3);
    p95[d] = round(quantileSorted(sorted, 0.95) ?? 0, 3);
  }
  return { mean, p5, p95 };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
