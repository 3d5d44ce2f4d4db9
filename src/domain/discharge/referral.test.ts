import { describe, expect, it } from 'vitest';
import { isValidNhsNumber, referralStatus, validateReferral } from './referral.js';
import { SCHEMA_WORDING } from '../core/messages.js';

const valid = {
  personRef: 'hub-2025-0001',
  ageBand: '85-94',
  postcodeDistrict: 'rm7 0ab',
  hospital: 'Queen’s Hospital',
  ward: 'Sunflower',
  // Yesterday morning: a medically optimised date must be within the last year.
  medicallyOptimisedAt: `${new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)}T09:30`,
  pathway: '3',
  serviceNeed: 'care_home_dementia',
  fundingRoute: 'discharge_fund',
  nhsNumber: '943 476 5919',
};

describe('validateReferral', () => {
  it('refuses a medically optimised date no one could mean (issue 13: 1900)', () => {
    const r = validateReferral({ ...valid, medicallyOptimisedAt: '1900-01-01T09:00' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { field: 'medicallyOptimisedAt', message: 'Date medically optimised must be within the last year' },
    ]);
    const ahead = validateReferral({ ...valid, medicallyOptimisedAt: '2099-01-01T09:00' });
    expect(ahead.ok ? [] : ahead.errors.map((e) => e.message)).toEqual([
      'Date medically optimised must be within the next 14 days',
    ]);
  });
  it('accepts a complete pathway 3 referral and normalises it', () => {
    const r = validateReferral(valid);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      personRef: 'HUB-2025-0001',
      postcodeDistrict: 'RM7',
      pathway: 3,
      doubleHanded: false,
      specialisms: ['dementia'],
    });
  });
  it('names each missing or wrong field with a GOV.UK-style message', () => {
    const r = validateReferral({
      ...valid,
      personRef: '',
      ageBand: 'old',
      postcodeDistrict: 'Romford',
      medicallyOptimisedAt: 'yesterday',
      nhsNumber: '1234567890',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { field: 'personRef', message: 'Enter a person reference of 4 to 32 letters, numbers or hyphens' },
      { field: 'nhsNumber', message: 'Enter a valid 10-digit NHS number' },
      { field: 'ageBand', message: 'Select an age band' },
      {
        field: 'postcodeDistrict',
        message: 'Enter the postcode district of their home (the first half of the postcode), like RM7',
      },
      { field: 'medicallyOptimisedAt', message: 'Enter a real date and time' },
    ]);
  });
  it('checks the need fits the pathway and that home care has hours and calls', () => {
    const wrong = validateReferral({ ...valid, pathway: 1, serviceNeed: 'care_home_nursing' });
    expect(!wrong.ok && wrong.errors).toEqual([
      { field: 'serviceNeed', message: 'Pathway 1 needs one of: reablement (home first), homecare' },
    ]);
    const noHours = validateReferral({ ...valid, pathway: 1, serviceNeed: 'homecare' });
    expect(!noHours.ok && noHours.errors.map((e) => e.field)).toEqual(['homecareHoursPerWeek', 'callsPerDay']);
    const ok = validateReferral({
      ...valid,
      pathway: 1,
      serviceNeed: 'homecare',
      homecareHoursPerWeek: '14',
      callsPerDay: '4',
      doubleHanded: true,
    });
    expect(ok.ok && ok.value).toMatchObject({ homecareHoursPerWeek: 14, callsPerDay: 4, doubleHanded: true });
  });
  it('reports every problem in one go: a missing ward does not hide the missing hours and calls (issue 13)', () => {
    const r = validateReferral({
      ...valid,
      ward: '',
      pathway: 1,
      serviceNeed: 'homecare',
      medicallyOptimisedAt: 'yesterday',
    });
    expect(!r.ok && r.errors).toEqual([
      { field: 'ward', message: 'Enter the ward' },
      { field: 'medicallyOptimisedAt', message: 'Enter a real date and time' },
      { field: 'homecareHoursPerWeek', message: 'Enter the hours of care needed per week' },
      { field: 'callsPerDay', message: 'Enter the number of calls per day' },
    ]);
    const empty = validateReferral({});
    expect(!empty.ok && empty.errors.map((e) => e.message).join(' | ')).not.toMatch(SCHEMA_WORDING);
    expect(!empty.ok && empty.errors.find((e) => e.field === 'pathway')?.message).toBe('Select a discharge pathway');
  });
});

describe('isValidNhsNumber', () => {
  it('applies the modulus 11 check digit', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true); // NHS Digital's published example
    expect(isValidNhsNumber('9434765918')).toBe(false);
    expect(isValidNhsNumber('943476591')).toBe(false);
  });
});

describe('referralStatus', () => {
  it('reports the furthest step reached', () => {
    const d = new Date();
    expect(referralStatus({})).toBe('waiting');
    expect(referralStatus({ requestSentAt: d })).toBe('requested');
    expect(referralStatus({ requestSentAt: d, firstOfferAt: d })).toBe('offered');
    expect(referralStatus({ requestSentAt: d, firstOfferAt: d, awardedAt: d })).toBe('awarded');
    expect(referralStatus({ awardedAt: d, dischargedAt: d })).toBe('discharged');
    expect(referralStatus({ dischargedAt: d, cancelledAt: d })).toBe('cancelled');
  });
});
