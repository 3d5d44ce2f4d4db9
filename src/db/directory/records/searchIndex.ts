// The directory's search index: one row per service with the fields search filters on and its full-text vectors,
// and the card a results page shows, rewritten whenever a service is saved.
import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../../client.js';
import { searchIndexOf } from '../../../domain/directory/search.js';
import { type OrukService } from '../../../domain/directory/oruk.js';
import { normalisePostcodeDistrict } from '../../../domain/discharge/geo.js';
import { directorySearchCards, directorySearchIndex } from '../schema.js';
import { CHUNK, insertChunks } from './shared.js';

/** Rewrite the search index rows of `records` (full-text vectors are made by PostgreSQL from folded text). */
export async function writeSearchIndex(db: Db, records: OrukService[], rows: { id: string; last_modified: string }[]) {
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
