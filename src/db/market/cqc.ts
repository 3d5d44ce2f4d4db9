// Writes a CQC care directory import: upserts providers and locations by CQC ID, marks locations that
// disappeared from the covered local authorities as deregistered. Runs inside the importer's transaction.
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import type { CqcLocation } from '../../domain/market/cqc.js';
import { planCqcImport, type CqcImportPlan, type ExistingCqcLocation } from '../../domain/market/cqcImportPlan.js';
import { codesCovering, currentCareAuthorities, withinArea } from '../../domain/geography/authorities.js';
import { locations, providers } from './schema.js';

/**
 * The `locations` columns that both CQC sources (the care directory file and the API records) fill the same way:
 * names, address, council, contact, service types, specialisms, user bands and last check date, as parsed.
 */
export function cqcDirectoryColumns(l: CqcLocation) {
  return {
    name: l.name,
    alsoKnownAs: l.alsoKnownAs,
    address: l.address,
    postcode: l.postcode,
    postcodeDistrict: l.postcodeDistrict,
    localAuthorityGss: l.localAuthorityGss,
    localAuthorityName: l.localAuthorityName,
    region: l.region,
    phone: l.phone,
    website: l.website,
    locationUrl: l.locationUrl,
    serviceTypes: l.serviceTypes,
    specialisms: l.specialisms,
    serviceUserBands: l.serviceUserBands,
    cqcLastCheck: l.cqcLastCheck,
  };
}

export interface CqcImportResult {
  plan: CqcImportPlan;
  providersCreated: number;
}

async function existingFor(db: Db, incoming: readonly CqcLocation[]): Promise<ExistingCqcLocation[]> {
  const las = [...new Set(incoming.map((l) => l.localAuthorityName))];
  const ids = incoming.map((l) => l.cqcLocationId);
  // Every code under which a place in the covered areas may be recorded (former councils, districts).
  const codes = [
    ...new Set(
      incoming
        .map((l) => l.localAuthorityGss)
        .filter((c): c is string => !!c)
        .flatMap((c) =>
          currentCareAuthorities(c)
            .map((a) => a.gssCode)
            .concat(c),
        )
        .flatMap((c) => codesCovering(c)),
    ),
  ];
  const rows = await db
    .select({ l: locations, providerName: providers.name, cqcProviderId: providers.cqcProviderId })
    .from(locations)
    .innerJoin(providers, eq(providers.id, locations.providerId))
    .where(
      and(
        isNotNull(locations.cqcLocationId),
        sql`(${locations.localAuthorityName} in ${las.length ? las : ['']} or ${locations.localAuthorityGss} in ${codes.length ? codes : ['']} or ${locations.cqcLocationId} in ${ids.length ? ids : ['']})`,
      ),
    );
  return rows.map(({ l, providerName, cqcProviderId }) => ({
    cqcLocationId: l.cqcLocationId!,
    localAuthorityName: l.localAuthorityName,
    localAuthorityGss: l.localAuthorityGss,
    deregistered: l.deregisteredAt != null,
    fields: {
      name: l.name,
      alsoKnownAs: l.alsoKnownAs,
      address: l.address,
      postcode: l.postcode,
      phone: l.phone,
      website: l.website,
      serviceTypes: l.serviceTypes,
      specialisms: l.specialisms,
      serviceUserBands: l.serviceUserBands,
      localAuthorityName: l.localAuthorityName,
      region: l.region,
      cqcLastCheck: l.cqcLastCheck,
      cqcProviderId,
      providerName,
    },
  }));
}

/**
 * `boroughGss`: locations in this council's area (by the reference geography: a district's homes are in its
 * county's area) are flagged in-borough (the council's own market). Every location the file touches (new, changed
 * or re-registered) is placed again, so a home first published under a former council (Cumbria) joins the market
 * of its successor (Cumberland) when a later file records it there.
 */
export async function applyCqcImport(
  db: Db,
  incoming: readonly CqcLocation[],
  opts: { boroughGss?: string | null; now?: Date } = {},
): Promise<CqcImportResult> {
  const now = opts.now ?? new Date();
  const plan = planCqcImport(incoming, await existingFor(db, incoming));
  // Providers by CQC provider ID: create the missing ones, keep names current.
  const providerIds = [...new Set(incoming.map((l) => l.cqcProviderId))];
  const known = providerIds.length
    ? await db.select().from(providers).where(inArray(providers.cqcProviderId, providerIds))
    : [];
  const byCqc = new Map(known.map((p) => [p.cqcProviderId!, p]));
  // New providers in batches (a national file has thousands); names kept current for known ones.
  const missing = new Map<string, string>();
  for (const loc of incoming)
    if (!byCqc.has(loc.cqcProviderId) && !missing.has(loc.cqcProviderId))
      missing.set(loc.cqcProviderId, loc.providerName);
  const toCreate = [...missing.entries()];
  for (let i = 0; i < toCreate.length; i += 1000) {
    const rows = await db
      .insert(providers)
      .values(toCreate.slice(i, i + 1000).map(([cqcProviderId, name]) => ({ cqcProviderId, name })))
      .returning();
    for (const r of rows) byCqc.set(r.cqcProviderId!, r);
  }
  const providersCreated = toCreate.length;
  for (const loc of incoming) {
    const cur = byCqc.get(loc.cqcProviderId)!;
    if (cur.name !== loc.providerName) {
      await db.update(providers).set({ name: loc.providerName, updatedAt: now }).where(eq(providers.id, cur.id));
      cur.name = loc.providerName;
    }
  }
  const values = (l: CqcLocation) => ({
    providerId: byCqc.get(l.cqcProviderId)!.id,
    ...cqcDirectoryColumns(l),
    deregisteredAt: null,
    updatedAt: now,
  });
  const inBorough = (l: CqcLocation) =>
    !!opts.boroughGss && !!l.localAuthorityGss && withinArea(l.localAuthorityGss, opts.boroughGss);
  for (let i = 0; i < plan.created.length; i += 500) {
    await db.insert(locations).values(
      plan.created.slice(i, i + 500).map((l) => ({
        ...values(l),
        cqcLocationId: l.cqcLocationId,
        inBorough: inBorough(l),
      })),
    );
  }
  const touched = new Map<string, CqcLocation>();
  for (const c of plan.changed) touched.set(c.location.cqcLocationId, c.location);
  for (const l of plan.reregistered) touched.set(l.cqcLocationId, l);
  for (const l of touched.values())
    await db
      .update(locations)
      .set({ ...values(l), inBorough: inBorough(l) })
      .where(eq(locations.cqcLocationId, l.cqcLocationId));
  if (plan.deregistered.length) {
    await db
      .update(locations)
      .set({ deregisteredAt: now, updatedAt: now })
      .where(inArray(locations.cqcLocationId, plan.deregistered));
  }
  return { plan, providersCreated };
}
