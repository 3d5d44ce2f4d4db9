// The demo market's services in people's homes: homecare agencies (Havering's DPS-based framework), supported
// living services and extra care housing schemes, all in the borough.
import type { Rng } from '../domain/core/random.js';
import { addDays } from '../domain/core/dates.js';
import type { Specialism } from '../domain/market/types.js';
import type { DemoLocation } from './marketTypes.js';
import type { LocationDraws } from './marketHomes.js';
import { councilRating, type NewLocation, ratingDate, ratingFor } from './marketLocations.js';
import { AGENCY_WORDS, NAME_A } from './marketNames.js';

type ServiceFields = Pick<
  NewLocation,
  'name' | 'serviceTypes' | 'specialisms' | 'serviceUserBands' | 'cqcRating' | 'onFramework' | 'onDps'
>;

/**
 * An in-borough service without beds: its CQC rating date, council rating (from `council`) and its date, and
 * when it registered (`registeredFrom` to 6,000 days ago), drawn from `g` in that order.
 */
function inBoroughService(
  g: Rng,
  asAt: string,
  l: ServiceFields,
  registeredFrom: number,
  council: (cqc: string | null) => string,
): NewLocation {
  const cqcRatingDate = ratingDate(g, asAt);
  return {
    ...l,
    registeredBeds: null,
    cqcRatingDate,
    inBorough: true,
    councilQualityRating: council(l.cqcRating),
    councilQualityRatingDate: addDays(asAt, -g.int(30, 500)),
    selfFunderWeeklyFeePence: null,
    registeredAt: addDays(asAt, -g.int(registeredFrom, 6_000)),
    storyFlags: [],
  };
}

const SPECIALISMS: Specialism[] = [
  'dementia',
  'physical_disability',
  'sensory_impairment',
  'learning_disability',
  'mental_health',
];

/** One homecare agency per AGENCY_WORDS entry (every sixth also supported living), the first 34 on the DPS. */
export function generateAgencies({ reg, g, o, inBorough }: LocationDraws): DemoLocation[] {
  const agencies: DemoLocation[] = [];
  for (let i = 0; i < AGENCY_WORDS.length; i++) {
    const d = inBorough[(i * 7) % inBorough.length];
    const p = reg.addProvider(`${AGENCY_WORDS[i]} ${i % 3 === 0 ? 'Homecare' : 'Care Services'} Ltd`);
    const cqc = ratingFor(g, 0.8);
    const supported = i % 6 === 1;
    const fields: ServiceFields = {
      name: `${AGENCY_WORDS[i]} ${d.locality}`,
      serviceTypes: supported ? ['homecare', 'supported_living'] : ['homecare'],
      specialisms: g.shuffle([...SPECIALISMS]).slice(0, g.int(1, 3)),
      serviceUserBands: g.next() < 0.7 ? ['older_people', 'younger_adults'] : ['older_people'],
      cqcRating: cqc,
      onFramework: false,
      onDps: i < 34,
    };
    agencies.push(
      reg.addLocation(
        p,
        inBoroughService(g, o.asAt, fields, 700, (c) => councilRating(c, g)),
        d,
      ),
    );
  }
  return agencies;
}

/** Nine supported living services (learning disability and autism, every third mental health), five on the framework. */
export function generateSupportedLiving({ reg, g, o, inBorough }: LocationDraws): DemoLocation[] {
  const supportedLiving: DemoLocation[] = [];
  for (let i = 0; i < 9; i++) {
    const d = inBorough[(i * 3 + 1) % inBorough.length];
    const name = `${reg.homeName()} Supported Living`;
    const p =
      i < 4 ? reg.addProvider('Lifeways Community Care Ltd') : reg.addProvider(`${name.split(' ')[0]} Living Ltd`);
    const fields: ServiceFields = {
      name,
      serviceTypes: ['supported_living'],
      specialisms: i % 3 === 2 ? ['mental_health'] : ['learning_disability', 'autism'],
      serviceUserBands: ['younger_adults'],
      cqcRating: ratingFor(g, 0.85),
      onFramework: i < 5,
      onDps: false,
    };
    supportedLiving.push(
      reg.addLocation(
        p,
        inBoroughService(g, o.asAt, fields, 700, () => 'Good'),
        d,
      ),
    );
  }
  return supportedLiving;
}

/** Three extra care housing schemes with homecare on site, rated Good, on the framework. */
export function generateExtraCare({ reg, g, o, inBorough }: LocationDraws): DemoLocation[] {
  const extraCare: DemoLocation[] = [];
  for (let i = 0; i < 3; i++) {
    const d = inBorough[(i * 4 + 2) % inBorough.length];
    const name = `${g.pick(NAME_A)} Court Extra Care`;
    const p = reg.addProvider(i === 0 ? 'Eastbrook Housing and Care Ltd' : `${name.split(' ')[0]} Housing Care Ltd`);
    const fields: ServiceFields = {
      name,
      serviceTypes: ['extra_care', 'homecare'],
      specialisms: ['dementia'],
      serviceUserBands: ['older_people'],
      cqcRating: 'Good',
      onFramework: true,
      onDps: false,
    };
    extraCare.push(
      reg.addLocation(
        p,
        inBoroughService(g, o.asAt, fields, 1_500, () => 'Good'),
        d,
      ),
    );
  }
  return extraCare;
}
