// Discharge to assess (D2A): block-booked care home beds where people stay up to six weeks while their
// long-term needs are assessed. Occupancy is a midnight census; length of stay is measured against the limit.
import { median } from '../core/statistics.js';
import { round, share } from './stats.js';
import { addDays, DAY_MS, londonMidnight } from '../core/dates.js';

/** The D2A assessment period: six weeks. */
export const D2A_LIMIT_DAYS = 42;

export const D2A_OUTCOMES = ['usual_residence', 'care_home', 'hospital', 'died', 'other'] as const;
export type D2aOutcome = (typeof D2A_OUTCOMES)[number];
export const D2A_OUTCOME_LABELS: Record<D2aOutcome, string> = {
  usual_residence: 'Home (usual place of residence)',
  care_home: 'Long-term care home',
  hospital: 'Back to hospital',
  died: 'Died',
  other: 'Other',
};

export interface BlockBed {
  bedId: string;
  /** First London date the bed is contracted. */
  from: string;
  /** First London date it is no longer contracted (null = open-ended). */
  to: string | null;
}

export interface BedStay {
  stayId: string;
  bedId: string;
  personRef: string;
  admittedAt: Date;
  leftAt: Date | null;
  outcome: D2aOutcome | null;
}

/** Length of stay in days (fractional) to departure or to `now` for people still in the bed. */
export function lengthOfStayDays(stay: BedStay, now: Date): number {
  const end = stay.leftAt ?? now;
  return Math.max(0, (end.getTime() - stay.admittedAt.getTime()) / DAY_MS);
}

export interface OccupancyDay {
  date: string;
  beds: number;
  occupied: number;
}

/** Beds contracted and beds occupied at the midnight that ends each London date in [from, to). */
export function occupancyByDay(
  beds: readonly BlockBed[],
  stays: readonly BedStay[],
  from: string,
  to: string,
): OccupancyDay[] {
  const out: OccupancyDay[] = [];
  for (let date = from; date < to; date = addDays(date, 1)) {
    const census = londonMidnight(addDays(date, 1)).getTime();
    const contracted = beds.filter((b) => b.from <= date && (b.to === null || date < b.to)).length;
    let occupied = 0;
    for (const s of stays) {
      if (s.admittedAt.getTime() <= census && (s.leftAt === null || s.leftAt.getTime() > census)) occupied++;
    }
    out.push({ date, beds: contracted, occupied });
  }
  return out;
}

export interface CurrentStay {
  stayId: string;
  bedId: string;
  personRef: string;
  admittedAt: Date;
  daysIn: number;
  /** Days left before the six-week limit; negative when over it. */
  daysToLimit: number;
  overLimit: boolean;
}

export interface D2aSummary {
  bedsContracted: number;
  occupiedNow: number;
  occupancyNow: number | null;
  meanOccupancy: number | null;
  current: CurrentStay[];
  completed: number;
  medianLengthOfStayDays: number | null;
  overLimitCompleted: number;
  overLimitShare: number | null;
  outcomes: Record<D2aOutcome, number>;
  outcomeShares: Record<D2aOutcome, number | null>;
}

/**
 * The D2A picture: today's beds and who is in them (longest stay first), plus stays that ended in [from, to):
 * their median length, how many ran past six weeks, and where people went afterwards. `occupancy`: the
 * caller's occupancyByDay(beds, stays, from, to) when it has it already (computed here otherwise).
 */
export function d2aSummary(
  beds: readonly BlockBed[],
  stays: readonly BedStay[],
  now: Date,
  from: string,
  to: string,
  occupancy?: readonly OccupancyDay[],
): D2aSummary {
  const occ = occupancy ?? occupancyByDay(beds, stays, from, to);
  const current = stays
    .filter((s) => s.admittedAt.getTime() <= now.getTime() && (s.leftAt === null || s.leftAt.getTime() > now.getTime()))
    .map((s) => {
      const daysIn = lengthOfStayDays({ ...s, leftAt: null }, now);
      return {
        stayId: s.stayId,
        bedId: s.bedId,
        personRef: s.personRef,
        admittedAt: s.admittedAt,
        daysIn: round(daysIn, 1)!,
        daysToLimit: round(D2A_LIMIT_DAYS - daysIn, 1)!,
        overLimit: daysIn > D2A_LIMIT_DAYS,
      };
    })
    .sort((a, b) => b.daysIn - a.daysIn);

  const fromMs = londonMidnight(from).getTime();
  const toMs = londonMidnight(to).getTime();
  const ended = stays.filter((s) => s.leftAt && s.leftAt.getTime() >= fromMs && s.leftAt.getTime() < toMs);
  const los = ended.map((s) => lengthOfStayDays(s, now));
  const overLimitCompleted = los.filter((d) => d > D2A_LIMIT_DAYS).length;
  const outcomes = Object.fromEntries(D2A_OUTCOMES.map((o) => [o, 0])) as Record<D2aOutcome, number>;
  for (const s of ended) outcomes[s.outcome ?? 'other']++;
  const outcomeShares = Object.fromEntries(
    D2A_OUTCOMES.map((o) => [o, round(share(outcomes[o], ended.length), 4)]),
  ) as Record<D2aOutcome, number | null>;
  const todayBeds = beds.filter((b) => {
    const t = now.getTime();
    return londonMidnight(b.from).getTime() <= t && (b.to === null || t < londonMidnight(b.to).getTime());
  }).length;
  const bedDays = occ.reduce((a, d) => a + d.beds, 0);
  return {
    bedsContracted: todayBeds,
    occupiedNow: current.length,
    occupancyNow: round(share(current.length, todayBeds), 4),
    meanOccupancy: round(
      share(
        occ.reduce((a, d) => a + d.occupied, 0),
        bedDays,
      ),
      4,
    ),
    current,
    completed: ended.length,
    medianLengthOfStayDays: round(median(los), 1),
    overLimitCompleted,
    overLimitShare: round(share(overLimitCompleted, ended.length), 4),
    outcomes,
    outcomeShares,
  };
}
