// Steward's own facts about a directory entry (review dates, where it came from) and marking an entry reviewed.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../client.js';
import { type IsoDate } from '../../../domain/core/dates.js';
import { nextReviewDate } from '../../../domain/directory/curation.js';
import type { AuditActor } from '../../core/audit.js';
import { directoryHistory, directoryServices } from '../schema.js';
import { labelOf, type ServiceSource } from './shared.js';
import { loadService } from './load.js';

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
