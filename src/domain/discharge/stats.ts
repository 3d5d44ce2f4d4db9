// Rounding and shares for discharge figures. Percentiles, medians and means come from core/statistics.

export function round(value: number | null, dp = 1): number | null {
  if (value === null) return null;
  const f = 10 ** dp;
  return Math.round(value * f) / f;
}

/** A share in [0, 1] or null when there is nothing to divide by. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
