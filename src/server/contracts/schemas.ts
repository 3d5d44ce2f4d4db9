// Response schemas of the contracts and delivery API (/api/contracts). Routes declare them; the web app takes its
// types from them (`Wire<typeof schema>`), so the server and the browser share one contract.
import { z } from 'zod';
import { ASSESSMENT_STATUSES, QUALITY_RATINGS } from '../../domain/contracts/assessment.js';
import { KPI_FREQUENCIES, KPI_MEASURES } from '../../domain/contracts/kpi.js';
import { PROCUREMENT_STAGES } from '../../domain/contracts/procurement.js';
import { HORIZONS, RECOMMISSIONING_DECISIONS } from '../../domain/contracts/recommissioning.js';

/** ContractView */
export const contractViewSchema = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  providerId: z.string().nullable(),
  providerName: z.string().nullable(),
  locationId: z.string().nullable(),
  locationName: z.string().nullable(),
  serviceArea: z.string(),
  careGroup: z.string(),
  contractForm: z.string(),
  fundingSource: z.string(),
  totalValuePence: z.number(),
  annualValuePence: z.number(),
  startDate: z.string(),
  initialEndDate: z.string(),
  currentEndDate: z.string(),
  maximumEndDate: z.string(),
  extensionOptionsMonths: z.array(z.number()),
  extensionsTaken: z.number(),
  extensionsRemaining: z.array(z.number()),
  breakClauseDates: z.array(z.string()),
  noticePeriodMonths: z.number(),
  noticeDeadline: z.string(),
  daysToEnd: z.number(),
  status: z.enum(['live', 'ended', 'not_started']),
  socialValue: z.string().nullable(),
  leadOfficer: z.string().nullable(),
  decision: z.string().nullable(),
  decisionNote: z.string().nullable(),
  /** The last day of a contract ended early (null while it runs its term), and why. */
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
});

/** One entry in a record's history, newest first: a contract's (with its KPIs' and procurements') or a procurement's. */
export const contractHistoryEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  who: z.string(),
  action: z.string(),
  entity: z.string(),
  summary: z.string(),
  note: z.string().nullable(),
  changes: z.array(
    z.object({ field: z.string(), label: z.string(), before: z.string().nullable(), after: z.string().nullable() }),
  ),
});

/** ReturnState */
export const returnStateSchema = z.enum(['on_time', 'late', 'overdue', 'awaited']);

/** ReturnStatus */
export const returnStatusSchema = z.object({
  state: returnStateSchema,
  value: z.number().nullable(),
  submittedOn: z.string().nullable(),
  daysLate: z.number(),
  rag: z.enum(['green', 'amber', 'red']).nullable(),
  offTarget: z.boolean(),
  periodStart: z.string(),
  periodEnd: z.string(),
  dueDate: z.string(),
  label: z.string(),
  comment: z.string().nullable(),
  /** Name of who gave the current figure. */
  by: z.string().nullable(),
  /** True when council staff entered the return on the provider's behalf. */
  enteredByStaff: z.boolean(),
  amendedOn: z.string().nullable(),
  /** Earlier figures, oldest first, each with who replaced it, when and why. */
  history: z.array(
    z.object({
      value: z.number(),
      comment: z.string().nullable(),
      by: z.string().nullable(),
      enteredByStaff: z.boolean(),
      amendedOn: z.string(),
      amendedBy: z.string().nullable(),
      reason: z.string(),
    }),
  ),
});

/** KpiDirection */
export const kpiDirectionSchema = z.enum(['higher_is_better', 'lower_is_better']);

/** KpiView */
export const kpiViewSchema = z.object({
  id: z.string(),
  contractId: z.string(),
  contractReference: z.string(),
  contractTitle: z.string(),
  providerId: z.string().nullable(),
  providerName: z.string().nullable(),
  reportingFrom: z.string(),
  /** The day the KPI was retired (its returns are kept), and why; null while it is measured. */
  retiredOn: z.string().nullable(),
  retireReason: z.string().nullable(),
  returns: z.array(returnStatusSchema),
  late: z.number(),
  overdue: z.number(),
  offTarget: z.number(),
  name: z.string(),
  /** How the KPI is measured: percent (0–100), count (whole), days, hours, pence (money, whole pence) or number. */
  measure: z.enum(KPI_MEASURES),
  unit: z.string(),
  target: z.number(),
  direction: kpiDirectionSchema,
  frequency: z.enum(KPI_FREQUENCIES),
  tolerance: z.number(),
  dueDays: z.number().nullable(),
});

/** StageStatus */
export const stageStatusSchema = z.enum(['complete', 'not_started', 'overdue', 'in_progress', 'not_applicable']);

/** StageForecast */
export const stageForecastSchema = z.object({
  status: stageStatusSchema,
  forecastStart: z.string(),
  forecastEnd: z.string(),
  slipDays: z.number(),
  stage: z.enum(PROCUREMENT_STAGES),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  notApplicable: z.boolean().optional(),
});

/** ProcurementForecast */
export const procurementForecastSchema = z.object({
  stages: z.array(stageForecastSchema),
  plannedGoLive: z.string().nullable(),
  forecastGoLive: z.string().nullable(),
  latestSafeGoLive: z.string().nullable(),
  cannotFinishBeforeContractEnd: z.boolean(),
  gapDays: z.number(),
  currentStage: z.enum(PROCUREMENT_STAGES).nullable(),
  complete: z.boolean(),
  problems: z.array(
    z.object({
      field: z.string(),
      message: z.string(),
    }),
  ),
});

/** ProcurementView */
export const procurementViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  route: z.string(),
  leadOfficer: z.string().nullable(),
  contractId: z.string().nullable(),
  /** The commissioning intention the procurement was started from, and its text. */
  intentionId: z.string().nullable(),
  intentionTitle: z.string().nullable(),
  contractReference: z.string().nullable(),
  contractEndDate: z.string().nullable(),
  forecast: procurementForecastSchema,
});

/** RecommissioningEntry */
export const recommissioningEntrySchema = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  providerName: z.string().nullable(),
  serviceArea: z.string(),
  annualValuePence: z.number(),
  leadOfficer: z.string().nullable(),
  currentEndDate: z.string(),
  daysToEnd: z.number(),
  horizon: z.literal(HORIZONS),
  noticeDeadline: z.string(),
  noticeDeadlinePassed: z.boolean(),
  extensionsRemaining: z.array(z.number()),
  decision: z.enum(RECOMMISSIONING_DECISIONS).nullable(),
  options: z.array(z.enum(RECOMMISSIONING_DECISIONS)),
  procurementStage: z.string().nullable(),
  forecastGoLive: z.string().nullable(),
  flags: z.array(z.string()),
});

/** DomainRatings */
export const domainRatingsSchema = z.object({
  involvement_information: z.enum(QUALITY_RATINGS),
  personalised_care: z.enum(QUALITY_RATINGS),
  safeguarding_safety: z.enum(QUALITY_RATINGS),
  staffing: z.enum(QUALITY_RATINGS),
  management: z.enum(QUALITY_RATINGS),
});

/** ActionPlanState */
export const actionPlanStateSchema = z.enum([
  'overdue',
  'not_required',
  'not_yet_due',
  'due',
  'submitted',
  'submitted_late',
]);

/** AssessmentView */
export const assessmentViewSchema = z.object({
  id: z.string(),
  locationId: z.string(),
  locationName: z.string(),
  postcodeDistrict: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  contractId: z.string().nullable(),
  visitDate: z.string(),
  assessorName: z.string().nullable(),
  status: z.enum(ASSESSMENT_STATUSES),
  ratings: domainRatingsSchema,
  summary: z.string(),
  sharedOn: z.string().nullable(),
  providerRespondedOn: z.string().nullable(),
  providerResponse: z.string().nullable(),
  providerComments: z.string().nullable(),
  publishedOn: z.string().nullable(),
  actionPlan: z.string().nullable(),
  actionPlanSubmittedOn: z.string().nullable(),
  actionPlanAcceptedOn: z.string().nullable(),
  /** What the quality team asked the provider to change in its plan, and when (null once revised or accepted). */
  actionPlanChangesRequested: z.string().nullable(),
  actionPlanChangesRequestedOn: z.string().nullable(),
  actionPlanState: actionPlanStateSchema,
  overall: z.enum(QUALITY_RATINGS),
  overallReason: z.string(),
  challengeDeadline: z.string().nullable(),
  challengeDaysLeft: z.number().nullable(),
  actionPlanDue: z.string().nullable(),
});

/** Rag */
export const ragSchema = z.enum(['green', 'amber', 'red', 'complete', 'not_assessed']);

/** Milestone */
export const milestoneSchema = z.object({
  title: z.string(),
  dueDate: z.string(),
  completedOn: z.string().nullable(),
});

/** ActionView */
export const actionViewSchema = z.object({
  intention: z.string(),
  priorityNumber: z.number(),
  priorityTitle: z.string(),
  rag: ragSchema,
  currentYearStatus: z.string().nullable(),
  id: z.string(),
  intentionId: z.string(),
  text: z.string(),
  yearStatuses: z.array(z.string()),
  responsibleServiceAreas: z.array(z.string()),
  milestones: z.array(milestoneSchema),
  ragOverride: ragSchema.nullable(),
  sortOrder: z.number(),
});

/** PriorityGroup */
export const priorityGroupSchema = z.object({
  number: z.number(),
  title: z.string(),
  intentions: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      actions: z.array(actionViewSchema),
    }),
  ),
  ragCounts: z.record(ragSchema, z.number()),
});

/** RiskRag */
export const riskRagSchema = z.enum(['green', 'amber', 'red']);

/** RiskBand */
export const riskBandSchema = z.object({
  min: z.number(),
  max: z.number(),
  rag: riskRagSchema,
  label: z.string(),
});

/** Trend */
export const trendSchema = z.enum(['rising', 'falling', 'steady', 'new']);

/** RiskListItem */
export const riskListItemSchema = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  mitigation: z.string(),
  owner: z.string(),
  likelihood: z.number(),
  impact: z.number(),
  reviewDate: z.string().nullable(),
  status: z.string(),
  contractId: z.string().nullable(),
  providerId: z.string().nullable(),
  actionId: z.string().nullable(),
  history: z.array(
    z.object({
      recordedOn: z.string(),
      likelihood: z.number(),
      impact: z.number(),
      score: z.number(),
      note: z.string().nullable(),
    }),
  ),
  score: z.number(),
  band: riskBandSchema,
  trend: trendSchema,
  reviewOverdue: z.boolean(),
});

// ---- Responses ----

export const contractListSchema = z.object({ asAt: z.string(), contracts: z.array(contractViewSchema) });

export const contractDetailSchema = z.object({
  contract: contractViewSchema,
  kpis: z.array(kpiViewSchema),
  procurements: z.array(procurementViewSchema),
  /** Changes to the contract, its KPIs and procurements, newest first (empty for providers). */
  history: z.array(contractHistoryEntrySchema),
});

export const recommissioningSchema = z.object({
  asAt: z.string(),
  horizon: z.literal(HORIZONS),
  totals: z.array(z.object({ horizon: z.literal(HORIZONS), contracts: z.number(), annualValuePence: z.number() })),
  entries: z.array(recommissioningEntrySchema),
});

export const procurementListSchema = z.object({ asAt: z.string(), procurements: z.array(procurementViewSchema) });

export const kpiListSchema = z.object({ asAt: z.string(), kpis: z.array(kpiViewSchema) });

/** GET /delivery-plan: the plan by priority and by responsible service area (plan null when none is loaded). */
export const deliveryPlanSchema = z.object({
  asAt: z.string(),
  plan: z
    .object({
      id: z.string(),
      title: z.string(),
      years: z.array(z.string()),
      links: z.record(
        z.string(),
        z.object({ contractId: z.string().nullable(), procurementId: z.string().nullable() }),
      ),
      milestoneIds: z.record(z.string(), z.array(z.string())),
    })
    .nullable(),
  byPriority: z.array(priorityGroupSchema),
  byServiceArea: z.array(
    z.object({
      serviceArea: z.string(),
      actions: z.array(actionViewSchema),
      ragCounts: z.record(ragSchema, z.number()),
    }),
  ),
});

/** GET /risks: the bands, every risk with its score and trend, and the likelihood x impact heat map. */
export const riskRegisterSchema = z.object({
  asAt: z.string(),
  bands: z.array(riskBandSchema),
  risks: z.array(riskListItemSchema),
  heatMap: z.array(z.object({ likelihood: z.number(), impact: z.number(), count: z.number(), score: z.number() })),
});
