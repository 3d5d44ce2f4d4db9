// Requests to providers, their offers or declines, and the award. The award is one transaction: it locks the
// referral (one award per person) and the location (one admission at a time per home), re-reads the latest
// capacity under that lock, creates the placement at the agreed price, records the new vacancy figures and
// tells the other providers. Whoever comes second for the last bed gets a NoCapacityError and nothing is written.
import { londonDate } from '../../domain/core/dates.js';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { Conflict, InputError, NotFound } from '../../domain/core/errors.js';
import { queryRows, type Db } from '../client.js';
import { recordAudit, type AuditActor } from '../core/audit.js';
import {
  careHomeAfterAdmission,
  homecareAfterPackage,
  NoCapacityError,
  placementFromAward,
  responseBlocker,
  awardBlocker,
  anonymiseForProvider,
  type AnonymisedRequest,
  type CareHomeFigures,
  type ResponseInput,
  type ResponseStatus,
  type SendRequestInput,
  DECLINE_REASON_LABELS,
  type DeclineReason,
} from '../../domain/discharge/brokerage.js';
import { hoursNeeded, usualRateBand } from '../../domain/discharge/matching.js';
import {
  CARE_HOME_NEEDS,
  SERVICE_NEED_LABELS,
  type FundingRoute,
  type ServiceNeed,
} from '../../domain/discharge/referral.js';
import {
  acceptanceByProvider,
  type ProviderAcceptance,
  type ProviderResponseRecord,
} from '../../domain/discharge/metrics.js';
import { careHomeCapacity, homecareCapacity, locations, placements, providers } from '../market/schema.js';
import { toReferral } from './referrals.js';
import {
  dischargeAwards,
  dischargeBedStays,
  dischargeNotifications,
  dischargeReferrals,
  dischargeRequests,
  type ReferralRow,
} from './schema.js';
import { textArray } from './sql.js';
import { pgErrorOf } from '../errors.js';

function actorId(by: AuditActor): string | null {
  return 'userId' in by ? by.userId : null;
}

/**
 * Lock a request and its referral, always the referral first and then the request (the order sendRequests,
 * respondToRequest and awardOffer all follow, so two of them on one referral queue instead of deadlocking).
 * Returns null when the request does not exist.
 */
async function lockRequestAndReferral(tx: Db, requestId: string) {
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

async function lockReferral(tx: Db, id: string): Promise<ReferralRow> {
  const [row] = await tx.select().from(dischargeReferrals).where(eq(dischargeReferrals.id, id)).for('update');
  if (!row) throw new NotFound('Referral');
  return row;
}

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

export interface AwardResult {
  awardId: string;
  placementId: string | null;
  bedStayId: string | null;
  weeklyPricePence: number;
  vacancyAfter: { vacantAccepting: number } | { hoursAvailable: number } | { blockBedsFree: number };
  notified: number;
}

/** Lock a location row: every admission to the same home queues here. */
async function lockLocation(tx: Db, locationId: string) {
  const [loc] = await tx.select().from(locations).where(eq(locations.id, locationId)).for('update');
  if (!loc) throw new NotFound('Location');
  return loc;
}

/** Award one offer. See the file header for how the last bed is protected. */
export async function awardOffer(db: Db, requestId: string, by: AuditActor, now = new Date()): Promise<AwardResult> {
  try {
    return await db.transaction(async (tx) => {
      const locked = await lockRequestAndReferral(tx, requestId);
      if (!locked) throw new NotFound('Offer');
      const { q, ref } = locked;
      const blocker = awardBlocker({
        responseStatus: q.status as ResponseStatus,
        referralAwarded: !!ref.awardedAt,
        referralClosed: !!(ref.dischargedAt || ref.cancelledAt),
      });
      if (blocker) throw new Conflict(blocker);
      const need = ref.serviceNeed as ServiceNeed;
      const loc = await lockLocation(tx, q.locationId);
      const today = londonDate(now);
      const band = usualRateBand(need);
      const hours = ref.homecareHoursPerWeek === null ? null : Number(ref.homecareHoursPerWeek);

      let vacancyAfter: AwardResult['vacancyAfter'];
      let bedStayId: string | null = null;
      if (need === 'd2a_bed' || need === 'rehab_bed') {
        const kind = need === 'd2a_bed' ? 'd2a' : 'rehab';
        const free = await queryRows<{ id: string }>(
          tx,
          sql`select b.id::text from discharge_block_beds b
              where b.location_id = ${loc.id} and b.kind = ${kind} and b.from_date <= ${today} and (b.to_date is null or b.to_date > ${today})
                and not exists (select 1 from discharge_bed_stays s where s.bed_id = b.id and s.left_at is null)
              order by b.label`,
        );
        if (!free.length)
          throw new NoCapacityError(
            `No ${kind === 'd2a' ? 'D2A' : 'rehabilitation'} bed is free at ${loc.name} any more`,
          );
        // The bed is reserved from the award; the stay's admission time is reset to the discharge time.
        const [stay] = await tx
          .insert(dischargeBedStays)
          .values({ bedId: free[0].id, referralId: ref.id, personRef: ref.personRef, admittedAt: now })
          .returning({ id: dischargeBedStays.id });
        bedStayId = stay.id;
        vacancyAfter = { blockBedsFree: free.length - 1 };
      } else if (CARE_HOME_NEEDS.includes(need)) {
        const [latest] = await tx
          .select()
          .from(careHomeCapacity)
          .where(eq(careHomeCapacity.locationId, loc.id))
          .orderBy(desc(careHomeCapacity.asAt), desc(careHomeCapacity.createdAt))
          .limit(1);
        if (!latest) throw new NoCapacityError(`${loc.name} has not reported any capacity`);
        const after = careHomeAfterAdmission(latest as CareHomeFigures, need);
        await tx.insert(careHomeCapacity).values({
          locationId: loc.id,
          asAt: now,
          maxCapacity: after.maxCapacity,
          occupied: after.occupied,
          vacantReserved: after.vacantReserved,
          vacantAccepting: after.vacantAccepting,
          residentialMax: after.residentialMax,
          residentialOccupied: after.residentialOccupied,
          residentialVacantAccepting: after.residentialVacantAccepting,
          nursingMax: after.nursingMax,
          nursingOccupied: after.nursingOccupied,
          nursingVacantAccepting: after.nursingVacantAccepting,
          dementiaMax: after.dementiaMax,
          dementiaOccupied: after.dementiaOccupied,
          dementiaVacantAccepting: after.dementiaVacantAccepting,
          source: 'system',
          reportedBy: actorId(by),
        });
        vacancyAfter = { vacantAccepting: after.vacantAccepting };
      } else {
        const needed = hoursNeeded({ homecareHoursPerWeek: hours ?? 0, doubleHanded: ref.doubleHanded });
        const [latest] = await queryRows<{
          area: string;
          people_supported: number;
          hours_per_week: string;
          new_hours_available: string;
        }>(
          tx,
          sql`select area, people_supported, hours_per_week, new_hours_available from homecare_capacity
              where location_id = ${loc.id} and area in ('', ${ref.postcodeDistrict})
              order by (area = ${ref.postcodeDistrict}) desc, as_at desc, created_at desc limit 1`,
        );
        if (!latest) throw new NoCapacityError(`${loc.name} has not reported any homecare hours`);
        const left = homecareAfterPackage(Number(latest.new_hours_available), needed);
        await tx.insert(homecareCapacity).values({
          locationId: loc.id,
          asAt: now,
          area: latest.area,
          peopleSupported: Number(latest.people_supported) + 1,
          hoursPerWeek: String(Number(latest.hours_per_week) + needed),
          newHoursAvailable: String(left),
          source: 'system',
          reportedBy: actorId(by),
        });
        vacancyAfter = { hoursAvailable: left };
      }

      const plan = placementFromAward({
        serviceNeed: need,
        offerPricePence: q.pricePence!,
        homecareHoursPerWeek: hours,
        doubleHanded: ref.doubleHanded,
        fundingRoute: ref.fundingRoute as FundingRoute,
        location: { serviceTypes: loc.serviceTypes, onFramework: loc.onFramework, onDps: loc.onDps },
        band,
      });
      let placementId: string | null = null;
      // Community rehabilitation beds are NHS beds, not commissioned social care: no placement is created.
      if (need !== 'rehab_bed') {
        const [p] = await tx
          .insert(placements)
          .values({
            personRef: ref.personRef,
            locationId: loc.id,
            serviceType: plan.serviceType,
            band: plan.band,
            startDate: q.earliestStart ?? today,
            weeklyPricePence: plan.weeklyPricePence,
            hoursPerWeek: plan.hoursPerWeek === null ? null : String(plan.hoursPerWeek),
            hourlyRatePence: plan.hourlyRatePence,
            funding: plan.funding,
            contractType: plan.contractType,
            purpose: plan.purpose,
            origin: 'discharge',
            originRef: ref.id,
            createdBy: actorId(by),
          })
          .returning({ id: placements.id });
        placementId = p.id;
      }

      const [award] = await tx
        .insert(dischargeAwards)
        .values({
          referralId: ref.id,
          requestId: q.id,
          locationId: loc.id,
          placementId,
          pricePence: q.pricePence!,
          weeklyPricePence: plan.weeklyPricePence,
          awardedAt: now,
          awardedBy: actorId(by),
        })
        .returning({ id: dischargeAwards.id });
      await tx
        .update(dischargeReferrals)
        .set({ awardedAt: now, updatedAt: now })
        .where(eq(dischargeReferrals.id, ref.id));
      await tx.update(dischargeRequests).set({ status: 'awarded' }).where(eq(dischargeRequests.id, q.id));
      const others = await tx
        .update(dischargeRequests)
        .set({ status: 'not_selected' })
        .where(and(eq(dischargeRequests.referralId, ref.id), inArray(dischargeRequests.status, ['sent', 'offered'])))
        .returning({ id: dischargeRequests.id, providerId: dischargeRequests.providerId });
      const requestRef = (id: string) => `REQ-${id.slice(0, 8).toUpperCase()}`;
      await tx.insert(dischargeNotifications).values([
        {
          providerId: q.providerId,
          requestId: q.id,
          kind: 'awarded',
          message: `Your offer on ${requestRef(q.id)} was accepted`,
          createdAt: now,
        },
        ...others.map((o) => ({
          providerId: o.providerId,
          requestId: o.id,
          kind: 'not_selected',
          message: `Request ${requestRef(o.id)} has been placed with another provider`,
          createdAt: now,
        })),
      ]);
      await recordAudit(tx, by, {
        action: 'award',
        entity: 'discharge_referral',
        entityId: ref.id,
        detail: {
          requestId: q.id,
          locationId: loc.id,
          placementId,
          pricePence: q.pricePence,
          weeklyPricePence: plan.weeklyPricePence,
          vacancyAfter,
        },
      });
      return {
        awardId: award.id,
        placementId,
        bedStayId,
        weeklyPricePence: plan.weeklyPricePence,
        vacancyAfter,
        notified: others.length + 1,
      };
    });
  } catch (err) {
    if (err instanceof NoCapacityError) throw new Conflict(err.message);
    // The unique index on discharge_awards(referral_id) is the backstop if two awards ever race past the lock.
    if (pgErrorOf(err)?.code === '23505' && pgErrorOf(err)?.constraint === 'discharge_awards_referral_uq') {
      throw new Conflict('This request has already been awarded');
    }
    throw err;
  }
}

/** The provider's own answering record (requests sent to it in [from, to)). */
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
