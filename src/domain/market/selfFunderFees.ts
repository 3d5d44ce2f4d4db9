// Fees care homes charge people who pay for their own care (self-funders), by band, beside the council's usual
// rate: commissioners read the gap when setting rates and in market shaping (the "cross-subsidy" of council
// placements by self-funders; DOMAIN.md: Redbridge self-funders pay £1,158 residential, £1,469 nursing a week).
import { BOUNDS } from '../core/bounds.js';
import type { FieldError } from './capacity.js';

/** The bands a care home sets a weekly self-funder fee for (not hourly homecare). */
export const SELF_FUNDER_BANDS = [
  'standard_residential',
  'enhanced_residential',
  'standard_nursing',
  'enhanced_nursing',
] as const;
export type SelfFunderBand = (typeof SELF_FUNDER_BANDS)[number];

export interface SelfFunderFeeInput {
  band: string;
  weeklyFeePence: number;
}

/**
 * Checks a home's self-funder fees: each band at most once and one of SELF_FUNDER_BANDS, each fee a whole number
 * of pence above £0 and within BOUNDS.weeklyPricePence, at least one fee. Fields are named `fees.<i>.band` and
 * `fees.<i>.weeklyFeePence`.
 * @returns the problems (empty when the fees may be kept)
 */
export function selfFunderFeeProblems(fees: readonly SelfFunderFeeInput[]): FieldError[] {
  const problems: FieldError[] = [];
  if (fees.length === 0) problems.push({ field: 'fees', message: 'Enter a weekly fee for at least one band' });
  const seen = new Set<string>();
  fees.forEach((f, i) => {
    if (!(SELF_FUNDER_BANDS as readonly string[]).includes(f.band))
      problems.push({ field: `fees.${i}.band`, message: `Band must be one of ${SELF_FUNDER_BANDS.join(', ')}` });
    else if (seen.has(f.band)) problems.push({ field: `fees.${i}.band`, message: 'Give each band’s fee once' });
    seen.add(f.band);
    if (!Number.isInteger(f.weeklyFeePence) || f.weeklyFeePence <= 0 || f.weeklyFeePence > BOUNDS.weeklyPricePence.max)
      problems.push({
        field: `fees.${i}.weeklyFeePence`,
        message: `The weekly fee must be a whole number of pence from 1p to £${(BOUNDS.weeklyPricePence.max / 100).toLocaleString('en-GB')}`,
      });
  });
  return problems;
}

/** How much more (positive) or less a self-funder pays than the council's usual rate, in pence a week; null without a rate. */
export function feeAboveUsualRate(weeklyFeePence: number, usualRatePence: number | null): number | null {
  return usualRatePence == null ? null : weeklyFeePence - usualRatePence;
}
