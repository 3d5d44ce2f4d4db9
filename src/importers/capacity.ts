// `steward import capacity <file>`: bulk care home capacity update, one row per home named by
// cqc_location_id (or Steward's location_id), the same layout providers upload on their page; or the national
// Capacity Tracker care-home extract, whose workforce columns (staff employed, agency staff, staff absent) become
// workforce returns beside the capacity returns. Every row is checked first (all problems reported at once); then
// the returns, workforce returns and their audit entries are written set-based, in statements of as many rows as
// PostgreSQL's bind parameters allow, inside the import's one transaction: a national extract (15,000 homes)
// takes seconds, and the market aggregate triggers (per statement) run once a batch.
import { randomUUID } from 'node:crypto';
import { getTableColumns, inArray, or, sql, type Table } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { recordAuditMany, type AuditEntry } from '../db/core/audit.js';
import { careHomeReturnAudit, careHomeReturnRow, workforceReturnAudit } from '../db/market/capacity.js';
import { batchSize } from '../db/market/cqcApi.js';
import { careHomeCapacity, locations, workforceSnapshots } from '../db/market/schema.js';
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
    const keys = [...new Set(rows.map((r) => r.locationKey))];
    const found: (typeof locations.$inferSelect)[] = [];
    // The homes looked up in batches: a key is one bind parameter, and a file may name more homes than PostgreSQL
    // takes parameters in one statement.
    const lookup = batchSize(1);
    for (let i = 0; i < keys.length; i += lookup) {
      const some = keys.slice(i, i + lookup);
      const uuids = some.filter((k) => UUID_RE.test(k));
      found.push(
        ...(await db
          .select()
          .from(locations)
          .where(or(inArray(locations.cqcLocationId, some), uuids.length ? inArray(locations.id, uuids) : undefined))),
      );
    }
    const byKey = new Map(
      found.flatMap(
        (l) =>
          [
            [l.id, l],
            [l.cqcLocationId ?? '', l],
          ] as const,
      ),
    );
    // Every row checked before anything is written: all the file's problems are reported at once.
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
    // Past market_lock_keys_limit() homes, lock the returns' aggregates as a whole before the first return rather
    // than one lock per home (drizzle/0004_market_lock_batches.sql): a national file stays within the lock table.
    const homes = new Set(rows.map((r) => byKey.get(r.locationKey)!.id)).size;
    await db.execute(sql`select market_lock_wide('return_location') where ${homes} > market_lock_keys_limit()`);
    // The returns as rows, their ids made here so each audit entry names its return without reading it back.
    const capacityRows: (typeof careHomeCapacity.$inferInsert)[] = [];
    const workforceRows: (typeof workforceSnapshots.$inferInsert)[] = [];
    const audit: AuditEntry[] = [];
    for (const r of rows) {
      const ct = r as Partial<CapacityTrackerRow>;
      const asAt = ct.asAt instanceof Date ? ct.asAt : now;
      const locationId = byKey.get(r.locationKey)!.id;
      const source = 'asAt' in r ? 'capacity_tracker' : 'bulk_csv';
      const capacity = careHomeReturnRow(randomUUID(), locationId, r.input, { source, asAt });
      capacityRows.push(capacity);
      audit.push(careHomeReturnAudit(capacity));
      if (ct.workforce) {
        const w = ct.workforce;
        const workforce = {
          id: randomUUID(),
          locationId,
          asAt,
          noChange: false,
          source,
          reportedBy: null,
          nurses: w.nurses,
          careStaff: w.careStaff,
          nonCareStaff: w.nonCareStaff,
          agencyStaff: w.agencyStaff,
          vacancies: w.vacancies,
          absences: w.absences,
        };
        workforceRows.push(workforce);
        audit.push(workforceReturnAudit(workforce));
      }
    }
    // One statement per batch, each within PostgreSQL's bind parameters; the aggregate triggers run per statement.
    await insertInBatches(db, careHomeCapacity, capacityRows);
    await insertInBatches(db, workforceSnapshots, workforceRows);
    await recordAuditMany(db, actor, audit);
    const workforceReturns = workforceRows.length;
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

/** Inserts `values` into `table`, as many rows a statement as PostgreSQL's bind parameters allow (batchSize). */
async function insertInBatches<T extends Table>(db: Db, table: T, values: readonly T['$inferInsert'][]): Promise<void> {
  const size = batchSize(Object.keys(getTableColumns(table)).length);
  for (let i = 0; i < values.length; i += size) await db.insert(table).values(values.slice(i, i + size));
}
