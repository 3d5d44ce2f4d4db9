// Directory records in and out of the database, whole: a service with its organisation, locations, schedules,
// contacts, phones, costs, areas, languages, funding and taxonomy terms, written and read in batches so an import
// of thousands of services is a few statements per table, not per service.
import { penceToPounds, poundsToPence } from '../../domain/core/money.js';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { londonToday, type IsoDate } from '../../domain/core/dates.js';
import { InputError } from '../../domain/core/errors.js';
import { diffServices, nextReviewDate, type FieldChange } from '../../domain/directory/curation.js';
import { districtsOfExtent, searchIndexOf } from '../../domain/directory/search.js';
import {
  omitEmpty,
  type OrukLocation,
  type OrukOrganization,
  type OrukPhone,
  type OrukService,
  type ServiceStatus,
} from '../../domain/directory/oruk.js';
import { normalisePostcodeDistrict } from '../../domain/discharge/geo.js';
import type { AuditActor } from '../core/audit.js';
import { users } from '../core/schema.js';
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
  directorySearchCards,
  directorySearchIndex,
  directorySchedules,
  directoryServiceAreas,
  directoryServiceAtLocations,
  directoryServices,
  directoryTaxonomyTerms,
} from './schema.js';
import { ensureTermsFromRecords } from './taxonomies.js';

/** Where an entry came from: typed by staff, published from the market register or a contract, imported, suggested. */
export type ServiceSource = 'staff' | 'market' | 'contract' | 'import' | 'demo' | 'suggestion';

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

const CHUNK = 500;

async function insertChunks<T extends Record<string, unknown>>(db: Db, table: Parameters<Db['insert']>[0], rows: T[]) {
  for (let i = 0; i < rows.length; i += CHUNK) await db.insert(table).values(rows.slice(i, i + CHUNK) as never);
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

/** Rewrite the search index rows of `records` (full-text vectors are made by PostgreSQL from folded text). */
async function writeSearchIndex(db: Db, records: OrukService[], rows: { id: string; last_modified: string }[]) {
  const modified = new Map(rows.map((r) => [r.id, r.last_modified]));
  const indexRows = records.map((r) => {
    const x = searchIndexOf(r, normalisePostcodeDistrict);
    return {
      serviceId: r.id,
      name: x.name,
      status: x.status,
      organizationId: x.organizationId,
      termIds: x.termIds,
      days: x.days,
      free: x.free,
      minimumAge: x.minimumAge,
      maximumAge: x.maximumAge,
      lastModified: modified.get(r.id)!,
      takingReferrals: x.takingReferrals,
      areaDistricts: x.areaDistricts,
      lats: x.lats,
      lngs: x.lngs,
      searchVector: sql`to_tsvector('english', ${x.nameText}) || to_tsvector('english', ${x.bodyText})`,
      nameVector: sql`to_tsvector('english', ${x.nameText})`,
    };
  });
  const cards = records.map((r, i) => ({ serviceId: r.id, card: searchIndexOf(r, normalisePostcodeDistrict).card, i }));
  const ids = records.map((r) => r.id);
  for (let i = 0; i < ids.length; i += CHUNK) {
    await db.delete(directorySearchIndex).where(inArray(directorySearchIndex.serviceId, ids.slice(i, i + CHUNK)));
    await db.delete(directorySearchCards).where(inArray(directorySearchCards.serviceId, ids.slice(i, i + CHUNK)));
  }
  await insertChunks(db, directorySearchIndex, indexRows as never[]);
  await insertChunks(
    db,
    directorySearchCards,
    cards.map(({ serviceId, card }) => ({ serviceId, card })),
  );
}

async function labelOf(db: Db, actor: AuditActor): Promise<{ actorLabel: string; userId: string | null }> {
  if ('system' in actor) return { actorLabel: `system:${actor.system}`, userId: null };
  if (actor.label) return { actorLabel: actor.label, userId: actor.userId };
  const [u] = await db.select({ email: users.email }).from(users).where(eq(users.id, actor.userId));
  return { actorLabel: u?.email ?? actor.userId, userId: actor.userId };
}

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

/** Delete a service and its own lists (locations it used stay, as other services may share them). */
export async function deleteService(db: Db, id: string): Promise<boolean> {
  const gone = await db
    .delete(directoryServices)
    .where(eq(directoryServices.id, id))
    .returning({ id: directoryServices.id });
  return gone.length > 0;
}

/** Steward-only facts about an entry that ORUK does not publish (review dates, where it came from). */
export interface ServiceCuration {
  id: string;
  reviewDate: IsoDate;
  lastReviewedOn: IsoDate | null;
  source: ServiceSource;
  marketLocationId: string | null;
  contractId: string | null;
}

/** The curation facts of one entry, or null. */
export async function serviceCuration(db: Db, id: string): Promise<ServiceCuration | null> {
  const [row] = await db
    .select({
      id: directoryServices.id,
      reviewDate: directoryServices.reviewDate,
      lastReviewedOn: directoryServices.lastReviewedOn,
      source: directoryServices.source,
      marketLocationId: directoryServices.marketLocationId,
      contractId: directoryServices.contractId,
    })
    .from(directoryServices)
    .where(eq(directoryServices.id, id));
  return row ? { ...row, source: row.source as ServiceSource } : null;
}

/** Mark an entry reviewed on `today` without other changes: its next review falls twelve months later. */
export async function markReviewed(db: Db, id: string, today: IsoDate, actor: AuditActor): Promise<IsoDate> {
  const reviewDate = nextReviewDate(today);
  const done = await db
    .update(directoryServices)
    .set({ reviewDate, lastReviewedOn: today })
    .where(eq(directoryServices.id, id))
    .returning({ id: directoryServices.id });
  if (!done.length) return reviewDate;
  const record = await loadService(db, id);
  const { actorLabel, userId } = await labelOf(db, actor);
  const [v] = await db
    .select({ v: sql<number>`coalesce(max(${directoryHistory.version}), 0)::int` })
    .from(directoryHistory)
    .where(eq(directoryHistory.serviceId, id));
  await db.insert(directoryHistory).values({
    serviceId: id,
    version: Number(v.v) + 1,
    action: 'reviewed',
    actorLabel,
    userId,
    changes: [],
    snapshot: record!,
  });
  return reviewDate;
}
