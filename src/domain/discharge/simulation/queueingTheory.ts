/**
 * Closed-form results for the M/M/c queue (Poisson arrivals at rate λ, exponential stays with mean 1/μ,
 * c places, first come first served). Used to validate the simulation and as a quick first estimate.
 */

/** Erlang C: probability an arrival has to wait, for c servers and offered load a = λ/μ (needs a < c). */
export function erlangC(c: number, a: number): number {
  if (a >= c) return 1;
  // Erlang B by the stable recursion B(k) = a·B(k−1) / (k + a·B(k−1)), then C from B.
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  const rho = a / c;
  return b / (1 - rho + rho * b);
}

export interface MmcSteadyState {
  utilisation: number;
  probabilityOfWaiting: number;
  /** Mean wait in the queue before starting (Wq). */
  meanWait: number;
  /** Mean number waiting (Lq = λ·Wq). */
  meanQueue: number;
  /** Mean number in service (λ/μ). */
  meanOccupancy: number;
}

/**
 * M/M/c in steady state (Erlang C): probability of waiting, mean wait and mean queue for arrival rate λ, service
 * rate μ per place and c places (load λ/cμ below 1). Source: Kleinrock, Queueing Systems vol. 1 (1975), §3.5.
 */
export function mmc(lambda: number, mu: number, c: number): MmcSteadyState {
  const a = lambda / mu;
  if (a >= c)
    return { utilisation: 1, probabilityOfWaiting: 1, meanWait: Infinity, meanQueue: Infinity, meanOccupancy: c };
  const pw = erlangC(c, a);
  const meanWait = pw / (c * mu - lambda);
  return { utilisation: a / c, probabilityOfWaiting: pw, meanWait, meanQueue: lambda * meanWait, meanOccupancy: a };
}

/** P(wait > t) in M/M/c: C(c, a)·e^(−(cμ − λ)t). */
export function mmcWaitExceeds(lambda: number, mu: number, c: number, t: number): number {
  const a = lambda / mu;
  if (a >= c) return 1;
  return erlangC(c, a) * Math.exp(-(c * mu - lambda) * t);
}

/** Least c for which M/M/c gives P(wait ≤ t) ≥ share: a fast first guess for the simulation search. */
export function mmcLeastCapacity(lambda: number, mu: number, t: number, share: number): number {
  let c = Math.max(1, Math.floor(lambda / mu) + 1);
  while (mmcWaitExceeds(lambda, mu, c, t) > 1 - share) c++;
  return c;
}
