import { describe, expect, it } from 'vitest';
import { compileScenario } from './compile.js';
import { boroughScenario } from './examples.js';
import { Rng } from './rng.js';
import { scenarioSchema } from './scenario.js';
import { simulate } from './simulate.js';
import { autoWarmupDays, fillDays, mser5 } from './warmup.js';

/** D2A-like beds with 45-day stays (lognormal, SD 20): 1.5 referrals a day for 100 beds (load 0.68). */
function longStays(warmupDays: number | 'auto', replications = 40) {
  return scenarioSchema.parse({
    startDate: '2026-04-01',
    days: 240,
    warmupDays,
    replications,
    seed: 11,
    services: [
      {
        id: 'p3',
        name: 'D2A beds',
        pathway: 3,
        unit: 'bed',
        capacity: 100,
        arrivals: { kind: 'poisson', perDay: 1.5 },
        lengthOfStay: { kind: 'lognormal', mean: 45, sd: 20 },
      },
    ],
  });
}

describe('warm-up: chosen from the stays, and checked with MSER-5', () => {
  it('MSER-5 finds the end of a transient: a 60-day ramp then noise around a level', () => {
    const rng = new Rng(1, 0);
    const series = Array.from({ length: 400 }, (_, d) => (d < 60 ? d / 60 : 1) * 50 + rng.normal());
    const cut = mser5(series);
    expect(cut).toBeGreaterThanOrEqual(50);
    expect(cut).toBeLessThanOrEqual(70);
    // A series that is settled from the start needs no truncation to speak of.
    const flat = Array.from({ length: 400 }, () => 50 + rng.normal());
    expect(mser5(flat)).toBeLessThanOrEqual(25);
  });

  it('warns when the warm-up is too short for 45-day stays, naming the warm-up needed', () => {
    const result = simulate(longStays(10));
    const warning = result.warnings.find((w) => w.code === 'warm-up-too-short');
    expect(warning).toBeDefined();
    expect(warning!.serviceId).toBe('p3');
    expect(warning!.neededWarmupDays).toBeGreaterThan(60);
    expect(warning!.message).toMatch(/had not settled/);
    expect(warning!.message).toMatch(new RegExp(`at least ${warning!.neededWarmupDays} days`));
  });

  it('chooses enough by default ("auto") for such stays, so there is no warning and no bias', () => {
    const model = compileScenario(longStays('auto'));
    expect(model.warmupSource).toBe('auto');
    expect(model.warmup).toBeGreaterThan(60); // the old fixed default, too short for these stays
    const auto = simulate(longStays('auto'));
    expect(auto.warnings).toEqual([]);
    expect(auto.scenario.warmupDays).toBe(model.warmup);
    // The old fixed 60-day warm-up biased occupancy low: by Little's law 1.5 × 45 = 67.5 beds are in use.
    const sixty = simulate(longStays(60));
    expect(auto.services[0].metrics.meanOccupancy.mean / 67.5).toBeGreaterThan(0.97);
    expect(sixty.services[0].metrics.meanOccupancy.mean).toBeLessThan(auto.services[0].metrics.meanOccupancy.mean);
  }, 60_000);

  it('adds up the fill time along chains of services, and the queue relaxation of busy ones', () => {
    const model = compileScenario(boroughScenario({ replications: 2 }));
    const fill = model.survival.map((s) => fillDays(s));
    // p2 sends people on to p1: p1 needs p2's fill time and its own.
    const chain = autoWarmupDays([fill[0], fill[1], fill[2]], [[1], [], []], [0, 0, 0], [1, 1, 1]);
    expect(chain).toBe(Math.ceil(fill[0] + fill[1]));
    expect(model.warmup).toBeGreaterThanOrEqual(chain);
    // No warning for the borough's seasonal referrals once warmed up by default.
    expect(simulate(boroughScenario({ replications: 20 })).warnings).toEqual([]);
  }, 60_000);

  it('warns that a service whose referrals need more than its capacity has no steady state', () => {
    const scenario = scenarioSchema.parse({
      ...longStays('auto', 5),
      services: [{ ...longStays('auto').services[0], capacity: 50 }],
    });
    const result = simulate(scenario);
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'overloaded', serviceId: 'p3' })]);
    expect(result.warnings[0].message).toMatch(/135% of its places/);
  });
});
