// Publishing Steward's own registers in the directory: market register locations and contracted services become
// directory entries (no retyping; publishing again refreshes them), linked back to the record they came from.
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import type { IsoDate } from '../../domain/core/dates.js';
import { Conflict, NotFound } from '../../domain/core/errors.js';
import { CARE_GROUP_LABELS, SERVICE_AREA_LABELS } from '../../domain/contracts/contract.js';
import { stableUuid } from '../../domain/directory/ids.js';
import {
  contractService,
  marketLocationService,
  type MarketCapacityInput,
  type MarketLocationInput,
} from '../../domain/directory/publish.js';
import type { AuditActor } from '../core/audit.js';
import { contracts } from '../contracts/schema.js';
import { careHomeLatest, homecareLatest, locations, providers } from '../market/schema.js';
import { saveServices } from './records.js';
import { directoryOrganizations, directoryServices } from './schema.js';

/**
 * What publishing needs of each register location: its register entry, its provider, and its latest capacity (a
 * care home's vacant beds accepting admissions, or a homecare service's new hours available summed over its areas).
 */
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
