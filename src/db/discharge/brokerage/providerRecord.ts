// A provider's record with the hub: how it answered requests (for the acceptance metrics) and its notifications.
import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { type Db } from '../../client.js';
import {
  acceptanceByProvider,
  type ProviderAcceptance,
  type ProviderResponseRecord,
} from '../../../domain/discharge/metrics.js';
import { providers } from '../../market/schema.js';
import { dischargeNotifications, dischargeRequests } from '../schema.js';
import { readInSlices } from '../sql.js';

/**
 * How one provider answered the hub's requests sent from `from` (inclusive) to `to` (exclusive), London ISO dates:
 * requests received, offers, declines, no responses, awards, acceptance rate (offers ÷ received), success rate
 * (awards ÷ offers) and median hours to respond, computed by the domain's `acceptanceByProvider`.
 * @returns the provider's acceptance figures, or null when it received no request in the period
 */
export async function providerAcceptance(
  db: Db,
  providerId: string,
  from: string,
  to: string,
): Promise<ProviderAcceptance | null> {
  const records = await loadResponseRecords(db, { providerId });
  return acceptanceByProvider(records, from, to)[0] ?? null;
}

/**
 * Every request row as the metrics need it, optionally for one provider. Read in slices of about `sliceRows`
 * requests by the time they were sent (readInSlices), so on PGlite no single query holds the server.
 */
export async function loadResponseRecords(
  db: Db,
  opts: { providerId?: string; sliceRows?: number } = {},
): Promise<ProviderResponseRecord[]> {
  const q = dischargeRequests;
  const which = opts.providerId ? eq(q.providerId, opts.providerId) : undefined;
  // Nothing is sent after now plus the plausible year ahead, so the slices end there (exclusive, one ms past).
  const [span] = await db
    .select({
      rows: sql<number>`count(*)::int`,
      first: sql<Date | string | null>`min(${q.sentAt})`,
      last: sql<Date | string | null>`max(${q.sentAt})`,
    })
    .from(q)
    .where(which);
  const end = span?.last ? new Date(new Date(span.last).getTime() + 1) : new Date();
  return readInSlices(
    async () => ({ rows: Number(span?.rows ?? 0), first: span?.first ? new Date(span.first) : null }),
    end,
    async (a, b) => {
      const rows = await db
        .select({
          referralId: q.referralId,
          providerId: q.providerId,
          providerName: providers.name,
          sentAt: q.sentAt,
          respondedAt: q.respondedAt,
          status: q.status,
          priced: sql<boolean>`${q.pricePence} is not null`,
        })
        .from(q)
        .innerJoin(providers, eq(providers.id, q.providerId))
        .where(and(which, gte(q.sentAt, a), lt(q.sentAt, b)));
      return rows.map((r) => ({
        referralId: r.referralId,
        providerId: r.providerId,
        providerName: r.providerName,
        sentAt: r.sentAt,
        respondedAt: r.respondedAt,
        response:
          r.status === 'declined'
            ? ('decline' as const)
            : r.status === 'offered' || r.status === 'awarded' || (r.status === 'not_selected' && r.priced)
              ? ('offer' as const)
              : null,
        awarded: r.status === 'awarded',
      }));
    },
    opts.sliceRows,
  );
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
