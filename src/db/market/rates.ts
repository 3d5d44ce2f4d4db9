// The council's usual rates by band, and cost of care figures.
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { InputError } from '../../domain/core/errors.js';
import type { Db } from '../client.js';
import { recordAudit, type AuditActor } from '../core/audit.js';
import { BANDS, bandUnit, type Band } from '../../domain/market/types.js';
import { costOfCare, usualRates, type CostOfCareRow, type UsualRateRow } from './schema.js';

/** Every usual rate, by band, newest first (pence, a week or an hour by band). */
export async function listUsualRates(db: Db): Promise<UsualRateRow[]> {
  return db.select().from(usualRates).orderBy(asc(usualRates.band), desc(usualRates.effectiveFrom));
}

/**
 * SQL for the usual rates in force on a date, one row per band (`band`, `amount_pence`, `effective_from` as
 * text), read from the market_usual_rate_periods view: a rate applies from its effective_from up to the next
 * rate's start for the band, the same rule as the domain's inForceOn. `date` is an ISO date or a date expression.
 */
export function usualRatesInForceSql(date: string | SQL): SQL {
  return sql`select band, amount_pence, effective_from::text as effective_from from market_usual_rate_periods
    where effective_from <= ${date}::date and (effective_to is null or ${date}::date < effective_to)`;
}

/**
 * SQL for the cost of care figures in force on a date, one row per service (`service`, `amount_pence`,
 * `effective_from` as text, `source`): the latest figure effective on or before it, the same rule as inForceOn.
 */
export function costOfCareInForceSql(date: string | SQL): SQL {
  return sql`select distinct on (service) service, amount_pence, effective_from::text as effective_from, source
    from cost_of_care where effective_from <= ${date}::date order by service, effective_from desc`;
}

/** The usual rate for a band in force on a date (yyyy-mm-dd), or null when none was set by then. */
export async function usualRateOn(db: Db, band: string, date: string): Promise<UsualRateRow | null> {
  const [row] = await db
    .select()
    .from(usualRates)
    .where(
      and(
        eq(usualRates.band, band),
        sql`${usualRates.effectiveFrom} = (select effective_from::date from (${usualRatesInForceSql(date)}) r where r.band = ${band})`,
      ),
    );
  return row ?? null;
}

/** Set (or correct) the usual rate for a band from a date. */
export async function setUsualRate(
  db: Db,
  by: AuditActor | null,
  input: { band: string; effectiveFrom: string; amountPence: number; note?: string | null },
): Promise<UsualRateRow> {
  const errors: { field: string; message: string }[] = [];
  if (!(BANDS as readonly string[]).includes(input.band))
    errors.push({ field: 'band', message: `must be one of ${BANDS.join(', ')}` });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.effectiveFrom) || Number.isNaN(Date.parse(input.effectiveFrom)))
    errors.push({ field: 'effectiveFrom', message: 'must be a date (yyyy-mm-dd)' });
  if (!Number.isInteger(input.amountPence) || input.amountPence <= 0)
    errors.push({ field: 'amountPence', message: 'must be a whole number of pence above 0' });
  if (errors.length) throw new InputError(errors);
  return db.transaction(async (tx) => {
    const unit = bandUnit(input.band as Band);
    const [row] = await tx
      .insert(usualRates)
      .values({
        band: input.band,
        effectiveFrom: input.effectiveFrom,
        amountPence: input.amountPence,
        unit,
        note: input.note ?? null,
      })
      .onConflictDoUpdate({
        target: [usualRates.band, usualRates.effectiveFrom],
        set: { amountPence: input.amountPence, note: input.note ?? null },
      })
      .returning();
    await recordAudit(tx, by, {
      action: 'set',
      entity: 'usual_rate',
      entityId: row.id,
      detail: { band: row.band, effectiveFrom: row.effectiveFrom, amountPence: row.amountPence },
    });
    return row;
  });
}

/** Every cost of care figure, by service, newest first (pence a week, or an hour for homecare). */
export async function listCostOfCare(db: Db): Promise<CostOfCareRow[]> {
  return db.select().from(costOfCare).orderBy(asc(costOfCare.service), desc(costOfCare.effectiveFrom));
}

/**
 * Sets (or corrects) the cost of care for a service from a date; audited.
 * @throws InputError naming `service` or `amountPence` (same date: the figure is replaced)
 */
export async function setCostOfCare(
  db: Db,
  by: AuditActor | null,
  input: {
    service: 'residential' | 'nursing' | 'homecare';
    effectiveFrom: string;
    amountPence: number;
    source?: string | null;
  },
): Promise<CostOfCareRow> {
  if (!['residential', 'nursing', 'homecare'].includes(input.service))
    throw new InputError([{ field: 'service', message: 'must be residential, nursing or homecare' }]);
  if (!Number.isInteger(input.amountPence) || input.amountPence <= 0)
    throw new InputError([{ field: 'amountPence', message: 'must be a whole number of pence above 0' }]);
  return db.transaction(async (tx) => {
    const unit = input.service === 'homecare' ? 'hour' : 'week';
    const [row] = await tx
      .insert(costOfCare)
      .values({ ...input, unit, source: input.source ?? null })
      .onConflictDoUpdate({
        target: [costOfCare.service, costOfCare.effectiveFrom],
        set: { amountPence: input.amountPence, source: input.source ?? null },
      })
      .returning();
    await recordAudit(tx, by, {
      action: 'set',
      entity: 'cost_of_care',
      entityId: row.id,
      detail: { service: row.service, effectiveFrom: row.effectiveFrom, amountPence: row.amountPence },
    });
    return row;
  });
}
