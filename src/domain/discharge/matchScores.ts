// The parts of the "who can take them now" ranking score: distance, quality, price against the usual rate and
// freshness of the capacity figures, each from 0 to 1, and the weights that add them up to a score out of 100.

/** Weights of the ranking score (they sum to 100). */
export const WEIGHTS = { distance: 35, quality: 25, price: 25, freshness: 15 } as const;
/** Distance at and below which a location scores full marks, and beyond which it scores none (km). */
export const NEAR_KM = 2;
export const FAR_KM = 25;
/** Price at 130% of the usual rate or more scores nothing. */
export const PRICE_CEILING = 1.3;
/** Capacity figures older than this score nothing for freshness and are flagged. */
export const STALE_DAYS = 14;

const QUALITY_SCORE: Record<string, number> = {
  Outstanding: 1,
  Good: 0.8,
  'Requires improvement': 0.3,
};
const UNRATED_SCORE = 0.5;
const UNKNOWN_SCORE = 0.5;

function clamp01(x: number): number {
  return Math.max(0, Math.min(1, x));
}

/**
 * Distance to the home as a score from 0 to 1: 1 within `NEAR_KM`, falling to 0 at `FAR_KM`; unknown distance scores `UNKNOWN_SCORE`.
 */
export function distanceScore(km: number | null): number {
  if (km === null) return UNKNOWN_SCORE;
  if (km <= NEAR_KM) return 1;
  return clamp01(1 - (km - NEAR_KM) / (FAR_KM - NEAR_KM));
}

/** A CQC rating as a score from 0 to 1 (`QUALITY_SCORE`); an unrated location scores `UNRATED_SCORE`. */
export function qualityScore(rating: string | null): number {
  if (rating === null) return UNRATED_SCORE;
  return QUALITY_SCORE[rating] ?? UNRATED_SCORE;
}

/**
 * Price against the usual rate (both pence) as a score: 1 at or below it, falling to 0 at `PRICE_CEILING` × the rate.
 */
export function priceScore(price: number | null, usual: number | null): number {
  if (price === null || usual === null || usual <= 0) return UNKNOWN_SCORE;
  const ratio = price / usual;
  if (ratio <= 1) return 1;
  return clamp01(1 - (ratio - 1) / (PRICE_CEILING - 1));
}

/** Vacancy figures' age (days) as a score: 1 up to a day old, falling to 0 at `STALE_DAYS`. */
export function freshnessScore(ageDays: number): number {
  if (ageDays <= 1) return 1;
  return clamp01(1 - (ageDays - 1) / (STALE_DAYS - 1));
}
