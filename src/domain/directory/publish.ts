/**
 * Publishing Steward's own registers to the directory without typing them twice: a market register location (a
 * care home, a homecare branch, a supported living scheme) or a contracted service becomes a directory service,
 * with its provider as the organisation. Ids are derived from the source record, so publishing again updates the
 * same entry. Pure: the caller reads the registers and saves the result.
 */
import { addDays, type IsoDate } from '../core/dates.js';
import { stableUuid } from './ids.js';
import type { OrukAttribute, OrukLocation, OrukService } from './oruk.js';
import {
  CQC_SERVICE_TYPE_TERMS,
  CQC_SPECIALISM_TERMS,
  CQC_TAXONOMY,
  NEEDS_TAXONOMY,
  LGA_SERVICES_TAXONOMY,
  type NeedCode,
  type ShippedTaxonomy,
} from './taxonomies.js';

export interface MarketProviderInput {
  id: string;
  name: string;
  cqcProviderId: string | null;
}

export interface MarketLocationInput {
  id: string;
  name: string;
  address: string;
  postcode: string;
  localAuthorityName: string | null;
  region: string | null;
  phone: string | null;
  website: string | null;
  cqcLocationId: string | null;
  serviceTypes: string[];
  specialisms: string[];
  registeredBeds: number | null;
  cqcRating: string | null;
  deregistered: boolean;
  selfFunderWeeklyFeePence: number | null;
  lat: number | null;
  lng: number | null;
}

/** Latest capacity the provider reported: care home beds free to admit, or homecare hours available. */
export interface MarketCapacityInput {
  /** Beds vacant and accepting admissions (care homes), or null. */
  vacantAccepting: number | null;
  /** New homecare hours a week the agency can take on, or null. */
  newHoursAvailable: number | null;
  /** When the return was made (ISO date-time). */
  asAt: string;
}

function term(taxonomy: ShippedTaxonomy, code: string) {
  const t = taxonomy.terms.find((x) => x.term === code);
  if (!t) throw new RangeError(`No term "${code}" in ${taxonomy.name}`);
  return t;
}

function attributes(serviceId: string, terms: ReturnType<typeof term>[]): OrukAttribute[] {
  return terms.map((t) => ({
    id: stableUuid(`attribute:${serviceId}:${t.id}`),
    link_id: serviceId,
    link_type: 'service',
    taxonomy_term_id: t.id,
    taxonomy_term: t,
  }));
}

/** The directory organisation for a market register provider (same id every time it is published). */
export function providerOrganisation(provider: MarketProviderInput): NonNullable<OrukService['organization']> {
  const id = stableUuid(`market-provider:${provider.id}`);
  return {
    id,
    name: provider.name,
    description: `${provider.name} provides adult social care registered with the Care Quality Commission.`,
    ...(provider.cqcProviderId
      ? {
          organization_identifiers: [
            {
              id: stableUuid(`market-provider-cqc:${provider.id}`),
              organization_id: id,
              identifier_type: 'CQC provider ID',
              identifier: provider.cqcProviderId,
            },
          ],
        }
      : {}),
  };
}

/** "12 Elm Road, Collier Heath" → address line and town; a one-part address uses the council area as town. */
function splitAddress(address: string, fallbackTown: string): { address_1: string; address_2?: string; city: string } {
  const parts = address
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return { address_1: fallbackTown, city: fallbackTown };
  if (parts.length === 1) return { address_1: parts[0], city: fallbackTown };
  const city = parts[parts.length - 1];
  const lines = parts.slice(0, -1);
  return { address_1: lines[0], ...(lines.length > 1 ? { address_2: lines.slice(1).join(', ') } : {}), city };
}

/** The directory location for a market register location. */
export function marketPlace(loc: MarketLocationInput): OrukLocation {
  const id = stableUuid(`market-location-place:${loc.id}`);
  const town = loc.localAuthorityName ?? loc.region ?? '';
  return {
    id,
    location_type: 'physical',
    name: loc.name,
    ...(loc.lat !== null && loc.lng !== null ? { latitude: loc.lat, longitude: loc.lng } : {}),
    ...(loc.cqcLocationId
      ? { external_identifier: loc.cqcLocationId, external_identifier_type: 'CQC location ID' }
      : {}),
    addresses: [
      {
        id: stableUuid(`market-location-address:${loc.id}`),
        location_id: id,
        ...splitAddress(loc.address, town),
        state_province: loc.region ?? '',
        postal_code: loc.postcode,
        country: 'GB',
        address_type: 'physical',
      },
    ],
  };
}

const CARE_HOME_TYPES = new Set(['care_home_nursing', 'care_home_residential']);

/**
 * A market register location as a directory service: CQC service types and specialisms become terms of the CQC
 * taxonomy (and "Care and support" in the needs list), the self-funder weekly fee a cost option, the latest
 * capacity return the `steward_capacity` extension (taking referrals when a care home has a bed free to admit or
 * a homecare agency has hours to offer). A deregistered location is published as defunct.
 */
export function marketLocationService(
  loc: MarketLocationInput,
  provider: MarketProviderInput,
  capacity: MarketCapacityInput | null,
): OrukService {
  const id = stableUuid(`market-location:${loc.id}`);
  const org = providerOrganisation(provider);
  const careHome = loc.serviceTypes.some((t) => CARE_HOME_TYPES.has(t));
  const typeTerms = loc.serviceTypes.filter((t) => CQC_SERVICE_TYPE_TERMS[t]).map((t) => CQC_SERVICE_TYPE_TERMS[t]);
  const specialismTerms = loc.specialisms.filter((s) => CQC_SPECIALISM_TERMS[s]).map((s) => CQC_SPECIALISM_TERMS[s]);
  const terms = [
    term(NEEDS_TAXONOMY, 'care-and-support'),
    ...typeTerms.map((c) => term(CQC_TAXONOMY, c)),
    ...specialismTerms.map((c) => term(CQC_TAXONOMY, c)),
    ...(loc.serviceTypes.includes('homecare') ? [term(LGA_SERVICES_TAXONOMY, '242')] : []),
  ];
  const kind = typeTerms.length ? typeTerms.join(' and ').toLowerCase() : 'care service';
  const who = specialismTerms.length ? ` Specialisms: ${specialismTerms.join(', ')}.` : '';
  const beds = careHome && loc.registeredBeds ? ` ${loc.registeredBeds} registered beds.` : '';
  const rating = loc.cqcRating ? ` CQC rating: ${loc.cqcRating}.` : ' Not yet rated by the CQC.';
  const place = marketPlace(loc);
  let takingReferrals: boolean | null = null;
  if (capacity) {
    if (careHome && capacity.vacantAccepting !== null) takingReferrals = capacity.vacantAccepting > 0;
    else if (!careHome && capacity.newHoursAvailable !== null) takingReferrals = capacity.newHoursAvailable > 0;
  }
  return {
    id,
    organization_id: org.id,
    name: loc.name,
    description: `${loc.name} (${kind}), run by ${provider.name}.${beds}${who}${rating}`,
    ...(loc.website ? { url: loc.website } : {}),
    status: loc.deregistered ? 'defunct' : 'active',
    minimum_age: 18,
    fees: 'Fees depend on assessed needs. The council may pay towards care after a financial assessment.',
    ...(loc.selfFunderWeeklyFeePence
      ? {
          cost_options: [
            {
              id: stableUuid(`market-location-fee:${loc.id}`),
              service_id: id,
              option: 'People who pay for their own care',
              amount: loc.selfFunderWeeklyFeePence / 100,
              currency: 'GBP',
              amount_description: 'per week, from',
            },
          ],
        }
      : {}),
    organization: org,
    schedules: [
      {
        id: stableUuid(`market-location-schedule:${loc.id}`),
        service_id: id,
        freq: 'WEEKLY',
        byday: 'MO,TU,WE,TH,FR,SA,SU',
        ...(careHome
          ? { opens_at: '00:00:00', closes_at: '23:59:00', description: 'Care and support 24 hours a day, every day.' }
          : { description: 'Visits can be arranged every day, including early mornings and evenings.' }),
      },
    ],
    service_at_locations: [
      {
        id: stableUuid(`market-location-sal:${loc.id}`),
        service_id: id,
        location_id: place.id,
        location: place,
      },
    ],
    ...(loc.phone ? { phones: [{ id: stableUuid(`market-location-phone:${loc.id}`), number: loc.phone }] } : {}),
    attributes: attributes(id, terms),
    ...(takingReferrals !== null && capacity
      ? { steward_capacity: { taking_referrals: takingReferrals, updated: capacity.asAt } }
      : {}),
  };
}

export interface ContractInput {
  id: string;
  reference: string;
  title: string;
  serviceArea: string;
  careGroup: string;
  startDate: IsoDate;
  endDate: IsoDate;
}

/** Contract service areas (src/domain/contracts/contract.ts) as community needs. */
export const CONTRACT_AREA_NEEDS: Record<string, NeedCode> = {
  care_homes: 'care-and-support',
  homecare: 'care-and-support',
  supported_living: 'care-and-support',
  extra_care: 'care-and-support',
  reablement: 'hospital-discharge',
  day_opportunities: 'day-opportunities',
  carers: 'carers',
  prevention: 'loneliness',
  advocacy: 'money-advice',
  equipment: 'equipment',
  other: 'care-and-support',
};

const CARE_GROUP_AGES: Record<string, { minimum_age?: number }> = {
  older_people: { minimum_age: 65 },
};

/**
 * A contracted service as a directory service run by the contract's provider, at the contract's market location
 * when it has one. Its service area gives the community need it is listed under; the contract's dates bound the
 * published schedule's validity.
 */
export function contractService(
  contract: ContractInput,
  provider: MarketProviderInput,
  location: MarketLocationInput | null,
  serviceAreaLabel: string,
  careGroupLabel: string,
): OrukService {
  const id = stableUuid(`contract:${contract.id}`);
  const org = providerOrganisation(provider);
  const need = CONTRACT_AREA_NEEDS[contract.serviceArea] ?? 'care-and-support';
  const place = location ? marketPlace(location) : null;
  return {
    id,
    organization_id: org.id,
    name: contract.title,
    description: `${serviceAreaLabel} for ${careGroupLabel.toLowerCase()}, provided by ${provider.name} under a contract with the council.`,
    status: 'active',
    ...CARE_GROUP_AGES[contract.careGroup],
    fees: 'Free to people the council refers; ask about eligibility.',
    organization: org,
    schedules: [
      {
        id: stableUuid(`contract-schedule:${contract.id}`),
        service_id: id,
        valid_from: contract.startDate,
        valid_to: addDays(contract.endDate, 0),
        freq: 'WEEKLY',
        byday: 'MO,TU,WE,TH,FR',
        opens_at: '09:00:00',
        closes_at: '17:00:00',
        description: 'Referrals taken Monday to Friday, 9am to 5pm.',
      },
    ],
    ...(place
      ? {
          service_at_locations: [
            {
              id: stableUuid(`contract-sal:${contract.id}`),
              service_id: id,
              location_id: place.id,
              location: place,
            },
          ],
        }
      : {}),
    attributes: attributes(id, [term(NEEDS_TAXONOMY, need)]),
  };
}
