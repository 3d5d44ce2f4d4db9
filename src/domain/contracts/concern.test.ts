import { describe, expect, it } from 'vitest';
import {
  concernStepProblems,
  nextConcernStatuses,
  providerResponseProblems,
  safeguardingReferralProblems,
} from './concern.js';

const today = '2026-11-30';
const raised = { raisedOn: '2026-11-20' };

describe('concern lifecycle', () => {
  it('moves one stage at a time, or closes', () => {
    expect(nextConcernStatuses('logged')).toEqual(['triaged', 'closed']);
    expect(nextConcernStatuses('investigating')).toEqual(['action_agreed', 'closed']);
    expect(nextConcernStatuses('action_agreed')).toEqual(['closed']);
    expect(nextConcernStatuses('closed')).toEqual([]);
    expect(
      concernStepProblems({ ...raised, status: 'logged' }, { to: 'triaged', note: null, on: today }, today),
    ).toEqual([]);
    expect(
      concernStepProblems({ ...raised, status: 'logged' }, { to: 'investigating', note: null, on: today }, today),
    ).toEqual([{ field: 'to', message: 'A concern that is logged can next be triaged or closed' }]);
    expect(
      concernStepProblems({ ...raised, status: 'closed' }, { to: 'triaged', note: null, on: today }, today)[0].message,
    ).toBe('This concern is closed: it cannot move on');
  });

  it('needs the action agreed, a reason to close early, and a date between raising and today', () => {
    expect(
      concernStepProblems(
        { ...raised, status: 'investigating' },
        { to: 'action_agreed', note: null, agreedAction: ' ', on: today },
        today,
      ),
    ).toEqual([{ field: 'agreedAction', message: 'Enter the action agreed with the provider' }]);
    expect(
      concernStepProblems({ ...raised, status: 'triaged' }, { to: 'closed', note: '', on: today }, today).map(
        (p) => p.field,
      ),
    ).toEqual(['note']);
    expect(
      concernStepProblems({ ...raised, status: 'action_agreed' }, { to: 'closed', note: null, on: today }, today),
    ).toEqual([]);
    expect(
      concernStepProblems({ ...raised, status: 'logged' }, { to: 'triaged', note: null, on: '2026-11-19' }, today),
    ).toEqual([{ field: 'on', message: 'Date must be on or after the day the concern was raised (20 November 2026)' }]);
    expect(
      concernStepProblems({ ...raised, status: 'logged' }, { to: 'triaged', note: null, on: '2026-12-01' }, today),
    ).toEqual([{ field: 'on', message: 'Date must be today or in the past' }]);
  });

  it('checks a safeguarding referral’s date and reference, and a provider’s response', () => {
    const open = { ...raised, status: 'investigating' as const };
    expect(safeguardingReferralProblems(open, { referralOn: '2026-11-21', reference: 'ASG/2026/0142' }, today)).toEqual(
      [],
    );
    expect(
      safeguardingReferralProblems(open, { referralOn: '2026-11-21', reference: 'Mrs Smith, 12 High St' }, today),
    ).toEqual([
      { field: 'reference', message: 'The reference can only have letters, numbers, spaces and / - . (no names)' },
    ]);
    expect(safeguardingReferralProblems(open, { referralOn: '2026-11-21', reference: '' }, today)[0].field).toBe(
      'reference',
    );
    expect(
      safeguardingReferralProblems({ ...open, status: 'closed' }, { referralOn: today, reference: 'A1' }, today),
    ).toEqual([{ field: 'status', message: 'This concern is closed: a referral cannot be recorded against it' }]);
    expect(providerResponseProblems(open, '  ')).toEqual([
      { field: 'response', message: 'Enter your response to the concern' },
    ]);
    expect(providerResponseProblems(open, 'Rota fixed')).toEqual([]);
  });
});
