// Writing what directory records share rather than own: the taxonomy terms they use, their organisations and the
// locations they are delivered at (each upserted, as other services may point at them), with the organisations'
// identifiers and the locations' addresses, accessibility and phones replaced.
import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../../client.js';
import type { OrukLocation, OrukOrganization, OrukPhone, OrukService } from '../../../domain/directory/oruk.js';
import { normalisePostcodeDistrict } from '../../../domain/discharge/geo.js';
import { fromExcluded } from '../../upsert.js';
import {
  directoryAccessibility,
  directoryAddresses,
  directoryLocations,
  directoryOrganizationIdentifiers,
  directoryOrganizations,
  directoryPhones,
  directoryTaxonomyTerms,
} from '../schema.js';
import { ensureTermsFromRecords } from '../taxonomies.js';
import { CHUNK, insertChunks } from './shared.js';

/** Phone rows for one owner (a service, a contact or a location), in the order given. */
export function phoneRows(
  phones: OrukPhone[] | undefined,
  owner: { service_id?: string; contact_id?: string; location_id?: string },
) {
  return (phones ?? []).map((p, position) => ({
    id: p.id,
    service_id: owner.service_id ?? null,
    contact_id: owner.contact_id ?? null,
    location_id: owner.location_id ?? null,
    number: p.number,
    extension: p.extension ?? null,
    type: p.type ?? null,
    description: p.description ?? null,
    position,
  }));
}

/**
 * Make sure every taxonomy term the records use exists: a term not yet known is added from the record, which must
 * carry it in full (see `ensureTermsFromRecords`).
 * @throws InputError when a term is unknown and not given in full
 */
export async function ensureTermsUsed(db: Db, records: OrukService[]): Promise<void> {
  const termsUsed = new Map<string, NonNullable<OrukService['attributes']>[number]['taxonomy_term']>();
  for (const r of records) for (const a of r.attributes ?? []) termsUsed.set(a.taxonomy_term.id, a.taxonomy_term);
  if (termsUsed.size) {
    const known = new Set(
      (
        await db
          .select({ id: directoryTaxonomyTerms.id })
          .from(directoryTaxonomyTerms)
          .where(inArray(directoryTaxonomyTerms.id, [...termsUsed.keys()]))
      ).map((t) => t.id),
    );
    const missing = [...termsUsed.values()].filter((t) => !known.has(t.id));
    if (missing.length) {
      await ensureTermsFromRecords(db, missing);
    }
  }
}

/** Upsert the records' organisations (by id) and replace each one's identifiers. */
export async function saveOrganisations(db: Db, records: OrukService[]): Promise<void> {
  const orgs = new Map<string, OrukOrganization>();
  for (const r of records) if (r.organization) orgs.set(r.organization.id, r.organization);
  if (orgs.size) {
    const orgIds = [...orgs.keys()];
    for (let i = 0; i < orgIds.length; i += CHUNK) {
      const chunk = orgIds.slice(i, i + CHUNK).map((id) => orgs.get(id)!);
      await db
        .insert(directoryOrganizations)
        .values(
          chunk.map((o) => ({
            id: o.id,
            name: o.name,
            description: o.description,
            email: o.email ?? null,
            website: o.website ?? null,
            logo: o.logo ?? null,
            uri: o.uri ?? null,
            parent_organization_id: o.parent_organization_id ?? null,
          })),
        )
        .onConflictDoUpdate({
          target: directoryOrganizations.id,
          set: {
            ...fromExcluded(directoryOrganizations, [
              'name',
              'description',
              'email',
              'website',
              'logo',
              'uri',
              'parent_organization_id',
            ]),
            updatedAt: sql`now()`,
          },
        });
    }
    await db
      .delete(directoryOrganizationIdentifiers)
      .where(inArray(directoryOrganizationIdentifiers.organization_id, orgIds));
    await insertChunks(
      db,
      directoryOrganizationIdentifiers,
      [...orgs.values()].flatMap((o) =>
        (o.organization_identifiers ?? []).map((x, position) => ({
          id: x.id,
          organization_id: o.id,
          identifier_scheme: x.identifier_scheme ?? null,
          identifier_type: x.identifier_type,
          identifier: x.identifier,
          position,
        })),
      ),
    );
  }
}

/**
 * Upsert the locations the records are delivered at (shared between services) and replace each one's addresses,
 * accessibility and phones. The postcode district is taken from the first address.
 */
export async function saveLocations(db: Db, records: OrukService[]): Promise<void> {
  const locations = new Map<string, OrukLocation>();
  for (const r of records) for (const sal of r.service_at_locations ?? []) locations.set(sal.location.id, sal.location);
  if (locations.size) {
    const locIds = [...locations.keys()];
    const locRows = [...locations.values()].map((l) => ({
      id: l.id,
      location_type: l.location_type,
      name: l.name ?? null,
      description: l.description ?? null,
      latitude: l.latitude ?? null,
      longitude: l.longitude ?? null,
      external_identifier: l.external_identifier ?? null,
      external_identifier_type: l.external_identifier_type ?? null,
      postcodeDistrict: l.addresses?.[0] ? normalisePostcodeDistrict(l.addresses[0].postal_code) : null,
    }));
    for (let i = 0; i < locRows.length; i += CHUNK) {
      await db
        .insert(directoryLocations)
        .values(locRows.slice(i, i + CHUNK))
        .onConflictDoUpdate({
          target: directoryLocations.id,
          set: fromExcluded(directoryLocations, [
            'location_type',
            'name',
            'description',
            'latitude',
            'longitude',
            'external_identifier',
            'external_identifier_type',
            'postcodeDistrict',
          ]),
        });
    }
    for (let i = 0; i < locIds.length; i += CHUNK) {
      const chunk = locIds.slice(i, i + CHUNK);
      await db.delete(directoryAddresses).where(inArray(directoryAddresses.location_id, chunk));
      await db.delete(directoryAccessibility).where(inArray(directoryAccessibility.location_id, chunk));
      await db.delete(directoryPhones).where(inArray(directoryPhones.location_id, chunk));
    }
    const all = [...locations.values()];
    await insertChunks(
      db,
      directoryAddresses,
      all.flatMap((l) =>
        (l.addresses ?? []).map((a, position) => ({
          id: a.id,
          location_id: l.id,
          attention: a.attention ?? null,
          address_1: a.address_1,
          address_2: a.address_2 ?? null,
          city: a.city,
          region: a.region ?? null,
          state_province: a.state_province,
          postal_code: a.postal_code,
          country: a.country,
          address_type: a.address_type,
          position,
        })),
      ),
    );
    await insertChunks(
      db,
      directoryAccessibility,
      all.flatMap((l) =>
        (l.accessibility ?? []).map((a, position) => ({
          id: a.id,
          location_id: l.id,
          description: a.description ?? null,
          details: a.details ?? null,
          url: a.url ?? null,
          position,
        })),
      ),
    );
    await insertChunks(
      db,
      directoryPhones,
      all.flatMap((l) => phoneRows(l.phones, { location_id: l.id })),
    );
  }
}
