import { addDays, londonDate } from '../../core/dates.js';
import { InputError } from '../../core/errors.js';
import { roundShares } from '../../core/shares.js';
import { fitArrivals, type ArrivalFit } from './arrivalFit.js';
import { isoToDayNumber } from './calendar.js';
import { visitDays, visitsOnDay } from './compile.js';
import { quantileSorted } from '../../core/statistics.js';
import {
  fitLengthOfStay,
  fitLognormal,
  summary,
  type LengthOfStayFit,
  type ObservedSummary,
} from './lengthOfStayFit.js';

export type { LengthOfStayCandidate, ObservedSummary, LengthOfStayFit } from './lengthOfStayFit.js';
export { fitGamma, fitLengthOfStay, fitLognormal } from './lengthOfStayFit.js';

/**
 * Fitting the simulation to the Transfer of Care hub's own history: referral rates by day of week and month
 * (and a trend when two years of referrals are recorded), lengths of stay, onward moves, capacity, and the
 * waits people actually had (to check the baseline against).
 */

const DAY_MS = 86_400_000;
const SERVICE_IDS = { 1: 'p1', 2: 'p2', 3: 'p3' } as const;

/** One referral from the hub's records (no personal data needed). Times are ISO date-times. */
export interface HistoryReferral {
  pathway: number;
  /** Medically optimised: ready to leave hospital; the start of the wait. */
  readyAt: string;
  /** Discharged into the service (the end of the wait), if it happened. */
  startedAt: string | null;
  /** The end of the service (reablement package, rehab or D2A stay), if known. */
  endedAt: string | null;
  /** Pathway moved on to after the service, if any. */
  nextPathway: number | null;
  /** Home visits a day at the start of a pathway 1 package (calls per day), when recorded. */
  callsPerDay?: number | null;
}

export interface HistoryBed {
  kind: 'd2a' | 'rehab';
  fromDate: string;
  toDate: string | null;
  /** Contract price per bed per week, in pence. */
  weeklyPricePence?: number;
}

export interface HistoryInput {
  /** Window fitted: [from, to). */
  from: string;
  to: string;
  referrals: HistoryReferral[];
  beds: HistoryBed[];
  /** Ended D2A stays by outcome (usual_residence, care_home, hospital, died, other). */
  d2aOutcomes: Record<string, number>;
  /**
   * Optional longer record of referrals for the rates (and the trend): referrals each London day from
   * `countsFrom` up to `to`, by pathway.
   */
  countsFrom?: string;
  referralCounts?: Partial<Record<1 | 2 | 3, number[]>>;
}

export interface PathwayFit {
  pathway: 1 | 2 | 3;
  serviceId: 'p1' | 'p2' | 'p3';
  referrals: number;
  arrivals: ArrivalFit;
  lengthOfStay: LengthOfStayFit;
  waits: ObservedSummary & { shareOver2: number; shareWithin2: number };
  capacity: { places: number; changes: { from: string; capacity: number }[]; source: string };
  /** Handover time (lognormal) from the waits of people referred when a place was free; null when too few. */
  handover: { mean: number; sd: number; people: number; source: string } | null;
  /**
   * Pathway 1 as home visits: visits a day at the start (mean calls per day recorded at referral) and at the
   * end of a stay, and the visits a day the service makes (95th percentile of a day's visits); null when the
   * records hold too few calls per day, or for pathways 2 and 3.
   */
  visits: { firstDay: number; lastDay: number; capacityPerDay: number; source: string } | null;
  /** Mean contract price per place per day, whole pence, when the history records it. */
  costPerPlaceDayPence: { value: number; source: string } | null;
  onward: { to: string; probability: number }[];
}

export interface HistoryFit {
  from: string;
  to: string;
  days: number;
  pathways: PathwayFit[];
  method: string;
}

export const FIT_METHOD = [
  'Referral rates: referrals per day by the date each person became medically optimised, with day-of-week and month factors',
  '(each the mean on that weekday or in that month divided by the overall mean; months not in the window count as average);',
  'with two years or more of referrals, a Poisson regression on weekday, month and a trend instead.',
  'Lengths of stay: from discharge to the end of the service; lognormal and gamma fitted by maximum likelihood, the one with the higher likelihood used;',
  'with fewer than 20 stays, a default is used and said so. Capacity: block-booked beds in force on the last day (pathways 2 and 3, later dated changes kept);',
  'for pathway 1, the 95th percentile of people in service on a day, since slots are not recorded. Waits: from medically optimised to discharge.',
  'Handover (assessment, transport, equipment): lognormal fitted to the waits of people referred while a place was free.',
  'Moves from step-down beds to reablement are counted among pathway 1 referrals, so the baseline does not add them again.',
  'Only the block capacity is simulated: reablement (pathway 1), rehabilitation beds (pathway 2) and D2A beds (pathway 3); spot-purchased homecare and',
  'direct long-term care home placements are left out.',
].join(' ');

/**
 * Fits the model to a window of history.
 * @throws InputError when the window is shorter than 4 weeks
 */
export function fitHistory(input: HistoryInput): HistoryFit {
  const start = isoToDayNumber(input.from);
  const end = isoToDayNumber(input.to);
  const days = end - start;
  if (days < 28)
    throw InputError.field('asAt', `The history window ${input.from} to ${input.to} is shorter than 4 weeks`);
  const pathways = ([1, 2, 3] as const).map((pathway) => fitPathway(pathway, input, start, end));
  return { from: input.from, to: input.to, days, pathways, method: FIT_METHOD };
}

const HOUR_MS = 3_600_000;
const londonDayByHour = new Map<number, number>();

/**
 * London day number of an ISO date-time (the business day is England's). London's offset from UTC changes only
 * on the hour, so the day is looked up once per UTC hour.
 */
function dayOf(isoDateTime: string): number {
  const ms = Date.parse(isoDateTime);
  const hour = Math.floor(ms / HOUR_MS);
  let day = londonDayByHour.get(hour);
  if (day === undefined) {
    day = isoToDayNumber(londonDate(new Date(hour * HOUR_MS)));
    if (londonDayByHour.size > 200_000) londonDayByHour.clear();
    londonDayByHour.set(hour, day);
  }
  return day;
}

function fitPathway(pathway: 1 | 2 | 3, input: HistoryInput, start: number, end: number): PathwayFit {
  const days = end - start;
  const mine = input.referrals.filter((r) => r.pathway === pathway);
  const longer = input.referralCounts?.[pathway];
  let counts: ArrayLike<number>;
  let countStart = start;
  if (longer && input.countsFrom && longer.length > days) {
    counts = longer;
    countStart = isoToDayNumber(input.countsFrom);
  } else {
    const own = new Float64Array(days);
    for (const r of mine) {
      const d = dayOf(r.readyAt) - start;
      if (d >= 0 && d < days) own[d]++;
    }
    counts = own;
  }
  let total = 0;
  for (let d = Math.max(0, counts.length - days); d < counts.length; d++) total += counts[d];
  const arrivals = fitArrivals(counts, countStart);

  const stays = mine
    .filter((r) => r.startedAt && r.endedAt)
    .map((r) => (Date.parse(r.endedAt!) - Date.parse(r.startedAt!)) / DAY_MS)
    .filter((x) => x > 0)
    .sort((a, b) => a - b);
  const lengthOfStay = fitLengthOfStay(pathway, stays);
  const capacity = capacityFor(pathway, input, mine, start, end);

  const waits = mine
    .filter((r) => r.startedAt)
    .map((r) => Math.max(0, (Date.parse(r.startedAt!) - Date.parse(r.readyAt)) / DAY_MS))
    .sort((a, b) => a - b);
  const over2 = waits.filter((w) => w > 2).length;

  return {
    pathway,
    serviceId: SERVICE_IDS[pathway],
    referrals: total,
    arrivals,
    lengthOfStay,
    waits: {
      ...summary(waits),
      shareOver2: waits.length ? round(over2 / waits.length, 4) : 0,
      shareWithin2: waits.length ? round(1 - over2 / waits.length, 4) : 1,
    },
    capacity,
    handover: handoverFor(mine, capacity.places),
    visits: pathway === 1 ? visitsFor(mine, start, end) : null,
    costPerPlaceDayPence: priceFor(pathway, input),
    onward: onwardFor(pathway, mine, input.d2aOutcomes),
  };
}

function capacityFor(
  pathway: 1 | 2 | 3,
  input: HistoryInput,
  mine: HistoryReferral[],
  start: number,
  end: number,
): PathwayFit['capacity'] {
  const lastDay = end - 1;
  if (pathway === 1) {
    // People in a pathway 1 service on each day of the window.
    const days = end - start;
    const diff = new Float64Array(days + 1);
    for (const r of mine) {
      if (!r.startedAt) continue;
      const a = Math.max(0, Math.floor(Date.parse(r.startedAt) / DAY_MS) - start);
      const b = r.endedAt ? Math.min(days, Math.floor(Date.parse(r.endedAt) / DAY_MS) - start) : days;
      if (a < b) {
        diff[a]++;
        diff[b]--;
      }
    }
    const inService: number[] = [];
    let running = 0;
    for (let d = 0; d < days; d++) inService.push((running += diff[d]));
    // Skip the first 60 days: services that began before the window are not in it.
    const settled = inService.slice(Math.min(60, Math.floor(days / 2))).sort((x, y) => x - y);
    return {
      places: Math.max(1, Math.round(quantileSorted(settled, 0.95) ?? 1)),
      changes: [],
      source: 'estimated: 95th percentile of people in a pathway 1 service on a day (slots are not recorded)',
    };
  }
  const kind = pathway === 2 ? 'rehab' : 'd2a';
  const beds = input.beds.filter((b) => b.kind === kind);
  const contracted = (day: number) =>
    beds.filter((b) => isoToDayNumber(b.fromDate) <= day && (b.toDate === null || day < isoToDayNumber(b.toDate)))
      .length;
  const inForce = contracted;
  const places = inForce(lastDay);
  // Dated changes after the window (e.g. winter flex beds already booked), for the next year.
  const changes: { from: string; capacity: number }[] = [];
  const boundaries = new Set<number>();
  for (const b of beds) {
    for (const d of [b.fromDate, b.toDate])
      if (d && isoToDayNumber(d) > lastDay && isoToDayNumber(d) <= lastDay + 400) boundaries.add(isoToDayNumber(d));
  }
  let previous = places;
  for (const day of [...boundaries].sort((a, b) => a - b)) {
    const capacity = inForce(day);
    if (capacity !== previous) changes.push({ from: addDays(input.to, day - end), capacity });
    previous = capacity;
  }
  const label = kind === 'd2a' ? 'D2A' : 'rehabilitation';
  const source = `${places} block-booked ${label} beds in force on ${addDays(input.to, -1)}`;
  return { places, changes, source };
}

/** Visits a day at the end of a reablement stay: packages taper to one visit a day (an assumption, editable). */
const LAST_DAY_VISITS = 1;

/**
 * Pathway 1 as home visits: each person's visits fall in a straight line from their calls per day at referral
 * to one a day on their last day; the service's visits a day is the 95th percentile of the visits made on a
 * day over the window (after its first 60 days, so packages begun before it are in), since it is not recorded.
 */
function visitsFor(mine: HistoryReferral[], start: number, end: number): PathwayFit['visits'] {
  const withCalls = mine.filter((r) => r.callsPerDay && r.callsPerDay > 0 && r.startedAt);
  if (withCalls.length < 20) return null;
  const firstDay = withCalls.reduce((a, r) => a + r.callsPerDay!, 0) / withCalls.length;
  const days = end - start;
  const visits = new Float64Array(days);
  for (const r of withCalls) {
    const a = dayOf(r.startedAt!) - start;
    const b = r.endedAt ? dayOf(r.endedAt) - start : days;
    const n = visitDays(b - a);
    for (let k = 0; k < n; k++) {
      const d = a + k;
      if (d >= 0 && d < days) visits[d] += visitsOnDay(r.callsPerDay!, LAST_DAY_VISITS, n, k);
    }
  }
  const settled = Array.from(visits.subarray(Math.min(60, Math.floor(days / 2)))).sort((x, y) => x - y);
  const capacityPerDay = Math.max(1, Math.round(quantileSorted(settled, 0.95) ?? 1));
  return {
    firstDay: round(firstDay, 2),
    lastDay: LAST_DAY_VISITS,
    capacityPerDay,
    source: `${withCalls.length} packages: ${round(firstDay, 1)} visits a day at the start (calls per day at referral), tapering to ${LAST_DAY_VISITS} a day by the end (assumed); ${capacityPerDay} visits a day is the 95th percentile of a day's visits`,
  };
}

/**
 * Handover: people referred while a place was free (fewer in service than places) waited only for
 * assessment, transport and the like. Their waits, fitted lognormal, are the time any referral needs.
 */
function handoverFor(mine: HistoryReferral[], places: number): PathwayFit['handover'] {
  const starts = mine
    .filter((r) => r.startedAt)
    .map((r) => Date.parse(r.startedAt!))
    .sort((a, b) => a - b);
  const ends = mine
    .filter((r) => r.startedAt && r.endedAt)
    .map((r) => Date.parse(r.endedAt!))
    .sort((a, b) => a - b);
  const countUpTo = (sorted: number[], t: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const waits: number[] = [];
  for (const r of mine) {
    if (!r.startedAt) continue;
    const ready = Date.parse(r.readyAt);
    if (countUpTo(starts, ready) - countUpTo(ends, ready) < places)
      waits.push(Math.max(1 / 24, (Date.parse(r.startedAt) - ready) / DAY_MS));
  }
  if (waits.length < 20) return null;
  const fitted = fitLognormal(waits.sort((a, b) => a - b));
  return {
    mean: round(fitted.mean, 3),
    sd: round(fitted.sd, 3),
    people: waits.length,
    source: `lognormal fitted to the waits of ${waits.length} people referred when fewer than ${places} places were in use`,
  };
}

function priceFor(pathway: 1 | 2 | 3, input: HistoryInput): PathwayFit['costPerPlaceDayPence'] {
  if (pathway === 1) return null;
  const kind = pathway === 2 ? 'rehab' : 'd2a';
  const prices = input.beds
    .filter((b) => b.kind === kind && b.weeklyPricePence !== undefined)
    .map((b) => b.weeklyPricePence!);
  if (prices.length === 0) return null;
  const weeklyPence = prices.reduce((a, b) => a + b, 0) / prices.length;
  return {
    value: Math.round(weeklyPence / 7),
    source: `mean weekly contract price of ${prices.length} block-booked beds (£${(weeklyPence / 100).toFixed(2)}) ÷ 7`,
  };
}

function onwardFor(
  pathway: 1 | 2 | 3,
  mine: HistoryReferral[],
  d2aOutcomes: Record<string, number>,
): { to: string; probability: number }[] {
  if (pathway === 3) {
    const total = Object.values(d2aOutcomes).reduce((a, b) => a + b, 0);
    if (total === 0)
      return [
        { to: 'home', probability: 0.3 },
        { to: 'long-term care', probability: 0.7 },
      ];
    const home = d2aOutcomes.usual_residence ?? 0;
    const ltc = d2aOutcomes.care_home ?? 0;
    return onwardShares([
      ['home', home],
      ['long-term care', ltc],
      ['other (hospital, died, other)', Math.max(0, total - home - ltc)],
    ]);
  }
  const ended = mine.filter((r) => r.endedAt);
  if (pathway === 2) {
    const toP1 = ended.filter((r) => r.nextPathway === 1).length;
    const toP3 = ended.filter((r) => r.nextPathway === 3).length;
    if (ended.length === 0) return [{ to: 'p1', probability: 0.4 }];
    return onwardShares([
      ['p1', toP1],
      ['p3', toP3],
      ['home', ended.length - toP1 - toP3],
    ]);
  }
  return [{ to: 'home', probability: 1 }];
}

/**
 * Onward moves from counts of people by destination: shares rounded to 4 decimal places that add up to exactly
 * 1 (largest remainder), so a fitted scenario always passes the scenario schema's "at most 1" check.
 */
function onwardShares(counts: [to: string, people: number][]): { to: string; probability: number }[] {
  const shares = roundShares(
    counts.map(([, people]) => people),
    4,
  );
  return counts.map(([to], i) => ({ to, probability: shares[i] })).filter((o) => o.probability > 0);
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
