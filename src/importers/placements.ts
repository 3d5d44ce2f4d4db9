// `steward import placements <file>`: placements and packages from the council's case-management system (CSV or
// XLSX, one row per package; columns in src/domain/market/placementsFile.ts). Person references are pseudonymised
// on import with the instance's key; re-importing updates each package by the source system's package ID.
import { eq, inArray, or, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.js';
import { pseudonymKey, pseudonymise } from '../db/core/pseudonyms.js';
import { locations, placements, providers } from '../db/market/schema.js';
import { mapPlacementHeader, parsePlacementRow, type PlacementFileRow } from '../domain/market/placementsFile.js';
import { readCsv } from './csv.js';
import { ImportRejected, type ImportIssue, type Importer } from './framework.js';

const MAX_ISSUES = 500;

/** Location IDs for the rows' CQC IDs or names; rows whose location is unknown or ambiguous become issues. */
async function resolveLocations(
  db: Db,
  rows: readonly PlacementFileRow[],
): Promise<{ byKey: Map<string, string>; issues: ImportIssue[] }> {
  const byKey = new Map<string, string>();
  const cqcIds = [...new Set(rows.filter((r) => r.locationBy === 'cqc').map((r) => r.locationKey))];
  for (let i = 0; i < cqcIds.length; i += 10_000) {
    const found = await db
      .select({ id: locations.id, cqc: locations.cqcLocationId })
      .from(locations)
      .where(inArray(locations.cqcLocationId, cqcIds.slice(i, i + 10_000)));
    for (const f of found) byKey.set(`cqc:${f.cqc}`, f.id);
  }
  const names = [...new Set(rows.filter((r) => r.locationBy === 'name').map((r) => r.locationKey.toLowerCase()))];
  const ambiguous = new Set<string>();
  for (let i = 0; i < names.length; i += 10_000) {
    const chunk = names.slice(i, i + 10_000);
    const found = await db
      .select({ id: locations.id, name: locations.name, provider: providers.name })
      .from(locations)
      .innerJoin(providers, eq(providers.id, locations.providerId))
      .where(or(inArray(sql`lower(${locations.name})`, chunk), inArray(sql`lower(${providers.name})`, chunk)));
    for (const f of found)
      for (const n of new Set([f.name.toLowerCase(), f.provider.toLowerCase()]))
        if (chunk.includes(n)) {
          const key = `name:${n}`;
          if (byKey.has(key) && byKey.get(key) !== f.id) ambiguous.add(key);
          byKey.set(key, f.id);
        }
  }
  const issues: ImportIssue[] = [];
  for (const r of rows) {
    const key = r.locationBy === 'cqc' ? `cqc:${r.locationKey}` : `name:${r.locationKey.toLowerCase()}`;
    if (issues.length >= MAX_ISSUES) break;
    if (ambiguous.has(key))
      issues.push({
        line: r.line,
        field: 'provider',
        message: `"${r.locationKey}" names more than one location: give the CQC location ID`,
      });
    else if (!byKey.has(key))
      issues.push({
        line: r.line,
        field: r.locationBy === 'cqc' ? 'cqc location id' : 'provider',
        message: `no location ${r.locationKey} in the market register (import the CQC register first)`,
      });
  }
  return { byKey, issues };
}

export const placementsImporter: Importer<PlacementFileRow> = {
  kind: 'placements',
  description:
    'Placements and packages from case management (CSV or XLSX, one row per package: package ID, person reference, service type, CQC location ID or provider, band, start, end, weekly cost or hours and hourly rate, funding); person references pseudonymised',
  async parse(source) {
    const rows: PlacementFileRow[] = [];
    const issues: ImportIssue[] = [];
    let more = 0;
    let map: ReturnType<typeof mapPlacementHeader> | null = null;
    const seen = new Map<string, number>();
    for await (const rec of readCsv(source)) {
      if (!map) {
        map = mapPlacementHeader(rec.values, rec.line);
        if (map.issues.length) return { rows: [], issues: map.issues };
        continue;
      }
      const r = parsePlacementRow(rec.values, rec.line, map);
      if (r.row) {
        const first = seen.get(r.row.packageId);
        if (first !== undefined)
          r.issues.push({
            line: rec.line,
            field: map.names.packageId,
            message: `package ${r.row.packageId} is repeated (first on line ${first})`,
          });
        else seen.set(r.row.packageId, rec.line);
      }
      if (r.issues.length) {
        for (const i of r.issues)
          if (issues.length < MAX_ISSUES) issues.push(i);
          else more++;
      } else if (!issues.length) rows.push(r.row!);
    }
    if (!map) return { rows: [], issues: [{ line: null, field: 'file', message: 'the file is empty' }] };
    if (more) issues.push({ line: null, message: `${more} more problems (only the first ${MAX_ISSUES} are listed)` });
    if (!issues.length && rows.length === 0)
      issues.push({ line: null, field: 'file', message: 'the file has no packages after the header' });
    return { rows: issues.length ? [] : rows, issues };
  },
  async write(db, rows, ctx) {
    const { byKey, issues } = await resolveLocations(db, rows);
    if (issues.length) throw new ImportRejected(ctx.fileName, issues);
    const key = await pseudonymKey(db);
    const now = new Date();
    const value = (r: PlacementFileRow) => ({
      personRef: pseudonymise(key, r.personRef),
      locationId: byKey.get(r.locationBy === 'cqc' ? `cqc:${r.locationKey}` : `name:${r.locationKey.toLowerCase()}`)!,
      serviceType: r.serviceType,
      band: r.band,
      startDate: r.startDate,
      endDate: r.endDate,
      weeklyPricePence: r.weeklyPricePence!,
      hoursPerWeek: r.hoursPerWeek === null ? null : r.hoursPerWeek.toFixed(2),
      hourlyRatePence: r.hourlyRatePence,
      topUpWeeklyPence: r.topUpWeeklyPence,
      funding: r.funding,
      contractType: r.contractType,
      purpose: r.purpose,
      origin: 'import',
      originRef: r.packageId,
      updatedAt: now,
    });
    type Row = ReturnType<typeof value>;
    const compared: (keyof Row)[] = [
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
    ];
    // One JSON parameter per batch expanded with json_populate_recordset (far faster than a bind parameter per
    // value, on PGlite especially), upserted on the package ID; a row is rewritten only when something differs.
    const columns = (Object.keys(value(rows[0])) as (keyof Row)[]).map((k) => placements[k].name);
    const colList = sql.raw(columns.map((c) => `"${c}"`).join(', '));
    const updates = sql.raw(
      [...compared, 'updatedAt' as const]
        .map((k) => `"${placements[k].name}" = excluded."${placements[k].name}"`)
        .join(', '),
    );
    const differs = sql.raw(
      compared
        .map((k) => `placements."${placements[k].name}" is distinct from excluded."${placements[k].name}"`)
        .join(' or '),
    );
    let created = 0;
    let updated = 0;
    const BATCH = 20_000;
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH).map((r) => {
        const v = value(r) as Record<string, unknown>;
        const o: Record<string, unknown> = {};
        for (const k of Object.keys(v))
          o[placements[k as keyof Row].name] = v[k] instanceof Date ? (v[k] as Date).toISOString() : v[k];
        return o;
      });
      const written = await queryRows<{ inserted: boolean }>(
        db,
        sql`insert into placements (${colList}) select ${colList} from json_populate_recordset(null::placements, ${JSON.stringify(batch)}::json)
            on conflict (origin_ref) where origin = 'import' do update set ${updates} where placements.origin = 'import' and (${differs})
            returning (xmax = 0) as inserted`,
      );
      for (const w of written)
        if (w.inserted) created++;
        else updated++;
    }
    const unchanged = rows.length - created - updated;
    return {
      kind: 'placements',
      fileName: ctx.fileName,
      rowsRead: rows.length,
      created,
      updated,
      unchanged,
      messages: [
        `${rows.length.toLocaleString('en-GB')} packages read: ${created.toLocaleString('en-GB')} new, ${updated.toLocaleString('en-GB')} updated, ${unchanged.toLocaleString('en-GB')} unchanged`,
        'person references pseudonymised with this instance’s key',
      ],
    };
  },
};
