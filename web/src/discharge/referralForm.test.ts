import { describe, expect, it } from 'vitest';
import { BLANK_REFERRAL, buildReferralBody } from './ReferralFormPage';

describe('the referral form’s own checks', () => {
  it('asks for what is needed only once a pathway is chosen (issue 13: an unlinked "Select what is needed")', () => {
    const empty = buildReferralBody(BLANK_REFERRAL).errors;
    expect(empty.map((e) => e.field)).toContain('pathway');
    expect(empty.map((e) => e.field)).not.toContain('serviceNeed');
    expect(empty.find((e) => e.field === 'medicallyOptimisedAt-day')?.message).toBe(
      'Enter the date medically optimised',
    );
    const withPathway = buildReferralBody({ ...BLANK_REFERRAL, pathway: '1' }).errors;
    expect(withPathway).toContainEqual({ field: 'serviceNeed', message: 'Select what is needed' });
  });
  it('names the date’s bounds with every other problem, even with no time yet (issue 13: 1900 and 2031 waited)', () => {
    for (const [year, message] of [
      ['1900', 'Date medically optimised must be within the last year'],
      ['2031', 'Date medically optimised must be within the next 14 days'],
    ]) {
      for (const moTime of ['09:30', '']) {
        const errors = buildReferralBody({
          ...BLANK_REFERRAL,
          moDate: { day: '1', month: '1', year },
          moTime,
        }).errors;
        expect(errors).toContainEqual({ field: 'medicallyOptimisedAt-day', message });
        expect(errors.map((e) => e.field)).toEqual(expect.arrayContaining(['personRef', 'ward', 'pathway']));
      }
    }
  });
  it('names each postcode field by its own label (issue 13: one message for both)', () => {
    const errors = buildReferralBody({
      ...BLANK_REFERRAL,
      postcodeDistrict: 'Romford',
      preferredDistricts: 'EB1, nowhere',
    }).errors;
    expect(errors).toContainEqual({
      field: 'postcodeDistrict',
      message: 'Enter the postcode district of their home (the first half of the postcode), like RM7',
    });
    expect(errors).toContainEqual({
      field: 'preferredDistricts',
      message: 'Enter preferred areas as postcode districts separated by commas, like RM7, RM12',
    });
  });
});
