import { describe, expect, it } from 'vitest';
import {
  acceptanceByProvider,
  delayedBedDays,
  flowMetrics,
  isSameOrNextDay,
  type FlowRecord,
  type ProviderResponseRecord,
} from './metrics.js';

const t = (iso: string) => new Date(iso);

function rec(
  p: Partial<FlowRecord> & Pick<FlowRecord, 'referralId' | 'pathway' | 'referredAt' | 'medicallyOptimisedAt'>,
): FlowRecord {
  return {
    requestSentAt: null,
    firstOfferAt: null,
    awardedAt: null,
    dischargedAt: null,
    cancelledAt: null,
    destination: null,
    delays: [],
    ...p,
  };
}

// One winter week (GMT = UTC), worked by hand in the comments.
const R1 = rec({
  referralId: 'R1',
  pathway: 1,
  referredAt: t('2025-01-06T09:00Z'),
  medicallyOptimisedAt: t('2025-01-06T10:00Z'),
  requestSentAt: t('2025-01-06T11:00Z'),
  firstOfferAt: t('2025-01-06T15:00Z'),
  awardedAt: t('2025-01-06T16:00Z'),
  dischargedAt: t('2025-01-07T12:00Z'),
  destination: 'usual_residence',
}); // wait 26 h = 1.0833 d; next day; 1 midnight (end of 6 Jan), no reason recorded
const R2 = rec({
  referralId: 'R2',
  pathway: 3,
  referredAt: t('2025-01-06T08:00Z'),
  medicallyOptimisedAt: t('2025-01-06T12:00Z'),
  requestSentAt: t('2025-01-07T09:00Z'),
  firstOfferAt: t('2025-01-08T09:00Z'),
  awardedAt: t('2025-01-09T09:00Z'),
  dischargedAt: t('2025-01-10T12:00Z'),
  destination: 'care_home',
  delays: [
    { reason: 'awaiting_care_home', from: t('2025-01-06T12:00Z'), to: t('2025-01-09T12:00Z') },
    { reason: 'family_choice', from: t('2025-01-09T12:00Z'), to: null },
  ],
}); // wait 4.0 d; midnights ending 6, 7, 8 Jan → care home; ending 9 Jan → family choice
const R3 = rec({
  referralId: 'R3',
  pathway: 2,
  referredAt: t('2025-01-07T10:00Z'),
  medicallyOptimisedAt: t('2025-01-07T10:00Z'),
  dischargedAt: t('2025-01-07T18:00Z'),
  destination: 'rehab_bed',
}); // wait 8 h = 0.3333 d; same day; no midnight
const R4 = rec({
  referralId: 'R4',
  pathway: 3,
  referredAt: t('2025-01-09T10:00Z'),
  medicallyOptimisedAt: t('2025-01-09T10:00Z'),
  requestSentAt: t('2025-01-09T12:00Z'),
  delays: [{ reason: 'awaiting_assessment', from: t('2025-01-09T10:00Z'), to: null }],
}); // still waiting at asAt 12 Jan 12:00: midnights ending 9, 10, 11 Jan

const resp = (
  referralId: string,
  providerId: string,
  response: 'offer' | 'decline' | null,
  sentAt: string,
  respondedAt: string | null,
  awarded = false,
): ProviderResponseRecord => ({
  referralId,
  providerId,
  providerName: `Provider ${providerId}`,
  sentAt: t(sentAt),
  respondedAt: respondedAt ? t(respondedAt) : null,
  response,
  awarded,
});
const RESPONSES = [
  resp('R1', 'P1', 'offer', '2025-01-06T11:00Z', '2025-01-06T15:00Z', true),
  resp('R1', 'P2', 'decline', '2025-01-06T11:00Z', '2025-01-06T13:00Z'),
  resp('R2', 'P1', 'offer', '2025-01-07T09:00Z', '2025-01-08T09:00Z'),
  resp('R2', 'P3', 'offer', '2025-01-07T09:00Z', '2025-01-08T15:00Z', true),
  resp('R2', 'P2', null, '2025-01-07T09:00Z', null),
  resp('R4', 'P2', 'decline', '2025-01-09T12:00Z', '2025-01-09T20:00Z'),
  resp('R4', 'P3', null, '2025-01-09T12:00Z', null),
];

describe('flowMetrics', () => {
  const asAt = t('2025-01-12T12:00Z');
  const [week] = flowMetrics([R1, R2, R3, R4], RESPONSES, {
    period: 'week',
    from: '2025-01-06',
    to: '2025-01-13',
    asAt,
  });

  it('counts referrals and discharges by pathway in the week', () => {
    expect(week.period).toBe('2025-01-06');
    expect(week.referrals).toEqual({ 0: 0, 1: 1, 2: 1, 3: 2 });
    expect(week.discharges).toEqual({ 0: 0, 1: 1, 2: 1, 3: 1 });
  });
  it('gives median and 90th percentile of medically optimised → discharge', () => {
    // waits [0.3333, 1.0833, 4.0]: median 1.0833; p90 = 1.0833 + 0.8 × (4 − 1.0833) = 3.4167
    expect(week.wait).toEqual({ n: 3, medianDays: 1.08, p90Days: 3.42 });
    expect(week.waitByPathway[3]).toEqual({ n: 1, medianDays: 4, p90Days: 4 });
  });
  it('shares discharged the same or next day and to the usual place of residence', () => {
    expect(week.sameOrNextDay).toBe(2);
    expect(week.sameOrNextDayShare).toBeCloseTo(0.6667, 4);
    expect(week.dischargesToUsualResidence).toBe(1);
    expect(week.usualResidenceShare).toBeCloseTo(0.3333, 4);
  });
  it('counts delayed bed-days at each midnight by the reason in force', () => {
    expect(week.delayedBedDays).toEqual({
      awaiting_care_home: 3,
      awaiting_homecare: 0,
      awaiting_assessment: 3,
      awaiting_equipment: 0,
      family_choice: 1,
      other: 0,
      unrecorded: 1,
    });
    expect(week.delayedBedDaysTotal).toBe(8);
  });
  it('gives offers per request and median time to first offer', () => {
    expect(week.requestsSent).toBe(3);
    expect(week.offersReceived).toBe(3);
    expect(week.offersPerRequest).toBe(1);
    expect(week.firstOfferMedianHours).toBe(14); // median of 4 h and 24 h
  });
  it('splits the same records across months and leaves empty periods at zero', () => {
    const months = flowMetrics([R1, R2, R3, R4], RESPONSES, {
      period: 'month',
      from: '2024-12-01',
      to: '2025-02-01',
      asAt,
    });
    expect(months.map((m) => m.period)).toEqual(['2024-12-01', '2025-01-01']);
    expect(months[0].discharges).toEqual({ 0: 0, 1: 0, 2: 0, 3: 0 });
    expect(months[0].wait.medianDays).toBeNull();
    expect(months[1].delayedBedDaysTotal).toBe(8);
  });
  it('does not count census midnights after asAt', () => {
    const [early] = flowMetrics([R4], [], {
      period: 'week',
      from: '2025-01-06',
      to: '2025-01-13',
      asAt: t('2025-01-10T12:00Z'),
    });
    expect(early.delayedBedDays.awaiting_assessment).toBe(1); // only the midnight ending 9 Jan has passed at 10 Jan 12:00
  });
});

describe('London time in the flow metrics', () => {
  it('uses the London calendar for same-or-next-day and the census in summer time', () => {
    const r = rec({
      referralId: 'S',
      pathway: 1,
      referredAt: t('2025-07-01T09:00Z'),
      medicallyOptimisedAt: t('2025-07-01T10:00Z'),
      dischargedAt: t('2025-07-02T23:30Z'), // 00:30 on 3 July in London
    });
    expect(isSameOrNextDay(r)).toBe(false); // by UTC date it would look like next day
    expect(delayedBedDays(r, t('2025-08-01T00:00Z')).map((d) => d.date)).toEqual(['2025-07-01', '2025-07-02']);
  });
});

describe('acceptanceByProvider', () => {
  it('gives each provider requests received, offers, declines, silence and awards', () => {
    const rows = acceptanceByProvider(RESPONSES, '2025-01-06', '2025-01-13');
    expect(rows.map((r) => r.providerId)).toEqual(['P2', 'P1', 'P3']);
    const [p2, p1, p3] = rows;
    expect(p2).toMatchObject({
      received: 3,
      offers: 0,
      declines: 2,
      noResponse: 1,
      awarded: 0,
      acceptanceRate: 0,
      successRate: null,
      medianResponseHours: 5,
    });
    expect(p1).toMatchObject({
      received: 2,
      offers: 2,
      awarded: 1,
      acceptanceRate: 1,
      successRate: 0.5,
      medianResponseHours: 14,
    });
    expect(p3).toMatchObject({
      received: 2,
      offers: 1,
      noResponse: 1,
      awarded: 1,
      acceptanceRate: 0.5,
      successRate: 1,
      medianResponseHours: 30,
    });
  });
});
