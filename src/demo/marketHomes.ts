// The demo market's care homes: the borough's 34 older people's homes (1,533 beds, four groups owning ten, the
// featured provider's home first, a few fragile ones for the story), older people's homes in neighbouring areas,
// and small learning disability and mental health homes in and out of the borough.
import type { Rng } from '../domain/core/random.js';
import { addDays } from '../domain/core/dates.js';
import type { ServiceType, Specialism } from '../domain/market/types.js';
import type { DemoDistrictInput, DemoLocation, DemoMarketOptions } from './marketTypes.js';
import {
  clamp,
  DEMO_OLDER_BEDS,
  DEMO_OLDER_HOMES,
  FEATURED_HOME_NAME,
  FEATURED_PROVIDER_NAME,
} from './marketConstants.js';
import { councilRating, type MarketRegister, ratingDate, ratingFor } from './marketLocations.js';
import { CHAINS } from './marketNames.js';

/** What each location generator works with: the register to add to, its draws, the options and districts. */
export interface LocationDraws {
  reg: MarketRegister;
  /** The homes stream: sizes, kinds, ratings and dates of every kind of location, in generation order. */
  g: Rng;
  o: DemoMarketOptions;
  inBorough: readonly DemoDistrictInput[];
  outBorough: readonly DemoDistrictInput[];
}

/** Sizes of the borough's older people's homes: lognormal around 40 beds, scaled to add up to DEMO_OLDER_BEDS. */
function olderHomeSizes(g: Rng): number[] {
  const sizes = Array.from({ length: DEMO_OLDER_HOMES }, () =>
    clamp(Math.round(g.lognormal(Math.log(40), 0.45)), 16, 130),
  );
  const scale = DEMO_OLDER_BEDS / sizes.reduce((s, v) => s + v, 0);
  for (let i = 0; i < sizes.length; i++) sizes[i] = Math.max(14, Math.round(sizes[i] * scale));
  sizes[sizes.indexOf(Math.max(...sizes))] += DEMO_OLDER_BEDS - sizes.reduce((s, v) => s + v, 0);
  return sizes;
}

/**
 * The borough's older people's homes (added to the register, the featured home first and on the framework):
 * 14 residential, 8 nursing, 12 dual-registered; exactly 27 Good or Outstanding, 6 Requires improvement and
 * 1 Inadequate; four fragile homes flagged for the story (low occupancy, high agency use, stale returns).
 */
export function generateOlderHomes({ reg, g, o, inBorough }: LocationDraws): DemoLocation[] {
  const sizes = olderHomeSizes(g);
  // Kinds: 14 residential only, 8 nursing only, 12 dual-registered.
  const kinds = g.shuffle([...Array(14).fill('res'), ...Array(8).fill('nur'), ...Array(12).fill('dual')] as (
    'res' | 'nur' | 'dual'
  )[]);
  const chainOwners = [0, 0, 0, 1, 1, 1, 2, 2, 3, 3]; // 10 homes belong to four groups (concentration)
  const fragileIdx = new Set(g.shuffle(Array.from({ length: DEMO_OLDER_HOMES - 1 }, (_, i) => i + 1)).slice(0, 4));
  // Ratings: exactly 27 of 34 (79%) Good or Outstanding, 6 Requires improvement, 1 Inadequate, fragile homes first.
  const ratings: string[] = [];
  const fragileList = [...fragileIdx];
  for (let i = 0; i < DEMO_OLDER_HOMES; i++) ratings.push(i === 0 ? 'Good' : g.next() < 0.12 ? 'Outstanding' : 'Good');
  ratings[fragileList[0]] = 'Inadequate';
  ratings[fragileList[1]] = 'Requires improvement';
  const others = g
    .shuffle(Array.from({ length: DEMO_OLDER_HOMES - 1 }, (_, i) => i + 1).filter((i) => !fragileIdx.has(i)))
    .slice(0, 5);
  for (const i of others) ratings[i] = 'Requires improvement';
  const olderHomes: DemoLocation[] = [];
  for (let i = 0; i < DEMO_OLDER_HOMES; i++) {
    const kind = kinds[i];
    const provider =
      i === 0
        ? reg.addProvider(FEATURED_PROVIDER_NAME)
        : i <= chainOwners.length
          ? reg.addProvider(CHAINS[chainOwners[i - 1]])
          : null;
    const name = i === 0 ? FEATURED_HOME_NAME : reg.homeName();
    const p = provider ?? reg.addProvider(`${name} Ltd`);
    const d = inBorough[i % inBorough.length];
    const dementia = g.next() < 0.62;
    const serviceTypes: ServiceType[] =
      kind === 'res'
        ? ['care_home_residential']
        : kind === 'nur'
          ? ['care_home_nursing']
          : ['care_home_nursing', 'care_home_residential'];
    const specialisms: Specialism[] = dementia ? ['dementia'] : [];
    if (g.next() < 0.3) specialisms.push('physical_disability');
    if (g.next() < 0.1) specialisms.push('sensory_impairment');
    const flags: string[] = [];
    if (fragileIdx.has(i))
      flags.push(fragileList.indexOf(i) < 2 ? 'low_occupancy' : fragileList.indexOf(i) === 2 ? 'high_agency' : 'stale');
    if (fragileList.indexOf(i) === 0) flags.push('high_agency');
    const cqc = ratings[i];
    const loc = reg.addLocation(
      p,
      {
        name,
        serviceTypes,
        specialisms,
        serviceUserBands: ['older_people'],
        registeredBeds: sizes[i],
        cqcRating: cqc,
        cqcRatingDate: ratingDate(g, o.asAt),
        inBorough: true,
        onFramework: g.next() < 0.85,
        onDps: false,
        councilQualityRating: councilRating(cqc, g),
        councilQualityRatingDate: addDays(o.asAt, -g.int(30, 500)),
        selfFunderWeeklyFeePence: Math.round(((kind === 'res' ? 115_800 : 146_900) * g.uniform(0.9, 1.15)) / 100) * 100,
        registeredAt: addDays(o.asAt, -g.int(3_000, 12_000)),
        storyFlags: flags,
      },
      d,
    );
    olderHomes.push(loc);
  }
  reg.locations[0].onFramework = true;
  return olderHomes;
}

/** Ten older people's homes in the neighbouring areas (for out-of-borough placements), two of them a group's. */
export function generateOutHomes({ reg, g, o, outBorough }: LocationDraws): DemoLocation[] {
  const outHomes: DemoLocation[] = [];
  for (let i = 0; i < 10; i++) {
    const d = outBorough[i % outBorough.length];
    const name = reg.homeName();
    const nursing = g.next() < 0.5;
    const p = i < 2 ? reg.addProvider(CHAINS[i]) : reg.addProvider(`${name} Care Ltd`);
    const cqc = ratingFor(g, 0.82);
    outHomes.push(
      reg.addLocation(
        p,
        {
          name,
          serviceTypes: nursing ? ['care_home_nursing', 'care_home_residential'] : ['care_home_residential'],
          specialisms: g.next() < 0.6 ? ['dementia'] : [],
          serviceUserBands: ['older_people'],
          registeredBeds: g.int(30, 90),
          cqcRating: cqc,
          cqcRatingDate: ratingDate(g, o.asAt),
          inBorough: false,
          onFramework: false,
          onDps: false,
          councilQualityRating: null,
          councilQualityRatingDate: null,
          selfFunderWeeklyFeePence: null,
          registeredAt: addDays(o.asAt, -g.int(3_000, 12_000)),
          storyFlags: [],
        },
        d,
      ),
    );
  }
  return outHomes;
}

/** Thirteen small learning disability and mental health homes, seven in the borough and six outside it. */
export function generateLdHomes({ reg, g, o, inBorough, outBorough }: LocationDraws): DemoLocation[] {
  const ldHomes: DemoLocation[] = [];
  for (let i = 0; i < 13; i++) {
    const inside = i < 7;
    const d = inside ? inBorough[(i * 5 + 3) % inBorough.length] : outBorough[i % outBorough.length];
    const name = reg.homeName();
    const p = i % 5 === 0 ? reg.addProvider('Lifeways Community Care Ltd') : reg.addProvider(`${name} Support Ltd`);
    const mh = i % 4 === 3;
    const cqc = ratingFor(g, 0.84);
    ldHomes.push(
      reg.addLocation(
        p,
        {
          name,
          serviceTypes: ['care_home_residential'],
          specialisms: mh ? ['mental_health'] : ['learning_disability', 'autism'],
          serviceUserBands: ['younger_adults'],
          registeredBeds: g.int(4, 12),
          cqcRating: cqc,
          cqcRatingDate: ratingDate(g, o.asAt),
          inBorough: inside,
          onFramework: inside && g.next() < 0.5,
          onDps: false,
          councilQualityRating: inside ? councilRating(cqc, g) : null,
          councilQualityRatingDate: inside ? addDays(o.asAt, -g.int(30, 500)) : null,
          selfFunderWeeklyFeePence: null,
          registeredAt: addDays(o.asAt, -g.int(2_000, 9_000)),
          storyFlags: [],
        },
        d,
      ),
    );
  }
  return ldHomes;
}
