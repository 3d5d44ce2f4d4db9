// Rounding and shares for discharge figures. Percentiles, medians and means come from core/statistics.

/**
 * Rounds a figure to `dp` decimal places (Math.round semantics: halves round up), passing null
 * through so a missing figure stays missing.
 * @param value the figure, in its own unit (days, hours, percent)
 * @param dp decimal places, 1 by default
 */
export function round(value: number | null, dp = 1): number | null {
  if (value === null) return null;
  const f = 10 ** dp;
  return Math.round(value * f) / f;
}

/** A share in [0, 1] or null when there is nothing to divide by. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
