// Writes CQC API location records: providers by CQC provider ID (created when missing), then locations upserted
// by CQC location ID in batches sized to PostgreSQL's 65,535 bind parameters. A location is only rewritten when a
// field differs, so importing the same file twice changes nothing the second time.
import { withinArea } from '../../domain/geography/authorities.js';
import { inArray, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../client.js';
import type { CqcApiLocation } from '../../domain/market/cqcApi.js';
import { locations, providers } from './schema.js';
import { cqcDirectoryColumns } from './cqc.js';

/** PostgreSQL's limit on bind parameters in one statement (a 16-bit count). */
export const PG_MAX_PARAMETERS = 65_535;

export interface CqcApiWriteResult {
  created: number;
  updated: number;
  unchanged: number;
  deregistered: number;
  /** The first 20 newly deregistered locations, by name and CQC location ID, for the import's messages. */
  deregisteredLocations: { cqcLocationId: string; name: string }[];
  providersCreated: number;
  providersRenamed: number;
}

/** Rows per statement so that `columns` bind parameters per row stay under PostgreSQL's limit. */
export function batchSize(columns: number, limit = PG_MAX_PARAMETERS): number {
  return Math.max(1, Math.floor(limit / columns) - 1);
}

/**
 * Upserts the locations (and their providers). `providerNames` are names from provider records in the same file;
 * a provider neither known nor named there is created under its CQC provider ID until a directory import or a
 * provider record names it. `boroughGss`: locations in this council's area are flagged in-borough, new ones and
 * every one the file records under a different council (placed again by the area it covers).
 */
export async function writeCqcApiLocations(
  db: Db,
  incoming: readonly CqcApiLocation[],
  providerNames: ReadonlyMap<string, string>,
  opts: { boroughGss?: string | null; now?: Date } = {},
): Promise<CqcApiWriteResult> {
  const now = opts.now ?? new Date();
  // Providers.
  const providerIds = [...new Set([...incoming.map((l) => l.cqcProviderId), ...providerNames.keys()])];
  const byCqc = new Map<string, { id: string; name: string }>();
  for (let i = 0; i < providerIds.length; i += 10_000) {
    const ids = providerIds.slice(i, i + 10_000);
    for (const p of await db.select().from(providers).where(inArray(providers.cqcProviderId, ids)))
      byCqc.set(p.cqcProviderId!, p);
  }
  const missing = providerIds.filter((id) => !byCqc.has(id));
  for (let i = 0; i < missing.length; i += 10_000) {
    const rows = await db
      .insert(providers)
      .values(missing.slice(i, i + 10_000).map((id) => ({ cqcProviderId: id, name: providerNames.get(id) ?? id })))
      .returning();
    for (const r of rows) byCqc.set(r.cqcProviderId!, r);
  }
  let providersRenamed = 0;
  for (const [id, name] of providerNames) {
    const p = byCqc.get(id)!;
    if (p.name !== name && !missing.includes(id)) {
      await db
        .update(providers)
        .set({ name, updatedAt: now })
        .where(sql`${providers.id} = ${p.id}`);
      providersRenamed++;
    }
  }

  const result: CqcApiWriteResult = {
    created: 0,
    updated: 0,
    unchanged: 0,
    deregistered: 0,
    deregisteredLocations: [],
    providersCreated: missing.length,
    providersRenamed,
  };
  if (incoming.length === 0) return result;
  // Locations: insert … on conflict (cqc_location_id) do update … where something differs.
  const row = (l: CqcApiLocation) => ({
    cqcLocationId: l.cqcLocationId,
    providerId: byCqc.get(l.cqcProviderId)!.id,
    ...cqcDirectoryColumns(l),
    registeredBeds: l.registeredBeds,
    cqcRating: l.cqcRating,
    cqcRatingDate: l.cqcRatingDate,
    cqcKeyQuestionRatings: l.keyQuestionRatings,
    registeredAt: l.registeredAt,
    deregisteredAt: l.deregisteredAt ? new Date(`${l.deregisteredAt}T00:00:00Z`) : null,
    lat: l.lat,
    lng: l.lng,
    odsCode: l.odsCode,
    inBorough:
      !!opts.boroughGss &&
      !!l.localAuthorityGss &&
      withinArea(l.localAuthorityGss, opts.boroughGss) &&
      !l.deregisteredAt,
    updatedAt: now,
  });
  type Row = ReturnType<typeof row>;
  const compared = Object.keys(row(incoming[0] ?? ({} as CqcApiLocation))).filter(
    // inBorough is compared too: a home the file records under another council is placed again.
    (k) => !['cqcLocationId', 'updatedAt'].includes(k),
  ) as (keyof Row)[];
  const name = (k: keyof Row) => locations[k as keyof typeof locations.$inferInsert & keyof typeof locations].name;
  const keys = Object.keys(row(incoming[0] ?? ({} as CqcApiLocation))) as (keyof Row)[];
  const colList = sql.raw(keys.map((k) => `"${name(k)}"`).join(', '));
  const updates = sql.raw(
    [...compared, 'updatedAt' as const].map((k) => `"${name(k)}" = excluded."${name(k)}"`).join(', '),
  );
  const differs = sql.raw(
    compared.map((k) => `locations."${name(k)}" is distinct from excluded."${name(k)}"`).join(' or '),
  );
  // The same location twice in one file: the last record wins (one statement cannot touch a row twice).
  const latest = new Map(incoming.map((l) => [l.cqcLocationId, l]));
  const list = [...latest.values()];
  // One JSON parameter per batch, expanded by json_populate_recordset: PostgreSQL's 65,535 bind parameters are
  // never approached, and PGlite is far faster than with a parameter per value.
  const BATCH = 2_000;
  for (let i = 0; i < list.length; i += BATCH) {
    const batch = list.slice(i, i + BATCH).map((l) => {
      const v = row(l) as Record<string, unknown>;
      const o: Record<string, unknown> = {};
      for (const k of keys) o[name(k)] = v[k] instanceof Date ? (v[k] as Date).toISOString() : v[k];
      return o;
    });
    const written = await queryRows<{ inserted: boolean; newlyDeregistered: boolean; id: string; name: string }>(
      db,
      sql`with incoming as (select * from json_populate_recordset(null::locations, ${JSON.stringify(batch)}::json)),
          before as (select l.cqc_location_id, l.deregistered_at from locations l join incoming i using (cqc_location_id)),
          up as (
            insert into locations (${colList}) select ${colList} from incoming
            on conflict (cqc_location_id) do update set ${updates} where ${differs}
            returning cqc_location_id, name, (xmax = 0) as inserted, deregistered_at)
          select up.inserted, (up.deregistered_at is not null and before.deregistered_at is null) as "newlyDeregistered",
                 up.cqc_location_id as id, up.name
          from up left join before using (cqc_location_id)`,
    );
    for (const w of written) {
      if (w.inserted) result.created++;
      else result.updated++;
      if (w.newlyDeregistered) {
        result.deregistered++;
        if (result.deregisteredLocations.length < 20)
          result.deregisteredLocations.push({ cqcLocationId: w.id, name: w.name });
      }
    }
    result.unchanged += batch.length - written.length;
  }
  return result;
}
