// Better Care Fund tables: the plan and its places, income by funding line, the national minimum requirements,
// schemes with planned spend by funding line and year and actual spend by quarter, metric plans and the counts
// behind each metric, hospital activity by age band, the intermediate care demand and capacity table, and the
// High Impact Change Model assessments. Money is integer pence (bigint: a place's minimum NHS contribution is
// above £21m, past a 32-bit integer of pence).
import {
  bigint,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { risks } from '../contracts/schema.js';

const pence = (name: string) => bigint(name, { mode: 'number' });

/** One plan: a Health and Wellbeing Board's, or a joint plan over several places. years: ['2026/27', '2027/28']. */
export const bcfPlans = pgTable('bcf_plans', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  years: text('years').array().notNull(),
  /** The year before the plan, whose outturn the metric plans are set against. */
  baselineYear: text('baseline_year').notNull(),
  /** Narrative sections of the return, by key (e.g. overview, metrics, hicm, dfg). */
  narrative: jsonb('narrative').$type<Record<string, string>>().notNull().default({}),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const bcfPlaces = pgTable(
  'bcf_places',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => bcfPlans.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    gssCode: text('gss_code').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [uniqueIndex('bcf_places_plan_gss_uq').on(t.planId, t.gssCode)],
);

export const bcfIncome = pgTable(
  'bcf_income',
  {
    placeId: uuid('place_id')
      .notNull()
      .references(() => bcfPlaces.id, { onDelete: 'cascade' }),
    year: text('year').notNull(),
    fundingLine: text('funding_line').notNull(),
    amountPence: pence('amount_pence').notNull(),
  },
  (t) => [primaryKey({ columns: [t.placeId, t.year, t.fundingLine] })],
);

export const bcfRequirements = pgTable(
  'bcf_requirements',
  {
    placeId: uuid('place_id')
      .notNull()
      .references(() => bcfPlaces.id, { onDelete: 'cascade' }),
    year: text('year').notNull(),
    socialCarePence: pence('social_care_pence').notNull(),
    outOfHospitalPence: pence('out_of_hospital_pence').notNull(),
  },
  (t) => [primaryKey({ columns: [t.placeId, t.year] })],
);

export const bcfSchemes = pgTable(
  'bcf_schemes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => bcfPlans.id, { onDelete: 'cascade' }),
    placeId: uuid('place_id')
      .notNull()
      .references(() => bcfPlaces.id, { onDelete: 'cascade' }),
    ref: text('ref').notNull(),
    name: text('name').notNull(),
    schemeType: text('scheme_type').notNull(),
    subType: text('sub_type').notNull(),
    objective: text('objective').notNull().default(''),
    commissioner: text('commissioner').notNull(), // LA | NHS | Joint
    provider: text('provider').notNull().default(''),
    areaOfSpend: text('area_of_spend').notNull(),
    contractIds: text('contract_ids')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    plannedOutputs: doublePrecision('planned_outputs'),
    outputUnit: text('output_unit').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('bcf_schemes_plan_ref_uq').on(t.planId, t.ref), index('bcf_schemes_place_idx').on(t.placeId)],
);

export const bcfSchemeFunding = pgTable(
  'bcf_scheme_funding',
  {
    schemeId: uuid('scheme_id')
      .notNull()
      .references(() => bcfSchemes.id, { onDelete: 'cascade' }),
    fundingLine: text('funding_line').notNull(),
    year: text('year').notNull(),
    plannedPence: pence('planned_pence').notNull(),
  },
  (t) => [primaryKey({ columns: [t.schemeId, t.fundingLine, t.year] })],
);

export const bcfSchemeActuals = pgTable(
  'bcf_scheme_actuals',
  {
    schemeId: uuid('scheme_id')
      .notNull()
      .references(() => bcfSchemes.id, { onDelete: 'cascade' }),
    fundingLine: text('funding_line').notNull(),
    year: text('year').notNull(),
    quarter: integer('quarter').notNull(),
    actualPence: pence('actual_pence').notNull(),
    outputs: doublePrecision('outputs'),
  },
  (t) => [primaryKey({ columns: [t.schemeId, t.fundingLine, t.year, t.quarter] })],
);

/** Planned metric values; quarter 0 is the year's plan. */
export const bcfMetricPlans = pgTable(
  'bcf_metric_plans',
  {
    placeId: uuid('place_id')
      .notNull()
      .references(() => bcfPlaces.id, { onDelete: 'cascade' }),
    metric: text('metric').notNull(),
    year: text('year').notNull(),
    quarter: integer('quarter').notNull(),
    value: doublePrecision('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.placeId, t.metric, t.year, t.quarter] })],
);

/**
 * Counts behind residential admissions (numerator admissions, denominator population 65+) and discharge to
 * usual place of residence (numerator home, denominator all discharged) for a quarter, with their source.
 * The standardised metrics read hospital activity and population instead.
 */
export const bcfMetricCounts = pgTable(
  'bcf_metric_counts',
  {
    placeId: uuid('place_id')
      .notNull()
      .references(() => bcfPlaces.id, { onDelete: 'cascade' }),
    metric: text('metric').notNull(),
    year: text('year').notNull(),
    quarter: integer('quarter').notNull(),
    numerator: integer('numerator').notNull(),
    denominator: doublePrecision('denominator').notNull(),
    source: text('source').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.placeId, t.metric, t.year, t.quarter] })],
);

/**
 * Hospital activity: emergency admissions by place (GSS code), measure (falls_65 | acsc), financial year,
 * quarter and ESP2013 age band, from the `bcf-activity` importer. Re-importing a place, measure and quarter
 * replaces it.
 */
export const bcfActivity = pgTable(
  'bcf_activity',
  {
    gssCode: text('gss_code').notNull(),
    measure: text('measure').notNull(),
    year: text('year').notNull(),
    quarter: integer('quarter').notNull(),
    ageBand: text('age_band').notNull(),
    admissions: integer('admissions').notNull(),
    source: text('source').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.gssCode, t.measure, t.year, t.quarter, t.ageBand] })],
);

/** Intermediate care demand and capacity: one row per place, service and month ('YYYY-MM'). */
export const bcfDemandCapacity = pgTable(
  'bcf_demand_capacity',
  {
    placeId: uuid('place_id')
      .notNull()
      .references(() => bcfPlaces.id, { onDelete: 'cascade' }),
    service: text('service').notNull(),
    month: text('month').notNull(),
    demand: integer('demand'),
    capacity: integer('capacity'),
    demandSource: text('demand_source').notNull().default(''),
    capacitySource: text('capacity_source').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.placeId, t.service, t.month] })],
);

export const bcfHicmAssessments = pgTable(
  'bcf_hicm_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    placeId: uuid('place_id')
      .notNull()
      .references(() => bcfPlaces.id, { onDelete: 'cascade' }),
    change: integer('change').notNull(),
    level: text('level').notNull(),
    evidence: text('evidence').notNull(),
    assessedOn: date('assessed_on').notNull(),
    plannedLevel: text('planned_level'),
    plannedBy: date('planned_by'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('bcf_hicm_place_change_idx').on(t.placeId, t.change, t.assessedOn)],
);

/**
 * The plan's risk log: risks of the contracts risk register linked to the plan as a whole (scheme_id null) or to
 * one of its schemes. A risk is linked once per plan. Risks on contracts a scheme names are in the log too,
 * without a row here (see `planRisks`).
 */
export const bcfRiskLinks = pgTable(
  'bcf_risk_links',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => bcfPlans.id, { onDelete: 'cascade' }),
    riskId: uuid('risk_id')
      .notNull()
      .references(() => risks.id, { onDelete: 'cascade' }),
    schemeId: uuid('scheme_id').references(() => bcfSchemes.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.riskId] }), index('bcf_risk_links_scheme_idx').on(t.schemeId)],
);
