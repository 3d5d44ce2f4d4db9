// Requests, offers and awards. A request goes to chosen providers (or to every framework/DPS provider for
// the service, as a dynamic purchasing system does); each provider answers with an offer or a decline; the
// broker awards one offer, which becomes a placement or package at the agreed price.
import { BOUNDS, latestOfferDate } from '../core/bounds.js';
import { z } from 'zod';
import { isoDateSchema } from '../core/dates.js';
import { poundsText } from '../core/money.js';
import { CARE_HOME_NEEDS, type FundingRoute, type ServiceNeed } from './referral.js';
import { hoursNeeded } from './matching.js';

export const DECLINE_REASONS = ['no_vacancy', 'cannot_meet_needs', 'staffing', 'location', 'price', 'other'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];
export const DECLINE_REASON_LABELS: Record<DeclineReason, string> = {
  no_vacancy: 'No vacancy',
  cannot_meet_needs: 'Cannot meet the person’s needs',
  staffing: 'Not enough staff',
  location: 'Outside the area we cover',
  price: 'Cannot work at this price',
  other: 'Other',
};

/** Where a provider's answer to a request stands. */
export const RESPONSE_STATUSES = ['sent', 'offered', 'declined', 'awarded', 'not_selected', 'withdrawn'] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];

export const sendRequestSchema = z
  .object({
    mode: z.enum(['chosen', 'framework'], { message: 'Choose who to send the request to' }),
    locationIds: z.array(z.string().uuid()).max(50, 'Send to 50 providers or fewer').default([]),
    /** Send although the summary for providers was screened as holding identifying details (the broker checked). */
    sendAnyway: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if (v.mode === 'chosen' && v.locationIds.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['locationIds'],
        message: 'Select at least one provider to send the request to',
      });
    }
  });
export type SendRequestInput = z.output<typeof sendRequestSchema>;

const isoDate = isoDateSchema;

/**
 * A provider's answer. The offer's price is integer pence, as stored (the web form turns the pounds typed into
 * pence): a weekly price for a care-home place, an hourly rate for home care or reablement.
 */
/** An offer asks at most this: £10,000 a week or an hour, in pence. */
export const MAX_OFFER_PENCE = 1_000_000;

export const responseInputSchema = z.discriminatedUnion(
  'response',
  [
    z.object({
      response: z.literal('offer'),
      pricePence: z
        .number({ message: 'Enter the price in pence, as a whole number' })
        .int('Enter the price in whole pence')
        .positive('Price must be more than £0')
        .max(MAX_OFFER_PENCE, `Price must be ${poundsText(MAX_OFFER_PENCE)} or less`)
        .describe('Weekly price (care home) or hourly rate (home care, reablement) in pence'),
      earliestStart: isoDate,
      canAssessBy: isoDate,
      note: z.string().trim().max(500, 'Note must be 500 characters or fewer').default(''),
    }),
    z.object({
      response: z.literal('decline'),
      declineReason: z.enum(DECLINE_REASONS, { message: 'Select a reason for declining' }),
      note: z.string().trim().max(500, 'Note must be 500 characters or fewer').default(''),
    }),
  ],
  { message: 'Choose whether to offer or decline' },
);
export type ResponseInput = z.output<typeof responseInputSchema>;

/** Checks that an offer's dates make sense against today's date (London). Returns field errors. */
export function offerDateErrors(
  input: { earliestStart: string; canAssessBy: string },
  today: string,
): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  if (input.canAssessBy < today)
    errors.push({ field: 'canAssessBy', message: 'Assessment date must be today or in the future' });
  const latest = latestOfferDate(today);
  if (input.canAssessBy > latest)
    errors.push({
      field: 'canAssessBy',
      message: `Assessment date must be within the next ${BOUNDS.offerDaysAhead} days`,
    });
  if (input.earliestStart < today)
    errors.push({ field: 'earliestStart', message: 'Earliest start must be today or in the future' });
  else if (input.earliestStart > latest)
    errors.push({
      field: 'earliestStart',
      message: `Earliest start must be within the next ${BOUNDS.offerDaysAhead} days`,
    });
  else if (input.earliestStart < input.canAssessBy)
    errors.push({ field: 'earliestStart', message: 'Earliest start must be on or after the assessment date' });
  return errors;
}

/** Why this response cannot be awarded now, or null if it can. */
export function awardBlocker(state: {
  responseStatus: ResponseStatus;
  referralAwarded: boolean;
  referralClosed: boolean;
}): string | null {
  if (state.referralClosed) return 'This referral is closed: the person has been discharged or the referral cancelled';
  if (state.referralAwarded) return 'This request has already been awarded';
  if (state.responseStatus !== 'offered') return 'Only an open offer can be awarded';
  return null;
}

/** Why this provider cannot answer now, or null if it can. */
export function responseBlocker(state: {
  responseStatus: ResponseStatus;
  referralAwarded: boolean;
  referralClosed: boolean;
}): string | null {
  if (state.referralClosed || state.referralAwarded) return 'This request has closed';
  if (state.responseStatus !== 'sent' && state.responseStatus !== 'offered' && state.responseStatus !== 'declined') {
    return 'This request can no longer be answered';
  }
  return null;
}

/** Market funding vocabulary for each discharge funding route (the ASC Discharge Fund is a pooled BCF line). */
export const FUNDING_FOR_PLACEMENT: Record<FundingRoute, string> = {
  discharge_fund: 'joint',
  council: 'council',
  nhs_chc: 'nhs',
  self_funded: 'self_funded',
};

export interface PlacementPlan {
  serviceType: 'care_home_residential' | 'care_home_nursing' | 'homecare';
  band: string;
  weeklyPricePence: number;
  hoursPerWeek: number | null;
  hourlyRatePence: number | null;
  funding: string;
  contractType: 'spot' | 'framework' | 'dps' | 'block';
  purpose: 'long_term' | 'd2a' | 'short_term';
}

/**
 * The placement or package an award creates. The offer price is weekly for beds and hourly for homecare.
 * D2A beds are block-booked, so the contract is the block; otherwise framework/DPS membership decides.
 */
export function placementFromAward(args: {
  serviceNeed: ServiceNeed;
  offerPricePence: number;
  homecareHoursPerWeek: number | null;
  doubleHanded: boolean;
  fundingRoute: FundingRoute;
  location: { serviceTypes: readonly string[]; onFramework: boolean; onDps: boolean };
  band: string | null;
}): PlacementPlan {
  const need = args.serviceNeed;
  const contractType: PlacementPlan['contractType'] =
    need === 'd2a_bed' || need === 'rehab_bed'
      ? 'block'
      : args.location.onFramework
        ? 'framework'
        : args.location.onDps
          ? 'dps'
          : 'spot';
  const funding = FUNDING_FOR_PLACEMENT[args.fundingRoute];
  if (need === 'homecare' || need === 'reablement') {
    const hours = hoursNeeded({
      homecareHoursPerWeek: args.homecareHoursPerWeek ?? 0,
      doubleHanded: args.doubleHanded,
    });
    return {
      serviceType: 'homecare',
      band: args.band ?? 'homecare_hourly',
      weeklyPricePence: Math.round(hours * args.offerPricePence),
      hoursPerWeek: hours,
      hourlyRatePence: args.offerPricePence,
      funding,
      contractType,
      purpose: need === 'reablement' ? 'short_term' : 'long_term',
    };
  }
  const nursing =
    need === 'care_home_nursing' ||
    ((need === 'd2a_bed' || need === 'rehab_bed' || need === 'care_home_dementia') &&
      args.location.serviceTypes.includes('care_home_nursing'));
  return {
    serviceType: nursing ? 'care_home_nursing' : 'care_home_residential',
    band: args.band ?? (nursing ? 'standard_nursing' : 'standard_residential'),
    weeklyPricePence: args.offerPricePence,
    hoursPerWeek: null,
    hourlyRatePence: null,
    funding,
    contractType,
    purpose: need === 'd2a_bed' ? 'd2a' : need === 'rehab_bed' ? 'short_term' : 'long_term',
  };
}

export interface CareHomeFigures {
  maxCapacity: number;
  occupied: number;
  vacantReserved: number;
  vacantAccepting: number;
  residentialMax: number | null;
  residentialOccupied: number | null;
  residentialVacantAccepting: number | null;
  nursingMax: number | null;
  nursingOccupied: number | null;
  nursingVacantAccepting: number | null;
  dementiaMax: number | null;
  dementiaOccupied: number | null;
  dementiaVacantAccepting: number | null;
}

/** Which split column a care home need draws on. */
function splitFor(need: ServiceNeed): 'residential' | 'nursing' | 'dementia' | null {
  if (need === 'care_home_residential') return 'residential';
  if (need === 'care_home_nursing') return 'nursing';
  if (need === 'care_home_dementia') return 'dementia';
  return null;
}

/**
 * A care home's capacity figures after one more admission: one bed fewer vacant and accepting, one more
 * occupied, in the total and in the matching split. Throws when no bed is left, which is what stops two
 * brokers taking the same last bed (the caller holds a row lock on the figures).
 */
export function careHomeAfterAdmission(before: CareHomeFigures, need: ServiceNeed): CareHomeFigures {
  if (!CARE_HOME_NEEDS.includes(need) && need !== 'd2a_bed' && need !== 'rehab_bed')
    throw new Error(`Not a care home need: ${need}`);
  const split = splitFor(need);
  const splitVacant = split ? before[`${split}VacantAccepting`] : null;
  if (before.vacantAccepting <= 0 || (splitVacant !== null && splitVacant <= 0)) {
    throw new NoCapacityError('No bed is vacant and accepting admissions at this home any more');
  }
  const after: CareHomeFigures = {
    ...before,
    vacantAccepting: before.vacantAccepting - 1,
    occupied: before.occupied + 1,
  };
  if (split && splitVacant !== null) {
    after[`${split}VacantAccepting`] = splitVacant - 1;
    const occ = before[`${split}Occupied`];
    if (occ !== null) after[`${split}Occupied`] = occ + 1;
  }
  return after;
}

/** Homecare hours left after taking on a package; throws when the provider no longer has them. */
export function homecareAfterPackage(hoursAvailable: number, hours: number): number {
  if (hoursAvailable + 1e-9 < hours) {
    throw new NoCapacityError(
      `The provider has ${hoursAvailable} new hours a week available; this package needs ${hours}`,
    );
  }
  return Math.round((hoursAvailable - hours) * 100) / 100;
}

export class NoCapacityError extends Error {
  override name = 'NoCapacityError';
}

/** What a provider is allowed to see of a referral: no name, no NHS number, postcode district only. */
export interface AnonymisedRequest {
  requestRef: string;
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
  fundingRoute: FundingRoute;
  medicallyOptimisedAt: Date;
  sentAt: Date;
}

/**
 * What a provider sees of a request: needs, pathway and postcode district under a request reference of its own
 * response; never the person's name, NHS number, hub reference or ward.
 */
export function anonymiseForProvider(
  r: Omit<AnonymisedRequest, 'requestRef' | 'sentAt'> & { referralId: string },
  response: { id: string; sentAt: Date },
): AnonymisedRequest {
  return {
    // The provider gets a reference for its own response, never the hub's person reference.
    requestRef: `REQ-${response.id.slice(0, 8).toUpperCase()}`,
    pathway: r.pathway,
    serviceNeed: r.serviceNeed,
    ageBand: r.ageBand,
    postcodeDistrict: r.postcodeDistrict,
    needsSummary: r.needsSummary,
    homecareHoursPerWeek: r.homecareHoursPerWeek,
    callsPerDay: r.callsPerDay,
    doubleHanded: r.doubleHanded,
    specialisms: [...r.specialisms],
    equipment: [...r.equipment],
    fundingRoute: r.fundingRoute,
    medicallyOptimisedAt: r.medicallyOptimisedAt,
    sentAt: response.sentAt,
  };
}
