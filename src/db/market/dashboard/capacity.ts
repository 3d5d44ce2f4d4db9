// The dashboard's capacity figures: beds, occupancy, ratings, homecare, workforce and provider concentration now,
// and occupancy month by month.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../client.js';
import { cachedByVersion } from '../../core/versions.js';
import {
  concentrationLevel,
  hhi,
  providerShares,
  topShare,
  type ConcentrationLevel,
  type ProviderShare,
} from '../../../domain/market/concentration.js';
import { addMonths } from '../../../domain/core/dates.js';
import type { LocationFilter } from '../register.js';
import {
  aggregateRows,
  CARE_HOME,
  isoDate,
  LATEST_CAPACITY,
  LATEST_WORKFORCE,
  num,
  staleCutoff,
  where,
} from './shared.js';

export interface CapacitySummary {
  asAt: string;
  byServiceType: { serviceType: string; locations: number; registeredBeds: number }[];
  careHomes: number;
  registeredBeds: number;
  reportingHomes: number;
  maxCapacity: number;
  occupied: number;
  vacantReserved: number;
  vacantAccepting: number;
  occupancy: number | null;
  staleHomes: number;
  /** Beds by type from the returns whose types add up (SPLIT_ADDS_UP); the rest are not split by type. */
  byGroup: {
    group: 'residential' | 'nursing' | 'dementia';
    maxCapacity: number;
    occupied: number;
    vacantAccepting: number;
  }[];
  ratings: { rating: string; count: number }[];
  homecare: {
    agencies: number;
    reportingAgencies: number;
    peopleSupported: number;
    hoursPerWeek: number;
    newHoursAvailable: number;
  };
  workforce: { staff: number; agencyStaff: number; agencyShare: number | null; vacancies: number; absences: number };
  concentration: {
    hhi: number;
    level: ConcentrationLevel;
    top5Share: number;
    providers: ProviderShare[];
    providerCount: number;
  };
}

/**
 * Whether a home's latest return splits its beds by type in figures that add up: the beds it leaves untyped
 * (total minus the typed groups) can hold the occupied and vacant beds it leaves untyped. A return whose groups
 * don't (Elm Manor's said 15 vacant, its groups 6 + 5 + 3 = 14, with every bed typed) counts as not split, so the
 * "not split by type" row never shows more vacant beds than beds (issue 13, review 13 finding 5).
 */
const SPLIT_ADDS_UP = sql`cross join lateral (select
    latest.max_capacity - coalesce(latest.residential_max,0) - coalesce(latest.nursing_max,0) - coalesce(latest.dementia_max,0) as beds,
    latest.occupied - coalesce(latest.residential_occupied,0) - coalesce(latest.nursing_occupied,0) - coalesce(latest.dementia_occupied,0) as occupied,
    latest.vacant_accepting - coalesce(latest.residential_vacant_accepting,0) - coalesce(latest.nursing_vacant_accepting,0)
      - coalesce(latest.dementia_vacant_accepting,0) as vacant
  ) untyped
  cross join lateral (select untyped.occupied >= 0 and untyped.vacant >= 0
    and untyped.occupied + untyped.vacant <= untyped.beds as adds_up) split`;

/**
 * Capacity, occupancy, ratings, homecare, workforce and concentration for the filtered market. Cached per market
 * data version and filter: only the count of stale homes depends on `now`, and it is counted afresh each time from
 * the cached times of each home's latest return (exactly as `as_at <= now − 15 days` in SQL, to the microsecond).
 */
export async function capacitySummary(db: Db, f: LocationFilter, now = new Date()): Promise<CapacitySummary> {
  const cached = await cachedByVersion(db, 'market', `capacity|${JSON.stringify(f)}`, () => computeCapacity(db, f));
  const staleAtMicros = Date.parse(staleCutoff(now)) * 1000;
  const { latestReturnMicros, ...summary } = cached;
  return {
    ...summary,
    asAt: now.toISOString(),
    staleHomes: latestReturnMicros.reduce<number>((n, t) => (t === null || t <= staleAtMicros ? n + 1 : n), 0),
  };
}

/** The capacity summary without its time-dependent parts, and each care home's latest return time (µs since the epoch; null: none). */
async function computeCapacity(
  db: Db,
  f: LocationFilter,
): Promise<Omit<CapacitySummary, 'asAt' | 'staleHomes'> & { latestReturnMicros: (number | null)[] }> {
  const [byType, homes, ratings, homecare, workforce, provBeds] = await Promise.all([
    queryRows<{ service_type: string; locations: number; beds: number }>(
      db,
      sql`
      select st as service_type, count(*)::int as locations, coalesce(sum(locations.registered_beds), 0)::int as beds
      from locations cross join lateral unnest(locations.service_types) as st
      where ${where(f)} group by st order by st`,
    ),
    aggregateRows<Record<string, unknown>>(
      db,
      sql`
      select count(*)::int as homes, coalesce(sum(locations.registered_beds), 0)::int as beds,
        count(latest.as_at)::int as reporting,
        coalesce(sum(latest.max_capacity), 0)::int as max_capacity, coalesce(sum(latest.occupied), 0)::int as occupied,
        coalesce(sum(latest.vacant_reserved), 0)::int as vacant_reserved, coalesce(sum(latest.vacant_accepting), 0)::int as vacant_accepting,
        array_agg((extract(epoch from latest.as_at) * 1000000)::bigint) as as_at_micros,
        coalesce(sum(latest.residential_max) filter (where split.adds_up),0)::int rm,
        coalesce(sum(latest.residential_occupied) filter (where split.adds_up),0)::int ro,
        coalesce(sum(latest.residential_vacant_accepting) filter (where split.adds_up),0)::int rv,
        coalesce(sum(latest.nursing_max) filter (where split.adds_up),0)::int nm,
        coalesce(sum(latest.nursing_occupied) filter (where split.adds_up),0)::int no,
        coalesce(sum(latest.nursing_vacant_accepting) filter (where split.adds_up),0)::int nv,
        coalesce(sum(latest.dementia_max) filter (where split.adds_up),0)::int dm,
        coalesce(sum(latest.dementia_occupied) filter (where split.adds_up),0)::int do_,
        coalesce(sum(latest.dementia_vacant_accepting) filter (where split.adds_up),0)::int dv
      from locations ${LATEST_CAPACITY} ${SPLIT_ADDS_UP}
      where ${where(f, CARE_HOME)}`,
    ),
    queryRows<{ rating: string | null; count: number }>(
      db,
      sql`
      select locations.cqc_rating as rating, count(*)::int as count from locations where ${where(f)} group by locations.cqc_rating`,
    ),
    queryRows<Record<string, unknown>>(
      db,
      sql`
      with latest as (select * from homecare_latest)
      select (select count(*)::int from locations where ${where(f, sql`'homecare' = any(locations.service_types)`)}) as agencies,
        count(distinct latest.location_id)::int as reporting, coalesce(sum(latest.people_supported),0)::int as people,
        coalesce(sum(latest.hours_per_week),0)::float8 as hours, coalesce(sum(latest.new_hours_available),0)::float8 as new_hours
      from latest join locations on locations.id = latest.location_id where ${where(f)}`,
    ),
    aggregateRows<Record<string, unknown>>(
      db,
      sql`
      select coalesce(sum(w.nurses + w.care_staff + w.non_care_staff),0)::int as staff, coalesce(sum(w.agency_staff),0)::int as agency,
        coalesce(sum(w.vacancies),0)::int as vacancies, coalesce(sum(w.absences),0)::int as absences
      from locations ${LATEST_WORKFORCE} where ${where(f)}`,
    ),
    queryRows<{ provider_id: string; name: string; beds: number }>(
      db,
      sql`
      -- A provider created from CQC location records alone is named by its CQC ID until a file names it: say so.
      select providers.id as provider_id,
        case when providers.name = providers.cqc_provider_id
          then 'Provider ' || providers.name || ' (name not in the CQC file)' else providers.name end as name,
        coalesce(sum(locations.registered_beds),0)::int as beds
      from locations join providers on providers.id = locations.provider_id
      where ${where(f, CARE_HOME)} group by providers.id, providers.name`,
    ),
  ]);
  const h = homes[0] ?? {};
  const g = h;
  const hc = homecare[0] ?? {};
  const wf = workforce[0] ?? {};
  const shares = providerShares(provBeds.map((p) => ({ providerId: p.provider_id, name: p.name, units: num(p.beds) })));
  const index = hhi(shares);
  const staff = num(wf.staff) + num(wf.agency);
  return {
    latestReturnMicros: ((h.as_at_micros as (string | number | null)[] | null) ?? []).map((t) =>
      t === null ? null : Number(t),
    ),
    byServiceType: byType.map((r) => ({
      serviceType: r.service_type,
      locations: num(r.locations),
      registeredBeds: num(r.beds),
    })),
    careHomes: num(h.homes),
    registeredBeds: num(h.beds),
    reportingHomes: num(h.reporting),
    maxCapacity: num(h.max_capacity),
    occupied: num(h.occupied),
    vacantReserved: num(h.vacant_reserved),
    vacantAccepting: num(h.vacant_accepting),
    occupancy: num(h.max_capacity) > 0 ? num(h.occupied) / num(h.max_capacity) : null,
    byGroup: [
      { group: 'residential', maxCapacity: num(g.rm), occupied: num(g.ro), vacantAccepting: num(g.rv) },
      { group: 'nursing', maxCapacity: num(g.nm), occupied: num(g.no), vacantAccepting: num(g.nv) },
      { group: 'dementia', maxCapacity: num(g.dm), occupied: num(g.do_), vacantAccepting: num(g.dv) },
    ],
    ratings: ['Outstanding', 'Good', 'Requires improvement', 'Inadequate', 'Not rated'].map((rating) => ({
      rating,
      count: ratings.filter((r) => (r.rating ?? 'Not rated') === rating).reduce((s, r) => s + num(r.count), 0),
    })),
    homecare: {
      agencies: num(hc.agencies),
      reportingAgencies: num(hc.reporting),
      peopleSupported: num(hc.people),
      hoursPerWeek: num(hc.hours),
      newHoursAvailable: num(hc.new_hours),
    },
    workforce: {
      staff,
      agencyStaff: num(wf.agency),
      agencyShare: staff > 0 ? num(wf.agency) / staff : null,
      vacancies: num(wf.vacancies),
      absences: num(wf.absences),
    },
    concentration: {
      hhi: index,
      level: concentrationLevel(index),
      top5Share: topShare(shares, 5),
      providers: shares.slice(0, 10),
      providerCount: shares.length,
    },
  };
}

export interface OccupancyPoint {
  month: string;
  homes: number;
  maxCapacity: number;
  occupied: number;
  vacantAccepting: number;
  occupancy: number | null;
}

/**
 * Occupancy by month (UTC calendar months), on the same definition as the headline occupancy: at the end of each
 * month, each care home's latest return so far (carried forward from an earlier month when it made none that
 * month), summed over homes. The current month's point is therefore the headline figure itself. Months before any
 * home of the filter made a return are left out.
 *
 * One pass over the homes' monthly returns (care_home_monthly, one row per home and month it made a return), not
 * one look-up per home and month: each monthly row replaces the home's previous one from its month on, so it
 * changes the totals by its figures less the previous row's at its month (rows before the first month shown at
 * that month); the totals by month are then the running sums of those changes.
 * Cached per market data version, filter and months shown.
 */
export async function occupancyTrend(
  db: Db,
  f: LocationFilter,
  months = 36,
  now = new Date(),
): Promise<OccupancyPoint[]> {
  const from = `${addMonths(isoDate(now), -months).slice(0, 7)}-01`;
  const thisMonth = `${isoDate(now).slice(0, 7)}-01`;
  return cachedByVersion(db, 'market', `trend|${from}|${thisMonth}|${JSON.stringify(f)}`, () =>
    computeOccupancyTrend(db, f, from, thisMonth),
  );
}

/** Occupancy by month from `from` to `thisMonth` (first days of months), as occupancyTrend describes. */
async function computeOccupancyTrend(
  db: Db,
  f: LocationFilter,
  from: string,
  thisMonth: string,
): Promise<OccupancyPoint[]> {
  const rows = await aggregateRows<Record<string, unknown>>(
    db,
    sql`
    with changes as (
      -- What each monthly row up to this month changes in the totals from its month on: its figures less the home's
      -- previous monthly row's (a home's first row adds the home). Rows before the first month shown count at it.
      select greatest(month, ${from}::date) as month, sum(case when prev_max is null then 1 else 0 end) as homes,
        sum(max_capacity - coalesce(prev_max, 0)) as max_capacity, sum(occupied - coalesce(prev_occupied, 0)) as occupied,
        sum(vacant_accepting - coalesce(prev_vacant, 0)) as vacant_accepting
      from (
        select c.month, c.max_capacity, c.occupied, c.vacant_accepting, lag(c.max_capacity) over w as prev_max,
          lag(c.occupied) over w as prev_occupied, lag(c.vacant_accepting) over w as prev_vacant
        from care_home_monthly c join locations on locations.id = c.location_id
        where ${where(f, CARE_HOME)} and c.month <= ${thisMonth}::date
        window w as (partition by c.location_id order by c.month)) r
      group by 1),
    months as (select generate_series(${from}::date, ${thisMonth}::date, interval '1 month')::date as month),
    running as (
      select months.month, sum(coalesce(changes.homes, 0)) over w as homes,
        sum(coalesce(changes.max_capacity, 0)) over w as max_capacity, sum(coalesce(changes.occupied, 0)) over w as occupied,
        sum(coalesce(changes.vacant_accepting, 0)) over w as vacant_accepting
      from months left join changes on changes.month = months.month
      window w as (order by months.month))
    select to_char(month, 'YYYY-MM') as month, homes::int, max_capacity::int, occupied::int, vacant_accepting::int
    from running where homes > 0 order by month`,
  );
  return rows.map((r) => ({
    month: String(r.month),
    homes: num(r.homes),
    maxCapacity: num(r.max_capacity),
    occupied: num(r.occupied),
    vacantAccepting: num(r.vacant_accepting),
    occupancy: num(r.max_capacity) > 0 ? num(r.occupied) / num(r.max_capacity) : null,
  }));
}
