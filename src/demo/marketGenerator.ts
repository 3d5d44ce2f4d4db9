// The market part of the demo borough, as pure data: providers, locations, three years of capacity and
// workforce returns, usual rates, cost of care, and care home placements and homecare/supported living
// packages. Calibrated on DOMAIN.md and the Havering seeds (000, 001): 34 older people's care homes with
// 1,533 CQC beds, usual rates £701/£772/£715/£753 after the latest uplift, cost of care £983/£1,181/£24.26,
// mean new placement price up ~77% in two years, spot contracting falling from ~50%, ~80% Good/Outstanding.
import type { Rng } from '../domain/core/random.js';
import { addDays, addMonths, daysBetween } from '../domain/core/dates.js';
import type { Band, ContractType, Funding, Purpose, ServiceType, Specialism } from '../domain/market/types.js';
import type {
  DemoDistrictInput,
  DemoMarket,
  DemoMarketOptions,
  DemoLocation,
  DemoPlacement,
  DemoProvider,
  DemoCareHomeCapacity,
  DemoHomecareCapacity,
  DemoWorkforce,
  DemoRate,
  DemoCostOfCare,
} from './marketTypes.js';
import { AGENCY_WORDS, CHAINS, NAME_A, NAME_B, STREETS } from './marketNames.js';

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

// Spot premium over the usual rate by time through the history window t (0 → 1): p = start + rise·t^power.
// Tuned so the mean new placement price rises ~77% over two years (000) for typical seeds.
const SPOT_PREMIUM_START = 1.0;
const SPOT_PREMIUM_RISE = 1.3;
const SPOT_PREMIUM_POWER = 1.8;

/** The featured provider always has this name, so its demo sign-in is the same for every seed. */
export const FEATURED_PROVIDER_NAME = 'Rosewood Care Homes Ltd';
export const FEATURED_HOME_NAME = 'Rosewood Lodge';

// Older people's care homes in the borough (001: "34 generic care homes for older people with 1533 registered CQC beds").
export const DEMO_OLDER_HOMES = 34;
export const DEMO_OLDER_BEDS = 1533;

/** Usual rates by year counted back from the latest April uplift (001: latest +13%/+11%; 23/24 +16.2%). */
const RATE_LADDER: Record<Band, number[]> = {
  standard_residential: [70_100, 62_000, 53_400, 50_000],
  enhanced_residential: [77_200, 69_500, 59_800, 56_000],
  standard_nursing: [71_500, 63_300, 54_500, 51_000],
  enhanced_nursing: [75_300, 67_800, 58_400, 54_700],
  homecare_hourly: [2_150, 2_040, 1_920, 1_800],
};

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The April uplift dates (latest first) that cover the three years before asAt. */
export function upliftDates(asAt: string): string[] {
  const y = Number(asAt.slice(0, 4));
  const latest = asAt.slice(5) >= '04-01' ? y : y - 1;
  return [0, 1, 2, 3].map((k) => `${latest - k}-04-01`);
}

export function generateDemoMarket(rng: Rng, o: DemoMarketOptions): DemoMarket {
  const r = {
    names: rng.fork('names'),
    homes: rng.fork('homes'),
    capacity: rng.fork('capacity'),
    placements: rng.fork('placements'),
    homecare: rng.fork('homecare'),
  };
  const inBorough = o.districts.filter((d) => d.gssCode === o.boroughGss);
  const outBorough = o.districts.filter((d) => d.gssCode !== o.boroughGss);
  const historyStart = addMonths(o.asAt, -36);
  const uplifts = upliftDates(o.asAt);

  const providers: DemoProvider[] = [];
  const locations: DemoLocation[] = [];
  let cqcSeq = 0;
  const cqcId = () => `1-9${String(100_000_000 + cqcSeq++ * 7_919 + r.names.int(0, 7_000)).padStart(9, '0')}`;
  const usedNames = new Set<string>([FEATURED_HOME_NAME]);
  const homeName = (): string => {
    for (;;) {
      const n = `${r.names.pick(NAME_A)} ${r.names.pick(NAME_B)}`;
      if (!usedNames.has(n)) {
        usedNames.add(n);
        return n;
      }
    }
  };
  const address = (d: DemoDistrictInput) => {
    const inward =
      `${r.names.int(1, 9)}${String.fromCharCode(65 + r.names.int(0, 25))}${String.fromCharCode(65 + r.names.int(0, 25))}`.replace(
        /[CIKMOV]/g,
        'A',
      );
    return {
      address: `${r.names.int(1, 240)} ${r.names.pick(STREETS)}, ${d.locality}`,
      postcode: `${d.district} ${inward}`,
    };
  };
  const addProvider = (name: string): DemoProvider => {
    const existing = providers.find((p) => p.name === name);
    if (existing) return existing;
    const p = { key: `prov-${providers.length + 1}`, name, cqcProviderId: cqcId() };
    providers.push(p);
    return p;
  };
  const ratingFor = (g: Rng, pGoodOrBetter: number): string | null => {
    const x = g.next();
    if (x < 0.05) return 'Outstanding';
    if (x < pGoodOrBetter) return 'Good';
    if (x < pGoodOrBetter + (1 - pGoodOrBetter) * 0.8) return 'Requires improvement';
    return 'Inadequate';
  };
  const ratingDate = (g: Rng) => addDays(o.asAt, -g.int(60, 1_300));
  const councilRating = (cqc: string | null, g: Rng) =>
    cqc === 'Inadequate'
      ? 'Poor'
      : cqc === 'Requires improvement'
        ? g.pick(['Requires improvement', 'Good'])
        : g.pick(['Good', 'Good', 'Good', 'Excellent']);
  const addLocation = (
    p: DemoProvider,
    l: Omit<
      DemoLocation,
      | 'key'
      | 'providerKey'
      | 'cqcLocationId'
      | 'region'
      | 'localAuthorityName'
      | 'lat'
      | 'lng'
      | 'address'
      | 'postcode'
      | 'postcodeDistrict'
      | 'localAuthorityGss'
    >,
    d: DemoDistrictInput,
  ) => {
    const a = address(d);
    const loc: DemoLocation = {
      key: `loc-${locations.length + 1}`,
      providerKey: p.key,
      cqcLocationId: cqcId(),
      ...a,
      postcodeDistrict: d.district,
      localAuthorityGss: d.gssCode,
      localAuthorityName: d.gssCode === o.boroughGss ? o.boroughName : (o.neighbourNames[d.gssCode] ?? d.gssCode),
      region: 'London',
      lat: d.lat + r.names.uniform(-0.008, 0.008),
      lng: d.lng + r.names.uniform(-0.012, 0.012),
      ...l,
    };
    locations.push(loc);
    return loc;
  };

  // ---- Older people's care homes in the borough: 34 homes, 1,533 beds ----
  const g = r.homes;
  const sizes = Array.from({ length: DEMO_OLDER_HOMES }, () =>
    clamp(Math.round(g.lognormal(Math.log(40), 0.45)), 16, 130),
  );
  const scale = DEMO_OLDER_BEDS / sizes.reduce((s, v) => s + v, 0);
  for (let i = 0; i < sizes.length; i++) sizes[i] = Math.max(14, Math.round(sizes[i] * scale));
  sizes[sizes.indexOf(Math.max(...sizes))] += DEMO_OLDER_BEDS - sizes.reduce((s, v) => s + v, 0);
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
        ? addProvider(FEATURED_PROVIDER_NAME)
        : i <= chainOwners.length
          ? addProvider(CHAINS[chainOwners[i - 1]])
          : null;
    const name = i === 0 ? FEATURED_HOME_NAME : homeName();
    const p = provider ?? addProvider(`${name} Ltd`);
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
    const loc = addLocation(
      p,
      {
        name,
        serviceTypes,
        specialisms,
        serviceUserBands: ['older_people'],
        registeredBeds: sizes[i],
        cqcRating: cqc,
        cqcRatingDate: ratingDate(g),
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
  locations[0].onFramework = true;

  // ---- Older people's homes in neighbouring areas (out-of-borough placements) ----
  const outHomes: DemoLocation[] = [];
  for (let i = 0; i < 10; i++) {
    const d = outBorough[i % outBorough.length];
    const name = homeName();
    const nursing = g.next() < 0.5;
    const p = i < 2 ? addProvider(CHAINS[i]) : addProvider(`${name} Care Ltd`);
    const cqc = ratingFor(g, 0.82);
    outHomes.push(
      addLocation(
        p,
        {
          name,
          serviceTypes: nursing ? ['care_home_nursing', 'care_home_residential'] : ['care_home_residential'],
          specialisms: g.next() < 0.6 ? ['dementia'] : [],
          serviceUserBands: ['older_people'],
          registeredBeds: g.int(30, 90),
          cqcRating: cqc,
          cqcRatingDate: ratingDate(g),
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

  // ---- Learning disability and mental health homes (small; about half of LD placements out of borough) ----
  const ldHomes: DemoLocation[] = [];
  for (let i = 0; i < 13; i++) {
    const inside = i < 7;
    const d = inside ? inBorough[(i * 5 + 3) % inBorough.length] : outBorough[i % outBorough.length];
    const name = homeName();
    const p = i % 5 === 0 ? addProvider('Lifeways Community Care Ltd') : addProvider(`${name} Support Ltd`);
    const mh = i % 4 === 3;
    const cqc = ratingFor(g, 0.84);
    ldHomes.push(
      addLocation(
        p,
        {
          name,
          serviceTypes: ['care_home_residential'],
          specialisms: mh ? ['mental_health'] : ['learning_disability', 'autism'],
          serviceUserBands: ['younger_adults'],
          registeredBeds: g.int(4, 12),
          cqcRating: cqc,
          cqcRatingDate: ratingDate(g),
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

  // ---- Homecare agencies (Havering's DPS-based framework), supported living, extra care ----
  const agencies: DemoLocation[] = [];
  for (let i = 0; i < AGENCY_WORDS.length; i++) {
    const d = inBorough[(i * 7) % inBorough.length];
    const p = addProvider(`${AGENCY_WORDS[i]} ${i % 3 === 0 ? 'Homecare' : 'Care Services'} Ltd`);
    const cqc = ratingFor(g, 0.8);
    const supported = i % 6 === 1;
    agencies.push(
      addLocation(
        p,
        {
          name: `${AGENCY_WORDS[i]} ${d.locality}`,
          serviceTypes: supported ? ['homecare', 'supported_living'] : ['homecare'],
          specialisms: g
            .shuffle([
              'dementia',
              'physical_disability',
              'sensory_impairment',
              'learning_disability',
              'mental_health',
            ] as Specialism[])
            .slice(0, g.int(1, 3)),
          serviceUserBands: g.next() < 0.7 ? ['older_people', 'younger_adults'] : ['older_people'],
          registeredBeds: null,
          cqcRating: cqc,
          cqcRatingDate: ratingDate(g),
          inBorough: true,
          onFramework: false,
          onDps: i < 34,
          councilQualityRating: councilRating(cqc, g),
          councilQualityRatingDate: addDays(o.asAt, -g.int(30, 500)),
          selfFunderWeeklyFeePence: null,
          registeredAt: addDays(o.asAt, -g.int(700, 6_000)),
          storyFlags: [],
        },
        d,
      ),
    );
  }
  const supportedLiving: DemoLocation[] = [];
  for (let i = 0; i < 9; i++) {
    const d = inBorough[(i * 3 + 1) % inBorough.length];
    const name = `${homeName()} Supported Living`;
    const p = i < 4 ? addProvider('Lifeways Community Care Ltd') : addProvider(`${name.split(' ')[0]} Living Ltd`);
    supportedLiving.push(
      addLocation(
        p,
        {
          name,
          serviceTypes: ['supported_living'],
          specialisms: i % 3 === 2 ? ['mental_health'] : ['learning_disability', 'autism'],
          serviceUserBands: ['younger_adults'],
          registeredBeds: null,
          cqcRating: ratingFor(g, 0.85),
          cqcRatingDate: ratingDate(g),
          inBorough: true,
          onFramework: i < 5,
          onDps: false,
          councilQualityRating: 'Good',
          councilQualityRatingDate: addDays(o.asAt, -g.int(30, 500)),
          selfFunderWeeklyFeePence: null,
          registeredAt: addDays(o.asAt, -g.int(700, 6_000)),
          storyFlags: [],
        },
        d,
      ),
    );
  }
  const extraCare: DemoLocation[] = [];
  for (let i = 0; i < 3; i++) {
    const d = inBorough[(i * 4 + 2) % inBorough.length];
    const name = `${g.pick(NAME_A)} Court Extra Care`;
    const p = addProvider(i === 0 ? 'Eastbrook Housing and Care Ltd' : `${name.split(' ')[0]} Housing Care Ltd`);
    extraCare.push(
      addLocation(
        p,
        {
          name,
          serviceTypes: ['extra_care', 'homecare'],
          specialisms: ['dementia'],
          serviceUserBands: ['older_people'],
          registeredBeds: null,
          cqcRating: 'Good',
          cqcRatingDate: ratingDate(g),
          inBorough: true,
          onFramework: true,
          onDps: false,
          councilQualityRating: 'Good',
          councilQualityRatingDate: addDays(o.asAt, -g.int(30, 500)),
          selfFunderWeeklyFeePence: null,
          registeredAt: addDays(o.asAt, -g.int(1_500, 6_000)),
          storyFlags: [],
        },
        d,
      ),
    );
  }

  // ---- Usual rates and cost of care ----
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
  const rateOn = (band: Band, date: string) => {
    const k = uplifts.findIndex((u) => u <= date);
    return RATE_LADDER[band][k < 0 ? uplifts.length - 1 : k];
  };
  const costOfCare: DemoCostOfCare[] = [
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

  // ---- Placements: care homes ----
  const placements: DemoPlacement[] = [];
  let personSeq = 0;
  const personRef = () => `P${String(100_000 + personSeq++ * 37 + r.placements.int(0, 30)).padStart(7, '0')}`;
  const pg = r.placements;
  const windowDays = daysBetween(historyStart, o.asAt);
  /** Time through the history window, 0 at its start and 1 at asAt (earlier placements < 0). */
  const tOf = (date: string) => daysBetween(historyStart, date) / windowDays;
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
    const rate = rateOn(band, startDate);
    // Spot prices chase the market: neighbouring boroughs' demand pushes the premium over the usual rate up
    // from ~10% to ~85% across the three years (000: mean new placement price +77% in two years).
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

  // ---- LD/MH residential and supported living: individually negotiated ----
  const ldTargets = [...ldHomes, ...supportedLiving];
  for (const loc of ldTargets) {
    const units = loc.registeredBeds ?? pg.int(6, 14);
    for (let k = 0; k < units; k++) {
      const startDate = addDays(historyStart, -pg.int(-windowDays + 30, 6 * 365));
      const care = loc.serviceTypes.includes('care_home_residential');
      const weekly =
        Math.round(
          (care ? pg.uniform(1_600, 2_900) : pg.uniform(900, 2_100)) * (1 + 0.06 * clamp(tOf(startDate), -1, 1)),
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
  for (const p of placements) if (p.endDate && p.endDate > o.asAt) p.endDate = null;

  // ---- Homecare packages: ~1,300 people at any time; DPS cut spot from 50% to under 10% ----
  const hg = r.homecare;
  const homecareProviders = [...agencies, ...extraCare];
  const agencyWeights = homecareProviders.map((_, i) => 1 + (i % 7) * 0.6);
  const hcStarts = Math.round((1_200 * (2 * 365 + windowDays)) / 365);
  for (let n = 0; n < hcStarts; n++) {
    const startDate = addDays(historyStart, -2 * 365 + hg.int(0, 2 * 365 + windowDays - 1));
    const end = addDays(startDate, Math.round(hg.lognormal(Math.log(300), 0.8)));
    if (end < historyStart) continue;
    const agency = hg.weighted(homecareProviders, agencyWeights);
    const t = tOf(startDate);
    const spot =
      hg.next() < clamp(0.5 - 0.45 * clamp(t + 0.35, 0, 1), 0.06, 0.5) || (!agency.onDps && !agency.onFramework);
    const rate = rateOn('homecare_hourly', startDate);
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

  // ---- Capacity and workforce history: monthly returns for three years, weekly in the last month ----
  const careHomeCapacity: DemoCareHomeCapacity[] = [];
  const workforce: DemoWorkforce[] = [];
  const cg = r.capacity;
  const careHomes = [...olderHomes, ...outHomes, ...ldHomes];
  const activeAt = new Map<string, { startDate: string; endDate: string | null }[]>();
  for (const p of placements) {
    const list = activeAt.get(p.locationKey);
    if (list) list.push(p);
    else activeAt.set(p.locationKey, [p]);
  }
  const returnDates: string[] = [];
  for (let m = 36; m >= 1; m--) returnDates.push(addMonths(o.asAt, -m));
  for (const days of [21, 14, 7]) returnDates.push(addDays(o.asAt, -days));
  for (const home of careHomes) {
    const beds = home.registeredBeds ?? 0;
    const low = home.storyFlags.includes('low_occupancy');
    const stale = home.storyFlags.includes('stale');
    const base = low ? cg.uniform(0.66, 0.74) : home.inBorough ? cg.uniform(0.86, 0.96) : cg.uniform(0.84, 0.95);
    const maxCapacity = Math.max(1, beds - (cg.next() < 0.2 ? cg.int(1, 3) : 0));
    const nursingShare = home.serviceTypes.includes('care_home_nursing')
      ? home.serviceTypes.includes('care_home_residential')
        ? cg.uniform(0.4, 0.6)
        : 1
      : 0;
    const dementiaShare = home.specialisms.includes('dementia') ? cg.uniform(0.2, 0.4) : 0;
    const highAgency = home.storyFlags.includes('high_agency');
    // Each home answers on its own day, one to five days ago (today is left for real updates).
    const lag = cg.int(1, 5);
    const lastReturn = stale ? addDays(o.asAt, -cg.int(35, 60)) : addDays(o.asAt, -lag);
    const dates = [...returnDates.filter((d) => d < lastReturn), lastReturn];
    for (const date of dates) {
      const t = tOf(date);
      const winter = [11, 12, 1, 2].includes(Number(date.slice(5, 7))) ? 0.015 : 0;
      const placed = (activeAt.get(home.key) ?? []).filter(
        (p) => p.startDate <= date && (p.endDate == null || p.endDate > date),
      ).length;
      let occupied = Math.round(maxCapacity * clamp(base + winter + cg.normal(0, 0.02) - (low ? 0.04 * t : 0), 0.4, 1));
      occupied = clamp(Math.max(occupied, placed), 0, maxCapacity);
      const vacant = maxCapacity - occupied;
      const vacantReserved = Math.min(vacant, cg.next() < 0.3 ? cg.int(1, 2) : 0);
      const closed = Math.min(vacant - vacantReserved, cg.next() < 0.1 ? 1 : 0);
      const vacantAccepting = vacant - vacantReserved - closed;
      const split = (share: number) => {
        if (share <= 0) return { max: null, occ: null, vac: null };
        const max = Math.round(maxCapacity * share);
        const occ = Math.min(max, Math.round(occupied * share));
        const vac = Math.min(max - occ, Math.round(vacantAccepting * share));
        return { max, occ, vac };
      };
      const nur = split(nursingShare === 1 ? 1 - dementiaShare : nursingShare * (1 - dementiaShare));
      const res = split(nursingShare === 1 ? 0 : (1 - nursingShare) * (1 - dementiaShare));
      const dem = split(dementiaShare);
      // Rounding can push the split over the totals by a bed; take it off the largest group.
      const fix = (k: 'max' | 'occ' | 'vac', total: number) => {
        const groups = [res, nur, dem].filter((x) => x[k] != null);
        let over = groups.reduce((s, x) => s + (x[k] as number), 0) - total;
        while (over > 0) {
          const big = groups.reduce((a, b) => ((b[k] as number) > (a[k] as number) ? b : a));
          (big[k] as number)--;
          over--;
        }
      };
      fix('max', maxCapacity);
      fix('occ', occupied);
      fix('vac', vacantAccepting);
      for (const x of [res, nur, dem])
        if (x.max != null && (x.occ as number) + (x.vac as number) > x.max)
          x.vac = Math.max(0, x.max - (x.occ as number));
      careHomeCapacity.push({
        locationKey: home.key,
        asAt: `${date}T${String(8 + cg.int(0, 9)).padStart(2, '0')}:${String(cg.int(0, 59)).padStart(2, '0')}:00Z`,
        maxCapacity,
        occupied,
        vacantReserved,
        vacantAccepting,
        residentialMax: res.max,
        residentialOccupied: res.occ,
        residentialVacantAccepting: res.vac,
        nursingMax: nur.max,
        nursingOccupied: nur.occ,
        nursingVacantAccepting: nur.vac,
        dementiaMax: dem.max,
        dementiaOccupied: dem.occ,
        dementiaVacantAccepting: dem.vac,
      });
      const careStaff = Math.round(occupied * cg.uniform(0.85, 1.05));
      const agencyShare = highAgency ? cg.uniform(0.24, 0.32) : cg.uniform(0.02, 0.1) * (1 - 0.4 * clamp(t, 0, 1));
      const staffed = careStaff + Math.round((nursingShare * maxCapacity) / 7) + Math.round(maxCapacity * 0.3);
      const agencyStaff = Math.round((staffed * agencyShare) / (1 - agencyShare));
      workforce.push({
        locationKey: home.key,
        asAt: `${date}T09:00:00Z`,
        nurses: Math.round((nursingShare * maxCapacity) / 7),
        careStaff,
        nonCareStaff: Math.round(maxCapacity * 0.3),
        agencyStaff,
        vacancies: cg.int(0, Math.max(1, Math.round(maxCapacity / 12))),
        absences: cg.int(0, Math.max(1, Math.round(careStaff / 15))),
      });
    }
  }
  const homecareCapacity: DemoHomecareCapacity[] = [];
  for (const agency of homecareProviders) {
    const pkgs = activeAt.get(agency.key) ?? [];
    const lag = cg.int(1, 6);
    const dates = [...returnDates.filter((d) => d < addDays(o.asAt, -lag)), addDays(o.asAt, -lag)];
    for (const date of dates) {
      const active = (pkgs as DemoPlacement[]).filter(
        (p) => p.startDate <= date && (p.endDate == null || p.endDate > date),
      );
      const councilPeople = active.length;
      const people = councilPeople + Math.round(councilPeople * cg.uniform(0.15, 0.35)); // privately funded clients too
      const hours = active.reduce((s, p) => s + (p.hoursPerWeek ?? 0), 0) * (people / Math.max(1, councilPeople));
      homecareCapacity.push({
        locationKey: agency.key,
        asAt: `${date}T10:00:00Z`,
        area: agency.postcodeDistrict,
        peopleSupported: people,
        hoursPerWeek: Math.round(Math.max(hours, people * 2) * 4) / 4,
        newHoursAvailable: cg.int(0, 12) * 5,
      });
      if (date === dates[dates.length - 1] || date.slice(8) === o.asAt.slice(8)) {
        const careStaff = Math.max(3, Math.round(hours / 28));
        workforce.push({
          locationKey: agency.key,
          asAt: `${date}T10:00:00Z`,
          nurses: 0,
          careStaff,
          nonCareStaff: cg.int(2, 6),
          agencyStaff: cg.int(0, 2),
          vacancies: cg.int(0, Math.max(1, Math.round(careStaff / 8))),
          absences: cg.int(0, 3),
        });
      }
    }
  }

  return {
    providers,
    locations,
    careHomeCapacity,
    homecareCapacity,
    workforce,
    usualRates,
    costOfCare,
    placements,
    featuredProviderKey: providers[0].key,
  };
}

export function rateLadder(): Readonly<Record<Band, readonly number[]>> {
  return RATE_LADDER;
}
