import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_BANDS, assessRisk, bandFor, bandProblems, heatMap, riskScore, trend } from './risk.js';

describe('risk scoring', () => {
  it('reproduces the BCF risk log (likelihood × impact → rating)', () => {
    // Rows 1–5 of the Joint BCF Plan 2023-25 risk log.
    const log: [number, number, string][] = [
      [4, 4, 'High'],
      [4, 4, 'High'],
      [4, 3, 'Medium'],
      [4, 4, 'High'],
      [3, 3, 'Medium'],
    ];
    for (const [l, i, label] of log) expect(bandFor(riskScore(l, i)).label).toBe(label);
    expect(bandFor(4).rag).toBe('green');
    expect(bandFor(25).rag).toBe('red');
  });

  it('rejects values off the 1–5 scale', () => {
    expect(() => riskScore(0, 3)).toThrow('Likelihood must be a whole number from 1 to 5, got 0');
    expect(() => riskScore(3, 2.5)).toThrow(/Impact/);
  });

  it('takes configurable bands and checks they cover 1–25 once', () => {
    const strict = [
      { min: 1, max: 3, rag: 'green' as const, label: 'Low' },
      { min: 4, max: 9, rag: 'amber' as const, label: 'Medium' },
      { min: 10, max: 25, rag: 'red' as const, label: 'High' },
    ];
    expect(bandProblems(strict)).toEqual([]);
    expect(bandFor(12, strict).label).toBe('High');
    expect(bandFor(12, DEFAULT_RISK_BANDS).label).toBe('Medium');
    expect(
      bandProblems([
        { min: 1, max: 4, rag: 'green', label: 'Low' },
        { min: 6, max: 20, rag: 'red', label: 'High' },
      ]),
    ).toEqual([
      {
        field: 'bands.1.min',
        message: 'Band High should start at 5 (scores must be covered once, without gaps or overlaps)',
      },
      { field: 'bands.1.max', message: 'The last band must end at 25' },
    ]);
  });

  it('follows the score history', () => {
    const history = [
      { recordedOn: '2025-04-01', likelihood: 3, impact: 4, score: 12 },
      { recordedOn: '2025-10-01', likelihood: 4, impact: 4, score: 16 },
    ];
    expect(trend(history)).toBe('rising');
    expect(trend(history.slice(0, 1))).toBe('new');
    expect(assessRisk({ likelihood: 4, impact: 4, reviewDate: '2025-11-01', history }, '2025-11-23')).toMatchObject({
      score: 16,
      trend: 'rising',
      reviewOverdue: true,
      band: { label: 'High' },
    });
    const cells = heatMap([
      { likelihood: 4, impact: 4 },
      { likelihood: 4, impact: 4 },
      { likelihood: 3, impact: 3 },
    ]);
    expect(cells).toHaveLength(25);
    expect(cells.find((c) => c.likelihood === 4 && c.impact === 4)?.count).toBe(2);
  });
});
