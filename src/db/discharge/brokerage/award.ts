// Awarding an offer, in one transaction: it locks the referral (one award per person) and the location (one
// admission at a time per home), re-reads the latest capacity under that lock, creates the placement at the agreed
// price, records the new vacancy figures and tells the other providers. Whoever comes second for the last bed gets a
// NoCapacityError and nothing is written.
import { londonDate } from '../../../domain/core/dates.js';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { Conflict, NotFound } from '../../../domain/core/errors.js';
import { queryRows, type Db } from '../../client.js';
import { recordAudit, type AuditActor } from '../../core/audit.js';
import {
  careHomeAfterAdmission,
  homecareAfterPackage,
  NoCapacityError,
  placementFromAward,
  awardBlocker,
  type CareHomeFigures,
  type ResponseStatus,
} from '../../../domain/discharge/brokerage.js';
import { hoursNeeded, usualRateBand } from '../../../domain/discharge/matching.js';
import { CARE_HOME_NEEDS, type FundingRoute, type ServiceNeed } from '../../../domain/discharge/referral.js';
import { careHomeCapacity, homecareCapacity, locations, placements } from '../../market/schema.js';
import {
  dischargeAwards,
  dischargeBedStays,
  dischargeNotifications,
  dischargeReferrals,
  dischargeRequests,
} from '../schema.js';
import { pgErrorOf } from '../../errors.js';
import { actorId, lockRequestAndReferral } from './locks.js';

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
