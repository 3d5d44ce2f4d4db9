// The dashboard's price figures: council placement prices by quarter against the usual rate, the change over a
// year, contract mix, price histogram, funding, out-of-borough share and homecare, read from the stored price
// aggregates for the borough scope or computed live from the placements for any other filter.
import { and, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../client.js';
import { cachedByVersion } from '../../core/versions.js';
import { addMonths, quarterOf, quarterStart as startOfQuarter } from '../../../domain/core/dates.js';
import type { PriceChange, PriceSummary } from '../../../domain/market/prices.js';
import { costOfCareInForceSql, usualRatesInForceSql } from '../rates.js';
import { locationConditions, type LocationFilter } from '../register.js';
import { aggregateRows, CARE_HOME_BANDS, HOMECARE_PACKAGE, isoDate, num, numOrNull, where } from './shared.js';

/** One quarter's council placement prices (the domain's summary of weekly prices, pence) against the usual rate. */
export interface PriceQuarter extends PriceSummary {
  quarter: string;
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
