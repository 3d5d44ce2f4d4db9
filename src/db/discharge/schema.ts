// Discharge (Transfer of Care hub) tables. People are pseudonymous: a referral holds only what a broker
// needs (age band, needs, postcode district); the name and NHS number sit in discharge_person_details,
// which only staff roles can read. Providers reach referrals only through their own discharge_requests rows.
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { locations, placements, providers } from '../market/schema.js';

/** Postcode district centroids: the mean position of a district's live postcodes (ONSPD), or the demo borough's. */
export const postcodeDistricts = pgTable('postcode_districts', {
  district: text('district').primaryKey(),
  lat: doublePrecision('lat').notNull(),
  lng: doublePrecision('lng').notNull(),
  postcodes: integer('postcodes').notNull(),
  source: text('source').notNull(), // onspd file name | demo
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const dischargeReferrals = pgTable(
  'discharge_referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personRef: text('person_ref').notNull(),
    ageBand: text('age_band').notNull(),
    postcodeDistrict: text('postcode_district').notNull(),
    hospital: text('hospital').notNull(),
    ward: text('ward').notNull(),
    pathway: integer('pathway').notNull(), // 0–3
    serviceNeed: text('service_need').notNull(), // SERVICE_NEEDS in src/domain/discharge/referral.ts
    homecareHoursPerWeek: numeric('homecare_hours_per_week', { precision: 6, scale: 2 }),
    callsPerDay: integer('calls_per_day'),
    doubleHanded: boolean('double_handed').notNull().default(false),
    specialisms: text('specialisms')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    equipment: text('equipment')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    needsSummary: text('needs_summary').notNull().default(''),
    fundingRoute: text('funding_route').notNull(),
    preferredDistricts: text('preferred_districts')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    preferredLocationIds: text('preferred_location_ids')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    // Step timestamps: each is set once, when the step first happens.
    referredAt: timestamp('referred_at', { withTimezone: true }).notNull().defaultNow(),
    medicallyOptimisedAt: timestamp('medically_optimised_at', { withTimezone: true }).notNull(),
    requestSentAt: timestamp('request_sent_at', { withTimezone: true }),
    firstOfferAt: timestamp('first_offer_at', { withTimezone: true }),
    awardedAt: timestamp('awarded_at', { withTimezone: true }),
    dischargedAt: timestamp('discharged_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    destination: text('destination'), // DESTINATIONS
    /** End of the post-discharge service (reablement package, rehab or D2A stay), for lengths of stay. */
    serviceEndedAt: timestamp('service_ended_at', { withTimezone: true }),
    /** Where the person moved on to after that service (e.g. rehab bed → pathway 1), when known. */
    nextPathway: integer('next_pathway'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('discharge_referrals_open_idx').on(t.dischargedAt, t.cancelledAt),
    index('discharge_referrals_mo_idx').on(t.medicallyOptimisedAt),
    index('discharge_referrals_referred_idx').on(t.referredAt),
    index('discharge_referrals_person_idx').on(t.personRef),
  ],
);

/** Restricted: direct identifiers, only for staff with a need to know. */
export const dischargePersonDetails = pgTable('discharge_person_details', {
  referralId: uuid('referral_id')
    .primaryKey()
    .references(() => dischargeReferrals.id, { onDelete: 'cascade' }),
  name: text('name'),
  nhsNumber: text('nhs_number'),
});

export const dischargeDelays = pgTable(
  'discharge_delays',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => dischargeReferrals.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(), // DELAY_REASONS
    fromAt: timestamp('from_at', { withTimezone: true }).notNull(),
    toAt: timestamp('to_at', { withTimezone: true }),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('discharge_delays_referral_idx').on(t.referralId)],
);

/** One row per provider location a referral's request was sent to, carrying that provider's answer. */
export const dischargeRequests = pgTable(
  'discharge_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => dischargeReferrals.id, { onDelete: 'cascade' }),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
    sentBy: uuid('sent_by'),
    status: text('status').notNull().default('sent'), // RESPONSE_STATUSES
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    respondedBy: uuid('responded_by'),
    pricePence: integer('price_pence'), // weekly for beds, hourly for homecare
    earliestStart: date('earliest_start'),
    canAssessBy: date('can_assess_by'),
    declineReason: text('decline_reason'),
    note: text('note').notNull().default(''),
  },
  (t) => [
    uniqueIndex('discharge_requests_referral_location_uq').on(t.referralId, t.locationId),
    index('discharge_requests_provider_idx').on(t.providerId, t.sentAt),
  ],
);

/** The award: at most one per referral (the unique index is the last line of defence against a double award). */
export const dischargeAwards = pgTable(
  'discharge_awards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => dischargeReferrals.id, { onDelete: 'cascade' }),
    requestId: uuid('request_id')
      .notNull()
      .references(() => dischargeRequests.id),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id),
    placementId: uuid('placement_id').references(() => placements.id),
    pricePence: integer('price_pence').notNull(),
    weeklyPricePence: integer('weekly_price_pence').notNull(),
    awardedAt: timestamp('awarded_at', { withTimezone: true }).notNull().defaultNow(),
    awardedBy: uuid('awarded_by'),
  },
  (t) => [uniqueIndex('discharge_awards_referral_uq').on(t.referralId)],
);

/** Messages to providers: a new request, an award, or that another offer was chosen. */
export const dischargeNotifications = pgTable(
  'discharge_notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id),
    requestId: uuid('request_id').references(() => dischargeRequests.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(), // request | awarded | not_selected | withdrawn
    message: text('message').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('discharge_notifications_provider_idx').on(t.providerId, t.createdAt)],
);

/** Block-booked beds: D2A beds in care homes and community rehabilitation (pathway 2) beds. */
export const dischargeBlockBeds = pgTable(
  'discharge_block_beds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id),
    kind: text('kind').notNull(), // d2a | rehab
    label: text('label').notNull(),
    weeklyPricePence: integer('weekly_price_pence').notNull(),
    fromDate: date('from_date').notNull(),
    toDate: date('to_date'),
  },
  (t) => [index('discharge_block_beds_location_idx').on(t.locationId, t.kind)],
);

export const dischargeBedStays = pgTable(
  'discharge_bed_stays',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bedId: uuid('bed_id')
      .notNull()
      .references(() => dischargeBlockBeds.id),
    referralId: uuid('referral_id').references(() => dischargeReferrals.id, { onDelete: 'set null' }),
    personRef: text('person_ref').notNull(),
    admittedAt: timestamp('admitted_at', { withTimezone: true }).notNull(),
    leftAt: timestamp('left_at', { withTimezone: true }),
    outcome: text('outcome'), // D2A_OUTCOMES
  },
  (t) => [
    index('discharge_bed_stays_bed_idx').on(t.bedId, t.admittedAt),
    index('discharge_bed_stays_referral_idx').on(t.referralId),
  ],
);

export type ReferralRow = typeof dischargeReferrals.$inferSelect;
export type NewReferralRow = typeof dischargeReferrals.$inferInsert;
export type RequestRow = typeof dischargeRequests.$inferSelect;
export type BlockBedRow = typeof dischargeBlockBeds.$inferSelect;
export type BedStayRow = typeof dischargeBedStays.$inferSelect;

// Capacity planning by simulation (issue 6): saved scenarios.
export * from './simulationSchema.js';

/**
 * NHS England's published discharge figures ("Discharge Delays (Acute)": the monthly CSV and the daily series by
 * trust and ICB), for comparison with the hub's own. org_level: national | region | icb | trust. metric is the
 * publisher's metric name as a slug (e.g. `nctr` = patients who no longer meet the criteria to reside,
 * `discharged_total`); value is the published number (counts, or days/percentages for average metrics).
 */
export const publishedDischargeFigures = pgTable(
  'published_discharge_figures',
  {
    orgCode: text('org_code').notNull(),
    orgLevel: text('org_level').notNull(),
    orgName: text('org_name'),
    date: date('date').notNull(), // the day (daily metrics) or the first of the month (monthly metrics)
    period: text('period').notNull().default('day'), // day | month
    metric: text('metric').notNull(),
    metricName: text('metric_name').notNull(),
    value: doublePrecision('value').notNull(),
    source: text('source').notNull(), // the file it came from
  },
  (t) => [
    primaryKey({ columns: [t.orgCode, t.date, t.period, t.metric] }),
    index('published_discharge_figures_metric_idx').on(t.metric, t.orgCode, t.date),
  ],
);
