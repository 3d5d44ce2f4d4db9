// The discharge referral: a pseudonymous person who is medically optimised and needs help to leave hospital.
// Only the minimum a broker needs is held here; name and NHS number are "restricted details", kept apart
// and shown only to staff roles (see src/db/discharge/).
import { BOUNDS } from '../core/bounds.js';
import { z } from 'zod';
import { userMessage } from '../core/messages.js';
import { normalisePostcodeDistrict } from './geo.js';

export const PATHWAYS = [0, 1, 2, 3] as const;
export type Pathway = (typeof PATHWAYS)[number];

export const PATHWAY_LABELS: Record<Pathway, string> = {
  0: 'Pathway 0: home, no new support',
  1: 'Pathway 1: home with support',
  2: 'Pathway 2: bed-based rehabilitation',
  3: 'Pathway 3: care home',
};

/** What the person needs on leaving hospital. */
export const SERVICE_NEEDS = [
  'none',
  'reablement',
  'homecare',
  'rehab_bed',
  'd2a_bed',
  'care_home_residential',
  'care_home_nursing',
  'care_home_dementia',
] as const;
export type ServiceNeed = (typeof SERVICE_NEEDS)[number];

export const SERVICE_NEED_LABELS: Record<ServiceNeed, string> = {
  none: 'No new support',
  reablement: 'Reablement (Home First)',
  homecare: 'Homecare',
  rehab_bed: 'Community rehabilitation bed',
  d2a_bed: 'Discharge to assess (D2A) bed',
  care_home_residential: 'Care home: residential',
  care_home_nursing: 'Care home: nursing',
  care_home_dementia: 'Care home: dementia',
};

/** Which needs each pathway may have: the pathway is the setting, the need is the service. */
export const NEEDS_BY_PATHWAY: Record<Pathway, readonly ServiceNeed[]> = {
  0: ['none'],
  1: ['reablement', 'homecare'],
  2: ['rehab_bed', 'd2a_bed'],
  3: ['d2a_bed', 'care_home_residential', 'care_home_nursing', 'care_home_dementia'],
};

export const HOME_BASED_NEEDS: readonly ServiceNeed[] = ['reablement', 'homecare'];
export const CARE_HOME_NEEDS: readonly ServiceNeed[] = [
  'care_home_residential',
  'care_home_nursing',
  'care_home_dementia',
];

export const FUNDING_ROUTES = ['discharge_fund', 'council', 'nhs_chc', 'self_funded'] as const;
export type FundingRoute = (typeof FUNDING_ROUTES)[number];
export const FUNDING_ROUTE_LABELS: Record<FundingRoute, string> = {
  discharge_fund: 'D2A / discharge fund',
  council: 'Council',
  nhs_chc: 'NHS continuing healthcare',
  self_funded: 'Self-funded',
};

export const AGE_BANDS = ['18-64', '65-74', '75-84', '85-94', '95+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Specialisms use the market area's vocabulary so they match CQC service user bands. */
export const SPECIALISMS = [
  'dementia',
  'mental_health',
  'learning_disability',
  'physical_disability',
  'sensory_impairment',
] as const;
export type Specialism = (typeof SPECIALISMS)[number];

export const EQUIPMENT = [
  'hoist',
  'profiling_bed',
  'pressure_mattress',
  'commode',
  'bariatric_equipment',
  'key_safe',
] as const;
export type Equipment = (typeof EQUIPMENT)[number];

export const DELAY_REASONS = [
  'awaiting_care_home',
  'awaiting_homecare',
  'awaiting_assessment',
  'awaiting_equipment',
  'family_choice',
  'other',
] as const;
export type DelayReason = (typeof DELAY_REASONS)[number];
export const DELAY_REASON_LABELS: Record<DelayReason | 'unrecorded', string> = {
  awaiting_care_home: 'Awaiting care home',
  awaiting_homecare: 'Awaiting homecare',
  awaiting_assessment: 'Awaiting assessment',
  awaiting_equipment: 'Awaiting equipment',
  family_choice: 'Family choice',
  other: 'Other',
  unrecorded: 'Reason not recorded',
};

/** Where the person went on leaving hospital (the BCF "usual place of residence" metric counts the first). */
export const DESTINATIONS = ['usual_residence', 'd2a_bed', 'rehab_bed', 'care_home', 'other', 'died'] as const;
export type Destination = (typeof DESTINATIONS)[number];
export const DESTINATION_LABELS: Record<Destination, string> = {
  usual_residence: 'Usual place of residence',
  d2a_bed: 'D2A bed',
  rehab_bed: 'Rehabilitation bed',
  care_home: 'Care home (long term)',
  other: 'Other',
  died: 'Died',
};

export const REFERRAL_STATUSES = ['waiting', 'requested', 'offered', 'awarded', 'discharged', 'cancelled'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = {
  waiting: 'No request sent',
  requested: 'Request sent, no offers',
  offered: 'Offers to consider',
  awarded: 'Awarded, awaiting discharge',
  discharged: 'Discharged',
  cancelled: 'Cancelled',
};

const PERSON_REF = /^[A-Z0-9][A-Z0-9-]{3,31}$/;

/** NHS number check digit (modulus 11), as the NHS Data Dictionary specifies. */
export function isValidNhsNumber(value: string): boolean {
  const digits = value.replace(/\s/g, '');
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/**
 * A postcode district, refused with `message`: each field's own words, naming it by the label the form shows (issue
 * 13: "Enter a postcode district, like RM7" for both the home's district and the preferred areas).
 */
const district = (message: string) =>
  z.string().transform((v, ctx) => {
    const d = normalisePostcodeDistrict(v);
    if (!d) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return d;
  });

const isoDateTime = z.string().refine((v) => !Number.isNaN(Date.parse(v)) && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v), {
  message: 'Enter a real date and time',
});

/**
 * When the person was (or will be) medically optimised: within the last BOUNDS.medicallyOptimisedDaysBack days
 * (nobody waits a year in an acute bed unrecorded; issue 13: a date in 1900) and at most 14 days ahead.
 */
const medicallyOptimisedAt = isoDateTime.superRefine((v, ctx) => {
  const t = Date.parse(v);
  if (Number.isNaN(t)) return;
  const day = 86_400_000;
  if (t < Date.now() - BOUNDS.medicallyOptimisedDaysBack * day)
    ctx.addIssue({ code: 'custom', message: 'Date medically optimised must be within the last year' });
  else if (t > Date.now() + 14 * day)
    ctx.addIssue({ code: 'custom', message: 'Date medically optimised must be within the next 14 days' });
});

/** What a broker or discharge coordinator enters. Field names are the form's field ids. */
export const referralInputSchema = z
  .object({
    personRef: z
      .string()
      .trim()
      .toUpperCase()
      .regex(PERSON_REF, 'Enter a person reference of 4 to 32 letters, numbers or hyphens'),
    name: z.string().trim().max(120, 'Name must be 120 characters or fewer').optional(),
    nhsNumber: z
      .string()
      .trim()
      .refine((v) => v === '' || isValidNhsNumber(v), 'Enter a valid 10-digit NHS number')
      .optional(),
    ageBand: z.enum(AGE_BANDS, { message: 'Select an age band' }),
    postcodeDistrict: district('Enter the postcode district of their home (the first half of the postcode), like RM7'),
    hospital: z.string().trim().min(1, 'Enter the hospital').max(120),
    ward: z.string().trim().min(1, 'Enter the ward').max(60),
    medicallyOptimisedAt,
    pathway: z.coerce
      .number({ message: 'Select a discharge pathway' })
      .int('Select a discharge pathway')
      .min(0, 'Select a discharge pathway')
      .max(3, 'Select a discharge pathway')
      .pipe(
        z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)], { message: 'Select a discharge pathway' }),
      ),
    serviceNeed: z.enum(SERVICE_NEEDS, { message: 'Select what is needed' }),
    homecareHoursPerWeek: z.coerce
      .number({ message: 'Enter the hours of care needed per week as a number' })
      .min(1, 'Hours per week must be at least 1')
      .max(112, 'Hours per week must be 112 or fewer')
      .optional(),
    callsPerDay: z.coerce
      .number({ message: 'Enter the number of calls per day as a number' })
      .int('Calls per day must be a whole number')
      .min(1, 'Calls per day must be at least 1')
      .max(6, 'Calls per day must be 6 or fewer')
      .optional(),
    doubleHanded: z.boolean().default(false),
    specialisms: z.array(z.enum(SPECIALISMS)).default([]),
    equipment: z.array(z.enum(EQUIPMENT)).default([]),
    needsSummary: z.string().trim().max(500, 'Needs summary must be 500 characters or fewer').default(''),
    fundingRoute: z.enum(FUNDING_ROUTES, { message: 'Select the funding route' }),
    preferredDistricts: z
      .array(district('Enter preferred areas as postcode districts separated by commas, like RM7, RM12'))
      .max(10, 'Enter no more than 10 preferred areas')
      .default([]),
    preferredLocationIds: z.array(z.string().uuid()).max(5).default([]),
  })
  // Checks across fields run even when other fields are wrong (`when`), so every problem is reported in one go;
  // each looks only at fields that parsed (a field that failed holds its raw value here).
  .superRefine(
    (r, ctx) => {
      const needs = NEEDS_BY_PATHWAY[r.pathway as Pathway] as readonly ServiceNeed[] | undefined;
      if (needs && SERVICE_NEEDS.includes(r.serviceNeed) && !needs.includes(r.serviceNeed)) {
        const allowed = NEEDS_BY_PATHWAY[r.pathway as Pathway]
          .map((n) => SERVICE_NEED_LABELS[n].toLowerCase())
          .join(', ');
        ctx.addIssue({
          code: 'custom',
          path: ['serviceNeed'],
          message: `Pathway ${r.pathway} needs one of: ${allowed}`,
        });
      }
      if (HOME_BASED_NEEDS.includes(r.serviceNeed)) {
        if (r.homecareHoursPerWeek === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['homecareHoursPerWeek'],
            message: 'Enter the hours of care needed per week',
          });
        }
        if (r.callsPerDay === undefined) {
          ctx.addIssue({ code: 'custom', path: ['callsPerDay'], message: 'Enter the number of calls per day' });
        }
      }
    },
    { when: () => true },
  )
  // A dementia placement must match homes with the dementia specialism; add it rather than reject.
  .transform((r) =>
    r.serviceNeed === 'care_home_dementia' && !r.specialisms.includes('dementia')
      ? { ...r, specialisms: [...r.specialisms, 'dementia' as const] }
      : r,
  );

export type ReferralInput = z.output<typeof referralInputSchema>;

export interface FieldError {
  field: string;
  message: string;
}

/** Validate a referral; on failure the errors name each form field, first error first. */
export function validateReferral(
  input: unknown,
): { ok: true; value: ReferralInput } | { ok: false; errors: FieldError[] } {
  const result = referralInputSchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of result.error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : 'referral';
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({ field, message: userMessage(issue) });
  }
  return { ok: false, errors };
}

/** Status of a referral from its recorded steps (the latest step reached wins). */
export function referralStatus(steps: {
  cancelledAt?: Date | null;
  dischargedAt?: Date | null;
  awardedAt?: Date | null;
  firstOfferAt?: Date | null;
  requestSentAt?: Date | null;
}): ReferralStatus {
  if (steps.cancelledAt) return 'cancelled';
  if (steps.dischargedAt) return 'discharged';
  if (steps.awardedAt) return 'awarded';
  if (steps.firstOfferAt) return 'offered';
  if (steps.requestSentAt) return 'requested';
  return 'waiting';
}
