import { describe, expect, it } from 'vitest';
import { boroughScenario } from '../../../../src/domain/discharge/simulation/examples.js';
import { simulate } from '../../../../src/domain/discharge/simulation/simulate.js';
import { toCsv } from '../../components/downloads';
import {
  DAILY_DOWNLOAD_COLUMNS,
  comparisonDownloadColumns,
  cumulativeWaits,
  curveDownloadColumns,
  dailyRows,
  historyCheck,
  positionRows,
  resultsDownloadColumns,
  serviceRows,
  type CurveRow,
  type DailyRow,
  type ServiceRow,
} from './views';
import type { ComparisonRow } from './types';

describe('planner views', () => {
  const result = simulate(boroughScenario({ replications: 10, days: 90 }));

  it('gives a rising distribution of waits for a place that reads the table’s share at the target’s days', () => {
    const target = result.scenario.target.withinDays;
    for (const [s, service] of result.services.entries()) {
      const rows = cumulativeWaits(result).filter((r) => r.service === service.name);
      for (let i = 1; i < rows.length; i++) expect(rows[i].share).toBeGreaterThanOrEqual(rows[i - 1].share - 1e-12);
      // One definition, computed once: the chart at the target's days is the results table's figure.
      const atTarget = rows.find((r) => r.days === target)!.share;
      expect(atTarget).toBeCloseTo(serviceRows(result)[s].withinTarget, 10);
      expect(atTarget).toBeCloseTo(service.metrics.shareWithinTarget.mean, 10);
      expect(rows.at(-1)!.share).toBeGreaterThan(0.95);
    }
  });

  it('checks the baseline against the records on waits from being medically optimised, with no second "within N days"', () => {
    const fit = {
      pathways: [
        {
          pathway: 2,
          serviceId: 'p2',
          waits: { n: 50, mean: 1.8, median: 1, p90: 4, p95: 5, shareOver2: 0.3, shareWithin2: 0.7 },
        },
      ],
    } as unknown as Parameters<typeof historyCheck>[0];
    const [row] = historyCheck(fit, result);
    expect(row).toMatchObject({ observedMean: 1.8, observedMedian: 1, observedP90: 4, people: 50 });
    expect(row.simulatedP90).toBe(result.services[1].metrics.waitP90.mean);
    expect(Object.keys(row).some((k) => /within/i.test(k))).toBe(false);
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

describe('planner downloads', () => {
  const simulated = simulate(boroughScenario({ replications: 5, days: 30 }));
  const estimate = (mean: number) => ({ mean, low: mean, high: mean, sd: 0, n: 40 });
  it('writes the comparison in the table’s units: shares 0–100 under "%", pounds, days, whole people; no codes', () => {
    const rows = [
      {
        serviceId: 'a',
        serviceName: 'Reablement',
        metric: 'shareWithinTarget',
        label: 'Share within target',
        unit: 'share',
        values: [estimate(0.83456), estimate(0.9)],
      },
      {
        serviceId: '',
        serviceName: 'All services',
        metric: 'totalCostPence',
        label: 'Total cost',
        unit: 'pence',
        values: [estimate(123456789.4), null],
      },
      {
        serviceId: 'a',
        serviceName: 'Reablement',
        metric: 'waitMean',
        label: 'Mean wait',
        unit: 'days',
        values: [estimate(2.345678), estimate(1.04)],
      },
      {
        serviceId: 'a',
        serviceName: 'Reablement',
        metric: 'meanQueue',
        label: 'Mean number waiting',
        unit: 'people',
        values: [estimate(12.6), estimate(3.2)],
      },
    ] as unknown as ComparisonRow[];
    const csv = toCsv(comparisonDownloadColumns(['Today', 'Ten more beds']), rows).split('\r\n');
    expect(csv.slice(0, 5)).toEqual([
      'Service,Measure,Unit,Today,Ten more beds',
      'Reablement,Share within target,%,83.5,90',
      'All services,Total cost,£,1234568,',
      'Reablement,Mean wait,Days,2.3,1',
      'Reablement,Mean number waiting,People,13,3',
    ]);
  });

  it('writes the trade-off curve with Yes/No and percentages, never true/false or a share', () => {
    const row: CurveRow = {
      service: 'Reablement',
      capacity: 24,
      recommended: true,
      withinTarget: 0.91234,
      waitMean: 1.23456,
      waitP95: 4.5678,
      delayedBedDays: 345.67,
      serviceCostPence: 123456789,
      delayCostPence: 5000050,
      totalCostPence: 128456839,
    };
    const csv = toCsv(curveDownloadColumns(2), [row, { ...row, capacity: 25, recommended: false }]).split('\r\n');
    expect(csv[0]).toBe(
      'Service,Places,Recommended,Share getting a place within 2 days of being ready (%),Mean wait (days),95th percentile wait (days),Delayed acute bed-days,Cost of places (£),Cost of delays (£),Total cost (£)',
    );
    expect(csv[1]).toBe('Reablement,24,Yes,91.2,1.23,4.57,346,1234568,50001,1284568');
    expect(csv[2]).toBe('Reablement,25,No,91.2,1.23,4.57,346,1234568,50001,1284568');
  });
  it('writes every daily series with whole people and visits, as the page says them; days to 0.1; pounds', () => {
    const row: DailyRow = {
      service: 'Reablement',
      pathway: 'Pathway 1',
      date: '2026-12-01',
      capacity: 320.4,
      occupancy: 118.5,
      occupancyLow: 115.8,
      occupancyHigh: 122.8,
      visits: 176.2,
      visitsLow: 162.9,
      visitsHigh: 190.9,
      waiting: 3.46,
      waitingLow: 0.4,
      waitingHigh: 7.6,
      admissions: 5.5,
      admissionsLow: 2.2,
      admissionsHigh: 9.7,
      waitOfStarters: 1.26,
      waitOfStartersLow: 0.04,
      waitOfStartersHigh: 3.35,
      costPence: 1234567,
      costLowPence: 1100049,
      costHighPence: 1400051,
    };
    const bed: DailyRow = { ...row, service: 'Step-down beds', visits: null, visitsLow: null, visitsHigh: null };
    const csv = toCsv(DAILY_DOWNLOAD_COLUMNS, [row, bed]).split('\r\n');
    expect(csv[0]).toBe(
      'Service,Date,"Capacity (places, or visits a day)",People in service (mean),People in service (5th percentile),People in service (95th percentile),Visits made (mean),Visits made (5th percentile),Visits made (95th percentile),People waiting (mean),People waiting (5th percentile),People waiting (95th percentile),People starting (mean),People starting (5th percentile),People starting (95th percentile),Days waited by people starting (mean),Days waited by people starting (5th percentile),Days waited by people starting (95th percentile),"Cost, £ (mean)","Cost, £ (5th percentile)","Cost, £ (95th percentile)"',
    );
    expect(csv[1]).toBe('Reablement,2026-12-01,320,119,116,123,176,163,191,3,0,8,6,2,10,1.3,0,3.4,12346,11000,14001');
    expect(csv[2]).toBe('Step-down beds,2026-12-01,320,119,116,123,,,,3,0,8,6,2,10,1.3,0,3.4,12346,11000,14001');
  });

  it('writes a simulated forecast with no fractional people or visits', () => {
    const csv = toCsv(DAILY_DOWNLOAD_COLUMNS, dailyRows(simulated)).split('\r\n');
    const header = DAILY_DOWNLOAD_COLUMNS.map((c) => c.header);
    const whole = header.flatMap((h, i) => (/^(People (in service|waiting|starting)|Visits made)/.test(h) ? [i] : []));
    expect(whole).toHaveLength(12);
    for (const line of csv.slice(1).filter(Boolean))
      for (const i of whole) expect(line.split(',')[i]).toMatch(/^(\d+|)$/);
  });

  it('writes the results with whole people and visits, and leaves visits blank where they do not apply', () => {
    const base = serviceRows(simulated)[0];
    const visit: ServiceRow = {
      ...base,
      service: 'Reablement',
      unit: 'visit',
      occupancy: 89.4,
      visits: 162.9,
      capacity: 200.2,
      meanWaiting: 2.5,
    };
    const bed: ServiceRow = { ...visit, service: 'Step-down beds', unit: 'bed', visits: 0, occupancy: 20.6 };
    const cols = resultsDownloadColumns(2);
    const header = cols.map((c) => c.header);
    const csv = toCsv(cols, [visit, bed]).split('\r\n');
    const cell = (line: string, h: string) => line.split(',')[header.indexOf(h)];
    expect(cell(csv[1], 'Mean people in service')).toBe('89');
    expect(cell(csv[1], 'Mean visits a day')).toBe('163');
    expect(csv[1]).toContain(',89,163,200,3,');
    expect(csv[2]).toContain(',21,,200,3,');
  });
});
