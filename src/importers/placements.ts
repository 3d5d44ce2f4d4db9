// `steward import placements <file>`: placements and packages from the council's case-management system (CSV or
// XLSX, one row per package; columns in src/domain/market/placementsFile.ts). Person references are pseudonymised
// on import with the instance's key; re-importing updates each package by the source system's package ID.
//
// A national extract holds a million packages, so the file streams through: each valid row, pseudonymised, goes
// in batches into a temporary staging table inside the import's transaction; repeated package IDs and the CQC
// location of every row are then checked in SQL, and the packages are upserted from the staging table in one
// statement. Memory stays flat whatever the file's size. Above BULK_ROWS packages the per-statement market
// aggregate triggers are bypassed and the placement aggregates rebuilt once at the end (drizzle/0001_market_aggregates.sql).
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.js';
import { pseudonymKey, pseudonymise } from '../db/core/pseudonyms.js';
import { placements } from '../db/market/schema.js';
import { mapPlacementHeader, parsePlacementRow, type PlacementFileRow } from '../domain/market/placementsFile.js';
import { readCsv } from './csv.js';
import type { ImportContext, ImportIssue, ImportSource, ImportSummary, StreamingImporter } from './framework.js';

const MAX_ISSUES = 500;
/** Rows sent to the staging table per statement (one JSON parameter each). */
const STAGE_BATCH = 10_000;
/**
 * From this many packages in one file, the aggregate triggers are bypassed and the placement aggregates rebuilt
 * once from the whole table (cheaper than recomputing the days a big file touches); below it the triggers keep
 * the figures as for any other write. Option `bulk=on|off` forces either path.
 */
export const BULK_ROWS = 5_000;

/** The staged columns: the placement's own, the file's line, and how to find its location. */
const STAGE_COLUMNS = `line int not null, package_id text not null, person_ref text not null, location_by text not null,
  location_key text not null, location_id uuid, service_type text not null, band text not null, start_date date not null,
  end_date date, weekly_price_pence int not null, hours_per_week numeric(6,2), hourly_rate_pence int,
  top_up_weekly_pence int not null, funding text not null, contract_type text not null, purpose text not null`;

function staged(key: Buffer, r: PlacementFileRow) {
  return {
    line: r.line,
    package_id: r.packageId,
    person_ref: pseudonymise(key, r.personRef),
    location_by: r.locationBy,
    location_key: r.locationBy === 'cqc' ? r.locationKey : r.locationKey.toLowerCase(),
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

/** Reads the file into the staging table; returns the rows staged and every problem in the rows themselves. */
async function stageFile(
  tx: Db,
  source: ImportSource,
): Promise<{ rows: number; issues: ImportIssue[]; packageColumn: string }> {
  const key = await pseudonymKey(tx);
  const issues: ImportIssue[] = [];
  let more = 0;
  let rows = 0;
  let map: ReturnType<typeof mapPlacementHeader> | null = null;
  let batch: ReturnType<typeof staged>[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const json = JSON.stringify(batch);
    batch = [];
    await tx.execute(
      sql`insert into placement_import select * from json_populate_recordset(null::placement_import, ${json}::json)`,
    );
  };
  for await (const rec of readCsv(source)) {
    if (!map) {
      map = mapPlacementHeader(rec.values, rec.line);
      if (map.issues.length) return { rows: 0, issues: map.issues, packageColumn: '' };
      continue;
    }
    const r = parsePlacementRow(rec.values, rec.line, map);
    if (r.issues.length) {
      for (const i of r.issues)
        if (issues.length < MAX_ISSUES) issues.push(i);
        else more++;
      continue;
    }
    rows++;
    // Once a row is bad the file is refused: the rest are only checked, not staged.
    if (issues.length) continue;
    batch.push(staged(key, r.row!));
    if (batch.length >= STAGE_BATCH) await flush();
  }
  if (!map)
    return { rows: 0, issues: [{ line: null, field: 'file', message: 'the file is empty' }], packageColumn: '' };
  if (more) issues.push({ line: null, message: `${more} more problems (only the first ${MAX_ISSUES} are listed)` });
  if (!issues.length && rows === 0)
    issues.push({ line: null, field: 'file', message: 'the file has no packages after the header' });
  if (!issues.length) await flush();
  return { rows, issues, packageColumn: map.names.packageId };
}

/** Repeated package IDs, each reported on its repeat with the line it first appeared on. */
async function repeatedPackages(tx: Db, column: string): Promise<ImportIssue[]> {
  const repeats = await queryRows<{ line: number; packageId: string; first: number }>(
    tx,
    sql`select line, package_id as "packageId", first from (
          select line, package_id, min(line) over (partition by package_id) as first from placement_import) r
        where line <> first order by line limit ${MAX_ISSUES}`,
  );
  return repeats.map((r) => ({
    line: r.line,
    field: column,
    message: `package ${r.packageId} is repeated (first on line ${r.first})`,
  }));
}

/**
 * Sets each staged row's location: by CQC location ID, or by a location's or provider's name (case-insensitive);
 * rows whose location is unknown, or whose name fits more than one location, become problems.
 */
async function resolveLocations(tx: Db): Promise<ImportIssue[]> {
  await tx.execute(sql`update placement_import s set location_id = l.id from locations l
                       where s.location_by = 'cqc' and l.cqc_location_id = s.location_key`);
  await tx.execute(sql`create temp table placement_import_names on commit drop as
      select n.k, min(m.id::text)::uuid as location_id, count(distinct m.id)::int as matches
      from (select distinct location_key as k from placement_import where location_by = 'name') n
      left join (select l.id, lower(l.name) as ln, lower(p.name) as pn from locations l join providers p on p.id = l.provider_id) m
        on m.ln = n.k or m.pn = n.k
      group by n.k`);
  await tx.execute(sql`update placement_import s set location_id = n.location_id from placement_import_names n
                       where s.location_by = 'name' and n.k = s.location_key and n.matches = 1`);
  const missing = await queryRows<{ line: number; by: string; key: string; ambiguous: boolean }>(
    tx,
    sql`select s.line, s.location_by as by, s.location_key as key, coalesce(n.matches, 0) > 1 as ambiguous
        from placement_import s left join placement_import_names n on s.location_by = 'name' and n.k = s.location_key
        where s.location_id is null order by s.line limit ${MAX_ISSUES}`,
  );
  // Names were matched lower-case; the problem quotes the file's own spelling.
  const spelled = missing.length
    ? new Map(
        (
          await queryRows<{ line: number; key: string }>(
            tx,
            sql`select line, location_key as key from placement_import where line = any(${`{${missing.map((m) => m.line).join(',')}}`}::int[])`,
          )
        ).map((r) => [r.line, r.key]),
      )
    : new Map<number, string>();
  return missing.map((m) =>
    m.ambiguous
      ? {
          line: m.line,
          field: 'provider',
          message: `"${spelled.get(m.line) ?? m.key}" names more than one location: give the CQC location ID`,
        }
      : {
          line: m.line,
          field: m.by === 'cqc' ? 'cqc location id' : 'provider',
          message: `no location ${spelled.get(m.line) ?? m.key} in the market register (import the CQC register first)`,
        },
  );
}

/** Upserts the staged packages on their package ID; a package is rewritten only when something differs. */
async function upsertPlacements(tx: Db): Promise<{ created: number; updated: number }> {
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
  const updates = sql.raw(
    [...compared, 'updatedAt' as const].map((k) => `"${col(k)}" = excluded."${col(k)}"`).join(', '),
  );
  const differs = sql.raw(
    compared.map((k) => `placements."${col(k)}" is distinct from excluded."${col(k)}"`).join(' or '),
  );
  const [r] = await queryRows<{ created: number; updated: number }>(
    tx,
    sql`with up as (
          insert into placements (${colList}) select ${values} from placement_import s order by s.line
          on conflict (origin_ref) where origin = 'import' do update set ${updates}
            where placements.origin = 'import' and (${differs})
          returning (xmax = 0) as inserted)
        select (count(*) filter (where inserted))::int as created, (count(*) filter (where not inserted))::int as updated from up`,
  );
  return r;
}

/** Imports the file inside `tx` (see the module header); problems are returned, not thrown. */
async function importPlacements(
  tx: Db,
  source: ImportSource,
  ctx: ImportContext,
): Promise<{ issues: ImportIssue[]; summary: ImportSummary | null }> {
  await tx.execute(sql.raw(`create temp table placement_import (${STAGE_COLUMNS}) on commit drop`));
  const { rows, issues, packageColumn } = await stageFile(tx, source);
  if (issues.length) return { issues, summary: null };
  const repeats = await repeatedPackages(tx, packageColumn);
  if (repeats.length) return { issues: repeats, summary: null };
  const unknown = await resolveLocations(tx);
  if (unknown.length) return { issues: unknown, summary: null };
  const bulk = ctx.options.bulk === 'on' || (ctx.options.bulk !== 'off' && rows >= BULK_ROWS);
  if (bulk) await tx.execute(sql`select set_config('steward.market_bulk', 'on', true)`);
  const { created, updated } = await upsertPlacements(tx);
  if (bulk) {
    await tx.execute(sql`select set_config('steward.market_bulk', 'off', true)`);
    await tx.execute(sql`select market_rebuild_placement_aggregates()`);
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
  description:
    'Placements and packages from case management (CSV or XLSX, one row per package: package ID, person reference, service type, CQC location ID or provider, band, start, end, weekly cost or hours and hourly rate, funding); person references pseudonymised',
  streaming: true,
  importFile: importPlacements,
};
