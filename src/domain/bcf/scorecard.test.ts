import { describe, expect, it } from 'vitest';
import { round } from './metrics.js';
import { scorecard, type MetricInput } from './scorecard.js';

const year = '2026/27';
function residential(quarter: 1 | 2 | 3 | 4, admissions: number): MetricInput {
  return {
    placeId: 'hav',
    metric: 'residential_admissions',
    year,
    quarter,
    numerator: admissions,
    denominator: 47_918,
    bands: null,
    source: 'test',
  };
}

describe('scorecard', () => {
  it('adds quarters to a year-to-date rate, compared with the prorated annual plan', () => {
    // Havering: 70 + 68 admissions in the first half over 47,918 people 65+ = 288.0 per 100,000; plan 550.1 a
    // year → 275.05 for two quarters: 288.0 is worse by 12.95, within 5% (13.75) → amber.
    const card = scorecard(
      [{ id: 'hav' }],
      [year],
      [residential(1, 70), residential(2, 68)],
      [{ placeId: 'hav', metric: 'residential_admissions', year, quarter: 0, value: 550.1 }],
    );
    const m = card.find((c) => c.definition.key === 'residential_admissions')!;
    const y = m.years[0];
    expect(y.quartersReported).toBe(2);
    expect(round(y.actual!)).toBe(288);
    expect(y.plan).toBeCloseTo(275.05, 6);
    expect(y.rag).toBe('amber');
    expect(y.inputs).toBe('138 permanent admissions ÷ 47,918 people aged 65+ × 100,000');
    // Q1: 146.1 against a quarter of the plan (137.5): red (worse by 8.6 > 6.9).
    expect(round(m.quarters[0].actual!)).toBe(146.1);
    expect(m.quarters[0].rag).toBe('red');
    expect(m.quarters[2].actual).toBeNull();
  });

  it('pools discharges over the quarters for the year percentage', () => {
    const rows: MetricInput[] = [
      {
        placeId: 'hav',
        metric: 'discharge_home',
        year,
        quarter: 1,
        numerator: 900,
        denominator: 1000,
        bands: null,
        source: 'hub',
      },
      {
        placeId: 'hav',
        metric: 'discharge_home',
        year,
        quarter: 2,
        numerator: 950,
        denominator: 1000,
        bands: null,
        source: 'hub',
      },
    ];
    const card = scorecard([{ id: 'hav' }], [year], rows, [
      { placeId: 'hav', metric: 'discharge_home', year, quarter: 0, value: 92 },
    ]);
    const m = card.find((c) => c.definition.key === 'discharge_home')!;
    expect(m.years[0].actual).toBe(92.5);
    expect(m.years[0].rag).toBe('green');
    expect(m.quarters[0].rag).toBe('red'); // 90.0 against 92
  });

  it('builds the year plan from quarterly plans when there is no year plan', () => {
    const rows: MetricInput[] = [
      {
        placeId: 'hav',
        metric: 'discharge_home',
        year,
        quarter: 1,
        numerator: 90,
        denominator: 100,
        bands: null,
        source: 'hub',
      },
    ];
    const plans = ([1, 2, 3, 4] as const).map((quarter) => ({
      placeId: 'hav',
      metric: 'discharge_home' as const,
      year,
      quarter,
      value: 90 + quarter,
    }));
    const m = scorecard([{ id: 'hav' }], [year], rows, plans).find((c) => c.definition.key === 'discharge_home')!;
    expect(m.years[0].plan).toBe(91); // Q1's plan only: one quarter reported
    expect(m.quarters[3].plan).toBe(94);
  });

  it('adds falls events by band over quarters and keeps the population', () => {
    const bands = (k: number) =>
      ['65-69', '70-74', '75-79', '80-84', '85-89', '90+'].map((band, i) => ({
        band,
        events: [30, 45, 60, 80, 90, 70][i] * k,
        population: [14_000, 12_000, 9_000, 6_000, 3_500, 1_500][i],
      }));
    // Two half-years of the worked case in metrics.test.ts, each half the events: the year is that case, 901.4.
    const half = bands(1).map((b) => ({ ...b, events: b.events / 2 }));
    const rows: MetricInput[] = [1, 2].map((q) => ({
      placeId: 'hav',
      metric: 'falls',
      year,
      quarter: q as 1 | 2,
      numerator: null,
      denominator: null,
      bands: half,
      source: 'import',
    }));
    const m = scorecard([{ id: 'hav' }], [year], rows, []).find((c) => c.definition.key === 'falls')!;
    expect(round(m.years[0].actual!)).toBe(901.4);
    expect(round(m.years[0].lower!)).toBe(810.6);
    expect(m.years[0].plan).toBeNull();
  });
});
