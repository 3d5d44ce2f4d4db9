// The demo market's prices and placements: usual rates and the fair cost of care, then care home placements
// (spot contracting falling, spot prices climbing), individually negotiated learning disability and mental health
// placements, and homecare packages (the DPS cutting spot purchasing).
import type { Rng } from '../domain/core/random.js';
import { addDays, daysBetween } from '../domain/core/dates.js';
import type { Band, ContractType, Funding, Purpose } from '../domain/market/types.js';
import type { DemoCostOfCare, DemoLocation, DemoMarketOptions, DemoPlacement, DemoRate } from './marketTypes.js';
import { clamp, RATE_LADDER, SPOT_PREMIUM_POWER, SPOT_PREMIUM_RISE, SPOT_PREMIUM_START } from './marketConstants.js';

/** The usual rate of every band at each April uplift (latest first, `uplifts` from upliftDates). */
export function usualRates(uplifts: readonly string[]): DemoRate[] {
  const usualRates: DemoRate[] = [];
  for (const band of Object.keys(RATE_LADDER) as Band[]) {
    RATE_LADDER[band].forEach((amount, k) =>
      usualRates.push({
        band,
        effectiveFrom: uplifts[k],
        amountPence: amount,
        unit: band === 'homecare_hourly' ? 'hour' : 'week',
        note: k === 0 ? 'Annual uplift (standard +13%, enhanced +11%)' : 'Annual uplift',
      }),
    );
  }
  return usualRates;
}

/** The usual rate (pence) of `band` in force on `date` (the oldest one before the first uplift). */
function rateOn(uplifts: readonly string[], band: Band, date: string): number {
  const k = uplifts.findIndex((u) => u <= date);
  return RATE_LADDER[band][k < 0 ? uplifts.length - 1 : k];
}

/** The fair cost of care medians (pence a week, or an hour for homecare), from the oldest uplift. */
export function costOfCare(uplifts: readonly string[]): DemoCostOfCare[] {
  return [
    {
      service: 'residential',
      effectiveFrom: uplifts[3],
      amountPence: 98_300,
      unit: 'week',
      source: 'Fair Cost of Care exercise 2022/23 (median, BHR)',
    },
    {
      service: 'nursing',
      effectiveFrom: uplifts[3],
      amountPence: 118_100,
      unit: 'week',
      source: 'Fair Cost of Care exercise 2022/23 (median incl. FNC, BHR)',
    },
    {
      service: 'homecare',
      effectiveFrom: uplifts[3],
      amountPence: 2_426,
      unit: 'hour',
      source: 'Fair Cost of Care exercise 2022/23 (median, BHR)',
    },
  ];
}

/** The history window and the placements stream the placement generators share. */
export interface PlacementDraws {
  o: DemoMarketOptions;
  uplifts: readonly string[];
  historyStart: string;
  /** Days from historyStart to asAt. */
  windowDays: number;
  pg: Rng;
  /** The next person's reference (a counter plus a draw from the placements stream). */
  personRef(): string;
}

/** The draws for a history starting at `historyStart`, on the placements stream `pg`. */
export function placementDraws(
  o: DemoMarketOptions,
  uplifts: readonly string[],
  historyStart: string,
  pg: Rng,
): PlacementDraws {
  let personSeq = 0;
  return {
    o,
    uplifts,
    historyStart,
    windowDays: daysBetween(historyStart, o.asAt),
    pg,
    personRef: () => `P${String(100_000 + personSeq++ * 37 + pg.int(0, 30)).padStart(7, '0')}`,
  };
}

/** Time through the history window, 0 at its start and 1 at asAt (earlier placements < 0). */
export function timeThrough(d: Pick<PlacementDraws, 'historyStart' | 'windowDays'>, date: string): number {
  return daysBetween(d.historyStart, date) / d.windowDays;
}

/**
 * Older people's care home placements started over five years before the history and through it (about 430 a
 * year; those ended before the history are dropped), weighted by beds, with their prices, funding and how they ended.
 */
export function careHomePlacements(
  d: PlacementDraws,
  olderHomes: readonly DemoLocation[],
  outHomes: readonly DemoLocation[],
): DemoPlacement[] {
  const { o, pg, historyStart, windowDays, personRef } = d;
  const tOf = (date: string) => timeThrough(d, date);
  const placements: DemoPlacement[] = [];
  const homeWeights = [
    ...olderHomes.map((h) => (h.registeredBeds ?? 0) * (h.storyFlags.includes('low_occupancy') ? 0.5 : 1)),
    ...outHomes.map((h) => (h.registeredBeds ?? 0) * 0.2),
  ];
  const homesForPlacement = [...olderHomes, ...outHomes];
  const preDays = 5 * 365;
  const careStartsPerYear = 430;
  const totalStarts = Math.round((careStartsPerYear * (preDays + windowDays)) / 365);
  for (let n = 0; n < totalStarts; n++) {
    const startDate = addDays(historyStart, -preDays + pg.int(0, preDays + windowDays - 1));
    const stayDays = Math.round(pg.lognormal(Math.log(520), 0.9));
    const end = addDays(startDate, stayDays);
    if (end < historyStart) continue; // ended before the history we keep
    const home = pg.weighted(homesForPlacement, homeWeights);
    const nursing =
      home.serviceTypes.includes('care_home_nursing') &&
      (!home.serviceTypes.includes('care_home_residential') || pg.next() < 0.5);
    const enhanced = pg.next() < (home.specialisms.includes('dementia') ? 0.45 : 0.2);
    const band: Band = nursing
      ? enhanced
        ? 'enhanced_nursing'
        : 'standard_nursing'
      : enhanced
        ? 'enhanced_residential'
        : 'standard_residential';
    const t = tOf(startDate);
    // Spot contracting falls from ~50% to ~30% as placements move onto the framework; a few D2A block beds.
    const spotShare = clamp(0.48 - 0.16 * t, 0.32, 0.5);
    const purpose: Purpose = pg.next() < 0.06 ? 'd2a' : 'long_term';
    const contractType: ContractType =
      purpose === 'd2a'
        ? 'block'
        : !home.inBorough || !home.onFramework
          ? 'spot'
          : pg.next() < spotShare
            ? 'spot'
            : 'framework';
    const rate = rateOn(d.uplifts, band, startDate);
    // Spot prices sit a little over the usual rate, the premium creeping from ~6% to ~12% across the three years,
    // so new placement prices rise about as fees do (7–12% a year).
    const premium =
      contractType === 'spot'
        ? clamp(SPOT_PREMIUM_START + SPOT_PREMIUM_RISE * clamp(t, 0, 1) ** SPOT_PREMIUM_POWER, 1, 2.2) *
          pg.lognormal(0, 0.07)
        : purpose === 'd2a'
          ? 1
          : pg.next() < 0.15
            ? pg.uniform(1.0, 1.06)
            : 1;
    const weekly = Math.round((rate * premium) / 100) * 100;
    const funding: Funding =
      purpose === 'd2a'
        ? 'nhs'
        : pg.weighted(['council', 'nhs', 'joint', 'self_funded'] as Funding[], [0.8, 0.09, 0.08, 0.03]);
    const endDate = end <= o.asAt ? end : null;
    placements.push({
      personRef: personRef(),
      locationKey: home.key,
      serviceType: nursing ? 'care_home_nursing' : 'care_home_residential',
      band,
      startDate,
      endDate:
        purpose === 'd2a' ? (addDays(startDate, 42) <= o.asAt ? addDays(startDate, pg.int(14, 42)) : null) : endDate,
      weeklyPricePence: weekly,
      hoursPerWeek: null,
      hourlyRatePence: null,
      topUpWeeklyPence: funding === 'council' && pg.next() < 0.08 ? pg.int(5, 20) * 1_000 : 0,
      funding,
      contractType,
      purpose,
      endReason: null,
    });
  }
  for (const p of placements)
    if (p.endDate)
      p.endReason =
        p.purpose === 'd2a'
          ? pg.next() < 0.3
            ? 'returned home'
            : 'long-term placement'
          : pg.next() < 0.85
            ? 'died'
            : 'moved';

  return placements;
}

/** Individually negotiated placements in learning disability and mental health homes and supported living. */
export function individualPlacements(d: PlacementDraws, ldTargets: readonly DemoLocation[]): DemoPlacement[] {
  const { pg, historyStart, windowDays, personRef } = d;
  const placements: DemoPlacement[] = [];
  for (const loc of ldTargets) {
    const units = loc.registeredBeds ?? pg.int(6, 14);
    for (let k = 0; k < units; k++) {
      const startDate = addDays(historyStart, -pg.int(-windowDays + 30, 6 * 365));
      const care = loc.serviceTypes.includes('care_home_residential');
      const weekly =
        Math.round(
          (care ? pg.uniform(1_600, 2_900) : pg.uniform(900, 2_100)) *
            (1 + 0.06 * clamp(timeThrough(d, startDate), -1, 1)),
        ) * 100;
      placements.push({
        personRef: personRef(),
        locationKey: loc.key,
        serviceType: care ? 'care_home_residential' : 'supported_living',
        band: 'individual',
        startDate,
        endDate: pg.next() < 0.12 ? addDays(startDate, pg.int(200, 900)) : null,
        weeklyPricePence: weekly,
        hoursPerWeek: care ? null : pg.int(20, 60),
        hourlyRatePence: null,
        topUpWeeklyPence: 0,
        funding: pg.next() < 0.15 ? 'joint' : 'council',
        contractType: loc.onFramework ? 'framework' : 'spot',
        purpose: 'long_term',
        endReason: null,
      });
    }
  }
  return placements;
}

/** Homecare packages: about 1,300 people at any time, spot purchasing falling from 50% to under 10% (draws from `hg`). */
export function homecarePackages(
  d: PlacementDraws,
  homecareProviders: readonly DemoLocation[],
  hg: Rng,
): DemoPlacement[] {
  const { o, historyStart, windowDays, personRef } = d;
  const placements: DemoPlacement[] = [];
  const agencyWeights = homecareProviders.map((_, i) => 1 + (i % 7) * 0.6);
  const hcStarts = Math.round((1_200 * (2 * 365 + windowDays)) / 365);
  for (let n = 0; n < hcStarts; n++) {
    const startDate = addDays(historyStart, -2 * 365 + hg.int(0, 2 * 365 + windowDays - 1));
    const end = addDays(startDate, Math.round(hg.lognormal(Math.log(300), 0.8)));
    if (end < historyStart) continue;
    const agency = hg.weighted(homecareProviders, agencyWeights);
    const t = timeThrough(d, startDate);
    const spot =
      hg.next() < clamp(0.5 - 0.45 * clamp(t + 0.35, 0, 1), 0.06, 0.5) || (!agency.onDps && !agency.onFramework);
    const rate = rateOn(d.uplifts, 'homecare_hourly', startDate);
    const hourly = spot ? Math.round(rate * hg.uniform(1.08, 1.3)) : rate;
    const hours = clamp(Math.round(hg.lognormal(Math.log(10), 0.55) * 4) / 4, 2, 56);
    placements.push({
      personRef: personRef(),
      locationKey: agency.key,
      serviceType: agency.serviceTypes.includes('extra_care') ? 'extra_care' : 'homecare',
      band: 'homecare_hourly',
      startDate,
      endDate: end <= o.asAt ? end : null,
      weeklyPricePence: Math.round(hours * hourly),
      hoursPerWeek: hours,
      hourlyRatePence: hourly,
      topUpWeeklyPence: 0,
      funding: hg.next() < 0.07 ? 'nhs' : 'council',
      contractType: spot ? 'spot' : agency.onDps ? 'dps' : 'framework',
      purpose: hg.next() < 0.08 ? 'short_term' : 'long_term',
      endReason:
        end <= o.asAt ? hg.pick(['needs changed', 'moved to care home', 'died', 'reablement goals met']) : null,
    });
  }
  return placements;
}
