import { describe, expect, it } from 'vitest';
import { compileScenario, visitsOnDay } from './compile.js';
import { Simulator } from './engine.js';
import { scenarioSchema, type ScenarioInput } from './scenario.js';
import { runReplications, simulate } from './simulate.js';

type ServiceInput = ScenarioInput['services'][number];

function reablement(service: Partial<ServiceInput>, extra: Partial<ScenarioInput> = {}) {
  return scenarioSchema.parse({
    startDate: '2026-01-05',
    days: 20,
    warmupDays: 0,
    seed: 3,
    costPerAcuteBedDayPence: 10_000,
    services: [
      {
        id: 'p1',
        name: 'Reablement visits',
        pathway: 1,
        unit: 'visit',
        capacity: 5,
        visits: { firstDay: 3, lastDay: 1 },
        costPerVisitPence: 2_000,
        costBasis: 'occupied',
        arrivals: { kind: 'schedule', times: [] },
        lengthOfStay: { kind: 'fixed', days: 3 },
        ...service,
      },
    ],
    ...extra,
  });
}

describe('reablement as visits: people, visits a day and the queue for a first visit', () => {
  it('visits fall in a straight line over the stay, rounded to whole visits and at least one a day', () => {
    expect([0, 1, 2, 3, 4, 5].map((k) => visitsOnDay(4, 1, 6, k))).toEqual([4, 3, 3, 2, 2, 1]);
    expect(visitsOnDay(3, 1, 1, 0)).toBe(3);
    expect(visitsOnDay(0.2, 0.2, 3, 1)).toBe(1);
  });

  it('starts each person on the first day all their visits fit (worked by hand)', () => {
    // 5 visits a day; each person needs 3, 2 and 1 visits over 3 days.
    // A (0.1): days 0–2 → visits [3, 2, 1]. B (0.2): day 0 would need 3 + 3 > 5; from day 1: 2+3, 1+2, 0+1 fit
    // → starts at 1 (waits 0.8), visits now [3, 5, 3, 1]. C (0.3), behind B: day 1 no (5+3), day 2 no (3+3),
    // day 3: 1+3, 0+2, 0+1 fit → starts at 3 (waits 2.7).
    const scenario = reablement({ arrivals: { kind: 'schedule', times: [0.1, 0.2, 0.3] } });
    const r = new Simulator(compileScenario(scenario)).run(scenario.seed, 0);
    const s = r.services[0];
    expect(s.starts).toBe(3);
    expect(s.waitMean).toBeCloseTo((0 + 0.8 + 2.7) / 3, 12);
    expect(s.waitMax).toBeCloseTo(2.7, 12);
    expect(Array.from(r.daily[0].visits!.slice(0, 7))).toEqual([3, 5, 3, 4, 2, 1, 0]);
    expect(Array.from(r.daily[0].admissions.slice(0, 5))).toEqual([1, 1, 0, 1, 0]);
    // Queue for a first visit: B waits 0.2→1, C 0.3→3.
    expect(r.daily[0].queue[0]).toBeCloseTo(0.8 + 0.7, 12);
    expect(r.daily[0].queue[1]).toBeCloseTo(1, 12);
    expect(r.daily[0].queue[2]).toBeCloseTo(1, 12);
    // People: A 0.1→3, B 1→4, C 3→6 (a stay ends at the end of its last day of visits).
    expect(Array.from(r.daily[0].occupancy.slice(0, 7)).map((x) => Math.round(x * 1e6) / 1e6)).toEqual([
      0.9, 2, 2, 2, 1, 1, 0,
    ]);
    // Cost: 18 visits × £20 made, plus 3.5 days waiting in hospital × £100.
    expect(s.serviceCostPence).toBeCloseTo(18 * 2_000, 9);
    expect(s.delayCostPence).toBeCloseTo(3.5 * 10_000, 9);
    expect(s.meanVisits).toBeCloseTo(18 / 20, 12);
    expect(s.utilisation).toBeCloseTo(18 / 100, 12);
  });

  it('matches the closed form with room for everyone: visits a day = λ × visits per stay; people = λ × (stay − ½)', () => {
    // 3 referrals a day, 6-day stays with visits 4, 3, 3, 2, 2, 1 (15 a stay): 45 visits a day on average. A person
    // referred at time u in a day is visited that day and the next five and leaves at the end of the sixth, so
    // stays 6 − u days: 3 × 5.5 = 16.5 people on average.
    const scenario = reablement(
      {
        capacity: 5_000, // room for everyone (the most a scenario may give)
        visits: { firstDay: 4, lastDay: 1 },
        arrivals: { kind: 'poisson', perDay: 3 },
        lengthOfStay: { kind: 'fixed', days: 6 },
      },
      { days: 3600, warmupDays: 20, replications: 2 },
    );
    const reps = runReplications(scenario);
    const visits = reps.reduce((a, r) => a + r.services[0].meanVisits, 0) / reps.length;
    const people = reps.reduce((a, r) => a + r.services[0].meanOccupancy, 0) / reps.length;
    // Poisson counts over 7,200 days: standard error of visits a day ≈ √(3 × 7200 × 15²)/7200 ≈ 0.27.
    expect(Math.abs(visits - 45)).toBeLessThan(1);
    expect(Math.abs(people - 16.5)).toBeLessThan(0.4);
    expect(reps[0].services[0].meanQueue).toBe(0);
  });

  it('keeps today’s people in service on the rest of their visits, from the day they have reached', () => {
    // A 6-day stay 2 days in: visits still to come 3, 2, 2, 1 (days 2–5 of 4, 3, 3, 2, 2, 1).
    const scenario = reablement({
      capacity: 100,
      visits: { firstDay: 4, lastDay: 1 },
      lengthOfStay: { kind: 'fixed', days: 6 },
      initialState: { inService: [2] },
    });
    const r = new Simulator(compileScenario(scenario)).run(scenario.seed, 0);
    expect(Array.from(r.daily[0].visits!.slice(0, 6))).toEqual([3, 2, 2, 1, 0, 0]);
    expect(Array.from(r.daily[0].occupancy.slice(0, 6))).toEqual([1, 1, 1, 1, 0, 0]);
  });

  it('reports occupancy as people and as visits, with daily bands, and more visits a day cut the wait', () => {
    const base = reablement(
      {
        capacity: 60,
        visits: { firstDay: 4, lastDay: 1 },
        arrivals: { kind: 'poisson', perDay: 4 },
        lengthOfStay: { kind: 'lognormal', mean: 7, sd: 3 },
      },
      { days: 120, warmupDays: 'auto', replications: 30 },
    );
    const tight = simulate(base);
    const loose = simulate({ ...base, services: [{ ...base.services[0], capacity: 90 }] });
    const t = tight.services[0];
    expect(t.unit).toBe('visit');
    expect(t.daily.visits!.mean).toHaveLength(120);
    expect(t.daily.visits!.p95[50]).toBeGreaterThanOrEqual(t.daily.visits!.p5[50]);
    expect(t.metrics.meanVisits.mean).toBeLessThanOrEqual(60);
    expect(t.metrics.meanOccupancy.mean).toBeGreaterThan(15);
    expect(loose.services[0].metrics.waitMean.mean).toBeLessThan(t.metrics.waitMean.mean);
  });

  it('lets a person blocked in a bed wait there until their first visit can be planned', () => {
    const scenario = scenarioSchema.parse({
      startDate: '2026-01-05',
      days: 10,
      warmupDays: 0,
      services: [
        {
          id: 'p2',
          name: 'Bed',
          pathway: 2,
          unit: 'bed',
          capacity: 2,
          arrivals: { kind: 'schedule', times: [0, 0] },
          lengthOfStay: { kind: 'fixed', days: 1 },
          onward: [{ to: 'p1', probability: 1 }],
        },
        {
          id: 'p1',
          name: 'Visits',
          pathway: 1,
          unit: 'visit',
          capacity: 3,
          visits: { firstDay: 2, lastDay: 2 },
          arrivals: { kind: 'schedule', times: [] },
          lengthOfStay: { kind: 'fixed', days: 2 },
        },
      ],
    });
    // Both leave the bed at day 1; 3 visits a day take one person (2 a day): the second starts at day 3 and
    // holds its bed until then (2 blocked bed-days).
    const r = new Simulator(compileScenario(scenario)).run(1, 0);
    expect(r.services[0].blockedPlaceDays).toBeCloseTo(2, 12);
    expect(Array.from(r.daily[1].visits!.slice(0, 6))).toEqual([0, 2, 2, 2, 2, 0]);
  });
});
