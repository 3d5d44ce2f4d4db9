/**
 * Referral rates from the hub's daily counts: a base rate with day-of-week and month factors and, when there
 * are two years or more of counts (one year cannot tell a trend from the season), a trend.
 */
import { dayOfWeekOf, monthOf } from './calendar.js';

export interface ArrivalFit {
  /** Referrals a day at the end of the window, before the day-of-week and month factors. */
  perDay: number;
  /** Multipliers Monday…Sunday, mean 1. */
  dayOfWeek: number[];
  /** Multipliers January…December, mean 1 (1 for months not observed). */
  month: number[];
  /** Months (0 = January) seen in the window. */
  monthsObserved: number[];
  /** Growth per year (0.04 = 4% a year); 0 when not fitted. */
  trendPerYear: number;
  source: string;
}

/** Days of counts needed before a trend is fitted. */
export const TREND_MIN_DAYS = 730;

/**
 * Fits referral rates to daily counts.
 * - Under two years: each weekday's (month's) mean count ÷ the overall mean; no trend.
 * - Two years or more: a Poisson regression (log link) on weekday, month and time, by iteratively reweighted
 *   least squares (McCullagh & Nelder, Generalized Linear Models, 1989, §2.5); factors are the exponentiated
 *   coefficients scaled to mean 1, the trend exp(β_time) − 1 (time in years), and the base rate the fitted level at the
 *   window's end.
 * @param counts referrals on each day of the window; @param startDay its first day (days since 1970-01-01)
 */
export function fitArrivals(counts: ArrayLike<number>, startDay: number): ArrivalFit {
  const days = counts.length;
  let total = 0;
  for (let d = 0; d < days; d++) total += counts[d];
  const monthsSeen = new Set<number>();
  for (let d = 0; d < days; d++) monthsSeen.add(monthOf(startDay + d));
  const monthsObserved = [...monthsSeen].sort((a, b) => a - b);
  if (days >= TREND_MIN_DAYS && total > 0) {
    const fitted = poissonRegression(counts, startDay);
    if (fitted) return { ...fitted, monthsObserved };
  }
  const perDay = days > 0 ? total / days : 0;
  const factor = (key: (day: number) => number, n: number) => {
    const sum = new Float64Array(n);
    const seen = new Float64Array(n);
    for (let d = 0; d < days; d++) {
      const k = key(startDay + d);
      sum[k] += counts[d];
      seen[k]++;
    }
    return Array.from(sum, (s, k) => (seen[k] > 0 && perDay > 0 ? round(s / seen[k] / perDay, 3) : 1));
  };
  return {
    perDay: round(perDay, 4),
    dayOfWeek: factor(dayOfWeekOf, 7),
    month: factor(monthOf, 12),
    monthsObserved,
    trendPerYear: 0,
    source:
      days >= TREND_MIN_DAYS
        ? 'no referrals to fit a trend to'
        : `no trend: ${days} days of referrals (a trend needs ${TREND_MIN_DAYS}, or it cannot be told from the season)`,
  };
}

function poissonRegression(counts: ArrayLike<number>, startDay: number): Omit<ArrivalFit, 'monthsObserved'> | null {
  const days = counts.length;
  const P = 1 + 1 + 6 + 11; // intercept, time (years to the window's end), Tue…Sun, Feb…Dec
  const row = (d: number, x: Float64Array) => {
    x.fill(0);
    x[0] = 1;
    x[1] = (d + 1 - days) / 365.25;
    const w = dayOfWeekOf(startDay + d);
    if (w > 0) x[1 + w] = 1;
    const mo = monthOf(startDay + d);
    if (mo > 0) x[7 + mo] = 1;
  };
  let mean = 0;
  for (let d = 0; d < days; d++) mean += counts[d] / days;
  const beta = new Float64Array(P);
  beta[0] = Math.log(mean);
  const x = new Float64Array(P);
  for (let iteration = 0; iteration < 50; iteration++) {
    const A = new Float64Array(P * P);
    const b = new Float64Array(P);
    for (let d = 0; d < days; d++) {
      row(d, x);
      let eta = 0;
      for (let j = 0; j < P; j++) eta += x[j] * beta[j];
      const mu = Math.exp(eta);
      const z = eta + (counts[d] - mu) / mu;
      for (let i = 0; i < P; i++) {
        if (x[i] === 0) continue;
        b[i] += mu * x[i] * z;
        for (let j = 0; j < P; j++) if (x[j] !== 0) A[i * P + j] += mu * x[i] * x[j];
      }
    }
    const next = solve(A, b, P);
    if (!next) return null;
    let change = 0;
    for (let j = 0; j < P; j++) change = Math.max(change, Math.abs(next[j] - beta[j]));
    beta.set(next);
    if (change < 1e-9) break;
  }
  const weekday = [1, ...Array.from({ length: 6 }, (_, k) => Math.exp(beta[2 + k]))];
  const month = [1, ...Array.from({ length: 11 }, (_, k) => Math.exp(beta[8 + k]))];
  const wMean = weekday.reduce((a, v) => a + v, 0) / 7;
  const mMean = month.reduce((a, v) => a + v, 0) / 12;
  const trend = Math.exp(beta[1]) - 1; // time is in years
  return {
    perDay: round(Math.exp(beta[0]) * wMean * mMean, 4),
    dayOfWeek: weekday.map((v) => round(v / wMean, 3)),
    month: month.map((v) => round(v / mMean, 3)),
    trendPerYear: round(trend, 4),
    source: `Poisson regression on ${days} days of referrals: ${trend >= 0 ? '+' : ''}${(trend * 100).toFixed(1)}% a year, with weekday and month factors`,
  };
}

/** Solves A·x = b (A symmetric positive definite, P×P, row-major) by Gaussian elimination with pivoting. */
function solve(A: Float64Array, b: Float64Array, P: number): Float64Array | null {
  const a = Float64Array.from(A);
  const x = Float64Array.from(b);
  for (let c = 0; c < P; c++) {
    let pivot = c;
    for (let r = c + 1; r < P; r++) if (Math.abs(a[r * P + c]) > Math.abs(a[pivot * P + c])) pivot = r;
    if (Math.abs(a[pivot * P + c]) < 1e-12) return null;
    if (pivot !== c) {
      for (let k = 0; k < P; k++) [a[c * P + k], a[pivot * P + k]] = [a[pivot * P + k], a[c * P + k]];
      [x[c], x[pivot]] = [x[pivot], x[c]];
    }
    for (let r = c + 1; r < P; r++) {
      const f = a[r * P + c] / a[c * P + c];
      if (f === 0) continue;
      for (let k = c; k < P; k++) a[r * P + k] -= f * a[c * P + k];
      x[r] -= f * x[c];
    }
  }
  for (let c = P - 1; c >= 0; c--) {
    let sum = x[c];
    for (let k = c + 1; k < P; k++) sum -= a[c * P + k] * x[k];
    x[c] = sum / a[c * P + c];
  }
  return x;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
