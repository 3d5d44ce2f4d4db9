// Schemas of the discharge hub's referrals (/api/discharge): the board, referrals with their delays and providers'
// responses, ranked candidate providers, requests sent and awards. The web app takes its types from them.
import { z } from 'zod';
import { RESPONSE_STATUSES } from '../../../domain/discharge/brokerage.js';
import {
  DELAY_REASONS,
  DESTINATIONS,
  FUNDING_ROUTES,
  PATHWAYS,
  REFERRAL_STATUSES,
  SERVICE_NEEDS,
} from '../../../domain/discharge/referral.js';
import { instant } from '../../schemas.js';

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

/** The discharge board: referrals waiting, in one lane per pathway, as at a moment. */
export const boardSchema = z.object({
  asAt: z.string(),
  lanes: z.array(boardLaneSchema),
});

/** Referrals as listed. */
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

/** One referral with providers' responses, restricted details (hub roles only, else null) and screening findings. */
export const referralDetailSchema = z.object({
  referral: referralSchema,
  responses: z.array(responseViewSchema),
  restricted: restrictedDetailsSchema.nullable(),
  screening: z.array(screeningFindingSchema),
});

/** Providers ranked for a referral, with the origin for distance, the usual rate, and those left out by reason. */
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

/** Requests sent to providers, and how many had already been sent. */
export const sentSchema = z.object({
  sent: z.number(),
  alreadySent: z.number(),
});

/** A referral just created or changed. */
export const referralResponseSchema = z.object({
  referral: referralSchema,
});

/** An award: the placement or bed stay it made, the weekly price in pence, the vacancy left, providers notified. */
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
