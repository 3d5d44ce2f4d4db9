// Requests to providers and their answers: sending the anonymised request, the provider's list and its offer or
// decline, and the hub's list of responses to a referral.
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { Conflict, InputError, NotFound } from '../../../domain/core/errors.js';
import { queryRows, type Db } from '../../client.js';
import { recordAudit, type AuditActor } from '../../core/audit.js';
import {
  responseBlocker,
  anonymiseForProvider,
  type AnonymisedRequest,
  type ResponseInput,
  type ResponseStatus,
  type SendRequestInput,
  DECLINE_REASON_LABELS,
  type DeclineReason,
} from '../../../domain/discharge/brokerage.js';
import { SERVICE_NEED_LABELS, type ServiceNeed } from '../../../domain/discharge/referral.js';
import { locations, providers } from '../../market/schema.js';
import { toReferral } from '../referrals.js';
import { dischargeNotifications, dischargeReferrals, dischargeRequests } from '../schema.js';
import { textArray } from '../sql.js';
import { actorId, lockReferral, lockRequestAndReferral } from './locks.js';

const BROKERED_TYPES: Record<ServiceNeed, string[]> = {
  none: [],
  reablement: ['homecare'],
  homecare: ['homecare'],
  rehab_bed: ['care_home_nursing', 'care_home_residential'],
  d2a_bed: ['care_home_nursing', 'care_home_residential'],
  care_home_residential: ['care_home_residential'],
  care_home_nursing: ['care_home_nursing'],
  care_home_dementia: ['care_home_residential', 'care_home_nursing'],
};

/**
 * Send the anonymised request to the chosen locations, or to every framework/DPS location that provides the
 * service with the specialisms. Locations already asked are skipped. Returns how many new requests went out.
 */
export async function sendRequests(
  db: Db,
  referralId: string,
  input: Pick<SendRequestInput, 'mode' | 'locationIds'>,
  by: AuditActor,
  now = new Date(),
): Promise<{ sent: number; alreadySent: number }> {
  return db.transaction(async (tx) => {
    const ref = await lockReferral(tx, referralId);
    if (ref.dischargedAt || ref.cancelledAt) throw new Conflict('This referral is closed');
    if (ref.awardedAt) throw new Conflict('This referral has already been awarded');
    const need = ref.serviceNeed as ServiceNeed;
    if (need === 'none')
      throw new InputError(
        [{ field: 'mode', message: 'This person needs no new support, so there is nothing to send' }],
        'Pathway 0 referrals need no provider',
      );

    let targets: { id: string; providerId: string }[];
    if (input.mode === 'chosen') {
      targets = await tx
        .select({ id: locations.id, providerId: locations.providerId })
        .from(locations)
        .where(and(inArray(locations.id, input.locationIds), isNull(locations.deregisteredAt)));
      const found = new Set(targets.map((t) => t.id));
      const missing = input.locationIds.filter((id) => !found.has(id));
      if (missing.length)
        throw new InputError(
          [
            {
              field: 'locationIds',
              message: `${missing.length} of the selected locations do not exist or are deregistered`,
            },
          ],
          'Some providers were not found',
        );
    } else {
      targets = (
        await queryRows<{ id: string; provider_id: string }>(
          tx,
          sql`select id::text, provider_id::text from locations
              where deregistered_at is null and (on_framework or on_dps)
                and service_types && ${textArray(BROKERED_TYPES[need])}
                and (specialisms || service_user_bands) @> ${textArray(ref.specialisms)}
              order by name limit 200`,
        )
      ).map((r) => ({ id: r.id, providerId: r.provider_id }));
      if (!targets.length)
        throw new Conflict('No framework or DPS provider offers this service with these specialisms', [
          { field: 'mode', message: 'No framework or DPS provider offers this service: choose providers instead' },
        ]);
    }

    const inserted = await tx
      .insert(dischargeRequests)
      .values(
        targets.map((t) => ({
          referralId,
          providerId: t.providerId,
          locationId: t.id,
          sentAt: now,
          sentBy: actorId(by),
        })),
      )
      .onConflictDoNothing()
      .returning({ id: dischargeRequests.id, providerId: dischargeRequests.providerId });
    if (inserted.length) {
      await tx.insert(dischargeNotifications).values(
        inserted.map((r) => ({
          providerId: r.providerId,
          requestId: r.id,
          kind: 'request',
          message: `New request: ${SERVICE_NEED_LABELS[need]} for a person in ${ref.postcodeDistrict}`,
          createdAt: now,
        })),
      );
    }
    if (!ref.requestSentAt && inserted.length) {
      await tx
        .update(dischargeReferrals)
        .set({ requestSentAt: now, updatedAt: now })
        .where(eq(dischargeReferrals.id, referralId));
    }
    await recordAudit(tx, by, {
      action: 'send_request',
      entity: 'discharge_referral',
      entityId: referralId,
      detail: { mode: input.mode, sent: inserted.length, locationIds: targets.map((t) => t.id) },
    });
    return { sent: inserted.length, alreadySent: targets.length - inserted.length };
  });
}

export interface ProviderRequestView extends AnonymisedRequest {
  id: string;
  locationId: string;
  locationName: string;
  status: ResponseStatus;
  respondedAt: Date | null;
  pricePence: number | null;
  earliestStart: string | null;
  canAssessBy: string | null;
  declineReason: string | null;
  note: string;
}

/** Requests sent to one provider, anonymised, newest first. Only that provider's own answers are included. */
export async function listRequestsForProvider(
  db: Db,
  providerId: string,
  opts: { requestId?: string; limit?: number } = {},
): Promise<ProviderRequestView[]> {
  const rows = await db
    .select({ q: dischargeRequests, r: dischargeReferrals, locationName: locations.name })
    .from(dischargeRequests)
    .innerJoin(dischargeReferrals, eq(dischargeReferrals.id, dischargeRequests.referralId))
    .innerJoin(locations, eq(locations.id, dischargeRequests.locationId))
    .where(
      and(
        eq(dischargeRequests.providerId, providerId),
        opts.requestId ? eq(dischargeRequests.id, opts.requestId) : undefined,
      ),
    )
    .orderBy(desc(dischargeRequests.sentAt))
    .limit(opts.limit ?? 200);
  return rows.map(({ q, r, locationName }) => {
    const ref = toReferral(r);
    return {
      ...anonymiseForProvider({ ...ref, referralId: ref.id }, { id: q.id, sentAt: q.sentAt }),
      id: q.id,
      locationId: q.locationId,
      locationName,
      status: q.status as ResponseStatus,
      respondedAt: q.respondedAt,
      pricePence: q.pricePence,
      earliestStart: q.earliestStart,
      canAssessBy: q.canAssessBy,
      declineReason: q.declineReason,
      note: q.note,
    };
  });
}

/** A provider answers its own request. `providerId` is the acting provider: any other request is "not found". */
export async function respondToRequest(
  db: Db,
  requestId: string,
  providerId: string,
  input: ResponseInput,
  by: AuditActor,
  now = new Date(),
): Promise<void> {
  await db.transaction(async (tx) => {
    const locked = await lockRequestAndReferral(tx, requestId);
    // Another provider's request is reported as not found, so its existence is not revealed.
    if (!locked || locked.q.providerId !== providerId) throw new NotFound('Request');
    const { q, ref } = locked;
    const blocker = responseBlocker({
      responseStatus: q.status as ResponseStatus,
      referralAwarded: !!ref.awardedAt,
      referralClosed: !!(ref.dischargedAt || ref.cancelledAt),
    });
    if (blocker) throw new Conflict(blocker);
    if (input.response === 'offer') {
      await tx
        .update(dischargeRequests)
        .set({
          status: 'offered',
          respondedAt: now,
          respondedBy: actorId(by),
          pricePence: input.pricePence,
          earliestStart: input.earliestStart,
          canAssessBy: input.canAssessBy,
          declineReason: null,
          note: input.note,
        })
        .where(eq(dischargeRequests.id, requestId));
      if (!ref.firstOfferAt)
        await tx
          .update(dischargeReferrals)
          .set({ firstOfferAt: now, updatedAt: now })
          .where(eq(dischargeReferrals.id, ref.id));
    } else {
      await tx
        .update(dischargeRequests)
        .set({
          status: 'declined',
          respondedAt: now,
          respondedBy: actorId(by),
          pricePence: null,
          earliestStart: null,
          canAssessBy: null,
          declineReason: input.declineReason,
          note: input.note,
        })
        .where(eq(dischargeRequests.id, requestId));
    }
    await recordAudit(tx, by, {
      action: input.response,
      entity: 'discharge_request',
      entityId: requestId,
      detail:
        input.response === 'offer'
          ? {
              pricePence: input.pricePence,
              earliestStart: input.earliestStart,
              canAssessBy: input.canAssessBy,
            }
          : { declineReason: input.declineReason },
    });
  });
}

export interface ResponseView {
  id: string;
  providerId: string;
  providerName: string;
  locationId: string;
  locationName: string;
  postcodeDistrict: string;
  cqcRating: string | null;
  status: ResponseStatus;
  sentAt: Date;
  respondedAt: Date | null;
  pricePence: number | null;
  earliestStart: string | null;
  canAssessBy: string | null;
  declineReason: string | null;
  declineReasonLabel: string | null;
  note: string;
}

/** Every provider's answer on one referral, for the broker comparing offers (staff only). */
export async function listResponses(db: Db, referralId: string): Promise<ResponseView[]> {
  const rows = await db
    .select({
      q: dischargeRequests,
      providerName: providers.name,
      locationName: locations.name,
      postcodeDistrict: locations.postcodeDistrict,
      cqcRating: locations.cqcRating,
    })
    .from(dischargeRequests)
    .innerJoin(providers, eq(providers.id, dischargeRequests.providerId))
    .innerJoin(locations, eq(locations.id, dischargeRequests.locationId))
    .where(eq(dischargeRequests.referralId, referralId))
    .orderBy(asc(dischargeRequests.pricePence), asc(locations.name));
  const order: Record<string, number> = { awarded: 0, offered: 1, sent: 2, declined: 3, not_selected: 4, withdrawn: 5 };
  return rows
    .map(({ q, providerName, locationName, postcodeDistrict, cqcRating }) => ({
      id: q.id,
      providerId: q.providerId,
      providerName,
      locationId: q.locationId,
      locationName,
      postcodeDistrict,
      cqcRating,
      status: q.status as ResponseStatus,
      sentAt: q.sentAt,
      respondedAt: q.respondedAt,
      pricePence: q.pricePence,
      earliestStart: q.earliestStart,
      canAssessBy: q.canAssessBy,
      declineReason: q.declineReason,
      declineReasonLabel: q.declineReason
        ? (DECLINE_REASON_LABELS[q.declineReason as DeclineReason] ?? q.declineReason)
        : null,
      note: q.note,
    }))
    .sort((a, b) => order[a.status] - order[b.status]);
}
