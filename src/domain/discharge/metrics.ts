// Flow and delay metrics for the hub, per week (Monday start) or calendar month, in UK local time.
// Definitions (so every figure can be traced):
// - referrals: counted in the period of the referral time; discharges in the period of the discharge time.
// - wait: medically optimised → discharge, in days, for people discharged in the period; median and 90th
//   percentile by linear interpolation (Excel PERCENTILE.INC).
// - same or next day: discharged on the London calendar day they were medically optimised, or the day after.
// - delayed bed-day: a midnight (London) at which a medically optimised person was still in hospital, as in the
//   NHS midnight bed census; it is counted on the day that midnight ends and given the delay reason recorded
//   at that moment ("unrecorded" if none).
// - offers per request: offers received ÷ referrals whose first request was sent in the period.
// - time to first offer: median hours from first request to first offer, same referrals.
// - usual place of residence: share of the period's discharges whose destination was the person's usual home.
import type { DelayReason, Destination, Pathway } from './referral.js';
import { DELAY_REASONS } from './referral.js';
import { median, quantile as percentile } from '../core/statistics.js';
import { round, share } from './stats.js';
import { addDays, DAY_MS, londonDate, londonMidnight } from '../core/dates.js';
import { elapsedDays, elapsedHours, periodEnd, periodStart, type Period } from './time.js';

export interface DelayEpisode {
  reason: DelayReason;
  from: Date;
  to: Date | null;
}

export interface FlowRecord {
  referralId: string;
  pathway: Pathway;
  referredAt: Date;
  medicallyOptimisedAt: Date;
  requestSentAt: Date | null;
  firstOfferAt: Date | null;
  awardedAt: Date | null;
  dischargedAt: Date | null;
  cancelledAt: Date | null;
  destination: Destination | null;
  delays: readonly DelayEpisode[];
}

export interface ProviderResponseRecord {
  referralId: string;
  providerId: string;
  providerName: string;
  sentAt: Date;
  respondedAt: Date | null;
  response: 'offer' | 'decline' | null;
  awarded: boolean;
}

export type DelayKey = DelayReason | 'unrecorded';
export const DELAY_KEYS: readonly DelayKey[] = [...DELAY_REASONS, 'unrecorded'];

export interface PathwayCounts {
  0: number;
  1: number;
  2: number;
  3: number;
}

export interface WaitSummary {
  n: number;
  medianDays: number | null;
  p90Days: number | null;
}

export interface PeriodMetrics {
  period: string;
  referrals: PathwayCounts;
  discharges: PathwayCounts;
  wait: WaitSummary;
  waitByPathway: Record<Pathway, WaitSummary>;
  sameOrNextDay: number;
  sameOrNextDayShare: number | null;
  delayedBedDays: Record<DelayKey, number>;
  delayedBedDaysTotal: number;
  requestsSent: number;
  offersReceived: number;
  offersPerRequest: number | null;
  firstOfferMedianHours: number | null;
  dischargesToUsualResidence: number;
  usualResidenceShare: number | null;
}

const zeroCounts = (): PathwayCounts => ({ 0: 0, 1: 0, 2: 0, 3: 0 });
const zeroDelays = (): Record<DelayKey, number> =>
  Object.fromEntries(DELAY_KEYS.map((k) => [k, 0])) as Record<DelayKey, number>;

function waitSummary(days: number[]): WaitSummary {
  return { n: days.length, medianDays: round(median(days), 2), p90Days: round(percentile(days, 0.9), 2) };
}

/** The delay reason in force at an instant: the latest-starting episode that covers it. */
export function delayReasonAt(delays: readonly DelayEpisode[], at: Date): DelayKey {
  let found: DelayEpisode | null = null;
  for (const d of delays) {
    if (d.from.getTime() <= at.getTime() && (d.to === null || at.getTime() < d.to.getTime())) {
      if (!found || d.from.getTime() > found.from.getTime()) found = d;
    }
  }
  return found ? found.reason : 'unrecorded';
}

/** The instant a person stopped occupying a hospital bed, if they have. */
function leftHospitalAt(r: FlowRecord): Date | null {
  return r.dischargedAt ?? r.cancelledAt;
}

/**
 * Delayed bed-days of one person, one entry per census midnight before `asAt`: the London date the midnight
 * ends, and the reason in force.
 */
export function delayedBedDays(r: FlowRecord, asAt: Date): { date: string; reason: DelayKey }[] {
  const end = leftHospitalAt(r) ?? asAt;
  const out: { date: string; reason: DelayKey }[] = [];
  let date = londonDate(r.medicallyOptimisedAt);
  // Guard against runaway loops on bad data: nobody waits more than ten years.
  for (let i = 0; i < 3660; i++) {
    const midnight = londonMidnight(addDays(date, 1));
    if (midnight.getTime() >= end.getTime() || midnight.getTime() > asAt.getTime()) break;
    if (midnight.getTime() > r.medicallyOptimisedAt.getTime())
      out.push({ date, reason: delayReasonAt(r.delays, midnight) });
    date = addDays(date, 1);
  }
  return out;
}

/** Wait from medically optimised to discharge in days (never negative). */
export function waitDays(r: FlowRecord): number | null {
  if (!r.dischargedAt) return null;
  return Math.max(0, elapsedDays(r.medicallyOptimisedAt, r.dischargedAt));
}

/** True when the person left hospital on the London day they were medically optimised, or the next. */
export function isSameOrNextDay(r: FlowRecord): boolean {
  if (!r.dischargedAt) return false;
  const mo = londonDate(r.medicallyOptimisedAt);
  const d = londonDate(r.dischargedAt);
  return d <= addDays(mo, 1);
}

/** Every period from the one containing `from` to the one containing the day before `to` (exclusive end). */
export function periodsBetween(from: string, to: string, period: Period): string[] {
  const out: string[] = [];
  for (let p = periodStart(from, period); p < to; p = periodEnd(p, period)) out.push(p);
  return out;
}

export interface MetricsOptions {
  period: Period;
  /** First London date to include. */
  from: string;
  /** First London date not included. */
  to: string;
  /** Census midnights after this instant are not counted (the future). */
  asAt: Date;
}

/** Flow and delay metrics for each week or month in [from, to). */
export function flowMetrics(
  records: readonly FlowRecord[],
  responses: readonly ProviderResponseRecord[],
  opts: MetricsOptions,
): PeriodMetrics[] {
  const keys = periodsBetween(opts.from, opts.to, opts.period);
  const rows = new Map<
    string,
    { m: PeriodMetrics; waits: number[]; waitsByPathway: Record<Pathway, number[]>; firstOfferHours: number[] }
  >();
  for (const k of keys) {
    rows.set(k, {
      m: {
        period: k,
        referrals: zeroCounts(),
        discharges: zeroCounts(),
        wait: waitSummary([]),
        waitByPathway: { 0: waitSummary([]), 1: waitSummary([]), 2: waitSummary([]), 3: waitSummary([]) },
        sameOrNextDay: 0,
        sameOrNextDayShare: null,
        delayedBedDays: zeroDelays(),
        delayedBedDaysTotal: 0,
        requestsSent: 0,
        offersReceived: 0,
        offersPerRequest: null,
        firstOfferMedianHours: null,
        dischargesToUsualResidence: 0,
        usualResidenceShare: null,
      },
      waits: [],
      waitsByPathway: { 0: [], 1: [], 2: [], 3: [] },
      firstOfferHours: [],
    });
  }
  const inRange = (date: string) => date >= opts.from && date < opts.to;
  const rowFor = (at: Date) => {
    const date = londonDate(at);
    return inRange(date) ? rows.get(periodStart(date, opts.period)) : undefined;
  };

  const offersByReferral = new Map<string, number>();
  for (const resp of responses) {
    if (resp.response === 'offer')
      offersByReferral.set(resp.referralId, (offersByReferral.get(resp.referralId) ?? 0) + 1);
  }

  for (const r of records) {
    const ref = rowFor(r.referredAt);
    if (ref) ref.m.referrals[r.pathway]++;

    if (r.dischargedAt) {
      const row = rowFor(r.dischargedAt);
      if (row) {
        row.m.discharges[r.pathway]++;
        const w = waitDays(r)!;
        row.waits.push(w);
        row.waitsByPathway[r.pathway].push(w);
        if (isSameOrNextDay(r)) row.m.sameOrNextDay++;
        if (r.destination === 'usual_residence') row.m.dischargesToUsualResidence++;
      }
    }

    if (r.requestSentAt) {
      const row = rowFor(r.requestSentAt);
      if (row) {
        row.m.requestsSent++;
        row.m.offersReceived += offersByReferral.get(r.referralId) ?? 0;
        if (r.firstOfferAt) row.firstOfferHours.push(Math.max(0, elapsedHours(r.requestSentAt, r.firstOfferAt)));
      }
    }

    for (const day of delayedBedDays(r, opts.asAt)) {
      if (!inRange(day.date)) continue;
      const row = rows.get(periodStart(day.date, opts.period));
      if (row) {
        row.m.delayedBedDays[day.reason]++;
        row.m.delayedBedDaysTotal++;
      }
    }
  }

  return keys.map((k) => {
    const { m, waits, waitsByPathway, firstOfferHours } = rows.get(k)!;
    const discharges = m.discharges[0] + m.discharges[1] + m.discharges[2] + m.discharges[3];
    m.wait = waitSummary(waits);
    m.waitByPathway = {
      0: waitSummary(waitsByPathway[0]),
      1: waitSummary(waitsByPathway[1]),
      2: waitSummary(waitsByPathway[2]),
      3: waitSummary(waitsByPathway[3]),
    };
    m.sameOrNextDayShare = round(share(m.sameOrNextDay, discharges), 4);
    m.usualResidenceShare = round(share(m.dischargesToUsualResidence, discharges), 4);
    m.offersPerRequest = round(share(m.offersReceived, m.requestsSent), 2);
    m.firstOfferMedianHours = round(median(firstOfferHours), 1);
    return m;
  });
}

export interface ProviderAcceptance {
  providerId: string;
  providerName: string;
  received: number;
  offers: number;
  declines: number;
  noResponse: number;
  awarded: number;
  /** Offers ÷ requests received. */
  acceptanceRate: number | null;
  /** Awards ÷ offers made. */
  successRate: number | null;
  medianResponseHours: number | null;
}

/** Each provider's record in answering requests sent between `from` and `to` (London dates, end exclusive). */
export function acceptanceByProvider(
  responses: readonly ProviderResponseRecord[],
  from: string,
  to: string,
): ProviderAcceptance[] {
  const by = new Map<string, ProviderAcceptance & { hours: number[] }>();
  for (const r of responses) {
    const date = londonDate(r.sentAt);
    if (date < from || date >= to) continue;
    let a = by.get(r.providerId);
    if (!a) {
      a = {
        providerId: r.providerId,
        providerName: r.providerName,
        received: 0,
        offers: 0,
        declines: 0,
        noResponse: 0,
        awarded: 0,
        acceptanceRate: null,
        successRate: null,
        medianResponseHours: null,
        hours: [],
      };
      by.set(r.providerId, a);
    }
    a.received++;
    if (r.response === 'offer') a.offers++;
    else if (r.response === 'decline') a.declines++;
    else a.noResponse++;
    if (r.awarded) a.awarded++;
    if (r.respondedAt) a.hours.push(Math.max(0, elapsedHours(r.sentAt, r.respondedAt)));
  }
  return [...by.values()]
    .map(({ hours, ...a }) => ({
      ...a,
      acceptanceRate: round(share(a.offers, a.received), 4),
      successRate: round(share(a.awarded, a.offers), 4),
      medianResponseHours: round(median(hours), 1),
    }))
    .sort((a, b) => b.received - a.received || a.providerName.localeCompare(b.providerName));
}

/** Days (fractional) a person still in hospital has waited since being medically optimised. */
export function daysWaited(medicallyOptimisedAt: Date, now: Date): number {
  return Math.max(0, (now.getTime() - medicallyOptimisedAt.getTime()) / DAY_MS);
}
