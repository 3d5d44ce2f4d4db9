import { describe, expect, it } from 'vitest';
import { dischargeTimeProblem } from './dischargeTime.js';

describe('the time a person left hospital (issue 13, review finding 20)', () => {
  const now = new Date('2026-11-30T15:00:00Z');
  const referral = {
    referredAt: new Date('2026-11-28T09:00:00Z'),
    medicallyOptimisedAt: new Date('2026-11-29T10:30:00Z'),
  };
  it('accepts a time between medically optimised and now, now itself and a minute of clock skew', () => {
    expect(dischargeTimeProblem(new Date('2026-11-30T14:05:00Z'), now, referral)).toBeNull();
    expect(dischargeTimeProblem(now, now, referral)).toBeNull();
    expect(dischargeTimeProblem(new Date(now.getTime() + 30_000), now, referral)).toBeNull();
  });
  it('accepts the minute the referral was made in (the form takes hours and minutes, not seconds)', () => {
    const madeAt = {
      referredAt: new Date('2026-11-30T14:20:40Z'),
      medicallyOptimisedAt: referral.medicallyOptimisedAt,
    };
    expect(dischargeTimeProblem(new Date('2026-11-30T14:20:00Z'), now, madeAt)).toBeNull();
    expect(dischargeTimeProblem(new Date('2026-11-30T14:19:00Z'), now, madeAt)).toBe(
      'The time they left hospital must be after the referral was made (30 November 2026 at 14:20)',
    );
  });
  it('refuses a time in the future', () => {
    expect(dischargeTimeProblem(new Date('2026-11-30T16:00:00Z'), now, referral)).toBe(
      'The time they left hospital cannot be in the future',
    );
  });
  it('refuses a time before the referral was made, naming it in London local time', () => {
    expect(dischargeTimeProblem(new Date('2026-11-27T12:00:00Z'), now, referral)).toBe(
      'The time they left hospital must be after the referral was made (28 November 2026 at 09:00)',
    );
  });
  it('refuses a time before the person was medically optimised', () => {
    expect(dischargeTimeProblem(new Date('2026-11-29T08:00:00Z'), now, referral)).toBe(
      'The time they left hospital must be after they were medically optimised (29 November 2026 at 10:30)',
    );
  });
});
