import { describe, expect, it } from 'vitest';
import { addDays, dayOfWeekOf, isoToDayNumber } from './calendar.js';
import { baselineScenario, fitGamma, fitHistory, fitLognormal, type HistoryReferral } from './fit.js';
import { Rng } from './rng.js';
import { simulate } from './simulate.js';

const DAY = 86_400_000;

/** A year of synthetic hub history with known rates and stay distributions. */
function history(seed = 1) {
  const rng = new Rng(seed, 0);
  const from = '2025-04-01';
  const to = '2026-04-01';
  const start = isoToDayNumber(from);
  const days = isoToDayNumber(to) - start;
  const rates = { 1: 7, 2: 2, 3: 1 } as const;
  const weekday = [1.2, 1.15, 1.1, 1.1, 1.15, 0.7, 0.6];
  const referrals: HistoryReferral[] = [];
  for (let d = 0; d < days; d++) {
    for (const pathway of [1, 2, 3] as const) {
      const lambda = rates[pathway] * weekday[dayOfWeekOf(start + d)];
      // Poisson count by inversion.
      let k = 0;
      let p = Math.exp(-lambda);
      let cum = p;
      const u = rng.uniform();
      while (u > cum) {
        k++;
        p *= lambda / k;
        cum += p;
      }
      for (let i = 0; i < k; i++) {
        const ready = (start + d + rng.uniform()) * DAY;
        const wait = rng.exponential(pathway === 3 ? 2 : 1);
        const stay = pathway === 2 ? rng.gamma(4, 6) : Math.exp(Math.log(10) + 0.6 * rng.normal()); // gamma mean 24, sd 12
        const started = ready + wait * DAY;
        referrals.push({
          pathway,
          readyAt: new Date(ready).toISOString(),
          startedAt: new Date(started).toISOString(),
          endedAt: new Date(started + stay * DAY).toISOString(),
          nextPathway: pathway === 2 && rng.uniform() < 0.4 ? 1 : null,
        });
      }
    }
  }
  const beds = [
    ...Array.from({ length: 57 }, () => ({ kind: 'rehab' as const, fromDate: '2024-01-01', toDate: null })),
    ...Array.from({ length: 4 }, () => ({ kind: 'rehab' as const, fromDate: '2026-12-01', toDate: '2027-04-01' })),
    ...Array.from({ length: 45 }, () => ({ kind: 'd2a' as const, fromDate: '2024-01-01', toDate: null })),
  ];
  return { from, to, referrals, beds, d2aOutcomes: { usual_residence: 30, care_home: 60, died: 10 } };
}

describe('fitting the model to the hub history', () => {
  const input = history();
  const fit = fitHistory(input);

  it('recovers referral rates and day-of-week factors', () => {
    const [p1, p2, p3] = fit.pathways;
    const meanWeekday = [1.2, 1.15, 1.1, 1.1, 1.15, 0.7, 0.6].reduce((a, b) => a + b, 0) / 7;
    expect(p1.arrivals.perDay / (7 * meanWeekday)).toBeCloseTo(1, 1);
    expect(p2.arrivals.perDay / (2 * meanWeekday)).toBeCloseTo(1, 1);
    expect(p3.arrivals.perDay / (1 * meanWeekday)).toBeCloseTo(1, 1);
    // About 52 of each weekday in a year: a factor carries roughly 5–7% sampling error.
    expect(p1.arrivals.dayOfWeek[0] / (1.2 / meanWeekday)).toBeGreaterThan(0.85);
    expect(p1.arrivals.dayOfWeek[0] / (1.2 / meanWeekday)).toBeLessThan(1.15);
    expect(p1.arrivals.dayOfWeek[6] / (0.6 / meanWeekday)).toBeGreaterThan(0.8);
    expect(p1.arrivals.dayOfWeek[6] / (0.6 / meanWeekday)).toBeLessThan(1.2);
    expect(p1.arrivals.dayOfWeek[0]).toBeGreaterThan(p1.arrivals.dayOfWeek[6] * 1.5);
    expect(p1.arrivals.monthsObserved).toHaveLength(12);
  });

  it('chooses lognormal for lognormal stays and gamma for gamma stays, with the right mean', () => {
    const [p1, p2] = fit.pathways;
    expect(p1.lengthOfStay.chosen.kind).toBe('lognormal');
    const lognormalMean = 10 * Math.exp(0.18); // e^(μ + σ²/2)
    expect((p1.lengthOfStay.chosen as { mean: number }).mean / lognormalMean).toBeCloseTo(1, 1);
    expect(p2.lengthOfStay.chosen.kind).toBe('gamma');
    expect((p2.lengthOfStay.chosen as { mean: number }).mean / 24).toBeCloseTo(1, 1);
    expect((p2.lengthOfStay.chosen as { sd: number }).sd / 12).toBeCloseTo(1, 1);
    expect(p2.lengthOfStay.candidates[0].ksDistance).toBeLessThan(0.05);
  });

  it('takes capacity from the block-booked beds, keeping later winter flex', () => {
    const [p1, p2, p3] = fit.pathways;
    expect(p2.capacity.places).toBe(57);
    expect(p2.capacity.changes).toEqual([{ from: '2026-12-01', capacity: 61 }, { from: '2027-04-01', capacity: 57 }]);
    expect(p3.capacity.places).toBe(45);
    expect(p1.capacity.places).toBeGreaterThan(70); // ~7 a day × ~12 days in service
  });

  it('measures observed waits and onward moves', () => {
    const [p1, p2, p3] = fit.pathways;
    expect(p1.waits.mean).toBeCloseTo(1, 1);
    // Exponential waits with mean 2: median 2·ln 2 (about 360 people, so within 10%).
    expect(p3.waits.median / (2 * Math.LN2)).toBeGreaterThan(0.9);
    expect(p3.waits.median / (2 * Math.LN2)).toBeLessThan(1.1);
    expect(p2.onward.find((o) => o.to === 'p1')!.probability).toBeCloseTo(0.4, 1);
    expect(p3.onward).toEqual([{ to: 'home', probability: 0.3 }, { to: 'long-term care', probability: 0.6 }, { to: 'other (hospital, died, other)', probability: 0.1 }]);
  });

  it('builds a baseline scenario that runs', () => {
    const scenario = baselineScenario(fit, { startDate: addDays(input.to, 0), replications: 5, costPerAcuteBedDay: 345, costPerPlaceDay: { p1: 60, p2: 250, p3: 180 } });
    expect(scenario.services.map((s) => s.capacity)).toEqual(fit.pathways.map((p) => p.capacity.places));
    const result = simulate(scenario);
    expect(result.services[1].capacity[result.dates.indexOf('2026-12-01')]).toBe(61);
  });

  it('says when a window is too short', () => {
    expect(() => fitHistory({ ...input, to: '2025-04-10' })).toThrow(/shorter than 4 weeks/);
  });
});

describe('maximum-likelihood fits', () => {
  it('fits a lognormal exactly on a symmetric log sample and gamma near its moments', () => {
    const sample = [1, 2, 4, 8, 16].map((x) => x).sort((a, b) => a - b);
    const ln = fitLognormal(sample);
    // μ = ln 4, σ² = (2 ln 2)² · 2 / 5 · … checked by the mean formula e^(μ+σ²/2).
    const mu = Math.log(4);
    const sigma2 = ((2 * Math.LN2) ** 2 * 2 + Math.LN2 ** 2 * 2) / 5;
    expect(ln.mean).toBeCloseTo(Math.exp(mu + sigma2 / 2), 10);
    const g = fitGamma(sample);
    expect(g.mean).toBeCloseTo(31 / 5, 10);
  });
});
