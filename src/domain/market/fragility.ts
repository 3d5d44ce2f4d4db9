// Which homes and services look fragile, and why. Each rule is simple and named so the list can be
// explained to a provider or a lead member; thresholds live in one place.
import { freshness } from './capacity.js';

export const FRAGILITY_THRESHOLDS = {
  /** Care homes need roughly 85–90% occupancy to break even; below 80% is a warning sign. */
  lowOccupancy: 0.8,
  /** Agency/bank staff above a fifth of the workforce signals recruitment trouble and cost pressure. */
  highAgencyShare: 0.2,
} as const;

export type FragilityReason =
  | 'low_occupancy'
  | 'cqc_inadequate'
  | 'cqc_requires_improvement'
  | 'council_quality_concern'
  | 'price_below_usual_rate'
  | 'price_below_cost_of_care'
  | 'high_agency_use'
  | 'stale_data';

export const FRAGILITY_LABELS: Record<FragilityReason, string> = {
  low_occupancy: 'Low occupancy',
  cqc_inadequate: 'CQC rated Inadequate',
  cqc_requires_improvement: 'CQC rated Requires improvement',
  council_quality_concern: 'Council quality concern',
  price_below_usual_rate: 'Paid below the usual rate',
  price_below_cost_of_care: 'Paid below the cost of care',
  high_agency_use: 'High agency staff use',
  stale_data: 'Stale or missing capacity data',
};

export interface FragilityInput {
  isCareHome: boolean;
  occupancy: number | null; // latest occupied / max capacity
  cqcRating: string | null;
  councilQualityRating: string | null;
  /** Mean weekly price of the location's active council-funded placements, in pence. */
  meanCouncilPricePence: number | null;
  /** The usual rate and cost of care that apply to the location's main band, in pence per week. */
  usualRatePence: number | null;
  costOfCarePence: number | null;
  agencyShare: number | null;
  lastReturnAt: Date | null;
}

export interface FragilityAssessment {
  reasons: FragilityReason[];
  level: 'none' | 'watch' | 'high';
}

/** Council quality ratings (lower case) that count as a concern. */
export const POOR_COUNCIL_RATINGS: ReadonlySet<string> = new Set(['poor', 'inadequate', 'requires improvement']);

/**
 * A provider's fragility on `now`: the reasons that apply (low occupancy, CQC or council rating, council price below
 * the usual rate or cost of care, high agency use, stale figures) and the level they add up to.
 */
export function assessFragility(i: FragilityInput, now: Date): FragilityAssessment {
  const reasons: FragilityReason[] = [];
  if (i.isCareHome && i.occupancy != null && i.occupancy < FRAGILITY_THRESHOLDS.lowOccupancy)
    reasons.push('low_occupancy');
  if (i.cqcRating === 'Inadequate') reasons.push('cqc_inadequate');
  if (i.cqcRating === 'Requires improvement') reasons.push('cqc_requires_improvement');
  if (i.councilQualityRating && POOR_COUNCIL_RATINGS.has(i.councilQualityRating.toLowerCase()))
    reasons.push('council_quality_concern');
  if (i.meanCouncilPricePence != null) {
    if (i.usualRatePence != null && i.meanCouncilPricePence < i.usualRatePence) reasons.push('price_below_usual_rate');
    if (i.costOfCarePence != null && i.meanCouncilPricePence < i.costOfCarePence)
      reasons.push('price_below_cost_of_care');
  }
  if (i.agencyShare != null && i.agencyShare > FRAGILITY_THRESHOLDS.highAgencyShare) reasons.push('high_agency_use');
  if (i.isCareHome) {
    const f = freshness(i.lastReturnAt, now);
    if (f === 'stale' || f === 'missing') reasons.push('stale_data');
  }
  // Paying below the cost of care is common (most councils do), so on its own it is shown but does not put
  // a home on the list; stale data alone puts it on watch; a failing inspection, or two independent warning
  // signs together, make it high.
  const serious = reasons.filter((r) => r !== 'price_below_cost_of_care' && r !== 'stale_data');
  const level =
    reasons.includes('cqc_inadequate') || serious.length >= 2
      ? 'high'
      : serious.length === 1 || reasons.includes('stale_data')
        ? 'watch'
        : 'none';
  return { reasons, level };
}
