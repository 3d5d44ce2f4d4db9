// JSON shapes of the discharge API as the browser receives them: taken from the server's response schemas
// (src/server/discharge/schemas/), so they cannot drift from what the server sends.
import type { Wire } from '../../../src/server/schemas';
import type {
  boardEntrySchema,
  boardLaneSchema,
  candidatesSchema,
  candidateSchema,
  matchReasonSchema,
  referralDetailSchema,
  referralSchema,
  responseViewSchema,
} from '../../../src/server/discharge/schemas/referrals';
import type {
  metricsSchema,
  periodMetricsSchema,
  providerAcceptanceSchema,
  waitSummarySchema,
} from '../../../src/server/discharge/schemas/metrics';
import type { providerRecordSchema, providerRequestViewSchema } from '../../../src/server/discharge/schemas/providers';

export type Referral = Wire<typeof referralSchema>;
export type Delay = Referral['delays'][number];
export type ResponseView = Wire<typeof responseViewSchema>;
export type ReferralDetail = Wire<typeof referralDetailSchema>;
export type Reason = Wire<typeof matchReasonSchema>;
export type Candidate = Wire<typeof candidateSchema>;
export type CandidateResult = Wire<typeof candidatesSchema>;
export type BoardEntry = Wire<typeof boardEntrySchema>;
export type BoardLane = Wire<typeof boardLaneSchema>;
export type WaitSummary = Wire<typeof waitSummarySchema>;
export type PeriodMetrics = Wire<typeof periodMetricsSchema>;
export type ProviderAcceptance = Wire<typeof providerAcceptanceSchema>;
export type MetricsReport = Wire<typeof metricsSchema>;
export type ProviderRequest = Wire<typeof providerRequestViewSchema>;
export type ProviderRecord = Wire<typeof providerRecordSchema>;
