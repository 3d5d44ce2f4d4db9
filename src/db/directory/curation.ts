// Curating the directory: suggestions held for review, entries past their review date, history, duplicate
// organisations, and publishing market register locations and contracts as directory entries.
import { and, asc, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import type { IsoDate } from '../../domain/core/dates.js';
import { Conflict, NotFound } from '../../domain/core/errors.js';
import { CARE_GROUP_LABELS, SERVICE_AREA_LABELS } from '../../domain/contracts/contract.js';
import {
  diffServices,
  findDuplicateOrganisations,
  type DuplicateGroup,
  type FieldChange,
} from '../../domain/directory/curation.js';
import { stableUuid } from '../../domain/directory/ids.js';
import type { OrukService } from '../../domain/directory/oruk.js';
import {
  contractService,
  marketLocationService,
  type MarketCapacityInput,
  type MarketLocationInput,
} from '../../domain/directory/publish.js';
import type { AuditActor } from '../core/audit.js';
import { recordAudit } from '../core/audit.js';
import { contracts } from '../contracts/schema.js';
import { careHomeLatest, homecareLatest, locations, providers } from '../market/schema.js';
import { loadService, saveServices } from './records.js';
import {
  directoryHistory,
  directoryOrganizationIdentifiers,
  directoryOrganizations,
  directoryServices,
  directorySuggestions,
} from './schema.js';

export type SuggestionStatus = 'pending' | 'approved' | 'rejected';

export interface NewSuggestion {
  kind: 'new' | 'change';
  serviceId: string | null;
  proposed: OrukService;
  note: string | null;
  submittedBy: string | null;
  submitterName: string;
  submitterEmail: string;
  submitterOrganisation: string | null;
}

/**
 * Hold a suggested new entry or change for review. A change must name an existing entry, and its proposal keeps
 * that entry's id.
 * @throws NotFound when the entry to change does not exist.
 */
export async function createSuggestion(db: Db, s: NewSuggestion): Promise<{ id: string }> {
  let proposed = s.proposed;
  if (s.kind === 'change') {
    if (!s.serviceId || !(await loadService(db, s.serviceId))) throw new NotFound('Directory entry');
    proposed = { ...proposed, id: s.serviceId };
  }
  const [row] = await db
    .insert(directorySuggestions)
    .values({
      kind: s.kind,
      serviceId: s.kind === 'change' ? s.serviceId : null,
      proposed,
      note: s.note,
      submittedBy: s.submittedBy,
      submitterName: s.submitterName,
      submitterEmail: s.submitterEmail,
      submitterOrganisation: s.submitterOrganisation,
    })
    .returning({ id: directorySuggestions.id });
  return row;
}

export interface SuggestionSummary {
  id: string;
  kind: 'new' | 'change';
  serviceId: string | null;
  serviceName: string;
  submitterName: string;
  submitterOrganisation: string | null;
  status: SuggestionStatus;
  createdAt: string;
}

/** Suggestions with a status, oldest first (the curator's queue). */
export async function listSuggestions(db: Db, status: SuggestionStatus): Promise<SuggestionSummary[]> {
  const rows = await db
    .select()
    .from(directorySuggestions)
    .where(eq(directorySuggestions.status, status))
    .orderBy(status === 'pending' ? asc(directorySuggestions.createdAt) : desc(directorySuggestions.reviewedAt))
    .limit(500);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as 'new' | 'change',
    serviceId: r.serviceId,
    serviceName: (r.proposed as OrukService).name,
    submitterName: r.submitterName,
    submitterOrganisation: r.submitterOrganisation,
    status: r.status as SuggestionStatus,
    createdAt: r.createdAt.toISOString(),
  }));
}

export interface SuggestionDetail extends SuggestionSummary {
  submitterEmail: string;
  note: string | null;
  proposed: OrukService;
  current: OrukService | null;
  changes: FieldChange[];
  reviewNote: string | null;
}

/** One suggestion with the entry as it stands and the changes it would make. @throws NotFound */
export async function getSuggestion(db: Db, id: string): Promise<SuggestionDetail> {
  const [r] = await db.select().from(directorySuggestions).where(eq(directorySuggestions.id, id));
  if (!r) throw new NotFound('Suggestion');
  const proposed = r.proposed as OrukService;
  const current = r.serviceId ? await loadService(db, r.serviceId) : null;
  return {
    id: r.id,
    kind: r.kind as 'new' | 'change',
    serviceId: r.serviceId,
    serviceName: proposed.name,
    submitterName: r.submitterName,
    submitterEmail: r.submitterEmail,
    submitterOrganisation: r.submitterOrganisation,
    status: r.status as SuggestionStatus,
    createdAt: r.createdAt.toISOString(),
    note: r.note,
    proposed,
    current,
    changes: diffServices(current, proposed),
    reviewNote: r.reviewNote,
  };
}

/**
 * Decide a pending suggestion. Approving writes the proposal as the entry (new entries get the next review date
 * twelve months on; a change counts as a review) with history naming the curator; rejecting keeps the entry.
 * @throws NotFound when there is no such suggestion; Conflict when it was already decided.
 */
export async function decideSuggestion(
  db: Db,
  id: string,
  decision: 'approve' | 'reject',
  reviewNote: string | null,
  actor: { userId: string },
): Promise<{ serviceId: string | null }> {
  const [r] = await db.select().from(directorySuggestions).where(eq(directorySuggestions.id, id));
  if (!r) throw new NotFound('Suggestion');
  if (r.status !== 'pending') throw new Conflict(`This suggestion was already ${r.status}`);
  let serviceId: string | null = r.serviceId;
  if (decision === 'approve') {
    const proposed = r.proposed as OrukService;
    await saveServices(db, [proposed], {
      source: 'suggestion',
      action: 'suggestion approved',
      actor,
      reviewed: true,
    });
    serviceId = proposed.id;
  }
  await db
    .update(directorySuggestions)
    .set({
      status: decision === 'approve' ? 'approved' : 'rejected',
      reviewedBy: actor.userId,
      reviewedAt: new Date(),
      reviewNote,
      serviceId,
    })
    .where(eq(directorySuggestions.id, id));
  await recordAudit(db, actor, {
    action: decision === 'approve' ? 'approve' : 'reject',
    entity: 'directory_suggestion',
    entityId: id,
    detail: { serviceId },
  });
  return { serviceId };
}

export interface ReviewDue {
  id: string;
  name: string;
  organisation: string | null;
  reviewDate: IsoDate;
  lastReviewedOn: IsoDate | null;
  source: string;
}

/** Entries whose review date is on or before `today`, most overdue first. */
export async function overdueEntries(db: Db, today: IsoDate): Promise<ReviewDue[]> {
  const rows = await db
    .select({
      id: directoryServices.id,
      name: directoryServices.name,
      organisation: directoryOrganizations.name,
      reviewDate: directoryServices.reviewDate,
      lastReviewedOn: directoryServices.lastReviewedOn,
      source: directoryServices.source,
    })
    .from(directoryServices)
    .leftJoin(directoryOrganizations, eq(directoryOrganizations.id, directoryServices.organization_id))
    .where(lte(directoryServices.reviewDate, today))
    .orderBy(asc(directoryServices.reviewDate), asc(directoryServices.name))
    .limit(1000);
  return rows;
}

export interface HistoryEntry {
  version: number;
  action: string;
  actorLabel: string;
  at: string;
  changes: FieldChange[];
}

/** Every version of an entry, newest first. */
export async function serviceHistory(db: Db, serviceId: string): Promise<HistoryEntry[]> {
  const rows = await db
    .select({
      version: directoryHistory.version,
      action: directoryHistory.action,
      actorLabel: directoryHistory.actorLabel,
      at: directoryHistory.at,
      changes: directoryHistory.changes,
    })
    .from(directoryHistory)
    .where(eq(directoryHistory.serviceId, serviceId))
    .orderBy(desc(directoryHistory.version));
  return rows.map((r) => ({ ...r, at: r.at.toISOString(), changes: r.changes as FieldChange[] }));
}

export interface DuplicateOrganisations extends DuplicateGroup {
  organisations: { id: string; name: string; services: number }[];
}

/** Organisations that look like the same body: a shared charity or company number, or the same name. */
export async function duplicateOrganisations(db: Db): Promise<DuplicateOrganisations[]> {
  const orgs = await db
    .select({
      id: directoryOrganizations.id,
      name: directoryOrganizations.name,
      services: sql<number>`(select count(*)::int from directory_services s where s.organization_id = directory_organizations.id)`,
    })
    .from(directoryOrganizations)
    .orderBy(asc(directoryOrganizations.name));
  const idents = await db.select().from(directoryOrganizationIdentifiers);
  const byOrg = new Map<string, typeof idents>();
  for (const i of idents) byOrg.set(i.organization_id, [...(byOrg.get(i.organization_id) ?? []), i]);
  const groups = findDuplicateOrganisations(
    orgs.map((o) => ({
      id: o.id,
      name: o.name,
      identifiers: (byOrg.get(o.id) ?? []).map((i) => ({
        identifier_scheme: i.identifier_scheme ?? undefined,
        identifier_type: i.identifier_type,
        identifier: i.identifier,
      })),
    })),
  );
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return groups.map((g) => ({
    ...g,
    organisations: g.organisationIds.map((id) => {
      const o = byId.get(id)!;
      return { id, name: o.name, services: Number(o.services) };
    }),
  }));
}

async function marketInputs(db: Db, locationIds: string[]) {
  if (locationIds.length === 0) return [];
  const rows = await db
    .select({ l: locations, p: providers, ch: careHomeLatest })
    .from(locations)
    .innerJoin(providers, eq(providers.id, locations.providerId))
    .leftJoin(careHomeLatest, eq(careHomeLatest.locationId, locations.id))
    .where(inArray(locations.id, locationIds));
  const homecare = await db
    .select({
      locationId: homecareLatest.locationId,
      hours: sql<number>`sum(${homecareLatest.newHoursAvailable})::float8`,
      asAt: sql<string>`max(${homecareLatest.asAt})`,
    })
    .from(homecareLatest)
    .where(inArray(homecareLatest.locationId, locationIds))
    .groupBy(homecareLatest.locationId);
  const hc = new Map(homecare.map((h) => [h.locationId, h]));
  return rows.map(({ l, p, ch }) => {
    const loc: MarketLocationInput = {
      id: l.id,
      name: l.name,
      address: l.address,
      postcode: l.postcode,
      localAuthorityName: l.localAuthorityName,
      region: l.region,
      phone: l.phone,
      website: l.website && /^https?:\/\//.test(l.website) ? l.website : null,
      cqcLocationId: l.cqcLocationId,
      serviceTypes: l.serviceTypes,
      specialisms: l.specialisms,
      registeredBeds: l.registeredBeds,
      cqcRating: l.cqcRating,
      deregistered: l.deregisteredAt !== null,
      selfFunderWeeklyFeePence: l.selfFunderWeeklyFeePence,
      lat: l.lat,
      lng: l.lng,
    };
    const h = hc.get(l.id);
    const capacity: MarketCapacityInput | null = ch
      ? { vacantAccepting: ch.vacantAccepting, newHoursAvailable: null, asAt: ch.asAt.toISOString() }
      : h
        ? { vacantAccepting: null, newHoursAvailable: Number(h.hours), asAt: new Date(h.asAt).toISOString() }
        : null;
    return { loc, provider: { id: p.id, name: p.name, cqcProviderId: p.cqcProviderId }, capacity };
  });
}

/**
 * Publish market register locations as directory entries (or refresh the ones already published): no retyping,
 * the register is the source. Returns the directory service ids, in the order given.
 * @throws NotFound when a location id is not in the register.
 */
export async function publishMarketLocations(
  db: Db,
  locationIds: string[],
  actor: AuditActor,
  options: { history?: boolean; today?: IsoDate } = {},
): Promise<string[]> {
  const inputs = await marketInputs(db, locationIds);
  if (inputs.length !== new Set(locationIds).size) throw new NotFound('Market register location');
  const records = inputs.map((i) => marketLocationService(i.loc, i.provider, i.capacity));
  await saveServices(db, records, {
    source: 'market',
    action: 'published',
    actor,
    history: options.history,
    today: options.today,
  });
  await linkSources(
    db,
    records.map((r, n) => ({ serviceId: r.id, marketLocationId: inputs[n].loc.id })),
  );
  for (const i of inputs) await linkOrganisation(db, i.provider);
  const byLoc = new Map(inputs.map((i, n) => [i.loc.id, records[n].id]));
  return locationIds.map((id) => byLoc.get(id)!);
}

/** Remember which register record each published entry came from (so publishing again refreshes it). */
async function linkSources(db: Db, links: { serviceId: string; marketLocationId?: string; contractId?: string }[]) {
  if (!links.length) return;
  const values = sql.join(
    links.map((l) => sql`(${l.serviceId}::uuid, ${l.marketLocationId ?? null}::uuid, ${l.contractId ?? null}::uuid)`),
    sql`, `,
  );
  await db.execute(sql`update directory_services s
    set market_location_id = coalesce(v.m, s.market_location_id), contract_id = coalesce(v.c, s.contract_id)
    from (values ${values}) as v(id, m, c) where s.id = v.id`);
}

async function linkOrganisation(db: Db, provider: { id: string }) {
  await db
    .update(directoryOrganizations)
    .set({ marketProviderId: provider.id })
    .where(
      and(
        eq(directoryOrganizations.id, stableUuid(`market-provider:${provider.id}`)),
        isNull(directoryOrganizations.marketProviderId),
      ),
    );
}

/**
 * Publish contracted services as directory entries run by their providers (or refresh them).
 * @throws NotFound when a contract does not exist; Conflict when a contract has no provider to name.
 */
export async function publishContracts(
  db: Db,
  contractIds: string[],
  actor: AuditActor,
  options: { today?: IsoDate } = {},
): Promise<string[]> {
  const out: string[] = [];
  for (const contractId of contractIds) {
    const [c] = await db.select().from(contracts).where(eq(contracts.id, contractId));
    if (!c) throw new NotFound('Contract');
    if (!c.providerId) throw new Conflict(`Contract ${c.reference} has no provider to publish as the organisation`);
    const [p] = await db.select().from(providers).where(eq(providers.id, c.providerId));
    const [loc] = c.locationId ? await marketInputs(db, [c.locationId]) : [];
    const record = contractService(
      {
        id: c.id,
        reference: c.reference,
        title: c.title,
        serviceArea: c.serviceArea,
        careGroup: c.careGroup,
        startDate: c.startDate,
        endDate: c.initialEndDate,
      },
      { id: p.id, name: p.name, cqcProviderId: p.cqcProviderId },
      loc?.loc ?? null,
      SERVICE_AREA_LABELS[c.serviceArea as keyof typeof SERVICE_AREA_LABELS] ?? c.serviceArea,
      CARE_GROUP_LABELS[c.careGroup as keyof typeof CARE_GROUP_LABELS] ?? c.careGroup,
    );
    await saveServices(db, [record], {
      source: 'contract',
      action: 'published',
      actor,
      contractId: c.id,
      today: options.today,
    });
    await linkOrganisation(db, p);
    out.push(record.id);
  }
  return out;
}

export interface PublishCandidate {
  id: string;
  name: string;
  detail: string;
  published: boolean;
  serviceId: string | null;
}

/** Market register locations in the borough's register, each marked published or not. */
export async function marketCandidates(db: Db): Promise<PublishCandidate[]> {
  const rows = await db
    .select({
      id: locations.id,
      name: locations.name,
      provider: providers.name,
      serviceTypes: locations.serviceTypes,
      serviceId: directoryServices.id,
    })
    .from(locations)
    .innerJoin(providers, eq(providers.id, locations.providerId))
    .leftJoin(directoryServices, eq(directoryServices.marketLocationId, locations.id))
    .where(and(eq(locations.inBorough, true), isNull(locations.deregisteredAt)))
    .orderBy(asc(locations.name));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    detail: r.provider,
    published: r.serviceId !== null,
    serviceId: r.serviceId,
  }));
}

/** Contracts with a provider, each marked published or not. */
export async function contractCandidates(db: Db): Promise<PublishCandidate[]> {
  const rows = await db
    .select({
      id: contracts.id,
      name: contracts.title,
      reference: contracts.reference,
      serviceId: directoryServices.id,
    })
    .from(contracts)
    .leftJoin(directoryServices, eq(directoryServices.contractId, contracts.id))
    .where(sql`${contracts.providerId} is not null`)
    .orderBy(asc(contracts.title));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    detail: r.reference,
    published: r.serviceId !== null,
    serviceId: r.serviceId,
  }));
}
