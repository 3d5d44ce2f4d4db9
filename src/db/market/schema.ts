// Market area tables: provider organisations, their CQC-registered locations, capacity and workforce
// returns (history kept: one row per return), the council's usual rates and cost of care, and placements
// (care home placements and homecare/supported living packages). Money is integer pence.
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  bigint,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const providers = pgTable(
  'providers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cqcProviderId: text('cqc_provider_id').unique(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('providers_name_idx').on(t.name)],
);

/**
 * A place where care is delivered (a care home, a homecare branch office, a supported living scheme).
 * service_types: care_home_nursing | care_home_residential | homecare | supported_living | extra_care
 * specialisms / service_user_bands: dementia | learning_disability | mental_health | physical_disability |
 * sensory_impairment | older_people | ... (see src/domain/market/types.ts).
 */
export const locations = pgTable(
  'locations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id),
    cqcLocationId: text('cqc_location_id').unique(),
    name: text('name').notNull(),
    alsoKnownAs: text('also_known_as'),
    address: text('address').notNull().default(''),
    postcode: text('postcode').notNull().default(''),
    postcodeDistrict: text('postcode_district').notNull().default(''),
    localAuthorityGss: text('local_authority_gss'),
    localAuthorityName: text('local_authority_name'),
    region: text('region'),
    phone: text('phone'),
    website: text('website'),
    locationUrl: text('location_url'),
    serviceTypes: text('service_types')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    specialisms: text('specialisms')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    serviceUserBands: text('service_user_bands')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    registeredBeds: integer('registered_beds'),
    cqcRating: text('cqc_rating'), // Outstanding | Good | Requires improvement | Inadequate | null (not yet rated)
    cqcRatingDate: date('cqc_rating_date'),
    cqcLastCheck: date('cqc_last_check'),
    /** Key-question ratings from the CQC API: { safe, effective, caring, responsive, wellLed: { rating, date } }. */
    cqcKeyQuestionRatings:
      jsonb('cqc_key_question_ratings').$type<Record<string, { rating: string; date: string | null }>>(),
    odsCode: text('ods_code'), // NHS ODS code of the location (CQC API odsCode)
    inBorough: boolean('in_borough').notNull().default(false),
    onFramework: boolean('on_framework').notNull().default(false),
    onDps: boolean('on_dps').notNull().default(false),
    councilQualityRating: text('council_quality_rating'), // e.g. PAMMS: Excellent | Good | Requires improvement | Poor
    councilQualityRatingDate: date('council_quality_rating_date'),
    selfFunderWeeklyFeePence: integer('self_funder_weekly_fee_pence'),
    registeredAt: date('registered_at'),
    deregisteredAt: timestamp('deregistered_at', { withTimezone: true }),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('locations_provider_idx').on(t.providerId),
    index('locations_la_idx').on(t.localAuthorityGss),
    index('locations_district_idx').on(t.postcodeDistrict),
  ],
);

/** Capacity Tracker-style care home return. Split columns are null where the home has no such beds. */
export const careHomeCapacity = pgTable(
  'care_home_capacity',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    asAt: timestamp('as_at', { withTimezone: true }).notNull(),
    maxCapacity: integer('max_capacity').notNull(),
    occupied: integer('occupied').notNull(),
    vacantReserved: integer('vacant_reserved').notNull().default(0),
    vacantAccepting: integer('vacant_accepting').notNull().default(0),
    residentialMax: integer('residential_max'),
    residentialOccupied: integer('residential_occupied'),
    residentialVacantAccepting: integer('residential_vacant_accepting'),
    nursingMax: integer('nursing_max'),
    nursingOccupied: integer('nursing_occupied'),
    nursingVacantAccepting: integer('nursing_vacant_accepting'),
    dementiaMax: integer('dementia_max'),
    dementiaOccupied: integer('dementia_occupied'),
    dementiaVacantAccepting: integer('dementia_vacant_accepting'),
    noChange: boolean('no_change').notNull().default(false), // "no change" confirmation: figures copied forward
    source: text('source').notNull().default('provider'), // provider | bulk_csv | capacity_tracker | demo | system
    reportedBy: uuid('reported_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('care_home_capacity_location_asat_idx').on(t.locationId, t.asAt)],
);

/** Homecare capacity return, one row per location, area and date. */
export const homecareCapacity = pgTable(
  'homecare_capacity',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    asAt: timestamp('as_at', { withTimezone: true }).notNull(),
    area: text('area').notNull().default(''), // postcode district or locality served ('' = whole area)
    peopleSupported: integer('people_supported').notNull(),
    hoursPerWeek: numeric('hours_per_week', { precision: 10, scale: 2 }).notNull(),
    newHoursAvailable: numeric('new_hours_available', { precision: 10, scale: 2 }).notNull().default('0'),
    noChange: boolean('no_change').notNull().default(false),
    source: text('source').notNull().default('provider'),
    reportedBy: uuid('reported_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('homecare_capacity_location_asat_idx').on(t.locationId, t.asAt)],
);

/** Workforce headcounts (Capacity Tracker workforce questions). */
export const workforceSnapshots = pgTable(
  'workforce_snapshots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    asAt: timestamp('as_at', { withTimezone: true }).notNull(),
    nurses: integer('nurses').notNull().default(0),
    careStaff: integer('care_staff').notNull().default(0),
    nonCareStaff: integer('non_care_staff').notNull().default(0),
    agencyStaff: integer('agency_staff').notNull().default(0), // agency/bank headcount working this week
    // Staff vacancies; null when the return did not give them (the Capacity Tracker extract has no such column).
    vacancies: integer('vacancies'),
    absences: integer('absences').notNull().default(0),
    noChange: boolean('no_change').notNull().default(false),
    source: text('source').notNull().default('provider'),
    reportedBy: uuid('reported_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('workforce_snapshots_location_asat_idx').on(t.locationId, t.asAt)],
);

/**
 * The council's usual rates. band: standard_residential | enhanced_residential | standard_nursing |
 * enhanced_nursing | homecare_hourly. unit: week | hour. A rate applies from effective_from until the next
 * rate for the same band.
 */
export const usualRates = pgTable(
  'usual_rates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    band: text('band').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    amountPence: integer('amount_pence').notNull(),
    unit: text('unit').notNull().default('week'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('usual_rates_band_from_uq').on(t.band, t.effectiveFrom)],
);

/** Cost of care exercise results (fair cost of care): service residential | nursing | homecare. */
export const costOfCare = pgTable(
  'cost_of_care',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    service: text('service').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    amountPence: integer('amount_pence').notNull(),
    unit: text('unit').notNull().default('week'),
    source: text('source'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('cost_of_care_service_from_uq').on(t.service, t.effectiveFrom)],
);

/**
 * A placement (care home) or package (homecare, supported living, extra care) for one pseudonymous person.
 * weekly_price_pence is the total weekly cost; for hourly services it is hours_per_week × hourly_rate_pence.
 * funding: council | nhs | self_funded | joint. contract_type: spot | framework | block | dps.
 * purpose: long_term | d2a | respite | short_term. origin/origin_ref let other areas (discharge, brokerage)
 * link the placement to the request that created it.
 */
export const placements = pgTable(
  'placements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personRef: text('person_ref').notNull(),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id),
    serviceType: text('service_type').notNull(), // care_home_residential | care_home_nursing | homecare | supported_living | extra_care
    band: text('band').notNull(), // usual-rate band, or 'individual' for negotiated LD/MH packages
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    weeklyPricePence: integer('weekly_price_pence').notNull(),
    hoursPerWeek: numeric('hours_per_week', { precision: 8, scale: 2 }),
    hourlyRatePence: integer('hourly_rate_pence'),
    topUpWeeklyPence: integer('top_up_weekly_pence').notNull().default(0),
    funding: text('funding').notNull().default('council'),
    contractType: text('contract_type').notNull().default('spot'),
    purpose: text('purpose').notNull().default('long_term'),
    origin: text('origin'), // demo | discharge | brokerage | import | manual
    originRef: text('origin_ref'),
    endReason: text('end_reason'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A home's placements by start date, carrying what the price figures read: a filtered dashboard view (one
    // council, a district) reads its homes' placements from this index alone.
    index('placements_location_start_idx').on(
      t.locationId,
      t.startDate,
      t.band,
      t.weeklyPricePence,
      t.contractType,
      t.funding,
    ),
    index('placements_start_idx').on(t.startDate),
    index('placements_person_idx').on(t.personRef),
    // A package imported from a council's case-management system is keyed by that system's package ID, so a
    // re-import updates it (src/importers/placements.ts).
    uniqueIndex('placements_import_ref_uq')
      .on(t.originRef)
      .where(sql`${t.origin} = 'import'`),
    // Placements live on a date are the open ones (end_date null) plus those ending after it: these two partial
    // covering indexes let the dashboard count and average them per home by index-only scans (no heap reads).
    index('placements_open_idx')
      .on(t.funding, t.locationId, t.startDate, t.band, t.weeklyPricePence)
      .where(sql`${t.endDate} is null`),
    index('placements_ended_idx')
      .on(t.endDate, t.funding, t.locationId, t.startDate, t.band, t.weeklyPricePence)
      .where(sql`${t.endDate} is not null`),
    check('placements_end_after_start', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
);

// ---- Derived tables: the dashboard's figures kept current as data is written ----
// Maintained by the statement-level triggers in drizzle/0001_market_aggregates.sql (plpgsql, set-based over the
// rows each statement touched), so every write path — repositories, imports, the demo loader, raw SQL — keeps
// them exact. The application only reads them. Each has a live equivalent the tests compare it with.

/** Each care home's latest capacity return (the care_home_capacity row with the latest as_at). */
export const careHomeLatest = pgTable('care_home_latest', {
  locationId: uuid('location_id')
    .primaryKey()
    .references(() => locations.id, { onDelete: 'cascade' }),
  returnId: uuid('return_id').notNull(),
  asAt: timestamp('as_at', { withTimezone: true }).notNull(),
  maxCapacity: integer('max_capacity').notNull(),
  occupied: integer('occupied').notNull(),
  vacantReserved: integer('vacant_reserved').notNull(),
  vacantAccepting: integer('vacant_accepting').notNull(),
  residentialMax: integer('residential_max'),
  residentialOccupied: integer('residential_occupied'),
  residentialVacantAccepting: integer('residential_vacant_accepting'),
  nursingMax: integer('nursing_max'),
  nursingOccupied: integer('nursing_occupied'),
  nursingVacantAccepting: integer('nursing_vacant_accepting'),
  dementiaMax: integer('dementia_max'),
  dementiaOccupied: integer('dementia_occupied'),
  dementiaVacantAccepting: integer('dementia_vacant_accepting'),
});

/** Each care home's last capacity return in each calendar month (UTC), for occupancy over time. */
export const careHomeMonthly = pgTable(
  'care_home_monthly',
  {
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    month: date('month').notNull(),
    asAt: timestamp('as_at', { withTimezone: true }).notNull(),
    maxCapacity: integer('max_capacity').notNull(),
    occupied: integer('occupied').notNull(),
    vacantAccepting: integer('vacant_accepting').notNull(),
  },
  (t) => [primaryKey({ columns: [t.locationId, t.month] }), index('care_home_monthly_month_idx').on(t.month)],
);

/** Each location's latest workforce return. */
export const workforceLatest = pgTable('workforce_latest', {
  locationId: uuid('location_id')
    .primaryKey()
    .references(() => locations.id, { onDelete: 'cascade' }),
  asAt: timestamp('as_at', { withTimezone: true }).notNull(),
  nurses: integer('nurses').notNull(),
  careStaff: integer('care_staff').notNull(),
  nonCareStaff: integer('non_care_staff').notNull(),
  agencyStaff: integer('agency_staff').notNull(),
  vacancies: integer('vacancies'),
  absences: integer('absences').notNull(),
});

/** Each homecare location's latest return for each area it serves. */
export const homecareLatest = pgTable(
  'homecare_latest',
  {
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    area: text('area').notNull(),
    asAt: timestamp('as_at', { withTimezone: true }).notNull(),
    peopleSupported: integer('people_supported').notNull(),
    hoursPerWeek: numeric('hours_per_week', { precision: 10, scale: 2 }).notNull(),
    newHoursAvailable: numeric('new_hours_available', { precision: 10, scale: 2 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.locationId, t.area] })],
);

/**
 * Each location's open (no end date) council or jointly funded placements, whatever their start date: count,
 * and count and total weekly price of those on a usual-rate band. Placements live on a day are these, less
 * the open ones starting later, plus the ended ones ending after it (both few: read live).
 */
export const locationOpenPlacements = pgTable('location_open_placements', {
  locationId: uuid('location_id')
    .primaryKey()
    .references(() => locations.id, { onDelete: 'cascade' }),
  councilOpen: integer('council_open').notNull(),
  councilPricedOpen: integer('council_priced_open').notNull(),
  councilPricedSumPence: bigint('council_priced_sum_pence', { mode: 'number' }).notNull(),
});

/**
 * New care home placement prices (usual-rate bands) by quarter of start and scope: 'in' (locations in the
 * borough), 'out' (outside it) and 'all' (both; quartiles do not add up, so it is kept too). Deregistered
 * locations are left out, as the dashboard leaves them out. Quartiles are percentile_cont (QUARTILE.INC).
 */
export const marketPriceQuarters = pgTable(
  'market_price_quarters',
  {
    scope: text('scope').notNull(),
    quarter: date('quarter').notNull(),
    n: integer('n').notNull(),
    priceSumPence: bigint('price_sum_pence', { mode: 'number' }).notNull(),
    minPence: integer('min_pence').notNull(),
    maxPence: integer('max_pence').notNull(),
    q1Pence: doublePrecision('q1_pence').notNull(),
    medianPence: doublePrecision('median_pence').notNull(),
    q3Pence: doublePrecision('q3_pence').notNull(),
    compared: integer('compared').notNull(),
    atOrBelow: integer('at_or_below').notNull(),
    spot: integer('spot').notNull(),
    framework: integer('framework').notNull(),
    block: integer('block').notNull(),
    dps: integer('dps').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.quarter] })],
);

/** New care home placement prices by start day, scope ('in' | 'out') and £50 price band, for rolling windows. */
export const marketPriceDays = pgTable(
  'market_price_days',
  {
    scope: text('scope').notNull(),
    day: date('day').notNull(),
    binPence: integer('bin_pence').notNull(),
    n: integer('n').notNull(),
    priceSumPence: bigint('price_sum_pence', { mode: 'number' }).notNull(),
    compared: integer('compared').notNull(),
    atOrBelow: integer('at_or_below').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.day, t.binPence] })],
);

/**
 * Placements starting and ending on each day, by scope ('in' | 'out'), funding and kind ('care_home' by service
 * type, 'homecare' on the hourly band, 'other'). Placements live on day D = starts on or before D less ends on or
 * before D (an end date is never before its start).
 */
export const marketPlacementFlows = pgTable(
  'market_placement_flows',
  {
    scope: text('scope').notNull(),
    day: date('day').notNull(),
    funding: text('funding').notNull(),
    kind: text('kind').notNull(),
    starts: integer('starts').notNull(),
    startsSpot: integer('starts_spot').notNull(),
    startHours: numeric('start_hours', { precision: 14, scale: 2 }).notNull(),
    startRateSumPence: bigint('start_rate_sum_pence', { mode: 'number' }).notNull(),
    startRateN: integer('start_rate_n').notNull(),
    ends: integer('ends').notNull(),
    endHours: numeric('end_hours', { precision: 14, scale: 2 }).notNull(),
    endRateSumPence: bigint('end_rate_sum_pence', { mode: 'number' }).notNull(),
    endRateN: integer('end_rate_n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.day, t.funding, t.kind] })],
);

export type ProviderRow = typeof providers.$inferSelect;
export type LocationRow = typeof locations.$inferSelect;
export type NewLocationRow = typeof locations.$inferInsert;
export type CareHomeCapacityRow = typeof careHomeCapacity.$inferSelect;
export type HomecareCapacityRow = typeof homecareCapacity.$inferSelect;
export type WorkforceSnapshotRow = typeof workforceSnapshots.$inferSelect;
export type UsualRateRow = typeof usualRates.$inferSelect;
export type CostOfCareRow = typeof costOfCare.$inferSelect;
export type PlacementRow = typeof placements.$inferSelect;
export type NewPlacementRow = typeof placements.$inferInsert;
