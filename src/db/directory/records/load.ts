// Reading whole directory records back, in batches of services with every child list read per batch.
import { penceToPounds } from '../../../domain/core/money.js';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../client.js';
import {
  omitEmpty,
  type OrukLocation,
  type OrukPhone,
  type OrukService,
  type ServiceStatus,
} from '../../../domain/directory/oruk.js';
import {
  directoryAccessibility,
  directoryAddresses,
  directoryAttributes,
  directoryContacts,
  directoryCostOptions,
  directoryFunding,
  directoryLanguages,
  directoryLocations,
  directoryOrganizationIdentifiers,
  directoryOrganizations,
  directoryPhones,
  directorySchedules,
  directoryServiceAreas,
  directoryServiceAtLocations,
  directoryServices,
  directoryTaxonomyTerms,
} from '../schema.js';
import { CHUNK } from './shared.js';

/**
 * Await query builders one after another (they are lazy until awaited). Inside a transaction there is one
 * connection, and issuing its queries at once is deprecated by node-postgres; on PGlite there is no parallelism.
 */
async function inSequence<T extends readonly unknown[]>(
  queries: readonly [...T],
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const out: unknown[] = [];
  for (const q of queries) out.push(await q);
  return out as { -readonly [K in keyof T]: Awaited<T[K]> };
}

function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

function phonesOut(rows: (typeof directoryPhones.$inferSelect)[] | undefined): OrukPhone[] {
  return (rows ?? []).map((p) =>
    omitEmpty({
      id: p.id,
      number: p.number,
      extension: p.extension ?? undefined,
      type: p.type ?? undefined,
      description: p.description ?? undefined,
    }),
  );
}

/**
 * Whole ORUK service records for `ids`, in the order given (unknown ids are left out). Every optional field
 * without a value is left out, never null; child lists keep the order they were written in.
 */
export async function loadServices(db: Db, ids: string[]): Promise<OrukService[]> {
  if (ids.length === 0) return [];
  const out: OrukService[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await loadChunk(db, ids.slice(i, i + CHUNK))));
  return out;
}

async function loadChunk(db: Db, ids: string[]): Promise<OrukService[]> {
  const services = await db.select().from(directoryServices).where(inArray(directoryServices.id, ids));
  if (services.length === 0) return [];
  const orgIds = [...new Set(services.map((s) => s.organization_id).filter((x): x is string => !!x))];
  const [orgs, orgIdents, sals, contacts, schedules, areas, languages, funding, costs, attributes, servicePhones] =
    await inSequence([
      orgIds.length ? db.select().from(directoryOrganizations).where(inArray(directoryOrganizations.id, orgIds)) : [],
      orgIds.length
        ? db
            .select()
            .from(directoryOrganizationIdentifiers)
            .where(inArray(directoryOrganizationIdentifiers.organization_id, orgIds))
            .orderBy(asc(directoryOrganizationIdentifiers.position))
        : [],
      db
        .select()
        .from(directoryServiceAtLocations)
        .where(inArray(directoryServiceAtLocations.service_id, ids))
        .orderBy(asc(directoryServiceAtLocations.position)),
      db
        .select()
        .from(directoryContacts)
        .where(inArray(directoryContacts.service_id, ids))
        .orderBy(asc(directoryContacts.position)),
      db
        .select()
        .from(directorySchedules)
        .where(inArray(directorySchedules.service_id, ids))
        .orderBy(asc(directorySchedules.position)),
      db
        .select()
        .from(directoryServiceAreas)
        .where(inArray(directoryServiceAreas.service_id, ids))
        .orderBy(asc(directoryServiceAreas.position)),
      db
        .select()
        .from(directoryLanguages)
        .where(inArray(directoryLanguages.service_id, ids))
        .orderBy(asc(directoryLanguages.position)),
      db
        .select()
        .from(directoryFunding)
        .where(inArray(directoryFunding.service_id, ids))
        .orderBy(asc(directoryFunding.position)),
      db
        .select()
        .from(directoryCostOptions)
        .where(inArray(directoryCostOptions.service_id, ids))
        .orderBy(asc(directoryCostOptions.position)),
      db
        .select({ a: directoryAttributes, t: directoryTaxonomyTerms, taxonomy: sql<string>`tx.name` })
        .from(directoryAttributes)
        .innerJoin(directoryTaxonomyTerms, eq(directoryTaxonomyTerms.id, directoryAttributes.taxonomy_term_id))
        .innerJoin(sql`directory_taxonomies tx`, sql`tx.id = ${directoryTaxonomyTerms.taxonomy_id}`)
        .where(inArray(directoryAttributes.service_id, ids))
        .orderBy(asc(directoryAttributes.position)),
      db
        .select()
        .from(directoryPhones)
        .where(inArray(directoryPhones.service_id, ids))
        .orderBy(asc(directoryPhones.position)),
    ]);
  const contactIds = contacts.map((c) => c.id);
  const locIds = [...new Set(sals.map((s) => s.location_id))];
  const [contactPhones, locs, addresses, access, locPhones] = await inSequence([
    contactIds.length
      ? db
          .select()
          .from(directoryPhones)
          .where(inArray(directoryPhones.contact_id, contactIds))
          .orderBy(asc(directoryPhones.position))
      : [],
    locIds.length ? db.select().from(directoryLocations).where(inArray(directoryLocations.id, locIds)) : [],
    locIds.length
      ? db
          .select()
          .from(directoryAddresses)
          .where(inArray(directoryAddresses.location_id, locIds))
          .orderBy(asc(directoryAddresses.position))
      : [],
    locIds.length
      ? db
          .select()
          .from(directoryAccessibility)
          .where(inArray(directoryAccessibility.location_id, locIds))
          .orderBy(asc(directoryAccessibility.position))
      : [],
    locIds.length
      ? db
          .select()
          .from(directoryPhones)
          .where(inArray(directoryPhones.location_id, locIds))
          .orderBy(asc(directoryPhones.position))
      : [],
  ]);
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const identsByOrg = groupBy(orgIdents, (x) => x.organization_id);
  const salsBy = groupBy(sals, (x) => x.service_id);
  const contactsBy = groupBy(contacts, (x) => x.service_id);
  const schedulesBy = groupBy(schedules, (x) => x.service_id);
  const areasBy = groupBy(areas, (x) => x.service_id);
  const languagesBy = groupBy(languages, (x) => x.service_id);
  const fundingBy = groupBy(funding, (x) => x.service_id);
  const costsBy = groupBy(costs, (x) => x.service_id);
  const attributesBy = groupBy(attributes, (x) => x.a.service_id);
  const servicePhonesBy = groupBy(servicePhones, (x) => x.service_id);
  const contactPhonesBy = groupBy(contactPhones, (x) => x.contact_id);
  const locById = new Map(locs.map((l) => [l.id, l]));
  const addressesBy = groupBy(addresses, (x) => x.location_id);
  const accessBy = groupBy(access, (x) => x.location_id);
  const locPhonesBy = groupBy(locPhones, (x) => x.location_id);

  const locationOut = (id: string): OrukLocation => {
    const l = locById.get(id)!;
    return omitEmpty({
      id: l.id,
      location_type: l.location_type as OrukLocation['location_type'],
      name: l.name ?? undefined,
      description: l.description ?? undefined,
      latitude: l.latitude ?? undefined,
      longitude: l.longitude ?? undefined,
      external_identifier: l.external_identifier ?? undefined,
      external_identifier_type: l.external_identifier_type ?? undefined,
      addresses: (addressesBy.get(id) ?? []).map(({ position: _p, ...a }) => omitEmpty(a as never)),
      accessibility: (accessBy.get(id) ?? []).map(({ position: _p, ...a }) => omitEmpty(a as never)),
      phones: phonesOut(locPhonesBy.get(id)),
    });
  };

  const byId = new Map<string, OrukService>();
  for (const s of services) {
    const org = s.organization_id ? orgById.get(s.organization_id) : undefined;
    const record: OrukService = omitEmpty({
      id: s.id,
      organization_id: s.organization_id ?? undefined,
      name: s.name,
      description: s.description ?? undefined,
      url: s.url ?? undefined,
      email: s.email ?? undefined,
      status: s.status as ServiceStatus,
      fees: s.fees ?? undefined,
      accreditations: s.accreditations ?? undefined,
      eligibility_description: s.eligibility_description ?? undefined,
      minimum_age: s.minimum_age ?? undefined,
      maximum_age: s.maximum_age ?? undefined,
      assured_date: s.assured_date ?? undefined,
      assurer_email: s.assurer_email ?? undefined,
      alert: s.alert ?? undefined,
      last_modified: new Date(s.last_modified).toISOString(),
      steward_capacity:
        s.takingReferrals === null
          ? undefined
          : omitEmpty({
              taking_referrals: s.takingReferrals,
              waiting_time_days: s.waitingTimeDays ?? undefined,
              updated: s.capacityUpdated ?? undefined,
            }),
      organization: org
        ? omitEmpty({
            id: org.id,
            name: org.name,
            description: org.description,
            email: org.email ?? undefined,
            website: org.website ?? undefined,
            logo: org.logo ?? undefined,
            uri: org.uri ?? undefined,
            parent_organization_id: org.parent_organization_id ?? undefined,
            organization_identifiers: (identsByOrg.get(org.id) ?? []).map(({ position: _p, ...x }) =>
              omitEmpty(x as never),
            ),
          })
        : undefined,
      schedules: (schedulesBy.get(s.id) ?? []).map(({ position: _p, ...x }) => omitEmpty(x as never)),
      service_areas: (areasBy.get(s.id) ?? []).map(({ position: _p, districts: _d, ...x }) => omitEmpty(x as never)),
      service_at_locations: (salsBy.get(s.id) ?? []).map((sal) =>
        omitEmpty({
          id: sal.id,
          service_id: sal.service_id,
          location_id: sal.location_id,
          description: sal.description ?? undefined,
          location: locationOut(sal.location_id),
        }),
      ),
      languages: (languagesBy.get(s.id) ?? []).map(({ position: _p, ...x }) => omitEmpty(x as never)),
      funding: (fundingBy.get(s.id) ?? []).map(({ position: _p, ...x }) => omitEmpty(x as never)),
      cost_options: (costsBy.get(s.id) ?? []).map(({ position: _p, amountPence, ...x }) =>
        omitEmpty({ ...x, amount: amountPence === null ? undefined : penceToPounds(amountPence) } as never),
      ),
      contacts: (contactsBy.get(s.id) ?? []).map(({ position: _p, ...c }) =>
        omitEmpty({ ...c, phones: phonesOut(contactPhonesBy.get(c.id)) } as never),
      ),
      phones: phonesOut(servicePhonesBy.get(s.id)),
      attributes: (attributesBy.get(s.id) ?? []).map(({ a, t, taxonomy }) =>
        omitEmpty({
          id: a.id,
          link_id: s.id,
          link_type: a.link_type ?? undefined,
          taxonomy_term_id: t.id,
          taxonomy_term: omitEmpty({
            id: t.id,
            name: t.name,
            description: t.description || t.name,
            parent_id: t.parent_id ?? undefined,
            taxonomy,
            taxonomy_id: t.taxonomy_id,
            term_uri: t.term_uri ?? undefined,
            term: t.term ?? undefined,
          }),
        }),
      ),
    });
    byId.set(s.id, record);
  }
  return ids.map((id) => byId.get(id)).filter((r): r is OrukService => !!r);
}

/** One whole service record, or null when there is none with that id. */
export async function loadService(db: Db, id: string): Promise<OrukService | null> {
  const [r] = await loadServices(db, [id]);
  return r ?? null;
}

/** Every service id in the directory, by name then id (the export's order). */
export async function allServiceIds(db: Db): Promise<string[]> {
  const rows = await db
    .select({ id: directoryServices.id })
    .from(directoryServices)
    .orderBy(asc(directoryServices.name), asc(directoryServices.id));
  return rows.map((r) => r.id);
}
