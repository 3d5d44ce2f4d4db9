// Referrals: create, read (with or without the restricted details), delays, discharge and cancellation.
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { Conflict, InputError, NotFound } from '../../domain/core/errors.js';
import type { Db } from '../client.js';
import { recordAudit, type AuditActor } from '../core/audit.js';
import type { DelayEpisode } from '../../domain/discharge/metrics.js';
import type {
  DelayReason,
  Destination,
  FundingRoute,
  Pathway,
  ReferralInput,
  ServiceNeed,
} from '../../domain/discharge/referral.js';
import { referralStatus, type ReferralStatus } from '../../domain/discharge/referral.js';
import { dischargeTimeProblem } from '../../domain/discharge/dischargeTime.js';
import {
  dischargeBedStays,
  dischargeDelays,
  dischargePersonDetails,
  dischargeReferrals,
  type ReferralRow,
} from './schema.js';
import { plausibleReferral } from './plausible.js';

/** A referral as the hub works with it: no direct identifiers. */
export interface Referral {
  id: string;
  personRef: string;
  ageBand: string;
  postcodeDistrict: string;
  hospital: string;
  ward: string;
  pathway: Pathway;
  serviceNeed: ServiceNeed;
  homecareHoursPerWeek: number | null;
  callsPerDay: number | null;
  doubleHanded: boolean;
  specialisms: string[];
  equipment: string[];
  needsSummary: string;
  fundingRoute: FundingRoute;
  preferredDistricts: string[];
  preferredLocationIds: string[];
  referredAt: Date;
  medicallyOptimisedAt: Date;
  requestSentAt: Date | null;
  firstOfferAt: Date | null;
  awardedAt: Date | null;
  dischargedAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  destination: Destination | null;
  status: ReferralStatus;
  delays: (DelayEpisode & { id: string; note: string })[];
}

export interface RestrictedDetails {
  name: string | null;
  nhsNumber: string | null;
}

/** A stored referral row, with its delay episodes, as the API shows it. */
export function toReferral(r: ReferralRow, delays: Referral['delays'] = []): Referral {
  return {
    id: r.id,
    personRef: r.personRef,
    ageBand: r.ageBand,
    postcodeDistrict: r.postcodeDistrict,
    hospital: r.hospital,
    ward: r.ward,
    pathway: r.pathway as Pathway,
    serviceNeed: r.serviceNeed as ServiceNeed,
    homecareHoursPerWeek: r.homecareHoursPerWeek === null ? null : Number(r.homecareHoursPerWeek),
    callsPerDay: r.callsPerDay,
    doubleHanded: r.doubleHanded,
    specialisms: r.specialisms,
    equipment: r.equipment,
    needsSummary: r.needsSummary,
    fundingRoute: r.fundingRoute as FundingRoute,
    preferredDistricts: r.preferredDistricts,
    preferredLocationIds: r.preferredLocationIds,
    referredAt: r.referredAt,
    medicallyOptimisedAt: r.medicallyOptimisedAt,
    requestSentAt: r.requestSentAt,
    firstOfferAt: r.firstOfferAt,
    awardedAt: r.awardedAt,
    dischargedAt: r.dischargedAt,
    cancelledAt: r.cancelledAt,
    cancelReason: r.cancelReason,
    destination: r.destination as Destination | null,
    status: referralStatus(r),
    delays,
  };
}

/** Record a new referral (and its restricted details, if given) in one audited transaction. */
export async function createReferral(
  db: Db,
  input: ReferralInput,
  by: AuditActor,
  now = new Date(),
): Promise<Referral> {
  return db.transaction(async (tx) => {
    // One open referral per person: a second while the first is open is a duplicate (two brokers, or a double
    // click). Serialised per person, so two at once cannot both pass the check.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`discharge-referral:${input.personRef}`}))`);
    const [open] = await tx
      .select({ id: dischargeReferrals.id, referredAt: dischargeReferrals.referredAt })
      .from(dischargeReferrals)
      .where(
        and(
          eq(dischargeReferrals.personRef, input.personRef),
          isNull(dischargeReferrals.dischargedAt),
          isNull(dischargeReferrals.cancelledAt),
        ),
      )
      .limit(1);
    if (open) {
      const message = `${input.personRef} already has an open referral: update that one, or cancel it before referring again`;
      throw new Conflict(message, [{ field: 'personRef', message }]);
    }
    const [row] = await tx
      .insert(dischargeReferrals)
      .values({
        personRef: input.personRef,
        ageBand: input.ageBand,
        postcodeDistrict: input.postcodeDistrict,
        hospital: input.hospital,
        ward: input.ward,
        pathway: input.pathway,
        serviceNeed: input.serviceNeed,
        homecareHoursPerWeek: input.homecareHoursPerWeek === undefined ? null : String(input.homecareHoursPerWeek),
        callsPerDay: input.callsPerDay ?? null,
        doubleHanded: input.doubleHanded,
        specialisms: input.specialisms,
        equipment: input.equipment,
        needsSummary: input.needsSummary,
        fundingRoute: input.fundingRoute,
        preferredDistricts: input.preferredDistricts,
        preferredLocationIds: input.preferredLocationIds,
        referredAt: now,
        medicallyOptimisedAt: new Date(input.medicallyOptimisedAt),
        createdBy: 'userId' in by ? by.userId : null,
      })
      .returning();
    if (input.name || input.nhsNumber) {
      await tx.insert(dischargePersonDetails).values({
        referralId: row.id,
        name: input.name || null,
        nhsNumber: input.nhsNumber?.replace(/\s/g, '') || null,
      });
    }
    await recordAudit(tx, by, {
      action: 'create',
      entity: 'discharge_referral',
      entityId: row.id,
      detail: {
        personRef: row.personRef,
        pathway: row.pathway,
        serviceNeed: row.serviceNeed,
        restrictedDetails: !!(input.name || input.nhsNumber),
      },
    });
    return toReferral(row);
  });
}

async function delaysFor(db: Db, referralIds: string[]): Promise<Map<string, Referral['delays']>> {
  const out = new Map<string, Referral['delays']>();
  if (!referralIds.length) return out;
  const rows = await db
    .select()
    .from(dischargeDelays)
    .where(inArray(dischargeDelays.referralId, referralIds))
    .orderBy(asc(dischargeDelays.fromAt));
  for (const d of rows) {
    const list = out.get(d.referralId) ?? [];
    list.push({ id: d.id, reason: d.reason as DelayReason, from: d.fromAt, to: d.toAt, note: d.note });
    out.set(d.referralId, list);
  }
  return out;
}

/** One referral with its delays, or null. */
export async function getReferral(db: Db, id: string): Promise<Referral | null> {
  const [row] = await db.select().from(dischargeReferrals).where(eq(dischargeReferrals.id, id));
  if (!row) return null;
  const delays = await delaysFor(db, [id]);
  return toReferral(row, delays.get(id) ?? []);
}

/** Name and NHS number. Callers must have checked the actor is staff. */
export async function getRestrictedDetails(db: Db, referralId: string): Promise<RestrictedDetails> {
  const [row] = await db.select().from(dischargePersonDetails).where(eq(dischargePersonDetails.referralId, referralId));
  return { name: row?.name ?? null, nhsNumber: row?.nhsNumber ?? null };
}

/** Everyone not yet discharged or cancelled, with their delays and offer counts (for the hub board). */
export async function listOpenReferrals(db: Db): Promise<(Referral & { offers: number })[]> {
  const rows = await db
    .select({
      r: dischargeReferrals,
      // Drizzle writes a column inside a select field unqualified ("id"), which inside this subquery would mean
      // q.id: name the outer table explicitly.
      offers: sql<number>`(select count(*)::int from discharge_requests q where q.referral_id = discharge_referrals.id and q.status in ('offered','awarded','not_selected'))`,
    })
    .from(dischargeReferrals)
    .where(and(isNull(dischargeReferrals.dischargedAt), isNull(dischargeReferrals.cancelledAt), plausibleReferral()))
    .orderBy(asc(dischargeReferrals.medicallyOptimisedAt));
  const delays = await delaysFor(
    db,
    rows.map((r) => r.r.id),
  );
  return rows.map(({ r, offers }) => ({ ...toReferral(r, delays.get(r.id) ?? []), offers: Number(offers) }));
}

/** The latest referrals (newest first), with their delays. */
export async function listRecentReferrals(db: Db, limit = 50): Promise<Referral[]> {
  const rows = await db.select().from(dischargeReferrals).orderBy(desc(dischargeReferrals.referredAt)).limit(limit);
  return rows.map((r) => toReferral(r));
}

async function lockOpenReferral(tx: Db, id: string): Promise<ReferralRow> {
  const [row] = await tx.select().from(dischargeReferrals).where(eq(dischargeReferrals.id, id)).for('update');
  if (!row) throw new NotFound('Referral');
  if (row.dischargedAt || row.cancelledAt)
    throw new Conflict('This referral is closed: the person has been discharged or the referral cancelled');
  return row;
}

/** Ends the referral's open delay episode (if any) at `at`; at most one is open at a time. */
async function endOpenDelay(tx: Db, referralId: string, at: Date): Promise<void> {
  await tx
    .update(dischargeDelays)
    .set({ toAt: at })
    .where(and(eq(dischargeDelays.referralId, referralId), isNull(dischargeDelays.toAt)));
}

/** Start a delay episode; any open episode for the referral ends at the same moment (one reason at a time). */
export async function recordDelay(
  db: Db,
  referralId: string,
  reason: DelayReason,
  note: string,
  by: AuditActor,
  at = new Date(),
): Promise<void> {
  await db.transaction(async (tx) => {
    await lockOpenReferral(tx, referralId);
    await endOpenDelay(tx, referralId, at);
    await tx
      .insert(dischargeDelays)
      .values({ referralId, reason, fromAt: at, note, createdBy: 'userId' in by ? by.userId : null });
    await recordAudit(tx, by, {
      action: 'update',
      entity: 'discharge_referral',
      entityId: referralId,
      detail: { delayReason: reason },
    });
  });
}

/**
 * The person has left hospital: stamp the time and destination and close any open delay.
 * @throws InputError (field dischargedAt) when `at` is in the future, before the referral was made or before the
 *   person was medically optimised; Conflict when the referral is closed
 */
export async function recordDischarge(
  db: Db,
  referralId: string,
  destination: Destination,
  by: AuditActor,
  at = new Date(),
): Promise<Referral> {
  await db.transaction(async (tx) => {
    const row = await lockOpenReferral(tx, referralId);
    // The same check as the API's and the form's (src/domain/discharge/dischargeTime.ts): not in the future, not
    // before the referral was made nor before the person was medically optimised.
    const problem = dischargeTimeProblem(at, new Date(), row);
    if (problem) throw InputError.field('dischargedAt', problem);
    await tx
      .update(dischargeReferrals)
      .set({ dischargedAt: at, destination, updatedAt: new Date() })
      .where(eq(dischargeReferrals.id, referralId));
    // A D2A or rehab bed reserved at the award is occupied from the moment the person arrives.
    await tx
      .update(dischargeBedStays)
      .set({ admittedAt: at })
      .where(and(eq(dischargeBedStays.referralId, referralId), isNull(dischargeBedStays.leftAt)));
    await endOpenDelay(tx, referralId, at);
    await recordAudit(tx, by, {
      action: 'discharge',
      entity: 'discharge_referral',
      entityId: referralId,
      detail: { destination, at: at.toISOString() },
    });
  });
  return (await getReferral(db, referralId))!;
}

/**
 * Cancels an open referral in one audited transaction: open delays end and open requests to providers are withdrawn.
 * @throws NotFound when there is no such referral; Conflict when it is closed (discharged or cancelled)
 */
export async function cancelReferral(
  db: Db,
  referralId: string,
  reason: string,
  by: AuditActor,
  at = new Date(),
): Promise<void> {
  await db.transaction(async (tx) => {
    await lockOpenReferral(tx, referralId);
    await tx
      .update(dischargeReferrals)
      .set({ cancelledAt: at, cancelReason: reason, updatedAt: new Date() })
      .where(eq(dischargeReferrals.id, referralId));
    await endOpenDelay(tx, referralId, at);
    await tx.execute(
      sql`update discharge_requests set status = 'withdrawn' where referral_id = ${referralId} and status in ('sent','offered','declined')`,
    );
    await recordAudit(tx, by, {
      action: 'cancel',
      entity: 'discharge_referral',
      entityId: referralId,
      detail: { reason },
    });
  });
}
