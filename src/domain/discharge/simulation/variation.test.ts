import { describe, expect, it } from 'vitest';
import { fitArrivals } from './arrivalFit.js';
import { dayOfWeekOf, isoToDayNumber, monthOf } from './calendar.js';
import { compileScenario, rateOn } from './compile.js';
import { Simulator } from './engine.js';
import { Rng } from './rng.js';
import { scenarioSchema, type ScenarioInput } from './scenario.js';
import { runReplications, simulate } from './simulate.js';
import { standardVariants } from './variants.js';
import { boroughScenario } from './examples.js';

type ServiceInput = ScenarioInput['services'][number];

function beds(service: Partial<ServiceInput>, extra: Partial<ScenarioInput> = {}) {
  return scenarioSchema.parse({
    startDate: '2026-01-05',
    days: 20,
    warmupDays: 0,
    seed: 5,
    services: [
      {
        id: 'p2',
        name: 'Rehab beds',
        pathway: 2,
        unit: 'bed',
        capacity: 2,
        arrivals: { kind: 'schedule', times: [] },
        lengthOfStay: { kind: 'fixed', days: 5 },
        ...service,
      },
    ],
    ...extra,
  });
}

describe('capacity that changes within the day, by replication, or with the queue', () => {
  it('opens flex places when the queue reaches the threshold, after the lead time, and closes them as people leave', () => {
    // 2 beds, flex 1 more opened 1 day after 1 person is waiting. A, B, C at 0: A and B start; C waits; the flex bed
    // opens at 1 and C starts. The queue is empty, so the flex closes as its occupant leaves: at 5 A and B leave and
    // capacity is 2 again (C still in). C leaves at 6.
    const scenario = beds({
      arrivals: { kind: 'schedule', times: [0, 0, 0] },
      flex: { places: 1, openWhenWaiting: 1, leadDays: 1 },
    });
    const r = new Simulator(compileScenario(scenario)).run(5, 0);
    expect(r.services[0].waitMean).toBeCloseTo(1 / 3, 12);
    expect(Array.from(r.daily[0].capacity.slice(0, 8))).toEqual([2, 3, 3, 3, 3, 2, 2, 2]);
    expect(Array.from(r.daily[0].occupancy.slice(0, 8))).toEqual([2, 3, 3, 3, 3, 1, 0, 0]);
  });

  it('keeps the flex closed outside its months', () => {
    // Starts 1 March; the flex may open only in April.
    const scenario = beds(
      {
        arrivals: { kind: 'schedule', times: [0, 0, 0] },
        flex: { places: 1, openWhenWaiting: 1, months: [4] },
      },
      { startDate: '2026-03-01', days: 40 },
    );
    const r = new Simulator(compileScenario(scenario)).run(5, 0);
    // C waits until A or B leaves at day 5 (March), not for the flex.
    expect(r.services[0].waitMax).toBeCloseTo(5, 12);
    expect(r.services[0].meanCapacity).toBe(2);
  });

  it('flexes the seed BCF plan’s rehab beds from 52 to 61 only when people wait, cutting waits', () => {
    // Seed 001: "a baseline of 52 beds with a flex to 57 … 61 beds are open" in the winter.
    const base = scenarioSchema.parse({
      startDate: '2026-11-01',
      days: 180,
      replications: 30,
      seed: 9,
      services: [
        {
          id: 'p2',
          name: 'Community rehab beds',
          pathway: 2,
          unit: 'bed',
          capacity: 52,
          arrivals: { kind: 'poisson', perDay: 2.2 },
          lengthOfStay: { kind: 'gamma', mean: 24, sd: 12 },
        },
      ],
    });
    const flexed = {
      ...base,
      services: [{ ...base.services[0], flex: { places: 9, openWhenWaiting: 5, closeWhenWaiting: 0, leadDays: 1 } }],
    };
    const baseRun = simulate(base);
    const flexRun = simulate(flexed);
    // 2.2 referrals a day × 24 days need 52.8 beds: 52 cannot keep up, 52 with a flex to 61 can.
    expect(baseRun.warnings.map((w) => w.code)).toEqual(['overloaded']);
    expect(flexRun.warnings).toEqual([]);
    const without = baseRun.services[0].metrics;
    const withFlex = flexRun.services[0].metrics;
    expect(withFlex.waitMean.mean).toBeLessThan(without.waitMean.mean);
    expect(withFlex.meanCapacity.mean).toBeGreaterThan(52);
    expect(withFlex.meanCapacity.mean).toBeLessThan(61);
  }, 60_000);

  it('changes capacity at a time of day', () => {
    // From noon on 6 January the service has 4 places: day 1's mean capacity is 3.
    const scenario = beds({ capacityChanges: [{ from: '2026-01-06', time: '12:00', capacity: 4 }] });
    const r = new Simulator(compileScenario(scenario)).run(5, 0);
    expect(Array.from(r.daily[0].capacity.slice(0, 3))).toEqual([2, 3, 4]);
  });

  it('draws capacity per replication within the stated range, the same for a replication wherever it runs', () => {
    const scenario = beds({ capacity: 10, capacityVaries: { down: 2, up: 2 } }, { replications: 200 });
    const reps = runReplications(scenario);
    const seen = new Set(reps.map((r) => r.services[0].meanCapacity));
    expect([...seen].sort((a, b) => a - b)).toEqual([8, 9, 10, 11, 12]);
    expect(runReplications(scenario, 17, 18)[0].services[0].meanCapacity).toBe(reps[17].services[0].meanCapacity);
  });
});

describe('referrals that vary by date', () => {
  it('follows a daily series, and the mean of its ends outside it', () => {
    const scenario = beds(
      { capacity: 1000, arrivals: { kind: 'series', start: '2026-01-06', perDay: [2, 0, 4] } },
      { days: 6, replications: 3000 },
    );
    const model = compileScenario(scenario);
    // 5 Jan is before the series (mean of its days: 2); 6–8 Jan follow it; 9–10 Jan after it (2).
    expect(Array.from(model.rates[0]!)).toEqual([2, 2, 0, 4, 2, 2]);
    const reps = runReplications(scenario);
    const perDay = [0, 0, 0, 0];
    for (const r of reps) for (let d = 0; d < 4; d++) perDay[d] += r.daily[0].admissions[d] / reps.length;
    expect(perDay[0]).toBeCloseTo(2, 0);
    expect(perDay[1]).toBeCloseTo(2, 0);
    expect(perDay[2]).toBe(0);
    expect(perDay[3]).toBeCloseTo(4, 0);
  });

  it('applies a trend from the start date, compounded daily', () => {
    const scenario = beds({ arrivals: { kind: 'poisson', perDay: 10, trendPerYear: 0.1 } });
    const service = scenario.services[0];
    const start = isoToDayNumber('2026-01-05');
    expect(rateOn(service, start, start)).toBe(10);
    expect(rateOn(service, start + 365.25, start)).toBeCloseTo(11, 9);
  });

  it('fits a trend with weekday and month factors from three years of daily referrals', () => {
    const rng = new Rng(2, 0);
    const start = isoToDayNumber('2023-04-01');
    const weekday = [1.2, 1.15, 1.1, 1.1, 1.15, 0.7, 0.6];
    const month = [1.15, 1.1, 1.05, 0.95, 0.9, 0.9, 0.9, 0.9, 0.95, 1, 1.05, 1.15];
    const days = 3 * 365;
    const counts = Array.from({ length: days }, (_, d) => {
      const lambda =
        8 * Math.pow(1.05, (d - days) / 365.25) * weekday[dayOfWeekOf(start + d)] * month[monthOf(start + d)];
      let k = 0;
      let p = Math.exp(-lambda);
      let cum = p;
      const u = rng.uniform();
      while (u > cum) cum += p *= lambda / ++k;
      return k;
    });
    const fit = fitArrivals(counts, start);
    expect(fit.trendPerYear).toBeGreaterThan(0.02);
    expect(fit.trendPerYear).toBeLessThan(0.08);
    const meanWeekday = weekday.reduce((a, b) => a + b) / 7;
    expect(fit.dayOfWeek[6]).toBeCloseTo(0.6 / meanWeekday, 1);
    expect(fit.month[0] / fit.month[5]).toBeCloseTo(1.15 / 0.9, 1);
    expect(fit.source).toMatch(/Poisson regression on 1095 days/);
    // A year is not enough to tell a trend from the season.
    expect(fitArrivals(counts.slice(-365), start + 730).trendPerYear).toBe(0);
  });
});

describe('standard what-ifs', () => {
  it('include winter flex beds opened only when the queue is long (November to April)', () => {
    const variants = standardVariants(boroughScenario({ replications: 5 }));
    const flex = variants.find((v) => v.name.startsWith('Winter flex'))!;
    expect(flex.services.find((s) => s.id === 'p2')!.flex).toEqual({
      places: 9,
      openWhenWaiting: 5,
      closeWhenWaiting: 0,
      leadDays: 1,
      months: [11, 12, 1, 2, 3, 4],
    });
  });
});
