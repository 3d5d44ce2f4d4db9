import { describe, expect, it } from 'vitest';
import { createRng } from '../domain/core/random.js';
import { validateCareHomeCapacity } from '../domain/market/capacity.js';
import {
  DEMO_OLDER_BEDS,
  DEMO_OLDER_HOMES,
  FEATURED_PROVIDER_NAME,
  generateDemoMarket,
  upliftDates,
} from './marketGenerator.js';
import { meanPriceChange, pricesByQuarter, shareBy } from '../domain/market/prices.js';

const options = {
  asAt: '2026-11-23',
  boroughGss: 'E09000099',
  boroughName: 'Eastbrook (demo borough)',
  districts: [
    { district: 'EB1', lat: 51.58, lng: 0.18, gssCode: 'E09000099', locality: 'Eastbrook Town' },
    { district: 'EB2', lat: 51.59, lng: 0.2, gssCode: 'E09000099', locality: 'Eastbrook Town' },
    { district: 'EB3', lat: 51.6, lng: 0.23, gssCode: 'E09000099', locality: 'Harold Fields' },
    { district: 'WM1', lat: 51.55, lng: 0.1, gssCode: 'E09000098', locality: 'Westmarsh' },
  ],
  neighbourNames: { E09000098: 'Westmarsh (demo)' },
};

describe('demo market generator', () => {
  const a = generateDemoMarket(createRng(3, 'market'), options);
  it('is deterministic for a seed and differs between seeds', () => {
    const b = generateDemoMarket(createRng(3, 'market'), options);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const c = generateDemoMarket(createRng(4, 'market'), options);
    expect(JSON.stringify(c.placements.slice(0, 50))).not.toBe(JSON.stringify(a.placements.slice(0, 50)));
  });
  it('has 34 older people’s homes with 1,533 beds and the featured provider first', () => {
    const older = a.locations.filter(
      (l) => l.inBorough && l.serviceUserBands.includes('older_people') && l.registeredBeds != null,
    );
    expect(older).toHaveLength(DEMO_OLDER_HOMES);
    expect(older.reduce((s, l) => s + (l.registeredBeds ?? 0), 0)).toBe(DEMO_OLDER_BEDS);
    expect(a.providers.find((p) => p.key === a.featuredProviderKey)?.name).toBe(FEATURED_PROVIDER_NAME);
    const good = older.filter((l) => l.cqcRating === 'Good' || l.cqcRating === 'Outstanding').length;
    expect(good).toBe(27); // 79%: Havering/Thurrock-like
  });
  it('uses Havering’s latest usual rates and the Redbridge cost of care', () => {
    const latest = upliftDates('2026-11-23')[0];
    expect(latest).toBe('2026-04-01');
    const now = Object.fromEntries(
      a.usualRates.filter((r) => r.effectiveFrom === latest).map((r) => [r.band, r.amountPence]),
    );
    expect(now).toMatchObject({
      standard_residential: 70_100,
      enhanced_residential: 77_200,
      standard_nursing: 71_500,
      enhanced_nursing: 75_300,
    });
    expect(a.costOfCare.map((c) => c.amountPence).sort((x, y) => x - y)).toEqual([2_426, 98_300, 118_100]);
  });
  it('tells the price story: new placement prices rising as fees do (7–12% a year), spot falling from about half', () => {
    const care = a.placements.filter((p) => p.band !== 'individual' && p.band !== 'homecare_hourly');
    // Year on year: a plausible fee rise, not the +83% in two years the demo showed (issue 13, finding 27).
    const yoy = meanPriceChange(care, '2026-11-23', 1);
    expect(yoy.change).toBeGreaterThan(0.04);
    expect(yoy.change).toBeLessThan(0.14);
    const twoYears = meanPriceChange(care, '2026-11-23', 2);
    expect(twoYears.change).toBeGreaterThan(0.1);
    expect(twoYears.change).toBeLessThan(0.28);
    const spot = (from: string, to: string) =>
      shareBy(
        care.filter((p) => p.startDate > from && p.startDate <= to),
        'contractType',
        ['spot'] as const,
      )[0];
    const first = care.filter((p) => p.startDate > '2023-11-23' && p.startDate <= '2024-11-23').length;
    expect(spot('2023-11-23', '2024-11-23').count / first).toBeGreaterThan(0.42);
    const last = care.filter((p) => p.startDate > '2025-11-23').length;
    expect(spot('2025-11-23', '2026-11-23').count / last).toBeLessThan(spot('2023-11-23', '2024-11-23').count / first);
  });
  it('keeps the quarterly median new placement price steady: no quarter jumps more than 12% from the one before', () => {
    for (const seed of [1, 3, 7]) {
      const m = seed === 3 ? a : generateDemoMarket(createRng(seed, 'market'), options);
      const care = m.placements.filter(
        (p) => p.band !== 'individual' && p.band !== 'homecare_hourly' && p.startDate < '2026-10-01',
      );
      const quarters = pricesByQuarter(care).filter((q) => q.n >= 20 && q.quarter >= '2024');
      expect(quarters.length).toBeGreaterThanOrEqual(8);
      for (let i = 1; i < quarters.length; i++) {
        const change = quarters[i].median / quarters[i - 1].median - 1;
        expect(Math.abs(change), `${seed} ${quarters[i - 1].quarter} → ${quarters[i].quarter}`).toBeLessThan(0.12);
      }
    }
  });
  it('produces only valid capacity returns, three years of them, none dated today', () => {
    const beds = new Map(a.locations.map((l) => [l.key, l.registeredBeds]));
    for (const r of a.careHomeCapacity) expect(validateCareHomeCapacity(r, beds.get(r.locationKey))).toEqual([]);
    const months = new Set(a.careHomeCapacity.map((r) => r.asAt.slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(36);
    expect(a.careHomeCapacity.some((r) => r.asAt.startsWith('2026-11-23'))).toBe(false);
  });
  it('places some people out of borough and keeps person references unique', () => {
    const byKey = new Map(a.locations.map((l) => [l.key, l]));
    expect(a.placements.some((p) => !byKey.get(p.locationKey)!.inBorough)).toBe(true);
    expect(new Set(a.placements.map((p) => p.personRef)).size).toBe(a.placements.length);
  });
});
