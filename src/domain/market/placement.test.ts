import { describe, expect, it } from 'vitest';
import { validatePlacement } from './placement.js';

const valid = {
  personRef: 'P-00412',
  locationId: 'loc-1',
  serviceType: 'care_home_residential',
  band: 'standard_residential',
  startDate: '2026-04-01',
  weeklyPricePence: 95_000,
};

describe('validatePlacement', () => {
  it('accepts a priced care home placement and an hourly homecare package', () => {
    expect(validatePlacement(valid)).toEqual([]);
    expect(
      validatePlacement({
        ...valid,
        serviceType: 'homecare',
        band: 'homecare_hourly',
        weeklyPricePence: null,
        hoursPerWeek: 10.5,
        hourlyRatePence: 2_426,
      }),
    ).toEqual([]);
  });

  it('names every field that is wrong at once', () => {
    const errors = validatePlacement({
      ...valid,
      personRef: 'Ada Lovelace',
      startDate: '2026-02-30',
      endDate: '2026-01-01',
      weeklyPricePence: 950.5,
      topUpWeeklyPence: -1,
    });
    expect(errors.map((e) => e.field)).toEqual([
      'personRef',
      'startDate',
      'endDate',
      'weeklyPricePence',
      'topUpWeeklyPence',
    ]);
    expect(
      validatePlacement({ ...valid, band: 'homecare_hourly', weeklyPricePence: 50_000 }).map((e) => e.field),
    ).toEqual(['hoursPerWeek']);
  });
});
