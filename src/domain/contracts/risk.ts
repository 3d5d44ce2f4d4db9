// The risk register: likelihood 1–5 × impact 1–5 = score, RAG by configurable bands, and the score history.
// Columns follow the BCF plan's risk log: risk, mitigation, likelihood, impact, score, RAG.
import type { IsoDate } from '../core/dates.js';

export type RiskRag = 'green' | 'amber' | 'red';

export interface RiskBand {
  /** Lowest score in the band (inclusive). */
  min: number;
  /** Highest score in the band (inclusive). */
  max: number;
  rag: RiskRag;
  label: string;
}

/**
 * Default bands of a 5×5 matrix: 1–4 Low, 5–12 Medium, 15–25 High (13 and 14 cannot occur). They reproduce
 * the BCF risk log: 4×4 = 16 High, 4×3 = 12 Medium, 3×3 = 9 Medium.
 */
export const DEFAULT_RISK_BANDS: RiskBand[] = [
  { min: 1, max: 4, rag: 'green', label: 'Low' },
  { min: 5, max: 12, rag: 'amber', label: 'Medium' },
  { min: 13, max: 25, rag: 'red', label: 'High' },
];

/** True for a whole number from 1 to 5 (likelihood and impact scales). */
export function isScale(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= 5;
}

/** Likelihood × impact, 1 to 25. @throws RangeError when either is not a whole number from 1 to 5 */
export function riskScore(likelihood: number, impact: number): number {
  if (!isScale(likelihood)) throw new RangeError(`Likelihood must be a whole number from 1 to 5, got ${likelihood}`);
  if (!isScale(impact)) throw new RangeError(`Impact must be a whole number from 1 to 5, got ${impact}`);
  return likelihood * impact;
}

/** Bands must cover 1–25 exactly once, in order. */
export function bandProblems(bands: RiskBand[]): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (bands.length === 0) return [{ field: 'bands', message: 'At least one band is needed' }];
  const sorted = [...bands].sort((a, b) => a.min - b.min);
  let expected = 1;
  sorted.forEach((b, i) => {
    if (!Number.isInteger(b.min) || !Number.isInteger(b.max) || b.max < b.min) {
      problems.push({
        field: `bands.${i}`,
        message: `Band ${b.label}: from ${b.min} to ${b.max} is not a range of whole scores`,
      });
      return;
    }
    if (b.min !== expected)
      problems.push({
        field: `bands.${i}.min`,
        message: `Band ${b.label} should start at ${expected} (scores must be covered once, without gaps or overlaps)`,
      });
    expected = b.max + 1;
    if (!b.label.trim()) problems.push({ field: `bands.${i}.label`, message: 'Band needs a label' });
  });
  if (expected !== 26)
    problems.push({ field: `bands.${sorted.length - 1}.max`, message: 'The last band must end at 25' });
  return problems;
}

/** The risk band a score falls in. @throws RangeError when no band covers the score */
export function bandFor(score: number, bands: RiskBand[] = DEFAULT_RISK_BANDS): RiskBand {
  const band = bands.find((b) => score >= b.min && score <= b.max);
  if (!band) throw new RangeError(`No risk band covers score ${score}`);
  return band;
}

export interface ScoreEntry {
  recordedOn: IsoDate;
  likelihood: number;
  impact: number;
  score: number;
}

export type Trend = 'rising' | 'falling' | 'steady' | 'new';

/**
 * Whether the latest score is rising, falling or steady against the one before; 'new' with fewer than two scores.
 */
export function trend(history: ScoreEntry[]): Trend {
  const sorted = [...history].sort((a, b) => a.recordedOn.localeCompare(b.recordedOn));
  if (sorted.length < 2) return 'new';
  const [prev, last] = sorted.slice(-2);
  return last.score > prev.score ? 'rising' : last.score < prev.score ? 'falling' : 'steady';
}

export interface RiskView {
  score: number;
  band: RiskBand;
  trend: Trend;
  reviewOverdue: boolean;
}

/**
 * A risk as shown: score, band, trend and whether its review is overdue on `asAt`.
 * @throws RangeError on a likelihood or impact outside 1–5
 */
export function assessRisk(
  r: { likelihood: number; impact: number; reviewDate: IsoDate | null; history: ScoreEntry[] },
  asAt: IsoDate,
  bands: RiskBand[] = DEFAULT_RISK_BANDS,
): RiskView {
  const score = riskScore(r.likelihood, r.impact);
  return {
    score,
    band: bandFor(score, bands),
    trend: trend(r.history),
    reviewOverdue: !!r.reviewDate && r.reviewDate < asAt,
  };
}

/** A 5×5 heat map: how many risks sit in each likelihood × impact cell. */
export function heatMap(
  risks: { likelihood: number; impact: number }[],
): { likelihood: number; impact: number; count: number; score: number }[] {
  const cells: { likelihood: number; impact: number; count: number; score: number }[] = [];
  for (let l = 1; l <= 5; l++)
    for (let i = 1; i <= 5; i++) {
      cells.push({
        likelihood: l,
        impact: i,
        score: l * i,
        count: risks.filter((r) => r.likelihood === l && r.impact === i).length,
      });
    }
  return cells;
}
