// Contracts area tables: the contract register, recommissioning procurements and their stages, KPIs and
// providers' returns, PAMMS-style quality assessments and provider concerns, the delivery plan
// (priorities → intentions → actions → milestones) and the risk register with its score history.
// Money is integer pence (bigint: framework totals exceed £21m).
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { locations, providers } from '../market/schema.js';

export const contracts = pgTable(
  'contracts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull().unique(),
    title: text('title').notNull(),
    providerId: uuid('provider_id').references(() => providers.id),
    locationId: uuid('location_id').references(() => locations.id),
    serviceArea: text('service_area').notNull(),
    careGroup: text('care_group').notNull(),
    contractForm: text('contract_form').notNull(),
    fundingSource: text('funding_source').notNull(),
    totalValuePence: bigint('total_value_pence', { mode: 'number' }).notNull(),
    annualValuePence: bigint('annual_value_pence', { mode: 'number' }).notNull(),
    startDate: date('start_date').notNull(),
    initialEndDate: date('initial_end_date').notNull(),
    extensionOptionsMonths: integer('extension_options_months')
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    extensionsTaken: integer('extensions_taken').notNull().default(0),
    breakClauseDates: date('break_clause_dates')
      .array()
      .notNull()
      .default(sql`'{}'::date[]`),
    noticePeriodMonths: integer('notice_period_months').notNull().default(3),
    socialValue: text('social_value'),
    leadOfficer: text('lead_officer'),
    decision: text('decision'), // extend | re_tender | direct_award | decommission | bring_in_house
    decisionNote: text('decision_note'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** Set when the contract is ended early (terminated): its last day, which replaces the term's end date. */
    endedOn: date('ended_on'),
    endReason: text('end_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('contracts_provider_idx').on(t.providerId), index('contracts_end_idx').on(t.initialEndDate)],
);

/** The procurement that recommissions a contract (or commissions a new service when contract_id is null). */
export const procurements = pgTable(
  'procurements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contractId: uuid('contract_id').references(() => contracts.id),
    /** The delivery plan's commissioning intention the procurement was started from, if any. */
    intentionId: uuid('intention_id').references((): AnyPgColumn => planIntentions.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    route: text('route').notNull(), // re_tender | direct_award | bring_in_house | new_service
    leadOfficer: text('lead_officer'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('procurements_contract_idx').on(t.contractId)],
);

export const procurementStages = pgTable(
  'procurement_stages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    procurementId: uuid('procurement_id')
      .notNull()
      .references(() => procurements.id, { onDelete: 'cascade' }),
    stage: text('stage').notNull(),
    plannedStart: date('planned_start').notNull(),
    plannedEnd: date('planned_end').notNull(),
    actualStart: date('actual_start'),
    actualEnd: date('actual_end'),
    notApplicable: boolean('not_applicable').notNull().default(false),
  },
  (t) => [uniqueIndex('procurement_stages_uq').on(t.procurementId, t.stage)],
);

export const kpis = pgTable(
  'kpis',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** How the KPI is measured (KPI_MEASURES: percent, count, days, hours, pence, number): types every figure. */
    measure: text('measure').notNull().default('number'),
    unit: text('unit').notNull(),
    target: doublePrecision('target').notNull(),
    direction: text('direction').notNull(), // higher_is_better | lower_is_better
    frequency: text('frequency').notNull(), // monthly | quarterly | six_monthly | annual
    tolerance: doublePrecision('tolerance').notNull().default(0),
    dueDays: integer('due_days'),
    reportingFrom: date('reporting_from').notNull(),
    /**
     * Set when a KPI that already has returns is retired: no period starting after this day is due or accepted, and
     * its returns and history stay. (A KPI without returns is deleted instead.)
     */
    retiredOn: date('retired_on'),
    retireReason: text('retire_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('kpis_contract_idx').on(t.contractId)],
);

export const kpiReturns = pgTable(
  'kpi_returns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kpiId: uuid('kpi_id')
      .notNull()
      .references(() => kpis.id, { onDelete: 'cascade' }),
    periodStart: date('period_start').notNull(),
    value: doublePrecision('value').notNull(),
    submittedOn: date('submitted_on').notNull(),
    submittedBy: uuid('submitted_by'),
    /** True when council staff entered the return on the provider's behalf (not the provider itself). */
    enteredByStaff: boolean('entered_by_staff').notNull().default(false),
    /** The last time the figure was amended (null while it is as first submitted). */
    amendedOn: date('amended_on'),
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('kpi_returns_period_uq').on(t.kpiId, t.periodStart)],
);

/** A KPI return as it stood before each amendment: the history of a submitted return. */
export const kpiReturnAmendments = pgTable(
  'kpi_return_amendments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    returnId: uuid('return_id')
      .notNull()
      .references(() => kpiReturns.id, { onDelete: 'cascade' }),
    previousValue: doublePrecision('previous_value').notNull(),
    previousComment: text('previous_comment'),
    /** Who gave the figure replaced, and whether they were council staff entering it for the provider. */
    previousBy: uuid('previous_by'),
    previousEnteredByStaff: boolean('previous_entered_by_staff').notNull(),
    amendedOn: date('amended_on').notNull(),
    amendedBy: uuid('amended_by'),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('kpi_return_amendments_return_idx').on(t.returnId)],
);

export const qualityAssessments = pgTable(
  'quality_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id),
    contractId: uuid('contract_id').references(() => contracts.id),
    visitDate: date('visit_date').notNull(),
    assessorId: uuid('assessor_id'),
    assessorName: text('assessor_name'),
    status: text('status').notNull().default('draft'), // draft | provider_challenge | published
    involvementInformation: text('involvement_information').notNull(),
    personalisedCare: text('personalised_care').notNull(),
    safeguardingSafety: text('safeguarding_safety').notNull(),
    staffing: text('staffing').notNull(),
    management: text('management').notNull(),
    overall: text('overall').notNull(),
    summary: text('summary').notNull().default(''),
    sharedOn: date('shared_on'),
    providerRespondedOn: date('provider_responded_on'),
    providerResponse: text('provider_response'), // accept | challenge
    providerComments: text('provider_comments'),
    publishedOn: date('published_on'),
    actionPlan: text('action_plan'),
    actionPlanSubmittedOn: date('action_plan_submitted_on'),
    /** The day a quality officer accepted the action plan; until then the provider may revise it. */
    actionPlanAcceptedOn: date('action_plan_accepted_on'),
    /** What a quality officer last asked the provider to change in its plan, and when (cleared once revised). */
    actionPlanChangesRequested: text('action_plan_changes_requested'),
    actionPlanChangesRequestedOn: date('action_plan_changes_requested_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('quality_assessments_location_idx').on(t.locationId),
    index('quality_assessments_provider_idx').on(t.providerId),
  ],
);

/**
 * Provider concerns and safeguarding referrals logged against a location (no personal details). Lifecycle (see
 * src/domain/contracts/concern.ts): logged → triaged → investigating → action_agreed → closed; each step is a row
 * of provider_concern_events. A safeguarding referral made to the council's adult safeguarding team is recorded
 * by its date and reference; the provider writes its response for its own locations.
 */
export const providerConcerns = pgTable(
  'provider_concerns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id),
    kind: text('kind').notNull(), // provider_concern | safeguarding_referral | complaint | whistleblowing
    raisedOn: date('raised_on').notNull(),
    summary: text('summary').notNull(),
    status: text('status').notNull().default('logged'), // logged | triaged | investigating | action_agreed | closed
    closedOn: date('closed_on'),
    /** The action agreed with the provider (set on the move to action_agreed). */
    agreedAction: text('agreed_action'),
    /** A safeguarding referral made about the concern: the date and the safeguarding team's reference. */
    safeguardingReferralOn: date('safeguarding_referral_on'),
    safeguardingReference: text('safeguarding_reference'),
    /** The provider's response, written by the provider's own users. */
    providerResponse: text('provider_response'),
    providerRespondedOn: date('provider_responded_on'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('provider_concerns_location_idx').on(t.locationId)],
);

/**
 * A concern's history: one row per step (logged, each status move, the safeguarding referral, the provider's
 * response). kind: log | transition | safeguarding_referral | provider_response. note: the officer's note
 * (no personal details), shown to council staff only.
 */
export const providerConcernEvents = pgTable(
  'provider_concern_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    concernId: uuid('concern_id')
      .notNull()
      .references(() => providerConcerns.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    kind: text('kind').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    note: text('note'),
    byUserId: uuid('by_user_id'),
    /**
     * The day the step happened as the officer gave it (a concern raised, triaged, a referral made), which may be
     * earlier than `at`, when it was recorded; null for steps recorded before this was kept.
     */
    occurredOn: date('occurred_on'),
  },
  (t) => [index('provider_concern_events_concern_idx').on(t.concernId, t.at)],
);

/**
 * A delivery plan or workplan. kind: delivery_plan (the council's) | workplan (one per care group or portfolio,
 * named in care_group: Start Well, Live Well, Age Well...). A retired plan is kept but no longer offered.
 */
export const deliveryPlans = pgTable('delivery_plans', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: text('title').notNull(),
  years: text('years').array().notNull(),
  kind: text('kind').notNull().default('delivery_plan'),
  careGroup: text('care_group'),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const planPriorities = pgTable(
  'plan_priorities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => deliveryPlans.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('plan_priorities_uq').on(t.planId, t.number)],
);

export const planIntentions = pgTable('plan_intentions', {
  id: uuid('id').primaryKey().defaultRandom(),
  priorityId: uuid('priority_id')
    .notNull()
    .references(() => planPriorities.id, { onDelete: 'cascade' }),
  text: text('text').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
});

export const planActions = pgTable(
  'plan_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    intentionId: uuid('intention_id')
      .notNull()
      .references(() => planIntentions.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    yearStatuses: text('year_statuses').array().notNull(),
    responsibleServiceAreas: text('responsible_service_areas')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    ragOverride: text('rag_override'),
    contractId: uuid('contract_id').references(() => contracts.id),
    procurementId: uuid('procurement_id').references(() => procurements.id),
    /** Every contract and procurement that delivers the action (contract_id/procurement_id are the first). */
    contractIds: uuid('contract_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    procurementIds: uuid('procurement_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    /** The officer who owns the action (a role or name as the plan writes it). */
    owner: text('owner'),
    sortOrder: integer('sort_order').notNull().default(0),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plan_actions_intention_idx').on(t.intentionId)],
);

export const planMilestones = pgTable(
  'plan_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actionId: uuid('action_id')
      .notNull()
      .references(() => planActions.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    dueDate: date('due_date').notNull(),
    completedOn: date('completed_on'),
  },
  (t) => [index('plan_milestones_action_idx').on(t.actionId)],
);

export const risks = pgTable('risks', {
  id: uuid('id').primaryKey().defaultRandom(),
  reference: text('reference').notNull().unique(),
  title: text('title').notNull(),
  mitigation: text('mitigation').notNull().default(''),
  owner: text('owner').notNull(),
  likelihood: integer('likelihood').notNull(),
  impact: integer('impact').notNull(),
  reviewDate: date('review_date'),
  status: text('status').notNull().default('open'), // open | closed
  contractId: uuid('contract_id').references(() => contracts.id),
  providerId: uuid('provider_id').references(() => providers.id),
  actionId: uuid('action_id').references(() => planActions.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const riskScores = pgTable(
  'risk_scores',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    riskId: uuid('risk_id')
      .notNull()
      .references(() => risks.id, { onDelete: 'cascade' }),
    recordedOn: date('recorded_on').notNull(),
    likelihood: integer('likelihood').notNull(),
    impact: integer('impact').notNull(),
    score: integer('score').notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by'),
  },
  (t) => [index('risk_scores_risk_idx').on(t.riskId, t.recordedOn)],
);

/** The council's RAG bands for risk scores (one set; defaults when empty). */
export const riskBands = pgTable('risk_bands', {
  id: uuid('id').primaryKey().defaultRandom(),
  min: integer('min').notNull(),
  max: integer('max').notNull(),
  rag: text('rag').notNull(),
  label: text('label').notNull(),
});

export type ContractRow = typeof contracts.$inferSelect;
export type ProcurementStageRow = typeof procurementStages.$inferSelect;
export type KpiRow = typeof kpis.$inferSelect;
export type KpiReturnRow = typeof kpiReturns.$inferSelect;
export type QualityAssessmentRow = typeof qualityAssessments.$inferSelect;
export type RiskRow = typeof risks.$inferSelect;
