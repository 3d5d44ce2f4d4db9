// JSON shapes of the discharge API as the browser receives them (dates are ISO strings).
import type { DelayKey } from '../../../src/domain/discharge/metrics';
import type { Pathway, ReferralStatus, ServiceNeed } from '../../../src/domain/discharge/referral';

export interface Delay {
  id: string;
  reason: string;
  from: string;
  to: string | null;
  note: string;
}

export interface Referral {
  id: string;
  personRef: string;
  ageBand: string;
  postcodeDistrict: string;
  hospital: string;
  ward: string;
  pathway: Pathway;
  serviceNeed: ServiceNeed;
  homecareHoursPerWeek: number | null;
  callsPerDay: number | null;
  doubleHanded: boolean;
  specialisms: string[];
  equipment: string[];
  needsSummary: string;
  fundingRoute: string;
  referredAt: string;
  medicallyOptimisedAt: string;
  requestSentAt: string | null;
  firstOfferAt: string | null;
  awardedAt: string | null;
  dischargedAt: string | null;
  cancelledAt: string | null;
  destination: string | null;
  status: ReferralStatus;
  delays: Delay[];
}

export interface ResponseView {
  id: string;
  providerId: string;
  providerName: string;
  locationId: string;
  locationName: string;
  postcodeDistrict: string;
  cqcRating: string | null;
  status: 'sent' | 'offered' | 'declined' | 'awarded' | 'not_selected' | 'withdrawn';
  sentAt: string;
  respondedAt: string | null;
  pricePence: number | null;
  earliestStart: string | null;
  canAssessBy: string | null;
  declineReason: string | null;
  declineReasonLabel: string | null;
  note: string;
}

export interface ReferralDetail {
  referral: Referral;
  responses: ResponseView[];
  restricted: { name: string | null; nhsNumber: string | null } | null;
  /** What the summary for providers would reveal (hub roles only): NHS numbers, full postcodes, the name. */
  screening?: { kind: string; text: string; message: string }[];
}

export interface Reason {
  kind: string;
  tone: 'good' | 'neutral' | 'warning';
  text: string;
}
export interface Candidate {
  locationId: string;
  providerId: string;
  name: string;
  providerName: string;
  postcodeDistrict: string;
  distanceKm: number | null;
  capacity: number;
  capacityUnit: 'beds' | 'hours';
  cqcRating: string | null;
  pricePence: number | null;
  usualRatePence: number | null;
  dataAgeDays: number;
  named: boolean;
  score: number;
  reasons: Reason[];
}
export interface CandidateResult {
  candidates: Candidate[];
  excluded: Record<string, number>;
  usualRatePence: number | null;
  band: string | null;
  considered: number;
}

export interface BoardEntry {
  referralId: string;
  personRef: string;
  pathway: Pathway;
  serviceNeed: ServiceNeed;
  hospital: string;
  ward: string;
  postcodeDistrict: string;
  medicallyOptimisedAt: string;
  daysWaited: number;
  status: ReferralStatus;
  delayReason: DelayKey;
  offers: number;
}
export interface BoardLane {
  pathway: Pathway;
  waiting: number;
  medianDaysWaited: number | null;
  waitingSevenDaysOrMore: number;
  entries: BoardEntry[];
}

export interface WaitSummary {
  n: number;
  medianDays: number | null;
  p90Days: number | null;
}
export interface PeriodMetrics {
  period: string;
  referrals: Record<Pathway, number>;
  discharges: Record<Pathway, number>;
  wait: WaitSummary;
  waitByPathway: Record<Pathway, WaitSummary>;
  sameOrNextDay: number;
  sameOrNextDayShare: number | null;
  delayedBedDays: Record<DelayKey, number>;
  delayedBedDaysTotal: number;
  requestsSent: number;
  offersReceived: number;
  offersPerRequest: number | null;
  firstOfferMedianHours: number | null;
  dischargesToUsualResidence: number;
  usualResidenceShare: number | null;
}
export interface ProviderAcceptance {
  providerId: string;
  providerName: string;
  received: number;
  offers: number;
  declines: number;
  noResponse: number;
  awarded: number;
  acceptanceRate: number | null;
  successRate: number | null;
  medianResponseHours: number | null;
}
export interface MetricsReport {
  period: 'week' | 'month';
  from: string;
  to: string;
  asAt: string;
  rows: PeriodMetrics[];
  acceptance: ProviderAcceptance[];
}

export interface ProviderRequest {
  id: string;
  requestRef: string;
  locationId: string;
  locationName: string;
  pathway: number;
  serviceNeed: ServiceNeed;
  ageBand: string;
  postcodeDistrict: string;
  needsSummary: string;
  homecareHoursPerWeek: number | null;
  callsPerDay: number | null;
  doubleHanded: boolean;
  specialisms: string[];
  equipment: string[];
  fundingRoute: string;
  medicallyOptimisedAt: string;
  sentAt: string;
  status: ResponseView['status'];
  respondedAt: string | null;
  pricePence: number | null;
  earliestStart: string | null;
  canAssessBy: string | null;
  declineReason: string | null;
  note: string;
}
