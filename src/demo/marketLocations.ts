// The demo market's register as it is built: providers and locations with their synthetic CQC ids, names,
// addresses and coordinates, and the rating draws every kind of service shares.
import type { Rng } from '../domain/core/random.js';
import { addDays } from '../domain/core/dates.js';
import type { DemoDistrictInput, DemoLocation, DemoMarketOptions, DemoProvider } from './marketTypes.js';
import { FEATURED_HOME_NAME } from './marketConstants.js';
import { NAME_A, NAME_B, STREETS } from './marketNames.js';

/** What a generator says of a new location; the register fills in its key, ids, place and address. */
export type NewLocation = Omit<
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
>;

/**
 * The providers and locations generated so far. Names, CQC ids, addresses and coordinates are drawn from `names`
 * (one stream, in the order things are added), so the same additions in the same order give the same register.
 */
export class MarketRegister {
  readonly providers: DemoProvider[] = [];
  readonly locations: DemoLocation[] = [];
  private cqcSeq = 0;
  private readonly usedNames = new Set<string>([FEATURED_HOME_NAME]);

  constructor(
    private readonly names: Rng,
    private readonly o: DemoMarketOptions,
  ) {}

  private cqcId(): string {
    return `1-9${String(100_000_000 + this.cqcSeq++ * 7_919 + this.names.int(0, 7_000)).padStart(9, '0')}`;
  }

  /** A care home name not used before (nor the featured home's). */
  homeName(): string {
    for (;;) {
      const n = `${this.names.pick(NAME_A)} ${this.names.pick(NAME_B)}`;
      if (!this.usedNames.has(n)) {
        this.usedNames.add(n);
        return n;
      }
    }
  }

  private address(d: DemoDistrictInput) {
    const r = this.names;
    const inward =
      `${r.int(1, 9)}${String.fromCharCode(65 + r.int(0, 25))}${String.fromCharCode(65 + r.int(0, 25))}`.replace(
        /[CIKMOV]/g,
        'A',
      );
    return {
      address: `${r.int(1, 240)} ${r.pick(STREETS)}, ${d.locality}`,
      postcode: `${d.district} ${inward}`,
    };
  }

  /** The provider of that name: the one already added, or a new one with the next key and a CQC id. */
  addProvider(name: string): DemoProvider {
    const existing = this.providers.find((p) => p.name === name);
    if (existing) return existing;
    const p = { key: `prov-${this.providers.length + 1}`, name, cqcProviderId: this.cqcId() };
    this.providers.push(p);
    return p;
  }

  /** Add a location of provider `p` in district `d`: an address there, coordinates within about a kilometre. */
  addLocation(p: DemoProvider, l: NewLocation, d: DemoDistrictInput): DemoLocation {
    const { o } = this;
    const a = this.address(d);
    const loc: DemoLocation = {
      key: `loc-${this.locations.length + 1}`,
      providerKey: p.key,
      cqcLocationId: this.cqcId(),
      ...a,
      postcodeDistrict: d.district,
      localAuthorityGss: d.gssCode,
      localAuthorityName: d.gssCode === o.boroughGss ? o.boroughName : (o.neighbourNames[d.gssCode] ?? d.gssCode),
      region: 'London',
      lat: d.lat + this.names.uniform(-0.008, 0.008),
      lng: d.lng + this.names.uniform(-0.012, 0.012),
      ...l,
    };
    this.locations.push(loc);
    return loc;
  }
}

/** A CQC rating: 5% Outstanding, Good up to `pGoodOrBetter`, most of the rest Requires improvement, else Inadequate. */
export function ratingFor(g: Rng, pGoodOrBetter: number): string | null {
  const x = g.next();
  if (x < 0.05) return 'Outstanding';
  if (x < pGoodOrBetter) return 'Good';
  if (x < pGoodOrBetter + (1 - pGoodOrBetter) * 0.8) return 'Requires improvement';
  return 'Inadequate';
}

/** When the CQC rating was given: 60 to 1,300 days before `asAt` (ISO date). */
export function ratingDate(g: Rng, asAt: string): string {
  return addDays(asAt, -g.int(60, 1_300));
}

/** The council's own quality rating, in line with the CQC rating: Poor for Inadequate, mostly Good otherwise. */
export function councilRating(cqc: string | null, g: Rng): string {
  return cqc === 'Inadequate'
    ? 'Poor'
    : cqc === 'Requires improvement'
      ? g.pick(['Requires improvement', 'Good'])
      : g.pick(['Good', 'Good', 'Good', 'Excellent']);
}
