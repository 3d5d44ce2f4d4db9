// A service record as a form or suggestion sends it, made ready to save: tidied, given ids, checked against the ORUK
// shape, and physical locations given coordinates from their postcode district.
import { randomUUID } from 'node:crypto';
import { InputError } from '../../domain/core/errors.js';
import { dropBlanks, orukServiceSchema, type OrukService } from '../../domain/directory/oruk.js';
import { districtCentroid } from '../../db/directory/search.js';
import type { Db } from '../../db/client.js';
import { normalisePostcodeDistrict } from '../../domain/discharge/geo.js';

/** Lists in a service record whose items need ids, with their own nested lists. */
const NESTED: Record<string, string[]> = {
  schedules: [],
  service_areas: [],
  languages: [],
  funding: [],
  cost_options: [],
  contacts: ['phones'],
  phones: [],
  attributes: [],
  service_at_locations: [],
};

/** Give every part of a form's record an id (new parts arrive without one). */
function withIds(raw: Record<string, unknown>): Record<string, unknown> {
  const fill = (item: unknown): unknown =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? { id: (item as { id?: string }).id || randomUUID(), ...(item as object) }
      : item;
  const out: Record<string, unknown> = { ...raw };
  for (const [list, inner] of Object.entries(NESTED)) {
    if (!Array.isArray(out[list])) continue;
    out[list] = (out[list] as unknown[]).map((x) => {
      const withId = fill(x) as Record<string, unknown>;
      for (const sub of inner) if (Array.isArray(withId[sub])) withId[sub] = (withId[sub] as unknown[]).map(fill);
      if (list === 'service_at_locations' && withId.location && typeof withId.location === 'object') {
        const loc = fill(withId.location) as Record<string, unknown>;
        for (const sub of ['addresses', 'accessibility', 'phones'])
          if (Array.isArray(loc[sub])) loc[sub] = (loc[sub] as unknown[]).map(fill);
        withId.location = loc;
      }
      return withId;
    });
  }
  if (out.organization && typeof out.organization === 'object') {
    const org = fill(out.organization) as Record<string, unknown>;
    if (Array.isArray(org.organization_identifiers))
      org.organization_identifiers = org.organization_identifiers.map(fill);
    out.organization = org;
  }
  return out;
}

/**
 * A service record from a form or suggestion, tidied (blanks dropped), given ids where parts lack them, and
 * checked against the ORUK shape. @throws InputError naming each field at fault under `service.`.
 */
export function prepareService(raw: unknown, id: string): OrukService {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw InputError.field('service', 'Send the service as an object');
  const tidy = withIds({ ...(dropBlanks(raw) as Record<string, unknown>), id });
  const parsed = orukServiceSchema.safeParse(tidy);
  if (!parsed.success)
    throw new InputError(
      parsed.error.issues.map((e) => ({
        field: ['service', ...e.path.map(String)].join('.'),
        message: e.message,
        in: 'body',
      })),
    );
  const service = parsed.data;
  if (service.organization) service.organization_id = service.organization.id;
  return service;
}

/**
 * Physical locations given without coordinates get their postcode district's centroid (ONSPD), so a new entry is
 * found by distance at once; a curator can refine it later.
 */
export async function fillCoordinates(db: Db, service: OrukService): Promise<OrukService> {
  for (const sal of service.service_at_locations ?? []) {
    const loc = sal.location;
    if (loc.location_type !== 'physical' || loc.latitude !== undefined) continue;
    const district = normalisePostcodeDistrict(loc.addresses?.[0]?.postal_code ?? '');
    const near = district ? await districtCentroid(db, district) : null;
    if (near) Object.assign(loc, { latitude: near.lat, longitude: near.lng });
  }
  return service;
}
