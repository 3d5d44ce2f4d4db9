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
});
