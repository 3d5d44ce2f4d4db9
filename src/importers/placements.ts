// `steward import placements <file>`: placements and packages from the council's case-management system (CSV or
// XLSX, one row per package; columns in src/domain/market/placementsFile.ts). Person references are pseudonymised
// on import with the instance's key; re-importing updates each package by the source system's package ID.
//
// A national extract holds a million packages, so the file streams through in one pass, inside the import's
// transaction: each row is validated, its location looked up in a map of the register read once (by CQC location
// ID, or by name), its person reference pseudonymised (HMAC, cached per reference), and valid rows are upserted
// into `placements` in batches of WRITE_BATCH, one statement each (the rows as one JSON parameter), the next batch
// parsed while the database writes the last. Repeated package IDs are caught as the rows pass (SeenKeys: a hash
// and a line per package, confirmed against the file before they are reported). The first problem stops the
// writing (the rest of the file is only checked) and the transaction is rolled back, so a refused file writes
// nothing. From BULK_ROWS packages the per-statement market aggregate triggers are bypassed and the placement
// aggregates rebuilt once, set-based, at the end (market_rebuild_placement_aggregates, drizzle/0001_market_aggregates.sql).
// A bulk load also does without the two costs that grow with each row written (src/db/bulkLoad.ts):
//  - the indexes that only serve reads (all but the primary key and the unique package ID index, which the writes
//    look up) are dropped once INDEX_REBUILD_ROWS packages have been written and built again, sorted, at the end,
//    from their own definitions, so they are exactly the migrations' (transactional: a refused file leaves them);
//  - when the session may (a superuser: PGlite, or PostgreSQL's postgres), the per-row checks of the foreign key to
//    locations are turned off and done per batch instead, in one statement: the batch's homes not yet held are
//    locked FOR KEY SHARE, as the checks would lock them, and one that has gone since the register was read is
//    reported on the first line naming it. They are turned on again before the commit;
//  - when the table holds no imported package yet (the first national load), each batch is only inserted: no
//    package ID is looked up, as none can be there. On PGlite the batch goes as CSV text through COPY (copyRows),
//    cheaper for the server to read than a JSON parameter, with ids made here in time order (UUID version 7,
//    RFC 9562) so each lands at the right edge of the primary key index instead of on a random page: at 1,000,000
//    packages this saves about a tenth of the import's CPU. PostgreSQL inserts (node-postgres cannot COPY from the
//    client without another package, and the load there is already well within its target).
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.js';
import { pseudonymKey, pseudonymise } from '../db/core/pseudonyms.js';
import {
  lockReferenced,
  restoreForeignKeyChecks,
  restoreIndexes,
  setForeignKeyChecksAside,
  setIndexesAside,
  type SetAsideForeignKey,
  type SetAsideIndex,
} from '../db/bulkLoad.js';
import { mapPlacementHeader, parsePlacementRow } from '../domain/market/placementsFile.js';
import { readCsv } from './csv.js';
import type { ImportContext, ImportIssue, ImportSource, ImportSummary, StreamingImporter } from './framework.js';
import { SeenKeys } from './seen.js';
import { BULK_OPTION } from './options.js';
import { writeBatch, written, type Written } from './placementsWrite.js';

const MAX_ISSUES = 500;
/** Packages upserted per statement. */
const WRITE_BATCH = 10_000;
/** Pseudonyms kept for reuse (a person with several packages is hashed once); the cache is emptied when full. */
const PSEUDONYM_CACHE = 100_000;
/**
 * From this many packages in one file, the aggregate triggers are bypassed and the placement aggregates rebuilt
 * once from the whole table (cheaper than recomputing the days a big file touches); below it the triggers keep
 * the figures as for any other write. The first BULK_ROWS valid rows are held before anything is written, so the
 * choice is made before the first write. Option `bulk=on|off` forces either path.
 */
export const BULK_ROWS = 5_000;

/**
 * From this many packages written (new or changed) in one file, and at least a quarter of the rows the table held
 * when the load began, the table's secondary indexes are set aside for the rest of the load and built again at the
 * end: one sorted build per index is far cheaper than a million incremental insertions, but rebuilding a big
 * table's indexes for a small change is not. Option `indexes=rebuild|keep` forces either.
 */
export const INDEX_REBUILD_ROWS = 20_000;

/** The foreign key from placements to locations, checked set-based during a bulk load (see flush). */
const LOCATION_FK = 'placements_location_id_locations_id_fk';

/** The placements triggers that keep the market aggregates (drizzle/0001_market_aggregates.sql), off during a bulk load. */
const PLACEMENT_TRIGGERS = ['placements_inserted', 'placements_updated', 'placements_deleted'];

/**
 * The market register as the file refers to it: CQC location ID → location, read once; and, only when a row
 * names its home instead, location and provider names (lower-case) → the one location they name, or null when
 * they name more than one.
 */
class Register {
  private byCqc: Map<string, string> | null = null;
  private byName: Map<string, string | null> | null = null;
  constructor(private readonly tx: Db) {}

  /** The location's id, or 'ambiguous', or null when the register has no such location. */
  find(by: 'cqc' | 'name', key: string): string | null | Promise<string | null> {
    // Once the map is read, a lookup is synchronous: no promise per row.
    if (by === 'cqc' && this.byCqc) return this.byCqc.get(key) ?? null;
    if (by === 'name' && this.byName) {
      const id = this.byName.get(key.toLowerCase());
      return id === undefined ? null : (id ?? 'ambiguous');
    }
    return this.load(by, key);
  }

  private async load(by: 'cqc' | 'name', key: string): Promise<string | null> {
    if (by === 'cqc') {
      this.byCqc ??= new Map(
        (
          await queryRows<{ k: string; id: string }>(
            this.tx,
            sql`select cqc_location_id as k, id from locations where cqc_location_id is not null`,
          )
        ).map((r) => [r.k, r.id]),
      );
      return this.byCqc.get(key) ?? null;
    }
    if (!this.byName) {
      const names = new Map<string, string | null>();
      const add = (k: string, id: string) => {
        const had = names.get(k);
        names.set(k, had === undefined || had === id ? id : null);
      };
      const rows = await queryRows<{ id: string; ln: string; pn: string }>(
        this.tx,
        sql`select l.id, lower(l.name) as ln, lower(p.name) as pn from locations l join providers p on p.id = l.provider_id`,
      );
      for (const r of rows) {
        add(r.ln, r.id);
        if (r.pn !== r.ln) add(r.pn, r.id);
      }
      this.byName = names;
    }
    const id = this.byName.get(key.toLowerCase());
    return id === undefined ? null : (id ?? 'ambiguous');
  }
}

interface Candidate {
  line: number;
  packageId: string;
  /** The line of the earlier package ID with the same hash. */
  first: number;
  /** The row to write should it prove not to be a repeat (held for the first MAX_ISSUES candidates only). */
  row: Written | null;
}

/**
 * Of the candidate repeats SeenKeys found, those whose first line really holds the same package ID (read again
 * from the file, for just those lines: only when there are candidates, that is when the file is almost surely
 * refused), and those repeating an earlier candidate.
 */
async function confirmRepeats(source: ImportSource, column: number, candidates: Candidate[]): Promise<Candidate[]> {
  if (!candidates.length) return [];
  const wanted = new Set(candidates.map((c) => c.first));
  const ids = new Map<number, string>();
  for await (const rec of readCsv({ ...source, onProgress: undefined }))
    if (wanted.has(rec.line)) ids.set(rec.line, (rec.values[column] ?? '').trim());
  const firstOf = new Map<string, number>();
  const repeats: Candidate[] = [];
  for (const c of candidates) {
    if (ids.get(c.first) === c.packageId) repeats.push(c);
    else if (firstOf.has(c.packageId)) repeats.push({ ...c, first: firstOf.get(c.packageId)! });
    else firstOf.set(c.packageId, c.line);
  }
  return repeats;
}

/** Imports the file inside `tx` (see the module header); problems are returned, not thrown. */
async function importPlacements(
  tx: Db,
  source: ImportSource,
  ctx: ImportContext,
): Promise<{ issues: ImportIssue[]; summary: ImportSummary | null }> {
  const key = await pseudonymKey(tx);
  const register = new Register(tx);
  const pseudonyms = new Map<string, string>();
  const seen = new SeenKeys();
  const candidates: Candidate[] = [];
  const issues: ImportIssue[] = [];
  let more = 0;
  const problem = (i: ImportIssue) => {
    if (issues.length < MAX_ISSUES) issues.push(i);
    else more++;
  };
  let rows = 0;
  let created = 0;
  let updated = 0;
  let map: ReturnType<typeof mapPlacementHeader> | null = null;
  /** Whether the aggregates are rebuilt at the end; null until the first batch (or the option) decides. */
  let bulk: boolean | null = ctx.options.bulk === 'on' ? true : ctx.options.bulk === 'off' ? false : null;
  let bulkSet = false;
  const indexOption = ctx.options.indexes;
  /** Whether placements held no imported package when the bulk load began (then every package is new). */
  let fresh = false;
  /** Rows in placements when the bulk load began (for the choice to set the indexes aside). */
  let before = 0;
  /** The secondary indexes dropped for the load, built again at the end; null while they are kept. */
  let aside: SetAsideIndex[] | null = null;
  let batch: Written[] = [];
  // One batch is written while the next is read; a failed write is rethrown when it is next awaited.
  let writing: Promise<void> = Promise.resolve();
  /** The per-row checks of placements.location_id, when disabled for a bulk load; null while they run. */
  let fkAside: SetAsideForeignKey | null = null;
  /** Locations the load refers to, each with the first line and field naming it; `locked` once held FOR KEY SHARE. */
  const referenced = new Map<string, { line: number; field: string; key: string; locked: boolean }>();
  /**
   * Does the foreign key's work for a batch, set-based: its locations not yet locked are locked FOR KEY SHARE (so
   * none can be deleted before the import commits) and any that no longer exists is reported on the first line
   * naming it. False when one is missing (nothing of the batch is written).
   */
  const locationsHeld = async (rows: Written[]): Promise<boolean> => {
    const wanted = [...new Set(rows.map((w) => w.location_id))].filter((id) => !referenced.get(id)?.locked);
    const held = await lockReferenced(tx, 'locations', wanted);
    for (const id of wanted) {
      const ref = referenced.get(id)!;
      if (held.has(id)) ref.locked = true;
      else
        problem({
          line: ref.line,
          field: ref.field,
          message: `location ${ref.key} was removed from the market register during the import: import the file again`,
        });
    }
    return held.size === wanted.length;
  };
  const flush = async () => {
    if (!batch.length || issues.length) return;
    bulk ??= batch.length >= BULK_ROWS;
    if (bulk && !bulkSet) {
      bulkSet = true;
      await tx.execute(sql`select set_config('steward.market_bulk', 'on', true)`);
      // Disabled (not only skipped) so the statements don't gather their rows into transition tables. This takes
      // a SHARE ROW EXCLUSIVE lock: reads go on, other writes of placements wait for the import's commit (and,
      // once the indexes are dropped, an ACCESS EXCLUSIVE lock: reads of placements wait too).
      await tx.execute(
        sql.raw(`alter table placements ${PLACEMENT_TRIGGERS.map((t) => `disable trigger ${t}`).join(', ')}`),
      );
      if (indexOption !== 'keep')
        [{ before }] = await queryRows<{ before: number }>(tx, sql`select count(*)::int as before from placements`);
      // Taken after the lock above, so no other session can import packages before this one commits.
      [{ fresh }] = await queryRows<{ fresh: boolean }>(
        tx,
        sql`select not exists (select 1 from placements where origin = 'import') as fresh`,
      );
      fkAside = await setForeignKeyChecksAside(tx, 'placements', LOCATION_FK);
    }
    const out = batch;
    batch = [];
    await writing;
    if (
      bulk &&
      !aside &&
      indexOption !== 'keep' &&
      (indexOption === 'rebuild' || created + updated >= Math.max(INDEX_REBUILD_ROWS, before / 4))
    ) {
      aside = await setIndexesAside(tx, 'placements');
    }
    writing = (async () => {
      // With the per-row foreign key checks off, the batch's new homes are checked and locked in one statement.
      if (fkAside && !(await locationsHeld(out))) return;
      const r = await writeBatch(tx, out, fresh);
      created += r.created;
      updated += r.updated;
    })();
    writing.catch(() => undefined);
  };
  for await (const rec of readCsv(source)) {
    if (!map) {
      map = mapPlacementHeader(rec.values, rec.line);
      if (map.issues.length) return { issues: map.issues, summary: null };
      continue;
    }
    const r = parsePlacementRow(rec.values, rec.line, map);
    if (r.issues.length) {
      r.issues.forEach(problem);
      continue;
    }
    const row = r.row!;
    rows++;
    const found = register.find(row.locationBy, row.locationKey);
    const locationId = typeof found === 'object' && found !== null ? await found : found;
    if (locationId === null || locationId === 'ambiguous') {
      problem(
        locationId === 'ambiguous'
          ? {
              line: row.line,
              field: 'provider',
              message: `"${row.locationKey}" names more than one location: give the CQC location ID`,
            }
          : {
              line: row.line,
              field: row.locationBy === 'cqc' ? 'cqc location id' : 'provider',
              message: `no location ${row.locationKey} in the market register (import the CQC register first)`,
            },
      );
      continue;
    }
    if (!referenced.has(locationId))
      referenced.set(locationId, {
        line: row.line,
        field: row.locationBy === 'cqc' ? 'cqc location id' : 'provider',
        key: row.locationKey,
        locked: false,
      });
    const earlier = seen.add(row.packageId, row.line);
    // Once a row is bad the file is refused: the rest are only checked, not written.
    if (issues.length && earlier === null) continue;
    let personRef = pseudonyms.get(row.personRef);
    if (personRef === undefined) {
      if (pseudonyms.size >= PSEUDONYM_CACHE) pseudonyms.clear();
      personRef = pseudonymise(key, row.personRef);
      pseudonyms.set(row.personRef, personRef);
    }
    if (earlier !== null) {
      const held = candidates.length < MAX_ISSUES && !issues.length ? written(row, personRef, locationId) : null;
      candidates.push({ line: row.line, packageId: row.packageId, first: earlier, row: held });
      continue;
    }
    batch.push(written(row, personRef, locationId));
    // Until the path is chosen, BULK_ROWS rows are held, so the choice sees enough of the file.
    if (batch.length >= (bulk === null ? BULK_ROWS : WRITE_BATCH)) await flush();
  }
  await flush();
  await writing;
  if (!map) return { issues: [{ line: null, field: 'file', message: 'the file is empty' }], summary: null };
  for (const c of await confirmRepeats(source, map.index.packageId, candidates))
    problem({
      line: c.line,
      field: map.names.packageId,
      message: `package ${c.packageId} is repeated (first on line ${c.first})`,
    });
  if (more) issues.push({ line: null, message: `${more} more problems (only the first ${MAX_ISSUES} are listed)` });
  if (!issues.length && rows === 0)
    issues.push({ line: null, field: 'file', message: 'the file has no packages after the header' });
  if (issues.length) return { issues, summary: null };
  // Candidates that proved distinct packages (two package IDs with one hash): written now.
  if (candidates.some((c) => !c.row))
    throw new Error(`${candidates.length} package IDs shared a hash with others: import the file again`);
  batch = candidates.map((c) => c.row!);
  await flush();
  await writing;
  if (aside) await restoreIndexes(tx, aside);
  if (fkAside) await restoreForeignKeyChecks(tx, fkAside);
  if (bulkSet) {
    await tx.execute(
      sql.raw(`alter table placements ${PLACEMENT_TRIGGERS.map((t) => `enable trigger ${t}`).join(', ')}`),
    );
    await tx.execute(sql`select set_config('steward.market_bulk', 'off', true)`);
    // A re-import that changed nothing leaves the figures as they are.
    if (created + updated > 0) await tx.execute(sql`select market_rebuild_placement_aggregates()`);
  }
  const unchanged = rows - created - updated;
  const n = (x: number) => x.toLocaleString('en-GB');
  return {
    issues: [],
    summary: {
      kind: 'placements',
      fileName: ctx.fileName,
      rowsRead: rows,
      created,
      updated,
      unchanged,
      messages: [
        `${n(rows)} packages read: ${n(created)} new, ${n(updated)} updated, ${n(unchanged)} unchanged`,
        'person references pseudonymised with this instance’s key',
      ],
    },
  };
}

export const placementsImporter: StreamingImporter = {
  kind: 'placements',
  label: 'Placements and packages of care',
  formats: ['csv', 'xlsx'],
  source: "The council's case management system",
  description:
    'Placements and packages from case management (CSV or XLSX, one row per package: package ID, person reference, service type, CQC location ID or provider, band, start, end, weekly cost or hours and hourly rate, funding); person references pseudonymised',
  options: [BULK_OPTION],
  streaming: true,
  importFile: importPlacements,
};
