// Care homes' weekly self-funder fees by band, kept by the provider (history kept: one row per band and date),
// read beside the council's usual rate for the band.
import { and, asc, desc, eq, gt, inArray, lte } from 'drizzle-orm';
import type { Db } from '../client.js';
import { recordAudit, type AuditActor } from '../core/audit.js';
import { InputError, NotFound } from '../../domain/core/errors.js';
import { BOUNDS, dateRangeError } from '../../domain/core/bounds.js';
import { addDays } from '../../domain/core/dates.js';
import { isCareHome } from '../../domain/market/types.js';
import {
  feeAboveUsualRate,
  selfFunderFeeProblems,
  type SelfFunderFeeInput,
} from '../../domain/market/selfFunderFees.js';
import { usualRateOn } from './rates.js';
import { users } from '../core/schema.js';
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
 * Fees the home has set to apply after `today` (each band and date once), soonest first, each beside the usual rate
 * in force on its own start date: what a home has announced but not yet charges ("from 1 January 2030").
 */
export async function selfFunderFeesUpcoming(db: Db, locationId: string, today: string): Promise<SelfFunderFeeView[]> {
  const rows = await db
    .select()
    .from(selfFunderFees)
    .where(and(eq(selfFunderFees.locationId, locationId), gt(selfFunderFees.effectiveFrom, today)))
    .orderBy(asc(selfFunderFees.effectiveFrom), asc(selfFunderFees.band));
  return Promise.all(
    rows.map(async (r) => {
      const usualRatePence = (await usualRateOn(db, r.band, r.effectiveFrom))?.amountPence ?? null;
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

/** Who recorded a record, as people reading its history see it. */
export const ON_PROVIDERS_BEHALF = 'Council staff on the provider’s behalf';

/**
 * Names of the people who recorded records, keyed by user id: a provider's own staff by name, anyone else (council
 * staff) as ON_PROVIDERS_BEHALF, so a provider's history shows who in the organisation did what without naming
 * council officers. Ids with no account are left out.
 */
export async function recorderNames(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((u) => [u.id, u.role === 'provider' ? u.name : ON_PROVIDERS_BEHALF]));
}

export interface SelfFunderFeeHistoryRow {
  band: string;
  weeklyFeePence: number;
  effectiveFrom: string;
  /** When the fee was recorded (or last corrected for the same band and date), ISO timestamp. */
  recordedAt: string;
  /** Who recorded it: a provider user's name, ON_PROVIDERS_BEHALF, or null when not known (imported). */
  recordedBy: string | null;
}

/** Every fee the home has recorded, latest start date first (at most `limit`), with who recorded it and when. */
export async function selfFunderFeeHistory(
  db: Db,
  locationId: string,
  limit = 500,
): Promise<SelfFunderFeeHistoryRow[]> {
  const rows = await db
    .select()
    .from(selfFunderFees)
    .where(eq(selfFunderFees.locationId, locationId))
    .orderBy(desc(selfFunderFees.effectiveFrom), desc(selfFunderFees.createdAt), asc(selfFunderFees.band))
    .limit(limit);
  const names = await recorderNames(
    db,
    rows.map((r) => r.recordedBy),
  );
  return rows.map((r) => ({
    band: r.band,
    weeklyFeePence: r.weeklyFeePence,
    effectiveFrom: r.effectiveFrom,
    recordedAt: r.createdAt.toISOString(),
    recordedBy: r.recordedBy ? (names.get(r.recordedBy) ?? null) : null,
  }));
}

/**
 * A care home sets its weekly self-funder fees from `effectiveFrom` (a fee already set for the band on that day is
 * corrected); the register's single "from" fee (locations.self_funder_weekly_fee_pence, published in the directory)
 * becomes the lowest fee in force. One audited transaction.
 * @throws InputError naming `fees.<i>.band`, `fees.<i>.weeklyFeePence`, `effectiveFrom` (more than
 *   BOUNDS.feeDaysAhead days after `today`) or `locationId` (not a care home); NotFound
 */
export async function setSelfFunderFees(
  db: Db,
  by: AuditActor,
  locationId: string,
  input: { effectiveFrom: string; fees: SelfFunderFeeInput[] },
  today: string,
): Promise<SelfFunderFeeView[]> {
  const problems = selfFunderFeeProblems(input.fees);
  const late = dateRangeError('effectiveFrom', 'the date the fees apply from', input.effectiveFrom, {
    latest: addDays(today, BOUNDS.feeDaysAhead),
  });
  if (late) problems.push(late);
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
