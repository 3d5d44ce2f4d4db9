import { linearRegression } from 'simple-statistics';
import type { RatePoint } from './rates.js';
import { formatSpan } from '../core/format.js';

export const METHODS = ['constant', 'trend', 'custom'] as const;
export type ProjectionMethod = (typeof METHODS)[number];

export const METHOD_LABELS: Record<ProjectionMethod, string> = {
  constant: 'Constant rate (conservative)',
  trend: 'Linear trend on history (generous)',
  custom: 'Custom rate trajectory',
};

/** A point on a custom trajectory: the rate in `year` is the base-year rate × `factor`. */
export interface TrajectoryPoint {
  year: number;
  factor: number;
}

export interface LinearFit {
  slope: number;
  intercept: number;
  at(year: number): number;
}

/** Least-squares straight line through the history (needs two or more distinct years). */
export function fitLinearTrend(history: readonly RatePoint[]): LinearFit | null {
  if (new Set(history.map((p) => p.year)).size < 2) return null;
  const { m, b } = linearRegression(history.map((p) => [p.year, p.value]));
  return { slope: m, intercept: b, at: (year) => m * year + b };
}

export interface Multipliers {
  /** Multiplier on the base-year rate, one per year. */
  factors: number[];
  /** The method actually used (trend falls back to constant without enough history). */
  applied: ProjectionMethod;
  note: string;
}

/**
 * How the rate moves from the base year. Constant: 1 every year. Trend: the fitted line relative to
 * its own base-year value, fit(y) / fit(base), floored at 0; so the base year matches today's rate
 * and the slope carries the history's relative growth. Custom: straight lines between the points
 * (the base year is 1), held flat after the last point.
 */
export function rateMultipliers(
  method: ProjectionMethod,
  years: readonly number[],
  baseYear: number,
  history: readonly RatePoint[],
  trajectory: readonly TrajectoryPoint[] = [],
): Multipliers {
  if (method === 'trend') {
    const fit = fitLinearTrend(history);
    if (!fit || fit.at(baseYear) <= 0) {
      return {
        factors: years.map(() => 1),
        applied: 'constant',
        note: 'No usable history (two or more years needed): the rate is held constant.',
      };
    }
    const base = fit.at(baseYear);
    const first = Math.min(...history.map((p) => p.year));
    const last = Math.max(...history.map((p) => p.year));
    return {
      factors: years.map((y) => Math.max(0, fit.at(y) / base)),
      applied: 'trend',
      note: `Linear trend fitted by least squares to ${history.length} years (${formatSpan(first, last)}): ${formatPoints(fit.slope * 100)} percentage points a year; base-year rate ${formatPoints(base * 100)}%.`,
    };
  }
  if (method === 'custom' && trajectory.length > 0) {
    const points = [{ year: baseYear, factor: 1 }, ...trajectory.filter((p) => p.year > baseYear)].sort(
      (a, b) => a.year - b.year,
    );
    const factors = years.map((y) => {
      if (y <= baseYear) return 1;
      for (let i = 1; i < points.length; i++) {
        const p0 = points[i - 1];
        const p1 = points[i];
        if (y <= p1.year) return p0.factor + ((p1.factor - p0.factor) * (y - p0.year)) / (p1.year - p0.year);
      }
      return points[points.length - 1].factor;
    });
    return {
      factors,
      applied: 'custom',
      note: `Custom trajectory: ${points
        .slice(1)
        .map((p) => `×${round(p.factor, 3)} by ${p.year}`)
        .join(', ')} (straight lines between points, flat after the last).`,
    };
  }
  return { factors: years.map(() => 1), applied: 'constant', note: 'Rate held constant at its base-year value.' };
}

function formatPoints(v: number): string {
  return String(round(v, 4));
}

function round(v: number, dp: number): number {
  const f = 10 ** dp;
  return Math.round(v * f) / f;
}
