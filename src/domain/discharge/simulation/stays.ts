/**
 * Lengths of stay: a new stay, the rest of a stay that has already lasted a while (people in service today),
 * and a stay seen at a random moment when how long it has lasted is not known (a steady-state occupant).
 * Plain functions on the compiled model's arrays, so the engine's inner loop calls them without allocating.
 */
import { gammaUpperQuantile, incompleteGamma, normalQuantile, normalUpper } from './distributions.js';
import type { Rng } from './rng.js';

// Length-of-stay distribution codes (plain constants the hot loop switches on).
export const LOS_EXPONENTIAL = 0;
export const LOS_LOGNORMAL = 1;
export const LOS_GAMMA = 2;
export const LOS_FIXED = 3;
export const LOS_EMPIRICAL = 4;

/** The compiled length-of-stay parameters of every service (see `compile.ts`). */
export interface StayModel {
  losKind: Uint8Array;
  /** exponential: mean; lognormal: μ of log days; gamma: shape; fixed: days. */
  losA: Float64Array;
  /** lognormal: σ of log days; gamma: scale in days. */
  losB: Float64Array;
  /** Mean stay in days. */
  losMean: Float64Array;
  /** Recorded stays, sorted ascending (empirical services only). */
  losEmpirical: (Float64Array | null)[];
  /** Running totals of the sorted recorded stays (for drawing a stay in proportion to its length). */
  losEmpiricalCumulative: (Float64Array | null)[];
}

/** A new stay of service `s`, in days. */
export function drawStay(m: StayModel, s: number, rng: Rng): number {
  switch (m.losKind[s]) {
    case LOS_EXPONENTIAL:
      return -m.losA[s] * Math.log(rng.uniform());
    case LOS_LOGNORMAL:
      return Math.exp(m.losA[s] + m.losB[s] * rng.normal());
    case LOS_GAMMA:
      return rng.gamma(m.losA[s], m.losB[s]);
    case LOS_FIXED:
      return m.losA[s];
    default: {
      const values = m.losEmpirical[s]!;
      return values[rng.int(values.length)];
    }
  }
}

/**
 * The whole length of a stay that has already lasted `elapsed` days: a draw from the stay distribution given
 * that it is longer than `elapsed` (so the remaining stay, total − elapsed, is the conditional residual).
 * - lognormal: inverse transform on the upper tail, ln S = μ + σ·Φ⁻¹(1 − v·(1 − Φ((ln a − μ)/σ))), v ~ U(0,1);
 * - gamma: rejection while the tail is likely, else the inverse of the upper incomplete gamma;
 * - exponential: elapsed + a fresh exponential (memoryless);
 * - fixed: the fixed length, or `elapsed` when that is already longer (the person leaves at once);
 * - empirical: a recorded stay longer than `elapsed`, uniformly; when none is, `elapsed` plus up to one day.
 * @returns total stay in days, at least `elapsed`
 */
export function drawStayGiven(m: StayModel, s: number, rng: Rng, elapsed: number): number {
  if (elapsed <= 0) return drawStay(m, s, rng);
  switch (m.losKind[s]) {
    case LOS_EXPONENTIAL:
      return elapsed - m.losA[s] * Math.log(rng.uniform());
    case LOS_LOGNORMAL: {
      const mu = m.losA[s];
      const sigma = m.losB[s];
      const tail = normalUpper((Math.log(elapsed) - mu) / sigma);
      const q = rng.uniform() * tail;
      const z = q > 0 ? -normalQuantile(q) : (Math.log(elapsed) - mu) / sigma;
      return Math.max(elapsed, Math.exp(mu + sigma * z));
    }
    case LOS_GAMMA: {
      const shape = m.losA[s];
      const scale = m.losB[s];
      for (let k = 0; k < 16; k++) {
        const x = rng.gamma(shape, scale);
        if (x > elapsed) return x;
      }
      const tail = incompleteGamma(shape, elapsed / scale)[1];
      const q = rng.uniform() * tail;
      return Math.max(elapsed, q > 0 ? gammaUpperQuantile(shape, q) * scale : elapsed);
    }
    case LOS_FIXED:
      return Math.max(elapsed, m.losA[s]);
    default: {
      const values = m.losEmpirical[s]!;
      const first = firstAbove(values, elapsed);
      if (first === values.length) return elapsed + rng.uniform();
      return values[first + rng.int(values.length - first)];
    }
  }
}

/**
 * A stay as seen by someone looking at the service at a random moment in steady state (a person in service
 * today whose days so far are not known): its length is length-biased (density ∝ x·f(x)) and the time already
 * spent is a uniform share of it, so the remaining time has the equilibrium (residual-life) distribution.
 * Length-biased forms: lognormal(μ, σ) → lognormal(μ + σ², σ); gamma(k, θ) → gamma(k + 1, θ); exponential(m)
 * → gamma(2, m); fixed d → d; empirical: each recorded stay with probability ∝ its length.
 * Source: the inspection paradox, e.g. S. M. Ross, Introduction to Probability Models, §7.3.
 * @returns [total stay, days already spent], both in days
 */
export function drawStaySeenNow(m: StayModel, s: number, rng: Rng): [number, number] {
  let total: number;
  switch (m.losKind[s]) {
    case LOS_EXPONENTIAL:
      total = rng.gamma(2, m.losA[s]);
      break;
    case LOS_LOGNORMAL:
      total = Math.exp(m.losA[s] + m.losB[s] * m.losB[s] + m.losB[s] * rng.normal());
      break;
    case LOS_GAMMA:
      total = rng.gamma(m.losA[s] + 1, m.losB[s]);
      break;
    case LOS_FIXED:
      total = m.losA[s];
      break;
    default: {
      const values = m.losEmpirical[s]!;
      const cumulative = m.losEmpiricalCumulative[s]!;
      const target = rng.uniform() * cumulative[cumulative.length - 1];
      total = values[firstAbove(cumulative, target)];
    }
  }
  return [total, total * rng.uniform()];
}

/** Index of the first sorted value greater than x (binary search; length when none is). */
function firstAbove(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
