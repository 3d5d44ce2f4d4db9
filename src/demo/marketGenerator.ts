// The market part of the demo borough, as pure data: providers, locations, three years of capacity and
// workforce returns, usual rates, cost of care, and care home placements and homecare/supported living
// packages. Calibrated on DOMAIN.md and the Havering seeds (000, 001): 34 older people's care homes with
// 1,533 CQC beds, usual rates £701/£772/£715/£753 after the latest uplift, cost of care £983/£1,181/£24.26,
// mean new placement price up 7–12% a year, spot contracting falling from ~50%, ~80% Good/Outstanding.
// Each kind of record has its module (marketHomes, marketServices, marketPlacements, marketCapacity); this one
// runs them in order on their random streams.
import type { Rng } from '../domain/core/random.js';
import { addMonths } from '../domain/core/dates.js';
import type { DemoMarket, DemoMarketOptions, DemoPlacement } from './marketTypes.js';
import { upliftDates } from './marketConstants.js';
import { generateLdHomes, generateOlderHomes, generateOutHomes, type LocationDraws } from './marketHomes.js';
import { MarketRegister } from './marketLocations.js';
import { generateAgencies, generateExtraCare, generateSupportedLiving } from './marketServices.js';
import {
  careHomePlacements,
  costOfCare,
  homecarePackages,
  individualPlacements,
  placementDraws,
  timeThrough,
  usualRates,
} from './marketPlacements.js';
import { capacityHistory } from './marketCapacity.js';

export type {
  DemoDistrictInput,
  DemoMarketOptions,
  DemoProvider,
  DemoLocation,
  DemoCareHomeCapacity,
  DemoHomecareCapacity,
  DemoWorkforce,
  DemoRate,
  DemoCostOfCare,
  DemoPlacement,
  DemoMarket,
} from './marketTypes.js';
export {
  DEMO_OLDER_BEDS,
  DEMO_OLDER_HOMES,
  FEATURED_HOME_NAME,
  FEATURED_PROVIDER_NAME,
  rateLadder,
  upliftDates,
} from './marketConstants.js';

/**
 * The demo market for `o` (the borough, its districts and neighbours, the demo's today as an ISO date), drawn
 * from `rng` alone: the same seed and options give the same market. Money in pence; dates ISO; the history runs
 * three years back from `o.asAt`. The featured provider is the first provider. Expects at least one district in
 * the borough and one outside it.
 */
export function generateDemoMarket(rng: Rng, o: DemoMarketOptions): DemoMarket {
  const r = {
    names: rng.fork('names'),
    homes: rng.fork('homes'),
    capacity: rng.fork('capacity'),
    placements: rng.fork('placements'),
    homecare: rng.fork('homecare'),
  };
  const historyStart = addMonths(o.asAt, -36);
  const uplifts = upliftDates(o.asAt);
  const reg = new MarketRegister(r.names, o);
  const draws: LocationDraws = {
    reg,
    g: r.homes,
    o,
    inBorough: o.districts.filter((d) => d.gssCode === o.boroughGss),
    outBorough: o.districts.filter((d) => d.gssCode !== o.boroughGss),
  };
  const olderHomes = generateOlderHomes(draws);
  const outHomes = generateOutHomes(draws);
  const ldHomes = generateLdHomes(draws);
  const agencies = generateAgencies(draws);
  const supportedLiving = generateSupportedLiving(draws);
  const extraCare = generateExtraCare(draws);

  const d = placementDraws(o, uplifts, historyStart, r.placements);
  const placements: DemoPlacement[] = [
    ...careHomePlacements(d, olderHomes, outHomes),
    ...individualPlacements(d, [...ldHomes, ...supportedLiving]),
  ];
  for (const p of placements) if (p.endDate && p.endDate > o.asAt) p.endDate = null;
  const homecareProviders = [...agencies, ...extraCare];
  placements.push(...homecarePackages(d, homecareProviders, r.homecare));

  const history = capacityHistory(
    [...olderHomes, ...outHomes, ...ldHomes],
    homecareProviders,
    placements,
    o.asAt,
    (date) => timeThrough(d, date),
    r.capacity,
  );
  return {
    providers: reg.providers,
    locations: reg.locations,
    careHomeCapacity: history.careHomeCapacity,
    homecareCapacity: history.homecareCapacity,
    workforce: history.workforce,
    usualRates: usualRates(uplifts),
    costOfCare: costOfCare(uplifts),
    placements,
    featuredProviderKey: reg.providers[0].key,
  };
}
