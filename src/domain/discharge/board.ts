// The hub board: everyone medically optimised and still in hospital, by pathway, longest wait first.
import type { DelayKey, DelayEpisode } from './metrics.js';
import { delayReasonAt } from './metrics.js';
import { PATHWAYS, referralStatus, type Pathway, type ReferralStatus, type ServiceNeed } from './referral.js';
import { median } from '../core/statistics.js';
import { round } from './stats.js';
import { DAY_MS } from '../core/dates.js';

export interface BoardInput {
  referralId: string;
  personRef: string;
  pathway: Pathway;
  serviceNeed: ServiceNeed;
  hospital: string;
  ward: string;
  postcodeDistrict: string;
  medicallyOptimisedAt: Date;
  requestSentAt: Date | null;
  firstOfferAt: Date | null;
  awardedAt: Date | null;
  dischargedAt: Date | null;
  cancelledAt: Date | null;
  offers: number;
  delays: readonly DelayEpisode[];
}

export interface BoardEntry {
  referralId: string;
  personRef: string;
  pathway: Pathway;
  serviceNeed: ServiceNeed;
  hospital: string;
  ward: string;
  postcodeDistrict: string;
  medicallyOptimisedAt: Date;
  daysWaited: number;
  status: ReferralStatus;
  delayReason: DelayKey;
  offers: number;
}

export interface BoardLane {
  pathway: Pathway;
  waiting: number;
  medianDaysWaited: number | null;
  waitingSevenDaysOrMore: number;
  entries: BoardEntry[];
}

/** Whole days waited since medically optimised (day 0 = the same day's first 24 hours). */
export function wholeDaysWaited(medicallyOptimisedAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - medicallyOptimisedAt.getTime()) / DAY_MS));
}

/** One lane per pathway; people not yet medically optimised (a future date) are left off. */
export function hubBoard(people: readonly BoardInput[], now: Date): BoardLane[] {
  const lanes = new Map<Pathway, BoardEntry[]>(PATHWAYS.map((p) => [p, []]));
  for (const p of people) {
    if (p.dischargedAt || p.cancelledAt) continue;
    if (p.medicallyOptimisedAt.getTime() > now.getTime()) continue;
    lanes.get(p.pathway)!.push({
      referralId: p.referralId,
      personRef: p.personRef,
      pathway: p.pathway,
      serviceNeed: p.serviceNeed,
      hospital: p.hospital,
      ward: p.ward,
      postcodeDistrict: p.postcodeDistrict,
      medicallyOptimisedAt: p.medicallyOptimisedAt,
      daysWaited: wholeDaysWaited(p.medicallyOptimisedAt, now),
      status: referralStatus(p),
      delayReason: delayReasonAt(p.delays, now),
      offers: p.offers,
    });
  }
  return PATHWAYS.map((pathway) => {
    const entries = lanes
      .get(pathway)!
      .sort(
        (a, b) =>
          a.medicallyOptimisedAt.getTime() - b.medicallyOptimisedAt.getTime() || a.personRef.localeCompare(b.personRef),
      );
    return {
      pathway,
      waiting: entries.length,
      medianDaysWaited: round(median(entries.map((e) => e.daysWaited)), 1),
      waitingSevenDaysOrMore: entries.filter((e) => e.daysWaited >= 7).length,
      entries,
    };
  });
}
