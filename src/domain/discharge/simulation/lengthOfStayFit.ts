/**
 * Fitting lengths of stay to a pathway's completed stays: lognormal and gamma by maximum likelihood, with the
 * Kolmogorov–Smirnov distance of each, and the summary of what was observed.
 */
import { digamma, logGamma, normalCdf, regularizedGammaP, trigamma } from './distributions.js';
import { quantileSorted } from '../../core/statistics.js';
import type { LengthOfStay } from './scenario.js';

export interface LengthOfStayCandidate {
  kind: 'lognormal' | 'gamma';
  mean: number;
  sd: number;
  logLikelihood: number;
  /** Largest gap between the fitted and the observed cumulative distribution (Kolmogorov–Smirnov D). */
  ksDistance: number;
}

export interface ObservedSummary {
  n: number;
  mean: number;
  median: number;
  p90: number;
  p95: number;
}

export interface LengthOfStayFit {
  chosen: LengthOfStay;
  candidates: LengthOfStayCandidate[];
  observed: ObservedSummary | null;
  source: string;
}

/** Defaults when a pathway has too few completed stays to fit (days; typical of English discharge services). */
export const DEFAULT_LOS: Record<1 | 2 | 3, { mean: number; sd: number }> = {
  1: { mean: 14, sd: 9 },
  2: { mean: 24, sd: 12 },
  3: { mean: 35, sd: 14 },
};

/**
 * Lengths of stay of one pathway from its completed stays (sorted, days): lognormal and gamma fitted by maximum
 * likelihood and the one with the higher likelihood chosen; with fewer than 20 stays, a stated default.
 */
export function fitLengthOfStay(pathway: 1 | 2 | 3, sorted: number[]): LengthOfStayFit {
  if (sorted.length < 20) {
    const d = DEFAULT_LOS[pathway];
    return {
      chosen: { kind: 'lognormal', mean: d.mean, sd: d.sd },
      candidates: [],
      observed: sorted.length ? summary(sorted) : null,
      source: `default: only ${sorted.length} completed stays recorded (20 needed to fit)`,
    };
  }
  const candidates = [fitLognormal(sorted), fitGamma(sorted)].sort((a, b) => b.logLikelihood - a.logLikelihood);
  const best = candidates[0];
  return {
    chosen: { kind: best.kind, mean: round(best.mean, 3), sd: round(best.sd, 3) },
    candidates,
    observed: summary(sorted),
    source: `${best.kind} fitted to ${sorted.length} completed stays (higher likelihood than ${candidates[1].kind})`,
  };
}

/** Lognormal by maximum likelihood (mean and SD of the logs), with its Kolmogorov–Smirnov distance. */
export function fitLognormal(sorted: number[]): LengthOfStayCandidate {
  const n = sorted.length;
  const logs = sorted.map(Math.log);
  const mu = logs.reduce((a, b) => a + b, 0) / n;
  const sigma = Math.sqrt(logs.reduce((a, b) => a + (b - mu) ** 2, 0) / n);
  let ll = 0;
  for (const l of logs) ll += -l - Math.log(sigma * Math.sqrt(2 * Math.PI)) - (l - mu) ** 2 / (2 * sigma * sigma);
  const mean = Math.exp(mu + (sigma * sigma) / 2);
  const sd = mean * Math.sqrt(Math.exp(sigma * sigma) - 1);
  const cdf = (x: number) => normalCdf((Math.log(x) - mu) / sigma);
  return { kind: 'lognormal', mean, sd, logLikelihood: ll, ksDistance: ks(sorted, cdf) };
}

/** Gamma by maximum likelihood: Minka's closed-form start, then Newton steps on the shape. */
export function fitGamma(sorted: number[]): LengthOfStayCandidate {
  const n = sorted.length;
  const mean = sorted.reduce((a, b) => a + b, 0) / n;
  const meanLog = sorted.reduce((a, b) => a + Math.log(b), 0) / n;
  const s = Math.log(mean) - meanLog;
  let k = (3 - s + Math.sqrt((s - 3) ** 2 + 24 * s)) / (12 * s);
  for (let i = 0; i < 20; i++) {
    const step = (Math.log(k) - digamma(k) - s) / (1 / k - trigamma(k));
    k -= step;
    if (Math.abs(step) < 1e-10 * k) break;
  }
  const theta = mean / k;
  const ll = (k - 1) * meanLog * n - (mean * n) / theta - n * k * Math.log(theta) - n * logGamma(k);
  const cdf = (x: number) => regularizedGammaP(k, x / theta);
  return { kind: 'gamma', mean, sd: Math.sqrt(k) * theta, logLikelihood: ll, ksDistance: ks(sorted, cdf) };
}

/** Count, mean, median, 90th and 95th percentiles of sorted values (3 decimal places). */
export function summary(sorted: number[]): ObservedSummary {
  const n = sorted.length;
  return {
    n,
    mean: n ? round(sorted.reduce((a, b) => a + b, 0) / n, 3) : 0,
    median: round(quantileSorted(sorted, 0.5) ?? 0, 3),
    p90: round(quantileSorted(sorted, 0.9) ?? 0, 3),
    p95: round(quantileSorted(sorted, 0.95) ?? 0, 3),
  };
}

function ks(sorted: number[], cdf: (x: number) => number): number {
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]);
    d = Math.max(d, Math.abs(f - i / n), Math.abs((i + 1) / n - f));
  }
  return round(d, 4);
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
