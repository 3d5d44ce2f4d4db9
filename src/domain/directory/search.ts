/**
 * What directory search needs from a record, worked out once when the record is written: the filters (terms,
 * days, cost, ages, areas, coordinates), the words to index, and the card the public page shows for a hit.
 */
import { isFree, openDays } from './curation.js';
import type { OrukService, ServiceStatus, Weekday } from './oruk.js';

/** Text with accents removed and case folded, so "cafe" finds "café" (Unicode NFD, combining marks dropped). */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The result card for a service: what a resident needs to decide whether to open its page. */
export interface SearchCardData {
  id: string;
  name: string;
  organisation: string | null;
  description: string | null;
  status: ServiceStatus;
  place: string | null;
  address: string | null;
  postcode: string | null;
  free: boolean;
  fees: string | null;
  days: Weekday[];
  categories: string[];
  phone: string | null;
  url: string | null;
  email: string | null;
  takingReferrals: boolean | null;
  waitingTimeDays: number | null;
}

/** Postcode districts listed in a service area's extent when it is written as districts ("EB1 EB2, EB3"). */
export function districtsOfExtent(extent: string | undefined, isDistrict: (s: string) => string | null): string[] {
  if (!extent) return [];
  const parts = extent.split(/[\s,;]+/).filter(Boolean);
  const districts = parts.map((p) => isDistrict(p));
  return districts.every((d) => d !== null) ? (districts as string[]) : [];
}

export interface SearchIndexData {
  name: string;
  status: ServiceStatus;
  organizationId: string | null;
  termIds: string[];
  days: Weekday[];
  free: boolean;
  minimumAge: number | null;
  maximumAge: number | null;
  takingReferrals: boolean | null;
  areaDistricts: string[];
  lats: number[];
  lngs: number[];
  /** Folded name (weighted highest in full-text search). */
  nameText: string;
  /** Folded description, organisation, categories, eligibility, places and languages. */
  bodyText: string;
  card: SearchCardData;
}

const DESCRIPTION_CHARS = 400;

/**
 * The search index entry of a service. `isDistrict` normalises a postcode district (or returns null), so this
 * stays free of any one postcode module.
 */
export function searchIndexOf(record: OrukService, isDistrict: (s: string) => string | null): SearchIndexData {
  const locations = (record.service_at_locations ?? []).map((sal) => sal.location);
  const physical = locations.filter((l) => l.latitude !== undefined && l.longitude !== undefined);
  const first = locations.find((l) => l.location_type === 'physical') ?? locations[0];
  const address = first?.addresses?.[0];
  const terms = (record.attributes ?? []).map((a) => a.taxonomy_term);
  const description = record.description ?? null;
  const body = [
    record.description,
    record.organization?.name,
    record.eligibility_description,
    record.fees,
    ...terms.flatMap((t) => [t.name, t.description]),
    ...locations.flatMap((l) => [l.name, ...(l.addresses ?? []).flatMap((a) => [a.city, a.postal_code])]),
    ...(record.languages ?? []).map((l) => l.name),
  ];
  return {
    name: record.name,
    status: record.status,
    organizationId: record.organization?.id ?? record.organization_id ?? null,
    termIds: [...new Set(terms.map((t) => t.id))],
    days: openDays(record.schedules),
    free: isFree(record.cost_options, record.fees),
    minimumAge: record.minimum_age ?? null,
    maximumAge: record.maximum_age ?? null,
    takingReferrals: record.steward_capacity?.taking_referrals ?? null,
    areaDistricts: [...new Set((record.service_areas ?? []).flatMap((a) => districtsOfExtent(a.extent, isDistrict)))],
    lats: physical.map((l) => l.latitude!),
    lngs: physical.map((l) => l.longitude!),
    nameText: foldForSearch(record.name),
    bodyText: foldForSearch(body.filter(Boolean).join(' ')),
    card: {
      id: record.id,
      name: record.name,
      organisation: record.organization?.name ?? null,
      description:
        description && description.length > DESCRIPTION_CHARS
          ? `${description.slice(0, DESCRIPTION_CHARS - 1).trimEnd()}…`
          : description,
      status: record.status,
      place: first?.name ?? null,
      address: address ? [address.address_1, address.address_2, address.city].filter(Boolean).join(', ') : null,
      postcode: address?.postal_code ?? null,
      free: isFree(record.cost_options, record.fees),
      fees: record.fees ?? null,
      days: openDays(record.schedules),
      categories: terms.map((t) => t.name),
      phone: record.phones?.[0]?.number ?? null,
      url: record.url ?? null,
      email: record.email ?? null,
      takingReferrals: record.steward_capacity?.taking_referrals ?? null,
      waitingTimeDays: record.steward_capacity?.waiting_time_days ?? null,
    },
  };
}
