// What a commissioner sets on the rates page: a usual rate for a band, or a cost of care figure for a service. The
// one set of checks, applied by the API (src/server/market/ratesRoutes.ts) and by the page's forms before sending
// (web/src/market/rates.ts), with the labels the page shows ("Amount", "Effective from date").
import { z } from 'zod';
import { BOUNDS, plannedDateSchema, positivePenceSchema } from '../core/bounds.js';
import { BANDS } from './types.js';

/** The services a cost of care figure is set for. */
export const COST_OF_CARE_SERVICES = ['residential', 'nursing', 'homecare'] as const;

/** The most characters of a rate's note or a cost of care figure's source. */
export const RATE_TEXT_MAX = 500;

/** The rates forms' labels, as the page shows them; each message names its field by these. */
export const RATE_LABELS = { amount: 'amount', effectiveFrom: 'effective from date' } as const;

const effectiveFrom = plannedDateSchema(RATE_LABELS.effectiveFrom, BOUNDS.earliestUsualRateDate);
/** A weekly rate, or an hourly one for home care, in pence: more than £0 and at most £25,000. */
const amountPence = positivePenceSchema(RATE_LABELS.amount, BOUNDS.weeklyPricePence);

/** PUT /api/market/rates: a band's usual rate from a date (Care Act 2014, so from 1 April 2015). */
export const usualRateInputSchema = z.object({
  band: z.enum(BANDS, { error: 'Choose a band' }),
  effectiveFrom,
  amountPence,
  note: z.string().max(RATE_TEXT_MAX, `Note must be ${RATE_TEXT_MAX} characters or fewer`).nullable().optional(),
});

/** PUT /api/market/cost-of-care: a service's cost of care figure from a date. */
export const costOfCareInputSchema = z.object({
  service: z.enum(COST_OF_CARE_SERVICES, { error: 'Choose a service' }),
  effectiveFrom,
  amountPence,
  source: z.string().max(RATE_TEXT_MAX, `Source must be ${RATE_TEXT_MAX} characters or fewer`).nullable().optional(),
});
