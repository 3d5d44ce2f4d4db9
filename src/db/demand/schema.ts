// Need and demand tables: areas with ONS GSS codes, population figures by year, sex and age (single
// years or bands) with their source and vintage, prevalence/service-use rates with their sources, and
// saved scenarios. Population counts are doubles: ONS publishes projections with decimals, and they
// are not money.
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  bigserial,
} from 'drizzle-orm/pg-core';
import type { RateCell, RatePoint } from '../../domain/demand/rates.js';
import type { ScenarioParams } from '../../domain/demand/model.js';

/** area_type: local_authority | county | region | country | ward | locality (from the GSS prefix or given). */
export const demandAreas = pgTable('demand_areas', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  areaType: text('area_type').notNull(),
  parentCode: text('parent_code'),
  synthetic: boolean('synthetic').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Population for one area, mid-year, sex, kind and vintage: counts by age band, where age_from holds each
 * band's first age (ascending, starting at 0) and the last band is open-ended (90 and over, or wider).
 * Single years give age_from = {0,1,…,90}. One row per series keeps national files (300 areas × 26 years ×
 * 2 sexes) to a few thousand rows. kind: estimate | projection; source names the publication, vintage the
 * edition ("2022-based SNPP", "mid-2023"). Re-importing the same area, kind and vintage replaces it.
 */
export const populationSeries = pgTable(
  'population_series',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    areaCode: text('area_code')
      .notNull()
      .references(() => demandAreas.code, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    sex: text('sex').notNull(), // female | male | persons
    kind: text('kind').notNull(),
    source: text('source').notNull(),
    vintage: text('vintage').notNull(),
    ageFrom: integer('age_from').array().notNull(),
    counts: doublePrecision('counts').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('population_series_uq').on(t.areaCode, t.kind, t.vintage, t.year, t.sex),
    index('population_series_area_idx').on(t.areaCode),
  ],
);

/**
 * Prevalence and service-use rates. cells: [{sex, ageFrom, ageTo, value}] as proportions. history: the
 * crude rate in past years (for the linear-trend method). is_default: unchanged since shipped.
 */
export const demandRates = pgTable('demand_rates', {
  key: text('key').primaryKey(),
  label: text('label').notNull(),
  careGroup: text('care_group').notNull(),
  kind: text('kind').notNull(), // prevalence | service_use | admissions
  service: text('service'),
  cells: jsonb('cells').$type<RateCell[]>().notNull(),
  shareKnownToAsc: doublePrecision('share_known_to_asc').notNull().default(1),
  source: text('source').notNull(),
  sourceYear: integer('source_year').notNull(),
  history: jsonb('history').$type<RatePoint[]>().notNull(),
  isDefault: boolean('is_default').notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Saved, named scenarios: a parameter set for the projection model. */
export const demandScenarios = pgTable('demand_scenarios', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  description: text('description').notNull().default(''),
  params: jsonb('params').$type<ScenarioParams>().notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type DemandAreaRow = typeof demandAreas.$inferSelect;
export type PopulationSeriesRow = typeof populationSeries.$inferSelect;
export type DemandRateRow = typeof demandRates.$inferSelect;
export type DemandScenarioRow = typeof demandScenarios.$inferSelect;
