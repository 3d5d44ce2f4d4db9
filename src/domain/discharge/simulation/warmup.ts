/**
 * Warm-up: how long a run that starts empty must run before its figures describe the settled system, chosen
 * from the model ('auto') and then checked on the output with MSER-5, so a short warm-up never silently biases
 * the results towards an emptier system (the old fixed 60 days did, for stays of 30–60 days).
 */
import { Rng } from './rng.js';
import { drawStay, type StayModel } from './stays.js';

/** Stays drawn to describe a service's stay distribution (a fixed stream, so compiling is reproducible). */
const SAMPLE = 4000;

/** Longest warm-up 'auto' chooses; MSER-5 still reports when even this was not enough. */
export const MAX_AUTO_WARMUP_DAYS = 730;

/**
 * P(stay > u + ½) for u = 0, 1, 2 … days, from a fixed sample of stays; ends when it reaches 0.
 * @returns survival by whole day of stay (first value ≈ 1)
 */
export function staySurvivalByDay(m: StayModel, s: number): Float64Array {
  const rng = new Rng(0x5eed, s);
  const stays = new Float64Array(SAMPLE);
  for (let i = 0; i < SAMPLE; i++) stays[i] = drawStay(m, s, rng);
  stays.sort();
  const longest = Math.min(3660, Math.ceil(stays[SAMPLE - 1]) + 1);
  const survival = new Float64Array(longest + 1);
  let k = 0;
  for (let u = 0; u <= longest; u++) {
    while (k < SAMPLE && stays[k] <= u + 0.5) k++;
    survival[u] = (SAMPLE - k) / SAMPLE;
  }
  return survival;
}

/**
 * Days after which a service that started empty holds 99% of its steady-state occupancy when it never queues
 * (M/G/∞): the t with ∫ₜ^∞ P(S > u) du ≤ 1% of E[S], i.e. the 99th percentile of the residual-life distribution.
 */
export function fillDays(survival: Float64Array): number {
  let total = 0;
  for (let u = 0; u < survival.length; u++) total += survival[u];
  let tail = total;
  for (let u = 0; u < survival.length; u++) {
    if (tail <= 0.01 * total) return u;
    tail -= survival[u];
  }
  return survival.length;
}

/**
 * The 'auto' warm-up: for each service the time to fill (above) plus that of every service sending people to
 * it (a chain fills in turn), plus, for a service loaded above 80%, three relaxation times of its queue,
 * 3 / (c·μ·(1 − √ρ)²) (the M/M/c asymptotic relaxation time; Morse, Queues, Inventories and Maintenance, 1958).
 * @param fill per service, days to fill; @param upstream per service, the services that send people to it;
 * @param load per service, offered load ρ (arrivals × mean stay ÷ capacity); @param rate per service, completions
 *   a day at full capacity (c·μ)
 * @returns whole days, at most {@link MAX_AUTO_WARMUP_DAYS}
 */
export function autoWarmupDays(
  fill: readonly number[],
  upstream: readonly number[][],
  load: readonly number[],
  rate: readonly number[],
): number {
  const chain = new Map<number, number>();
  const chainFill = (s: number, depth = 0): number => {
    const known = chain.get(s);
    if (known !== undefined) return known;
    let before = 0;
    if (depth < 32) for (const u of upstream[s]) before = Math.max(before, chainFill(u, depth + 1));
    const value = before + fill[s];
    chain.set(s, value);
    return value;
  };
  let days = 0;
  for (let s = 0; s < fill.length; s++) {
    let need = chainFill(s);
    const rho = load[s];
    if (rho > 0.8 && rho < 1 && rate[s] > 0) need += 3 / (rate[s] * (1 - Math.sqrt(rho)) ** 2);
    days = Math.max(days, need);
  }
  return Math.min(MAX_AUTO_WARMUP_DAYS, Math.ceil(days));
}

/**
 * MSER-5 (White, 1997; White, Cobb & Spratt, 2000): batch the series in means of 5, and truncate the d batches
 * that minimise the squared standard error of the mean of what is left, Σᵢ₌d (Yᵢ − Ȳ_d)² / (k − d)², searching
 * the first half of the batches only.
 * @returns the truncation point in series steps (days), a multiple of 5
 */
export function mser5(series: ArrayLike<number>): number {
  const k = Math.floor(series.length / 5);
  if (k < 4) return 0;
  const batches = new Float64Array(k);
  for (let b = 0; b < k; b++) {
    let sum = 0;
    for (let i = 0; i < 5; i++) sum += series[5 * b + i];
    batches[b] = sum / 5;
  }
  // Suffix sums give each candidate's mean and sum of squares in O(1).
  let sum = 0;
  let squares = 0;
  const statistic = new Float64Array(k);
  for (let d = k - 1; d >= 0; d--) {
    sum += batches[d];
    squares += batches[d] * batches[d];
    const n = k - d;
    statistic[d] = (squares - (sum * sum) / n) / (n * n);
  }
  let best = 0;
  for (let d = 1; d <= Math.floor(k / 2); d++) if (statistic[d] < statistic[best] - 1e-15) best = d;
  return best * 5;
}

/**
 * Expected occupancy each clock day of a service that never queues and has always been running, given its
 * daily arrival rates (before clock 0 the rates of the same weekday a whole number of weeks later are used),
 * capped at its capacity: Σᵤ λ(t − u)·P(S > u). Dividing the simulated occupancy by it removes the seasonal
 * and weekly pattern the arrivals put in, so MSER-5 sees only the transient from starting empty.
 */
export function expectedOccupancy(
  rates: Float64Array,
  extraPerDay: number,
  survival: Float64Array,
  capacity: Int32Array,
): Float64Array {
  const days = rates.length;
  const out = new Float64Array(days);
  for (let t = 0; t < days; t++) {
    let sum = 0;
    for (let u = 0; u < survival.length; u++) {
      let d = t - u;
      while (d < 0) d += Math.max(7, Math.min(364, Math.floor(days / 7) * 7));
      sum += ((d < days ? rates[d] : 0) + extraPerDay) * survival[u];
    }
    out[t] = Math.min(sum, Math.max(capacity[t], 1e-9));
  }
  return out;
}
