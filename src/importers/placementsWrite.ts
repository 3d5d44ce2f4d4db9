// Writing a batch of placement rows for `steward import placements` (placements.ts): a validated file row as the
// columns written, and one statement per batch (COPY on PGlite for a first load; otherwise a JSON parameter read by
// json_to_recordset, updating known package IDs only when something differs).
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { queryRows, type Db } from '../db/client.js';
import { canCopy, copyRows } from '../db/bulkLoad.js';
import { placements } from '../db/market/schema.js';
import type { PlacementFileRow } from '../domain/market/placementsFile.js';

/** The written columns, as json_to_recordset reads them from a batch. */
const ROW_COLUMNS = `line int, package_id text, person_ref text, location_id uuid, service_type text, band text,
  start_date date, end_date date, weekly_price_pence int, hours_per_week numeric(8,2), hourly_rate_pence int,
  top_up_weekly_pence int, funding text, contract_type text, purpose text`;

/** A file row as the columns written to `placements` (snake_case, as json_to_recordset and COPY take them). */
export type Written = ReturnType<typeof written>;

/** The field of a written row holding each compared column (the column's own name). */
const COPIED = {
  personRef: 'person_ref',
  locationId: 'location_id',
  serviceType: 'service_type',
  band: 'band',
  startDate: 'start_date',
  endDate: 'end_date',
  weeklyPricePence: 'weekly_price_pence',
  hoursPerWeek: 'hours_per_week',
  hourlyRatePence: 'hourly_rate_pence',
  topUpWeeklyPence: 'top_up_weekly_pence',
  funding: 'funding',
  contractType: 'contract_type',
  purpose: 'purpose',
} as const satisfies Record<string, keyof Written>;

/** A validated file row as written: its person reference already pseudonymised, its location resolved to an id. */
export function written(r: PlacementFileRow, personRef: string, locationId: string) {
  return {
    line: r.line,
    package_id: r.packageId,
    person_ref: personRef,
    location_id: locationId,
    service_type: r.serviceType,
    band: r.band,
    start_date: r.startDate,
    end_date: r.endDate,
    weekly_price_pence: r.weeklyPricePence,
    hours_per_week: r.hoursPerWeek === null ? null : r.hoursPerWeek.toFixed(2),
    hourly_rate_pence: r.hourlyRatePence,
    top_up_weekly_pence: r.topUpWeeklyPence,
    funding: r.funding,
    contract_type: r.contractType,
    purpose: r.purpose,
  };
}

/**
 * Writes one batch by package ID: new packages inserted, known ones rewritten only when something differs (two
 * plain statements in one, cheaper than INSERT … ON CONFLICT's speculative insertion); counts what it did. The
 * batch holds each package ID once (SeenKeys). `fresh`: the table held no imported package when the load began
 * and no other session can have added one since (the load holds a SHARE ROW EXCLUSIVE lock), so every package is
 * new and the batch is only inserted, without looking each package ID up (the unique index still guards them):
 * by COPY on PGlite, its rows in file order with time-ordered ids; a row the database refuses is reported on its line.
 */
export async function writeBatch(
  tx: Db,
  batch: Written[],
  fresh: boolean,
): Promise<{ created: number; updated: number }> {
  const compared = [
    'personRef',
    'locationId',
    'serviceType',
    'band',
    'startDate',
    'endDate',
    'weeklyPricePence',
    'hoursPerWeek',
    'hourlyRatePence',
    'topUpWeeklyPence',
    'funding',
    'contractType',
    'purpose',
  ] as const;
  const col = (k: keyof typeof placements.$inferInsert) => placements[k].name;
  const cols = [...compared.map(col), col('origin'), col('originRef'), col('updatedAt')];
  const colList = sql.raw(cols.map((c) => `"${c}"`).join(', '));
  const values = sql.raw([...compared.map((k) => `s."${col(k)}"`), `'import'`, 's.package_id', 'now()'].join(', '));
  const updates = sql.raw([...compared.map((k) => `"${col(k)}" = s."${col(k)}"`), 'updated_at = now()'].join(', '));
  const differs = sql.raw(compared.map((k) => `p."${col(k)}" is distinct from s."${col(k)}"`).join(' or '));
  if (fresh && canCopy(tx)) {
    const created = await copyRows(
      tx,
      'placements',
      [col('id'), ...compared.map(col), col('origin'), col('originRef')],
      batch.map((w) => [uuidv7(), ...compared.map((k) => w[COPIED[k]]), 'import', w.package_id]),
      (i) => batch[i].line,
    );
    return { created, updated: 0 };
  }
  const rows = sql`select * from json_to_recordset(${JSON.stringify(batch)}::json) as s(${sql.raw(ROW_COLUMNS)})`;
  if (fresh) {
    const [r] = await queryRows<{ created: number }>(
      tx,
      sql`with ins as (insert into placements (${colList}) select ${values} from (${rows}) s order by s.line returning 1)
          select count(*)::int as created from ins`,
    );
    return { created: r.created, updated: 0 };
  }
  const [r] = await queryRows<{ created: number; updated: number }>(
    tx,
    sql`with s as (${rows}),
        upd as (
          update placements p set ${updates} from s
          where p.origin = 'import' and p.origin_ref = s.package_id and (${differs})
          returning 1),
        ins as (
          insert into placements (${colList}) select ${values} from s
          where not exists (select 1 from placements p where p.origin = 'import' and p.origin_ref = s.package_id)
          order by s.line
          returning 1)
        select (select count(*) from ins)::int as created, (select count(*) from upd)::int as updated`,
  );
  return r;
}
