// Writing whole directory records: a service with its organisation, locations, schedules, contacts, phones, costs,
// areas, languages, funding and taxonomy terms, in batches so an import of thousands of services is a few statements
// per table, not per service; and deleting one.
import { poundsToPence } from '../../../domain/core/money.js';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../client.js';
import { londonToday, type IsoDate } from '../../../domain/core/dates.js';
import { InputError } from '../../../domain/core/errors.js';
import { diffServices, nextReviewDate, type FieldChange } from '../../../domain/directory/curation.js';
import { districtsOfExtent } from '../../../domain/directory/search.js';
import {
  type OrukLocation,
  type OrukOrganization,
  type OrukPhone,
  type OrukService,
} from '../../../domain/directory/oruk.js';
import { normalisePostcodeDistrict } from '../../../domain/discharge/geo.js';
import type { AuditActor } from '../../core/audit.js';
import {
  directoryAccessibility,
  directoryAddresses,
  directoryAttributes,
  directoryContacts,
  directoryCostOptions,
  directoryFunding,
  directoryHistory,
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
import { ensureTermsFromRecords } from '../taxonomies.js';
import { CHUNK, insertChunks, labelOf, type ServiceSource } from './shared.js';
import { loadServices } from './load.js';
import { writeSearchIndex } from './searchIndex.js';

export interface SaveMeta {
  source: ServiceSource;
  /** History action, e.g. "created", "updated", "imported", "suggestion approved". */
  action: string;
  actor: AuditActor;
  /** Review date to set; by default kept for existing entries and twelve months from today for new ones. */
  reviewDate?: IsoDate;
  /** Marks the entry reviewed today (curator's edit or approval): the review date moves twelve months on. */
  reviewed?: boolean;
  /** Links kept for entries published from Steward's own registers. */
  marketLocationId?: string | null;
  contractId?: string | null;
  /** Keep each record's `last_modified` as given (imports) instead of stamping now. */
  keepLastModified?: boolean;
  /** Write a history entry per service (default true; the 20,000-service benchmark turns it off). */
  history?: boolean;
  /** The business day, for review dates (default: today in London). */
  today?: IsoDate;
}

function phoneRows(
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
 * Write whole service records (create or replace), in one go: organisations, identifiers, services, locations
 * (shared between services, upserted), and every child list, replaced. Taxonomy terms a record uses must exist
 * (write taxonomies first) unless the record carries the term in full, in which case the term is added to its
 * taxonomy (or to "Imported terms").
 * @returns the ids written, with the changes each made (for history and the caller's summary).
 * @throws InputError naming the service and field when a record breaks a rule the schema cannot express
 *   (maximum age below minimum age; a term unknown and not given in full).
 */
export async function saveServices(
  db: Db,
  records: OrukService[],
  meta: SaveMeta,
): Promise<{ id: string; created: boolean; changes: FieldChange[] }[]> {
  if (records.length === 0) return [];
  const today = meta.today ?? londonToday();
  const now = new Date().toISOString();
  const ids = records.map((r) => r.id);
  const errors = records.flatMap((r, i) =>
    r.minimum_age !== undefined && r.maximum_age !== undefined && r.maximum_age < r.minimum_age
      ? [{ field: `services.${i}.maximum_age`, message: `Maximum age of ${r.name} must not be below its minimum age` }]
      : [],
  );
  if (errors.length) throw new InputError(errors);

  const existingRows = await db
    .select({ id: directoryServices.id, reviewDate: directoryServices.reviewDate, source: directoryServices.source })
    .from(directoryServices)
    .where(inArray(directoryServices.id, ids));
  const existing = new Map(existingRows.map((r) => [r.id, r]));
  const wantHistory = meta.history !== false;
  const before = wantHistory && existing.size ? await loadServices(db, [...existing.keys()]) : [];
  const beforeById = new Map(before.map((r) => [r.id, r]));

  // Terms: make sure every term a record uses exists.
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

  // Organisations.
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
            name: sql`excluded.name`,
            description: sql`excluded.description`,
            email: sql`excluded.email`,
            website: sql`excluded.website`,
            logo: sql`excluded.logo`,
            uri: sql`excluded.uri`,
            parent_organization_id: sql`excluded.parent_organization_id`,
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

  // Services.
  const serviceRows = records.map((r) => {
    const old = existing.get(r.id);
    const reviewDate = meta.reviewDate ?? (meta.reviewed || !old ? nextReviewDate(today) : old.reviewDate);
    return {
      id: r.id,
      organization_id: r.organization?.id ?? r.organization_id ?? null,
      name: r.name,
      description: r.description ?? null,
      url: r.url ?? null,
      email: r.email ?? null,
      status: r.status,
      fees: r.fees ?? null,
      accreditations: r.accreditations ?? null,
      eligibility_description: r.eligibility_description ?? null,
      minimum_age: r.minimum_age ?? null,
      maximum_age: r.maximum_age ?? null,
      assured_date: r.assured_date ?? null,
      assurer_email: r.assurer_email ?? null,
      alert: r.alert ?? null,
      last_modified: meta.keepLastModified && r.last_modified ? r.last_modified : now,
      takingReferrals: r.steward_capacity?.taking_referrals ?? null,
      waitingTimeDays: r.steward_capacity?.waiting_time_days ?? null,
      capacityUpdated: r.steward_capacity?.updated ?? null,
      reviewDate,
      lastReviewedOn: meta.reviewed ? today : null,
      source: old && meta.source === 'staff' ? old.source : meta.source,
      ...(meta.marketLocationId !== undefined ? { marketLocationId: meta.marketLocationId } : {}),
      ...(meta.contractId !== undefined ? { contractId: meta.contractId } : {}),
    };
  });
  for (let i = 0; i < serviceRows.length; i += CHUNK) {
    const chunk = serviceRows.slice(i, i + CHUNK);
    const set: Record<string, unknown> = {};
    for (const key of Object.keys(chunk[0]) as (keyof (typeof chunk)[0])[]) {
      if (key === 'id' || key === 'lastReviewedOn') continue;
      const column = directoryServices[key as keyof typeof directoryServices] as { name: string };
      set[key] = sql.raw(`excluded."${column.name}"`);
    }
    if (meta.reviewed) set.lastReviewedOn = sql.raw('excluded."last_reviewed_on"');
    await db.insert(directoryServices).values(chunk).onConflictDoUpdate({ target: directoryServices.id, set });
  }

  // Child lists: replaced whole.
  const childTables = [
    directoryServiceAtLocations,
    directoryContacts,
    directorySchedules,
    directoryServiceAreas,
    directoryLanguages,
    directoryFunding,
    directoryCostOptions,
    directoryAttributes,
  ] as const;
  for (const table of childTables) await db.delete(table).where(inArray(table.service_id, ids));
  await db.delete(directoryPhones).where(inArray(directoryPhones.service_id, ids));

  // Locations (shared): upserted, with their own lists replaced.
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
          set: {
            location_type: sql`excluded.location_type`,
            name: sql`excluded.name`,
            description: sql`excluded.description`,
            latitude: sql`excluded.latitude`,
            longitude: sql`excluded.longitude`,
            external_identifier: sql`excluded.external_identifier`,
            external_identifier_type: sql`excluded.external_identifier_type`,
            postcodeDistrict: sql`excluded.postcode_district`,
          },
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

  const per = <T>(fn: (r: OrukService) => T[]) => records.flatMap(fn);
  await insertChunks(
    db,
    directoryServiceAtLocations,
    per((r) =>
      (r.service_at_locations ?? []).map((sal, position) => ({
        id: sal.id,
        service_id: r.id,
        location_id: sal.location.id,
        description: sal.description ?? null,
        position,
      })),
    ),
  );
  await insertChunks(
    db,
    directoryContacts,
    per((r) =>
      (r.contacts ?? []).map((c, position) => ({
        id: c.id,
        service_id: r.id,
        name: c.name ?? null,
        title: c.title ?? null,
        department: c.department ?? null,
        email: c.email ?? null,
        position,
      })),
    ),
  );
  await insertChunks(
    db,
    directoryPhones,
    per((r) => [
      ...phoneRows(r.phones, { service_id: r.id }),
      ...(r.contacts ?? []).flatMap((c) => phoneRows(c.phones, { contact_id: c.id })),
    ]),
  );
  await insertChunks(
    db,
    directorySchedules,
    per((r) =>
      (r.schedules ?? []).map((s, position) => ({
        id: s.id,
        service_id: r.id,
        service_at_location_id: s.service_at_location_id ?? null,
        valid_from: s.valid_from ?? null,
        valid_to: s.valid_to ?? null,
        dtstart: s.dtstart ?? null,
        freq: s.freq ?? null,
        interval: s.interval ?? null,
        byday: s.byday ?? null,
        bymonthday: s.bymonthday ?? null,
        description: s.description ?? null,
        opens_at: s.opens_at ?? null,
        closes_at: s.closes_at ?? null,
        schedule_link: s.schedule_link ?? null,
        attending_type: s.attending_type ?? null,
        notes: s.notes ?? null,
        position,
      })),
    ),
  );
  await insertChunks(
    db,
    directoryServiceAreas,
    per((r) =>
      (r.service_areas ?? []).map((a, position) => ({
        id: a.id,
        service_id: r.id,
        name: a.name ?? null,
        description: a.description ?? null,
        extent: a.extent ?? null,
        extent_type: a.extent_type ?? null,
        uri: a.uri ?? null,
        service_area: a.service_area ?? null,
        districts: districtsOfExtent(a.extent, normalisePostcodeDistrict),
        position,
      })),
    ),
  );
  await insertChunks(
    db,
    directoryLanguages,
    per((r) =>
      (r.languages ?? []).map((l, position) => ({
        id: l.id,
        service_id: r.id,
        phone_id: l.phone_id ?? null,
        name: l.name ?? null,
        code: l.code ?? null,
        note: l.note ?? null,
        position,
      })),
    ),
  );
  await insertChunks(
    db,
    directoryFunding,
    per((r) =>
      (r.funding ?? []).map((f, position) => ({ id: f.id, service_id: r.id, source: f.source ?? null, position })),
    ),
  );
  await insertChunks(
    db,
    directoryCostOptions,
    per((r) =>
      (r.cost_options ?? []).map((c, position) => ({
        id: c.id,
        service_id: r.id,
        valid_from: c.valid_from ?? null,
        valid_to: c.valid_to ?? null,
        option: c.option ?? null,
        amountPence: c.amount === undefined ? null : poundsToPence(c.amount),
        currency: c.currency ?? null,
        amount_description: c.amount_description ?? null,
        position,
      })),
    ),
  );
  await insertChunks(
    db,
    directoryAttributes,
    per((r) =>
      (r.attributes ?? []).map((a, position) => ({
        id: a.id,
        service_id: r.id,
        taxonomy_term_id: a.taxonomy_term.id,
        link_type: a.link_type ?? null,
        position,
      })),
    ),
  );

  await writeSearchIndex(db, records, serviceRows);

  const result = records.map((r) => ({ id: r.id, created: !existing.has(r.id), changes: [] as FieldChange[] }));
  if (wantHistory) {
    const after = await loadServices(db, ids);
    const afterById = new Map(after.map((r) => [r.id, r]));
    const versions = new Map(
      (
        await db
          .select({ id: directoryHistory.serviceId, v: sql<number>`max(${directoryHistory.version})::int` })
          .from(directoryHistory)
          .where(inArray(directoryHistory.serviceId, ids))
          .groupBy(directoryHistory.serviceId)
      ).map((r) => [r.id, Number(r.v)]),
    );
    const { actorLabel, userId } = await labelOf(db, meta.actor);
    const rows = result.map((res) => {
      res.changes = diffServices(beforeById.get(res.id) ?? null, afterById.get(res.id)!);
      return {
        serviceId: res.id,
        version: (versions.get(res.id) ?? 0) + 1,
        action: res.created && meta.action === 'updated' ? 'created' : meta.action,
        actorLabel,
        userId,
        changes: res.changes,
        snapshot: afterById.get(res.id)!,
      };
    });
    await insertChunks(db, directoryHistory, rows);
  }
  return result;
}

/** Delete a service and its own lists (locations it used stay, as other services may share them). */
export async function deleteService(db: Db, id: string): Promise<boolean> {
  const gone = await db
    .delete(directoryServices)
    .where(eq(directoryServices.id, id))
    .returning({ id: directoryServices.id });
  return gone.length > 0;
}
