// The dashboard's care homes: one row per home with its latest capacity, council prices against the usual rate
// and cost of care, agency use and fragility, and the page that counts and ranks every home by fragility.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../client.js';
import { ageInDays, freshness, type Freshness } from '../../../domain/market/capacity.js';
import {
  assessFragility,
  FRAGILITY_THRESHOLDS,
  POOR_COUNCIL_RATINGS,
  type FragilityReason,
} from '../../../domain/market/fragility.js';
import { costOfCareInForceSql, usualRatesInForceSql } from '../rates.js';
import type { LocationFilter } from '../register.js';
import {
  aggregateRows,
  CARE_HOME,
  isoDate,
  LATEST_CAPACITY,
  LATEST_WORKFORCE,
  num,
  numOrNull,
  staleCutoff,
  where,
} from './shared.js';

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

/** The rest of a home's row. */
const FULL_COLUMNS = sql`, locations.name, providers.id as provider_id, providers.name as provider_name, locations.postcode_district, locations.local_authority_name,
      locations.in_borough, locations.service_types, locations.specialisms, locations.registered_beds, locations.cqc_rating_date::text as cqc_rating_date,
      locations.on_framework, latest.vacant_accepting, coalesce(pl.council_active, 0) as council_active`;

async function homeQuery(
  db: Db,
  f: LocationFilter,
  now: Date,
  page?: { limit: number; offset: number },
): Promise<Record<string, unknown>[]> {
  return aggregateRows<Record<string, unknown>>(
    db,
    sql`${homeCtes(isoDate(now))}
    select ${FRAGILITY_COLUMNS} ${FULL_COLUMNS}
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
  return rows.map((r) => toHomeRow(r, now));
}

/** A home's row as the API gives it, from one row of the care home query (FRAGILITY_COLUMNS and the rest). */
function toHomeRow(r: Record<string, unknown>, now: Date): HomeRow {
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
 * then more warning signs, then name) and one page of all homes by name. One query: every home's level is worked
 * out once in SQL (counted and ranked), and only the homes shown (this page and the homes to watch) are read in
 * full, so the page stays fast at national scale (15,000 homes).
 */
export async function careHomesPage(
  db: Db,
  f: LocationFilter,
  opts: { page?: number; pageSize?: number } = {},
  now = new Date(),
): Promise<CareHomesPage> {
  const pageSize = Math.max(1, opts.pageSize ?? 500);
  const page = Math.max(1, opts.page ?? 1);
  const rows = await aggregateRows<Record<string, unknown>>(
    db,
    sql`${homeCtes(isoDate(now))}, ${fragilitySql(now, where(f, CARE_HOME))},
    watch as (
      select id, row_number() over (order by case level when 'high' then 0 else 1 end, reasons desc, name, id) as watch_rank
      from levelled where level <> 'none' order by watch_rank limit ${pageSize}),
    on_page as (
      select id, row_number() over (order by name, id) as page_rank
      from levelled order by name, id limit ${pageSize} offset ${(page - 1) * pageSize}),
    homes as (
      select ${FRAGILITY_COLUMNS} ${FULL_COLUMNS}, on_page.page_rank, watch.watch_rank
      from locations join providers on providers.id = locations.provider_id
        ${LATEST_CAPACITY} ${LATEST_WORKFORCE}
        left join pl on pl.location_id = locations.id
        left join on_page on on_page.id = locations.id left join watch on watch.id = locations.id
      where locations.id in (select id from watch union select id from on_page))
    select levels.high, levels.watch, levels.none, homes.*
    from (select count(*) filter (where level = 'high')::int as high, count(*) filter (where level = 'watch')::int as watch,
        count(*) filter (where level = 'none')::int as none from levelled) levels
      left join homes on true`,
  );
  const levels = { high: num(rows[0]?.high), watch: num(rows[0]?.watch), none: num(rows[0]?.none) };
  const shown = rows.filter((r) => r.id != null).map((r) => ({ r, home: toHomeRow(r, now) }));
  const ranked = (key: string) =>
    shown
      .filter((x) => x.r[key] != null)
      .sort((a, b) => num(a.r[key]) - num(b.r[key]))
      .map((x) => x.home);
  return {
    total: levels.high + levels.watch + levels.none,
    levels,
    page,
    pageSize,
    rows: ranked('page_rank'),
    watch: ranked('watch_rank'),
  };
}
