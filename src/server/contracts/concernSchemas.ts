// Wire shapes of provider concerns (src/db/contracts/concerns.ts), shared by the routes and the web pages.
import { z } from 'zod';
import { CONCERN_STATUSES } from '../../domain/contracts/concern.js';

/** One concern as listed (ConcernView): a provider reader gets null for the safeguarding date and reference. */
export const concernViewSchema = z.object({
  id: z.string(),
  locationId: z.string(),
  locationName: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  kind: z.string(),
  raisedOn: z.string(),
  summary: z.string(),
  status: z.enum(CONCERN_STATUSES),
  closedOn: z.string().nullable(),
  agreedAction: z.string().nullable(),
  safeguardingReferralOn: z.string().nullable(),
  safeguardingReference: z.string().nullable(),
  safeguardingReferred: z.boolean(),
  providerResponse: z.string().nullable(),
  providerRespondedOn: z.string().nullable(),
});

/** One step of a concern's history (ConcernEventView). */
export const concernEventSchema = z.object({
  /** When the step was recorded. */
  at: z.string(),
  /** The day it happened as the officer gave it (ISO date); null for steps recorded before this was kept. */
  on: z.string().nullable(),
  kind: z.enum(['log', 'transition', 'safeguarding_referral', 'provider_response']),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  note: z.string().nullable(),
  by: z.string(),
});

/** A concern with its history, oldest step first. */
export const concernDetailSchema = concernViewSchema.extend({ history: z.array(concernEventSchema) });
