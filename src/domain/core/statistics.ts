// Order statistics, once for every area, from simple-statistics. Quantiles interpolate linearly between closest
// ranks (Hyndman & Fan type 7: position h = (n − 1)·q, value x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋])), which is what
// Excel's PERCENTILE.INC / QUARTILE.INC and R's default quantile give, so a commissioner can reproduce any figure in
// a spreadsheet.
//
// Empty lists: one rule everywhere. With no values there is no figure, so every function here returns null for an
// empty list; a caller that shows 0 for "nobody" (the simulator's daily bands) says so where it calls (`?? 0`).
import { mean as ssMean, quantileSorted as ssQuantileSorted } from 'simple-statistics';

/**
 * The q-quantile of values already sorted ascending (type 7, as Excel PERCENTILE.INC and R).
 * @param sorted values in ascending order (an array or a typed array; not re-sorted)
 * @param q the quantile, 0 to 1 (0.5 the median, 0.9 the 90th percentile)
 * @returns the quantile in the values' own unit, or null when there are no values
 * @throws RangeError when q is outside 0–1
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number | null {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile ${q} is outside 0–1`);
  if (sorted.length === 0) return null;
  // simple-statistics indexes and reads length only, so a typed array serves as well as an array.
  return ssQuantileSorted(sorted as unknown as readonly number[], q);
}

/**
 * The q-quantile of values in any order (type 7); the input is not changed.
 * @returns the quantile in the values' own unit, or null when there are no values
 * @throws RangeError when q is outside 0–1
 */
export function quantile(values: readonly number[], q: number): number | null {
  return quantileSorted(
    [...values].sort((a, b) => a - b),
    q,
  );
}

/** The median (type 7 0.5-quantile) of values in any order, or null when there are none. */
export function median(values: readonly number[]): number | null {
  return quantile(values, 0.5);
}

/** The arithmetic mean, or null when there are no values. */
export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : ssMean(values);
}
