// Stored dates outside the plausible range (a referral "medically optimised" on 9999-12-31, typed or imported
// by mistake) must not break the board, the metrics or the planner for everyone. Reads leave such a referral
// out and say so: one row degrades with a warning, never the page.
import { type SQL, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../client.js';

/** Earliest plausible date of a hub event. */
export const PLAUSIBLE_FROM = '2000-01-01';
/** How far ahead of now a recorded event may be (clock skew, a planned discharge): one year. */
export const PLAUSIBLE_AHEAD = '1 year';

const REFERRAL_TIMES = [
  'referred_at',
  'medically_optimised_at',
  'request_sent_at',
  'first_offer_at',
  'awarded_at',
  'discharged_at',
  'cancelled_at',
  'service_ended_at',
] as const;

function within(column: string): string {
  return `(${column} is null or (${column} >= '${PLAUSIBLE_FROM}'::timestamptz and ${column} < now() + interval '${PLAUSIBLE_AHEAD}'))`;
}

/**
 * SQL condition: every timestamp of the referral (table or alias `ref`, default the table's own name) lies
 * between 2000-01-01 and a year from now. Use it in every read that computes over referrals.
 */
export function plausibleReferral(ref = 'discharge_referrals'): SQL {
  return sql.raw(`(${REFERRAL_TIMES.map((c) => within(`"${ref}"."${c}"`)).join(' and ')})`);
}

/** SQL condition for a delay row (alias `d`): its start and end are plausible. */
export function plausibleDelay(alias = 'd'): SQL {
  return sql.raw(`(${within(`"${alias}"."from_at"`)} and ${within(`"${alias}"."to_at"`)})`);
}

/** One referral left out of a report because a stored date is implausible (person reference only). */
export interface ImplausibleRecord {
  referralId: string;
  personRef: string;
  field: string;
  value: string;
}

/** The referrals a report leaves out, with the first implausible field of each (at most `limit`). */
export async function implausibleReferrals(db: Db, limit = 20): Promise<ImplausibleRecord[]> {
  const checks = REFERRAL_TIMES.map(
    (c) => `when not ${within(`r."${c}"`)} then '${c}|' || to_char(r."${c}" at time zone 'UTC', 'YYYY-MM-DD')`,
  ).join(' ');
  const rows = await queryRows<{ id: string; person_ref: string; what: string }>(
    db,
    sql`select r.id::text as id, r.person_ref, ${sql.raw(`case ${checks} end`)} as what
        from discharge_referrals r where not ${plausibleReferral('r')}
        order by r.referred_at limit ${limit}`,
  );
  return rows.map((r) => {
    const [field, value] = r.what.split('|');
    return { referralId: r.id, personRef: r.person_ref, field: camel(field), value };
  });
}

/** Warnings in plain words for a report's `warnings` list. */
export function implausibleWarnings(records: ImplausibleRecord[]): string[] {
  return records.map(
    (r) => `Referral ${r.personRef} is left out: its ${r.field} date ${r.value} is not plausible; correct the record`,
  );
}

function camel(column: string): string {
  return column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}
