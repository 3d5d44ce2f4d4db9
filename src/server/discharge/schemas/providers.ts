// Schemas of what providers see of the discharge hub (/api/discharge): the requests sent to them and their own
// response record with notifications. The web app takes its types from them.
import { z } from 'zod';
import { RESPONSE_STATUSES } from '../../../domain/discharge/brokerage.js';
import { FUNDING_ROUTES, SERVICE_NEEDS } from '../../../domain/discharge/referral.js';
import { instant } from '../../schemas.js';
import { providerAcceptanceSchema } from './metrics.js';

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

/** The requests a provider has received. */
export const providerRequestsSchema = z.object({
  requests: z.array(providerRequestViewSchema),
});

/** A provider's own response record over a date range, and its notifications. */
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
