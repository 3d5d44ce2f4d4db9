// Reablement as visits: how many visits each day of a stay needs, and a stay's length in whole days.

/**
 * Visits on day k (0-based) of a stay of n whole days: the straight line from the first-day to the last-day
 * rate, rounded to whole visits, at least one.
 */
export function visitsOnDay(first: number, last: number, n: number, k: number): number {
  const v = n <= 1 ? first : first + ((last - first) * k) / (n - 1);
  const rounded = Math.round(v);
  return rounded < 1 ? 1 : rounded;
}

/** Stay in whole days for a visit service: the drawn stay rounded, at least one day. */
export function visitDays(stay: number): number {
  const n = Math.round(stay);
  return n < 1 ? 1 : n;
}

/** The parts of a compiled model (compile.ts) a visit profile reads, per service: mean stay and visit rates. */
export interface VisitRates {
  losMean: ArrayLike<number>;
  visitFirst: ArrayLike<number>;
  visitLast: ArrayLike<number>;
}

/** Mean visits a person-day for a visit service (average of the straight-line profile over typical stays). */
export function meanVisitsPerDay(m: VisitRates, s: number): number {
  const n = visitDays(m.losMean[s]);
  let total = 0;
  for (let k = 0; k < n; k++) total += visitsOnDay(m.visitFirst[s], m.visitLast[s], n, k);
  return total / n;
}
