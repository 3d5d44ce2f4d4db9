// The market dashboard's figures, aggregated in SQL so they stay fast at national scale (15,000 homes,
// 1,000,000 placements). Percentiles use percentile_cont, which interpolates exactly like the domain's
// quantileSorted (Excel QUARTILE.INC), so figures can be reproduced in a spreadsheet from the downloads.
import { and, sql, type SQL } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { queryRows, type Db } from '../client.js';
import { ageInDays, freshness, STALE_AFTER_DAYS, type Freshness } from '../../domain/market/capacity.js';
import { concentrationLevel, hhi, providerShares, topShare, type ConcentrationLevel, type ProviderShare } from '../../domain/market/concentration.js';
import { assessFragility, type FragilityReason } from '../../domain/market/fragility.js';
import { addMonths, type PriceChange } from '../../domain/market/prices.js';
import { locationConditions, type LocationFilter } from './register.js';

const CARE_HOME = sql`(locations.service_types && array['care_home_residential','care_home_nursing']::text[])`;
/** Each location's latest care home return and workforce return, found through the (location_id, as_at) indexes. */
const LATEST_CAPACITY = sql`left join lateral (select * from care_home_capacity c where c.location_id = locations.id order by c.as_at desc limit 1) latest on true`;
const LATEST_WORKFORCE = sql`left join lateral (select * from workforce_snapshots ws where ws.location_id = locations.id order by ws.as_at desc limit 1) w on true`;
const CARE_HOME_BANDS = sql`('standard_residential','enhanced_residential','standard_nursing','enhanced_nursing')`;

function where(f: LocationFilter, ...extra: SQL[]): SQL {
  return and(...locationConditions(f), ...extra) as SQL;
}
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

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
  byGroup: { group: 'residential' | 'nursing' | 'dementia'; maxCapacity: number; occupied: number; vacantAccepting: number }[];
  ratings: { rating: string; count: number }[];
  homecare: { agencies: number; reportingAgencies: number; peopleSupported: number; hoursPerWeek: number; newHoursAvailable: number };
  workforce: { staff: number; agencyStaff: number; agencyShare: number | null; vacancies: number; absences: number };
  concentration: { hhi: number; level: ConcentrationLevel; top5Share: number; providers: ProviderShare[]; providerCount: number };
}

/** Capacity, occupancy, ratings, homecare, workforce and concentration for the filtered market. */
export async function capacitySummary(db: Db, f: LocationFilter, now = new Date()): Promise<CapacitySummary> {
  const staleBefore = new Date(now.getTime() - STALE_AFTER_DAYS * 86_400_000);
  const [byType, homes, ratings, homecare, workforce, provBeds] = await Promise.all([
    queryRows<{ service_type: string; locations: number; beds: number }>(db, sql`
      select st as service_type, count(*)::int as locations, coalesce(sum(locations.registered_beds), 0)::int as beds
      from locations cross join lateral unnest(locations.service_types) as st
      where ${where(f)} group by st order by st`),
    aggregateRows<Record<string, unknown>>(db, sql`
      select count(*)::int as homes, coalesce(sum(locations.registered_beds), 0)::int as beds,
        count(latest.as_at)::int as reporting,
        coalesce(sum(latest.max_capacity), 0)::int as max_capacity, coalesce(sum(latest.occupied), 0)::int as occupied,
        coalesce(sum(latest.vacant_reserved), 0)::int as vacant_reserved, coalesce(sum(latest.vacant_accepting), 0)::int as vacant_accepting,
        count(*) filter (where latest.as_at is null or latest.as_at < ${staleBefore.toISOString()})::int as stale,
        coalesce(sum(latest.residential_max),0)::int rm, coalesce(sum(latest.residential_occupied),0)::int ro, coalesce(sum(latest.residential_vacant_accepting),0)::int rv,
        coalesce(sum(latest.nursing_max),0)::int nm, coalesce(sum(latest.nursing_occupied),0)::int no, coalesce(sum(latest.nursing_vacant_accepting),0)::int nv,
        coalesce(sum(latest.dementia_max),0)::int dm, coalesce(sum(latest.dementia_occupied),0)::int do_, coalesce(sum(latest.dementia_vacant_accepting),0)::int dv
      from locations ${LATEST_CAPACITY}
      where ${where(f, CARE_HOME)}`),
    queryRows<{ rating: string | null; count: number }>(db, sql`
      select locations.cqc_rating as rating, count(*)::int as count from locations where ${where(f)} group by locations.cqc_rating`),
    queryRows<Record<string, unknown>>(db, sql`
      with latest as (select distinct on (location_id, area) * from homecare_capacity order by location_id, area, as_at desc)
      select (select count(*)::int from locations where ${where(f, sql`'homecare' = any(locations.service_types)`)}) as agencies,
        count(distinct latest.location_id)::int as reporting, coalesce(sum(latest.people_supported),0)::int as people,
        coalesce(sum(latest.hours_per_week),0)::float8 as hours, coalesce(sum(latest.new_hours_available),0)::float8 as new_hours
      from latest join locations on locations.id = latest.location_id where ${where(f)}`),
    aggregateRows<Record<string, unknown>>(db, sql`
      select coalesce(sum(w.nurses + w.care_staff + w.non_care_staff),0)::int as staff, coalesce(sum(w.agency_staff),0)::int as agency,
        coalesce(sum(w.vacancies),0)::int as vacancies, coalesce(sum(w.absences),0)::int as absences
      from locations ${LATEST_WORKFORCE} where ${where(f)}`),
    queryRows<{ provider_id: string; name: string; beds: number }>(db, sql`
      select providers.id as provider_id, providers.name, coalesce(sum(locations.registered_beds),0)::int as beds
      from locations join providers on providers.id = locations.provider_id
      where ${where(f, CARE_HOME)} group by providers.id, providers.name`),
  ]);
  const h = homes[0] ?? {};
  const g = h;
  const hc = homecare[0] ?? {};
  const wf = workforce[0] ?? {};
  const shares = providerShares(provBeds.map((p) => ({ providerId: p.provider_id, name: p.name, units: num(p.beds) })));
  const index = hhi(shares);
  const staff = num(wf.staff) + num(wf.agency);
  return {
    asAt: now.toISOString(),
    byServiceType: byType.map((r) => ({ serviceType: r.service_type, locations: num(r.locations), registeredBeds: num(r.beds) })),
    careHomes: num(h.homes), registeredBeds: num(h.beds), reportingHomes: num(h.reporting), maxCapacity: num(h.max_capacity),
    occupied: num(h.occupied), vacantReserved: num(h.vacant_reserved), vacantAccepting: num(h.vacant_accepting),
    occupancy: num(h.max_capacity) > 0 ? num(h.occupied) / num(h.max_capacity) : null, staleHomes: num(h.stale),
    byGroup: [
      { group: 'residential', maxCapacity: num(g.rm), occupied: num(g.ro), vacantAccepting: num(g.rv) },
      { group: 'nursing', maxCapacity: num(g.nm), occupied: num(g.no), vacantAccepting: num(g.nv) },
      { group: 'dementia', maxCapacity: num(g.dm), occupied: num(g.do_), vacantAccepting: num(g.dv) },
    ],
    ratings: ['Outstanding', 'Good', 'Requires improvement', 'Inadequate', 'Not rated'].map((rating) => ({
      rating, count: ratings.filter((r) => (r.rating ?? 'Not rated') === rating).reduce((s, r) => s + num(r.count), 0),
    })),
    homecare: { agencies: num(hc.agencies), reportingAgencies: num(hc.reporting), peopleSupported: num(hc.people), hoursPerWeek: num(hc.hours), newHoursAvailable: num(hc.new_hours) },
    workforce: { staff, agencyStaff: num(wf.agency), agencyShare: staff > 0 ? num(wf.agency) / staff : null, vacancies: num(wf.vacancies), absences: num(wf.absences) },
    concentration: { hhi: index, level: concentrationLevel(index), top5Share: topShare(shares, 5), providers: shares.slice(0, 10), providerCount: shares.length },
  };
}

export interface OccupancyPoint { month: string; homes: number; maxCapacity: number; occupied: number; vacantAccepting: number; occupancy: number | null }

/** Occupancy by month: each home's last return in the month, summed over homes. */
export async function occupancyTrend(db: Db, f: LocationFilter, months = 36, now = new Date()): Promise<OccupancyPoint[]> {
  const from = addMonths(isoDate(now), -months);
  // Each home's last return in each month: one ordered pass (DISTINCT ON) over the filtered homes' returns,
  // instead of grouping for max(as_at) and joining back.
  const rows = await aggregateRows<Record<string, unknown>>(db, sql`
    with monthly as (
      select distinct on (c.location_id, date_trunc('month', c.as_at)) date_trunc('month', c.as_at) as month,
        c.max_capacity, c.occupied, c.vacant_accepting
      from care_home_capacity c join locations on locations.id = c.location_id
      where c.as_at >= ${from}::date and ${where(f)}
      order by c.location_id, date_trunc('month', c.as_at), c.as_at desc)
    select to_char(monthly.month, 'YYYY-MM') as month, count(*)::int as homes, sum(monthly.max_capacity)::int as max_capacity,
      sum(monthly.occupied)::int as occupied, sum(monthly.vacant_accepting)::int as vacant_accepting
    from monthly
    group by monthly.month order by monthly.month`);
  return rows.map((r) => ({
    month: String(r.month), homes: num(r.homes), maxCapacity: num(r.max_capacity), occupied: num(r.occupied), vacantAccepting: num(r.vacant_accepting),
    occupancy: num(r.max_capacity) > 0 ? num(r.occupied) / num(r.max_capacity) : null,
  }));
}

export interface PriceQuarter { quarter: string; n: number; mean: number; min: number; q1: number; median: number; q3: number; max: number; compared: number; atOrBelowUsualRate: number; share: number | null }
export interface PriceSummaryResult {
  asAt: string;
  quarters: PriceQuarter[];
  change: PriceChange;
  last12Months: { n: number; compared: number; atOrBelowUsualRate: number; share: number | null };
  contractMix: { quarter: string; spot: number; framework: number; block: number; dps: number }[];
  histogram: { fromPence: number; toPence: number; count: number }[];
  funding: { funding: string; count: number }[];
  outOfBorough: { active: number; outOfBorough: number; share: number | null };
  homecare: { activePackages: number; hoursPerWeek: number; meanHourlyRatePence: number | null; spotShareLast12Months: number | null };
  usualRates: { band: string; amountPence: number; effectiveFrom: string }[];
  costOfCare: { service: string; amountPence: number; effectiveFrom: string; source: string | null }[];
}

/**
 * New care home placement prices by quarter (weekly price, standard/enhanced residential and nursing bands),
 * the share at or below the usual rate in force on each start date, the two-year change in the mean,
 * contract mix, funding and out-of-borough placements.
 */
export async function priceSummary(db: Db, f: LocationFilter, now = new Date(), years = 3): Promise<PriceSummaryResult> {
  const today = isoDate(now);
  const from = addMonths(today, -12 * years);
  const y1 = addMonths(today, -12);
  const e2 = addMonths(today, -24);
  const e1 = addMonths(today, -36);
  const scanFrom = from < e1 ? from : e1;
  const loc = where(f);
  const anyScope = and(...locationConditions({ ...f, inBorough: undefined })) as SQL;
  // One pass over new care home placements: usual rate in force at the start (from rate periods built with
  // lead()), then grouped three ways: by quarter, by comparison window (latest 12 months / 12 months to two
  // years ago), and by £50 price band for the last 12 months' distribution. Each grouping reads only the
  // start dates it needs (the comparison windows skip the year between them).
  const priced = (range: SQL) => sql`
      with periods as (
        select band, effective_from, lead(effective_from) over (partition by band order by effective_from) as effective_to, amount_pence
        from usual_rates),
      p as (
        select pl.start_date, pl.weekly_price_pence as price, pl.contract_type, r.amount_pence as rate,
          case when pl.start_date > ${from}::date then date_trunc('quarter', pl.start_date::timestamp) end as quarter,
          case when pl.start_date > ${y1}::date then 'recent' when pl.start_date > ${e1}::date and pl.start_date <= ${e2}::date then 'earlier' end as win,
          case when pl.start_date > ${y1}::date then (pl.weekly_price_pence / 5000) * 5000 end as bin
        from placements pl join locations on locations.id = pl.location_id
          left join periods r on r.band = pl.band and r.effective_from <= pl.start_date and (r.effective_to is null or pl.start_date < r.effective_to)
        where pl.band in ${CARE_HOME_BANDS} and pl.start_date > ${scanFrom}::date and pl.start_date <= ${today}::date and ${range} and ${loc})`;
  const [quarterRows, windowRows, active, rates, coc] = await Promise.all([
    // Quartiles need a sort, so only the quarterly grouping computes them.
    aggregateRows<Record<string, unknown>>(db, sql`${priced(sql`pl.start_date > ${from}::date`)}
      select to_char(quarter, 'YYYY-"Q"Q') as quarter, count(*)::int as n, avg(price)::float8 as mean, min(price)::int as min, max(price)::int as max,
        percentile_cont(0.25) within group (order by price) as q1,
        percentile_cont(0.5) within group (order by price) as median,
        percentile_cont(0.75) within group (order by price) as q3,
        count(rate)::int as compared, count(*) filter (where price <= rate)::int as at_or_below,
        count(*) filter (where contract_type = 'spot')::int as spot, count(*) filter (where contract_type = 'framework')::int as framework,
        count(*) filter (where contract_type = 'block')::int as block, count(*) filter (where contract_type = 'dps')::int as dps
      from p where quarter is not null group by p.quarter`),
    // The comparison windows and the £50 price bands: plain counts and means (hash aggregation, no sort).
    aggregateRows<Record<string, unknown>>(db, sql`${priced(sql`(pl.start_date > ${y1}::date or (pl.start_date > ${e1}::date and pl.start_date <= ${e2}::date))`)}
      select win, bin, grouping(win) as gw, grouping(bin) as gb, count(*)::int as n, avg(price)::float8 as mean,
        count(rate)::int as compared, count(*) filter (where price <= rate)::int as at_or_below
      from p where win is not null or bin is not null group by grouping sets ((win), (bin))`),
    // One pass over placements live in the last 12 months: active ones by funding, council-funded care home
    // residents outside the borough (whatever the area filter), and homecare packages.
    aggregateRows<Record<string, unknown>>(db, sql`
      select pl.funding,
        count(*) filter (where pl.start_date <= ${today}::date and (pl.end_date is null or pl.end_date > ${today}::date) and ${loc})::int as active,
        count(*) filter (where pl.start_date <= ${today}::date and (pl.end_date is null or pl.end_date > ${today}::date)
          and pl.service_type in ('care_home_residential','care_home_nursing') and pl.funding in ('council','joint'))::int as care_active,
        count(*) filter (where pl.start_date <= ${today}::date and (pl.end_date is null or pl.end_date > ${today}::date)
          and pl.service_type in ('care_home_residential','care_home_nursing') and pl.funding in ('council','joint') and not locations.in_borough)::int as oob,
        count(*) filter (where pl.band = 'homecare_hourly' and pl.start_date <= ${today}::date and (pl.end_date is null or pl.end_date > ${today}::date) and ${loc})::int as hc_active,
        coalesce(sum(pl.hours_per_week) filter (where pl.band = 'homecare_hourly' and pl.start_date <= ${today}::date and (pl.end_date is null or pl.end_date > ${today}::date) and ${loc}), 0)::float8 as hc_hours,
        coalesce(sum(pl.hourly_rate_pence) filter (where pl.band = 'homecare_hourly' and pl.start_date <= ${today}::date and (pl.end_date is null or pl.end_date > ${today}::date) and ${loc}), 0)::float8 as hc_rate_sum,
        count(pl.hourly_rate_pence) filter (where pl.band = 'homecare_hourly' and pl.start_date <= ${today}::date and (pl.end_date is null or pl.end_date > ${today}::date) and ${loc})::int as hc_rate_n,
        count(*) filter (where pl.band = 'homecare_hourly' and pl.start_date > ${y1}::date and pl.start_date <= ${today}::date and ${loc})::int as hc_new,
        count(*) filter (where pl.band = 'homecare_hourly' and pl.start_date > ${y1}::date and pl.start_date <= ${today}::date and pl.contract_type = 'spot' and ${loc})::int as hc_new_spot
      from placements pl join locations on locations.id = pl.location_id
      where (pl.end_date is null or pl.end_date > ${y1}::date) and ${anyScope}
      group by pl.funding`),
    queryRows<Record<string, unknown>>(db, sql`
      select distinct on (band) band, amount_pence, effective_from::text as effective_from from usual_rates
      where effective_from <= ${today}::date order by band, effective_from desc`),
    queryRows<Record<string, unknown>>(db, sql`
      select distinct on (service) service, amount_pence, effective_from::text as effective_from, source from cost_of_care
      where effective_from <= ${today}::date order by service, effective_from desc`),
  ]);
  const byQuarter = quarterRows.sort((a, b) => String(a.quarter).localeCompare(String(b.quarter)));
  const win = (w: string) => windowRows.find((r) => Number(r.gw) === 0 && r.win === w) ?? {};
  const recent = win('recent');
  const earlier = win('earlier');
  const earlierMean = numOrNull((earlier as Record<string, unknown>).mean);
  const recentMean = numOrNull((recent as Record<string, unknown>).mean);
  const sum = (k: string) => active.reduce((s, r) => s + num(r[k]), 0);
  const rN = num((recent as Record<string, unknown>).n);
  const rCompared = num((recent as Record<string, unknown>).compared);
  const rAt = num((recent as Record<string, unknown>).at_or_below);
  return {
    asAt: now.toISOString(),
    quarters: byQuarter.map((r) => ({
      quarter: String(r.quarter), n: num(r.n), mean: num(r.mean), min: num(r.min), q1: num(r.q1), median: num(r.median), q3: num(r.q3), max: num(r.max),
      compared: num(r.compared), atOrBelowUsualRate: num(r.at_or_below), share: num(r.compared) > 0 ? num(r.at_or_below) / num(r.compared) : null,
    })),
    change: {
      earlierFrom: e1, earlierTo: e2, recentFrom: y1, recentTo: today, earlierMean, recentMean,
      earlierN: num((earlier as Record<string, unknown>).n), recentN: rN,
      change: earlierMean && recentMean != null ? (recentMean - earlierMean) / earlierMean : null,
    },
    last12Months: { n: rN, compared: rCompared, atOrBelowUsualRate: rAt, share: rCompared > 0 ? rAt / rCompared : null },
    contractMix: byQuarter.map((r) => ({ quarter: String(r.quarter), spot: num(r.spot), framework: num(r.framework), block: num(r.block), dps: num(r.dps) })),
    histogram: windowRows.filter((r) => Number(r.gb) === 0 && r.bin != null).map((r) => ({ fromPence: num(r.bin), toPence: num(r.bin) + 5000, count: num(r.n) })).sort((a, b) => a.fromPence - b.fromPence),
    funding: active.map((r) => ({ funding: String(r.funding), count: num(r.active) })).filter((r) => r.count > 0).sort((a, b) => b.count - a.count),
    outOfBorough: { active: sum('care_active'), outOfBorough: sum('oob'), share: sum('care_active') > 0 ? sum('oob') / sum('care_active') : null },
    homecare: {
      activePackages: sum('hc_active'), hoursPerWeek: sum('hc_hours'), meanHourlyRatePence: sum('hc_rate_n') > 0 ? sum('hc_rate_sum') / sum('hc_rate_n') : null,
      spotShareLast12Months: sum('hc_new') > 0 ? sum('hc_new_spot') / sum('hc_new') : null,
    },
    usualRates: rates.map((r) => ({ band: String(r.band), amountPence: num(r.amount_pence), effectiveFrom: String(r.effective_from) })),
    costOfCare: coc.map((r) => ({ service: String(r.service), amountPence: num(r.amount_pence), effectiveFrom: String(r.effective_from), source: (r.source as string) ?? null })),
  };
}

export interface HomeRow {
  locationId: string; name: string; providerId: string; providerName: string; postcodeDistrict: string; localAuthorityName: string | null;
  inBorough: boolean; serviceTypes: string[]; specialisms: string[]; registeredBeds: number | null; cqcRating: string | null;
  cqcRatingDate: string | null; councilQualityRating: string | null; onFramework: boolean;
  maxCapacity: number | null; occupied: number | null; vacantAccepting: number | null; occupancy: number | null;
  lastReturnAt: string | null; ageDays: number | null; freshness: Freshness;
  councilFundedActive: number; councilFundedShare: number | null; meanCouncilPricePence: number | null;
  usualRatePence: number | null; costOfCarePence: number | null; agencyShare: number | null;
  fragility: FragilityReason[]; fragilityLevel: 'none' | 'watch' | 'high';
}

/**
 * One row per care home: latest capacity, council-funded share of occupied beds, mean council price against
 * the standard usual rate and cost of care for its main band, agency use, and the fragility assessment.
 */
export async function careHomeRows(db: Db, f: LocationFilter, now = new Date()): Promise<HomeRow[]> {
  const today = isoDate(now);
  const rows = await aggregateRows<Record<string, unknown>>(db, sql`
    with pl as (
      -- Council-funded placements live today: the open ones plus those ending after today, each read from its
      -- partial index (placements_open_idx, placements_ended_idx) without touching the table.
      select location_id, count(*)::int as council_active,
        avg(weekly_price_pence) filter (where band <> 'individual')::float8 as mean_price
      from (
        select location_id, band, weekly_price_pence from placements
        where end_date is null and funding in ('council','joint') and start_date <= ${today}::date
        union all
        select location_id, band, weekly_price_pence from placements
        where end_date is not null and end_date > ${today}::date and funding in ('council','joint') and start_date <= ${today}::date) live
      group by location_id),
    rates as (select distinct on (band) band, amount_pence from usual_rates where effective_from <= ${today}::date order by band, effective_from desc),
    coc as (select distinct on (service) service, amount_pence from cost_of_care where effective_from <= ${today}::date order by service, effective_from desc)
    select locations.id, locations.name, providers.id as provider_id, providers.name as provider_name, locations.postcode_district, locations.local_authority_name,
      locations.in_borough, locations.service_types, locations.specialisms, locations.registered_beds, locations.cqc_rating, locations.cqc_rating_date::text as cqc_rating_date,
      locations.council_quality_rating, locations.on_framework,
      latest.max_capacity, latest.occupied, latest.vacant_accepting, latest.as_at,
      coalesce(pl.council_active, 0) as council_active, pl.mean_price, w.nurses + w.care_staff + w.non_care_staff + w.agency_staff as staff, w.agency_staff,
      case when 'care_home_nursing' = any(locations.service_types) and not 'care_home_residential' = any(locations.service_types)
        then (select amount_pence from rates where band = 'standard_nursing') else (select amount_pence from rates where band = 'standard_residential') end as usual_rate,
      case when 'care_home_nursing' = any(locations.service_types) and not 'care_home_residential' = any(locations.service_types)
        then (select amount_pence from coc where service = 'nursing') else (select amount_pence from coc where service = 'residential') end as cost_of_care
    from locations join providers on providers.id = locations.provider_id
      ${LATEST_CAPACITY} ${LATEST_WORKFORCE}
      left join pl on pl.location_id = locations.id
    where ${where(f, CARE_HOME)}
    order by locations.name`);
  return rows.map((r) => {
    const asAt = r.as_at ? new Date(r.as_at as string) : null;
    const max = numOrNull(r.max_capacity);
    const occupied = numOrNull(r.occupied);
    const occupancy = max && occupied != null ? occupied / max : null;
    const staff = numOrNull(r.staff);
    const agencyShare = staff ? num(r.agency_staff) / staff : null;
    const councilActive = num(r.council_active);
    const assessment = assessFragility({
      isCareHome: true, occupancy, cqcRating: (r.cqc_rating as string) ?? null, councilQualityRating: (r.council_quality_rating as string) ?? null,
      meanCouncilPricePence: numOrNull(r.mean_price), usualRatePence: numOrNull(r.usual_rate), costOfCarePence: numOrNull(r.cost_of_care),
      agencyShare, lastReturnAt: asAt,
    }, now);
    return {
      locationId: String(r.id), name: String(r.name), providerId: String(r.provider_id), providerName: String(r.provider_name),
      postcodeDistrict: String(r.postcode_district), localAuthorityName: (r.local_authority_name as string) ?? null, inBorough: Boolean(r.in_borough),
      serviceTypes: r.service_types as string[], specialisms: r.specialisms as string[], registeredBeds: numOrNull(r.registered_beds),
      cqcRating: (r.cqc_rating as string) ?? null, cqcRatingDate: (r.cqc_rating_date as string) ?? null, councilQualityRating: (r.council_quality_rating as string) ?? null,
      onFramework: Boolean(r.on_framework), maxCapacity: max, occupied, vacantAccepting: numOrNull(r.vacant_accepting), occupancy,
      lastReturnAt: asAt ? asAt.toISOString() : null, ageDays: asAt ? ageInDays(asAt, now) : null, freshness: freshness(asAt, now),
      councilFundedActive: councilActive, councilFundedShare: occupied ? Math.min(1, councilActive / occupied) : null,
      meanCouncilPricePence: numOrNull(r.mean_price), usualRatePence: numOrNull(r.usual_rate), costOfCarePence: numOrNull(r.cost_of_care),
      agencyShare, fragility: assessment.reasons, fragilityLevel: assessment.level,
    };
  });
}
