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
// How people flow through the services is in dischargeFlow.ts, the brokerage in dischargeBrokerage.ts.
import {
  dischargeBedStays,
  dischargeDelays,
  dischargeReferrals,
  dischargeRequests,
  dischargeAwards,
} from '../db/discharge/schema.js';
import type { Rng } from '../domain/core/random.js';
import type { DelayReason, FundingRoute, ServiceNeed } from '../domain/discharge/referral.js';
import { DEMO_IN_BOROUGH_DISTRICTS } from './borough.js';
import { brokerReferral, type DemoHome } from './dischargeBrokerage.js';
import { type Arrival, DAY, DischargeServices, generateArrivals, HOUR } from './dischargeFlow.js';

export { DAY, DEMO_ANNUAL_ARRIVALS, DEMO_REABLEMENT_SLOTS } from './dischargeFlow.js';
export type { DemoHome } from './dischargeBrokerage.js';

/** D2A beds in the two nursing homes the hub block-books. */
export const DEMO_D2A_BEDS = 20;
/** Community rehabilitation beds: all year, and in winter (November to April) with the flex beds open. */
export const DEMO_REHAB_BEDS = { base: 57, winter: 61 };

/** What the history is generated from: the demo's today, how many days back, the homes and beds, an id source. */
export interface GeneratorInput {
  asAt: Date;
  days: number;
  careHomes: DemoHome[];
  agencies: DemoHome[];
  d2aBedIds: string[];
  rehabBedIds: { id: string; winterOnly: boolean }[];
  ids: () => string;
}

/** The generated rows, ready to insert: referrals, their delays, brokerage requests and awards, bed stays. */
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

/** Who someone is and what they need, as the hub records it. */
interface Person {
  district: string;
  ageBand: string;
  hospital: string;
  ward: string;
  need: ServiceNeed;
  funding: FundingRoute;
  specialisms: string[];
  hours: number | null;
  calls: number | null;
  doubleHanded: boolean;
  /** When they were referred (epoch ms): usually the day before they are ready. */
  referred: number;
}

/** Draw `a`'s person from `person`: where they live, their age, their needs by pathway and funding. */
function drawPerson(person: Rng, a: Arrival): Person {
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
  const hospital = person.pick(HOSPITALS);
  const ward = person.pick(WARDS);
  return { district, ageBand, hospital, ward, need, funding, specialisms, hours, calls, doubleHanded, referred };
}

/**
 * Waits of more than half a day (from `a.ready` to `left`, or `asAt` while still waiting) get a coded reason:
 * the main one, and for some direct care home placements a family choice after it. Draws from `flow`.
 */
function delaysFor(
  id: string,
  a: Arrival,
  need: ServiceNeed,
  left: number,
  asAt: number,
  flow: Rng,
): (typeof dischargeDelays.$inferInsert)[] {
  const delays: (typeof dischargeDelays.$inferInsert)[] = [];
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
    delays.push({
      referralId: id,
      reason: main,
      fromAt: new Date(a.ready),
      toAt: split ? new Date(split) : left <= asAt ? new Date(left) : null,
      note: main === 'other' ? 'Awaiting a community rehabilitation bed' : '',
    });
    if (split)
      delays.push({
        referralId: id,
        reason: 'family_choice',
        fromAt: new Date(split),
        toAt: left <= asAt ? new Date(left) : null,
        note: '',
      });
  }
  return delays;
}

/** Generate the hub's history. Pure and deterministic for a seeded `rng`. */
export function generateDischargeHistory(rng: Rng, input: GeneratorInput): GeneratedHistory {
  const asAt = input.asAt.getTime();
  const start = asAt - input.days * DAY;
  const out: GeneratedHistory = { referrals: [], delays: [], requests: [], awards: [], stays: [] };
  const arrivals = generateArrivals(rng.fork('arrivals'), start, asAt);
  const person = rng.fork('people');
  const flow = rng.fork('flow');
  const brok = rng.fork('brokerage');
  const services = new DischargeServices(input.d2aBedIds, input.rehabBedIds, start);

  let seq = 0;
  for (const a of arrivals) {
    seq++;
    const id = input.ids();
    const p = drawPerson(person, a);
    const { need, hours, doubleHanded, referred } = p;
    const cancelled = a.pathway > 0 && flow.bernoulli(0.02);
    // Service start (= discharge) and end, by pathway.
    const { dischargeAt, serviceEnd, bedId, stayOutcome, destination, nextPathway } = services.start(a, need, flow);
    const cancelAt = cancelled ? a.ready + flow.uniform(0.2, 3) * DAY : null;
    const left = cancelAt ?? dischargeAt;
    const done = left <= asAt;
    const ended = done && !cancelled && serviceEnd !== null && serviceEnd <= asAt;

    const ref: GeneratedHistory['referrals'][number] = {
      id,
      personRef: `EB-${new Date(a.ready).getUTCFullYear()}-${String(seq).padStart(5, '0')}`,
      ageBand: p.ageBand,
      postcodeDistrict: p.district,
      hospital: p.hospital,
      ward: p.ward,
      pathway: a.pathway,
      serviceNeed: need,
      homecareHoursPerWeek: hours === null ? null : String(hours),
      callsPerDay: p.calls,
      doubleHanded,
      specialisms: p.specialisms,
      equipment: a.pathway === 1 && doubleHanded ? ['hoist'] : [],
      needsSummary: '',
      fundingRoute: p.funding,
      referredAt: new Date(Math.min(referred, asAt)),
      medicallyOptimisedAt: new Date(a.ready),
      dischargedAt: done && !cancelled ? new Date(dischargeAt) : null,
      cancelledAt: done && cancelled ? new Date(cancelAt!) : null,
      cancelReason:
        done && cancelled
          ? flow.pick(['Readmitted to acute care', 'Died in hospital', 'No longer needs support'])
          : null,
      destination: done && !cancelled ? destination : null,
      serviceEndedAt: ended ? new Date(serviceEnd) : null,
      nextPathway: ended ? nextPathway : null,
      createdAt: new Date(Math.min(referred, asAt)),
    };
    out.referrals.push(ref);
    out.delays.push(...delaysFor(id, a, need, left, asAt, flow));

    // Bed stays (rehab and D2A): admitted at discharge.
    if (bedId && dischargeAt <= asAt && !cancelled) {
      out.stays.push({
        bedId,
        referralId: id,
        personRef: ref.personRef,
        admittedAt: new Date(dischargeAt),
        leftAt: serviceEnd! <= asAt ? new Date(serviceEnd!) : null,
        outcome: serviceEnd! <= asAt ? stayOutcome : null,
      });
    }

    // Brokerage for home care and direct care home placements.
    const brokered = a.pathway === 1 || (a.pathway === 3 && need !== 'd2a_bed');
    if (brokered && !cancelled) {
      const r = { id, arrival: a, need, specialisms: p.specialisms, hours, doubleHanded, dischargeAt };
      const times = brokerReferral(r, input, asAt, brok, out);
      if (times) Object.assign(ref, times);
    } else if (bedId && !cancelled) {
      // Block beds need no brokerage: the bed is allocated when one is free.
      const allocated = Math.max(a.ready, dischargeAt - 2 * HOUR);
      if (allocated <= asAt) ref.awardedAt = new Date(allocated);
    }
  }
  return out;
}
