import { describe, expect, it } from 'vitest';
import { compileScenario } from './compile.js';
import { Simulator } from './engine.js';
import { Rng } from './rng.js';
import { scenarioSchema, type ScenarioInput } from './scenario.js';
import { simulate } from './simulate.js';
import { drawStayGiven, drawStaySeenNow } from './stays.js';

type ServiceInput = ScenarioInput['services'][number];

/** One bed service from 5 January 2026 for `days` days, no referrals unless given. */
function oneService(service: Partial<ServiceInput>, days = 30, replications = 1) {
  return scenarioSchema.parse({
    startDate: '2026-01-05',
    days,
    replications,
    seed: 7,
    services: [
      {
        id: 'p2',
        name: 'Rehab beds',
        pathway: 2,
        unit: 'bed',
        capacity: 10,
        arrivals: { kind: 'schedule', times: [] },
        lengthOfStay: { kind: 'fixed', days: 10 },
        ...service,
      },
    ],
  });
}

describe("today's position: people in service, with their time so far", () => {
  it('a fixed 10-day stay 4 days in has exactly 6 days to go; one 12 days in leaves at once (worked by hand)', () => {
    const scenario = oneService({ initialState: { inService: [4, 12] } });
    const model = compileScenario(scenario);
    expect(model.warmup).toBe(0);
    expect(model.warmupSource).toBe('initial state');
    const r = new Simulator(model).run(scenario.seed, 0);
    // Day 0–5: the first person; the second leaves at time 0.
    expect(Array.from(r.daily[0].occupancy.slice(0, 8))).toEqual([1, 1, 1, 1, 1, 1, 0, 0]);
    expect(r.services[0].meanOccupancy).toBeCloseTo(6 / 30, 12);
  });

  it('recorded stays of 5, 10 and 20 days, 8 days in: 2 or 12 days to go, equally likely (mean 7)', () => {
    // Given the stay is longer than 8 days it is 10 or 20 with probability ½ each: remaining 2 or 12.
    const scenario = oneService(
      { lengthOfStay: { kind: 'empirical', days: [5, 10, 20] }, initialState: { inService: [8] } },
      30,
      2000,
    );
    const model = compileScenario(scenario);
    const sim = new Simulator(model);
    const remaining: number[] = [];
    for (let r = 0; r < 2000; r++) remaining.push(sim.run(scenario.seed, r).services[0].meanOccupancy * 30);
    expect(new Set(remaining.map((x) => Math.round(x * 1e9) / 1e9))).toEqual(new Set([2, 12]));
    const mean = remaining.reduce((a, b) => a + b, 0) / remaining.length;
    // Binomial(2000, ½) share of 12s: standard error of the mean 5 / √2000 ≈ 0.11.
    expect(Math.abs(mean - 7)).toBeLessThan(0.4);
  });

  it('draws the rest of a lognormal stay from its upper tail: E[S − a | S > a] by numerical integration', () => {
    // Lognormal with mean 20 and SD 10 days, 25 days in: the conditional mean remaining stay, by the trapezoid
    // rule on ∫ₐ^∞ (s − a) f(s) ds ÷ ∫ₐ^∞ f(s) ds.
    const mean = 20;
    const sd = 10;
    const sigma2 = Math.log(1 + (sd / mean) ** 2);
    const mu = Math.log(mean) - sigma2 / 2;
    const density = (x: number) =>
      Math.exp(-((Math.log(x) - mu) ** 2) / (2 * sigma2)) / (x * Math.sqrt(2 * Math.PI * sigma2));
    const a = 25;
    let top = 0;
    let bottom = 0;
    const h = 0.001;
    for (let x = a; x < 400; x += h) {
      const f = (density(x) + density(x + h)) / 2;
      top += (x + h / 2 - a) * f * h;
      bottom += f * h;
    }
    const expected = top / bottom;
    const model = compileScenario(oneService({ lengthOfStay: { kind: 'lognormal', mean, sd } }));
    const rng = new Rng(3, 1);
    let sum = 0;
    let shortest = Infinity;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const total = drawStayGiven(model, 0, rng, a);
      shortest = Math.min(shortest, total);
      sum += total - a;
    }
    expect(shortest).toBeGreaterThanOrEqual(a);
    expect(sum / n).toBeCloseTo(expected, 1);
    // Far into the tail (90 days in, P(S > 90) ≈ 1e-5) it still draws from the tail, not from the whole distribution.
    const far = drawStayGiven(model, 0, rng, 90);
    expect(far).toBeGreaterThan(90);
    expect(far).toBeLessThan(200);
  });

  it('gamma and exponential stays: the rest of the stay by the tail or by memorylessness', () => {
    const gamma = compileScenario(oneService({ lengthOfStay: { kind: 'gamma', mean: 24, sd: 12 } }));
    const exp = compileScenario(oneService({ lengthOfStay: { kind: 'exponential', mean: 9 } }));
    const rng = new Rng(4, 2);
    let expSum = 0;
    for (let i = 0; i < 50_000; i++) expSum += drawStayGiven(exp, 0, rng, 30) - 30;
    expect(expSum / 50_000).toBeCloseTo(9, 0);
    // Gamma(shape 4, scale 6), 100 days in (P(S > 100) ≈ 1e-5): the numerical inverse of the upper tail.
    for (let i = 0; i < 20; i++) expect(drawStayGiven(gamma, 0, rng, 100)).toBeGreaterThan(100);
  });

  it('people in service with days unknown have the residual-life distribution: fixed d → rest uniform on (0, d)', () => {
    const fixed = compileScenario(oneService({ lengthOfStay: { kind: 'fixed', days: 10 } }));
    const exp = compileScenario(oneService({ lengthOfStay: { kind: 'exponential', mean: 8 } }));
    const rng = new Rng(5, 3);
    let fixedSum = 0;
    let expSum = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const [total, spent] = drawStaySeenNow(fixed, 0, rng);
      if (total !== 10) throw new Error(`a fixed stay of 10 days was seen as ${total}`);
      fixedSum += total - spent;
      const [t2, s2] = drawStaySeenNow(exp, 0, rng);
      expSum += t2 - s2;
    }
    // Within four standard errors (SD of the rest: 10/√12 and 8).
    expect(Math.abs(fixedSum / n - 5)).toBeLessThan((4 * 10) / Math.sqrt(12 * n));
    // The residual life of an exponential is exponential with the same mean.
    expect(Math.abs(expSum / n - 8)).toBeLessThan((4 * 8) / Math.sqrt(n));
  });
});

describe("today's position: people already waiting", () => {
  it('someone waiting 2 days for the only bed, taken 3 more days, has waited 5 days when they start', () => {
    const scenario = oneService({
      capacity: 1,
      lengthOfStay: { kind: 'fixed', days: 3 },
      initialState: { inService: [0], waiting: [2] },
    });
    const model = compileScenario(scenario);
    const r = new Simulator(model).run(scenario.seed, 0);
    const s = r.services[0];
    expect(s.starts).toBe(1);
    expect(s.waitMean).toBeCloseTo(5, 12);
    expect(s.delayedBedDays).toBeCloseTo(3, 12); // only the days waited in the forecast
    expect(r.daily[0].admissions[3]).toBe(1);
    expect(r.daily[0].waitSum[3]).toBeCloseTo(5, 12);
    expect(Array.from(r.daily[0].queue.slice(0, 5))).toEqual([1, 1, 1, 0, 0]);
  });

  it('serves those waiting longest first, and reports the waits of people starting each day with bands', () => {
    const scenario = oneService(
      {
        capacity: 2,
        lengthOfStay: { kind: 'fixed', days: 1 },
        initialState: { inService: [0.5, 0.5], waiting: [1, 6, 3] },
      },
      10,
      3,
    );
    const result = simulate(scenario);
    const daily = result.services[0].daily;
    // At day 0.5 both beds free: the 6-day and 3-day waiters start (waits 6.5 and 3.5); at 1.5 the 1-day waiter (2.5).
    expect(daily.admissions.mean.slice(0, 3)).toEqual([2, 1, 0]);
    expect(daily.waitOfStarters.mean[0]).toBeCloseTo(5, 3);
    expect(daily.waitOfStarters.mean[1]).toBeCloseTo(2.5, 3);
    expect(result.services[0].initial).toEqual({ inService: 2, waiting: 3 });
    expect(result.scenario.fromInitialState).toBe(true);
    expect(result.warnings).toEqual([]);
  });
});
