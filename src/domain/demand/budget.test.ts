import { describe, expect, it } from 'vitest';
import { applyPolicyLever, budgetPressure, divertedShare, WEEKS_PER_YEAR } from './budget.js';
import { supplyGap } from './gap.js';

describe('budget pressure, the Thurrock way', () => {
  // Thurrock (seed 002): care home residents +35 (7.5%) by 2027 against the 2023 baseline.
  const years = [2023, 2024, 2025, 2026, 2027];
  const clients = [466, 474.75, 483.5, 492.25, 501];
  it('is projected clients × today’s weekly cost × 365/7, against the base year, with no inflation', () => {
    const r = budgetPressure({
      years,
      baseYear: 2023,
      series: [{ service: 'care_home_residential', clients }],
      weeklyCostPence: { care_home_residential: 80_000 }, // £800 a week
      upliftRate: 0,
    });
    expect(r.baseTotalPence).toBeCloseTo(466 * 80_000 * (365 / 7), 4);
    const last = r.rows[4];
    expect(last.pressurePence).toBeCloseTo(35 * 80_000 * (365 / 7), 4); // £1,460,000
    expect(last.pressurePence).toBeCloseTo(146_000_000, 0);
    expect(last.pressureShare).toBeCloseTo(35 / 466, 12); // 7.5%
    expect(r.note).toMatch(/no inflation/);
    expect(r.note).toContain('£800');
  });
  it('compounds an optional uplift from the base year', () => {
    const r = budgetPressure({
      years,
      baseYear: 2023,
      series: [{ service: 'care_home_residential', clients }],
      weeklyCostPence: { care_home_residential: 80_000 }, // £800 a week
      upliftRate: 0.03,
    });
    expect(r.rows[4].totalPence).toBeCloseTo(501 * 80_000 * 1.03 ** 4 * WEEKS_PER_YEAR, 4);
    expect(r.rows[0].pressurePence).toBe(0);
  });
  it('leaves out services with no recorded cost', () => {
    const r = budgetPressure({
      years,
      baseYear: 2023,
      series: [
        { service: 'care_home_residential', clients },
        { service: 'extra_care', clients: years.map(() => 50) },
      ],
      weeklyCostPence: { care_home_residential: 80_000 }, // £800 a week
      upliftRate: 0,
    });
    expect(r.rows[0].services.map((s) => s.service)).toEqual(['care_home_residential']);
  });
});

describe('policy lever: divert new care home admissions to homecare', () => {
  const lever = {
    from: 'care_home_residential' as const,
    to: 'homecare' as const,
    share: 0.2,
    startYear: 2025,
    meanStayYears: 2,
    ratio: 1,
  };
  it('builds up over one mean stay', () => {
    expect(divertedShare(lever, 2025)).toBe(0);
    expect(divertedShare(lever, 2026)).toBeCloseTo(0.1, 12);
    expect(divertedShare(lever, 2027)).toBeCloseTo(0.2, 12);
    expect(divertedShare(lever, 2040)).toBeCloseTo(0.2, 12);
  });
  it('moves clients without losing any (ratio 1) and lowers the cost when homecare is cheaper', () => {
    const years = [2025, 2026, 2027];
    const series = [
      { service: 'care_home_residential' as const, clients: [500, 520, 540] },
      { service: 'homecare' as const, clients: [1000, 1030, 1060] },
    ];
    const moved = applyPolicyLever(years, series, lever);
    expect(moved[0].clients).toEqual([500, 520 * 0.9, 540 * 0.8]);
    expect(moved[1].clients[2]).toBeCloseTo(1060 + 108, 9);
    for (let i = 0; i < 3; i++)
      expect(moved[0].clients[i] + moved[1].clients[i]).toBeCloseTo(series[0].clients[i] + series[1].clients[i], 9);
    expect(series[0].clients).toEqual([500, 520, 540]); // input untouched
    const cost = { care_home_residential: 90_000, homecare: 35_000 }; // £900 and £350 a week
    const before = budgetPressure({ years, baseYear: 2025, series, weeklyCostPence: cost, upliftRate: 0 });
    const after = budgetPressure({ years, baseYear: 2025, series: moved, weeklyCostPence: cost, upliftRate: 0 });
    expect(before.rows[2].totalPence - after.rows[2].totalPence).toBeCloseTo(
      108 * (90_000 - 35_000) * WEEKS_PER_YEAR,
      4,
    );
  });
  it('adds the target service when it had no clients', () => {
    const moved = applyPolicyLever([2025, 2027], [{ service: 'care_home_residential', clients: [100, 100] }], {
      ...lever,
      to: 'reablement',
    });
    expect(moved.find((s) => s.service === 'reablement')!.clients).toEqual([0, 20]);
  });
});

describe('supply gap and crossing year', () => {
  const years = [2025, 2026, 2027, 2028, 2029, 2030];
  it('grows market use with clients and finds the year capacity runs out at the target occupancy', () => {
    // 400 council clients, 900 beds in use across the market (2.25×), 1,000 beds; target occupancy 95%.
    const clients = [400, 410, 420, 430, 440, 450];
    const r = supplyGap({
      service: 'care_home_residential',
      years,
      baseYear: 2025,
      clients,
      unitsPerClient: 1,
      supply: { service: 'care_home_residential', capacity: 1000, inUseToday: 900 },
      targetOccupancy: 0.95,
    });
    expect(r.marketFactor).toBeCloseTo(2.25, 12);
    // needed(y) = clients × 2.25 / 0.95; > 1000 once clients > 422.2 → 2028 (430 → 1018.4)
    expect(r.rows[0].required).toBeCloseTo(900 / 0.95, 9);
    expect(r.rows[2].gap).toBeLessThan(0);
    expect(r.rows[3].required).toBeCloseTo((430 * 2.25) / 0.95, 9);
    expect(r.crossingYear).toBe(2028);
    expect(r.shortToday).toBe(false);
    expect(r.rows[5].gap).toBeCloseTo((450 * 2.25) / 0.95 - 1000, 9);
  });
  it('uses council clients alone when market use is unknown, and reports a shortfall today', () => {
    const r = supplyGap({
      service: 'homecare',
      years,
      baseYear: 2025,
      clients: [100, 100, 100, 100, 100, 100],
      unitsPerClient: 12,
      supply: { service: 'homecare', capacity: 1000, inUseToday: null },
      targetOccupancy: 1,
    });
    expect(r.rows[0].required).toBe(1200);
    expect(r.crossingYear).toBe(2025);
    expect(r.shortToday).toBe(true);
  });
  it('reports no crossing when supply lasts', () => {
    const r = supplyGap({
      service: 'extra_care',
      years,
      baseYear: 2025,
      clients: [50, 50, 50, 50, 50, 50],
      unitsPerClient: 1,
      supply: { service: 'extra_care', capacity: 99, inUseToday: 90 },
      targetOccupancy: 0.95,
    });
    expect(r.crossingYear).toBeNull();
  });
});

describe('budget and gap notes write figures as the pages do (fresh-user review 16)', () => {
  it('writes a weekly cost with a thousands separator and the uplift as a rounded percentage', () => {
    const r = budgetPressure({
      years: [2026, 2027],
      baseYear: 2026,
      series: [{ service: 'supported_living', clients: [10, 11] }],
      weeklyCostPence: { supported_living: 150_836.7 },
      upliftRate: 0.0325,
    });
    expect(r.note).toContain('Supported living £1,508.37');
    expect(r.note).not.toMatch(/£1508/);
    expect(r.note).toContain('prices uplifted 3.3% a year');
  });
  it('writes market use and capacity as whole hours, with separators, and the factor to three figures', () => {
    const g = supplyGap({
      service: 'homecare',
      years: [2026, 2027],
      baseYear: 2026,
      clients: [1000, 1100],
      unitsPerClient: 17.3,
      targetOccupancy: 0.95,
      supply: { service: 'homecare', capacity: 21533.8, inUseToday: 20448.8 },
    });
    expect(g.note).toContain('Market use today 20,449 hours a week');
    expect(g.note).toContain("capacity held at today's 21,534 hours a week");
    expect(g.note).toMatch(/council clients' use ×1\.18\b/);
    expect(g.note).not.toMatch(/\d\.\d+ hours/);
  });
});
