// The demo discharge hub's brokerage: for home care and direct care home placements, a request sent to three to
// six suitable providers, their offers, declines and silences, and the award to one of them before discharge.
import { dischargeAwards, dischargeRequests } from '../db/discharge/schema.js';
import type { Rng } from '../domain/core/random.js';
import type { DeclineReason } from '../domain/discharge/brokerage.js';
import type { ServiceNeed } from '../domain/discharge/referral.js';
import { londonDate } from '../domain/core/dates.js';
import { type Arrival, DAY, HOUR } from './dischargeFlow.js';

/** A care home or homecare agency the hub can send requests to. */
export interface DemoHome {
  locationId: string;
  providerId: string;
  serviceTypes: string[];
  specialisms: string[];
}

/** A referral to broker: who (arrival and needs) and when they leave hospital (epoch ms). */
export interface BrokeredReferral {
  id: string;
  arrival: Arrival;
  need: ServiceNeed;
  specialisms: readonly string[];
  /** Homecare hours a week (pathway 1), else null. */
  hours: number | null;
  doubleHanded: boolean;
  dischargeAt: number;
}

/** When the request went out, the first offer came and the award was made (null when not yet by asAt). */
export interface BrokerageTimes {
  requestSentAt: Date;
  firstOfferAt: Date | null;
  awardedAt: Date | null;
}

/** The homes that can meet `need` and every one of `specialisms` (agencies for pathway 1). */
function suitableHomes(
  r: BrokeredReferral,
  agencies: readonly DemoHome[],
  careHomes: readonly DemoHome[],
): readonly DemoHome[] {
  const { need, specialisms } = r;
  return r.arrival.pathway === 1
    ? agencies
    : careHomes.filter(
        (h) =>
          (need === 'care_home_nursing'
            ? h.serviceTypes.includes('care_home_nursing')
            : need === 'care_home_residential'
              ? h.serviceTypes.includes('care_home_residential')
              : h.specialisms.includes('dementia')) && specialisms.every((s) => h.specialisms.includes(s)),
      );
}

/**
 * Broker `r`: requests (and the award) pushed onto `out`, all falling between medically optimised and discharge;
 * only what has happened by `asAt` (epoch ms) is answered. Returns the referral's brokerage times, or null when
 * no home suits or the request is not sent by `asAt`. Draws from `brok`; ids from `ids`.
 */
export function brokerReferral(
  r: BrokeredReferral,
  homes: { agencies: readonly DemoHome[]; careHomes: readonly DemoHome[]; ids: () => string },
  asAt: number,
  brok: Rng,
  out: {
    requests: (typeof dischargeRequests.$inferInsert & { id: string })[];
    awards: (typeof dischargeAwards.$inferInsert)[];
  },
): BrokerageTimes | null {
  const { id, arrival: a, need, hours, doubleHanded, dischargeAt } = r;
  const pool = suitableHomes(r, homes.agencies, homes.careHomes);
  if (!pool.length) return null;
  // Request, offers and award all fall between medically optimised and discharge.
  const sentAt =
    a.ready + Math.min(brok.lognormal(Math.log(a.pathway === 1 ? 2 : 5), 0.6) * HOUR, 0.3 * (dischargeAt - a.ready));
  if (sentAt > asAt) return null;
  const awardAt = Math.max(sentAt + 0.6 * (dischargeAt - sentAt), dischargeAt - brok.uniform(0.15, 0.9) * DAY);
  const n = Math.min(pool.length, brok.int(3, 6));
  const chosen = brok.shuffle(pool).slice(0, n);
  const winner = brok.int(0, n - 1);
  let firstOffer: number | null = null;
  for (const [i, home] of chosen.entries()) {
    const rid = homes.ids();
    const isWinner = i === winner;
    // Offer, decline or silence; the winner always offered, before the award.
    const kind = isWinner ? 'offer' : brok.weighted(['offer', 'decline', 'none'], [0.38, 0.42, 0.2]);
    const respondedAt =
      kind === 'none'
        ? null
        : isWinner
          ? sentAt + Math.min(brok.lognormal(Math.log(4), 0.8) * HOUR, (awardAt - sentAt) * 0.9)
          : sentAt + brok.lognormal(Math.log(6), 0.9) * HOUR;
    const answered = respondedAt !== null && respondedAt <= asAt;
    if (kind === 'offer' && answered && (firstOffer === null || respondedAt! < firstOffer)) firstOffer = respondedAt!;
    const awarded = isWinner && awardAt <= asAt;
    const closed = awardAt <= asAt;
    const status = awarded
      ? 'awarded'
      : !answered
        ? closed
          ? 'not_selected'
          : 'sent'
        : kind === 'decline'
          ? 'declined'
          : closed
            ? 'not_selected'
            : 'offered';
    const weekly = need === 'care_home_nursing' ? 76_000 : need === 'care_home_dementia' ? 79_000 : 72_000;
    const price =
      a.pathway === 1
        ? Math.round(2_426 * brok.uniform(0.97, 1.12))
        : Math.round((weekly * brok.uniform(0.95, 1.25)) / 100) * 100;
    out.requests.push({
      id: rid,
      referralId: id,
      providerId: home.providerId,
      locationId: home.locationId,
      sentAt: new Date(sentAt),
      status,
      respondedAt: answered ? new Date(respondedAt!) : null,
      pricePence: answered && kind === 'offer' ? price : null,
      earliestStart:
        answered && kind === 'offer' ? londonDate(new Date(Math.max(respondedAt!, dischargeAt - DAY))) : null,
      canAssessBy: answered && kind === 'offer' ? londonDate(new Date(respondedAt! + 12 * HOUR)) : null,
      declineReason:
        answered && kind === 'decline'
          ? brok.weighted<DeclineReason>(
              ['no_vacancy', 'cannot_meet_needs', 'staffing', 'location', 'price'],
              [0.35, 0.25, 0.2, 0.12, 0.08],
            )
          : null,
      note: '',
    });
    if (awarded) {
      out.awards.push({
        referralId: id,
        requestId: rid,
        locationId: home.locationId,
        placementId: null,
        pricePence: price,
        weeklyPricePence: a.pathway === 1 ? Math.round(price * (hours ?? 0) * (doubleHanded ? 2 : 1)) : price,
        awardedAt: new Date(awardAt),
      });
    }
  }
  return {
    requestSentAt: new Date(sentAt),
    firstOfferAt: firstOffer !== null ? new Date(firstOffer) : null,
    awardedAt: awardAt <= asAt ? new Date(awardAt) : null,
  };
}
