// Schemas of the discharge hub's reports (/api/discharge): metrics by period with providers' acceptance,
// discharge-to-assess bed occupancy and stays, and the history of arrivals and episodes. The web app takes its
// types from them.
import { z } from 'zod';
import { PATHWAYS, SERVICE_NEEDS } from '../../../domain/discharge/referral.js';
import { instant } from '../../schemas.js';
import { delayKeySchema } from './referrals.js';

/** Period */
export const periodSchema = z.enum(['week', 'month']);

/** PathwayCounts */
export const pathwayCountsSchema = z.object({
  '0': z.number(),
  '1': z.number(),
  '2': z.number(),
  '3': z.number(),
});

/** WaitSummary */
export const waitSummarySchema = z.object({
  n: z.number(),
  medianDays: z.number().nullable(),
  p90Days: z.number().nullable(),
});

/** PeriodMetrics */
export const periodMetricsSchema = z.object({
  period: z.string(),
  referrals: pathwayCountsSchema,
  discharges: pathwayCountsSchema,
  wait: waitSummarySchema,
  waitByPathway: z.object({
    '0': waitSummarySchema,
    '1': waitSummarySchema,
    '2': waitSummarySchema,
    '3': waitSummarySchema,
  }),
  sameOrNextDay: z.number(),
  sameOrNextDayShare: z.number().nullable(),
  delayedBedDays: z.record(delayKeySchema, z.number()),
  delayedBedDaysTotal: z.number(),
  requestsSent: z.number(),
  offersReceived: z.number(),
  offersPerRequest: z.number().nullable(),
  firstOfferMedianHours: z.number().nullable(),
  dischargesToUsualResidence: z.number(),
  usualResidenceShare: z.number().nullable(),
});

/** ProviderAcceptance */
export const providerAcceptanceSchema = z.object({
  providerId: z.string(),
  providerName: z.string(),
  received: z.number(),
  offers: z.number(),
  declines: z.number(),
  noResponse: z.number(),
  awarded: z.number(),
  acceptanceRate: z.number().nullable(),
  successRate: z.number().nullable(),
  medianResponseHours: z.number().nullable(),
});

/** OccupancyDay */
export const occupancyDaySchema = z.object({
  date: z.string(),
  beds: z.number(),
  occupied: z.number(),
});

/** CurrentStay */
export const currentStaySchema = z.object({
  stayId: z.string(),
  bedId: z.string(),
  personRef: z.string(),
  admittedAt: instant,
  daysIn: z.number(),
  daysToLimit: z.number(),
  overLimit: z.boolean(),
});

/** HistoryArrivals */
export const historyArrivalsSchema = z.object({
  date: z.string(),
  byPathway: z.object({
    '0': z.number(),
    '1': z.number(),
    '2': z.number(),
    '3': z.number(),
  }),
});

/** HistoryService */
export const historyServiceSchema = z.enum(['none', 'p1_home', 'p2_bed', 'p3_d2a_bed', 'p3_care_home']);

/** HistoryEpisode */
export const historyEpisodeSchema = z.object({
  referralId: z.string(),
  pathway: z.literal(PATHWAYS),
  serviceNeed: z.enum(SERVICE_NEEDS),
  service: historyServiceSchema,
  readyAt: instant,
  startedAt: instant.nullable(),
  endedAt: instant.nullable(),
  waitDays: z.number(),
  waiting: z.boolean(),
  lengthOfStayDays: z.number().nullable(),
  nextPathway: z.literal(PATHWAYS).nullable(),
  outcome: z.string().nullable(),
});

/** Discharge metrics by week or month, with providers' acceptance over the same days. */
export const metricsSchema = z.object({
  period: periodSchema,
  from: z.string(),
  to: z.string(),
  asAt: z.string(),
  rows: z.array(periodMetricsSchema),
  acceptance: z.array(providerAcceptanceSchema),
  /** Records left out because a stored date is implausible, in plain words. */
  warnings: z.array(z.string()),
});

/** Discharge-to-assess (or rehabilitation) beds: occupancy by day, current stays, length of stay and outcomes. */
export const d2aSchema = z.object({
  kind: z.enum(['d2a', 'rehab']),
  from: z.string(),
  to: z.string(),
  occupancy: z.array(occupancyDaySchema),
  beds: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      locationId: z.string(),
      locationName: z.string(),
      weeklyPricePence: z.number(),
    }),
  ),
  bedsContracted: z.number(),
  occupiedNow: z.number(),
  occupancyNow: z.number().nullable(),
  meanOccupancy: z.number().nullable(),
  current: z.array(currentStaySchema),
  completed: z.number(),
  medianLengthOfStayDays: z.number().nullable(),
  overLimitCompleted: z.number(),
  overLimitShare: z.number().nullable(),
  outcomes: z.object({
    other: z.number(),
    usual_residence: z.number(),
    care_home: z.number(),
    died: z.number(),
    hospital: z.number(),
  }),
  outcomeShares: z.object({
    other: z.number().nullable(),
    usual_residence: z.number().nullable(),
    care_home: z.number().nullable(),
    died: z.number().nullable(),
    hospital: z.number().nullable(),
  }),
});

/** Arrivals by day and pathway, and each episode of the people discharged, over a date range. */
export const historySchema = z.object({
  from: z.string(),
  to: z.string(),
  asAt: z.string(),
  arrivals: z.array(historyArrivalsSchema),
  episodes: z.array(historyEpisodeSchema),
});
