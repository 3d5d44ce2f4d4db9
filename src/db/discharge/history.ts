// The hub's history for capacity planning (issue 6): arrivals per day by pathway, and one episode per person
// with their wait and length of stay. A stable, documented shape the simulation fits its arrival rates and
// length-of-stay distributions from. Read-only.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../client.js';
import { plausibleReferral } from './plausible.js';
import { readInSlices, textArray } from './sql.js';
import type { Pathway, ServiceNeed } from '../../domain/discharge/referral.js';
import { addDays, londonDate, londonMidnight } from '../../domain/core/dates.js';

/** The service a discharged person went into, as the simulation models it. */
export type HistoryService = 'p1_home' | 'p2_bed' | 'p3_d2a_bed' | 'p3_care_home' | 'none';

export interface HistoryArrivals {
  /** London date. */
  date: string;
  /** People who became medically optimised (ready to leave hospital) that day, by pathway. */
  byPathway: Record<Pathway, number>;
}

export interface HistoryEpisode {
  referralId: string;
  pathway: Pathway;
  serviceNeed: ServiceNeed;
  service: HistoryService;
  /** Medically optimised: the moment the person joined the queue. */
  readyAt: Date;
  /** Left hospital into the service (null if still waiting at `asAt`, or cancelled). */
  startedAt: Date | null;
  /** Left the service (end of reablement, rehab or D2A stay); null if still in it or long-term. */
  endedAt: Date | null;
  /** readyAt → startedAt in days; for people still waiting, the wait so far (censored: see `waiting`). */
  waitDays: number;
  waiting: boolean;
  /** startedAt → endedAt in days, null while in service or for long-term care homes. */
  lengthOfStayDays: number | null;
  /** Where they went after the service: a pathway they moved on to, or a D2A outcome / destination. */
  nextPathway: Pathway | null;
  outcome: string | null;
}

export interface DischargeHistory {
  from: string;
  to: string;
  asAt: string;
  arrivals: HistoryArrivals[];
  episodes: HistoryEpisode[];
}

interface ReferralRow {
  id: string;
  pathway: number;
  service_need: string;
  medically_optimised_at: Date | string;
  discharged_at: Date | string | null;
  cancelled_at: Date | string | null;
  service_ended_at: Date | string | null;
  next_pathway: number | null;
  destination: string | null;
}

interface StayRow {
  referral_id: string;
  admitted_at: Date | string;
  left_at: Date | string | null;
  outcome: string | null;
}

/** Each referral's latest bed stay (by admission), for the referrals given. */
async function latestStays(db: Db, referralIds: string[]): Promise<Map<string, StayRow>> {
  if (referralIds.length === 0) return new Map();
  const rows = await queryRows<StayRow>(
    db,
    sql`select distinct on (s.referral_id) s.referral_id::text, s.admitted_at, s.left_at, s.outcome
        from discharge_bed_stays s where s.referral_id = any(${textArray(referralIds)}::uuid[])
        order by s.referral_id, s.admitted_at desc`,
  );
  return new Map(rows.map((r) => [r.referral_id, r]));
}

/** How many referrals (alias `r`) meet `condition`, and the earliest medically optimised time among them. */
async function windowSpan(db: Db, condition: SQL): Promise<{ rows: number; first: Date | null }> {
  const [row] = await queryRows<{ n: number; first: Date | string | null }>(
    db,
    sql`select count(*)::int as n, min(r.medically_optimised_at) as first from discharge_referrals r where ${condition}`,
  );
  return { rows: Number(row?.n ?? 0), first: row?.first == null ? null : new Date(row.first) };
}

function serviceOf(need: ServiceNeed, pathway: Pathway): HistoryService {
  if (pathway === 0 || need === 'none') return 'none';
  if (need === 'reablement' || need === 'homecare') return 'p1_home';
  if (need === 'rehab_bed' || pathway === 2) return 'p2_bed';
  if (need === 'd2a_bed') return 'p3_d2a_bed';
  return 'p3_care_home';
}

const DAY_MS = 86_400_000;

/** One person's episode from their referral and latest bed stay, as at `asAt`. */
function episodeOf(r: ReferralRow, stay: StayRow | null, asAt: Date): HistoryEpisode {
  const readyAt = new Date(r.medically_optimised_at);
  const pathway = r.pathway as Pathway;
  const startedAt = r.discharged_at === null ? null : new Date(r.discharged_at);
  const service = serviceOf(r.service_need as ServiceNeed, pathway);
  let endedAt: Date | null = null;
  let outcome: string | null = r.destination;
  if (stay !== null && (service === 'p2_bed' || service === 'p3_d2a_bed')) {
    endedAt = stay.left_at === null ? null : new Date(stay.left_at);
    outcome = stay.outcome ?? outcome;
  } else if (service === 'p1_home') {
    endedAt = r.service_ended_at === null ? null : new Date(r.service_ended_at);
  }
  if (endedAt && endedAt.getTime() > asAt.getTime()) endedAt = null;
  const waiting = startedAt === null && r.cancelled_at === null;
  const waitEnd = startedAt ?? (r.cancelled_at !== null ? new Date(r.cancelled_at) : asAt);
  return {
    referralId: r.id,
    pathway,
    serviceNeed: r.service_need as ServiceNeed,
    service,
    readyAt,
    startedAt,
    endedAt,
    waitDays: Math.max(0, (waitEnd.getTime() - readyAt.getTime()) / DAY_MS),
    waiting,
    lengthOfStayDays: startedAt && endedAt ? Math.max(0, (endedAt.getTime() - startedAt.getTime()) / DAY_MS) : null,
    nextPathway: (r.next_pathway as Pathway | null) ?? null,
    outcome,
  };
}

/**
 * The hub's history for London dates [from, to): arrivals per day by pathway (every day, zeros included) and
 * one episode per person who became medically optimised in the window, with their wait and length of stay.
 * Lengths of stay come from the bed stay (D2A/rehab) or from discharge → service end (home-based).
 * Read in time slices of about `sliceRows` referrals (default SLICE_ROWS): the same episodes, in the same order.
 */
export async function readDischargeHistory(
  db: Db,
  opts: { from: string; to: string; asAt?: Date; sliceRows?: number },
): Promise<DischargeHistory> {
  const asAt = opts.asAt ?? new Date();
  const fromAt = londonMidnight(opts.from);
  const toAt = londonMidnight(opts.to);
  const inWindow = sql`${plausibleReferral('r')} and r.medically_optimised_at >= ${fromAt.toISOString()} and r.medically_optimised_at < ${toAt.toISOString()}`;
  // In time slices of a few hundred referrals each (readInSlices), so on PGlite no single query holds the server;
  // each slice's latest bed stays in a second query by referral id (a plan that needs no table statistics,
  // which PGlite never gathers on its own).
  const episodes = await readInSlices(
    () => windowSpan(db, inWindow),
    toAt,
    async (a, b) => {
      const referrals = await queryRows<ReferralRow>(
        db,
        sql`select r.id::text, r.pathway, r.service_need, r.medically_optimised_at, r.discharged_at, r.cancelled_at,
                   r.service_ended_at, r.next_pathway, r.destination
            from discharge_referrals r
            where ${inWindow} and r.medically_optimised_at >= ${a.toISOString()} and r.medically_optimised_at < ${b.toISOString()}
            order by r.medically_optimised_at`,
      );
      const stays = await latestStays(
        db,
        referrals.map((r) => r.id),
      );
      return referrals.map((r) => episodeOf(r, stays.get(r.id) ?? null, asAt));
    },
    opts.sliceRows,
  );
  const arrivals = new Map<string, Record<Pathway, number>>();
  for (let d = opts.from; d < opts.to; d = addDays(d, 1)) arrivals.set(d, { 0: 0, 1: 0, 2: 0, 3: 0 });
  for (const e of episodes) {
    const day = arrivals.get(londonDate(e.readyAt));
    if (day) day[e.pathway]++;
  }
  return {
    from: opts.from,
    to: opts.to,
    asAt: asAt.toISOString(),
    arrivals: [...arrivals.entries()].map(([date, byPathway]) => ({ date, byPathway })),
    episodes,
  };
}
