// Writing a directory service's own lists (locations it is delivered at, contacts, phones, schedules, areas,
// languages, funding, costs and taxonomy terms): each list is replaced whole, in batches across services.
import { inArray } from 'drizzle-orm';
import type { Db } from '../../client.js';
import { poundsToPence } from '../../../domain/core/money.js';
import type { OrukService } from '../../../domain/directory/oruk.js';
import { districtsOfExtent } from '../../../domain/directory/search.js';
import { normalisePostcodeDistrict } from '../../../domain/discharge/geo.js';
import {
  directoryAttributes,
  directoryContacts,
  directoryCostOptions,
  directoryFunding,
  directoryLanguages,
  directoryPhones,
  directorySchedules,
  directoryServiceAreas,
  directoryServiceAtLocations,
} from '../schema.js';
import { phoneRows } from './saveShared.js';
import { insertChunks } from './shared.js';

/** Delete every list the services own (their phones and their contacts' phones included), before writing them anew. */
export async function deleteServiceLists(db: Db, ids: string[]): Promise<void> {
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
}

/**
 * Insert each record's own lists, positions kept as given; cost amounts in pounds become pence, and each service
 * area's extent is read into the postcode districts it covers. Call `deleteServiceLists` first.
 */
export async function insertServiceLists(db: Db, records: OrukService[]): Promise<void> {
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
}
