// The demo market's fixed figures: the featured provider, the older people's care home market's size, the usual
// rate ladder and its April uplifts, and the spot premium's curve. Shared by the generator's modules.
import type { Band } from '../domain/market/types.js';

// Spot premium over the usual rate by time through the history window t (0 → 1): p = start + rise·t^power.
// A modest, slowly rising premium (6% to 12%), so the mean new placement price rises as fees do, about 7–12% a
// year, and the quarterly median does not jump between the usual rate and a spot price (issue 13: the demo showed
// "+83% on two years before" and a median swinging £700 → £1,280 → £770; Havering's real +77% in two years (000)
// was a one-off market shock, not a demo default).
export const SPOT_PREMIUM_START = 1.06;
export const SPOT_PREMIUM_RISE = 0.06;
export const SPOT_PREMIUM_POWER = 1;

/** The featured provider always has this name, so its demo sign-in is the same for every seed. */
export const FEATURED_PROVIDER_NAME = 'Rosewood Care Homes Ltd';
/** The featured provider's care home (its name is kept out of the generated names). */
export const FEATURED_HOME_NAME = 'Rosewood Lodge';

// Older people's care homes in the borough (001: "34 generic care homes for older people with 1533 registered CQC beds").
export const DEMO_OLDER_HOMES = 34;
export const DEMO_OLDER_BEDS = 1533;

/**
 * Usual rates by year counted back from the latest April uplift: the latest are Havering's (001); the years before
 * rise by 7–9% a year, the fee uplifts councils commonly gave (Havering's own 11–13% is the top of that range).
 */
export const RATE_LADDER: Record<Band, number[]> = {
  standard_residential: [70_100, 64_900, 60_100, 55_900],
  enhanced_residential: [77_200, 71_500, 66_200, 61_600],
  standard_nursing: [71_500, 66_200, 61_300, 57_000],
  enhanced_nursing: [75_300, 69_700, 64_500, 60_000],
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
