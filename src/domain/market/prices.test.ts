import { describe, expect, it } from 'vitest';
import {
  councilFundedShare,
  isActiveOn,
  meanPriceChange,
  pricesByQuarter,
  shareAtOrBelowUsualRate,
  shareBy,
  summarisePrices,
  usualRateOn,
  weeklyCostOfHours,
} from './prices';
import { addMonths, quarterOf } from '../core/dates.js';

const rates = [
  { band: 'standard_residential', effectiveFrom: '2023-04-01', amountPence: 62_000 },
  { band: 'standard_residential', effectiveFrom: '2024-04-01', amountPence: 70_100 },
  { band: 'standard_nursing', effectiveFrom: '2024-04-01', amountPence: 71_500 },
  { band: 'homecare_hourly', effectiveFrom: '2024-04-01', amountPence: 2_400 },
];

describe('usual rates', () => {
  it('picks the rate in force on the date', () => {
    expect(usualRateOn(rates, 'standard_residential', '2024-03-31')?.amountPence).toBe(62_000);
    expect(usualRateOn(rates, 'standard_residential', '2024-04-01')?.amountPence).toBe(70_100);
    expect(usualRateOn(rates, 'standard_residential', '2023-03-31')).toBeNull();
    expect(usualRateOn(rates, 'enhanced_nursing', '2025-01-01')).toBeNull();
  });
  it('counts placements at or below the rate on their start date', () => {
    const s = shareAtOrBelowUsualRate(
      [
        {
          band: 'standard_residential',
          startDate: '2024-03-31',
          weeklyPricePence: 62_000,
          contractType: 'spot',
          funding: 'council',
        }, // = old rate
        {
          band: 'standard_residential',
          startDate: '2024-04-01',
          weeklyPricePence: 70_100,
          contractType: 'spot',
          funding: 'council',
        }, // = new rate
        {
          band: 'standard_residential',
          startDate: '2024-05-01',
          weeklyPricePence: 72_000,
          contractType: 'spot',
          funding: 'council',
        }, // above
        {
          band: 'individual',
          startDate: '2024-05-01',
          weeklyPricePence: 150_000,
          contractType: 'spot',
          funding: 'council',
        },
        {
          band: 'homecare_hourly',
          startDate: '2024-05-01',
          weeklyPricePence: 24_260,
          hourlyRatePence: 2_426,
          contractType: 'dps',
          funding: 'council',
        }, // £24.26 > £24
      ],
      rates,
    );
    expect(s).toEqual({ compared: 4, atOrBelow: 2, share: 0.5, notCompared: 1 });
  });
});

describe('quartiles (QUARTILE.INC)', () => {
  it('summarises weekly prices', () => {
    expect(summarisePrices([98_300, 70_100, 77_200, 71_500, 75_300])).toEqual({
      n: 5,
      mean: 78_480,
      min: 70_100,
      q1: 71_500,
      median: 75_300,
      q3: 77_200,
      max: 98_300,
    });
  });
  it('groups by calendar quarter of the start date', () => {
    expect(quarterOf('2024-03-31')).toBe('2024-Q1');
    expect(quarterOf('2024-04-01')).toBe('2024-Q2');
    const q = pricesByQuarter([
      { startDate: '2024-04-02', weeklyPricePence: 70_000 },
      { startDate: '2024-06-30', weeklyPricePence: 80_000 },
      { startDate: '2024-01-15', weeklyPricePence: 65_000 },
    ]);
    expect(q.map((x) => [x.quarter, x.n, x.median])).toEqual([
      ['2024-Q1', 1, 65_000],
      ['2024-Q2', 2, 75_000],
    ]);
  });
});

describe('two-year change in mean new placement price', () => {
  it('compares the latest 12 months with the 12 months ending two years earlier', () => {
    const c = meanPriceChange(
      [
        { startDate: '2022-06-30', weeklyPricePence: 10_000 }, // on the earlier window's opening boundary: excluded
        { startDate: '2022-07-01', weeklyPricePence: 50_000 },
        { startDate: '2023-06-30', weeklyPricePence: 60_000 },
        { startDate: '2024-06-30', weeklyPricePence: 1 }, // between the windows
        { startDate: '2024-07-01', weeklyPricePence: 97_350 },
      ],
      '2025-06-30',
    );
    expect(c.earlierFrom).toBe('2022-06-30');
    expect(c.earlierTo).toBe('2023-06-30');
    expect(c.recentFrom).toBe('2024-06-30');
    expect(c.earlierMean).toBe(55_000);
    expect(c.recentMean).toBe(97_350);
    expect(c.change).toBeCloseTo(0.77, 10); // Havering's 77%
    expect(meanPriceChange([], '2025-06-30').change).toBeNull();
  });
  it('adds months clamping to month end', () => {
    expect(addMonths('2024-02-29', -12)).toBe('2023-02-28');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-06-30', -24)).toBe('2023-06-30');
  });
});

describe('mix and packages', () => {
  it('shares by contract type', () => {
    const s = shareBy([{ c: 'spot' }, { c: 'spot' }, { c: 'block' }, { c: 'framework' }], 'c', [
      'spot',
      'framework',
      'block',
      'dps',
    ] as const);
    expect(s).toEqual([
      { key: 'spot', count: 2, share: 0.5 },
      { key: 'framework', count: 1, share: 0.25 },
      { key: 'block', count: 1, share: 0.25 },
      { key: 'dps', count: 0, share: 0 },
    ]);
  });
  it('prices homecare as hours × rate, to the penny half up, without float noise', () => {
    // 10.5 h × £24.26 = £254.73 exactly.
    expect(weeklyCostOfHours(10.5, 2_426)).toBe(25_473);
    // 12.5 h × £23.45 = £293.125 → £293.13 (half a penny goes up).
    expect(weeklyCostOfHours(12.5, 2_345)).toBe(29_313);
    // 1.13 h × £22.50 = £25.425 → £25.43; in floating point 1.13 × 2250 is 2542.4999…, which Math.round takes down.
    expect(1.13 * 2_250).toBeLessThan(2_542.5);
    expect(weeklyCostOfHours(1.13, 2_250)).toBe(2_543);
    // 0.58 h × £17.25 = £10.005 → £10.01.
    expect(weeklyCostOfHours(0.58, 1_725)).toBe(1_001);
  });
  it('knows when a placement is active', () => {
    expect(isActiveOn({ startDate: '2024-01-01', endDate: '2024-02-01' }, '2024-02-01')).toBe(false);
    expect(isActiveOn({ startDate: '2024-01-01', endDate: null }, '2024-01-01')).toBe(true);
    expect(councilFundedShare(30, 40)).toBe(0.75);
    expect(councilFundedShare(3, 0)).toBeNull();
  });
});
