// Prices and placements: usual rates on a date, how many new placements are at or below them, the
// distribution of new placement prices by quarter and the change over two years, and contract mix.
import { addMonths, quarterOf } from '../core/dates.js';
import { quantileSorted } from '../core/statistics.js';
import type { Band, ContractType, Funding } from './types.js';

export interface UsualRate {
  band: string;
  effectiveFrom: string;
  amountPence: number;
}

/**
 * The rule "in force on a date", once for usual rates, the cost of care and any figure set from a date: for each
 * key (band, service), the latest row effective on or before `date` (ISO yyyy-mm-dd); a row dated `date` is in
 * force that day, one dated later is scheduled. The database's market_usual_rate_periods view applies the same rule
 * (src/db/market/rates.ts).
 * @returns key → the row in force; a key with no row in force yet is absent
 */
export function inForceOn<T extends { effectiveFrom: string }>(
  rows: readonly T[],
  keyOf: (row: T) => string,
  date: string,
): Map<string, T> {
  const current = new Map<string, T>();
  for (const r of rows) {
    if (r.effectiveFrom > date) continue;
    const seen = current.get(keyOf(r));
    if (!seen || r.effectiveFrom > seen.effectiveFrom) current.set(keyOf(r), r);
  }
  return current;
}

/** The usual rate for a band in force on a date (ISO yyyy-mm-dd), by {@link inForceOn}; null when none was set. */
export function usualRateOn(rates: readonly UsualRate[], band: string, date: string): UsualRate | null {
  return (
    inForceOn(
      rates.filter((r) => r.band === band),
      (r) => r.band,
      date,
    ).get(band) ?? null
  );
}

/**
 * The price compared with the usual rate: the weekly price for weekly bands, the hourly rate for homecare.
 * Individually negotiated placements (band 'individual') have no usual rate and are left out.
 */
export interface PricedPlacement {
  band: string;
  startDate: string;
  weeklyPricePence: number;
  hourlyRatePence?: number | null;
  contractType: string;
  funding: string;
}

function comparablePrice(p: PricedPlacement): number | null {
  if (p.band === 'homecare_hourly') return p.hourlyRatePence ?? null;
  return p.weeklyPricePence;
}

export interface UsualRateShare {
  compared: number; // placements with a usual rate to compare against
  atOrBelow: number;
  share: number | null; // atOrBelow / compared
  notCompared: number; // individual band or no rate in force on the start date
}

/** Share of placements priced at or below the usual rate in force on their start date. */
export function shareAtOrBelowUsualRate(
  placements: readonly PricedPlacement[],
  rates: readonly UsualRate[],
): UsualRateShare {
  let compared = 0;
  let atOrBelow = 0;
  let notCompared = 0;
  for (const p of placements) {
    const rate = usualRateOn(rates, p.band, p.startDate);
    const price = comparablePrice(p);
    if (!rate || price == null) {
      notCompared++;
      continue;
    }
    compared++;
    if (price <= rate.amountPence) atOrBelow++;
  }
  return { compared, atOrBelow, share: compared > 0 ? atOrBelow / compared : null, notCompared };
}

export interface PriceSummary {
  n: number;
  mean: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

/** Count, mean, minimum, quartiles (type 7, as Excel QUARTILE.INC) and maximum of prices in pence; null for none. */
export function summarisePrices(values: readonly number[]): PriceSummary | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((s, v) => s + v, 0) / sorted.length;
  return {
    n: sorted.length,
    mean,
    min: sorted[0],
    // Not null: the list is not empty.
    q1: quantileSorted(sorted, 0.25)!,
    median: quantileSorted(sorted, 0.5)!,
    q3: quantileSorted(sorted, 0.75)!,
    max: sorted[sorted.length - 1],
  };
}

export interface QuarterPrices extends PriceSummary {
  quarter: string;
}

/** New placement weekly prices summarised by the quarter in which the placement started. */
export function pricesByQuarter(
  placements: readonly { startDate: string; weeklyPricePence: number }[],
): QuarterPrices[] {
  const byQ = new Map<string, number[]>();
  for (const p of placements) {
    const q = quarterOf(p.startDate);
    const list = byQ.get(q);
    if (list) list.push(p.weeklyPricePence);
    else byQ.set(q, [p.weeklyPricePence]);
  }
  return [...byQ.keys()]
    .sort()
    .map((quarter) => ({ quarter, ...(summarisePrices(byQ.get(quarter)!) as PriceSummary) }));
}

export interface PriceChange {
  /** The window compared: placements starting in [recentFrom, asAt] against [earlierFrom, earlierTo]. */
  earlierFrom: string;
  earlierTo: string;
  recentFrom: string;
  recentTo: string;
  earlierMean: number | null;
  recentMean: number | null;
  earlierN: number;
  recentN: number;
  change: number | null; // (recent − earlier) / earlier
}

/**
 * Change in the mean new placement price over `years` (default two, as Havering reports it): the mean of
 * placements starting in the latest 12 months against the mean of those starting in the 12 months that
 * ended `years` earlier. Windows of a year smooth out the small number of placements per quarter.
 */
export function meanPriceChange(
  placements: readonly { startDate: string; weeklyPricePence: number }[],
  asAt: string,
  years = 2,
): PriceChange {
  const recentTo = asAt;
  const recentFrom = addMonths(asAt, -12);
  const earlierTo = addMonths(asAt, -12 * years);
  const earlierFrom = addMonths(earlierTo, -12);
  let eSum = 0;
  let eN = 0;
  let rSum = 0;
  let rN = 0;
  for (const p of placements) {
    // Windows are (from, to]: a placement on the boundary day belongs to the later window only.
    if (p.startDate > recentFrom && p.startDate <= recentTo) {
      rSum += p.weeklyPricePence;
      rN++;
    } else if (p.startDate > earlierFrom && p.startDate <= earlierTo) {
      eSum += p.weeklyPricePence;
      eN++;
    }
  }
  const earlierMean = eN > 0 ? eSum / eN : null;
  const recentMean = rN > 0 ? rSum / rN : null;
  return {
    earlierFrom,
    earlierTo,
    recentFrom,
    recentTo,
    earlierMean,
    recentMean,
    earlierN: eN,
    recentN: rN,
    change: earlierMean && recentMean != null ? (recentMean - earlierMean) / earlierMean : null,
  };
}

export type Shares<K extends string> = { key: K; count: number; share: number }[];

/** Count and share of each value (e.g. contract type spot/framework/block/dps), in the order given. */
export function shareBy<T, K extends string>(
  items: readonly T[],
  field: keyof T & string,
  keys: readonly K[],
): Shares<K> {
  const counts = new Map<string, number>(keys.map((k) => [k, 0]));
  for (const it of items) {
    const v = String(it[field]);
    if (counts.has(v)) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const total = [...counts.values()].reduce((s, v) => s + v, 0);
  return keys.map((key) => ({
    key,
    count: counts.get(key) ?? 0,
    share: total > 0 ? (counts.get(key) ?? 0) / total : 0,
  }));
}

/**
 * Weekly cost of an hourly package, in pence: hours a week × hourly rate, rounded to the penny half up (a half
 * penny goes up). Computed in whole numbers, hours taken to the hundredth of an hour (the most the files and forms
 * give), so binary-float noise never moves a penny: 10.15 h × £18.50 = 18,777.5p → 18,778p (floating point gives
 * 18,777.499…). Both arguments are 0 or more.
 */
export function weeklyCostOfHours(hoursPerWeek: number, hourlyRatePence: number): number {
  const centiHours = Math.round(hoursPerWeek * 100);
  return Math.floor((centiHours * hourlyRatePence + 50) / 100);
}

/** Is a placement active on a date? (start ≤ date, and no end or end after date) */
export function isActiveOn(p: { startDate: string; endDate?: string | null }, date: string): boolean {
  return p.startDate <= date && (p.endDate == null || p.endDate > date);
}

/** Council-funded share of a home's occupied beds (council + joint-funded active placements / occupied). */
export function councilFundedShare(councilFundedActive: number, occupied: number): number | null {
  return occupied > 0 ? Math.min(1, councilFundedActive / occupied) : null;
}

export type { Band, ContractType, Funding };
