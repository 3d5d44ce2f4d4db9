import { describe, expect, it } from 'vitest';
import {
  anonymiseForProvider,
  awardBlocker,
  careHomeAfterAdmission,
  homecareAfterPackage,
  NoCapacityError,
  offerDateErrors,
  placementFromAward,
  responseInputSchema,
  sendRequestSchema,
  type CareHomeFigures,
} from './brokerage.js';

const figures: CareHomeFigures = {
  maxCapacity: 60,
  occupied: 57,
  vacantReserved: 1,
  vacantAccepting: 2,
  residentialMax: 20,
  residentialOccupied: 19,
  residentialVacantAccepting: 1,
  nursingMax: 40,
  nursingOccupied: 38,
  nursingVacantAccepting: 1,
  dementiaMax: null,
  dementiaOccupied: null,
  dementiaVacantAccepting: null,
};

describe('careHomeAfterAdmission', () => {
  it('takes one bed off the total and the matching split', () => {
    const after = careHomeAfterAdmission(figures, 'care_home_nursing');
    expect(after).toMatchObject({
      vacantAccepting: 1,
      occupied: 58,
      nursingVacantAccepting: 0,
      nursingOccupied: 39,
      residentialVacantAccepting: 1,
    });
  });
  it('refuses the admission when the split has no bed left, even if the total shows one', () => {
    const after = careHomeAfterAdmission(figures, 'care_home_nursing');
    expect(() => careHomeAfterAdmission(after, 'care_home_nursing')).toThrow(NoCapacityError);
    expect(careHomeAfterAdmission(after, 'care_home_residential').vacantAccepting).toBe(0);
  });
  it('uses the total when the home does not split its beds (dementia here)', () => {
    expect(careHomeAfterAdmission(figures, 'care_home_dementia')).toMatchObject({
      vacantAccepting: 1,
      occupied: 58,
      dementiaVacantAccepting: null,
    });
    expect(() => careHomeAfterAdmission({ ...figures, vacantAccepting: 0 }, 'care_home_dementia')).toThrow(
      /No bed is vacant/,
    );
  });
});

describe('homecareAfterPackage', () => {
  it('subtracts the package hours and refuses more than is available', () => {
    expect(homecareAfterPackage(20, 14)).toBe(6);
    expect(() => homecareAfterPackage(10, 14)).toThrow(/has 10 new hours a week available; this package needs 14/);
  });
});

describe('placementFromAward', () => {
  const loc = { serviceTypes: ['care_home_nursing'], onFramework: true, onDps: false };
  it('prices a care home placement at the weekly offer, on the framework', () => {
    expect(
      placementFromAward({
        serviceNeed: 'care_home_nursing',
        offerPricePence: 75_000,
        homecareHoursPerWeek: null,
        doubleHanded: false,
        fundingRoute: 'council',
        location: loc,
        band: 'standard_nursing',
      }),
    ).toEqual({
      serviceType: 'care_home_nursing',
      band: 'standard_nursing',
      weeklyPricePence: 75_000,
      hoursPerWeek: null,
      hourlyRatePence: null,
      funding: 'council',
      contractType: 'framework',
      purpose: 'long_term',
    });
  });
  it('prices homecare as hours × hourly rate, doubled for two carers', () => {
    // 10.5 h × 2 carers × £24.26 = £509.46 a week
    const p = placementFromAward({
      serviceNeed: 'homecare',
      offerPricePence: 2_426,
      homecareHoursPerWeek: 10.5,
      doubleHanded: true,
      fundingRoute: 'discharge_fund',
      location: { serviceTypes: ['homecare'], onFramework: false, onDps: true },
      band: 'homecare_hourly',
    });
    expect(p).toMatchObject({
      serviceType: 'homecare',
      weeklyPricePence: 50_946,
      hoursPerWeek: 21,
      hourlyRatePence: 2_426,
      funding: 'joint',
      contractType: 'dps',
    });
  });
  it('records a D2A bed as a block-contract D2A placement', () => {
    const p = placementFromAward({
      serviceNeed: 'd2a_bed',
      offerPricePence: 90_000,
      homecareHoursPerWeek: null,
      doubleHanded: false,
      fundingRoute: 'discharge_fund',
      location: loc,
      band: null,
    });
    expect(p).toMatchObject({
      serviceType: 'care_home_nursing',
      band: 'standard_nursing',
      contractType: 'block',
      purpose: 'd2a',
    });
  });
});

describe('award and response rules', () => {
  it('allows one award per request and only of an open offer', () => {
    expect(awardBlocker({ responseStatus: 'offered', referralAwarded: false, referralClosed: false })).toBeNull();
    expect(awardBlocker({ responseStatus: 'offered', referralAwarded: true, referralClosed: false })).toMatch(
      /already been awarded/,
    );
    expect(awardBlocker({ responseStatus: 'declined', referralAwarded: false, referralClosed: false })).toMatch(
      /open offer/,
    );
    expect(awardBlocker({ responseStatus: 'offered', referralAwarded: false, referralClosed: true })).toMatch(/closed/);
  });
  it('checks offer dates against today', () => {
    expect(offerDateErrors({ earliestStart: '2025-03-12', canAssessBy: '2025-03-11' }, '2025-03-10')).toEqual([]);
    expect(
      offerDateErrors({ earliestStart: '2025-03-09', canAssessBy: '2025-03-09' }, '2025-03-10').map((e) => e.field),
    ).toEqual(['canAssessBy', 'earliestStart']);
    // Issue 13: offer dates years ahead.
    expect(offerDateErrors({ earliestStart: '2029-03-12', canAssessBy: '2029-03-11' }, '2025-03-10')).toEqual([
      { field: 'canAssessBy', message: 'Assessment date must be within the next 90 days' },
      { field: 'earliestStart', message: 'Earliest start must be within the next 90 days' },
    ]);
    expect(offerDateErrors({ earliestStart: '2025-03-11', canAssessBy: '2025-03-12' }, '2025-03-10')).toEqual([
      { field: 'earliestStart', message: 'Earliest start must be on or after the assessment date' },
    ]);
  });
  it('validates responses and requests with messages naming the field', () => {
    expect(
      responseInputSchema.safeParse({
        response: 'offer',
        pricePence: 75_000,
        earliestStart: '2025-03-12',
        canAssessBy: '2025-03-11',
      }).success,
    ).toBe(true);
    // Money is sent as integer pence: pounds with a fraction, or a float, is refused naming the field.
    for (const [pricePence, message] of [
      [750.5, 'Enter the price in whole pence'],
      ['75000', 'Enter the price in pence, as a whole number'],
      [0, 'Price must be more than £0'],
      [1_000_001, 'Price must be £10,000 or less'],
    ] as const) {
      const r = responseInputSchema.safeParse({
        response: 'offer',
        pricePence,
        earliestStart: '2025-03-12',
        canAssessBy: '2025-03-11',
      });
      expect(r.error!.issues[0]).toMatchObject({ path: ['pricePence'], message });
    }
    const bad = responseInputSchema.safeParse({ response: 'decline' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]).toMatchObject({ path: ['declineReason'], message: 'Select a reason for declining' });
    const none = sendRequestSchema.safeParse({ mode: 'chosen', locationIds: [] });
    expect(none.error!.issues[0]).toMatchObject({
      path: ['locationIds'],
      message: 'Select at least one provider to send the request to',
    });
    expect(sendRequestSchema.safeParse({ mode: 'framework' }).success).toBe(true);
  });
});

describe('anonymiseForProvider', () => {
  it('passes on needs and district but never a name, NHS number, person reference or ward', () => {
    const referral = {
      referralId: 'ref-1',
      personRef: 'HUB-0001',
      name: 'Ada Lovelace',
      nhsNumber: '9434765919',
      ward: 'Ward A1',
      hospital: 'Queen’s',
      pathway: 3,
      serviceNeed: 'care_home_nursing' as const,
      ageBand: '85-94',
      postcodeDistrict: 'RM7',
      needsSummary: 'Needs hoist transfers',
      homecareHoursPerWeek: null,
      callsPerDay: null,
      doubleHanded: false,
      specialisms: ['dementia'],
      equipment: ['hoist'],
      fundingRoute: 'council' as const,
      medicallyOptimisedAt: new Date('2025-03-10T09:00Z'),
    };
    const out = anonymiseForProvider(referral, {
      id: '3f2a9c1e-0000-4000-8000-000000000000',
      sentAt: new Date('2025-03-10T10:00Z'),
    });
    const text = JSON.stringify(out);
    for (const secret of ['Ada', 'Lovelace', '9434765919', 'HUB-0001', 'Ward A1', 'ref-1'])
      expect(text).not.toContain(secret);
    expect(out).toMatchObject({
      requestRef: 'REQ-3F2A9C1E',
      postcodeDistrict: 'RM7',
      ageBand: '85-94',
      specialisms: ['dementia'],
    });
  });
});
