import { describe, expect, it } from 'vitest';
import { hubBoard, wholeDaysWaited, type BoardInput } from './board.js';

const t = (iso: string) => new Date(iso);
const base = (
  p: Partial<BoardInput> & Pick<BoardInput, 'referralId' | 'pathway' | 'medicallyOptimisedAt'>,
): BoardInput => ({
  personRef: p.referralId.toUpperCase(),
  serviceNeed: 'reablement',
  hospital: 'Queen’s',
  ward: 'A1',
  postcodeDistrict: 'RM7',
  requestSentAt: null,
  firstOfferAt: null,
  awardedAt: null,
  dischargedAt: null,
  cancelledAt: null,
  offers: 0,
  delays: [],
  ...p,
});

describe('hubBoard', () => {
  const now = t('2025-03-10T12:00Z');
  const people = [
    base({ referralId: 'a', pathway: 1, medicallyOptimisedAt: t('2025-03-09T13:00Z') }), // 23 h → day 0
    base({
      referralId: 'b',
      pathway: 1,
      medicallyOptimisedAt: t('2025-03-02T12:00Z'),
      requestSentAt: t('2025-03-02T14:00Z'),
      firstOfferAt: t('2025-03-03T10:00Z'),
      offers: 2,
      delays: [{ reason: 'awaiting_homecare', from: t('2025-03-02T12:00Z'), to: null }],
    }), // 8 days
    base({
      referralId: 'c',
      pathway: 3,
      serviceNeed: 'care_home_nursing',
      medicallyOptimisedAt: t('2025-03-05T09:00Z'),
      requestSentAt: t('2025-03-05T10:00Z'),
      awardedAt: t('2025-03-09T10:00Z'),
    }),
    base({
      referralId: 'd',
      pathway: 3,
      medicallyOptimisedAt: t('2025-03-01T09:00Z'),
      dischargedAt: t('2025-03-08T09:00Z'),
    }), // gone
    base({ referralId: 'e', pathway: 2, medicallyOptimisedAt: t('2025-03-11T09:00Z') }), // not yet optimised
  ];
  const board = hubBoard(people, now);

  it('lists people still in hospital by pathway, longest wait first, with days waited', () => {
    expect(board.map((l) => l.waiting)).toEqual([0, 2, 0, 1]);
    expect(board[1].entries.map((e) => [e.referralId, e.daysWaited, e.status, e.delayReason])).toEqual([
      ['b', 8, 'offered', 'awaiting_homecare'],
      ['a', 0, 'waiting', 'unrecorded'],
    ]);
    expect(board[3].entries[0]).toMatchObject({ referralId: 'c', daysWaited: 5, status: 'awarded' });
  });
  it('summarises each lane', () => {
    expect(board[1].medianDaysWaited).toBe(4);
    expect(board[1].waitingSevenDaysOrMore).toBe(1);
    expect(board[0].medianDaysWaited).toBeNull();
  });
  it('counts whole days only', () => {
    expect(wholeDaysWaited(t('2025-03-09T12:00:01Z'), now)).toBe(0);
    expect(wholeDaysWaited(t('2025-03-09T12:00:00Z'), now)).toBe(1);
    expect(wholeDaysWaited(t('2025-03-11T12:00:00Z'), now)).toBe(0);
  });
});
