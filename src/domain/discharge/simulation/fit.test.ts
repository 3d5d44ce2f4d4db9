import { describe, expect, it } from 'vitest';
import { addDays, dayOfWeekOf, isoToDayNumber } from './calendar.js';
import { baselineScenario, fitGamma, fitHistory, fitLognormal, type HistoryReferral } from './fit.js';
import { Rng } from './rng.js';
import { simulate } from './simulate.js';
import { SHARE_TOLERANCE } from '../../core/shares.js';

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
    expect(p2.capacity.changes).toEqual([
      { from: '2026-12-01', capacity: 61 },
      { from: '2027-04-01', capacity: 57 },
    ]);
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
    expect(p3.onward).toEqual([
      { to: 'home', probability: 0.3 },
      { to: 'long-term care', probability: 0.6 },
      { to: 'other (hospital, died, other)', probability: 0.1 },
    ]);
  });

  it('builds a baseline scenario that runs', () => {
    const scenario = baselineScenario(fit, {
      startDate: addDays(input.to, 0),
      replications: 5,
      costPerAcuteBedDay: 345,
      costPerPlaceDay: { p1: 60, p2: 250, p3: 180 },
    });
    expect(scenario.services.map((s) => s.capacity)).toEqual(fit.pathways.map((p) => p.capacity.places));
    const result = simulate(scenario);
    expect(result.services[1].capacity[result.dates.indexOf('2026-12-01')]).toBe(61);
  });

  it('says when a window is too short', () => {
    expect(() => fitHistory({ ...input, to: '2025-04-10' })).toThrow(/shorter than 4 weeks/);
  });
});

/** The "as at" dates the demo and the suite must not depend on: month ends, 29 February, the clock changes, 31 December. */
const CALENDAR_SPREAD = [
  '2026-11-30',
  '2026-12-31',
  '2027-01-31',
  '2027-02-28',
  '2028-02-29',
  '2027-03-28',
  '2026-10-25',
  '2027-10-31',
  '2026-04-30',
];

describe('a fitted baseline is never refused by the scenario schema', () => {
  /** A random hub history: random rates and stays, random onward moves from pathway 2 and D2A outcome counts. */
  function randomHistory(seed: number, to: string) {
    const rng = new Rng(seed, 0);
    const days = 28 + Math.floor(rng.uniform() * 200);
    const from = addDays(to, -days);
    const start = isoToDayNumber(from);
    const referrals: HistoryReferral[] = [];
    const rate = { 1: 0.5 + rng.uniform() * 6, 2: 0.1 + rng.uniform() * 2, 3: 0.05 + rng.uniform() * 1 };
    const toP1 = rng.uniform();
    const toP3 = rng.uniform() * (1 - toP1);
    for (let d = 0; d < days; d++) {
      for (const pathway of [1, 2, 3] as const) {
        const k = Math.floor(rate[pathway] * 2 * rng.uniform() + rng.uniform());
        for (let i = 0; i < k; i++) {
          const ready = (start + d + rng.uniform()) * DAY;
          const started = ready + rng.exponential(1 + rng.uniform()) * DAY;
          const ended = started + (1 + rng.exponential(0.1)) * DAY;
          const u = rng.uniform();
          referrals.push({
            pathway,
            readyAt: new Date(ready).toISOString(),
            startedAt: rng.uniform() < 0.9 ? new Date(started).toISOString() : null,
            endedAt: rng.uniform() < 0.8 ? new Date(ended).toISOString() : null,
            nextPathway: pathway === 2 ? (u < toP1 ? 1 : u < toP1 + toP3 ? 3 : null) : null,
          });
        }
      }
    }
    const count = () => Math.floor(rng.uniform() * (rng.uniform() < 0.5 ? 8 : 400));
    const d2aOutcomes = {
      usual_residence: count(),
      care_home: count(),
      hospital: count(),
      died: count(),
      other: count(),
    };
    const beds = Array.from({ length: Math.floor(rng.uniform() * 60) }, () => ({
      kind: rng.uniform() < 0.5 ? ('rehab' as const) : ('d2a' as const),
      fromDate: from,
      toDate: null,
    }));
    return { from, to, referrals, beds, d2aOutcomes };
  }

  it('for D2A outcomes of 1 home, 1 care home and 4 other (shares that rounded alone add up to 1.0001)', () => {
    const input = { ...history(), d2aOutcomes: { usual_residence: 1, care_home: 1, died: 4 } };
    const fit = fitHistory(input);
    expect(fit.pathways[2].onward.reduce((s, o) => s + o.probability, 0)).toBe(1);
    expect(() =>
      baselineScenario(fit, {
        startDate: input.to,
        costPerAcuteBedDay: 345,
        costPerPlaceDay: { p1: 60, p2: 250, p3: 180 },
      }),
    ).not.toThrow();
  });

  it('over 300 random histories ending on a spread of calendar dates', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const to = CALENDAR_SPREAD[seed % CALENDAR_SPREAD.length];
      const input = randomHistory(seed, to);
      const fit = fitHistory(input);
      for (const p of fit.pathways) {
        const total = p.onward.reduce((s, o) => s + o.probability, 0);
        expect(total, `seed ${seed}, pathway ${p.pathway}`).toBeLessThanOrEqual(1 + SHARE_TOLERANCE);
        for (const o of p.onward) expect(Math.round(o.probability * 1e4)).toBeCloseTo(o.probability * 1e4, 6);
      }
      expect(
        () =>
          baselineScenario(fit, {
            startDate: to,
            replications: 5,
            costPerAcuteBedDay: 345,
            costPerPlaceDay: { p1: 60, p2: 250, p3: 180 },
          }),
        `seed ${seed}, to ${to}`,
      ).not.toThrow();
    }
  }, 120_000);
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
