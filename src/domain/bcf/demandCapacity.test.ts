import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { dcSummary, monthlyCapacity, prefillDemandCapacity, shortfall, validateDcCells } from './demandCapacity.js';
import { monthsOfYear } from './period.js';

describe('demand and capacity', () => {
  it('shows the shortfall only when demand is above capacity', () => {
    // Seed 001: Havering's Home Settle and Support had capacity for 82 referrals a month and received 147.
    expect(shortfall({ demand: 147, capacity: 82 })).toBe(65);
    expect(shortfall({ demand: 20, capacity: 27 })).toBe(0);
    expect(shortfall({ demand: null, capacity: 27 })).toBeNull();
  });

  it('turns a scenario service into people a month by Little’s law', () => {
    // 20 beds, 30 days in April, mean stay 25 days → 24 people.
    expect(monthlyCapacity({ pathway: 2, unit: 'bed', capacity: 20, meanStayDays: 25 }, '2026-04')).toBe(24);
    // 120 visits a day at 2 visits a person → 60 people on the books; 31 days ÷ 21-day stay → 88.
    expect(
      monthlyCapacity({ pathway: 1, unit: 'visit', capacity: 120, meanStayDays: 21, visitsPerPersonDay: 2 }, '2026-05'),
    ).toBe(88);
  });

  it('prefills demand from the same month a year before, grown and split by place', () => {
    const months = monthsOfYear('2026/27');
    expect(months[0]).toBe('2026-04');
    const rows = prefillDemandCapacity({
      months,
      places: [
        { id: 'a', share: 0.25 },
        { id: 'b', share: 0.75 },
      ],
      history: [
        { service: 'reablement', month: '2025-04', referrals: 100 },
        { service: 'reablement', month: '2024-06', referrals: 200 },
      ],
      growth: 0.04,
      scenario: { name: 'Winter', services: [{ pathway: 1, unit: 'slot', capacity: 40, meanStayDays: 20 }] },
    });
    const aprilA = rows.find((r) => r.placeId === 'a' && r.service === 'reablement' && r.month === '2026-04')!;
    expect(aprilA.demand).toBe(26); // 100 × 1.04 × 0.25
    expect(aprilA.capacity).toBe(15); // 40 × 30 / 20 = 60 × 0.25
    expect(aprilA.capacitySource).toBe('scenario Winter');
    const mayB = rows.find((r) => r.placeId === 'b' && r.service === 'reablement' && r.month === '2026-05')!;
    expect(mayB.demand).toBeNull(); // no history for May in 2023–2025
    expect(mayB.capacity).toBe(46); // 40 × 31 / 20 = 62 × 0.75 = 46.5
    // June: no June 2025, so June 2024 grown two years: 200 × 1.04² × 0.75 = 162.24 → 162.
    expect(rows.find((r) => r.placeId === 'b' && r.service === 'reablement' && r.month === '2026-06')!.demand).toBe(
      162,
    );
    expect(rows.some((r) => r.service === 'welfare')).toBe(false);
    const sum = dcSummary(rows.filter((r) => r.placeId === 'a' && r.service === 'reablement'));
    expect(sum[0].demand).toBe(26 + 54); // April and June (200 × 1.04² × 0.25 = 54.08)
  });

  it('refuses shares that do not add up and fractional people', () => {
    expect(() =>
      prefillDemandCapacity({
        months: ['2026-04'],
        places: [{ id: 'a', share: 0.5 }],
        history: [],
        growth: 0,
        scenario: null,
      }),
    ).toThrow(InputError);
    expect(() => validateDcCells([{ service: 'welfare', month: '2026-04', demand: 1.5, capacity: 2 }])).toThrow(
      /demand and capacity/,
    );
  });
});
