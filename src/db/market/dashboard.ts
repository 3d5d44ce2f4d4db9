// The market dashboard's figures, fast at national scale (15,000 homes, 1,000,000 placements) because they read
// the derived tables the database keeps current as data is written (drizzle/0001_market_aggregates.sql):
// each home's latest and monthly returns, open council placements by home, placement flows and prices by day,
// and price statistics by quarter. Price views filtered by more than the borough scope are computed live from
// the placements (livePriceSummary); the tests check both ways agree. Percentiles use percentile_cont, which
// interpolates exactly like the domain's quantileSorted (Excel QUARTILE.INC), so figures can be reproduced in a
// spreadsheet from the downloads.
import { costOfCareInForceSql, usualRatesInForceSql } from './rates.js';
import { and, sql, type SQL } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { queryRows, type Db } from '../client.js';
import { cachedByVersion } from '../core/versions.js';
import { ageInDays, freshness, STALE_AFTER_DAYS, type Freshness } from '../../domain/market/capacity.js';
import {
  concentrationLevel,
  hhi,
  providerShares,
  topShare,
  type ConcentrationLevel,
  type ProviderShare,
} from '../../domain/market/concentration.js';
import {
  assessFragility,
  FRAGILITY_THRESHOLDS,
  POOR_COUNCIL_RATINGS,
  type FragilityReason,
} from '../../domain/market/fragility.js';
import { addMonths, londonDate, quarterOf, quarterStart as startOfQuarter } from '../../domain/core/dates.js';
import type { PriceChange } from '../../domain/market/prices.js';
import { locationConditions, type LocationFilter } from './register.js';

const CARE_HOME = sql`(locations.service_types && array['care_home_residential','care_home_nursing']::text[])`;
/** Each location's latest care home return and workforce return (kept by the return triggers). */
const LATEST_CAPACITY = sql`left join care_home_latest latest on latest.location_id = locations.id`;
const LATEST_WORKFORCE = sql`left join workforce_latest w on w.location_id = locations.id`;
const CARE_HOME_BANDS = sql`('standard_residential','enhanced_residential','standard_nursing','enhanced_nursing')`;
/** A homecare package, as the placement flows count one: hourly band, not a care home service. */
const HOMECARE_PACKAGE = sql`(pl.band = 'homecare_hourly' and pl.service_type not in ('care_home_residential','care_home_nursing'))`;

function where(f: LocationFilter, ...extra: SQL[]): SQL {
  return and(...locationConditions(f), ...extra) as SQL;
}
/** The business day of an instant (London). */
const isoDate = londonDate;

/**
 * Run one large aggregation with settings suited to it, for this statement's transaction only: enough
 * work_mem to sort and hash a few hundred thousand rows in memory instead of spilling to disk, and no JIT
 * (compiling the plan costs more than it saves on queries that must answer in well under a second).
 */
async function aggregateRows<T = Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  // Inside a caller's transaction, run as is: its connection is shared, so no nested transactions in parallel.
  if (db instanceof PgTransaction) return queryRows<T>(db as Db, query);
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '64MB'`);
    await tx.execute(sql`set local jit = off`);
    return queryRows<T>(tx, query);
  });
}
/** Returns at or before this are stale: whole days old more than STALE_AFTER_DAYS, as the domain's freshness(). */
const staleCutoff = (now: Date) => new Date(now.getTime() - (STALE_AFTER_DAYS + 1) * 86_400_000).toISOString();
const num = (v: unknown): number => (v == null ? 0 : Number(v));
const numOrNull = (v: unknown): number | null => (v == null ? null : Number(v));

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
        coalesce(sum(latest.residential_max),0)::int rm, coalesce(sum(latest.residential_occupied),0)::int ro, coalesce(sum(latest.residential_vacant_accepting),0)::int rv,
        coalesce(sum(latest.nursing_max),0)::int nm, coalesce(sum(latest.nursing_occupied),0)::int no, coalesce(sum(latest.nursing_vacant_accepting),0)::int nv,
        coalesce(sum(latest.dementia_max),0)::int dm, coalesce(sum(latest.dementia_occupied),0)::int do_, coalesce(sum(latest.dementia_vacant_accepting),0)::int dv
      from locations ${LATEST_CAPACITY}
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
      select providers.id as provider_id, providers.name, coalesce(sum(locations.registered_beds),0)::int as beds
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
 * month), summed over homes. The current month's point is therefore the headline figure itself.
 */
export async function occupancyTrend(
  db: Db,
  f: LocationFilter,
  months = 36,
  now = new Date(),
): Promise<OccupancyPoint[]> {
  const from = `${addMonths(isoDate(now), -months).slice(0, 7)}-01`;
  const thisMonth = `${isoDate(now).slice(0, 7)}-01`;
  const rows = await aggregateRows<Record<string, unknown>>(
    db,
    sql`
    with months as (
      select generate_series(${from}::date, ${thisMonth}::date, interval '1 month')::date as month
    )
    select to_char(months.month, 'YYYY-MM') as month, count(*)::int as homes, sum(m.max_capacity)::int as max_capacity,
      sum(m.occupied)::int as occupied, sum(m.vacant_accepting)::int as vacant_accepting
    from months cross join locations
    join lateral (
      select c.max_capacity, c.occupied, c.vacant_accepting from care_home_monthly c
      where c.location_id = locations.id and c.month <= months.month order by c.month desc limit 1
    ) m on true
    where ${where(f, CARE_HOME)}
    group by months.month order by months.month`,
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

export interface PriceQuarter {
  quarter: string;
  n: number;
  mean: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  compared: number;
  atOrBelowUsualRate: number;
  share: number | null;
}
export interface PriceSummaryResult {
  asAt: string;
  quarters: PriceQuarter[];
  change: PriceChange;
  last12Months: { n: number; compared: number; atOrBelowUsualRate: number; share: number | null };
  contractMix: { quarter: string; spot: number; framework: number; block: number; dps: number }[];
  histogram: { fromPence: number; toPence: number; count: number }[];
  funding: { funding: string; count: number }[];
  outOfBorough: { active: number; outOfBorough: number; share: number | null };
  homecare: {
    activePackages: number;
    hoursPerWeek: number;
    meanHourlyRatePence: number | null;
    spotShareLast12Months: number | null;
  };
  usualRates: { band: string; amountPence: number; effectiveFrom: string }[];
  costOfCare: { service: string; amountPence: number; effectiveFrom: string; source: string | null }[];
}

/** The raw figures behind a price summary, read either from the stored aggregates or live from placements. */
interface PriceFigures {
  quarters: {
    quarter: string;
    n: number;
    mean: number;
    min: number;
    q1: number;
    median: number;
    q3: number;
    max: number;
    compared: number;
    atOrBelow: number;
    spot: number;
    framework: number;
    block: number;
    dps: number;
  }[];
  recent: { n: number; mean: number | null; compared: number; atOrBelow: number };
  earlier: { n: number; mean: number | null };
  histogram: { fromPence: number; count: number }[];
  activeByFunding: { funding: string; count: number }[];
  careActive: number;
  outOfBorough: number;
  homecare: { active: number; hours: number; rateSum: number; rateN: number; newPackages: number; newSpot: number };
}

/** The dates a price summary is worked out for: quarters shown, comparison windows, histogram window. */
function priceWindows(now: Date, years: number) {
  const today = isoDate(now);
  const quarterStart = startOfQuarter(quarterOf(today));
  return {
    today,
    firstQuarter: addMonths(quarterStart, -3 * (4 * years - 1)), // the current quarter and the (4 × years − 1) before it
    nextQuarter: addMonths(quarterStart, 3),
    y1: addMonths(today, -12), // latest 12 months: (y1, today]
    e1: addMonths(today, -36),
    e2: addMonths(today, -24), // the 12 months two years earlier: (e1, e2]
  };
}

/** A filter the stored aggregates can answer: the borough scope alone (borough, out of borough or all). */
export function isScopeOnly(f: LocationFilter): boolean {
  return (
    !f.serviceType &&
    !f.specialism &&
    !f.rating &&
    !f.district &&
    !f.localAuthorityGss &&
    !f.providerId &&
    !f.search &&
    !f.locationId &&
    !f.locationIds
  );
}

/**
 * New care home placement prices by quarter (weekly price, standard/enhanced residential and nursing bands),
 * the share at or below the usual rate in force on each start date, the two-year change in the mean,
 * contract mix, funding and out-of-borough placements. Borough-scope views read the stored aggregates; views
 * filtered further are computed live. Cached per market data version, filter, years and London date (the windows
 * move by day).
 */
export async function priceSummary(
  db: Db,
  f: LocationFilter,
  now = new Date(),
  years = 3,
): Promise<PriceSummaryResult> {
  const key = `prices|${JSON.stringify(f)}|${years}|${isoDate(now)}`;
  const summary = await cachedByVersion(db, 'market', key, async () =>
    isScopeOnly(f)
      ? summarisePriceFigures(db, await storedPriceFigures(db, f.inBorough, now, years), now, years)
      : livePriceSummary(db, f, now, years),
  );
  return { ...summary, asAt: now.toISOString() };
}

/** The same summary computed live from the placements, whatever the filter (used for filtered views and as the check on the stored figures). */
export async function livePriceSummary(
  db: Db,
  f: LocationFilter,
  now = new Date(),
  years = 3,
): Promise<PriceSummaryResult> {
  return summarisePriceFigures(db, await livePriceFigures(db, f, now, years), now, years);
}

/**
 * The quarter rows and the window/price-band rows, as both the stored and the live queries return them: windows
 * grouped by `win` ('recent' | 'earlier'), price bands by `bin`, told apart by grouping(): gw, gb.
 */
function readPriceRows(
  quarterRows: Record<string, unknown>[],
  windowRows: Record<string, unknown>[],
): Pick<PriceFigures, 'quarters' | 'recent' | 'earlier' | 'histogram'> {
  const windowRow = (w: string) =>
    (windowRows.find((r) => Number(r.gw) === 0 && r.win === w) ?? {}) as Record<string, unknown>;
  const recent = windowRow('recent');
  const earlier = windowRow('earlier');
  return {
    quarters: quarterRows.map((r) => ({
      quarter: String(r.quarter),
      n: num(r.n),
      mean: num(r.mean),
      min: num(r.min),
      q1: num(r.q1),
      median: num(r.median),
      q3: num(r.q3),
      max: num(r.max),
      compared: num(r.compared),
      atOrBelow: num(r.at_or_below),
      spot: num(r.spot),
      framework: num(r.framework),
      block: num(r.block),
      dps: num(r.dps),
    })),
    recent: {
      n: num(recent.n),
      mean: numOrNull(recent.mean),
      compared: num(recent.compared),
      atOrBelow: num(recent.at_or_below),
    },
    earlier: { n: num(earlier.n), mean: numOrNull(earlier.mean) },
    histogram: windowRows
      .filter((r) => Number(r.gb) === 0 && r.bin != null && num(r.n) > 0)
      .map((r) => ({ fromPence: num(r.bin), count: num(r.n) }))
      .sort((a, b) => a.fromPence - b.fromPence),
  };
}

async function storedPriceFigures(
  db: Db,
  inBorough: boolean | undefined,
  now: Date,
  years: number,
): Promise<PriceFigures> {
  const { today, firstQuarter, nextQuarter, y1, e1, e2 } = priceWindows(now, years);
  const scopes = inBorough === undefined ? sql`('in','out')` : inBorough ? sql`('in')` : sql`('out')`;
  const quarterScope = inBorough === undefined ? 'all' : inBorough ? 'in' : 'out';
  const [quarters, days, flows] = await Promise.all([
    queryRows<Record<string, unknown>>(
      db,
      sql`
      select to_char(quarter, 'YYYY-"Q"Q') as quarter, n, price_sum_pence::float8 / n as mean, min_pence as min, max_pence as max, q1_pence as q1,
        median_pence as median, q3_pence as q3, compared, at_or_below, spot, framework, block, dps
      from market_price_quarters where scope = ${quarterScope} and quarter >= ${firstQuarter}::date and quarter < ${nextQuarter}::date order by quarter`,
    ),
    queryRows<Record<string, unknown>>(
      db,
      sql`
      select win, bin, grouping(win) as gw, grouping(bin) as gb, sum(n)::int as n, (sum(price_sum_pence)::float8 / nullif(sum(n), 0)) as mean,
        sum(compared)::int as compared, sum(at_or_below)::int as at_or_below
      from (select *, case when day > ${y1}::date then 'recent' when day > ${e1}::date and day <= ${e2}::date then 'earlier' end as win,
          case when day > ${y1}::date then bin_pence end as bin
        from market_price_days where scope in ${scopes} and day <= ${today}::date and (day > ${y1}::date or (day > ${e1}::date and day <= ${e2}::date))) d
      where win is not null or bin is not null group by grouping sets ((win), (bin))`,
    ),
    queryRows<Record<string, unknown>>(
      db,
      sql`
      select scope, funding, kind, (sum(starts) - sum(ends))::int as active,
        (sum(start_hours) - sum(end_hours))::float8 as hours, (sum(start_rate_sum_pence) - sum(end_rate_sum_pence))::float8 as rate_sum,
        (sum(start_rate_n) - sum(end_rate_n))::int as rate_n,
        coalesce(sum(starts) filter (where day > ${y1}::date), 0)::int as new, coalesce(sum(starts_spot) filter (where day > ${y1}::date), 0)::int as new_spot
      from market_placement_flows where day <= ${today}::date group by scope, funding, kind`,
    ),
  ]);
  const inScope = (r: Record<string, unknown>) => inBorough === undefined || r.scope === (inBorough ? 'in' : 'out');
  const byFunding = new Map<string, number>();
  for (const r of flows.filter(inScope))
    byFunding.set(String(r.funding), (byFunding.get(String(r.funding)) ?? 0) + num(r.active));
  const councilCare = flows.filter((r) => r.kind === 'care_home' && (r.funding === 'council' || r.funding === 'joint'));
  const hc = flows.filter((r) => r.kind === 'homecare' && inScope(r));
  const total = (rows: Record<string, unknown>[], k: string) => rows.reduce((s, r) => s + num(r[k]), 0);
  return {
    ...readPriceRows(quarters, days),
    activeByFunding: [...byFunding].map(([funding, count]) => ({ funding, count })),
    careActive: total(councilCare, 'active'),
    outOfBorough: total(
      councilCare.filter((r) => r.scope === 'out'),
      'active',
    ),
    homecare: {
      active: total(hc, 'active'),
      hours: total(hc, 'hours'),
      rateSum: total(hc, 'rate_sum'),
      rateN: total(hc, 'rate_n'),
      newPackages: total(hc, 'new'),
      newSpot: total(hc, 'new_spot'),
    },
  };
}

async function livePriceFigures(db: Db, f: LocationFilter, now: Date, years: number): Promise<PriceFigures> {
  const { today, firstQuarter, nextQuarter, y1, e1, e2 } = priceWindows(now, years);
  const scanFrom = firstQuarter < e1 ? firstQuarter : e1;
  const loc = where(f);
  const anyScope = and(...locationConditions({ ...f, inBorough: undefined })) as SQL;
  // One pass over new care home placements with the usual rate in force at the start, grouped three ways: by
  // quarter, by comparison window (latest 12 months / the 12 months two years earlier), and by £50 price band
  // for the latest 12 months' distribution.
  const priced = (range: SQL) => sql`
      with p as (
        select pl.start_date, pl.weekly_price_pence as price, pl.contract_type, r.amount_pence as rate,
          case when pl.start_date >= ${firstQuarter}::date then date_trunc('quarter', pl.start_date::timestamp) end as quarter,
          case when pl.start_date > ${y1}::date then 'recent' when pl.start_date > ${e1}::date and pl.start_date <= ${e2}::date then 'earlier' end as win,
          case when pl.start_date > ${y1}::date then (pl.weekly_price_pence / 5000) * 5000 end as bin
        from placements pl join locations on locations.id = pl.location_id
          left join market_usual_rate_periods r on r.band = pl.band and r.effective_from <= pl.start_date and (r.effective_to is null or pl.start_date < r.effective_to)
        where pl.band in ${CARE_HOME_BANDS} and pl.start_date >= ${scanFrom}::date and ${range} and ${loc})`;
  const [quarterRows, windowRows, active] = await Promise.all([
    // A quarter counts every placement starting in it, including any already agreed to start later in the
    // current quarter (as the stored figures do).
    aggregateRows<Record<string, unknown>>(
      db,
      sql`${priced(sql`pl.start_date >= ${firstQuarter}::date and pl.start_date < ${nextQuarter}::date`)}
      select to_char(quarter, 'YYYY-"Q"Q') as quarter, count(*)::int as n, avg(price)::float8 as mean, min(price)::int as min, max(price)::int as max,
        percentile_cont(0.25) within group (order by price) as q1,
        percentile_cont(0.5) within group (order by price) as median,
        percentile_cont(0.75) within group (order by price) as q3,
        count(rate)::int as compared, count(*) filter (where price <= rate)::int as at_or_below,
        count(*) filter (where contract_type = 'spot')::int as spot, count(*) filter (where contract_type = 'framework')::int as framework,
        count(*) filter (where contract_type = 'block')::int as block, count(*) filter (where contract_type = 'dps')::int as dps
      from p where quarter is not null group by p.quarter order by p.quarter`,
    ),
    aggregateRows<Record<string, unknown>>(
      db,
      sql`${priced(sql`pl.start_date <= ${today}::date and (pl.start_date > ${y1}::date or (pl.start_date > ${e1}::date and pl.start_date <= ${e2}::date))`)}
      select win, bin, grouping(win) as gw, grouping(bin) as gb, count(*)::int as n, avg(price)::float8 as mean,
        count(rate)::int as compared, count(*) filter (where price <= rate)::int as at_or_below
      from p where win is not null or bin is not null group by grouping sets ((win), (bin))`,
    ),
    // Placements live today by funding, council-funded care home residents outside the borough (whatever the
    // area filter), and homecare packages.
    aggregateRows<Record<string, unknown>>(
      db,
      sql`
      select pl.funding,
        count(*) filter (where pl.start_date <= ${today}::date and (pl.end_date is null or pl.end_date > ${today}::date) and ${loc})::int as active,
        count(*) filter (where pl.start_date <= ${today}::date and (pl.end_date is null or pl.end_date > ${today}::date)
          and pl.service_type in ('care_home_residential','care_home_nursing') and pl.funding in ('council','joint'))::int as care_active,
        count(*) filter (where pl.start_date <= ${today}::date and (pl.end_date is null or pl.end_date > ${today}::date)
          and pl.service_type in ('care_home_residential','care_home_nursing') and pl.funding in ('council','joint') and not locations.in_borough)::int as oob,
        count(*) filter (where ${HOMECARE_PACKAGE} and pl.start_date <= ${today}::date and (pl.end_date is null or pl.end_date > ${today}::date) and ${loc})::int as hc_active,
        coalesce(sum(pl.hours_per_week) filter (where ${HOMECARE_PACKAGE} and pl.start_date <= ${today}::date and (pl.end_date is null or pl.end_date > ${today}::date) and ${loc}), 0)::float8 as hc_hours,
        coalesce(sum(pl.hourly_rate_pence) filter (where ${HOMECARE_PACKAGE} and pl.start_date <= ${today}::date and (pl.end_date is null or pl.end_date > ${today}::date) and ${loc}), 0)::float8 as hc_rate_sum,
        count(pl.hourly_rate_pence) filter (where ${HOMECARE_PACKAGE} and pl.start_date <= ${today}::date and (pl.end_date is null or pl.end_date > ${today}::date) and ${loc})::int as hc_rate_n,
        count(*) filter (where ${HOMECARE_PACKAGE} and pl.start_date > ${y1}::date and pl.start_date <= ${today}::date and ${loc})::int as hc_new,
        count(*) filter (where ${HOMECARE_PACKAGE} and pl.start_date > ${y1}::date and pl.start_date <= ${today}::date and pl.contract_type = 'spot' and ${loc})::int as hc_new_spot
      from placements pl join locations on locations.id = pl.location_id
      where (pl.end_date is null or pl.end_date > ${y1}::date) and ${anyScope}
      group by pl.funding`,
    ),
  ]);
  const sum = (k: string) => active.reduce((s, r) => s + num(r[k]), 0);
  return {
    ...readPriceRows(quarterRows, windowRows),
    activeByFunding: active.map((r) => ({ funding: String(r.funding), count: num(r.active) })),
    careActive: sum('care_active'),
    outOfBorough: sum('oob'),
    homecare: {
      active: sum('hc_active'),
      hours: sum('hc_hours'),
      rateSum: sum('hc_rate_sum'),
      rateN: sum('hc_rate_n'),
      newPackages: sum('hc_new'),
      newSpot: sum('hc_new_spot'),
    },
  };
}

async function summarisePriceFigures(db: Db, p: PriceFigures, now: Date, years: number): Promise<PriceSummaryResult> {
  const { today, y1, e1, e2 } = priceWindows(now, years);
  const [rates, coc] = await Promise.all([
    queryRows<Record<string, unknown>>(db, sql`${usualRatesInForceSql(today)} order by band`),
    queryRows<Record<string, unknown>>(db, costOfCareInForceSql(today)),
  ]);
  const { recent, earlier } = p;
  return {
    asAt: now.toISOString(),
    quarters: p.quarters.map((q) => ({
      quarter: q.quarter,
      n: q.n,
      mean: q.mean,
      min: q.min,
      q1: q.q1,
      median: q.median,
      q3: q.q3,
      max: q.max,
      compared: q.compared,
      atOrBelowUsualRate: q.atOrBelow,
      share: q.compared > 0 ? q.atOrBelow / q.compared : null,
    })),
    change: {
      earlierFrom: e1,
      earlierTo: e2,
      recentFrom: y1,
      recentTo: today,
      earlierMean: earlier.mean,
      recentMean: recent.mean,
      earlierN: earlier.n,
      recentN: recent.n,
      change: earlier.mean && recent.mean != null ? (recent.mean - earlier.mean) / earlier.mean : null,
    },
    last12Months: {
      n: recent.n,
      compared: recent.compared,
      atOrBelowUsualRate: recent.atOrBelow,
      share: recent.compared > 0 ? recent.atOrBelow / recent.compared : null,
    },
    contractMix: p.quarters.map((q) => ({
      quarter: q.quarter,
      spot: q.spot,
      framework: q.framework,
      block: q.block,
      dps: q.dps,
    })),
    histogram: p.histogram.map((h) => ({ fromPence: h.fromPence, toPence: h.fromPence + 5000, count: h.count })),
    funding: p.activeByFunding
      .filter((r) => r.count > 0)
      .sort((a, b) => b.count - a.count || a.funding.localeCompare(b.funding)),
    outOfBorough: {
      active: p.careActive,
      outOfBorough: p.outOfBorough,
      share: p.careActive > 0 ? p.outOfBorough / p.careActive : null,
    },
    homecare: {
      activePackages: p.homecare.active,
      hoursPerWeek: p.homecare.hours,
      meanHourlyRatePence: p.homecare.rateN > 0 ? p.homecare.rateSum / p.homecare.rateN : null,
      spotShareLast12Months: p.homecare.newPackages > 0 ? p.homecare.newSpot / p.homecare.newPackages : null,
    },
    usualRates: rates.map((r) => ({
      band: String(r.band),
      amountPence: num(r.amount_pence),
      effectiveFrom: String(r.effective_from),
    })),
    costOfCare: coc.map((r) => ({
      service: String(r.service),
      amountPence: num(r.amount_pence),
      effectiveFrom: String(r.effective_from),
      source: (r.source as string) ?? null,
    })),
  };
}

export interface HomeRow {
  locationId: string;
  name: string;
  providerId: string;
  providerName: string;
  postcodeDistrict: string;
  localAuthorityName: string | null;
  inBorough: boolean;
  serviceTypes: string[];
  specialisms: string[];
  registeredBeds: number | null;
  cqcRating: string | null;
  cqcRatingDate: string | null;
  councilQualityRating: string | null;
  onFramework: boolean;
  maxCapacity: number | null;
  occupied: number | null;
  vacantAccepting: number | null;
  occupancy: number | null;
  lastReturnAt: string | null;
  ageDays: number | null;
  freshness: Freshness;
  councilFundedActive: number;
  councilFundedShare: number | null;
  meanCouncilPricePence: number | null;
  usualRatePence: number | null;
  costOfCarePence: number | null;
  agencyShare: number | null;
  fragility: FragilityReason[];
  fragilityLevel: 'none' | 'watch' | 'high';
}

/** What every care home query needs: council placements live today, and today's usual rates and cost of care. */
function homeCtes(today: string): SQL {
  return sql`
    with adj as (
      -- Council-funded placements live today = the open ones (location_open_placements, kept by trigger), less
      -- open ones not started yet, plus ended ones ending after today: both future-dated, so few.
      select location_id, sum(sign)::int as n, coalesce(sum(sign) filter (where band <> 'individual'), 0)::int as priced_n,
        coalesce(sum(sign * weekly_price_pence) filter (where band <> 'individual'), 0)::bigint as priced_sum
      from (
        select location_id, band, weekly_price_pence, -1 as sign from placements
        where start_date > ${today}::date and end_date is null and funding in ('council','joint')
        union all
        select location_id, band, weekly_price_pence, 1 from placements
        where end_date > ${today}::date and start_date <= ${today}::date and funding in ('council','joint')) future
      group by location_id),
    pl as (
      select o.location_id, o.council_open + coalesce(adj.n, 0) as council_active,
        (o.council_priced_sum_pence + coalesce(adj.priced_sum, 0))::float8 / nullif(o.council_priced_open + coalesce(adj.priced_n, 0), 0) as mean_price
      from location_open_placements o left join adj on adj.location_id = o.location_id
      union all
      select adj.location_id, adj.n, adj.priced_sum::float8 / nullif(adj.priced_n, 0) from adj
      where not exists (select 1 from location_open_placements o where o.location_id = adj.location_id)),
    rates as (select band, amount_pence from (${usualRatesInForceSql(today)}) r),
    coc as (select service, amount_pence from (${costOfCareInForceSql(today)}) c)`;
}
/** A home's main band is nursing when it offers nursing care only; otherwise residential. */
const NURSING_ONLY = sql`('care_home_nursing' = any(locations.service_types) and not 'care_home_residential' = any(locations.service_types))`;
/** The standard usual rate and the cost of care for a home's main band. */
const USUAL_RATE_FOR_HOME = sql`(case when ${NURSING_ONLY} then (select amount_pence from rates where band = 'standard_nursing') else (select amount_pence from rates where band = 'standard_residential') end)`;
const COST_OF_CARE_FOR_HOME = sql`(case when ${NURSING_ONLY} then (select amount_pence from coc where service = 'nursing') else (select amount_pence from coc where service = 'residential') end)`;
/** The columns the fragility assessment reads. */
const FRAGILITY_COLUMNS = sql`locations.id, locations.cqc_rating, locations.council_quality_rating,
      latest.max_capacity, latest.occupied, extract(epoch from latest.as_at)::float8 * 1000 as as_at_ms, pl.mean_price, w.nurses + w.care_staff + w.non_care_staff + w.agency_staff as staff, w.agency_staff,
      ${USUAL_RATE_FOR_HOME} as usual_rate, ${COST_OF_CARE_FOR_HOME} as cost_of_care`;

async function homeQuery(
  db: Db,
  f: LocationFilter,
  now: Date,
  page?: { limit: number; offset: number },
): Promise<Record<string, unknown>[]> {
  const full = sql`, locations.name, providers.id as provider_id, providers.name as provider_name, locations.postcode_district, locations.local_authority_name,
      locations.in_borough, locations.service_types, locations.specialisms, locations.registered_beds, locations.cqc_rating_date::text as cqc_rating_date,
      locations.on_framework, latest.vacant_accepting, coalesce(pl.council_active, 0) as council_active`;
  return aggregateRows<Record<string, unknown>>(
    db,
    sql`${homeCtes(isoDate(now))}
    select ${FRAGILITY_COLUMNS} ${full}
    from locations join providers on providers.id = locations.provider_id
      ${LATEST_CAPACITY} ${LATEST_WORKFORCE}
      left join pl on pl.location_id = locations.id
    where ${where(f, CARE_HOME)}
    order by locations.name, locations.id
    ${page ? sql`limit ${page.limit} offset ${page.offset}` : sql``}`,
  );
}

/** The fragility assessment of one home's row (the rules are the domain's: assessFragility). */
function assessHome(r: Record<string, unknown>, now: Date) {
  const asAt = r.as_at_ms == null ? null : new Date(Number(r.as_at_ms));
  const max = numOrNull(r.max_capacity);
  const occupied = numOrNull(r.occupied);
  const occupancy = max && occupied != null ? occupied / max : null;
  const staff = numOrNull(r.staff);
  const agencyShare = staff ? num(r.agency_staff) / staff : null;
  const assessment = assessFragility(
    {
      isCareHome: true,
      occupancy,
      cqcRating: (r.cqc_rating as string) ?? null,
      councilQualityRating: (r.council_quality_rating as string) ?? null,
      meanCouncilPricePence: numOrNull(r.mean_price),
      usualRatePence: numOrNull(r.usual_rate),
      costOfCarePence: numOrNull(r.cost_of_care),
      agencyShare,
      lastReturnAt: asAt,
    },
    now,
  );
  return { asAt, max, occupied, occupancy, agencyShare, assessment };
}

/**
 * One row per care home: latest capacity, council-funded share of occupied beds, mean council price against
 * the standard usual rate and cost of care for its main band, agency use, and the fragility assessment.
 */
export async function careHomeRows(
  db: Db,
  f: LocationFilter,
  now = new Date(),
  page?: { limit: number; offset: number },
): Promise<HomeRow[]> {
  const rows = await homeQuery(db, f, now, page);
  return rows.map((r) => {
    const { asAt, max, occupied, occupancy, agencyShare, assessment } = assessHome(r, now);
    const councilActive = num(r.council_active);
    return {
      locationId: String(r.id),
      name: String(r.name),
      providerId: String(r.provider_id),
      providerName: String(r.provider_name),
      postcodeDistrict: String(r.postcode_district),
      localAuthorityName: (r.local_authority_name as string) ?? null,
      inBorough: Boolean(r.in_borough),
      serviceTypes: r.service_types as string[],
      specialisms: r.specialisms as string[],
      registeredBeds: numOrNull(r.registered_beds),
      cqcRating: (r.cqc_rating as string) ?? null,
      cqcRatingDate: (r.cqc_rating_date as string) ?? null,
      councilQualityRating: (r.council_quality_rating as string) ?? null,
      onFramework: Boolean(r.on_framework),
      maxCapacity: max,
      occupied,
      vacantAccepting: numOrNull(r.vacant_accepting),
      occupancy,
      lastReturnAt: asAt ? asAt.toISOString() : null,
      ageDays: asAt ? ageInDays(asAt, now) : null,
      freshness: freshness(asAt, now),
      councilFundedActive: councilActive,
      councilFundedShare: occupied ? Math.min(1, councilActive / occupied) : null,
      meanCouncilPricePence: numOrNull(r.mean_price),
      usualRatePence: numOrNull(r.usual_rate),
      costOfCarePence: numOrNull(r.cost_of_care),
      agencyShare,
      fragility: assessment.reasons,
      fragilityLevel: assessment.level,
    };
  });
}

export interface CareHomesPage {
  /** Homes matching the filter, and how many of them are at each fragility level. */
  total: number;
  levels: { high: number; watch: number; none: number };
  page: number;
  pageSize: number;
  /** This page of all homes, by name. */
  rows: HomeRow[];
  /** The homes to watch, most fragile first (high, then more warning signs, then name), up to pageSize. */
  watch: HomeRow[];
}

/**
 * The fragility level of each home in SQL, so the page can count and rank every home without reading each
 * one's row: the same rules as the domain's assessFragility (thresholds taken from it), which still explains
 * each home shown. The tests check both give every home the same level.
 */
function fragilitySql(now: Date, condition: SQL): SQL {
  const staleAt = staleCutoff(now);
  const poor = [...POOR_COUNCIL_RATINGS];
  return sql`
    flags as (
      select locations.id, locations.name,
        (coalesce(latest.max_capacity, 0) > 0 and latest.occupied::float8 / latest.max_capacity < ${FRAGILITY_THRESHOLDS.lowOccupancy}) as low_occupancy,
        coalesce(locations.cqc_rating = 'Inadequate', false) as cqc_inadequate,
        coalesce(locations.cqc_rating = 'Requires improvement', false) as cqc_requires_improvement,
        coalesce(lower(locations.council_quality_rating) in (${sql.join(
          poor.map((r) => sql`${r}`),
          sql`, `,
        )}), false) as council_quality_concern,
        coalesce(pl.mean_price < ${USUAL_RATE_FOR_HOME}, false) as price_below_usual_rate,
        coalesce(pl.mean_price < ${COST_OF_CARE_FOR_HOME}, false) as price_below_cost_of_care,
        coalesce(w.nurses + w.care_staff + w.non_care_staff + w.agency_staff > 0
          and w.agency_staff::float8 / (w.nurses + w.care_staff + w.non_care_staff + w.agency_staff) > ${FRAGILITY_THRESHOLDS.highAgencyShare}, false) as high_agency_use,
        (latest.as_at is null or latest.as_at <= ${staleAt}::timestamptz) as stale_data
      from locations ${LATEST_CAPACITY} ${LATEST_WORKFORCE} left join pl on pl.location_id = locations.id
      where ${condition}),
    levelled as (
      select id, name, serious + price_below_cost_of_care::int + stale_data::int as reasons,
        case when cqc_inadequate or serious >= 2 then 'high' when serious = 1 or stale_data then 'watch' else 'none' end as level
      from (select *, low_occupancy::int + cqc_inadequate::int + cqc_requires_improvement::int + council_quality_concern::int
        + price_below_usual_rate::int + high_agency_use::int as serious from flags) f)`;
}

/**
 * The care homes page: how many homes are at each fragility level, the homes to watch (most fragile first: high,
 * then more warning signs, then name) and one page of all homes by name. Only the homes shown are read in full,
 * so the page stays fast at national scale (15,000 homes).
 */
export async function careHomesPage(
  db: Db,
  f: LocationFilter,
  opts: { page?: number; pageSize?: number } = {},
  now = new Date(),
): Promise<CareHomesPage> {
  const pageSize = Math.max(1, opts.pageSize ?? 500);
  const page = Math.max(1, opts.page ?? 1);
  const [ranked, rows] = await Promise.all([
    aggregateRows<Record<string, unknown>>(
      db,
      sql`${homeCtes(isoDate(now))}, ${fragilitySql(now, where(f, CARE_HOME))}
      select 'count' as kind, level, count(*)::int as n, null::uuid as id from levelled group by level
      union all
      (select 'watch', level, reasons, id from levelled where level <> 'none'
        order by case level when 'high' then 0 else 1 end, reasons desc, name, id limit ${pageSize})`,
    ),
    careHomeRows(db, f, now, { limit: pageSize, offset: (page - 1) * pageSize }),
  ]);
  const levels = { high: 0, watch: 0, none: 0 };
  for (const r of ranked.filter((x) => x.kind === 'count')) levels[r.level as keyof typeof levels] = num(r.n);
  const watchIds = ranked.filter((x) => x.kind === 'watch').map((x) => String(x.id));
  const onPage = new Map(rows.map((r) => [r.locationId, r]));
  const missing = watchIds.filter((id) => !onPage.has(id));
  const more = missing.length ? await careHomeRows(db, { ...f, locationIds: missing }, now) : [];
  const byId = new Map([...rows, ...more].map((r) => [r.locationId, r]));
  const watch = watchIds.map((id) => byId.get(id)).filter((r): r is HomeRow => r !== undefined);
  return { total: levels.high + levels.watch + levels.none, levels, page, pageSize, rows, watch };
}
