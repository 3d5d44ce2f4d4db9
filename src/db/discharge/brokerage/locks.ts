// The locks every brokerage step takes, always the referral before its requests (so two steps on one referral
// queue instead of deadlocking), and the actor's user id for the audit columns.
import { eq } from 'drizzle-orm';
import { NotFound } from '../../../domain/core/errors.js';
import { type Db } from '../../client.js';
import { type AuditActor } from '../../core/audit.js';
import { dischargeReferrals, dischargeRequests, type ReferralRow } from '../schema.js';

/** The user id of an audit actor (null for the system). */
export function actorId(by: AuditActor): string | null {
  return 'userId' in by ? by.userId : null;
}

/**
 * Lock a request and its referral, always the referral first and then the request (the order sendRequests,
 * respondToRequest and awardOffer all follow, so two of them on one referral queue instead of deadlocking).
 * Returns null when the request does not exist.
 */
export async function lockRequestAndReferral(tx: Db, requestId: string) {
  const [peek] = await tx
    .select({ referralId: dischargeRequests.referralId })
    .from(dischargeRequests)
    .where(eq(dischargeRequests.id, requestId));
  if (!peek) return null;
  const ref = await lockReferral(tx, peek.referralId);
  const [q] = await tx.select().from(dischargeRequests).where(eq(dischargeRequests.id, requestId)).for('update');
  if (!q) return null;
  return { q, ref };
}

/** Lock a referral for the rest of the transaction. @throws NotFound when there is none. */
export async function lockReferral(tx: Db, id: string): Promise<ReferralRow> {
  const [row] = await tx.select().from(dischargeReferrals).where(eq(dischargeReferrals.id, id)).for('update');
  if (!row) throw new NotFound('Referral');
  return row;
}
