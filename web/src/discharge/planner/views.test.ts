import { describe, expect, it } from 'vitest';
import { boroughScenario } from '../../../../src/domain/discharge/simulation/examples.js';
import { simulate } from '../../../../src/domain/discharge/simulation/simulate.js';
import { cumulativeWaits, dailyRows, serviceRows } from './views';

describe('planner views', () => {
  const result = simulate(boroughScenario({ replications: 10, days: 90 }));

  it('gives a rising waiting distribution that starts at the share who never wait and ends near everyone', () => {
    const p2 = cumulativeWaits(result).filter((r) => r.service === result.services[1].name);
    expect(p2[0]).toEqual({
      service: result.services[1].name,
      days: 0,
      share: 1 - result.services[1].metrics.shareWaiting.mean,
    });
    for (let i = 1; i < p2.length; i++) expect(p2[i].share).toBeGreaterThanOrEqual(p2[i - 1].share - 1e-12);
    // The share started within 2 days matches the engine's own count.
    const at2 = p2.find((r) => r.days === 2)!.share;
    expect(at2).toBeCloseTo(1 - result.services[1].metrics.shareOver2.mean, 1);
    expect(p2.at(-1)!.share).toBeGreaterThan(0.95);
  });

  it('lays out one row per service and one per service-day', () => {
    expect(serviceRows(result).map((r) => r.id)).toEqual(['p1', 'p2', 'p3']);
    const daily = dailyRows(result);
    expect(daily).toHaveLength(3 * 90);
    expect(daily[0].date).toBe('2026-04-01');
    expect(daily[0].occupancyLow).toBeLessThanOrEqual(daily[0].occupancyHigh);
  });
});
