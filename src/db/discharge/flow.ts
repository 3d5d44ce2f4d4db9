// Reads for the hub board, the flow metrics, the D2A page and the simulation's history.
import { and, asc, eq, gte, isNull, lt, or, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../client.js';
import { hubBoard, type BoardLane } from '../../domain/discharge/board.js';
import { d2aSummary, occupancyByDay, type BedStay, type BlockBed, type D2aOutcome, type D2aSummary, type OccupancyDay } from '../../domain/discharge/d2a.js';
import { acceptanceByProvider, flowMetrics, type FlowRecord, type PeriodMetrics, type ProviderAcceptance } from '../../domain/discharge/metrics.js';
import type { DelayReason, Destination, Pathway, ServiceNeed } from '../../domain/discharge/referral.js';
import { addDays, londonDate, londonMidnight, type Period } from '../../domain/discharge/time.js';
import { loadResponseRecords } from './brokerage.js';
import { listOpenReferrals } from './referrals.js';
import { dischargeBlockBeds, dischargeReferrals } from './schema.js';
import { locations } from '../market/schema.js';

export async function loadBoard(db: Db, now = new Date()): Promise<BoardLane[]> {
  const open = await listOpenReferrals(db);
  return hubBoard(open.map((r) => ({ ...r, referralId: r.id })), now);
}

/** Referrals that touch [from, to): referred before its end and still in hospital at, or leaving after, its start. */
export async function loadFlowRecords(db: Db, from: Date, to: Date): Promise<FlowRecord[]> {
  const rows = await db
    .select()
    .from(dischargeReferrals)
    .where(
      and(
        lt(dischargeReferrals.referredAt, to),
        or(
          and(isNull(dischargeReferrals.dischargedAt), isNull(dischargeReferrals.cancelledAt)),
          gte(dischargeReferrals.dischargedAt, from),
          gte(dischargeReferrals.cancelledAt, from),
        ),
      ),
    );
  const ids = new Set(rows.map((r) => r.id));
  const delays = await queryRows<{ referral_id: string; reason: string; from_at: Date | string; to_at: Date | string | null }>(
    db,
    sql`select d.referral_id::text, d.reason, d.from_at, d.to_at from discharge_delays d
        join discharge_referrals r on r.id = d.referral_id
        where r.referred_at < ${to.toISOString()} and (r.discharged_at is null or r.discharged_at >= ${from.toISOString()})`,
  );
  const byRef = new Map<string, FlowRecord['delays'][number][]>();
  for (const d of delays) {
    if (!ids.has(d.referral_id)) continue;
    const list = byRef.get(d.referral_id) ?? [];
    list.push({ reason: d.reason as DelayReason, from: new Date(d.from_at), to: d.to_at === null ? null : new Date(d.to_at) });
    byRef.set(d.referral_id, list);
  }
  return rows.map((r) => ({
    referralId: r.id,
    pathway: r.pathway as Pathway,
    referredAt: r.referredAt,
    medicallyOptimisedAt: r.medicallyOptimisedAt,
    requestSentAt: r.requestSentAt,
    firstOfferAt: r.firstOfferAt,
    awardedAt: r.awardedAt,
    dischargedAt: r.dischargedAt,
    cancelledAt: r.cancelledAt,
    destination: r.destination as Destination | null,
    delays: byRef.get(r.id) ?? [],
  }));
}

export interface MetricsReport {
  period: Period;
  from: string;
  to: string;
  asAt: string;
  rows: PeriodMetrics[];
  acceptance: ProviderAcceptance[];
}

/** Flow and delay metrics per week or month for London dates [from, to), plus each provider's acceptance record. */
export async function loadMetrics(db: Db, opts: { period: Period; from: string; to: string; asAt?: Date }): Promise<MetricsReport> {
  const asAt = opts.asAt ?? new Date();
  const fromAt = londonMidnight(opts.from);
  const toAt = londonMidnight(opts.to);
  const [records, responses] = await Promise.all([loadFlowRecords(db, fromAt, toAt), loadResponseRecords(db)]);
  return {
    period: opts.period,
    from: opts.from,
    to: opts.to,
    asAt: asAt.toISOString(),
    rows: flowMetrics(records, responses, { period: opts.period, from: opts.from, to: opts.to, asAt }),
    acceptance: acceptanceByProvider(responses, opts.from, opts.to),
  };
}

export interface D2aReport extends D2aSummary {
  kind: 'd2a' | 'rehab';
  from: string;
  to: string;
  occupancy: OccupancyDay[];
  beds: { id: string; label: string; locationId: string; locationName: string; weeklyPricePence: number }[];
}

/** Block-bed picture (D2A or rehab): today's occupants, occupancy by day and completed stays in [from, to). */
export async function loadD2a(db: Db, opts: { kind?: 'd2a' | 'rehab'; from: string; to: string; now?: Date }): Promise<D2aReport> {
  const kind = opts.kind ?? 'd2a';
  const now = opts.now ?? new Date();
  const bedRows = await db
    .select({ b: dischargeBlockBeds, locationName: locations.name })
    .from(dischargeBlockBeds)
    .innerJoin(locations, eq(locations.id, dischargeBlockBeds.locationId))
    .where(eq(dischargeBlockBeds.kind, kind))
    .orderBy(asc(locations.name), asc(dischargeBlockBeds.label));
  const stayRows = await queryRows<{ id: string; bed_id: string; person_ref: string; admitted_at: Date | string; left_at: Date | string | null; outcome: string | null }>(
    db,
    sql`select s.id::text, s.bed_id::text, s.person_ref, s.admitted_at, s.left_at, s.outcome
        from discharge_bed_stays s join discharge_block_beds b on b.id = s.bed_id
        where b.kind = ${kind} and s.admitted_at < ${londonMidnight(opts.to).toISOString()}
          and (s.left_at is null or s.left_at >= ${londonMidnight(opts.from).toISOString()})`,
  );
  const beds: BlockBed[] = bedRows.map(({ b }) => ({ bedId: b.id, from: b.fromDate, to: b.toDate }));
  const stays: BedStay[] = stayRows.map((s) => ({
    stayId: s.id,
    bedId: s.bed_id,
    personRef: s.person_ref,
    admittedAt: new Date(s.admitted_at),
    leftAt: s.left_at === null ? null : new Date(s.left_at),
    outcome: s.outcome as D2aOutcome | null,
  }));
  const summary = d2aSummary(beds, stays, now, opts.from, opts.to);
  return {
    ...summary,
    kind,
    from: opts.from,
    to: opts.to,
    occupancy: occupancyByDay(beds, stays, opts.from, opts.to),
    beds: bedRows.map(({ b, locationName }) => ({ id: b.id, label: b.label, locationId: b.locationId, locationName, weeklyPricePence: b.weeklyPricePence })),
  };
}

// ---------------------------------------------------------------------------------------------------------
// History for capacity planning (issue 6). A stable, documented shape the simulation can fit from.
// ---------------------------------------------------------------------------------------------------------

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

function serviceOf(need: ServiceNeed, pathway: Pathway): HistoryService {
  if (pathway === 0 || need === 'none') return 'none';
  if (need === 'reablement' || need === 'homecare') return 'p1_home';
  if (need === 'rehab_bed' || pathway === 2) return 'p2_bed';
  if (need === 'd2a_bed') return 'p3_d2a_bed';
  return 'p3_care_home';
}

/**
 * The hub's history for London dates [from, to): arrivals per day by pathway (every day, zeros included) and
 * one episode per person who became medically optimised in the window, with their wait and length of stay.
 * Lengths of stay come from the bed stay (D2A/rehab) or from discharge → service end (home-based).
 */
export async function readDischargeHistory(db: Db, opts: { from: string; to: string; asAt?: Date }): Promise<DischargeHistory> {
  const asAt = opts.asAt ?? new Date();
  const rows = await queryRows<{
    id: string; pathway: number; service_need: string; medically_optimised_at: Date | string; discharged_at: Date | string | null;
    cancelled_at: Date | string | null; service_ended_at: Date | string | null; next_pathway: number | null; destination: string | null;
    stay_admitted_at: Date | string | null; stay_left_at: Date | string | null; stay_outcome: string | null;
  }>(
    db,
    sql`select r.id::text, r.pathway, r.service_need, r.medically_optimised_at, r.discharged_at, r.cancelled_at, r.service_ended_at,
               r.next_pathway, r.destination, s.admitted_at as stay_admitted_at, s.left_at as stay_left_at, s.outcome as stay_outcome
        from discharge_referrals r
        left join lateral (select * from discharge_bed_stays s where s.referral_id = r.id order by s.admitted_at desc limit 1) s on true
        where r.medically_optimised_at >= ${londonMidnight(opts.from).toISOString()} and r.medically_optimised_at < ${londonMidnight(opts.to).toISOString()}
        order by r.medically_optimised_at`,
  );
  const arrivals = new Map<string, Record<Pathway, number>>();
  for (let d = opts.from; d < opts.to; d = addDays(d, 1)) arrivals.set(d, { 0: 0, 1: 0, 2: 0, 3: 0 });
  const dayMs = 86_400_000;
  const episodes: HistoryEpisode[] = [];
  for (const r of rows) {
    const readyAt = new Date(r.medically_optimised_at);
    const pathway = r.pathway as Pathway;
    const day = arrivals.get(londonDate(readyAt));
    if (day) day[pathway]++;
    const startedAt = r.discharged_at === null ? null : new Date(r.discharged_at);
    const service = serviceOf(r.service_need as ServiceNeed, pathway);
    let endedAt: Date | null = null;
    let outcome: string | null = r.destination;
    if (r.stay_admitted_at !== null && (service === 'p2_bed' || service === 'p3_d2a_bed')) {
      endedAt = r.stay_left_at === null ? null : new Date(r.stay_left_at);
      outcome = r.stay_outcome ?? outcome;
    } else if (service === 'p1_home') {
      endedAt = r.service_ended_at === null ? null : new Date(r.service_ended_at);
    }
    if (endedAt && endedAt.getTime() > asAt.getTime()) endedAt = null;
    const waiting = startedAt === null && r.cancelled_at === null;
    const waitEnd = startedAt ?? (r.cancelled_at !== null ? new Date(r.cancelled_at) : asAt);
    episodes.push({
      referralId: r.id,
      pathway,
      serviceNeed: r.service_need as ServiceNeed,
      service,
      readyAt,
      startedAt,
      endedAt,
      waitDays: Math.max(0, (waitEnd.getTime() - readyAt.getTime()) / dayMs),
      waiting,
      lengthOfStayDays: startedAt && endedAt ? Math.max(0, (endedAt.getTime() - startedAt.getTime()) / dayMs) : null,
      nextPathway: (r.next_pathway as Pathway | null) ?? null,
      outcome,
    });
  }
  return {
    from: opts.from,
    to: opts.to,
    asAt: asAt.toISOString(),
    arrivals: [...arrivals.entries()].map(([date, byPathway]) => ({ date, byPathway })),
    episodes,
  };
}

