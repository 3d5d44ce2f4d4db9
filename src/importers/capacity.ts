// `steward import capacity <file>`: bulk care home capacity update, one row per home named by
// cqc_location_id (or Steward's location_id), the same layout providers upload on their page; or the national
// Capacity Tracker care-home extract, whose workforce columns (staff employed, agency staff, staff absent) become
// workforce returns beside the capacity returns.
import { inArray, or, sql } from 'drizzle-orm';
import { recordCareHomeReturn, recordWorkforceReturn } from '../db/market/capacity.js';
import { locations } from '../db/market/schema.js';
import { parseBulkCapacity, type BulkCapacityRow } from '../domain/market/bulk.js';
import { validateWorkforce } from '../domain/market/capacity.js';
import {
  isCapacityTrackerHeader,
  parseCapacityTrackerExtract,
  type CapacityTrackerRow,
} from '../domain/market/capacityTracker.js';
import { isCareHome } from '../domain/market/types.js';
import { readAllCsv } from './csv.js';
import { ImportRejected, type ImportIssue, type Importer } from './framework.js';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const capacityImporter: Importer<BulkCapacityRow> = {
  kind: 'capacity',
  label: 'Care home capacity returns',
  formats: ['csv', 'xlsx'],
  source: 'Care homes, or the national Capacity Tracker extract (NHS England / DHSC)',
  description:
    "Care home capacity returns in bulk: Steward's template (cqc_location_id or location_id, max_capacity, occupied, vacant_reserved, vacant_accepting, optional residential_/nursing_/dementia_ splits) or the national Capacity Tracker care-home extract (cqcid, maxcapacity, usedbeds, declaredvacancies, isacceptingadmissions, lastupdatedbst; with its workforce columns nursesemployed, careworkersemployed, noncareworkersemployed, agency…employed, …absentgeneral, …absentcovid)",
  async parse(source) {
    const records = await readAllCsv(source);
    if (records.length && isCapacityTrackerHeader(records[0].values))
      return parseCapacityTrackerExtract(records.map((r) => ({ line: r.line, cells: r.values })));
    // Whether each home exists (and its CQC beds) is checked against the database when writing.
    return parseBulkCapacity(
      records.map((r) => ({ line: r.line, cells: r.values })),
      () => null,
    );
  },
  async write(db, rows, ctx) {
    const keys = rows.map((r) => r.locationKey);
    const uuids = keys.filter((k) => UUID_RE.test(k));
    const found = await db
      .select()
      .from(locations)
      .where(or(inArray(locations.cqcLocationId, keys), uuids.length ? inArray(locations.id, uuids) : undefined));
    const byKey = new Map(
      found.flatMap(
        (l) =>
          [
            [l.id, l],
            [l.cqcLocationId ?? '', l],
          ] as const,
      ),
    );
    const issues: ImportIssue[] = [];
    for (const r of rows) {
      const loc = byKey.get(r.locationKey);
      if (!loc) issues.push({ line: r.line, field: r.keyColumn, message: `no location ${r.locationKey}` });
      else if (!isCareHome(loc.serviceTypes))
        issues.push({ line: r.line, field: r.keyColumn, message: `${loc.name} is not a care home` });
      else if (loc.registeredBeds != null && r.input.maxCapacity > loc.registeredBeds)
        issues.push({
          line: r.line,
          field: r.capacityColumn ?? 'max_capacity',
          message: `Maximum capacity cannot exceed the ${loc.registeredBeds} beds registered with CQC`,
        });
      const ct = r as Partial<CapacityTrackerRow>;
      if (loc && ct.workforce && ct.workforceColumns)
        for (const e of validateWorkforce(ct.workforce, loc.registeredBeds))
          issues.push({
            line: r.line,
            field: ct.workforceColumns[e.field as keyof typeof ct.workforceColumns] ?? e.field,
            message: e.message,
          });
    }
    if (issues.length) throw new ImportRejected(ctx.fileName, issues);
    const actor = ctx.actor ?? { system: 'import capacity' };
    // One time for the whole file when a row has none, so a home's capacity and workforce returns share it.
    const now = new Date();
    let workforceReturns = 0;
    // Past market_lock_keys_limit() homes, lock the returns' aggregates as a whole before the first return rather
    // than one lock per home (drizzle/0004_market_lock_batches.sql): a national file stays within the lock table.
    const homes = new Set(rows.map((r) => byKey.get(r.locationKey)!.id)).size;
    await db.execute(sql`select market_lock_wide('return_location') where ${homes} > market_lock_keys_limit()`);
    for (const r of rows) {
      const ct = r as Partial<CapacityTrackerRow>;
      const asAt = ct.asAt instanceof Date ? ct.asAt : now;
      const locationId = byKey.get(r.locationKey)!.id;
      const source = 'asAt' in r ? 'capacity_tracker' : 'bulk_csv';
      await recordCareHomeReturn(db, actor, locationId, r.input, { source, asAt });
      if (ct.workforce) {
        await recordWorkforceReturn(db, actor, locationId, ct.workforce, { source, asAt });
        workforceReturns++;
      }
    }
    return {
      kind: 'capacity',
      fileName: ctx.fileName,
      rowsRead: rows.length,
      created: rows.length + workforceReturns,
      messages: [
        `${rows.length} capacity returns recorded`,
        ...(workforceReturns ? [`${workforceReturns} workforce returns recorded (staff, agency staff, absences)`] : []),
      ],
    };
  },
};
