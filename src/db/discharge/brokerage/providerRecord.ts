// A provider's record with the hub: how it answered requests (for the acceptance metrics) and its notifications.
import { desc, eq } from 'drizzle-orm';
import { type Db } from '../../client.js';
import {
  acceptanceByProvider,
  type ProviderAcceptance,
  type ProviderResponseRecord,
} from '../../../domain/discharge/metrics.js';
import { providers } from '../../market/schema.js';
import { dischargeNotifications, dischargeRequests } from '../schema.js';

export async function providerAcceptance(
  db: Db,
  providerId: string,
  from: string,
  to: string,
): Promise<ProviderAcceptance | null> {
  const records = await loadResponseRecords(db, { providerId });
  return acceptanceByProvider(records, from, to)[0] ?? null;
}

/** Every request row as the metrics need it, optionally for one provider. */
export async function loadResponseRecords(
  db: Db,
  opts: { providerId?: string } = {},
): Promise<ProviderResponseRecord[]> {
  const rows = await db
    .select({ q: dischargeRequests, providerName: providers.name })
    .from(dischargeRequests)
    .innerJoin(providers, eq(providers.id, dischargeRequests.providerId))
    .where(opts.providerId ? eq(dischargeRequests.providerId, opts.providerId) : undefined);
  return rows.map(({ q, providerName }) => ({
    referralId: q.referralId,
    providerId: q.providerId,
    providerName,
    sentAt: q.sentAt,
    respondedAt: q.respondedAt,
    response:
      q.status === 'declined'
        ? 'decline'
        : q.status === 'offered' || q.status === 'awarded' || (q.status === 'not_selected' && q.pricePence !== null)
          ? 'offer'
          : null,
    awarded: q.status === 'awarded',
  }));
}

/** A provider's latest notifications (new requests, awards, withdrawals), newest first. */
export async function listNotifications(db: Db, providerId: string, limit = 20) {
  return db
    .select()
    .from(dischargeNotifications)
    .where(eq(dischargeNotifications.providerId, providerId))
    .orderBy(desc(dischargeNotifications.createdAt))
    .limit(limit);
}
