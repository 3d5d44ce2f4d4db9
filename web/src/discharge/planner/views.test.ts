import { describe, expect, it } from 'vitest';
import { boroughScenario } from '../../../../src/domain/discharge/simulation/examples.js';
import { simulate } from '../../../../src/domain/discharge/simulation/simulate.js';
import { cumulativeWaits, dailyRows, positionRows, serviceRows } from './views';

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

  it('carries every daily series with its 5–95% band, and visits only for visit services', () => {
    const row = dailyRows(result).find((r) => r.service === result.services[2].name && r.date === '2026-05-01')!;
    expect(row.admissionsLow).toBeLessThanOrEqual(row.admissions);
    expect(row.admissions).toBeLessThanOrEqual(row.admissionsHigh);
    expect(row.costLowPence).toBeLessThanOrEqual(row.costHighPence);
    expect(row.visits).toBeNull();
  });

  it('lays out today’s position per service, longest stay and wait first', () => {
    const scenario = boroughScenario();
    const rows = positionRows(
      {
        asAt: '2026-11-30T09:00:00.000Z',
        date: '2026-11-30',
        source: 'Hub board',
        unrecordedEnds: 0,
        services: [
          { serviceId: 'p2', inService: [40.5, 3, 1], waiting: [2.5, 0.5] },
          { serviceId: 'p3', inService: [], waiting: [] },
        ],
      },
      scenario,
    );
    expect(rows).toEqual([
      { id: 'p1', service: 'Reablement (pathway 1)', inService: 0, waiting: 0, longestWait: null, longestStay: null },
      {
        id: 'p2',
        service: 'Step-down rehab beds (pathway 2)',
        inService: 3,
        waiting: 2,
        longestWait: 2.5,
        longestStay: 40.5,
      },
      {
        id: 'p3',
        service: 'D2A care home beds (pathway 3)',
        inService: 0,
        waiting: 0,
        longestWait: null,
        longestStay: null,
      },
    ]);
  });
});
