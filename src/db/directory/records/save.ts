// Writing whole directory records: a service with its organisation, locations, schedules, contacts, phones, costs,
// areas, languages, funding and taxonomy terms, in batches so an import of thousands of services is a few statements
// per table, not per service; and deleting one.
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../client.js';
import { londonToday, type IsoDate } from '../../../domain/core/dates.js';
import { InputError } from '../../../domain/core/errors.js';
import { diffServices, nextReviewDate, type FieldChange } from '../../../domain/directory/curation.js';
import type { OrukService } from '../../../domain/directory/oruk.js';
import type { AuditActor } from '../../core/audit.js';
import { fromExcluded } from '../../upsert.js';
import { directoryHistory, directoryServices } from '../schema.js';
import { CHUNK, insertChunks, labelOf, type ServiceSource } from './shared.js';
import { loadServices } from './load.js';
import { deleteServiceLists, insertServiceLists } from './saveLists.js';
import { ensureTermsUsed, saveLocations, saveOrganisations } from './saveShared.js';
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

  await ensureTermsUsed(db, records);

  await saveOrganisations(db, records);

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
    const keys = (Object.keys(chunk[0]) as (keyof (typeof chunk)[0])[]).filter(
      (key) => key !== 'id' && (key !== 'lastReviewedOn' || meta.reviewed),
    );
    const set = fromExcluded(directoryServices, keys);
    await db.insert(directoryServices).values(chunk).onConflictDoUpdate({ target: directoryServices.id, set });
  }

  // Child lists: replaced whole.
  await deleteServiceLists(db, ids);

  await saveLocations(db, records);
  await insertServiceLists(db, records);

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
