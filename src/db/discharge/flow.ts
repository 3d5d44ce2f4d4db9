// Reads for the hub board, the flow metrics, the D2A page and the simulation's history.
import { and, asc, eq, gte, isNull, lt, or, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../client.js';
import { hubBoard, type BoardLane } from '../../domain/discharge/board.js';
import {
  d2aSummary,
  occupancyByDay,
  type BedStay,
  type BlockBed,
  type D2aOutcome,
  type D2aSummary,
  type OccupancyDay,
} from '../../domain/discharge/d2a.js';
import {
  acceptanceByProvider,
  flowMetrics,
  type FlowRecord,
  type PeriodMetrics,
  type ProviderAcceptance,
} from '../../domain/discharge/metrics.js';
import type { DelayReason, Destination, Pathway } from '../../domain/discharge/referral.js';
import { londonDate, londonMidnight } from '../../domain/core/dates.js';
import { type Period } from '../../domain/discharge/time.js';
import { cachedByVersion } from '../core/versions.js';
import { loadResponseRecords } from './brokerage.js';
import { listOpenReferrals } from './referrals.js';
import { dischargeBlockBeds, dischargeReferrals } from './schema.js';
import { readInSlices, textArray } from './sql.js';
import { implausibleReferrals, implausibleWarnings, plausibleDelay, plausibleReferral } from './plausible.js';
import { locations } from '../market/schema.js';

/**
 * The hub's board on `now`: people medically optimised and still in hospital, by pathway, with their waits in days.
 */
export async function loadBoard(db: Db, now = new Date()): Promise<BoardLane[]> {
  // Who is open changes only with the discharge data (and, for the plausible-date check, with the London date):
  // cached per version; the waits, which grow by the minute, are worked out from `now` each time.
  const open = await cachedByVersion(db, 'discharge', `open|${londonDate(now)}`, () => listOpenReferrals(db));
  return hubBoard(
    open.map((r) => ({ ...r, referralId: r.id })),
    now,
  );
}

/**
 * Referrals that touch [from, to): referred before its end and still in hospital at, or leaving after, its start,
 * each with its delays. Read in slices of about `sliceRows` referrals by referral time (readInSlices), so on PGlite
 * no single query holds the server; the same records as one query would give.
 */
export async function loadFlowRecords(db: Db, from: Date, to: Date, sliceRows?: number): Promise<FlowRecord[]> {
  const r = dischargeReferrals;
  const touching = and(
    plausibleReferral(),
    lt(r.referredAt, to),
    or(and(isNull(r.dischargedAt), isNull(r.cancelledAt)), gte(r.dischargedAt, from), gte(r.cancelledAt, from)),
  );
  return readInSlices(
    async () => {
      const [span] = await db
        .select({ rows: sql<number>`count(*)::int`, first: sql<Date | string | null>`min(${r.referredAt})` })
        .from(r)
        .where(touching);
      return { rows: Number(span?.rows ?? 0), first: span?.first ? new Date(span.first) : null };
    },
    to,
    async (a, b) => {
      const rows = await db
        .select({
          id: r.id,
          pathway: r.pathway,
          referredAt: r.referredAt,
          medicallyOptimisedAt: r.medicallyOptimisedAt,
          requestSentAt: r.requestSentAt,
          firstOfferAt: r.firstOfferAt,
          awardedAt: r.awardedAt,
          dischargedAt: r.dischargedAt,
          cancelledAt: r.cancelledAt,
          destination: r.destination,
        })
        .from(r)
        .where(and(touching, gte(r.referredAt, a), lt(r.referredAt, b)));
      const byRef = await delaysOf(
        db,
        // As before: a referral discharged before the window counts no delays (cancelled after its start).
        rows.filter((x) => x.dischargedAt === null || x.dischargedAt.getTime() >= from.getTime()).map((x) => x.id),
      );
      return rows.map((x) => ({
        referralId: x.id,
        pathway: x.pathway as Pathway,
        referredAt: x.referredAt,
        medicallyOptimisedAt: x.medicallyOptimisedAt,
        requestSentAt: x.requestSentAt,
        firstOfferAt: x.firstOfferAt,
        awardedAt: x.awardedAt,
        dischargedAt: x.dischargedAt,
        cancelledAt: x.cancelledAt,
        destination: x.destination as Destination | null,
        delays: byRef.get(x.id) ?? [],
      }));
    },
    sliceRows,
  );
}

/** The plausible delays of the referrals given, by referral. */
async function delaysOf(db: Db, referralIds: string[]): Promise<Map<string, FlowRecord['delays'][number][]>> {
  const byRef = new Map<string, FlowRecord['delays'][number][]>();
  if (referralIds.length === 0) return byRef;
  const delays = await queryRows<{
    referral_id: string;
    reason: string;
    from_at: Date | string;
    to_at: Date | string | null;
  }>(
    db,
    sql`select d.referral_id::text, d.reason, d.from_at, d.to_at from discharge_delays d
        where ${plausibleDelay('d')} and d.referral_id = any(${textArray(referralIds)}::uuid[])`,
  );
  for (const d of delays) {
    const list = byRef.get(d.referral_id) ?? [];
    list.push({
      reason: d.reason as DelayReason,
      from: new Date(d.from_at),
      to: d.to_at === null ? null : new Date(d.to_at),
    });
    byRef.set(d.referral_id, list);
  }
  return byRef;
}

export interface MetricsReport {
  period: Period;
  from: string;
  to: string;
  asAt: string;
  rows: PeriodMetrics[];
  acceptance: ProviderAcceptance[];
  /** Records left out because a stored date is implausible, in plain words. */
  warnings: string[];
}

/**
 * Works out the flow metrics from the records: {@link flowMetrics} itself (the default), or the same function run
 * elsewhere, e.g. on a worker thread (src/server/discharge/computePool.ts), so a long range does not hold the
 * server's event loop. It must give what flowMetrics gives.
 */
export type FlowMetricsRunner = (
  ...args: Parameters<typeof flowMetrics>
) => ReturnType<typeof flowMetrics> | Promise<ReturnType<typeof flowMetrics>>;

/**
 * Flow and delay metrics per week or month for London dates [from, to), plus each provider's acceptance record.
 * Cached per discharge data version and London date (the figures change only with the data, and at midnight when
 * another census midnight counts): the first request after a change computes them, the rest read the result.
 * `runFlowMetrics` works out the figures (default: flowMetrics on this thread).
 */
export async function loadMetrics(
  db: Db,
  opts: { period: Period; from: string; to: string; asAt?: Date },
  runFlowMetrics: FlowMetricsRunner = flowMetrics,
): Promise<MetricsReport> {
  const asAt = opts.asAt ?? new Date();
  const key = `metrics|${opts.period}|${opts.from}|${opts.to}|${londonDate(asAt)}`;
  const report = await cachedByVersion(db, 'discharge', key, () =>
    computeMetrics(db, { ...opts, asAt }, runFlowMetrics),
  );
  return { ...report, asAt: asAt.toISOString() };
}

async function computeMetrics(
  db: Db,
  opts: { period: Period; from: string; to: string; asAt: Date },
  runFlowMetrics: FlowMetricsRunner,
): Promise<MetricsReport> {
  const asAt = opts.asAt;
  const fromAt = londonMidnight(opts.from);
  const toAt = londonMidnight(opts.to);
  const [records, responses, leftOut] = await Promise.all([
    loadFlowRecords(db, fromAt, toAt),
    loadResponseRecords(db),
    implausibleReferrals(db),
  ]);
  return {
    period: opts.period,
    from: opts.from,
    to: opts.to,
    asAt: asAt.toISOString(),
    rows: await runFlowMetrics(records, responses, { period: opts.period, from: opts.from, to: opts.to, asAt }),
    acceptance: acceptanceByProvider(responses, opts.from, opts.to),
    warnings: implausibleWarnings(leftOut),
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
export async function loadD2a(
  db: Db,
  opts: { kind?: 'd2a' | 'rehab'; from: string; to: string; now?: Date },
): Promise<D2aReport> {
  const kind = opts.kind ?? 'd2a';
  const now = opts.now ?? new Date();
  // The beds, the stays and the occupancy by day are the same until the discharge data changes: cached per version
  // and window. Only today's occupants and the lengths of stay depend on the moment, and are worked out each time.
  const { bedRows, beds, stays, occupancy } = await cachedByVersion(
    db,
    'discharge',
    `d2a|${kind}|${opts.from}|${opts.to}`,
    async () => {
      const bedRows = await db
        .select({ b: dischargeBlockBeds, locationName: locations.name })
        .from(dischargeBlockBeds)
        .innerJoin(locations, eq(locations.id, dischargeBlockBeds.locationId))
        .where(eq(dischargeBlockBeds.kind, kind))
        .orderBy(asc(locations.name), asc(dischargeBlockBeds.label));
      const stayRows = await queryRows<{
        id: string;
        bed_id: string;
        person_ref: string;
        admitted_at: Date | string;
        left_at: Date | string | null;
        outcome: string | null;
      }>(
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
      return { bedRows, beds, stays, occupancy: occupancyByDay(beds, stays, opts.from, opts.to) };
    },
  );
  const summary = d2aSummary(beds, stays, now, opts.from, opts.to, occupancy);
  return {
    ...summary,
    kind,
    from: opts.from,
    to: opts.to,
    occupancy,
    beds: bedRows.map(({ b, locationName }) => ({
      id: b.id,
      label: b.label,
      locationId: b.locationId,
      locationName,
      weeklyPricePence: b.weeklyPricePence,
    })),
  };
}
