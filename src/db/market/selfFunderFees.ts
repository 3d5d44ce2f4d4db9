// Care homes' weekly self-funder fees by band, kept by the provider (history kept: one row per band and date),
// read beside the council's usual rate for the band.
import { and, asc, desc, eq, lte } from 'drizzle-orm';
import type { Db } from '../client.js';
import { recordAudit, type AuditActor } from '../core/audit.js';
import { InputError, NotFound } from '../../domain/core/errors.js';
import { isCareHome } from '../../domain/market/types.js';
import {
  feeAboveUsualRate,
  selfFunderFeeProblems,
  type SelfFunderFeeInput,
} from '../../domain/market/selfFunderFees.js';
import { usualRateOn } from './rates.js';
import { locations, selfFunderFees } from './schema.js';

export interface SelfFunderFeeView {
  band: string;
  weeklyFeePence: number;
  effectiveFrom: string;
  /** The council's usual rate for the band on the day asked about (pence a week), or null when none is set. */
  usualRatePence: number | null;
  /** The fee less the usual rate (pence a week), or null without a usual rate. */
  aboveUsualRatePence: number | null;
}

/**
 * The fees a care home charges self-funders on `on` (each band's latest fee effective by then), each beside the
 * council's usual rate for the band in force that day. Bands the home has never priced are left out.
 */
export async function selfFunderFeesOn(db: Db, locationId: string, on: string): Promise<SelfFunderFeeView[]> {
  const rows = await db
    .selectDistinctOn([selfFunderFees.band])
    .from(selfFunderFees)
    .where(and(eq(selfFunderFees.locationId, locationId), lte(selfFunderFees.effectiveFrom, on)))
    .orderBy(asc(selfFunderFees.band), desc(selfFunderFees.effectiveFrom));
  return Promise.all(
    rows.map(async (r) => {
      const rate = await usualRateOn(db, r.band, on);
      const usualRatePence = rate?.amountPence ?? null;
      return {
        band: r.band,
        weeklyFeePence: r.weeklyFeePence,
        effectiveFrom: r.effectiveFrom,
        usualRatePence,
        aboveUsualRatePence: feeAboveUsualRate(r.weeklyFeePence, usualRatePence),
      };
    }),
  );
}

/**
 * A care home sets its weekly self-funder fees from `effectiveFrom` (a fee already set for the band on that day is
 * corrected); the register's single "from" fee (locations.self_funder_weekly_fee_pence, published in the directory)
 * becomes the lowest fee in force. One audited transaction.
 * @throws InputError naming `fees.<i>.band`, `fees.<i>.weeklyFeePence` or `locationId` (not a care home); NotFound
 */
export async function setSelfFunderFees(
  db: Db,
  by: AuditActor,
  locationId: string,
  input: { effectiveFrom: string; fees: SelfFunderFeeInput[] },
  today: string,
): Promise<SelfFunderFeeView[]> {
  const problems = selfFunderFeeProblems(input.fees);
  if (problems.length) throw new InputError(problems);
  return db.transaction(async (tx) => {
    const [loc] = await tx.select().from(locations).where(eq(locations.id, locationId)).for('update');
    if (!loc) throw new NotFound('Location');
    if (!isCareHome(loc.serviceTypes))
      throw new InputError([
        { field: 'locationId', message: `${loc.name} is not a care home: self-funder fees are weekly care home fees` },
      ]);
    const recordedBy = 'userId' in by ? by.userId : null;
    for (const f of input.fees) {
      await tx
        .insert(selfFunderFees)
        .values({
          locationId,
          band: f.band,
          weeklyFeePence: f.weeklyFeePence,
          effectiveFrom: input.effectiveFrom,
          recordedBy,
        })
        .onConflictDoUpdate({
          target: [selfFunderFees.locationId, selfFunderFees.band, selfFunderFees.effectiveFrom],
          set: { weeklyFeePence: f.weeklyFeePence, recordedBy, createdAt: new Date() },
        });
    }
    const current = await selfFunderFeesOn(tx, locationId, today > input.effectiveFrom ? today : input.effectiveFrom);
    const lowest = current.length ? Math.min(...current.map((c) => c.weeklyFeePence)) : null;
    if (input.effectiveFrom <= today && lowest !== loc.selfFunderWeeklyFeePence)
      await tx
        .update(locations)
        .set({ selfFunderWeeklyFeePence: lowest, updatedAt: new Date() })
        .where(eq(locations.id, locationId));
    await recordAudit(tx, by, {
      action: 'update',
      entity: 'self_funder_fees',
      entityId: locationId,
      detail: {
        effectiveFrom: input.effectiveFrom,
        fees: input.fees.map((f) => ({ band: f.band, weeklyFeePence: f.weeklyFeePence })),
      },
    });
    return selfFunderFeesOn(tx, locationId, today);
  });
}
