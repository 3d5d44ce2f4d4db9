// `steward import postcodes <ONSPD.csv>`: ONS Postcode Directory (or NSPL) in, postcode district centroids out.
// The national file has about 2.7 million rows, so it is streamed: each live postcode is added to a running
// sum for its district (outward code) and only the ~3,000 district totals are kept in memory.
// Live = `doterm` empty. Postcodes without a grid reference (ONSPD writes lat 99.999999) are skipped.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { postcodeDistricts } from '../db/discharge/schema.js';
import { outwardCode, type DistrictCentroid } from '../domain/discharge/geo.js';
import { decodeText } from './decode.js';
import { parse as parseCsvSync } from 'csv-parse/sync';
import { mapHeader } from './csv.js';
import type { ImportIssue, ImportSource, Importer, ImportSummary, ParsedImport } from './framework.js';

const COLUMNS = {
  pcds: { names: ['pcds'], required: false },
  pcd: { names: ['pcd', 'pcd7', 'pcd8'], required: false },
  doterm: { names: ['doterm'] },
  lat: { names: ['lat'] },
  long: { names: ['long', 'lng'] },
};

/** ONSPD's placeholder latitude for postcodes with no grid reference. */
const NO_GRID_LAT = 99.999999;
/** Stop listing bad rows after this many: the file is refused anyway, and the first ones show the pattern. */
const MAX_ISSUES = 200;

export interface OnspdStats {
  rowsRead: number;
  live: number;
  terminated: number;
  noGridReference: number;
}

/** Running sums per district. Pure and small: a few thousand entries for the whole UK. */
export class DistrictAccumulator {
  private sums = new Map<string, { lat: number; lng: number; n: number }>();

  add(district: string, lat: number, lng: number): void {
    const s = this.sums.get(district);
    if (s) {
      s.lat += lat;
      s.lng += lng;
      s.n++;
    } else {
      this.sums.set(district, { lat, lng, n: 1 });
    }
  }

  /** Mean latitude and longitude of each district's live postcodes, sorted by district. */
  centroids(): DistrictCentroid[] {
    return [...this.sums.entries()]
      .map(([district, s]) => ({ district, lat: round6(s.lat / s.n), lng: round6(s.lng / s.n), postcodes: s.n }))
      .sort((a, b) => a.district.localeCompare(b.district, 'en', { numeric: true }));
  }
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/**
 * Split one CSV line. ONSPD lines are plain (quoted codes, bare numbers, no embedded commas or quotes), so the
 * fast path splits on commas; any line that is not plain goes through csv-parse, so odd files still parse right.
 */
export function splitCsvLine(text: string): string[] {
  const fields = text.split(',');
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    if (f.length && f.charCodeAt(0) === 34 /* " */) {
      if (f.length < 2 || f.charCodeAt(f.length - 1) !== 34 || f.indexOf('"', 1) !== f.length - 1)
        return parseCsvSync(text, { relax_column_count: true, relax_quotes: true })[0] ?? [];
      fields[i] = f.slice(1, -1);
    } else if (f.indexOf('"') >= 0) {
      return parseCsvSync(text, { relax_column_count: true, relax_quotes: true })[0] ?? [];
    }
  }
  return fields;
}

/**
 * Stream an ONSPD-layout CSV and return district centroids, counts and every problem with its line and field.
 * Lines are read straight from the byte stream (no per-record objects), which keeps a 2.7-million-row file
 * to a few hundred thousand rows a second in constant memory.
 */
export async function readOnspdDistricts(
  source: ImportSource,
): Promise<{ districts: DistrictCentroid[]; stats: OnspdStats; issues: ImportIssue[] }> {
  const acc = new DistrictAccumulator();
  const stats: OnspdStats = { rowsRead: 0, live: 0, terminated: 0, noGridReference: 0 };
  const issues: ImportIssue[] = [];
  let index: Record<keyof typeof COLUMNS, number> | null = null;
  let headerIssues: ImportIssue[] = [];
  let issueCount = 0;
  const problem = (issue: ImportIssue) => {
    issueCount++;
    if (issues.length < MAX_ISSUES) issues.push(issue);
  };

  const handle = (line: number, text: string) => {
    if (text.length === 0) return;
    let values: string[];
    try {
      values = splitCsvLine(text);
    } catch (e) {
      // An unclosed quote and the like: the line is refused, with what the CSV parser found.
      problem({ line, message: `not valid CSV: ${(e as Error).message}` });
      return;
    }
    if (!index) {
      const mapped = mapHeader(values, COLUMNS, line);
      if (mapped.index.pcds < 0 && mapped.index.pcd < 0) {
        mapped.issues.push({ line, field: 'pcds', message: 'Missing column "pcds" (or "pcd") in the header' });
      }
      index = mapped.index;
      headerIssues = mapped.issues;
      return;
    }
    stats.rowsRead++;
    const postcode = index.pcds >= 0 && values[index.pcds] ? values[index.pcds] : (values[index.pcd] ?? '');
    if (values[index.doterm]?.trim()) {
      stats.terminated++;
      return;
    }
    const district = outwardCode(postcode);
    if (!district) {
      problem({ line, field: index.pcds >= 0 ? 'pcds' : 'pcd', message: `"${postcode}" is not a postcode` });
      return;
    }
    const latText = values[index.lat]?.trim() ?? '';
    const lngText = values[index.long]?.trim() ?? '';
    if (latText === '' || Number(latText) === NO_GRID_LAT) {
      stats.noGridReference++;
      return;
    }
    const lat = Number(latText);
    const lng = Number(lngText);
    if (!Number.isFinite(lat) || lat < 49 || lat > 61) {
      problem({ line, field: 'lat', message: `Latitude "${latText}" is not a number between 49 and 61` });
      return;
    }
    if (lngText === '' || !Number.isFinite(lng) || lng < -9 || lng > 3) {
      problem({ line, field: 'long', message: `Longitude "${lngText}" is not a number between -9 and 3` });
      return;
    }
    stats.live++;
    acc.add(district, lat, lng);
  };

  // Decoded by the shared reading layer (UTF-8 with or without BOM, or Windows-1252), which also reports progress.
  let rest = '';
  let line = 0;
  for await (const chunk of decodeText(source)) {
    const text = rest + chunk;
    let from = 0;
    for (let nl = text.indexOf('\n', from); nl >= 0; nl = text.indexOf('\n', from)) {
      line++;
      handle(line, text.charCodeAt(nl - 1) === 13 ? text.slice(from, nl - 1) : text.slice(from, nl));
      if (headerIssues.length) return { districts: [], stats, issues: headerIssues };
      from = nl + 1;
    }
    rest = text.slice(from);
  }
  if (rest.length) handle(++line, rest.endsWith('\r') ? rest.slice(0, -1) : rest);
  if (headerIssues.length) return { districts: [], stats, issues: headerIssues };
  if (!index)
    return {
      districts: [],
      stats,
      issues: [{ line: null, message: 'The file is empty: expected the ONSPD header (pcd,pcd2,pcds,dointr,doterm,…)' }],
    };
  if (issueCount > issues.length) {
    issues.push({
      line: null,
      message: `${issueCount - issues.length} more rows have problems (only the first ${MAX_ISSUES} are listed)`,
    });
  }
  if (!issueCount && stats.live === 0)
    issues.push({ line: null, message: 'No live postcodes with a grid reference found' });
  return { districts: acc.centroids(), stats, issues };
}

export interface PostcodeImportRows {
  districts: DistrictCentroid[];
  stats: OnspdStats;
}

/** Insert or replace the centroids of every district in the file (districts not in the file are left alone). */
export async function writeDistrictCentroids(
  db: Db,
  districts: readonly DistrictCentroid[],
  source: string,
): Promise<{ created: number; updated: number }> {
  let created = 0;
  let updated = 0;
  for (let i = 0; i < districts.length; i += 500) {
    const chunk = districts.slice(i, i + 500);
    const res = await db
      .insert(postcodeDistricts)
      .values(chunk.map((d) => ({ district: d.district, lat: d.lat, lng: d.lng, postcodes: d.postcodes, source })))
      .onConflictDoUpdate({
        target: postcodeDistricts.district,
        set: {
          lat: sql`excluded.lat`,
          lng: sql`excluded.lng`,
          postcodes: sql`excluded.postcodes`,
          source: sql`excluded.source`,
          updatedAt: sql`now()`,
        },
      })
      .returning({ inserted: sql<boolean>`(xmax = 0)` });
    for (const r of res) {
      if (r.inserted) created++;
      else updated++;
    }
  }
  return { created, updated };
}

export const postcodesImporter: Importer<PostcodeImportRows> = {
  kind: 'postcodes',
  label: 'Postcode directory',
  formats: ['csv'],
  source: 'Office for National Statistics (ONS) Postcode Directory',
  description: 'ONS Postcode Directory (ONSPD/NSPL CSV) → postcode district centroids for distances',
  async parse(source: ImportSource): Promise<ParsedImport<PostcodeImportRows>> {
    const { districts, stats, issues } = await readOnspdDistricts(source);
    return { rows: issues.length ? [] : [{ districts, stats }], issues };
  },
  async write(db: Db, rows: PostcodeImportRows[], ctx): Promise<ImportSummary> {
    const { districts, stats } = rows[0];
    const { created, updated } = await writeDistrictCentroids(db, districts, ctx.fileName);
    return {
      kind: 'postcodes',
      fileName: ctx.fileName,
      rowsRead: stats.rowsRead,
      created,
      updated,
      districts: districts.length,
      messages: [
        `${stats.live.toLocaleString('en-GB')} live postcodes in ${districts.length.toLocaleString('en-GB')} districts`,
        `${stats.terminated.toLocaleString('en-GB')} terminated postcodes and ${stats.noGridReference.toLocaleString('en-GB')} without a grid reference left out`,
      ],
    };
  },
};
