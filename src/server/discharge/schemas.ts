// Response schemas of the discharge hub API (/api/discharge). Routes declare them; the web app takes its types
// from them (`Wire<typeof schema>`), so the server and the browser share one contract.
import { z } from 'zod';
import { RESPONSE_STATUSES } from '../../domain/discharge/brokerage.js';
import {
  DELAY_REASONS,
  DESTINATIONS,
  FUNDING_ROUTES,
  PATHWAYS,
  REFERRAL_STATUSES,
  SERVICE_NEEDS,
} from '../../domain/discharge/referral.js';
import { instant } from '../schemas.js';

/** DelayKey */
export const delayKeySchema = z.enum([...DELAY_REASONS, 'unrecorded']);

/** BoardEntry */
export const boardEntrySchema = z.object({
  referralId: z.string(),
  personRef: z.string(),
  pathway: z.literal(PATHWAYS),
  serviceNeed: z.enum(SERVICE_NEEDS),
  hospital: z.string(),
  ward: z.string(),
  postcodeDistrict: z.string(),
  medicallyOptimisedAt: instant,
  daysWaited: z.number(),
  status: z.enum(REFERRAL_STATUSES),
  delayReason: delayKeySchema,
  offers: z.number(),
});

/** BoardLane */
export const boardLaneSchema = z.object({
  pathway: z.literal(PATHWAYS),
  waiting: z.number(),
  medianDaysWaited: z.number().nullable(),
  waitingSevenDaysOrMore: z.number(),
  entries: z.array(boardEntrySchema),
});

/** Referral */
export const referralSchema = z.object({
  id: z.string(),
  personRef: z.string(),
  ageBand: z.string(),
  postcodeDistrict: z.string(),
  hospital: z.string(),
  ward: z.string(),
  pathway: z.literal(PATHWAYS),
  serviceNeed: z.enum(SERVICE_NEEDS),
  homecareHoursPerWeek: z.number().nullable(),
  callsPerDay: z.number().nullable(),
  doubleHanded: z.boolean(),
  specialisms: z.array(z.string()),
  equipment: z.array(z.string()),
  needsSummary: z.string(),
  fundingRoute: z.enum(FUNDING_ROUTES),
  preferredDistricts: z.array(z.string()),
  preferredLocationIds: z.array(z.string()),
  referredAt: instant,
  medicallyOptimisedAt: instant,
  requestSentAt: instant.nullable(),
  firstOfferAt: instant.nullable(),
  awardedAt: instant.nullable(),
  dischargedAt: instant.nullable(),
  cancelledAt: instant.nullable(),
  cancelReason: z.string().nullable(),
  destination: z.enum(DESTINATIONS).nullable(),
  status: z.enum(REFERRAL_STATUSES),
  delays: z.array(
    z.object({
      reason: z.enum(DELAY_REASONS),
      from: instant,
      to: instant.nullable(),
      id: z.string(),
      note: z.string(),
    }),
  ),
});

/** ResponseView */
export const responseViewSchema = z.object({
  id: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  locationId: z.string(),
  locationName: z.string(),
  postcodeDistrict: z.string(),
  cqcRating: z.string().nullable(),
  status: z.enum(RESPONSE_STATUSES),
  sentAt: instant,
  respondedAt: instant.nullable(),
  pricePence: z.number().nullable(),
  earliestStart: z.string().nullable(),
  canAssessBy: z.string().nullable(),
  declineReason: z.string().nullable(),
  declineReasonLabel: z.string().nullable(),
  note: z.string(),
});

/** RestrictedDetails */
export const restrictedDetailsSchema = z.object({
  name: z.string().nullable(),
  nhsNumber: z.string().nullable(),
});

/** LatLng */
export const latLngSchema = z.object({
  lat: z.number(),
  lng: z.number(),
});

/** ScoreParts */
export const scorePartsSchema = z.object({
  distance: z.number(),
  quality: z.number(),
  price: z.number(),
  freshness: z.number(),
  bonus: z.number(),
});

/** ReasonKind */
export const reasonKindSchema = z.enum([
  'price',
  'service',
  'specialism',
  'capacity',
  'quality',
  'distance',
  'freshness',
  'preference',
  'contract',
]);

/** MatchReason */
export const matchReasonSchema = z.object({
  kind: reasonKindSchema,
  tone: z.enum(['good', 'neutral', 'warning']),
  text: z.string(),
});

/** Candidate */
export const candidateSchema = z.object({
  locationId: z.string(),
  providerId: z.string(),
  name: z.string(),
  providerName: z.string(),
  postcodeDistrict: z.string(),
  distanceKm: z.number().nullable(),
  capacity: z.number(),
  capacityUnit: z.enum(['beds', 'hours']),
  cqcRating: z.string().nullable(),
  pricePence: z.number().nullable(),
  usualRatePence: z.number().nullable(),
  dataAgeDays: z.number(),
  named: z.boolean(),
  score: z.number(),
  parts: scorePartsSchema,
  reasons: z.array(matchReasonSchema),
});

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

/** ProviderRequestView */
export const providerRequestViewSchema = z.object({
  id: z.string(),
  locationId: z.string(),
  locationName: z.string(),
  status: z.enum(RESPONSE_STATUSES),
  respondedAt: instant.nullable(),
  pricePence: z.number().nullable(),
  earliestStart: z.string().nullable(),
  canAssessBy: z.string().nullable(),
  declineReason: z.string().nullable(),
  note: z.string(),
  requestRef: z.string(),
  pathway: z.number(),
  serviceNeed: z.enum(SERVICE_NEEDS),
  ageBand: z.string(),
  postcodeDistrict: z.string(),
  needsSummary: z.string(),
  homecareHoursPerWeek: z.number().nullable(),
  callsPerDay: z.number().nullable(),
  doubleHanded: z.boolean(),
  specialisms: z.array(z.string()),
  equipment: z.array(z.string()),
  fundingRoute: z.enum(FUNDING_ROUTES),
  medicallyOptimisedAt: instant,
  sentAt: instant,
});

export const boardSchema = z.object({
  asAt: z.string(),
  lanes: z.array(boardLaneSchema),
});

export const referralListSchema = z.object({
  referrals: z.array(referralSchema),
});

/** What the summary for providers would reveal (hub roles only): NHS numbers, full postcodes, the name. */
export const screeningFindingSchema = z.object({
  kind: z.string(),
  text: z.string(),
  index: z.number(),
  message: z.string(),
});

export const referralDetailSchema = z.object({
  referral: referralSchema,
  responses: z.array(responseViewSchema),
  restricted: restrictedDetailsSchema.nullable(),
  screening: z.array(screeningFindingSchema),
});

export const candidatesSchema = z.object({
  origin: latLngSchema.nullable(),
  usualRatePence: z.number().nullable(),
  band: z.string().nullable(),
  considered: z.number(),
  candidates: z.array(candidateSchema),
  excluded: z.object({
    service: z.number(),
    specialism: z.number(),
    capacity: z.number(),
    quality: z.number(),
  }),
});

export const sentSchema = z.object({
  sent: z.number(),
  alreadySent: z.number(),
});

/** A referral just created or changed. */
export const referralResponseSchema = z.object({
  referral: referralSchema,
});

export const awardSchema = z.object({
  awardId: z.string(),
  placementId: z.string().nullable(),
  bedStayId: z.string().nullable(),
  weeklyPricePence: z.number(),
  vacancyAfter: z.union([
    z.object({
      vacantAccepting: z.number(),
    }),
    z.object({
      hoursAvailable: z.number(),
    }),
    z.object({
      blockBedsFree: z.number(),
    }),
  ]),
  notified: z.number(),
});

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

export const historySchema = z.object({
  from: z.string(),
  to: z.string(),
  asAt: z.string(),
  arrivals: z.array(historyArrivalsSchema),
  episodes: z.array(historyEpisodeSchema),
});

export const providerRequestsSchema = z.object({
  requests: z.array(providerRequestViewSchema),
});

export const providerRecordSchema = z.object({
  from: z.string(),
  to: z.string(),
  record: providerAcceptanceSchema.nullable(),
  notifications: z.array(
    z.object({
      id: z.string(),
      providerId: z.string(),
      requestId: z.string().nullable(),
      kind: z.string(),
      message: z.string(),
      createdAt: instant,
      readAt: instant.nullable(),
    }),
  ),
});
