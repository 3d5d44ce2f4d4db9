// The demo market's fixed figures: the featured provider, the older people's care home market's size, the usual
// rate ladder and its April uplifts, and the spot premium's curve. Shared by the generator's modules.
import type { Band } from '../domain/market/types.js';

// Spot premium over the usual rate by time through the history window t (0 → 1): p = start + rise·t^power.
// Tuned so the mean new placement price rises ~77% over two years (000) for typical seeds.
export const SPOT_PREMIUM_START = 1.0;
export const SPOT_PREMIUM_RISE = 1.3;
export const SPOT_PREMIUM_POWER = 1.8;

/** The featured provider always has this name, so its demo sign-in is the same for every seed. */
export const FEATURED_PROVIDER_NAME = 'Rosewood Care Homes Ltd';
/** The featured provider's care home (its name is kept out of the generated names). */
export const FEATURED_HOME_NAME = 'Rosewood Lodge';

// Older people's care homes in the borough (001: "34 generic care homes for older people with 1533 registered CQC beds").
export const DEMO_OLDER_HOMES = 34;
export const DEMO_OLDER_BEDS = 1533;

/** Usual rates by year counted back from the latest April uplift (001: latest +13%/+11%; 23/24 +16.2%). */
export const RATE_LADDER: Record<Band, number[]> = {
  standard_residential: [70_100, 62_000, 53_400, 50_000],
  enhanced_residential: [77_200, 69_500, 59_800, 56_000],
  standard_nursing: [71_500, 63_300, 54_500, 51_000],
  enhanced_nursing: [75_300, 67_800, 58_400, 54_700],
  homecare_hourly: [2_150, 2_040, 1_920, 1_800],
};

/** `v` kept within `lo` … `hi`. */
export const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The April uplift dates (latest first) that cover the three years before asAt. */
export function upliftDates(asAt: string): string[] {
  const y = Number(asAt.slice(0, 4));
  const latest = asAt.slice(5) >= '04-01' ? y : y - 1;
  return [0, 1, 2, 3].map((k) => `${latest - k}-04-01`);
}

/** The usual rate ladder (pence a week, or an hour for homecare), latest first: one amount per {@link upliftDates} date. */
export function rateLadder(): Readonly<Record<Band, readonly number[]>> {
  return RATE_LADDER;
}
