import { describe, expect, it } from 'vitest';
import { recommendCapacity, withCapacityDelta } from './capacitySearch.js';
import { compareScenarios } from './compare.js';
import { csvLines, dailyRows, summaryRows } from './csv.js';
import { mmcLeastCapacity } from './queueingTheory.js';
import { SERVICE_METRICS } from './results.js';
import { scenarioSchema } from './scenario.js';
import { runInProcess, simulate } from './simulate.js';
import { boroughScenario } from './examples.js';

describe('capacity search', () => {
  it('recommends the M/M/c capacity for "95% start within 2 days" (±1 for simulation noise)', async () => {
    // 1 referral a day, exponential 20-day stays.
    const scenario = scenarioSchema.parse({
      startDate: '2026-04-01',
      days: 730,
      warmupDays: 100,
      replications: 40,
      seed: 3,
      target: { withinDays: 2, share: 0.95 },
      services: [
        {
          id: 'p3',
          name: 'D2A beds',
          pathway: 3,
          unit: 'bed',
          capacity: 22,
          costPerPlaceDayPence: 15_000,
          arrivals: { kind: 'poisson', perDay: 1 },
          lengthOfStay: { kind: 'exponential', mean: 20 },
        },
      ],
      costPerAcuteBedDayPence: 34_500,
    });
    const theory = mmcLeastCapacity(1, 1 / 20, 2, 0.95);
    const r = await recommendCapacity(scenario, 'p3', runInProcess, { replications: 40, curveSpan: 2 });
    expect(r.current).toBe(22);
    expect(r.recommended).not.toBeNull();
    expect(Math.abs(r.recommended! - theory)).toBeLessThanOrEqual(1);
    const at = (c: number) => r.curve.find((p) => p.capacity === c)!;
    expect(at(r.recommended!).meetsTarget).toBe(true);
    expect(at(r.recommended! - 1).meetsTarget).toBe(false);
    // More places: shorter waits, more place cost, fewer delayed bed-days.
    for (let i = 1; i < r.curve.length; i++) {
      expect(r.curve[i].shareWithinTarget.mean).toBeGreaterThanOrEqual(r.curve[i - 1].shareWithinTarget.mean);
      expect(r.curve[i].serviceCostPence.mean).toBeGreaterThan(r.curve[i - 1].serviceCostPence.mean);
      expect(r.curve[i].delayedBedDays.mean).toBeLessThanOrEqual(r.curve[i - 1].delayedBedDays.mean);
    }
    expect(r.curve.map((p) => p.capacity)).toContain(r.leastCost);
  });

  it("searches downwards when today's capacity is more than needed", async () => {
    const scenario = scenarioSchema.parse({
      startDate: '2026-04-01',
      days: 365,
      warmupDays: 60,
      replications: 20,
      seed: 3,
      services: [
        {
          id: 'p2',
          name: 'Rehab',
          pathway: 2,
          unit: 'bed',
          capacity: 60,
          arrivals: { kind: 'poisson', perDay: 1 },
          lengthOfStay: { kind: 'exponential', mean: 20 },
        },
      ],
    });
    const r = await recommendCapacity(scenario, 'p2', runInProcess, { replications: 20, curveSpan: 1 });
    expect(r.recommended).toBeLessThan(35);
    expect(r.recommended).toBeGreaterThan(20);
  });

  it('moves dated capacity changes by the same number of places', () => {
    const s = withCapacityDelta(boroughScenario(), 'p2', 3);
    expect(s.services[1].capacity).toBe(60);
    expect(s.services[1].capacityChanges.map((c) => c.capacity)).toEqual([64, 60]);
    expect(s.services[0].capacity).toBe(70);
  });
});

describe('scenarios side by side and CSV', () => {
  it('lines up services and shows winter flex cutting pathway 2 waits', () => {
    const baseline = simulate(boroughScenario({ name: 'Baseline', replications: 30 }));
    const noFlex = boroughScenario({ name: 'No winter flex', replications: 30 });
    noFlex.services[1].capacityChanges = [];
    const table = compareScenarios([baseline, simulate(noFlex)]);
    expect(table.scenarios).toEqual(['Baseline', 'No winter flex']);
    const wait = table.rows.find((r) => r.serviceId === 'p2' && r.metric === 'waitMean')!;
    expect(wait.values[0]!.mean).toBeLessThan(wait.values[1]!.mean);
    expect(table.rows.at(-1)!.metric).toBe('totalCostPence');
  });

  it('writes summary and daily CSV with one row per metric and per day', () => {
    const result = simulate(boroughScenario({ replications: 5, days: 30 }));
    const summary = summaryRows(result);
    expect(summary[0]).toEqual([
      'scenario',
      'service',
      'pathway',
      'metric',
      'unit',
      'mean',
      'ci_low',
      'ci_high',
      'replications',
    ]);
    expect(summary.length).toBe(1 + 3 * SERVICE_METRICS.length + 2);
    const daily = dailyRows(result);
    expect(daily.length).toBe(1 + 3 * 30);
    expect(daily[0].slice(0, 7)).toEqual([
      'scenario',
      'service',
      'pathway',
      'date',
      'capacity_mean',
      'capacity_p5',
      'capacity_p95',
    ]);
    expect(daily[0]).toContain('wait_of_starters_days_p95');
    expect(daily[0]).toContain('cost_pence_mean');
    expect(daily[1].slice(0, 5)).toEqual(['Borough baseline', 'Reablement (pathway 1)', 1, '2026-04-01', 70]);
    expect(csvLines([['a,b', '=SUM(A1)', 1.23456789]])).toBe('"a,b",\'=SUM(A1),1.2346\r\n');
    expect(csvLines([['say "hi"', Infinity, null]])).toBe('"say ""hi""",,\r\n');
  });
});
