// The demo borough's discharge history, generated: thirteen months of Transfer of Care hub history, so the board,
// metrics and capacity planner tell a true story on first start. Calibrated on the BHR Better Care Fund plan
// (seed 001) and DOMAIN.md:
// - pathway 0: Home, Settle & Support referrals, ~147 a month (Havering);
// - pathway 1: Home First / reablement (and some long-term homecare), ~2,700 a year;
// - pathway 2: community rehabilitation beds, 57 all year and 61 from November to April, average occupancy ~54;
// - pathway 3: 20 D2A beds in 2 nursing homes (up to 6 weeks, ~30% home afterwards) and direct care home placements;
// so about 4,000 arrivals a year across pathways 1–3, more in winter and fewer declared on weekends.
// Bed-based pathways are queued first come, first served against the real number of beds, so waits and
// occupancy are consistent with capacity (the simulation area fits its arrival rates and stays from this).
import {
  dischargeAwards,
  dischargeBedStays,
  dischargeDelays,
  dischargeReferrals,
  dischargeRequests,
} from '../db/discharge/schema.js';
import type { Rng } from '../domain/core/random.js';
import type { D2aOutcome } from '../domain/discharge/d2a.js';
import type { DeclineReason } from '../domain/discharge/brokerage.js';
import type { DelayReason, Destination, FundingRoute, Pathway, ServiceNeed } from '../domain/discharge/referral.js';
import { londonDate } from '../domain/core/dates.js';
import { DEMO_IN_BOROUGH_DISTRICTS } from './borough.js';

/** One day, in milliseconds. */
export const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Yearly arrivals by pathway (people becoming medically optimised), before seasonality. */
export const DEMO_ANNUAL_ARRIVALS: Record<Pathway, number> = { 0: 1_760, 1: 2_700, 2: 800, 3: 500 };
export const DEMO_D2A_BEDS = 20;
export const DEMO_REHAB_BEDS = { base: 57, winter: 61 };
/** Concurrent reablement packages the Home First service can hold. */
export const DEMO_REABLEMENT_SLOTS = 140;

export interface DemoHome {
  locationId: string;
  providerId: string;
  serviceTypes: string[];
  specialisms: string[];
}

export interface GeneratorInput {
  asAt: Date;
  days: number;
  careHomes: DemoHome[];
  agencies: DemoHome[];
  d2aBedIds: string[];
  rehabBedIds: { id: string; winterOnly: boolean }[];
  ids: () => string;
}

export interface GeneratedHistory {
  referrals: (typeof dischargeReferrals.$inferInsert & { id: string })[];
  delays: (typeof dischargeDelays.$inferInsert)[];
  requests: (typeof dischargeRequests.$inferInsert & { id: string })[];
  awards: (typeof dischargeAwards.$inferInsert)[];
  stays: (typeof dischargeBedStays.$inferInsert)[];
}

const WARDS = [
  'Ward 3A (elderly care)',
  'Ward 4B (frailty)',
  'Stroke unit',
  'Ward 7 (general medicine)',
  'Acute medical unit',
  'Ward 9 (orthopaedics)',
  'Ward 5 (respiratory)',
];
const HOSPITALS = [
  'Eastbrook General Hospital',
  'Eastbrook General Hospital',
  'Eastbrook General Hospital',
  'Westmarsh University Hospital',
];
const AGE_BANDS = ['18-64', '65-74', '75-84', '85-94', '95+'];
const AGE_WEIGHTS = [0.1, 0.17, 0.33, 0.33, 0.07];

/** Winter (December–March) brings about 15% more people ready to leave; weekends fewer declared. */
function arrivalRate(pathway: Pathway, date: Date): number {
  const month = date.getUTCMonth();
  const winter = month === 11 || month <= 2 ? 1.15 : month === 10 || month === 3 ? 1.05 : 0.93;
  const dow = date.getUTCDay();
  const weekday = dow === 0 || dow === 6 ? 0.62 : 1.15;
  return (DEMO_ANNUAL_ARRIVALS[pathway] / 365) * winter * weekday;
}

/** Next working-hours moment (08:00–19:00 UTC) at or after t: transfers and packages start in the day. */
function inWorkingHours(t: number, rng: Rng): number {
  const d = new Date(t);
  const h = d.getUTCHours() + d.getUTCMinutes() / 60;
  if (h >= 8 && h < 19) return t;
  const base = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) + (h >= 19 ? DAY : 0);
  return base + (9 + rng.uniform(0, 6)) * HOUR;
}

/** Beds admit in the day: a bed free overnight is filled at 10:00 the next morning. */
function admissionTime(t: number): number {
  const d = new Date(t);
  const h = d.getUTCHours() + d.getUTCMinutes() / 60;
  if (h >= 9 && h < 18) return t;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) + (h >= 18 ? DAY : 0) + 10 * HOUR;
}

/** A first-come-first-served pool of places: returns when the earliest place frees at or after `ready`. */
class Pool {
  private freeAt: number[];
  constructor(size: number, start: number) {
    this.freeAt = Array.from({ length: size }, () => start);
  }
  take(
    ready: number,
    lengthMs: (start: number) => number,
    available: (i: number, at: number) => number = (_i, at) => at,
  ): { index: number; start: number; end: number } {
    let bestI = -1;
    let bestStart = Infinity;
    for (let i = 0; i < this.freeAt.length; i++) {
      const s = available(i, Math.max(ready, this.freeAt[i]));
      if (s < bestStart) {
        bestStart = s;
        bestI = i;
      }
    }
    const end = bestStart + lengthMs(bestStart);
    this.freeAt[bestI] = end;
    return { index: bestI, start: bestStart, end };
  }
}

function isWinter(t: number): boolean {
  const m = new Date(t).getUTCMonth();
  return m >= 10 || m <= 3; // November to April
}

/** Generate the hub's history. Pure and deterministic for a seeded `rng`. */
export function generateDischargeHistory(rng: Rng, input: GeneratorInput): GeneratedHistory {
  const asAt = input.asAt.getTime();
  const start = asAt - input.days * DAY;
  const out: GeneratedHistory = { referrals: [], delays: [], requests: [], awards: [], stays: [] };
  const arr = rng.fork('arrivals');
  const person = rng.fork('people');
  const flow = rng.fork('flow');
  const brok = rng.fork('brokerage');

  // 1. Arrivals: Poisson per day and pathway, at a time of day weighted to the afternoon ward round.
  interface Arrival {
    pathway: Pathway;
    ready: number;
  }
  const arrivals: Arrival[] = [];
  for (let t = start; t < asAt; t += DAY) {
    for (const p of [0, 1, 2, 3] as Pathway[]) {
      const n = arr.poisson(arrivalRate(p, new Date(t)));
      for (let k = 0; k < n; k++)
        arrivals.push({ pathway: p, ready: t + Math.min(23.5, Math.max(7, arr.normal(13, 2.5))) * HOUR });
    }
  }
  arrivals.sort((a, b) => a.ready - b.ready);

  // 2. Services. Pools start part-full so the first weeks are not artificially empty.
  const d2a = new Pool(input.d2aBedIds.length, start - 10 * DAY);
  const rehab = new Pool(input.rehabBedIds.length, start - 10 * DAY);
  const reablement = new Pool(DEMO_REABLEMENT_SLOTS, start - 7 * DAY);
  const rehabAvailable = (i: number, at: number) => {
    if (!input.rehabBedIds[i].winterOnly || isWinter(at)) return admissionTime(at);
    // A winter flex bed is only open November–April: wait for the next November.
    const d = new Date(at);
    return Date.UTC(d.getUTCMonth() >= 10 ? d.getUTCFullYear() + 1 : d.getUTCFullYear(), 10, 1, 10);
  };

  let seq = 0;
  for (const a of arrivals) {
    seq++;
    const id = input.ids();
    const district = person.pick(DEMO_IN_BOROUGH_DISTRICTS).district;
    const ageBand = person.weighted(AGE_BANDS, AGE_WEIGHTS);
    let need: ServiceNeed;
    let funding: FundingRoute;
    let specialisms: string[] = [];
    let hours: number | null = null;
    let calls: number | null = null;
    let doubleHanded = false;
    switch (a.pathway) {
      case 0:
        need = 'none';
        funding = 'council';
        break;
      case 1:
        need = person.bernoulli(0.78) ? 'reablement' : 'homecare';
        funding =
          need === 'reablement'
            ? 'discharge_fund'
            : person.weighted<FundingRoute>(['council', 'discharge_fund', 'self_funded'], [0.7, 0.22, 0.08]);
        calls = person.weighted([1, 2, 3, 4], [0.12, 0.33, 0.3, 0.25]);
        hours = Math.round(calls * 7 * person.uniform(0.5, 0.9) * 2) / 2;
        doubleHanded = person.bernoulli(0.18);
        break;
      case 2:
        need = 'rehab_bed';
        funding = 'discharge_fund';
        break;
      default:
        need = person.bernoulli(0.55)
          ? 'd2a_bed'
          : person.weighted<ServiceNeed>(
              ['care_home_nursing', 'care_home_residential', 'care_home_dementia'],
              [0.45, 0.3, 0.25],
            );
        funding =
          need === 'd2a_bed'
            ? 'discharge_fund'
            : person.weighted<FundingRoute>(['council', 'nhs_chc', 'self_funded'], [0.78, 0.12, 0.1]);
        if (need === 'care_home_dementia' || person.bernoulli(0.25)) specialisms = ['dementia'];
    }
    const referred = a.ready - Math.max(0, person.lognormal(Math.log(20), 0.7)) * HOUR; // referral usually the day before
    const cancelled = a.pathway > 0 && flow.bernoulli(0.02);

    // Service start (= discharge) and end, by pathway.
    let dischargeAt: number;
    let serviceEnd: number | null = null;
    let bedId: string | null = null;
    let stayOutcome: D2aOutcome | null = null;
    let destination: Destination;
    let nextPathway: number | null = null;
    if (a.pathway === 0) {
      dischargeAt = inWorkingHours(a.ready + flow.exponential(1 / 5) * HOUR, flow);
      destination = 'usual_residence';
    } else if (a.pathway === 1 && need === 'reablement') {
      const losDays = Math.min(42, flow.lognormal(Math.log(17), 0.45));
      const slot = reablement.take(a.ready + flow.lognormal(Math.log(10), 0.8) * HOUR, () => losDays * DAY);
      dischargeAt = inWorkingHours(slot.start, flow);
      serviceEnd = dischargeAt + losDays * DAY;
      destination = 'usual_residence';
    } else if (a.pathway === 1) {
      dischargeAt = inWorkingHours(a.ready + flow.lognormal(Math.log(40), 0.9) * HOUR, flow);
      destination = 'usual_residence';
    } else if (a.pathway === 2) {
      const losDays = Math.max(3, flow.lognormal(Math.log(20), 0.5));
      const bed = rehab.take(
        a.ready + flow.lognormal(Math.log(8), 0.7) * HOUR,
        () => losDays * DAY + 6 * HOUR,
        rehabAvailable,
      );
      dischargeAt = bed.start;
      serviceEnd = dischargeAt + losDays * DAY;
      bedId = input.rehabBedIds[bed.index].id;
      destination = 'rehab_bed';
      const after = flow.next();
      stayOutcome =
        after < 0.55
          ? 'usual_residence'
          : after < 0.62
            ? 'care_home'
            : after < 0.72
              ? 'hospital'
              : after < 0.76
                ? 'died'
                : 'usual_residence';
      if (after >= 0.76 || (after < 0.55 && flow.bernoulli(0.45))) nextPathway = 1; // home with reablement
    } else if (need === 'd2a_bed') {
      // Most assessments finish inside six weeks; about a third of those that would run over do.
      let losDays = Math.max(4, flow.lognormal(Math.log(19), 0.35));
      if (losDays > 42 && !flow.bernoulli(0.35)) losDays = 42 - flow.uniform(0, 2);
      const bed = d2a.take(
        a.ready + flow.lognormal(Math.log(14), 0.7) * HOUR,
        () => losDays * DAY + 8 * HOUR,
        (_i, at) => admissionTime(at),
      );
      dischargeAt = bed.start;
      serviceEnd = dischargeAt + losDays * DAY;
      bedId = input.d2aBedIds[bed.index].toString();
      destination = 'd2a_bed';
      stayOutcome = flow.weighted<D2aOutcome>(
        ['usual_residence', 'care_home', 'hospital', 'died'],
        [0.3, 0.55, 0.08, 0.07],
      );
      nextPathway = stayOutcome === 'care_home' ? 3 : null;
    } else {
      dischargeAt = inWorkingHours(a.ready + flow.lognormal(Math.log(4.2), 0.75) * DAY, flow);
      destination = 'care_home';
    }
    // Discharges rarely happen on Sundays: push to Monday (Havering: "not enough discharges on a Sunday").
    if (new Date(dischargeAt).getUTCDay() === 0 && a.pathway !== 2 && need !== 'd2a_bed' && flow.bernoulli(0.8))
      dischargeAt += DAY;
    const cancelAt = cancelled ? a.ready + flow.uniform(0.2, 3) * DAY : null;
    const left = cancelAt ?? dischargeAt;
    const done = left <= asAt;

    out.referrals.push({
      id,
      personRef: `EB-${new Date(a.ready).getUTCFullYear()}-${String(seq).padStart(5, '0')}`,
      ageBand,
      postcodeDistrict: district,
      hospital: person.pick(HOSPITALS),
      ward: person.pick(WARDS),
      pathway: a.pathway,
      serviceNeed: need,
      homecareHoursPerWeek: hours === null ? null : String(hours),
      callsPerDay: calls,
      doubleHanded,
      specialisms,
      equipment: a.pathway === 1 && doubleHanded ? ['hoist'] : [],
      needsSummary: '',
      fundingRoute: funding,
      referredAt: new Date(Math.min(referred, asAt)),
      medicallyOptimisedAt: new Date(a.ready),
      dischargedAt: done && !cancelled ? new Date(dischargeAt) : null,
      cancelledAt: done && cancelled ? new Date(cancelAt!) : null,
      cancelReason:
        done && cancelled
          ? flow.pick(['Readmitted to acute care', 'Died in hospital', 'No longer needs support'])
          : null,
      destination: done && !cancelled ? destination : null,
      serviceEndedAt: done && !cancelled && serviceEnd !== null && serviceEnd <= asAt ? new Date(serviceEnd) : null,
      nextPathway: done && !cancelled && serviceEnd !== null && serviceEnd <= asAt ? nextPathway : null,
      createdAt: new Date(Math.min(referred, asAt)),
    });

    // Delays: waits of more than half a day get a coded reason (the main one, sometimes a second).
    const waitEnd = Math.min(left, asAt);
    if (a.pathway > 0 && waitEnd - a.ready > 12 * HOUR) {
      const main: DelayReason =
        a.pathway === 1
          ? flow.weighted<DelayReason>(
              ['awaiting_homecare', 'awaiting_equipment', 'awaiting_assessment'],
              [0.72, 0.15, 0.13],
            )
          : a.pathway === 2
            ? flow.weighted<DelayReason>(['other', 'awaiting_assessment'], [0.75, 0.25])
            : need === 'd2a_bed'
              ? flow.weighted<DelayReason>(['awaiting_care_home', 'awaiting_assessment'], [0.8, 0.2])
              : flow.weighted<DelayReason>(
                  ['awaiting_care_home', 'awaiting_assessment', 'family_choice'],
                  [0.65, 0.2, 0.15],
                );
      const split =
        a.pathway === 3 && need !== 'd2a_bed' && flow.bernoulli(0.25)
          ? a.ready + (waitEnd - a.ready) * flow.uniform(0.4, 0.8)
          : null;
      out.delays.push({
        referralId: id,
        reason: main,
        fromAt: new Date(a.ready),
        toAt: split ? new Date(split) : left <= asAt ? new Date(left) : null,
        note: main === 'other' ? 'Awaiting a community rehabilitation bed' : '',
      });
      if (split)
        out.delays.push({
          referralId: id,
          reason: 'family_choice',
          fromAt: new Date(split),
          toAt: left <= asAt ? new Date(left) : null,
          note: '',
        });
    }

    // Bed stays (rehab and D2A): admitted at discharge.
    if (bedId && dischargeAt <= asAt && !cancelled) {
      out.stays.push({
        bedId,
        referralId: id,
        personRef: out.referrals[out.referrals.length - 1].personRef,
        admittedAt: new Date(dischargeAt),
        leftAt: serviceEnd! <= asAt ? new Date(serviceEnd!) : null,
        outcome: serviceEnd! <= asAt ? stayOutcome : null,
      });
    }

    // Brokerage for home care and direct care home placements.
    const brokered = a.pathway === 1 || (a.pathway === 3 && need !== 'd2a_bed');
    if (brokered && !cancelled) {
      const pool =
        a.pathway === 1
          ? input.agencies
          : input.careHomes.filter(
              (h) =>
                (need === 'care_home_nursing'
                  ? h.serviceTypes.includes('care_home_nursing')
                  : need === 'care_home_residential'
                    ? h.serviceTypes.includes('care_home_residential')
                    : h.specialisms.includes('dementia')) && specialisms.every((s) => h.specialisms.includes(s)),
            );
      if (!pool.length) continue;
      // Request, offers and award all fall between medically optimised and discharge.
      const sentAt =
        a.ready +
        Math.min(brok.lognormal(Math.log(a.pathway === 1 ? 2 : 5), 0.6) * HOUR, 0.3 * (dischargeAt - a.ready));
      if (sentAt > asAt) continue;
      const awardAt = Math.max(sentAt + 0.6 * (dischargeAt - sentAt), dischargeAt - brok.uniform(0.15, 0.9) * DAY);
      const n = Math.min(pool.length, brok.int(3, 6));
      const chosen = brok.shuffle(pool).slice(0, n);
      const winner = brok.int(0, n - 1);
      let firstOffer: number | null = null;
      for (const [i, home] of chosen.entries()) {
        const rid = input.ids();
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
        if (kind === 'offer' && answered && (firstOffer === null || respondedAt! < firstOffer))
          firstOffer = respondedAt!;
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
      const ref = out.referrals[out.referrals.length - 1];
      ref.requestSentAt = new Date(sentAt);
      ref.firstOfferAt = firstOffer !== null ? new Date(firstOffer) : null;
      ref.awardedAt = awardAt <= asAt ? new Date(awardAt) : null;
    } else if (bedId && !cancelled) {
      // Block beds need no brokerage: the bed is allocated when one is free.
      const ref = out.referrals[out.referrals.length - 1];
      const allocated = Math.max(a.ready, dischargeAt - 2 * HOUR);
      if (allocated <= asAt) ref.awardedAt = new Date(allocated);
    }
  }
  return out;
}
